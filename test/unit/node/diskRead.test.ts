import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeDiskCalls, nodeDiskCallsSync } from '../../../server/src/node/disk';

// the CLI reads synchronously, the language server asynchronously: both the same
for (const [name, calls] of [['asynchronous', nodeDiskCalls], ['synchronous', nodeDiskCallsSync]] as const)
describe(`disk: reading a regular file (${name} calls)`, () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-read-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('returns every byte of files around the size each read asks for', async () => {
    for (const size of [0, 1, 4095, 4096, 4097, 70_000, (1 << 20) + 3]) {
      const bytes = Buffer.alloc(size, 0).map((_, i) => i % 251);
      const file = path.join(dir, `f${size}`);
      writeFileSync(file, bytes);
      const got = await calls.read(file, 20 * 1024 * 1024);
      assert.equal(got.size, size);
      assert.ok(Buffer.from(got.bytes).equals(bytes), `the bytes of a ${size}-byte file`);
    }
  });

  it('stops one byte past the limit, so a larger file can be told', async () => {
    const file = path.join(dir, 'big');
    writeFileSync(file, Buffer.alloc(5000, 7));
    const got = await calls.read(file, 100);
    assert.equal(got.bytes.length, 101);
    assert.equal(got.size, 5000);
  });
});

describe('disk: what is not a regular file', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-read-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a named pipe with no writer is refused at once by both kinds of call, not waited on', async () => {
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const calls of [nodeDiskCalls, nodeDiskCallsSync]) await assert.rejects(calls.read(fifo, 100), { code: 'ENOTREG' });
  });

  it('a link is not followed by the final open, by both kinds of call', async () => {
    const target = path.join(dir, 'target.yaml');
    writeFileSync(target, 'kind: review\n');
    const link = path.join(dir, 'link.yaml');
    symlinkSync(target, link);
    for (const calls of [nodeDiskCalls, nodeDiskCallsSync]) await assert.rejects(calls.read(link, 100), { code: 'ELOOP' });
  });
});
