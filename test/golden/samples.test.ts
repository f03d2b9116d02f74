/**
 * Golden test of the samples: every `# expect: rule-id` marker is reported, and nothing else.
 * A finding inside a block scalar (`discussion: |`) matches a marker on its key's line.
 * Also compares each sample's full output with test/golden/<sample>.txt
 * (UPDATE_GOLDEN=1 npm test rewrites them after an intended change).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPaths, LintResult } from '../../server/src/node/lint';
import { parseCarePlanDocument, fromPointer } from '../../server/src/service';
import { keyLine } from '../../server/src/service/locate';

const REPO = path.resolve(__dirname, '../..');
const SAMPLES = path.join(REPO, 'samples');
const GOLDEN = path.join(__dirname, 'files');

function markers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /#\s*expect:\s*([a-z0-9,\s-]+)$/.exec(line);
    if (m) for (const id of m[1].split(/[\s,]+/).filter(Boolean)) out.push(`${i + 1}:${id}`);
  });
  return out.sort();
}

/** Pairs findings with markers; returns what is left on either side. */
function compare(result: LintResult, text: string) {
  const expected = markers(text);
  const parsed = parseCarePlanDocument(text);
  const unexpected: string[] = [];
  for (const f of result.findings) {
    const candidates = [f.range.start.line + 1];
    const kl = f.pointer ? keyLine(parsed, fromPointer(f.pointer)) : undefined;
    if (kl !== undefined) candidates.push(kl + 1);
    const hit = candidates.map((l) => expected.indexOf(`${l}:${f.ruleId}`)).find((i) => i >= 0);
    if (hit === undefined) unexpected.push(`${f.range.start.line + 1}:${f.ruleId} ${f.message}`);
    else expected.splice(hit, 1);
  }
  return { missing: expected, unexpected };
}

function render(result: LintResult): string {
  return result.findings
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.ruleId} ${f.pointer} ${f.message}`)
    .join('\n') + '\n';
}

describe('samples (golden)', function () {
  let results: LintResult[] = [];
  before(async () => {
    results = await lintPaths([SAMPLES], { root: REPO });
  });

  it('finds the sample records', () => {
    assert.ok(results.filter((r) => r.kind).length >= 8, `only ${results.length} records found`);
  });

  it('reports every marked finding and nothing else, in every sample', () => {
    const problems: string[] = [];
    for (const r of results) {
      const text = fs.readFileSync(r.filePath, 'utf8');
      const { missing, unexpected } = compare(r, text);
      const rel = path.relative(REPO, r.filePath);
      for (const m of missing) problems.push(`${rel}:${m} marked but not reported`);
      for (const u of unexpected) problems.push(`${rel}:${u} reported but not marked`);
    }
    assert.deepEqual(problems, []);
  });

  it('matches the golden output of each sample', () => {
    fs.mkdirSync(GOLDEN, { recursive: true });
    const stale: string[] = [];
    for (const r of results) {
      const name = path.relative(SAMPLES, r.filePath).replace(/[\\/]/g, '__').replace(/\.ya?ml$/, '.txt');
      const file = path.join(GOLDEN, name);
      const actual = render(r);
      if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
      else if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== actual) stale.push(name);
    }
    assert.deepEqual(stale, [], 'golden files differ: run UPDATE_GOLDEN=1 npm test and review the diff');
  });
});
