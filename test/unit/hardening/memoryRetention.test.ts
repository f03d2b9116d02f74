/**
 * What held memory in the soak (issue 10: RSS 156 MB after 500 edits, 697 MB at most, 1.65× at
 * the end), both kept after a full collection, so not the collector's timing:
 *
 * - Prose typed into a 200 KB field breaks it into lines YAML reads as field names, each as long
 *   as the prose. Every field name becomes a property name of a plain object, and V8 keeps
 *   property names added that way (in its object shapes' transitions) until a memory-reducing
 *   collection, which a busy server rarely gets. Field names are now cut to MAX_KEY_CHARS.
 * - The values the parser cuts out of the text are views of the whole text: a short timescale
 *   held by the rules' cache kept its whole record alive, one copy per keystroke. Values are now
 *   copies.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { parseCarePlanDocument } from '../../../server/src/service';
import { MAX_KEY_CHARS } from '../../../server/src/service/parse';
import { check } from '../../support/check';

const HEAD = 'kind: review\nid: review-CH100001-2025-04-24\nchild: CH-100001\ndate: 2025-04-24\n';
const PROSE = 'Mother attended every contact session on time. ';

/** Heap growth (MB, after full collections) over a scenario of memoryProbe.ts, in a fresh process. */
function growthOf(scenario: string): number {
  const probe = path.join(__dirname, 'memoryProbe.ts');
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=32', '-r', 'tsx/cjs', probe, scenario], { encoding: 'utf8', cwd: path.join(__dirname, '../../..') });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { growthMb: number }).growthMb;
}

describe('hardening: nothing of a record is kept after its check (soak RSS)', function () {
  this.timeout(120_000);

  it('parsing 600 versions of a record with a 48 KB field name keeps no memory after a full collection', () => {
    const growth = growthOf('longKeys');
    // Before the cut: about 28 MB (each version's name kept); after: nothing measurable.
    assert.ok(growth < 10, `the heap grew by ${growth.toFixed(1)} MB after a full collection`);
  });

  it('typing in a short field of a 500 KB record does not keep a copy of the record per keystroke', () => {
    const growth = growthOf('shortFieldInLargeRecord');
    // Before the copy: about 90 MB (the rules' cache kept each version through its timescale); after: about 25 MB.
    assert.ok(growth < 50, `the heap grew by ${growth.toFixed(1)} MB after a full collection`);
  });

  it('a long field name is cut in the value and the tree alike, so findings still point at all of it', async () => {
    const long = PROSE.repeat(100).trim(); // 4,799 characters
    const text = `${HEAD}${long}: 1\n`;
    const parsed = parseCarePlanDocument(text);
    const keys = Object.keys(parsed.value as object);
    const cut = keys.find((k) => k.startsWith('Mother'));
    assert.ok(cut, `no cut key among ${keys.map((k) => k.slice(0, 20))}`);
    assert.equal(cut.length, MAX_KEY_CHARS + 1);
    assert.ok(cut.endsWith('…'));
    const findings = await check(text);
    const unknown = findings.find((f) => f.ruleId === 'schema' && /is not a field/.test(f.message));
    assert.ok(unknown, `no finding for the unknown field: ${findings.map((f) => f.ruleId + ' ' + f.message.slice(0, 60)).join('; ')}`);
    assert.deepEqual(unknown.range, { start: { line: 4, character: 0 }, end: { line: 4, character: long.length } });
    assert.ok(findings.some((f) => f.ruleId === 'yaml-syntax'), 'the over-long implicit key is a syntax finding');
  });

  it('an emoji at the cut is not split; field names up to the limit are kept as written', () => {
    const atEdge = 'a'.repeat(MAX_KEY_CHARS - 1) + '😀' + 'b'.repeat(10);
    const value = parseCarePlanDocument(`${HEAD}? ${atEdge}\n: 1\n`).value as Record<string, unknown>;
    const cut = Object.keys(value).find((k) => k.startsWith('aaa'))!;
    assert.equal(cut, 'a'.repeat(MAX_KEY_CHARS - 1) + '…');
    const exact = 'c'.repeat(MAX_KEY_CHARS);
    const kept = parseCarePlanDocument(`${HEAD}? ${exact}\n: 1\n`).value as Record<string, unknown>;
    assert.ok(Object.hasOwn(kept, exact));
  });
});
