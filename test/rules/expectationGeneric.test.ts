import { ruleTable, REVIEW_HEAD } from '../support/table';

const expectation = (text: string) =>
  `${REVIEW_HEAD}parent_expectations:\n  - id: E1\n    parent: Mother\n    expectation: ${text}\n    evidence: School attendance report each Friday\n    by: 2025-10-23\n    support: Family support worker twice weekly\n`;

const action = (fields: string) => `${REVIEW_HEAD}actions:\n  - id: A1\n${fields}`;

ruleTable('expectation-generic', [
  { name: 'an observable behaviour with a frequency', yaml: expectation('Mother will take J to school by 8.50am every school day'), expect: [] },
  { name: 'an abstract verb', yaml: expectation('Mother will engage with services'), expect: ['9:/parent_expectations/0/expectation'], messages: ['engage'] },
  { name: 'being, not doing, with no trigger word', yaml: expectation('Mother will be a good role model'), expect: ['9:/parent_expectations/0/expectation'], messages: [/should be, not what she will do/] },
  { name: 'an evaluative standard', yaml: expectation('Mother will maintain appropriate home conditions'), expect: ['9:/parent_expectations/0/expectation'] },
  { name: 'a number and a date do not rescue it', yaml: expectation('Mother will improve her parenting by 50% by the next review'), expect: ['9:/parent_expectations/0/expectation'] },
  {
    name: 'a trigger word followed by an observable act is specific',
    yaml: expectation('Mother will engage with the drug service by going to her key-work session every Tuesday and giving a sample each time'),
    expect: [],
  },
  { name: 'team vague phrases from config', yaml: expectation('Mother will be child focused'), expect: ['9:/parent_expectations/0/expectation'], options: { config: { expectations: { extra_vague_phrases: ['child focused'] } } } },
  // expectations written elsewhere: an action a parent owns, or whose wording makes a parent its subject
  { name: "a parent's action with an abstract verb", yaml: action('    action: Engage with services\n    owner: Mother\n'), expect: ['8:/actions/0/action'], messages: [/too general: 'Engage' is an aim/] },
  { name: "a parent's action with an observable act", yaml: action('    action: Walk J to school each day in the new term\n    owner: Mother\n'), expect: [] },
  { name: "a foster carer's action is not a parental expectation", yaml: action('    action: Engage with services\n    owner: Foster carer\n'), expect: [] },
  { name: 'an action owned by Ms A is not judged as a parent\'s', yaml: action('    action: Engage with services\n    owner: Ms A\n'), expect: [] },
  { name: "a social worker's action is not judged", yaml: action('    action: Social worker to engage the family with services\n    owner: Social worker\n'), expect: [] },
  { name: 'wording that makes the mother its subject ("Mother to…")', yaml: action('    action: Mother to engage with services\n'), expect: ['8:/actions/0/action'] },
  { name: 'a recommendation that the father attends a course', yaml: action('    action: It is recommended that the father completes a parenting course\n'), expect: ['8:/actions/0/action'], messages: [/is a process/] },
  { name: 'a recommendation with a scheduled act passes', yaml: action('    action: It is recommended that the mother attends the family hub every Friday at 10am\n'), expect: [] },
  { name: "a parent's action in a care plan section", yaml: `${REVIEW_HEAD}health:\n  actions:\n    - id: A1\n      action: Father should improve his parenting\n`, expect: ['9:/health/actions/0/action'] },
]);
