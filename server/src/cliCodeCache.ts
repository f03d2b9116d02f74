/**
 * Makes dist/cli-main.js.cache (scripts/build.mjs runs this once the bundles are built, from the
 * repository's root): the CLI lints the samples as a user's run would, then V8's code for
 * everything that run compiled is saved beside the bundle (codeCache.ts).
 */
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeCacheOf, loadBundle, saveCodeCache, setCliFlags } from './node/codeCache';

setCliFlags();
const bundle = path.join(__dirname, 'cli-main.js');
rmSync(codeCacheOf(bundle), { force: true });
const { exports, script } = loadBundle(bundle);
const report = path.join(os.tmpdir(), `careplan-code-cache-${process.pid}.json`);
void (exports as { main(argv: string[]): Promise<void> }).main([process.execPath, 'careplan', 'lint', 'samples', '--format', 'json', '-o', report]).then(() => {
  rmSync(report, { force: true });
  saveCodeCache(bundle, script);
  process.exitCode = 0;
});
