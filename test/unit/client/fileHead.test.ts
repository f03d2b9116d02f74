// The start of a YAML file is read alone (the workspace fs would read it whole), never through
// a link at its last part, and never waiting on a named pipe.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readFileHead } from '../../../client/src/fileHead';

describe('client: reading the head of a file', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-head-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads only the first bytes of a large file, and all of a small one', async () => {
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, 'kind: review\n' + 'x'.repeat(1_000_000));
    const head = await readFileHead(big, 4096);
    assert.equal(head.length, 4096);
    assert.ok(head.startsWith('kind: review\n'));
    const small = path.join(dir, 'small.yaml');
    fs.writeFileSync(small, 'kind: review\n');
    assert.equal(await readFileHead(small, 4096), 'kind: review\n');
  });

  it('does not read through a link', async () => {
    const target = path.join(dir, 'target.yaml');
    fs.writeFileSync(target, 'kind: review\n');
    const link = path.join(dir, 'link.yaml');
    fs.symlinkSync(target, link);
    await assert.rejects(readFileHead(link, 4096));
  });

  it('returns at once from a named pipe nobody writes to', async () => {
    const pipe = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [pipe]);
    const outcome = await Promise.race([
      readFileHead(pipe, 4096).then((text) => `read ${JSON.stringify(text)}`, (e: NodeJS.ErrnoException) => `refused ${e.code}`),
      new Promise<string>((resolve) => setTimeout(() => resolve('waiting'), 5000).unref()),
    ]);
    assert.notEqual(outcome, 'waiting');
  });
});
