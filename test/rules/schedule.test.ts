import { ruleTable } from '../support/table';

const review = (fields: string) => `kind: review\nid: r\nchild: CH-000123\n${fields}`;

ruleTable('review-schedule', [
  { name: 'first review within 20 working days', yaml: review('date: 2025-01-31\nlooked_after_since: 2025-01-06\nreview: { number: 1 }\n'), expect: [] },
  { name: 'first review late', yaml: review('date: 2025-02-10\nlooked_after_since: 2025-01-06\nreview: { number: 1 }\n'), expect: ['4:/date'], messages: ['3 February 2025'] },
  { name: 'second review within 3 months', yaml: review('date: 2025-05-07\nreview: { number: 2, previous_review_date: 2025-02-07 }\n'), expect: [] },
  { name: 'second review late', yaml: review('date: 2025-05-22\nreview: { number: 2, previous_review_date: 2025-02-07 }\n'), expect: ['4:/date'] },
  { name: 'third review within 6 months', yaml: review('date: 2025-11-20\nreview: { number: 3, previous_review_date: 2025-05-22 }\n'), expect: [] },
  // An impossible date is the schema rule's finding; this rule must neither run on it nor crash.
  { name: 'an impossible date is left to the schema rule', yaml: review('date: 2025-02-30\nlooked_after_since: 2025-01-06\nreview: { number: 1 }\n'), expect: [] },
  { name: 'next review set too far ahead', yaml: review('date: 2025-05-07\nreview: { number: 2, previous_review_date: 2025-02-07, next_review_due: 2026-01-10 }\n'), expect: ['5:/review/next_review_due'] },
  {
    name: 'intervals come from config',
    yaml: review('date: 2025-05-07\nreview: { number: 2, previous_review_date: 2025-02-07 }\n'),
    expect: ['4:/date'],
    options: { config: { timescales: { review_intervals: { second_months: 2 } } } },
  },
]);

ruleTable('permanence-plan', [
  { name: 'first review without a plan is fine', yaml: review('date: 2025-02-07\nreview: { number: 1 }\n'), expect: [] },
  { name: 'second review without a plan', yaml: review('date: 2025-05-07\nreview: { number: 2 }\n'), expect: ['1:'] },
  { name: 'second review with a plan', yaml: review('date: 2025-05-07\nreview: { number: 2 }\npermanence: { plan: return-home }\n'), expect: [] },
  {
    name: 'a slipped milestone and an open one past its date',
    yaml: review('date: 2025-05-07\nreview: { number: 2 }\npermanence:\n  plan: return-home\n  milestones:\n    - { what: Final hearing, due: 2025-09-15, status: slipped }\n    - { what: Discharge application, due: 2025-10-01, status: open }\n    - { what: Review of contact, due: 2025-12-01, status: open }\n'),
    expect: ['9:/permanence/milestones/0', '10:/permanence/milestones/1'],
  },
]);
