import { ruleTable, REVIEW_HEAD } from '../support/table';

ruleTable('schema', [
  { name: 'a valid review', yaml: REVIEW_HEAD, expect: [] },
  { name: 'a missing child reference', yaml: REVIEW_HEAD.replace('child: CH-000123\n', ''), expect: ['1:'], messages: ['`child:`'] },
  { name: 'an unknown field suggests the nearest one', yaml: `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Visit\n    owner: IRO\n    timescle: within 4 weeks\n`, expect: ['10:/actions/0/timescle'], messages: ['did you mean `timescale`'] },
  { name: 'team x- fields are allowed', yaml: `${REVIEW_HEAD}x-team-note: draft for the manager\n`, expect: [] },
  { name: 'a UK date in a date field gets the ISO form', yaml: REVIEW_HEAD.replace('date: 2025-04-24', 'date: 24/04/2025'), expect: ['4:/date'], messages: ['2025-04-24'] },
  { name: 'an impossible date', yaml: REVIEW_HEAD.replace('date: 2025-04-24', 'date: 2025-02-30'), expect: ['4:/date'], messages: ['not a date'] },
  { name: 'a value outside the list', yaml: `${REVIEW_HEAD}legal_status: s20\n`, expect: ['6:/legal_status'], messages: ['section-20'] },
  { name: 'an action without its text', yaml: `${REVIEW_HEAD}actions:\n  - id: A1\n    owner: IRO\n`, expect: ['7:/actions/0'], messages: ['`action:`'] },
  { name: 'a list written as text', yaml: `${REVIEW_HEAD}actions: none\n`, expect: ['6:/actions'], messages: ['list'] },
]);
