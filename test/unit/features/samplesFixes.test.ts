/**
 * Every quick fix offered for every finding in samples/ leaves readable YAML, and every
 * "disable for this line" fix silences that finding (and only what it names).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI as VsUri } from 'vscode-uri';
import { parseCarePlanDocument, RULE_INFO, suppressWithReport } from '../../../server/src/service';
import { fixesFor } from '../../../server/src/service/features';
import { lintPaths } from '../../../server/src/node/lint';
import { applyEdits } from '../../support/lspClient';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

describe('features: quick fixes on every sample finding', function () {
  this.timeout(60_000);

  it('leave readable YAML, and "disable" silences the finding', async () => {
    const results = await lintPaths([SAMPLES], { root: SAMPLES });
    let fixesTried = 0;
    for (const r of results) {
      const text = readFileSync(r.filePath, 'utf8');
      const uri = VsUri.file(r.filePath).toString();
      const parsed = parseCarePlanDocument(text);
      const syntaxBefore = parsed.problems.length;
      for (const f of r.findings) {
        for (const fix of fixesFor(f, { uri, parsed, today: '2025-11-01' })) {
          if (!fix.edits) continue;
          fixesTried++;
          const out = applyEdits(text, fix.edits);
          const where = `${path.relative(SAMPLES, r.filePath)}:${f.range.start.line + 1} ${f.ruleId} → ${fix.title}`;
          assert.ok(parseCarePlanDocument(out).problems.length <= syntaxBefore, `${where} broke the YAML:\n${out}`);
          if (fix.title.startsWith('Disable ')) {
            assert.equal(suppressWithReport([{ ...f, range: shiftedRange(text, out, f.range) }], out, { knownIds: RULE_INFO.map((r) => r.id), severity: 'warning', reportUnused: false }).length, 0, `${where} did not silence it`);
          }
        }
      }
    }
    assert.ok(fixesTried > 20, `tried ${fixesTried} fixes`);
  });
});

/** The finding's range after lines were inserted above it. */
function shiftedRange(before: string, after: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  const a = before.split('\n');
  const b = after.split('\n');
  let shift = 0;
  for (let i = 0, j = 0; i <= range.start.line && j < b.length; j++) {
    if (a[i] === b[j]) i++;
    else shift++;
  }
  return { start: { ...range.start, line: range.start.line + shift }, end: { ...range.end, line: range.end.line + shift } };
}
