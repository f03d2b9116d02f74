/**
 * `careplan lint` indexes every record before checking; when it indexed them in the order their
 * reads finished, the `related` list of a duplicate id (the other documents with that id) came
 * out in a different order from run to run. Here the reads finish in reverse path order, as a
 * busy disk may do, and the list must still be in path order — the same every run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiskCalls, nodeDiskCalls } from '../../../server/src/node/disk';
import { lintPaths } from '../../../server/src/node/lint';

const N = 6;

function record(i: number): string {
  return `kind: review\nid: review-CH100001-1\nchild: CH-100001\ndate: 2025-04-24\ndiscussion: record ${i}\n`;
}

/** The real disk, but a record's read finishes later the earlier its name sorts. */
function reversedReads(): DiskCalls {
  return {
    ...nodeDiskCalls,
    async read(p, maxBytes) {
      const result = await nodeDiskCalls.read(p, maxBytes);
      const m = /r-(\d+)\.yaml$/.exec(p);
      if (m) await new Promise((resolve) => setTimeout(resolve, (N - Number(m[1])) * 15));
      return result;
    },
  };
}

describe('hardening: duplicate-id related locations are in path order (CLI)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'careplan-related-'));
    mkdirSync(path.join(root, 'records'));
    writeFileSync(path.join(root, '.careplan.yaml'), 'today: 2025-11-01\n');
    for (let i = 1; i <= N; i++) writeFileSync(path.join(root, 'records', `r-${i}.yaml`), record(i));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('lists the other documents sorted by path, whatever order the reads finish in', async () => {
    const results = await lintPaths([path.join(root, 'records')], { root, calls: reversedReads() });
    assert.equal(results.length, N);
    for (const r of results) {
      const dup = r.findings.find((f) => f.ruleId === 'duplicate-id');
      assert.ok(dup?.related, `${r.filePath} has no duplicate-id finding with related locations`);
      const names = dup.related.map((x) => path.basename(x.uri));
      const expected = Array.from({ length: N }, (_, i) => `r-${i + 1}.yaml`).filter((n) => n !== path.basename(r.filePath));
      assert.deepEqual(names, expected, `related order for ${path.basename(r.filePath)}`);
    }
  });
});
