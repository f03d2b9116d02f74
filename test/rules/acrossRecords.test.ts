/**
 * The checks across a child's records (issue 11): each row is one record checked with the child's
 * other records in the workspace. Every example of the first list is a row here.
 */
import { ruleTable } from '../support/table';

const CHILD = 'CH-700001';
const r = (n: number, date: string, extra = '') => `kind: review\nid: rev-${n}\nchild: ${CHILD}\ndate: ${date}\n${extra}`;
const sup = (date: string, extra = '') => `kind: supervision\nid: sup-${date}\nchild: ${CHILD}\ndate: ${date}\n${extra}`;
const cp = (date: string, extra = '') => `kind: care-plan\nid: cp-${date}\nchild: ${CHILD}\ndate: ${date}\n${extra}`;
const at = (name: string) => `file:///ws/case/${name}`;
const docs = (d: Record<string, string>) => ({ documents: Object.fromEntries(Object.entries(d).map(([k, v]) => [at(k), v])) });
const WISHES = 'wishes_and_feelings: { child: "K says she likes her school." }\n';

ruleTable('review-sequence', [
  {
    name: 'a second review five months after the first, with a wrong previous_review_date',
    yaml: r(2, '2025-07-10', 'review: { number: 2, previous_review_date: 2025-04-10, next_review_due: 2026-01-09 }\n'),
    options: docs({ 'review-1.yaml': r(1, '2025-02-07', 'review: { number: 1 }\n') }),
    expect: ['4:/date', '5:/review/previous_review_date'],
    messages: ['due by 7 May 2025', 'held on 7 February 2025'],
  },
  {
    name: 'the right previous_review_date leaves the interval to review-schedule',
    yaml: r(2, '2025-05-07', 'review: { number: 2, previous_review_date: 2025-02-07, next_review_due: 2025-11-06 }\n'),
    options: docs({ 'review-1.yaml': r(1, '2025-02-07', 'review: { number: 1 }\n') }),
    expect: [],
  },
  {
    name: 'a review due in April with no later record, checked in November',
    yaml: r(3, '2024-10-20', 'review: { number: 3, next_review_due: 2025-04-18 }\n'),
    expect: ['5:/review/next_review_due'],
    messages: ['18 April 2025'],
  },
  {
    name: 'an earlier review is not overdue when a later record exists',
    yaml: r(3, '2024-10-20', 'review: { number: 3, next_review_due: 2025-04-18 }\n'),
    options: docs({ 'review-4.yaml': r(4, '2025-04-10', 'review: { number: 4, previous_review_date: 2024-10-20, next_review_due: 2025-10-09 }\n') }),
    expect: [],
  },
  {
    name: 'numbers out of order: review 4 after review 2',
    yaml: r(4, '2025-07-10', 'review: { number: 4, previous_review_date: 2025-05-07, next_review_due: 2026-01-09 }\n'),
    options: docs({ 'review-2.yaml': r(2, '2025-05-07', 'review: { number: 2 }\n') }),
    expect: ['5:/review/number'],
    messages: ['add the record of review 3'],
  },
  {
    name: 'a care plan with no review record long after the child became looked after',
    yaml: cp('2025-06-01', 'looked_after_since: 2025-05-20\n'),
    expect: ['5:/looked_after_since'],
    messages: ['no review record'],
  },
  {
    name: 'a care plan whose child has a review record is left alone',
    yaml: cp('2025-06-01', 'looked_after_since: 2025-05-20\n'),
    options: docs({ 'review-1.yaml': r(1, '2025-06-16', 'review: { number: 1, next_review_due: 2025-12-01 }\n') }),
    expect: [],
  },
  {
    name: "another child's reviews do not count",
    yaml: r(2, '2025-07-10', 'review: { number: 2, previous_review_date: 2025-04-10, next_review_due: 2026-01-09 }\n'),
    options: docs({ 'review-1.yaml': r(1, '2025-02-07', 'review: { number: 1 }\n').replace(CHILD, 'CH-700002') }),
    expect: [],
  },
]);

const PREVIOUS = r(1, '2025-02-07', 'review: { number: 1 }\nactions:\n  - { id: A1, action: Book the health assessment, owner: Social worker, due: 2025-03-01, status: done }\n  - { id: A2, action: Refer Mother to the parenting programme, owner: Social worker, due: 2025-03-14 }\n  - { id: A3, action: Arrange contact with the paternal grandmother, owner: Social worker, due: 2025-03-28 }\n');

ruleTable('previous-actions', [
  {
    name: 'open actions of the previous review not accounted for',
    yaml: r(2, '2025-05-07', 'previous_actions:\n  - { id: A2, outcome: done }\n'),
    options: docs({ 'review-1.yaml': PREVIOUS }),
    expect: ['5:/previous_actions'],
    messages: ["Action A3 'Arrange contact with the paternal grandmother' from review 1 held on 7 February 2025 (review-1.yaml) is not accounted for"],
  },
  {
    name: 'no previous_actions at all names every open action',
    yaml: r(2, '2025-05-07'),
    options: docs({ 'review-1.yaml': PREVIOUS }),
    expect: ['1:'],
    messages: ['2 actions (A2'],
  },
  {
    name: 'each accounted for',
    yaml: r(2, '2025-05-07', 'previous_actions:\n  - { id: A2, outcome: done }\n  - { id: A3, outcome: dropped, reason: Grandmother moved abroad }\n'),
    options: docs({ 'review-1.yaml': PREVIOUS }),
    expect: [],
  },
  { name: 'the first review has nothing to account for', yaml: PREVIOUS, expect: [] },
]);

ruleTable('supervision-gap', [
  {
    name: 'next_supervision passed and no supervision record after it',
    yaml: sup('2025-03-04', 'next_supervision: 2025-04-01\n'),
    expect: ['5:/next_supervision'],
    messages: ['1 April 2025'],
  },
  {
    name: 'a later record clears it',
    yaml: sup('2025-03-04', 'next_supervision: 2025-04-01\n'),
    options: docs({ 'sup-2.yaml': sup('2025-04-01', 'next_supervision: 2025-11-20\n') }),
    expect: [],
  },
  {
    name: 'a gap of four months before this supervision',
    yaml: sup('2025-08-05', 'next_supervision: 2025-11-20\n'),
    options: docs({ 'sup-1.yaml': sup('2025-04-01', 'next_supervision: 2025-05-01\n') }),
    expect: ['4:/date'],
    messages: ['18 weeks'],
  },
  {
    name: 'the interval comes from the rule option',
    yaml: sup('2025-05-20', 'next_supervision: 2025-11-20\n'),
    options: { ...docs({ 'sup-1.yaml': sup('2025-04-01', 'next_supervision: 2025-05-01\n') }), config: { rules: { 'supervision-gap': { severity: 'warning', max_gap_days: 28 } } } },
    expect: ['4:/date'],
  },
  {
    name: 'the latest record long ago with no next date',
    yaml: sup('2025-06-01'),
    expect: ['4:/date'],
    messages: ['latest supervision record'],
  },
]);

ruleTable('permanence-plan', [
  {
    name: 'a slipped milestone in the latest review is said',
    yaml: r(3, '2025-05-22', 'review: { number: 3 }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Assessment of the carer, due: 2025-07-31, status: slipped }\n'),
    options: docs({ 'review-2.yaml': r(2, '2025-03-13', 'review: { number: 2 }\npermanence: { plan: long-term-fostering }\n') }),
    expect: ['9:/permanence/milestones/0'],
  },
  {
    name: 'in an older review the same milestone is history: a later review says what became of it',
    yaml: r(2, '2025-03-13', 'review: { number: 2 }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Assessment of the carer, due: 2025-04-30, status: open }\n'),
    options: docs({ 'review-3.yaml': r(3, '2025-05-22', 'review: { number: 3 }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Assessment of the carer, due: 2025-07-31, status: slipped }\n') }),
    expect: [],
  },
  {
    name: 'a missing plan at the second review stays a fact about that review, later records or not',
    yaml: r(2, '2025-03-13', 'review: { number: 2 }\n'),
    options: docs({ 'review-3.yaml': r(3, '2025-05-22', 'review: { number: 3 }\npermanence: { plan: long-term-fostering }\n') }),
    expect: ['1:'],
  },
]);

ruleTable('permanence-drift', [
  {
    name: 'plan: return-home with no parallel_plan',
    yaml: r(2, '2025-05-07', 'review: { number: 2 }\npermanence: { plan: return-home }\n'),
    expect: ['6:/permanence/plan'],
    messages: ['parallel_plan'],
  },
  {
    name: 'six years in long-term fostering with no special guardianship or matching milestone',
    yaml: r(9, '2025-09-01', 'legal_status: care-order\nplacement: { type: foster-care, start_date: 2019-09-02 }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Life story work completed, due: 2025-12-01 }\n'),
    expect: ['8:/permanence/plan'],
    messages: ['since 2 September 2019'],
  },
  {
    name: 'a matching milestone in an earlier record counts',
    yaml: r(9, '2025-09-01', 'legal_status: care-order\nplacement: { type: foster-care, start_date: 2019-09-02 }\npermanence: { plan: long-term-fostering }\n'),
    options: docs({ 'review-8.yaml': r(8, '2025-03-01', 'permanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Matching panel, type: matching, due: 2025-06-01, status: done }\n') }),
    expect: [],
  },
  {
    name: 'a child at home on a care order for three years with no plan to discharge it',
    yaml: cp('2025-09-01', 'legal_status: care-order\nplacement: { type: placed-with-parents, start_date: 2022-08-15 }\npermanence: { plan: placed-with-parents, parallel_plan: special-guardianship }\n'),
    expect: ['5:/legal_status'],
    messages: ['15 August 2022'],
  },
  {
    name: 'only the current plan carries it: an older review is left alone',
    yaml: r(2, '2025-05-07', 'review: { number: 2 }\npermanence: { plan: return-home }\n'),
    options: docs({ 'review-3.yaml': r(3, '2025-10-07', 'review: { number: 3 }\npermanence: { plan: return-home, parallel_plan: adoption }\n') }),
    expect: [],
  },
  {
    name: 'no plan at the second review record when the record does not number itself',
    yaml: r(0, '2025-05-07').replace('id: rev-0', 'id: rev-x'),
    options: docs({ 'review-1.yaml': r(1, '2025-02-07', 'review: { number: 1 }\n') }),
    expect: ['1:'],
    messages: ['2 reviews'],
  },
  {
    name: 'target date passed',
    yaml: r(3, '2025-09-01', 'permanence: { plan: adoption, target_date: 2025-10-01 }\n'),
    expect: ['5:/permanence/target_date'],
  },
]);

const slipped = (n: number, date: string, due: string, escalation = '') =>
  r(n, date, `review: { number: ${n} }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Matching panel, type: matching, due: ${due}, status: slipped }\n${escalation}`);

ruleTable('iro-escalation', [
  {
    name: 'review 4: the milestone slipped at three reviews running and nothing shows the IRO raised it',
    yaml: slipped(4, '2025-10-01', '2026-01-15'),
    options: docs({ 'review-2.yaml': slipped(2, '2025-01-10', '2025-03-01'), 'review-3.yaml': slipped(3, '2025-04-10', '2025-07-01') }),
    expect: ['4:/date'],
    messages: ["'Matching panel' has slipped at this review and at the one before (10 April 2025)"],
  },
  {
    name: 'an escalation recorded at the review',
    yaml: slipped(4, '2025-10-01', '2026-01-15', 'iro_oversight:\n  escalations:\n    - { stage: formal-1, date: 2025-09-10, to: Service manager, outcome: Panel booked }\n'),
    options: docs({ 'review-3.yaml': slipped(3, '2025-04-10', '2025-07-01') }),
    expect: [],
  },
  {
    name: 'a first slip is not yet drift',
    yaml: slipped(3, '2025-04-10', '2025-07-01'),
    options: docs({ 'review-2.yaml': r(2, '2025-01-10', 'review: { number: 2 }\npermanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Matching panel, type: matching, due: 2025-03-01 }\n') }),
    expect: [],
  },
  {
    name: 'a due date moved later at two reviews running counts as slipping',
    yaml: r(3, '2025-04-10', 'permanence:\n  plan: adoption\n  milestones:\n    - { what: Placement order hearing, due: 2025-09-01 }\n'),
    options: docs({
      'review-1.yaml': r(1, '2024-10-10', 'permanence:\n  plan: adoption\n  milestones:\n    - { what: Placement order hearing, due: 2025-01-10 }\n'),
      'review-2.yaml': r(2, '2025-01-10', 'permanence:\n  plan: adoption\n  milestones:\n    - { what: Placement order hearing, due: 2025-05-01 }\n'),
    }),
    expect: ['4:/date'],
  },
]);

ruleTable('child-voice', [
  { name: 'a review with no wishes and feelings of the child and no reason why', yaml: r(2, '2025-05-07', 'wishes_and_feelings: { parents: Mother wants K home. }\n'), expect: ['5:/wishes_and_feelings'], messages: ['why_not_heard'] },
  { name: 'no wishes_and_feelings at all', yaml: r(2, '2025-05-07'), expect: ['1:'] },
  { name: "the child's words", yaml: r(2, '2025-05-07', WISHES), expect: [] },
  { name: 'a reason why not', yaml: r(2, '2025-05-07', 'wishes_and_feelings: { why_not_heard: "K is 7 months old; the social worker observed K with Mother." }\n'), expect: [] },
]);

// Found by the fuzz test: a date of the right shape that is not a calendar date reached the date arithmetic.
ruleTable('review-sequence', [
  { name: 'an impossible looked_after_since is left to the schema rule', yaml: cp('2025-06-01', 'looked_after_since: 2025-02-30\n'), expect: [] },
  { name: 'an impossible review date is left out of the sequence', yaml: r(2, '2025-02-30', 'review: { number: 2, next_review_due: 2025-04-31 }\n'), expect: [] },
]);
