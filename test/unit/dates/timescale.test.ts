import assert from 'node:assert/strict';
import {
  NONE_VALUES, type TimescaleAnchors, type TimescaleResult, VAGUE_PHRASES, resolveTimescale,
} from '../../../server/src/service/dates';

/** Review 2 held on 24 April 2025; the record gives the next review date. */
const REVIEW: TimescaleAnchors = { documentDate: '2025-04-24', nextReviewDue: '2025-10-23', reviewNumber: 2, lookedAfterSince: '2025-01-06' };
/** A first review with no next review date written down. */
const FIRST: TimescaleAnchors = { documentDate: '2025-03-03', reviewNumber: 1, lookedAfterSince: '2025-02-03' };
/** A care plan written before the first review. */
const PLAN: TimescaleAnchors = { documentDate: '2025-01-10', lookedAfterSince: '2025-01-06' };

type Want = { status: TimescaleResult['status']; date?: string; until?: string };
type Row = [input: string, anchors: TimescaleAnchors, want: Want];

function check([input, anchors, want]: Row): void {
  it(`${JSON.stringify(input)} → ${want.status}${want.date ? ` ${want.date}` : ''}${want.until ? ` until ${want.until}` : ''}`, () => {
    const r = resolveTimescale(input, anchors);
    assert.equal(r.status, want.status, JSON.stringify(r));
    if (want.date !== undefined) assert.equal(r.status === 'date' ? r.date : undefined, want.date, JSON.stringify(r));
    if (want.until !== undefined) assert.equal(r.status === 'recurring' ? r.until : undefined, want.until, JSON.stringify(r));
    // Every result explains itself in words.
    if (r.status === 'date' || r.status === 'anchored' || r.status === 'recurring') assert.ok(r.how.length > 3);
    else {
      assert.ok(r.why.length > 3 && r.suggestion.length > 3);
      // Plain words: no schema talk (the quoted user text aside).
      assert.doesNotMatch(`${r.why} ${r.suggestion}`.replace(/'[^']*'/g, ''), /property|schema|pointer|undefined|null|NaN/);
    }
  });
}

describe('resolveTimescale: calendar dates', () => {
  const rows: Row[] = [
    ['2025-05-09', REVIEW, { status: 'date', date: '2025-05-09' }],
    ['31/03/2025', REVIEW, { status: 'date', date: '2025-03-31' }],
    ['28.02.25', REVIEW, { status: 'date', date: '2025-02-28' }],
    ['12 May 2025', REVIEW, { status: 'date', date: '2025-05-12' }],
    ['5th May 2025', REVIEW, { status: 'date', date: '2025-05-05' }],
    ['Monday 12th May 2025', REVIEW, { status: 'date', date: '2025-05-12' }],
    ['by 12 May 2025', REVIEW, { status: 'date', date: '2025-05-12' }],
    ['no later than 16/05/25', REVIEW, { status: 'date', date: '2025-05-16' }],
    ['w/c 5 May 2025', REVIEW, { status: 'date', date: '2025-05-05' }],
    ['w/c 07/05/2025', REVIEW, { status: 'date', date: '2025-05-05' }],
    ['before the second review on 02/06/2025', FIRST, { status: 'date', date: '2025-06-02' }],
    ['by the final hearing (12 June 2025)', REVIEW, { status: 'date', date: '2025-06-12' }],
    // No year: the next one on or after the document date.
    ['12 May', REVIEW, { status: 'date', date: '2025-05-12' }],
    ['by 12 March', REVIEW, { status: 'date', date: '2026-03-12' }],
    ['by 1st July', REVIEW, { status: 'date', date: '2025-07-01' }],
    ['by Friday 9 May', REVIEW, { status: 'date', date: '2025-05-09' }],
    ['12 May', {}, { status: 'anchored' }],
  ];
  rows.forEach(check);
});

describe('resolveTimescale: periods from an anchor', () => {
  const rows: Row[] = [
    ['within 10 working days of this review', REVIEW, { status: 'date', date: '2025-05-09' }],
    ['within 10 working days of this review', { documentDate: '2025-04-17', reviewNumber: 1 }, { status: 'date', date: '2025-05-06' }],
    ['within 10 working days', REVIEW, { status: 'date', date: '2025-05-09' }],
    ['within 5 working days of the meeting', REVIEW, { status: 'date', date: '2025-05-01' }],
    ['within 28 days of today', REVIEW, { status: 'date', date: '2025-05-22' }],
    ['in 2 weeks', REVIEW, { status: 'date', date: '2025-05-08' }],
    ["in two weeks' time", REVIEW, { status: 'date', date: '2025-05-08' }],
    ['within a fortnight', REVIEW, { status: 'date', date: '2025-05-08' }],
    ['within one month', REVIEW, { status: 'date', date: '2025-05-24' }],
    ['within 3 months of this review', { documentDate: '2025-11-30', reviewNumber: 3 }, { status: 'date', date: '2026-02-28' }],
    ['within the next month', REVIEW, { status: 'date', date: '2025-05-24' }],
    ['over the next 6 weeks', REVIEW, { status: 'date', date: '2025-06-05' }],
    ['within 48 hours', REVIEW, { status: 'date', date: '2025-04-26' }],
    ['2-3 weeks', REVIEW, { status: 'date', date: '2025-05-15' }],
    ['6 weeks', REVIEW, { status: 'date', date: '2025-06-05' }],
    ['1 month from today', REVIEW, { status: 'date', date: '2025-05-24' }],
    ['within 5 working days of the next review', REVIEW, { status: 'date', date: '2025-10-30' }],
    ['2 weeks before the next review', REVIEW, { status: 'date', date: '2025-10-09' }],
    ['within 20 working days of the child becoming looked after', PLAN, { status: 'date', date: '2025-02-03' }],
    ['within 2 weeks', {}, { status: 'anchored' }],
    ["within 3 months of J's 16th birthday", REVIEW, { status: 'anchored' }],
    // A hearing, a move or a meeting with no date written is no anchor (A2); a birthday is.
    ['within 6 weeks of the final hearing', REVIEW, { status: 'vague' }],
    ['within 6 weeks of the final hearing on 12/06/2025', REVIEW, { status: 'date' }],
    ['within 1 week of placement', REVIEW, { status: 'vague' }],
    ['within 2 weeks of the strategy meeting', REVIEW, { status: 'vague' }],
    ['within 10 working days of this meeting', REVIEW, { status: 'date', date: '2025-05-09' }],
    // One policy for every event (issue 9): known only when the record dates it, else vague.
    ['within 15 working days of the conference', REVIEW, { status: 'vague' }],
    ['within 10 days of the initial child protection conference', REVIEW, { status: 'vague' }],
    ['within 5 days of the PEP meeting', REVIEW, { status: 'vague' }],
    ['two weeks before the PEP meeting', REVIEW, { status: 'vague' }],
    ['within 5 working days of each core group', REVIEW, { status: 'vague' }],
    ['within 24 hours of any missing episode', REVIEW, { status: 'anchored' }],
    ['within 2 weeks of coming into care', REVIEW, { status: 'date', date: '2025-01-20' }],
    ['within 28 days of the decision to accommodate', REVIEW, { status: 'date', date: '2025-02-03' }],
    ['within 5 days of the meeting with Mother', REVIEW, { status: 'vague' }],
    ['within 2 weeks of coming into care', { documentDate: '2025-04-24', reviewNumber: 2 }, { status: 'vague' }],
    ['within 5 working days of the placement', { ...REVIEW, placementStart: '2025-03-03' }, { status: 'date', date: '2025-03-10' }],
    ['within 1 week of placement', { ...REVIEW, placementStart: '2025-03-03' }, { status: 'date', date: '2025-03-10' }],
    ['within 6 weeks of the new placement', { ...REVIEW, placementStart: '2025-03-03' }, { status: 'vague' }],
    ['within 5 working days of the next supervision', { ...REVIEW, nextSupervision: '2025-05-20' }, { status: 'date', date: '2025-05-28' }],
    ['within 5 working days of the next supervision', REVIEW, { status: 'vague' }],
  ];
  rows.forEach(check);
});

describe('resolveTimescale: months, terms, periods and events', () => {
  const rows: Row[] = [
    ['by the end of May', REVIEW, { status: 'date', date: '2025-05-31' }],
    ['by the end of May (2025)', REVIEW, { status: 'date', date: '2025-05-31' }],
    ['end of May 2026', REVIEW, { status: 'date', date: '2026-05-31' }],
    ['by the end of April', REVIEW, { status: 'date', date: '2025-04-30' }],
    ['by the end of March', REVIEW, { status: 'date', date: '2026-03-31' }],
    ['September 2025', REVIEW, { status: 'date', date: '2025-09-30' }],
    ['mid-June', REVIEW, { status: 'date', date: '2025-06-15' }],
    ['end of next month', REVIEW, { status: 'date', date: '2025-05-31' }],
    ['end of the month', REVIEW, { status: 'date', date: '2025-04-30' }],
    ['next week', REVIEW, { status: 'date', date: '2025-05-02' }],
    ['by Friday', REVIEW, { status: 'date', date: '2025-04-25' }],
    ['today', REVIEW, { status: 'date', date: '2025-04-24' }],
    ['by the end of 2025', REVIEW, { status: 'date', date: '2025-12-31' }],
    ['by the end of the financial year', REVIEW, { status: 'date', date: '2026-03-31' }],
    ['by the end of the summer term 2025', REVIEW, { status: 'date', date: '2025-07-22' }],
    ['summer term', REVIEW, { status: 'date', date: '2025-07-22' }],
    ['spring term', REVIEW, { status: 'date', date: '2026-03-31' }],
    ['autumn term 2025', REVIEW, { status: 'date', date: '2025-12-20' }],
    ['spring term 2025/26', REVIEW, { status: 'date', date: '2026-03-31' }],
    ['by the end of term', REVIEW, { status: 'date', date: '2025-07-22' }],
    ['by the end of the school year', REVIEW, { status: 'date', date: '2025-07-22' }],
    ['by the start of the new school year', REVIEW, { status: 'date', date: '2025-09-01' }],
    ['by the summer holidays', REVIEW, { status: 'date', date: '2025-07-22' }],
    ['by Christmas', REVIEW, { status: 'date', date: '2025-12-25' }],
    ['by the next review', REVIEW, { status: 'date', date: '2025-10-23' }],
    ['before the next review', REVIEW, { status: 'date', date: '2025-10-23' }],
    ['at the next LAC review', REVIEW, { status: 'date', date: '2025-10-23' }],
    ['by the next review', FIRST, { status: 'date', date: '2025-06-03' }], // statutory: 3 months after the first
    ['by the next review', PLAN, { status: 'date', date: '2025-02-03' }], // statutory: 20 working days
    ['by the next review', {}, { status: 'anchored' }],
    ['by the first review', PLAN, { status: 'date', date: '2025-02-03' }],
    ['by the second review', FIRST, { status: 'date', date: '2025-06-03' }],
    ['by the second review', PLAN, { status: 'date', date: '2025-05-03' }],
    ['before the final hearing', REVIEW, { status: 'vague' }],
    ['before the final hearing on 12/06/2025', REVIEW, { status: 'date', date: '2025-06-12' }],
    ['by the PEP meeting', REVIEW, { status: 'vague' }],
    ['by the PEP meeting on 14/05/25', REVIEW, { status: 'date', date: '2025-05-14' }],
    // A supervision record dates the next supervision (`next_supervision:`).
    ['by next supervision', { ...REVIEW, nextSupervision: '2025-05-20' }, { status: 'date', date: '2025-05-20' }],
    ['by next supervision', REVIEW, { status: 'vague' }],
    ['by the first core group', REVIEW, { status: 'vague' }],
    ['on a mutually agreed date', REVIEW, { status: 'vague' }],
    ['before the next child protection conference (3 June 2025)', REVIEW, { status: 'date', date: '2025-06-03' }],
    ['ahead of the MDT meeting', REVIEW, { status: 'vague' }],
    ['by the ICPC', REVIEW, { status: 'vague' }],
    ['before the next RCPC', REVIEW, { status: 'vague' }],
    ['by the next LAC review', REVIEW, { status: 'date', date: '2025-10-23' }],
    ['by next LAC', REVIEW, { status: 'date', date: '2025-10-23' }],
    ["before J's 18th birthday", REVIEW, { status: 'anchored' }],
    ['by the start of the next school year', REVIEW, { status: 'date' }],
    ["by J's 18th birthday", REVIEW, { status: 'anchored' }],
    ['before J turns 16', REVIEW, { status: 'anchored' }],
    ['at the next core group', REVIEW, { status: 'vague' }],
    ['to be agreed at the next core group', REVIEW, { status: 'vague' }],
    ['date TBC - at the next review', REVIEW, { status: 'vague' }],
    ['to be confirmed at the strategy meeting on 02/05/2025', REVIEW, { status: 'date', date: '2025-05-02' }],
    ['within statutory timescales', REVIEW, { status: 'anchored' }],
  ];
  rows.forEach(check);
});

describe('resolveTimescale: recurrences', () => {
  const rows: Row[] = [
    ['weekly until the first review', PLAN, { status: 'recurring', until: '2025-02-03' }],
    ['fortnightly until the next review', REVIEW, { status: 'recurring', until: '2025-10-23' }],
    ['every 6 weeks', REVIEW, { status: 'recurring' }],
    ['fortnightly', REVIEW, { status: 'recurring' }],
    ['monthly', REVIEW, { status: 'recurring' }],
    ['termly', REVIEW, { status: 'recurring' }],
    ['6-weekly', REVIEW, { status: 'recurring' }],
    ['3 times a week', REVIEW, { status: 'recurring' }],
    ['twice a month', REVIEW, { status: 'recurring' }],
    ['every other weekend', REVIEW, { status: 'recurring' }],
    ['on Saturdays', REVIEW, { status: 'recurring' }],
    ['at each LAC review', REVIEW, { status: 'recurring' }],
    ['in line with statutory visits', REVIEW, { status: 'recurring' }],
    ['At every visit', REVIEW, { status: 'recurring' }],
    // Pinned to a meeting series with no dates on file (issue 9): vague; a calendar interval beside it carries it.
    ['at each PEP', REVIEW, { status: 'vague' }],
    ['after each core group', REVIEW, { status: 'vague' }],
    ['at every core group meeting', REVIEW, { status: 'vague' }],
    ['at each supervision', REVIEW, { status: 'vague' }],
    ['at each supervision', { ...REVIEW, nextSupervision: '2025-05-20' }, { status: 'recurring' }],
    ['daily, shared at each supervision', REVIEW, { status: 'recurring' }],
    ['at each supervision, monthly', REVIEW, { status: 'recurring' }],
    // An unbounded recurrence with a vague word is vague (A1); a bound or a bare checkable interval is clear.
    ['ongoing - reviewed monthly in supervision', REVIEW, { status: 'vague' }],
    ['ongoing - monthly', REVIEW, { status: 'vague' }],
    ['continue fortnightly', REVIEW, { status: 'vague' }],
    ['weekly, as needed', REVIEW, { status: 'vague' }],
    ['continue weekly until the next review', REVIEW, { status: 'recurring', until: '2025-10-23' }],
    ['ongoing - monthly for the next 3 months', REVIEW, { status: 'recurring', until: '2025-07-24' }],
    ['regular weekly sessions', REVIEW, { status: 'recurring' }],
    ['every 3 months', REVIEW, { status: 'recurring' }],
    ['annually', REVIEW, { status: 'recurring' }],
    ['every 2 years', REVIEW, { status: 'unclear' }],
    ['every other year', REVIEW, { status: 'unclear' }],
    ['for 6 months', REVIEW, { status: 'date', date: '2025-10-24' }],
    ['weekly until 30 June 2025', REVIEW, { status: 'recurring', until: '2025-06-30' }],
  ];
  rows.forEach(check);
});

describe('resolveTimescale: vague', () => {
  // Every built-in phrase, on its own, is vague.
  for (const [cls, phrases] of Object.entries(VAGUE_PHRASES)) {
    for (const p of phrases) check([p, REVIEW, { status: 'vague' }]);
    it(`class ${cls} explains itself`, () => {
      const r = resolveTimescale(phrases[0], REVIEW);
      assert.equal(r.status, 'vague');
      if (r.status === 'vague') {
        assert.equal(r.phrase.toLowerCase(), phrases[0]);
        assert.match(r.why, new RegExp(`^'${phrases[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`, 'i'));
        assert.match(r.suggestion, /2025-05-22|how often/);
      }
    });
  }
  const rows: Row[] = [
    ['Ongoing', REVIEW, { status: 'vague' }],
    ['ASAP', REVIEW, { status: 'vague' }],
    ['As soon as possible.', REVIEW, { status: 'vague' }],
    ['TBC', REVIEW, { status: 'vague' }],
    ['after the assessment', REVIEW, { status: 'vague' }],
    ['after the final hearing', REVIEW, { status: 'vague' }],
    ['once the assessment is complete', REVIEW, { status: 'vague' }],
    ['once J is settled', REVIEW, { status: 'vague' }],
    ["following the outcome of Mother's assessment", REVIEW, { status: 'vague' }],
    ['pending the court decision', REVIEW, { status: 'vague' }],
    ['when J is ready', REVIEW, { status: 'vague' }],
    ['within 2 weeks of receiving the report', REVIEW, { status: 'vague' }],
    ['2 weeks after the assessment', REVIEW, { status: 'vague' }],
    ['within a few weeks', REVIEW, { status: 'vague' }],
    ['by the end of the assessment', REVIEW, { status: 'vague' }],
    ['once the placement has been stable for 6 months', REVIEW, { status: 'vague' }],
  ];
  rows.forEach(check);

  it('names the phrase and suggests a concrete date four weeks on', () => {
    assert.deepEqual(resolveTimescale('ongoing', REVIEW), {
      status: 'vague',
      phrase: 'ongoing',
      why: "'ongoing' does not say when this will be done or checked",
      suggestion: "give a date (due: 2025-05-22) or a bounded timescale such as 'within 4 weeks of this review'",
    });
  });

  it('adds the team phrases from options', () => {
    const options = { extraVaguePhrases: ['in line with the plan', 'per SW'] };
    const r = resolveTimescale('In line with the plan', REVIEW, options);
    assert.equal(r.status, 'vague');
    assert.match(r.status === 'vague' ? r.why : '', /team/);
    assert.equal(resolveTimescale('per SW', REVIEW, options).status, 'vague');
    assert.equal(resolveTimescale('per SW, by 12/05/2025', REVIEW, options).status, 'date');
  });

  const bounded: Row[] = [
    ['ongoing, review by 12/05/2025', REVIEW, { status: 'date', date: '2025-05-12' }],
    ['ASAP and no later than 9 May 2025', REVIEW, { status: 'date', date: '2025-05-09' }],
    ['after the assessment, by 30 June 2025 at the latest', REVIEW, { status: 'date', date: '2025-06-30' }],
    ['TBC - by the next review', REVIEW, { status: 'date', date: '2025-10-23' }],
    ['ongoing until the final hearing', REVIEW, { status: 'vague' }],
    ["ongoing until J's 18th birthday", REVIEW, { status: 'anchored' }],
  ];
  describe('a date or a bound wins over vague words', () => bounded.forEach(check));
});

describe('resolveTimescale: none', () => {
  for (const v of NONE_VALUES) check([v, REVIEW, { status: 'none' }]);
  for (const v of ['   ', 'N/A', 'NIL', ' - ', '—']) check([v, REVIEW, { status: 'none' }]);
  it('null and undefined are none', () => {
    assert.equal(resolveTimescale(null, REVIEW).status, 'none');
    assert.equal(resolveTimescale(undefined, REVIEW).status, 'none');
    const r = resolveTimescale('', REVIEW);
    assert.equal(r.status === 'none' ? r.why : '', 'no timescale is given');
  });
});

describe('resolveTimescale: traps that are not timescales', () => {
  const rows: Row[] = [
    ['3 direct work sessions', REVIEW, { status: 'unclear' }],
    ['a 26-week programme', REVIEW, { status: 'unclear' }],
    ['a 12-month hair strand test', REVIEW, { status: 'unclear' }],
    // The length of an order or programme (issue 9), not a period from this review.
    ['under the 12-month supervision order', REVIEW, { status: 'unclear' }],
    ['within the 26-week programme', REVIEW, { status: 'unclear' }],
    ['during the 12 month supervision order', REVIEW, { status: 'unclear' }],
    ['within a 3 to 4 week period', REVIEW, { status: 'date', date: '2025-05-22' }],
    ['within the 6-week window', REVIEW, { status: 'date', date: '2025-06-05' }],
    ['£150', REVIEW, { status: 'unclear' }],
    ['2019–2023', REVIEW, { status: 'unclear' }],
    ['3 of 5 vaccinations', REVIEW, { status: 'unclear' }],
    ['aged 16', REVIEW, { status: 'unclear' }],
    ['07700 900123', REVIEW, { status: 'unclear' }],
    ['CH-000123', REVIEW, { status: 'unclear' }],
    ['Completed', REVIEW, { status: 'unclear' }],
    ['31/02/2025', REVIEW, { status: 'unclear' }],
    ['03/31/2025', REVIEW, { status: 'unclear' }],
    ['Mother', REVIEW, { status: 'unclear' }],
  ];
  rows.forEach(check);

  it('explains a month-first date', () => {
    const r = resolveTimescale('03/31/2025', REVIEW);
    assert.match(r.status === 'unclear' ? r.why : '', /day first, so write 31\/03\/2025/);
  });
});

describe('resolveTimescale: explanations', () => {
  it('says how a working-day timescale was counted', () => {
    const r = resolveTimescale('within 10 working days of this review', REVIEW);
    assert.deepEqual(r, {
      status: 'date',
      date: '2025-05-09',
      how: '10 working days after this review on 24 April 2025 (weekends and bank holidays skipped)',
      relative: true,
    });
  });
  it('marks written dates as not relative', () => {
    const r = resolveTimescale('12/05/2025', REVIEW);
    assert.equal(r.status === 'date' && r.relative, false);
  });
  it('says term dates are approximate', () => {
    const r = resolveTimescale('by the end of the summer term 2025', REVIEW);
    assert.match(r.status === 'date' ? r.how : '', /22 July 2025.*vary/);
  });
});

describe('resolveTimescale: hostile input', () => {
  const inputs = [
    'a '.repeat(5000), '1/'.repeat(3000), 'review '.repeat(1000), 'within '.repeat(1000), '9'.repeat(10000),
    'by the next '.repeat(800), '\u0000\uffff\ud800', 'after '.repeat(2000), 'the end of '.repeat(900), '12 May '.repeat(900),
  ];
  for (const s of inputs) {
    // how the time grows with such text is test/unit/prose/linearTime.test.ts's (a ratio, not a time)
    it(`gives a verdict on ${JSON.stringify(s.slice(0, 20))}… (${s.length} chars)`, () => {
      assert.equal(typeof resolveTimescale(s, REVIEW).status, 'string');
    });
  }
  it('ignores malformed anchors instead of throwing', () => {
    const bad = { documentDate: '24/04/2025', nextReviewDue: 'soon', reviewNumber: -1 } as unknown as TimescaleAnchors;
    assert.equal(resolveTimescale('by the next review', bad).status, 'anchored');
    assert.equal(resolveTimescale('within 2 weeks', bad).status, 'anchored');
    assert.equal(resolveTimescale(42 as unknown as string, REVIEW).status, 'unclear');
  });
});
