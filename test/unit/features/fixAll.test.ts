/** `careplan lint --fix` in the core: the safe fixes, made together, every other byte kept (issue 13). */
import { strict as assert } from 'node:assert';
import { applyConfig, createEngine, createMemoryHost, defaultConfig, type DocumentKind } from '../../../server/src/service';
import { applySpans, fixRecord } from '../../../server/src/service/features';

const URI = 'file:///ws/r.yaml';
const CONFIG = applyConfig(defaultConfig(), { today: '2099-11-01' });

async function fix(text: string, kindHint?: DocumentKind) {
  const engine = createEngine(createMemoryHost(['file:///ws/'], []));
  const check = (t: string) => engine.check({ uri: URI, text: t, kindHint }, CONFIG);
  const out = await fixRecord(text, check, () => ({ uri: URI, today: '2099-11-01', timescales: CONFIG.timescales }));
  const again = (await check(out.text)).findings.map((f) => f.ruleId);
  // the last check handed back is of the text handed back
  assert.deepEqual(out.last.findings.map((f) => f.ruleId), again);
  return { ...out, after: again };
}

const REVIEW_DUE = `kind: review
id: review-CH000994-2099-10-24
child: CH-000994
date: 2099-10-24
review: { number: 1, chair: IRO, next_review_due: 2100-01-24 }
actions:
  - id: A1
    action: Refer Mother to the parenting programme by 14 November 2099
    owner: Social worker
    timescale: ongoing   # agreed at the review
    status: open
`;

const REVIEW = `# Review 1 (fictional)\r
kind: review\r
id: review-CH000995-2099-10-24\r
child: CH-000995\r
date: 24/10/2099   # as typed in the meeting\r
review: { number: 1, chair: IRO, next_review_due: 01/02/2100 }\r
actions:\r
  - id: A1\r
    action: Book the review health assessment by 14 November 2099\r
    ownr: Social worker      # who\r
    status: open\r
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }\r
`;

describe('features: fixing a record with its safe fixes', () => {
  it('makes every safe fix (ISO dates, a field with one meaning) and keeps the rest byte for byte, CRLF and comments included', async () => {
    const { text, fixed, after } = await fix(REVIEW);
    assert.equal(fixed, 3);
    assert.deepEqual(after, ['review-schedule'], 'only what needs the author (when the next review is due)');
    const expected = REVIEW.replace('date: 24/10/2099', 'date: 2099-10-24')
      .replace('next_review_due: 01/02/2100', 'next_review_due: 2100-02-01')
      .replace('    ownr: Social worker', '    owner: Social worker');
    assert.equal(text, expected);
  });

  it("writes the wording's date as due: when the timescale is vague (ongoing) and the action says when", async () => {
    const { text, fixed, after } = await fix(REVIEW_DUE);
    assert.equal(fixed, 1);
    // the vague timescale is replaced, its comment kept
    assert.equal(text, REVIEW_DUE.replace('    timescale: ongoing   # agreed at the review', '    due: 2099-11-14   # agreed at the review'));
    assert.ok(!after.includes('action-timescale'), after.join());
  });

  it('does not guess: a misspelling as near to two fields, a vague timescale, a missing owner stay for the author', async () => {
    // 'kid' is one letter from both kind and id; neither is in the record
    const text = 'kid: x\nchild: CH-000995\ndate: 2099-10-24\nactions:\n  - action: Call the school\n    timescale: ongoing\n';
    const out = await fix(text, 'review');
    assert.equal(out.fixed, 0);
    assert.equal(out.text, text);
    assert.ok(out.after.includes('schema') && out.after.includes('action-timescale') && out.after.includes('action-owner'), out.after.join());
  });

  it('applies edits from the end of the text, so each offset still holds', () => {
    const spans = [
      { start: 2, end: 2, newText: 'X' },
      { start: 0, end: 1, newText: 'ab' },
    ];
    assert.equal(applySpans('0123', spans), 'ab1X23');
  });
});
