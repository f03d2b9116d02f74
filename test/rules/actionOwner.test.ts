import { ruleTable, REVIEW_HEAD } from '../support/table';

const action = (owner: string) => `${REVIEW_HEAD}actions:\n  - id: A1\n    action: Arrange a family group conference\n${owner}    due: 2025-06-13\n`;

ruleTable('action-owner', [
  { name: 'a role owns it', yaml: action('    owner: Social worker\n'), expect: [] },
  { name: 'a parent owns it', yaml: action('    owner: Mother\n'), expect: [] },
  { name: 'no owner', yaml: action(''), expect: ['7:/actions/0'], messages: ['no owner'] },
  { name: 'an empty owner', yaml: action('    owner:\n'), expect: ['7:/actions/0'] },
  { name: '"All professionals"', yaml: action('    owner: All professionals\n'), expect: ['9:/actions/0/owner'], messages: ['All professionals'] },
  { name: '"the LA"', yaml: action('    owner: the LA\n'), expect: ['9:/actions/0/owner'] },
  { name: '"everyone"', yaml: action('    owner: Everyone\n'), expect: ['9:/actions/0/owner'] },
  { name: '"TBC"', yaml: action('    owner: TBC\n'), expect: ['9:/actions/0/owner'] },
  { name: 'a named team role is fine', yaml: action('    owner: Team manager\n'), expect: [] },
]);
