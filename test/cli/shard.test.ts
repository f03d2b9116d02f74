/**
 * careplan lint --shard i/n (issue 15): n CI jobs each check a part of the records, every job
 * indexing the whole workspace. The parts' reports put together must be the unsharded report;
 * the split must be the same on every run and balanced by size.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesOfShard } from '../../server/src/node/shard';
import { corpusRecord } from '../bench/cliBench';
import { CLI, REPO, runCli, workspace } from '../support/cli';

type Result = { filePath: string };

describe('careplan lint --shard', function () {
  // several runs of the built CLI each: slow on a busy 2-core machine, not a hang
  this.timeout(300_000);
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('gives parts whose JSON, merged, is the unsharded JSON (checks across records, skipped paths and all)', () => {
    const files: Record<string, string> = { '.careplan.yaml': 'today: 2025-11-01\n' };
    for (let i = 0; i < 24; i++) files[corpusRecord(i).file] = corpusRecord(i).text;
    const dir = workspace(files, { git: true });
    fs.cpSync(path.join(REPO, 'samples'), path.join(dir, 'samples'), { recursive: true });
    fs.symlinkSync('/etc/hostname', path.join(dir, 'outside.yaml')); // reported, never opened: one part says so
    const report = (...extra: string[]) => {
      const out = path.join(dir, `report${extra.join('').replace(/\W/g, '-')}.json`);
      const r = runCli(['lint', '.', '--format', 'json', '-o', out, ...extra], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      return JSON.parse(fs.readFileSync(out, 'utf8')) as Result[];
    };
    const whole = report();
    for (const n of [2, 3, 5]) {
      const parts = Array.from({ length: n }, (_, i) => report('--shard', `${i + 1}/${n}`));
      for (const part of parts) assert.ok(part.length > 0, 'every part has records');
      const merged = parts.flat().sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
      assert.deepEqual(merged, whole, `${n} parts`);
    }
    assert.deepEqual(report('--shard', '2/3'), report('--shard', '2/3'), 'the same split on every run');
    // SARIF as docs/cli.md merges it (jq): the first part's document with every part's results
    type Sarif = { runs: { tool: unknown; results: unknown[] }[] };
    const sarif = (...extra: string[]) => {
      const out = path.join(dir, `report${extra.join('').replace(/\W/g, '-')}.sarif`);
      runCli(['lint', '.', '--format', 'sarif', '-o', out, ...extra], dir);
      return JSON.parse(fs.readFileSync(out, 'utf8')) as Sarif;
    };
    const wholeSarif = sarif();
    const parts = [1, 2, 3].map((i) => sarif('--shard', `${i}/3`));
    const merged = parts[0];
    merged.runs[0].results = parts.flatMap((p) => p.runs[0].results);
    const byText = (xs: unknown[]) => xs.map((x) => JSON.stringify(x)).sort();
    assert.ok(wholeSarif.runs[0].results.length > 20);
    assert.deepEqual(byText(merged.runs[0].results), byText(wholeSarif.runs[0].results));
    assert.deepEqual({ ...merged, runs: [{ ...merged.runs[0], results: [] }] }, { ...wholeSarif, runs: [{ ...wholeSarif.runs[0], results: [] }] });
    assert.ok(whole.some((r) => r.filePath.endsWith('outside.yaml')));
  });

  it('balances the parts by size: no part is more than the largest file ahead of another', () => {
    const sizes = new Map(Array.from({ length: 500 }, (_, i) => [`f${String(i).padStart(3, '0')}.yaml`, ((i * 7919) % 997) + 1]));
    const files = [...sizes.keys()];
    for (const n of [2, 3, 7, 16]) {
      const parts = Array.from({ length: n }, (_, i) => filesOfShard(files, (f) => sizes.get(f)!, { index: i + 1, count: n }));
      assert.deepEqual(parts.flat().sort(), files, 'each file in exactly one part');
      const loads = parts.map((p) => p.reduce((s, f) => s + sizes.get(f)!, 0));
      assert.ok(Math.max(...loads) - Math.min(...loads) <= Math.max(...sizes.values()), `${n} parts: ${loads.join(', ')}`);
      for (const p of parts) assert.deepEqual(p, [...p].sort(), 'a part keeps the path order');
    }
  });

  it('refuses a --shard that is not i/n with 1 ≤ i ≤ n', () => {
    const dir = workspace({ 'r.yaml': 'kind: review\n' });
    for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0', '-1/2']) {
      const r = runCli(['lint', '.', '--shard', bad], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--shard takes i\/n/);
    }
  });
});
