import { ruleTable, REVIEW_HEAD } from '../support/table';

const wording = (text: string, fields = '') => `${REVIEW_HEAD}actions:\n  - id: A1\n    action: ${text}\n    owner: Social worker\n${fields}`;
const action = (fields: string) => `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Refer Mother to the parenting programme\n    owner: Social worker\n${fields}`;

ruleTable('action-timescale', [
  { name: 'a due date is clear', yaml: action('    due: 2025-05-09\n'), expect: [] },
  { name: 'a bounded relative timescale is clear', yaml: action('    timescale: within 10 working days of this review\n'), expect: [] },
  { name: '"by the next review" is clear when the next review is known', yaml: action('    timescale: by the next review\n'), expect: [] },
  { name: 'a UK date in the timescale is clear', yaml: action('    timescale: by 31/05/2025\n'), expect: [] },
  { name: 'a bounded recurrence is clear', yaml: action('    timescale: every 6 weeks until the next review\n'), expect: [] },
  { name: 'no timescale at all', yaml: action(''), expect: ['7:/actions/0'], messages: ['no timescale'] },
  { name: '"ongoing" is vague', yaml: action('    timescale: ongoing\n'), expect: ['10:/actions/0/timescale'], messages: ['ongoing'] },
  { name: '"ASAP" is vague', yaml: action('    timescale: ASAP\n'), expect: ['10:/actions/0/timescale'] },
  { name: '"TBC" is vague', yaml: action('    timescale: TBC\n'), expect: ['10:/actions/0/timescale'] },
  { name: '"N/A" counts as none', yaml: action('    timescale: N/A\n'), expect: ['10:/actions/0/timescale'] },
  { name: 'an empty timescale counts as none', yaml: action('    timescale:\n'), expect: ['7:/actions/0'] },
  { name: 'a number that is not a deadline', yaml: action('    timescale: 3 sessions\n'), expect: ['10:/actions/0/timescale'], messages: ['3 sessions'] },
  {
    name: 'a date written in the action text is a timescale',
    yaml: `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Book the health assessment by 14 March 2026\n    owner: Social worker\n`,
    expect: [],
  },
  {
    name: 'the text and the due date disagree',
    yaml: `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Book the health assessment by 14 June 2025\n    owner: Social worker\n    due: 2025-09-30\n`,
    expect: ['10:/actions/0/due'],
    messages: ['make them agree'],
  },
  {
    name: 'actions inside care-plan sections are checked too',
    yaml: `kind: care-plan\nid: cp-1\nchild: CH-000123\ndate: 2025-04-24\nhealth:\n  summary: Well.\n  actions:\n    - id: H1\n      action: Register J with a dentist\n      owner: Foster carer\n      timescale: in due course\n`,
    expect: ['11:/health/actions/0/timescale'],
  },
  {
    name: 'team vague phrases from config',
    yaml: action('    timescale: when capacity allows\n'),
    expect: ['10:/actions/0/timescale'],
    options: { config: { timescales: { extra_vague_phrases: ['when capacity allows'] } } },
  },
  // Issue 9: an interval in the wording is a timescale, as in the field.
  { name: 'an interval in the wording is clear', yaml: wording("C's emotions to be measured weekly using the feelings chart"), expect: [] },
  { name: 'a count in the wording is not (DOMAIN trap "3 times a week")', yaml: wording('Take J swimming 3 times a week'), expect: ['7:/actions/0'], messages: ['no timescale'] },
  // Issue 9: a period from an event the record does not date is vague, and the message says which date is missing.
  {
    name: 'a period from an undated conference in the wording',
    yaml: wording('Hold the first core group within 10 days of the conference'),
    expect: ['7:/actions/0'],
    messages: ["'within 10 days of the conference' counts from the conference, whose date is not in this record — give that date, or add `due:`"],
  },
  {
    name: 'a period from the placement, with no start date in the record',
    yaml: wording('Hold a placement planning meeting within 5 working days of the placement'),
    expect: ['7:/actions/0'],
    messages: ['add `placement: start_date:`'],
  },
  {
    name: "the placement's start date in the record dates it",
    yaml: `${REVIEW_HEAD}placement: { type: foster-care, start_date: 2025-04-14 }\nactions:\n  - id: A1\n    action: Hold a placement planning meeting within 5 working days of the placement\n    owner: Social worker\n`,
    expect: [],
  },
  {
    name: 'a supervision record dates the next supervision',
    yaml: 'kind: supervision\nid: sup-1\ndate: 2025-04-24\nnext_supervision: 2025-05-22\nactions:\n  - id: A1\n    action: Audit the case file\n    owner: Team manager\n    timescale: by next supervision\n',
    expect: [],
  },
  { name: '"at each PEP" is vague', yaml: action('    timescale: at each PEP\n'), expect: ['10:/actions/0/timescale'], messages: ['repeats with the PEP meetings, which have no dates in this record'] },
  // Issue 9: an explicit vague value is flagged whatever the wording says.
  {
    name: 'TBC is flagged even when the wording names the next review',
    yaml: wording('Complete the viability assessment by the next review', '    timescale: TBC\n'),
    expect: ['10:/actions/0/timescale'],
    messages: ["the action says 'by the next review' (23 October 2025): put that in `timescale:`"],
  },
  // Issue 9: the length of an order is not a timescale.
  { name: 'the length of an order is not a timescale', yaml: wording('Mother to work with the plan under the 12-month supervision order'), expect: ['7:/actions/0'] },
]);
