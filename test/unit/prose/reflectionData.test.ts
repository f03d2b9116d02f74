/**
 * The reflection cues as reviewed data: every entry has a sentence it is there for. With the entry
 * its family finds that sentence; without it, no other entry of the family does — so an entry
 * nothing needs cannot stay unnoticed. The examples of the child's life are also read as the
 * judgement reads them: about the child.
 */
import assert from 'node:assert/strict';
import { CHILD_WORDS, EXPERIENCE, GENERIC, LIVED, REPORT, STANCE, WHY, WORKING, WORRY, type Cue } from '../../../server/src/service/prose/reflection/cues';
import { cueRegex, judgeReflection } from '../../../server/src/service/prose/reflection';

const FAMILIES: [string, readonly Cue[]][] = [
  ['why', WHY],
  ['working', WORKING],
  ['worry', WORRY],
  ['experience', EXPERIENCE],
  ['lived', LIVED],
  ['child words', CHILD_WORDS],
  ['generic', GENERIC],
  ['report', REPORT],
  ['stance', STANCE],
];

const finds = (cues: readonly Cue[], text: string): boolean => {
  if (cues.length === 0) return false;
  const re = cueRegex(cues);
  re.lastIndex = 0;
  return re.test(text.toLowerCase());
};

describe('prose: reflection cues, each with the sentence it is for', () => {
  for (const [family, cues] of FAMILIES) {
    cues.forEach((cue, i) => {
      it(`${family}: ${cue.example}`, () => {
        assert.ok(finds(cues, cue.example), 'the family does not find its own example');
        assert.ok(!finds(cues.filter((_, j) => j !== i), cue.example), 'another entry finds it too: this one is not needed');
      });
    });
  }

  it('finds the other forms an entry is written for, and not the ordinary sentences that share its words', () => {
    for (const [cues, text] of [
      [STANCE, "- pattern = drops when Mother's benefits stop"],
      [STANCE, 'That is a fair criticism of us.'],
      [STANCE, 'The risk of another move is outweighed by what he would gain.'],
      [STANCE, 'Missing twice last week, which reads as T going to find F.'],
      [STANCE, 'SW & I both think it is the journey.'],
      [WHY, "We can't rule anything out."],
    ] as const) assert.ok(finds(cues, text), text);
    for (const text of ['This is the risk management plan agreed at the meeting.', 'He was right outside the school when I arrived.', 'Either parent is able to collect him from school or nursery.']) {
      assert.ok(!finds(STANCE, text), text);
    }
    // a curly apostrophe, as pasted from a word processor, reads as a straight one
    assert.ok(judgeReflection({ reflection: 'We can’t rule anything out.' }).present.includes('why'));
    assert.ok(judgeReflection({ reflection: 'J doesn’t want to go home.' }).present.includes('working'));
    // "reads as" is the stance of its own sentence, not of the one before
    assert.equal(judgeReflection({ reflection: 'I visited J at home. Reads as T going to find F.' }).reported, 1);
  });

  it("every example of the child's life is read as about the child", () => {
    const notChild = [...EXPERIENCE, ...LIVED, ...CHILD_WORDS]
      .map((c) => c.example)
      .filter((example) => !judgeReflection({ reflection: example }).present.includes('child'));
    assert.deepEqual(notChild, []);
  });

  it('a life cue about an adult is not the child', () => {
    assert.ok(!judgeReflection({ reflection: 'Mother says she is happy with the plan.' }).present.includes('child'));
    assert.ok(judgeReflection({ reflection: 'She told her mother she was scared.' }).present.includes('child'));
    // a wife or a clinician in the sentence: "he" is the father, not the child
    assert.ok(!judgeReflection({ reflection: 'He says the psychiatrist told him he only gets angry because of his wife.' }).present.includes('child'));
  });

  it('children in general are not this child: a bare plural is generic', () => {
    assert.ok(!judgeReflection({ reflection: 'We look at how children can recognise drug use and may find relationships hard.' }).present.includes('child'));
    assert.ok(judgeReflection({ reflection: 'The children find contact with their mother hard.' }).present.includes('child'));
  });

  it("someone else's question is not a reason: 'asked why', 'do not understand why'", () => {
    assert.ok(!judgeReflection({ reflection: 'They do not understand why she says she does not know them.' }).present.includes('why'));
    assert.ok(judgeReflection({ reflection: 'I wonder why the adults deceive her like this.' }).present.includes('why'));
  });

  it("an adult's act is a report only when the adult is the one acting", () => {
    assert.equal(judgeReflection({ reflection: 'Her mother came home and found her with the new partner.' }).reported, 1);
    // "contact with Father moved": Father is not the subject, the contact is
    assert.equal(judgeReflection({ reflection: 'J is quieter since contact with Father moved to the family centre.' }).reported, 0);
  });

  it('what we discussed or agreed, with its content, is not a report of a meeting: the content is read', () => {
    assert.equal(judgeReflection({ reflection: 'We discussed that he will be the only one in his class not going on the trip.' }).reported, 0);
    assert.equal(judgeReflection({ reflection: 'We discussed his school trip with the carers.' }).reported, 1);
    // "that" opening a time, not what was said: still a report
    assert.equal(judgeReflection({ reflection: 'I visited that evening and saw him with his carers.' }).reported, 1);
    assert.equal(judgeReflection({ reflection: 'We met that morning at the family centre.' }).reported, 1);
  });

  it("a parent's view is reported, not weighed: only a professional's view is a reason", () => {
    assert.ok(judgeReflection({ reflection: "TM's view is that J cannot wait another year." }).present.includes('why'));
    assert.ok(!judgeReflection({ reflection: "Mother's view is that the school is picking on J." }).present.includes('why'));
  });

  it('what a professional felt or asked is a report', () => {
    assert.equal(judgeReflection({ reflection: 'The police were frustrated and asked us to manage him better.' }).reported, 1);
  });

  it('generic phrases are not read for the parts: "no concerns" is not a worry', () => {
    assert.deepEqual(judgeReflection({ reflection: 'Case discussed, no concerns.' }).present, []);
    assert.deepEqual(judgeReflection({ reflection: 'There are concerns about his weight.' }).present, ['child', 'worry']);
  });

  it('every example of a report is read as a report, and its cues are not read for the parts', () => {
    const notReport = REPORT.map((c) => c.example).filter((example) => judgeReflection({ reflection: example }).reported !== 1);
    assert.deepEqual(notReport, []);
    // "so we warn mother" is what was done, not a reason for the plan; "so fewer sessions are better" is
    assert.deepEqual(judgeReflection({ reflection: 'It is very messy, so we warn mother about the fire.' }).present, []);
    assert.ok(judgeReflection({ reflection: 'The unpredictability is hurting him, so fewer sessions are better.' }).present.includes('why'));
  });

  it('a report that takes a stance is analysis: every example of a stance is read as analysis', () => {
    const notAnalysis = STANCE.map((c) => c.example).filter((example) => {
      const judged = judgeReflection({ reflection: example });
      return judged.analysed !== 1 || judged.reported !== 0;
    });
    assert.deepEqual(notAnalysis, []);
  });
});
