/**
 * Data completeness: for each field the tracker needs, the children whose records lack it. The
 * council's own tracker could not be analysed because these were missing, so the gaps are a
 * result in their own right (DOMAIN.md, "What a permanency tracker needs").
 */
import type { RecordFacts } from '../chronology';
import { DEPENDS_ON_PARENTS } from '../chronology/measures';
import type { IsoDate } from '../types';
import type { CompletenessEntry, TrackerRow } from './types';

/** The fields, in the order the report lists them, with what each is in plain words. */
export const COMPLETENESS_FIELDS: readonly { readonly field: string; readonly label: string }[] = [
  { field: 'looked_after_since', label: 'Date the child became looked after' },
  { field: 'legal_status', label: 'Legal status' },
  { field: 'placement.type', label: 'Placement type' },
  { field: 'placement.start_date', label: 'Placement start date' },
  { field: 'permanence.plan', label: 'Permanence plan' },
  { field: 'permanence.agreed_at_review', label: 'Review at which the plan was agreed' },
  { field: 'permanence.parallel_plan', label: 'Parallel plan (where the plan depends on parents)' },
  { field: 'permanence.target_date', label: 'Target date for permanence' },
  { field: 'permanence.milestones', label: 'Permanence milestones, each with a due date' },
  { field: 'review', label: 'A review record' },
  { field: 'review.next_review_due', label: 'Date of the next review (on the latest review)' },
  { field: 'supervision', label: 'A supervision record' },
];

interface Known {
  lookedAfterSince?: IsoDate;
  legalStatus?: string;
  placement?: RecordFacts['placement'];
  permanence?: RecordFacts['permanence'];
  latest?: RecordFacts;
  lastReview?: RecordFacts;
  lastSupervision?: RecordFacts;
}

/** The fields (ids of COMPLETENESS_FIELDS) a child's records lack. */
export function missingFields(k: Known): string[] {
  const p = k.permanence;
  const lacks: Record<string, boolean> = {
    looked_after_since: !k.lookedAfterSince,
    legal_status: !k.legalStatus,
    'placement.type': !k.placement?.type,
    'placement.start_date': !k.placement?.start,
    'permanence.plan': !p?.plan,
    'permanence.agreed_at_review': p?.agreedAtReview === undefined,
    'permanence.parallel_plan': !p?.plan || (DEPENDS_ON_PARENTS.has(p.plan) && !p.parallelPlan),
    'permanence.target_date': !p?.targetDate,
    'permanence.milestones': !p?.milestones.length || p.milestones.some((m) => !m.due && !m.achieved),
    review: !k.lastReview,
    'review.next_review_due': !!k.lastReview && !k.lastReview.review?.nextDue,
    supervision: !k.lastSupervision,
  };
  return COMPLETENESS_FIELDS.map((f) => f.field).filter((f) => lacks[f]);
}

/**
 * Each field with the children lacking it and the record where it belongs: the latest review for
 * the next review date, the latest care plan or review otherwise (none when the child has neither).
 */
export function completenessOf(rows: readonly TrackerRow[], whereToAdd: ReadonlyMap<string, { plan?: string; review?: string }>): CompletenessEntry[] {
  return COMPLETENESS_FIELDS.map(({ field, label }) => ({
    field,
    label,
    missing: rows
      .filter((r) => r.missing.includes(field))
      .map((r) => {
        const where = whereToAdd.get(r.child);
        const record = field === 'review.next_review_due' ? where?.review : field === 'review' || field === 'supervision' ? undefined : where?.plan;
        return record ? { child: r.child, record } : { child: r.child };
      }),
  }));
}
