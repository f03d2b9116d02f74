import assert from 'node:assert/strict';
import { readSuppressions, applySuppressions, Finding } from '../../../server/src/service';

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
    const kept = applySuppressions(
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
    );
    assert.deepEqual(kept.map((f) => `${f.range.start.line}:${f.ruleId}`), ['1:action-timescale', '3:schema', '7:reference-unlinked']);
  });
});
