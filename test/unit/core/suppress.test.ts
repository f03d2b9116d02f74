import assert from 'node:assert/strict';
import { readSuppressions, suppressWithReport, Finding, RULE_INFO } from '../../../server/src/service';

const IDS = RULE_INFO.map((r) => r.id);
const QUIET = { knownIds: IDS, severity: 'off', reportUnused: false } as const;

function finding(line: number, ruleId: string): Finding {
  return { ruleId, severity: 'warning', message: '', pointer: '', range: { start: { line, character: 0 }, end: { line, character: 1 } } };
}

describe('suppression comments', () => {
  const text = [
    'kind: review', // 0
    'a: 1 # careplan-disable-line action-owner', // 1
    '# careplan-disable-next-line action-timescale, action-owner -- agreed with IRO', // 2
    'b: 2', // 3
    '# careplan-disable reference-unlinked', // 4
    'c: 3', // 5
    '# careplan-enable reference-unlinked', // 6
    'd: 4', // 7
    'e: 5 # careplan-disable-line', // 8
  ].join('\n');

  it('reads line, next-line, block and all-rule forms', () => {
    assert.equal(readSuppressions(text).length, 4);
    assert.deepEqual(readSuppressions('kind: review\n'), []);
  });

  it('drops only the findings the comments cover', () => {
    const kept = suppressWithReport(
      [
        finding(1, 'action-owner'),
        finding(1, 'action-timescale'),
        finding(3, 'action-timescale'),
        finding(3, 'action-owner'),
        finding(3, 'schema'),
        finding(5, 'reference-unlinked'),
        finding(7, 'reference-unlinked'),
        finding(8, 'schema'),
      ],
      text,
      QUIET,
    );
    assert.deepEqual(kept.map((f) => `${f.range.start.line}:${f.ruleId}`), ['1:action-timescale', '3:schema', '7:reference-unlinked']);
  });

  const where = (f: Finding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.message}`;

  it('reports an id that is not a rule, at the id, with the nearest rule — and hides nothing for it', () => {
    const typo = 'kind: review\nb: 2 # careplan-disable-line action-timescal, action-owner\n';
    const out = suppressWithReport([finding(1, 'action-timescale'), finding(1, 'action-owner')], typo, { ...QUIET, severity: 'warning' });
    assert.deepEqual(out.map((f) => f.ruleId), ['action-timescale', 'disable-comment']);
    assert.equal(where(out[1]), "1:29-44 'action-timescal' is not a careplan check, so this comment hides nothing for it — did you mean 'action-timescale'?");
    assert.deepEqual(suppressWithReport([], typo, QUIET), [], 'off: nothing reported');
  });

  it('reports comments and ids that hide nothing, when asked', () => {
    const findings = [finding(1, 'action-owner'), finding(3, 'action-timescale'), finding(5, 'reference-unlinked')];
    const asked = suppressWithReport(findings, text, { ...QUIET, severity: 'warning', reportUnused: true });
    assert.deepEqual(asked.map(where), [
      '2:47-59 This comment hides no action-owner finding here — remove \'action-owner\' from it.',
      '8:5-28 This careplan-disable-line comment hides no finding — remove it.',
    ]);
    assert.deepEqual(suppressWithReport(findings, text, { ...QUIET, severity: 'warning' }), [], 'not asked: nothing reported');
  });
});
