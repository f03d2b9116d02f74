/**
 * The CLI's code cache (server/src/node/codeCache.ts): made by the build, used by every run that
 * sets the CLI's V8 flags, and never used by another build of the bundle. Each case runs in a
 * process of its own: V8 accepts a cache only with the flags it was made with.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/cli';

const BUNDLE = path.join(REPO, 'dist', 'cli-main.js');

/** Loads `bundle` as dist/cli.js does (with the CLI's flags, unless told not to): whether V8 refused its cache, and whether the CLI's main came out. */
function load(bundle: string, flags = true): { cacheRejected?: boolean; main: string } {
  const code = `const c = require(${JSON.stringify(path.join(REPO, 'server/src/node/codeCache.ts'))});
${flags ? 'c.setCliFlags();' : ''}
const r = c.loadBundle(${JSON.stringify(bundle)});
process.stdout.write(JSON.stringify({ cacheRejected: r.cacheRejected, main: typeof r.exports.main }));`;
  return JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', code], { cwd: REPO, encoding: 'utf8' }));
}

describe('the CLI’s code cache', function () {
  this.timeout(60_000);
  before(() => assert.ok(fs.existsSync(`${BUNDLE}.cache`), 'run npm run build first'));

  it('is made by the build and accepted by a run with the CLI’s flags (without them V8 refuses it)', () => {
    assert.deepEqual(load(BUNDLE), { cacheRejected: false, main: 'function' });
    assert.deepEqual(load(BUNDLE, false), { cacheRejected: true, main: 'function' });
  });

  it('the bundle has no import() (a function compiled from the cache cannot load a module that way)', () => {
    assert.deepEqual(fs.readFileSync(BUNDLE, 'utf8').match(/(?<![\w.$])import\(/g), null);
  });

  it('loading the bundle loads neither child_process nor worker_threads (a one-file lint needs neither)', () => {
    const code = `const before = new Set(process.moduleLoadList);
require(${JSON.stringify(BUNDLE)});
process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m) && /child_process|worker_threads/.test(m))));`;
    assert.deepEqual(JSON.parse(execFileSync(process.execPath, ['-e', code], { cwd: REPO, encoding: 'utf8' })), []);
  });

  it('is not used by another build of the bundle, even of the same length (V8 compares only the length)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-code-cache-'));
    try {
      const copy = path.join(dir, 'cli-main.js');
      const text = fs.readFileSync(BUNDLE, 'utf8');
      const id = /\/\/# careplan-build (\S+)/.exec(text)![1];
      fs.writeFileSync(copy, text.replace(id, id.replace(/[0-9a-f]/g, (c) => (c === '0' ? '1' : '0'))));
      fs.copyFileSync(`${BUNDLE}.cache`, `${copy}.cache`);
      assert.deepEqual(load(copy), { main: 'function' });
      fs.copyFileSync(BUNDLE, copy);
      assert.deepEqual(load(copy), { cacheRejected: false, main: 'function' });
      // a bundle with no build id (an older or hand-made build) uses no cache
      fs.writeFileSync(copy, text.replace('//# careplan-build', '//# careplan-built'));
      assert.deepEqual(load(copy), { main: 'function' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
