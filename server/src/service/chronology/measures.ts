/**
 * Measures of a child's journey that both the checks across records and the permanence tracker
 * read, so the tracker's figures and the findings agree: when each review was due, whether a
 * permanence step slipped, and whether a settled child waits for matching, special guardianship
 * or the discharge of an order.
 */
import { addMonths, addWorkingDays, reviewIntervals } from '../dates';
import type { IsoDate } from '../types';
import type { ActionFact, MilestoneFact, RecordFacts } from './facts';

type Intervals = ReturnType<typeof reviewIntervals>;

/** An action's status that closes it (older records say completed or complete). */
const CLOSED = new Set(['done', 'dropped', 'completed', 'complete']);

/** Whether an action is still to do. */
export function isOpenAction(a: Pick<ActionFact, 'status'>): boolean {
  return !CLOSED.has((a.status ?? 'open').toLowerCase());
}

/** The first review's latest date: within the first interval in working days of becoming looked after. */
export function firstReviewDue(lookedAfterSince: IsoDate, intervals: Intervals): IsoDate {
  return addWorkingDays(lookedAfterSince, intervals.firstWorkingDays);
}

/** Months from review `number` to the next one: the second follows the first sooner. */
export function monthsAfterReview(number: number | undefined, intervals: Intervals): number {
  return number === 1 ? intervals.secondMonths : intervals.laterMonths;
}

/** The latest date the review after `prev` could be held, given the number of the review held next (if known). */
export function nextHeldBy(prev: RecordFacts & { date: IsoDate }, nextNumber: number | undefined, intervals: Intervals): { latest: IsoDate; months: number } {
  const number = nextNumber ?? (prev.review?.number !== undefined ? prev.review.number + 1 : undefined);
  const months = number === 2 ? intervals.secondMonths : intervals.laterMonths;
  return { latest: addMonths(prev.date, months), months };
}

/** When the review after this one is due: the date the record sets, else the statutory interval from its number. */
export function nextReviewDue(review: RecordFacts, intervals: Intervals): IsoDate | undefined {
  if (review.review?.nextDue) return review.review.nextDue;
  const number = review.review?.number;
  return review.date && number !== undefined ? addMonths(review.date, monthsAfterReview(number, intervals)) : undefined;
}

/** A milestone is the same step across records by its type, else by its words. */
export function milestoneKey(m: MilestoneFact): string {
  return m.type && m.type !== 'other' ? `type:${m.type}` : `what:${m.what.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/** Whether a milestone is behind it (done, or an achieved date given). */
export function isAchieved(m: MilestoneFact): boolean {
  return m.status === 'done' || m.achieved !== undefined;
}

/** Did this step slip at `record`, against how the record before it (if any) recorded it? */
export function slippedAt(record: RecordFacts, before: RecordFacts | undefined, key: string): boolean {
  const now = record.permanence?.milestones.find((m) => milestoneKey(m) === key);
  if (!now || now.status === 'done') return false;
  if (now.status === 'slipped') return true;
  const then = before?.permanence?.milestones.find((m) => milestoneKey(m) === key);
  return !!(then?.due && now.due && now.due > then.due);
}

/** Plans that depend on parents, so a parallel plan is expected (twin-track planning). */
export const DEPENDS_ON_PARENTS: ReadonlySet<string> = new Set(['return-home', 'placed-with-parents']);
const SETTLED_PLANS = new Set(['long-term-fostering', 'connected-carers']);
const SETTLED_PLACEMENTS = new Set(['foster-care', 'connected-carers']);

// A milestone counts by its type, or by its words for records written before `type:` existed.
export const isMatchOrSgo = (m: Pick<MilestoneFact, 'what' | 'type'>): boolean =>
  m.type === 'matching' || m.type === 'special-guardianship' || /\b(match(ing|ed)?|special guardian(ship)?|sgo)\b/i.test(m.what);
export const isDischarge = (m: Pick<MilestoneFact, 'what' | 'type'>): boolean => m.type === 'discharge-of-order' || /\bdischarg/i.test(m.what);

/** The step a child waits for beyond the months allowed, read from the current plan or review. */
export interface Waiting {
  readonly step: 'matching-or-special-guardianship' | 'discharge-of-order';
  /** When the placement began (the wait is counted from it). */
  readonly since: IsoDate;
  readonly months: number;
}

/**
 * Whether the child, as `current` (the latest plan or review) records them, has waited beyond
 * `settledMonths` settled with carers with no matching or special guardianship step in any record,
 * or beyond `atHomeMonths` at home on a care order with no discharge step.
 */
export function waitingBeyond(
  current: RecordFacts,
  records: readonly RecordFacts[],
  today: IsoDate,
  settledMonths: number,
  atHomeMonths: number,
): Waiting | undefined {
  const placement = current.placement;
  if (!placement?.start) return undefined;
  const anyStep = (matches: (m: MilestoneFact) => boolean) => records.some((r) => r.permanence?.milestones.some(matches));
  const plan = current.permanence?.plan ?? '';
  if (SETTLED_PLACEMENTS.has(placement.type ?? '') && SETTLED_PLANS.has(plan)) {
    if (addMonths(placement.start, settledMonths) < today && !anyStep(isMatchOrSgo)) return { step: 'matching-or-special-guardianship', since: placement.start, months: settledMonths };
  }
  if (current.legalStatus === 'care-order' && placement.type === 'placed-with-parents') {
    if (addMonths(placement.start, atHomeMonths) < today && !anyStep(isDischarge)) return { step: 'discharge-of-order', since: placement.start, months: atHomeMonths };
  }
  return undefined;
}
