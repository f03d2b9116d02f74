import assert from 'node:assert/strict';
import {
  type TimescaleAnchors, assessActionTimescale, findDeadlineInText, resolveTimescale,
} from '../../../server/src/service/dates';

const REVIEW: TimescaleAnchors = { documentDate: '2025-04-24', nextReviewDue: '2025-10-23', reviewNumber: 2 };

describe('findDeadlineInText: deadlines in an action', () => {
  const rows: [text: string, date: string, phrase: string][] = [
    ['Social worker to refer Mother to the parenting programme by 14 March 2025', '2025-03-14', 'by 14 March 2025'],
    ['Share the minutes within 5 working days of this review', '2025-05-01', 'within 5 working days of this review'],
    ['Register J with a dentist within 2 weeks', '2025-05-08', 'within 2 weeks'],
    ["Hold a professionals meeting in 4 weeks' time", '2025-05-22', "in 4 weeks' time"],
    ['Complete the viability assessment by the next review', '2025-10-23', 'by the next review'],
    ['Hold a PEP meeting before the end of the summer term', '2025-07-22', 'before the end of the summer term'],
    ['Apply to discharge the care order by the end of May', '2025-05-31', 'by the end of May'],
    ['Book the RHA for w/c 5 May 2025', '2025-05-05', 'w/c 5 May 2025'],
    ['Book the RHA for the week commencing 12/05/2025', '2025-05-12', 'week commencing 12/05/2025'],
    ['Mother to attend the ICPC on 12/05/2025', '2025-05-12', '12/05/2025'],
    ['RHA to be completed by 30/06/2025', '2025-06-30', 'by 30/06/2025'],
    ['Escalate if the assessment is not complete by 16/05/25', '2025-05-16', 'by 16/05/25'],
    ['File evidence before the final hearing on 12 June 2025', '2025-06-12', 'before the final hearing on 12 June 2025'],
    ['Arrange a session on 10/06/2025 and finish the book by 31/10/2025', '2025-10-31', 'by 31/10/2025'],
    ['Mother to register with a GP by the end of next week', '2025-05-02', 'by the end of next week'],
    ['Keep a sleep diary for the next 4 weeks', '2025-05-22', 'for the next 4 weeks'],
    ['J has moved 3 times in 12 months; convene a stability meeting within 10 working days', '2025-05-09', 'within 10 working days'],
    ['Arrange an advocate as soon as possible and by 16 May 2025 at the latest', '2025-05-16', 'by 16 May 2025'],
    ['Apply for the passport by 1st July', '2025-07-01', 'by 1st July'],
    ['Start the course from 1 June 2025', '2025-06-01', '1 June 2025'],
  ];
  for (const [text, date, phrase] of rows) {
    it(`${text} → ${date}`, () => {
      const r = findDeadlineInText(text, REVIEW);
      assert.ok(r, 'no deadline found');
      assert.equal(r.date, date);
      assert.equal(r.phrase, phrase);
      assert.equal(text.slice(r.start, r.end), r.phrase);
    });
  }
});

describe('findDeadlineInText: numbers and dates that are not deadlines', () => {
  const rows: string[] = [
    'Mother to attend 3 direct work sessions with the family support worker',
    'Father to complete a 26-week programme at the drug service',
    'Father to provide a 12-month hair strand test',
    'Foster carer to receive £150 for school uniform',
    'J to have contact with Mother 3 times a week',
    'J lived with his grandparents 2019–2023',
    'J has had 3 of 5 vaccinations; foster carer to book the rest',
    'Pathway planning to start when J is aged 16',
    'Call the duty line on 07700 900123',
    'Update the chronology for CH-000123',
    'Update the PEP dated 14/01/2025 with the new targets',
    'The PEP meeting on 14 January 2025 agreed a tutor',
    'Follow up the letter sent on 3 April 2025',
    'J started at the school in September 2024',
    'Mother may attend contact at the family centre',
    'Review contact over the last 3 months',
    'Increase contact by 2 hours',
    'Give 3 weeks notice before a holiday abroad',
    'Share the psychological report within 2 weeks of receiving it',
    "Hold J's autumn term PEP meeting at school",
    "Ask the nursery for K's end of term progress report",
    'Agree a plan for extra support over December',
    'Take J to the dentist at 10.30',
    'IRO to write to the team manager after the review',
    'Discussed at this review',
    '',
  ];
  for (const text of rows) {
    it(`no deadline in ${JSON.stringify(text)}`, () => assert.equal(findDeadlineInText(text, REVIEW), undefined));
  }
});

describe('assessActionTimescale', () => {
  const rows: [name: string, item: { action: string; due?: string; timescale?: string }, status: string][] = [
    ['due date', { action: 'Refer Mother to the parenting programme', due: '2025-05-09' }, 'clear'],
    ['no timescale', { action: 'Refer Mother to the parenting programme' }, 'none'],
    ['vague timescale', { action: 'Refer Mother to the parenting programme', timescale: 'ASAP' }, 'vague'],
    ['not a timescale', { action: 'Mother to attend sessions', timescale: '3 sessions' }, 'unclear'],
    ['date in the wording only', { action: 'Refer J to CAMHS by 14 May 2025' }, 'clear'],
    // An explicit vague value is flagged whatever the wording says (DOMAIN.md; issue 9 "timescale: TBC").
    ['a date in the wording does not rescue a vague field', { action: 'Refer J to CAMHS by 14 May 2025', timescale: 'ongoing' }, 'vague'],
    ['the next review in the wording does not rescue TBC', { action: 'Complete the assessment by the next review', timescale: 'TBC' }, 'vague'],
    ['an interval in the wording does not rescue ongoing', { action: 'Visit J every 6 weeks and see him alone', timescale: 'ongoing' }, 'vague'],
    // An interval in the wording is a timescale, as in the field ("visited at least every two weeks").
    ['an interval in the wording, no field', { action: "C's emotions to be measured weekly using the feelings chart" }, 'clear'],
    ['every N weeks in the wording', { action: 'Children will be visited at home at least every two weeks' }, 'clear'],
    ['once every N working days in the wording', { action: 'Children must be seen a minimum of once every 15 working days' }, 'clear'],
    ['a frequency word starting the wording', { action: 'Six monthly progress reports to be submitted to the committee' }, 'clear'],
    ['a daily interval in the wording', { action: "B and S's attendance to be monitored daily" }, 'clear'],
    ['an empty timescale and an interval in the wording', { action: 'Updates to the management team every fortnight', timescale: '' }, 'clear'],
    // A count within a period says how much, not when (DOMAIN trap '3 times a week').
    ['a count in the wording is not an interval', { action: 'Take J swimming twice a week' }, 'none'],
    ['a count before a frequency word', { action: 'Mother to attend the drug service 3 times weekly' }, 'none'],
    ['once weekly is an interval', { action: 'Mother to attend the drug service once weekly' }, 'clear'],
    ['a count of meetings a year', { action: 'Each child will have two PEP meetings a year' }, 'none'],
    // A weekday pattern is a contact arrangement, not an interval.
    ['a weekday pattern in the wording', { action: 'Father to attend contact every other Saturday at the contact centre' }, 'none'],
    // A frequency word naming a thing ("the 6-monthly check") is not the action's rhythm.
    ['a frequency word after a determiner', { action: 'Arrange for J to see the dentist for the 6-monthly check' }, 'none'],
    ['on a weekly basis', { action: 'Foster carer to update the diary on a weekly basis' }, 'clear'],
    // A vague word beside the interval, in its clause, makes it vague.
    ['a vague word beside the interval', { action: 'Continue to visit J weekly as needed' }, 'none'],
    ['a vague word beside a later interval leaves the rhythm open', { action: 'Initially fortnightly supervision, which should move to four weekly at a mutually agreed pace' }, 'none'],
    ['a vague word in another clause', { action: 'Reports to be submitted every 6 months, with the scorecard, to the committee on an ongoing basis' }, 'clear'],
    ['an interval over a year in the wording', { action: 'Review the plan every 2 years' }, 'none'],
    // An event pinned to meetings is not an interval.
    ['a visiting pattern pinned to events', { action: 'Social worker to see J alone at every statutory visit' }, 'none'],
    ['a bounded recurrence in the field', { action: 'Take J swimming', timescale: 'weekly until the next review' }, 'clear'],
    ['an undated meeting in the wording', { action: 'Share the report before the strategy meeting' }, 'vague'],
    // A period counted from an event with no date in the record is vague, and says so (issue 9).
    ['a period from an undated conference', { action: 'The first core group must take place within 10 days of the conference' }, 'vague'],
    ['a period after an undated initial conference', { action: 'The assessment will be completed (3 months after the initial conference)' }, 'vague'],
    ['a review child protection conference is not a looked after review', { action: 'The assessment will be completed by the first review child protection conference' }, 'vague'],
    ['a period from an undated move, with a comma after "of"', { action: 'The plan must be completed either before, or within five days of, you moving in with a new foster carer' }, 'vague'],
    ['a period from coming into care, date not on file', { action: 'Ratify the decision within 2 weeks of coming into care' }, 'vague'],
    ['a period from the placement, start date not on file', { action: 'Hold a planning meeting within 5 working days of the placement' }, 'vague'],
    // The length of an order or programme is not a timescale (issue 9).
    ['the length of an order', { action: 'Mother to work with the plan under the 12-month supervision order' }, 'none'],
    ['the length of a programme', { action: 'Mother to complete the work within the 26-week programme' }, 'none'],
    ['a period named as a span of time', { action: 'The attendance plan to be reviewed within a 3 to 4 week period' }, 'clear'],
    // "scheduled for next term" says when, like "in June".
    ['a term after "scheduled for"', { action: 'Attendance meeting will be scheduled for the following term' }, 'clear'],
    ['fixed event in the wording', { action: "Start pathway planning before J's 16th birthday" }, 'clear'],
    ['wording and due agree', { action: 'Complete the assessment by 16/05/25', due: '2025-05-16' }, 'clear'],
    ['week named and due in that week', { action: 'Book the RHA for w/c 5 May 2025', due: '2025-05-09' }, 'clear'],
    ['month named and due near its end', { action: 'Apply to discharge the order by the end of May', due: '2025-05-30' }, 'clear'],
    ['within a period and due inside it', { action: 'Share the minutes within 10 working days', due: '2025-05-02' }, 'clear'],
    ['start date is not the deadline', { action: 'Complete the placement plan for the placement starting 2 June 2025', due: '2025-06-09' }, 'clear'],
    ['wording and due disagree', { action: 'Refer Mother to the programme by 14 March 2025', due: '2025-05-30' }, 'conflict'],
    ['period and due disagree', { action: 'Complete the assessment within 4 weeks of this review', due: '2025-08-29' }, 'conflict'],
    ['wording and timescale disagree', { action: 'Share the minutes by 30/01/2025', timescale: 'within 5 working days of this review' }, 'conflict'],
    ['appointment and due disagree', { action: 'Take J to the orthodontist on 5 June 2025', due: '2025-09-05' }, 'conflict'],
    ['due and timescale disagree', { action: 'Complete the assessment', due: '2025-05-09', timescale: 'by the end of July 2025' }, 'conflict'],
    ['empty due falls back to timescale', { action: 'Complete the assessment', due: '', timescale: 'within 6 weeks' }, 'clear'],
  ];
  for (const [name, item, status] of rows) {
    it(`${name} → ${status}`, () => {
      const a = assessActionTimescale(item, REVIEW);
      assert.equal(a.status, status, JSON.stringify(a));
      assert.equal(a.clear, status === 'clear');
    });
  }
  it('dates a period from the placement or from coming into care when the record has them', () => {
    const on = { ...REVIEW, placementStart: '2025-04-14', lookedAfterSince: '2025-04-07' };
    const a = assessActionTimescale({ action: 'Hold a planning meeting within 5 working days of the placement' }, on);
    assert.equal(a.inText?.date, '2025-04-23'); // Good Friday and Easter Monday skipped
    const b = assessActionTimescale({ action: 'Ratify the decision within 2 weeks of coming into care' }, on);
    assert.equal(b.inText?.date, '2025-04-21');
  });
  it('says that meetings in the wording have no dates here', () => {
    const a = assessActionTimescale({ action: 'Update the safety plan after each core group meeting' }, REVIEW);
    assert.equal(a.status, 'vague');
    assert.match(a.inTextVague?.why ?? '', /'after each core group' repeats with the core group meetings, which have no dates in this record/);
  });
  it('says which date an undated anchor lacks', () => {
    const a = assessActionTimescale({ action: 'Ratify the decision within 2 weeks of coming into care' }, REVIEW);
    assert.match(a.inTextVague?.why ?? '', /becoming looked after, whose date is not in this record \(add `looked_after_since:`\)/);
    const b = assessActionTimescale({ action: 'Hold the core group within 10 days of the conference' }, REVIEW);
    assert.match(b.inTextVague?.why ?? '', /counts from the conference, whose date is not in this record/);
  });
  it('describes a conflict with both dates', () => {
    const a = assessActionTimescale({ action: 'Refer Mother to the programme by 14 March 2025', due: '2025-05-30' }, REVIEW);
    assert.deepEqual(a.conflict, { fieldDate: '2025-05-30', otherDate: '2025-03-14', phrase: 'by 14 March 2025', fieldName: 'due' });
  });
});

describe('dates: speed (sanity, not a benchmark)', () => {
  it('reads typical timescales and actions in microseconds', () => {
    const fields = ['2025-05-09', 'within 10 working days of this review', 'by the next review', 'ongoing', '12/05/2025', 'every 6 weeks', 'after the assessment', 'by the end of the summer term 2025'];
    const actions = ['Refer Mother to the Family Support Service parenting programme', 'Social worker to refer Mother to the parenting programme by 14 March 2025', 'Father to complete a 26-week programme and provide a 12-month hair strand test'];
    const n = 300;
    for (const f of fields) resolveTimescale(f, REVIEW); // warm up, load holiday data
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      for (const f of fields) resolveTimescale(f, REVIEW);
      for (const a of actions) findDeadlineInText(a, REVIEW);
    }
    const us = Number(process.hrtime.bigint() - t0) / 1000 / (n * (fields.length + actions.length));
    console.log(`      ${us.toFixed(1)} µs per call on average`);
    assert.ok(us < 500, `${us} µs per call`); // generous: catches a runaway regex, not a slow machine
  });
});
