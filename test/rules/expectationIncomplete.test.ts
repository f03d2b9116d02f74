import { ruleTable, REVIEW_HEAD } from '../support/table';

const item = (fields: string) => `${REVIEW_HEAD}parent_expectations:\n  - id: E1\n    parent: Father\n    expectation: Father will attend every Tuesday key-work session at the drug service\n${fields}`;

ruleTable('expectation-incomplete', [
  { name: 'evidence, by and support given', yaml: item('    evidence: Attendance list\n    by: 2025-10-23\n    support: Bus fares paid\n'), expect: [] },
  { name: 'all three missing, one finding naming them', yaml: item(''), expect: ['7:/parent_expectations/0'], messages: [/evidence.*by.*support/] },
  { name: 'only support missing', yaml: item('    evidence: Attendance list\n    by: 2025-10-23\n'), expect: ['7:/parent_expectations/0'], messages: ['support'] },
  { name: 'blank fields count as missing', yaml: item('    evidence:\n    by:\n    support: Bus fares paid\n'), expect: ['7:/parent_expectations/0'] },
  {
    name: 'placed with parents with no expectations at all',
    yaml: `${REVIEW_HEAD}placement: { type: placed-with-parents, start_date: 2025-01-06 }\n`,
    expect: ['6:/placement/type'],
  },
  { name: 'placed in foster care needs none', yaml: `${REVIEW_HEAD}placement: { type: foster-care, start_date: 2025-01-06 }\n`, expect: [] },
]);
