import { ruleTable, REVIEW_HEAD } from '../support/table';

const expectation = (text: string) =>
  `${REVIEW_HEAD}parent_expectations:\n  - id: E1\n    parent: Mother\n    expectation: ${text}\n    evidence: School attendance report each Friday\n    by: 2025-10-23\n    support: Family support worker twice weekly\n`;

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
]);
