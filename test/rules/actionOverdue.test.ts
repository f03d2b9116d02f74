import { ruleTable, REVIEW_HEAD } from '../support/table';

const action = (fields: string) => `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Book the dental check\n    owner: Foster carer\n${fields}`;

// check() fixes today at 2025-11-01 unless the row's config says otherwise.
ruleTable('action-overdue', [
  { name: 'due in the future', yaml: action('    due: 2025-12-01\n    status: open\n'), expect: [] },
  { name: 'due in the past and open', yaml: action('    due: 2025-10-01\n    status: open\n'), expect: ['10:/actions/0/due'], messages: ['1 October 2025'] },
  { name: 'no status counts as open', yaml: action('    due: 2025-10-01\n'), expect: ['10:/actions/0/due'] },
  { name: 'done is not overdue', yaml: action('    due: 2025-10-01\n    status: done\n'), expect: [] },
  { name: 'dropped is not overdue', yaml: action('    due: 2025-10-01\n    status: dropped\n'), expect: [] },
  { name: 'due today is not yet overdue', yaml: action('    due: 2025-11-01\n'), expect: [] },
  { name: 'today comes from config', yaml: action('    due: 2025-12-01\n'), expect: ['10:/actions/0/due'], options: { config: { today: '2026-01-05' } } },
]);
