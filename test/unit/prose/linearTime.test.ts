/**
 * Every prose and date scan is linear in its text: each adversarial pattern is timed at two sizes
 * ten times apart and the ratio asserted (linear ≈ 10, quadratic ≈ 100). A ratio, not a time, so
 * the test does not flake on a slow or busy machine.
 */
import assert from 'node:assert/strict';
import { analyseExpectation, findDocumentPointers } from '../../../server/src/service/prose';
import { judgeReflection } from '../../../server/src/service/prose/reflection';
import { assessActionTimescale, findDeadlineInText, resolveTimescale } from '../../../server/src/service/dates';
import { LINEAR_LIMIT, sizeRatio } from '../../support/linearTime';

const ANCHORS = { documentDate: '2025-04-24', nextReviewDue: '2025-10-23' };

/** The scans, each on a text of any length. */
const SCANS: Record<string, (text: string) => unknown> = {
  pointers: (t) => findDocumentPointers(t),
  expectation: (t) => analyseExpectation({ expectation: t, parent: 'Mother' }),
  'timescale field': (t) => resolveTimescale(t, ANCHORS),
  'deadline in text': (t) => findDeadlineInText(t, ANCHORS),
  'action timescale': (t) => assessActionTimescale({ action: t, timescale: t }, ANCHORS),
  'supervision reflection': (t) => judgeReflection({ reflection: t, discussion: t }),
};

/**
 * The two sizes timed, where a scan reads only so much: an expectation is read up to 2,000
 * characters and a reflection with its discussion up to 20,000, so 10k and 100k would time the same
 * capped work and hide a quadratic scan (a reviewer found one that way).
 */
const SIZES: Record<string, readonly [number, number]> = {
  expectation: [200, 2_000],
  'supervision reflection': [1_000, 10_000],
};
/**
 * At 0.2k a run takes a fraction of a millisecond, so a collection landing in the larger runs
 * weighs more (a full suite once measured ×23 where the file alone gives ×4): 30 still fails a
 * quadratic scan, which gives about ×100, by three times.
 */
const LIMITS: Record<string, number> = { expectation: 30 };

/** Repeated units that make a scanner try many starts: cues with no document, dates, anchors, words. */
const PATTERNS = [
  'in line with the ', 'see ', 'as per ', 'please refer to ', 'details are in ', 'further details ', 'the PEP ',
  'found ', 'the PEP sets out ', 'attached ', 'appendix 1 ', 'as previously recorded ', 'according to ',
  'for further details see ', 'information about the ', 'can be found in ', "J's ", 'read alongside ',
  'the care plan dated 12/12/2025 ', 'a', ' ', '1.', '.', 'the ', 'is in ', 'set out in the ',
  '12/12/2025 ', 'within 10 working days of ', 'every ', 'by the next review ', '1 ', 'monday ', 'summer term ',
  'w/c ', 'until ', 'after ', 'ongoing ', '12 may ', '2025-', 'by ', 'weekly until ', 'of the ',
  'Mother will ', 'engage with ', 'appropriate ', 'not ', 'every week ', 'and ', 'such as ', 'meaning ',
  // the open set of documents: Title-Case runs, document words, sections, quotes, "here", subjects
  'See Care ', 'Care Leavers ', 'see the report ', 'report ', 'see section 1 ', "see '", 'click here ',
  'is held on file ', 'paragraph 5 sets out ', 'the procedures manual ', 'should be recorded in the ',
  // one pointer per sentence: what is found must not be searched again for each new one
  'Paragraph 5 sets out x. ', 'The PEP sets out x. ', 'See the report. ',
  // sentence-case titles after a look, quotes read past the sentence, labels of a bundle, the writer's own text
  'Please visit Support and ', "see 'a. ", 'set out at G41 of the ', 'I set out in my ', 'As stated above, ',
  'is available under the ', 'This document outlines ', 'A guide, published by x, provides more ',
  // a document named before "for further details", a word for detail before "is on"
  'for further details ', 'the school report for more information ', 'section 3 for information on ', 'more information is on ', 'please find attached ',
  'via the link ', 'should note the ', 'as shown in the ', 'see overleaf ', 'the PEP sets out a, b, c ', 'is at e45 ', 'set out at a4-a20 ', 'is annexed ', 'set out in that ', 'see that the ',
  // date fragments, and runs of spaces, digits and slashes
  '12/', '1/1/', '/', '//', '0', '1234567890', '2025', '2025-01-', '31.12.', '1st ', 'the 1st of ', 'week ', '    \t',
  'within ', 'working days ', 'day ', 'of ', 'term ', 'next ', 'months ', '3 ', '- ', ', ',
  // a supervision reflection: reasons with no end, quotes never closed, children and pronouns
  'if he ', 'important for ', '"he said ', 'given the ', 'his mother ', 'he is ', ', as the ', '4 year old ', 'no concerns ',
  'before the ', ', as mum ', 'found the ', 'but is ',
  // reflection reports and stances: an agent with its helpers and no verb, evaluative runs that never end, frames
  'we will have ', 'i am ', 'the social worker has ', 'it is a very ', 'that is not still ', 'there is a real ',
  'on my ', 'at the ', 'because she is ', 'mother then ', 'the priority ', 'last ', 'has been ',
  // expectations: things that must be, someone asking the parent, light verbs, modifiers, nouns of aims
  'meetings must be ', 'has to be ', 'ask you to go to ', 'take classes ', 'a person at risk ', 'compliance ', 'the home is ',
  // pasted essays and hostile timescales (these once had their own tests with a time limit)
  'Mother will engage and take J to school, and ', 'will ', 'a ', '1/', 'review ', '9', 'by the next ', 'the end of ', '12 May ',
];

function textOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

describe('prose and date scans run in linear time', function () {
  this.timeout(300_000);
  for (const [name, scan] of Object.entries(SCANS)) {
    const [small, large] = SIZES[name] ?? [10_000, 100_000];
    const limit = LIMITS[name] ?? LINEAR_LIMIT;
    it(`${name}: ${large / 1000}k characters of each adversarial pattern take at most ${limit}× as long as ${small / 1000}k`, () => {
      const slow: string[] = [];
      for (const unit of PATTERNS) {
        const { ratio, detail } = sizeRatio((length) => {
          const text = textOf(unit, length);
          return () => scan(text);
        }, { maxReps: 100, limit, sizes: [small, large] });
        if (ratio > limit) slow.push(`'${unit}': ${detail}`);
      }
      assert.deepEqual(slow, []);
    });
  }
});
