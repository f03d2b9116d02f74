/** A small review record used by the feature tests; comments and blank lines are deliberate. */
import { DocumentIndex, parseCarePlanDocument } from '../../../server/src/service';
import type { ParsedDocument } from '../../../server/src/service';

export const URI = 'file:///ws/case/review-2.yaml';

export const REVIEW = `kind: review
# A fictional review record.
id: review-CH000123-2025-04-24
child: CH-000123
date: 2025-04-24
review:
  number: 2
  chair: IRO
  care_plan: cp-CH000123-2025-01   # the plan this review considered
  next_review_due: 2025-10-23
placement: { type: placed-with-parents, start_date: 2025-01-06 }
discussion: |
  Education is going well; see the PEP dated 14/01/2025 for detail.
  Health needs are as detailed in the review health assessment.

actions:
  - id: A1
    action: Refer Mother to the Family Support Service parenting programme
    owner: Social worker
    timescale: within 10 working days of this review   # agreed at the meeting
    status: open
    references: [pep-2025-01]

  - id: A2
    action: Share the plan with Father in plain English
    owner: IRO
    timescale: ongoing
    status: open
parent_expectations:
  - id: E1
    parent: Mother
    expectation: Mother will engage with services
references:
  - id: pep-2025-01
    type: pep
    title: Personal education plan, spring term
    path: ../education/pep-2025-01.md
`;

export function parse(text: string): ParsedDocument {
  return parseCarePlanDocument(text);
}

/** A workspace index holding this record and a care plan it refers to. */
export function indexWith(docs: Record<string, string> = {}): DocumentIndex {
  const index = new DocumentIndex();
  index.set(URI, REVIEW);
  index.set('file:///ws/case/care-plan.yaml', 'kind: care-plan\nid: cp-CH000123-2025-01\nchild: CH-000123\ndate: 2025-01-10\n');
  for (const [u, t] of Object.entries(docs)) index.set(u, t);
  return index;
}

/** Position of the first occurrence of `needle` (plus `delta` characters) in `text`. */
export function at(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i === -1) throw new Error(`'${needle}' is not in the text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
