import { ruleTable, REVIEW_HEAD } from '../support/table';

const refs = (list: string, extra = '') => `${REVIEW_HEAD}${extra}references:\n${list}`;
const OTHER = { 'file:///ws/case/care-plan.yaml': 'kind: care-plan\nid: cp-CH000123-2025-01\n' };

ruleTable('reference-missing', [
  { name: 'a path that exists', yaml: refs('  - { id: pep, type: pep, path: education/pep.md }\n'), expect: [], options: { files: ['file:///ws/case/education/pep.md'] } },
  { name: 'a path that does not exist', yaml: refs('  - { id: pep, type: pep, path: education/pep.md }\n'), expect: ['7:/references/0/path'], messages: ['no file'] },
  { name: 'a path that leaves the workspace', yaml: refs('  - { id: x, type: other, path: ../../etc/passwd }\n'), expect: ['7:/references/0/path'], messages: ['outside this workspace'] },
  { name: 'a doc id that exists', yaml: refs('  - { id: cp, type: care-plan, doc: cp-CH000123-2025-01 }\n'), expect: [], options: { documents: OTHER } },
  { name: 'a doc id that does not exist', yaml: refs('  - { id: cp, type: care-plan, doc: cp-nope }\n'), expect: ['7:/references/0/doc'] },
  {
    name: 'review.care_plan must name a document',
    yaml: REVIEW_HEAD.replace('chair: IRO', 'chair: IRO, care_plan: cp-missing'),
    expect: ['5:/review/care_plan'],
  },
  {
    name: "an action's references must resolve locally or in the workspace",
    yaml: refs('  - { id: pep, type: pep, title: Paper PEP }\n', 'actions:\n  - id: A1\n    action: Share the PEP\n    owner: Designated teacher\n    due: 2025-05-09\n    references: [pep, cp-CH000123-2025-01, nowhere]\n'),
    expect: ['11:/actions/0/references/2'],
    options: { documents: OTHER },
  },
]);

ruleTable('reference-unlinked', [
  { name: 'a pointer to an unlisted document', yaml: `${REVIEW_HEAD}discussion: Education is going well; see the PEP dated 14/01/2025.\n`, expect: ['6:/discussion'], messages: ['Personal education plan'] },
  { name: 'a pointer to a listed document', yaml: `${REVIEW_HEAD}discussion: Education is going well; see the PEP dated 14/01/2025.\nreferences:\n  - { id: pep, type: pep, title: PEP }\n`, expect: [] },
  { name: 'a document as the object of an action is not a pointer', yaml: `${REVIEW_HEAD}discussion: The social worker will update the PEP before the next review.\n`, expect: [] },
  {
    name: 'a numbered part is named as a part, not quoted as if it were a title',
    yaml: `${REVIEW_HEAD}discussion: Where a child has a long-term guardian, refer to 5.9 Long-term guardianship.\n`,
    expect: ['6:/discussion'],
    messages: [/^This sends the reader to part 5\.9 for the detail/],
  },
  {
    name: 'a list of what to read after a colon names no document: the message says another document, not the colon',
    yaml: `${REVIEW_HEAD}discussion: 'This review should be read alongside: ...'\n`,
    expect: ['6:/discussion'],
    messages: [/^This sends the reader to another document for the detail/],
  },
  {
    name: 'a pointer inside a block scalar is located on its own line',
    yaml: `${REVIEW_HEAD}discussion: |\n  J is settled at home.\n  Health needs are as detailed in the review health assessment.\n`,
    expect: ['8:/discussion'],
  },
  {
    name: 'a listed document of another date does not excuse a dated pointer',
    yaml: `${REVIEW_HEAD}discussion: Education is going well; see the PEP dated 14/10/2025.\nreferences:\n  - { id: pep, type: pep, title: PEP, date: 2025-01-14 }\n`,
    expect: ['6:/discussion'],
    messages: ['the Personal education plan (PEP) of 14 October 2025, but `references:` lists only the one of 14 January 2025'],
  },
  { name: 'the listed document of that date excuses it', yaml: `${REVIEW_HEAD}discussion: Education is going well; see the PEP dated 14/10/2025.\nreferences:\n  - { id: pep, type: pep, title: PEP, date: 2025-10-14 }\n`, expect: [] },
  { name: 'a document of no known type is matched by its title', yaml: `${REVIEW_HEAD}discussion: For the worries, see the Signs of Safety map.\nreferences:\n  - { id: sos, type: other, title: Signs of Safety map, date: 2025-03-01 }\n`, expect: [] },
  // the message names where the reader is sent as a social worker would say it
  { name: 'a filing note names the file', yaml: `${REVIEW_HEAD}discussion: The Work Programme was presented (for copy see file).\n`, expect: ['6:/discussion'], messages: ['sends the reader to the file for the detail'] },
  { name: 'a minute reference names the minute', yaml: `${REVIEW_HEAD}discussion: The Chair admitted further information (Minute No. 37 refers).\n`, expect: ['6:/discussion'], messages: ["sends the reader to 'Minute No. 37' for the detail"] },
  { name: 'another listed document of no known type does not excuse it', yaml: `${REVIEW_HEAD}discussion: For the worries, see the Signs of Safety map.\nreferences:\n  - { id: gp, type: other, title: Letter from the dentist }\n`, expect: ['6:/discussion'], messages: ["sends the reader to 'the Signs of Safety map' for the detail"] },
  {
    name: 'flag_listed_detail: "for the detail, see" is flagged even when the document is listed',
    yaml: `${REVIEW_HEAD}discussion: Please refer to the parenting assessment for the detail of the issues and actions.\nreferences:\n  - { id: pa, type: parenting-assessment, title: Parenting assessment }\n`,
    expect: ['6:/discussion'],
    messages: ['leaves the detail to the Parenting assessment'],
    options: { config: { rules: { 'reference-unlinked': { severity: 'warning', flag_listed_detail: true } } } },
  },
  { name: 'without the option, the listed document excuses it', yaml: `${REVIEW_HEAD}discussion: Please refer to the parenting assessment for the detail of the issues and actions.\nreferences:\n  - { id: pa, type: parenting-assessment, title: Parenting assessment }\n`, expect: [] },
  {
    name: 'a listed edition of another year does not excuse a pointer to this one',
    yaml: `${REVIEW_HEAD}discussion: The plan should be read alongside Working Together to Safeguard Children 2023.\nreferences:\n  - { id: wt, type: other, title: Working Together to Safeguard Children 2018 }\n`,
    expect: ['6:/discussion'],
  },
  { name: 'the listed edition of that year excuses it', yaml: `${REVIEW_HEAD}discussion: The plan should be read alongside Working Together to Safeguard Children 2023.\nreferences:\n  - { id: wt, type: other, title: Working Together to Safeguard Children, date: 2023-12-15 }\n`, expect: [] },
  { name: 'team document types from config', yaml: `${REVIEW_HEAD}discussion: Arrangements are as set out in the family group conference plan.\n`, expect: ['6:/discussion'], options: { config: { references: { extra_document_types: { 'fgc-plan': ['family group conference plan'] } } } } },
]);

ruleTable('duplicate-id', [
  { name: 'a unique id', yaml: REVIEW_HEAD, expect: [] },
  { name: 'another document has the same id', yaml: REVIEW_HEAD, expect: ['2:/id'], options: { documents: { 'file:///ws/other.yaml': 'kind: review\nid: review-CH000123-2025-04-24\n' } } },
  { name: 'two actions with one id', yaml: `${REVIEW_HEAD}actions:\n  - { id: A1, action: a, owner: IRO, due: 2025-05-01 }\n  - { id: A1, action: b, owner: IRO, due: 2025-05-01 }\n`, expect: ['8:/actions/1/id'] },
]);
