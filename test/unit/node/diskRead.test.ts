import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nodeDiskCalls } from '../../../server/src/node/disk';

describe('disk: reading a regular file', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-read-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('returns every byte of files around the size each read asks for', async () => {
    for (const size of [0, 1, 4095, 4096, 4097, 70_000, (1 << 20) + 3]) {
      const bytes = Buffer.alloc(size, 0).map((_, i) => i % 251);
      const file = path.join(dir, `f${size}`);
      writeFileSync(file, bytes);
      const got = await nodeDiskCalls.read(file, 20 * 1024 * 1024);
      assert.equal(got.size, size);
      assert.ok(Buffer.from(got.bytes).equals(bytes), `the bytes of a ${size}-byte file`);
    }
  });

  it('stops one byte past the limit, so a larger file can be told', async () => {
    const file = path.join(dir, 'big');
    writeFileSync(file, Buffer.alloc(5000, 7));
    const got = await nodeDiskCalls.read(file, 100);
    assert.equal(got.bytes.length, 101);
    assert.equal(got.size, 5000);
  });
});
