import { ruleTable, REVIEW_HEAD } from '../support/table';

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
]);
