/** The statutory review schedule (CPPCR reg 33, as made; every interval is a setting). */
import type { IsoDate } from '../types';
import { addMonths, formatUkDate, isIsoDate } from './calendar';
import { addWorkingDays } from './holidays';
import type { TimescaleAnchors, TimescaleOptions } from './types';

/** Default review intervals: first review within 20 working days, second within 3 months, then every 6 months. */
export const DEFAULT_REVIEW_INTERVALS: Readonly<Required<TimescaleOptions>['reviewIntervals']> = Object.freeze({
  firstWorkingDays: 20,
  secondMonths: 3,
  laterMonths: 6,
});

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "first", "second" … "10th". */
export function ordinalWord(n: number): string {
  if (ORDINALS[n]) return ORDINALS[n]!;
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${s}`;
}

/** Largest intervals read (the config schema's limits): a year of working days, two years of months. */
export const MAX_REVIEW_INTERVALS = Object.freeze({ firstWorkingDays: 260, secondMonths: 24, laterMonths: 24 });

/**
 * The review intervals in force. A value outside 1 to its maximum is the config schema's finding;
 * settings that did not pass through it fall back to the default, so no date arithmetic runs wild.
 */
export function intervals(options?: TimescaleOptions): Required<TimescaleOptions>['reviewIntervals'] {
  const iv = options?.reviewIntervals;
  if (!iv) return DEFAULT_REVIEW_INTERVALS;
  const pick = (k: keyof typeof MAX_REVIEW_INTERVALS): number => {
    const v = iv[k];
    return Number.isInteger(v) && v >= 1 && v <= MAX_REVIEW_INTERVALS[k] ? v : DEFAULT_REVIEW_INTERVALS[k];
  };
  return { firstWorkingDays: pick('firstWorkingDays'), secondMonths: pick('secondMonths'), laterMonths: pick('laterMonths') };
}

function validNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000;
}

/** The first review's latest date, from when the child became looked after. */
function firstReview(anchors: TimescaleAnchors, options?: TimescaleOptions): { date: IsoDate; how: string } | undefined {
  if (!isIsoDate(anchors.lookedAfterSince)) return undefined;
  const wd = intervals(options).firstWorkingDays;
  const date = addWorkingDays(anchors.lookedAfterSince, wd);
  return {
    date,
    how: `the first review, due within ${wd} working days of the child becoming looked after on ${formatUkDate(anchors.lookedAfterSince)}`,
  };
}

/**
 * Statutory date of the next review after this one (first ≤ 20 working days after
 * looked_after_since; second ≤ 3 months after the first; later ≤ 6 months apart).
 * Undefined when the document does not say enough to work it out.
 */
export function statutoryNextReview(anchors: TimescaleAnchors, options?: TimescaleOptions): { date: IsoDate; how: string } | undefined {
  const n = anchors.reviewNumber;
  if (n === undefined || n === 0) {
    const first = firstReview(anchors, options);
    // Without a review number, a record written after the first review's deadline cannot tell
    // which review comes next.
    if (!first || (isIsoDate(anchors.documentDate) && anchors.documentDate > first.date)) return undefined;
    return first;
  }
  if (!validNumber(n) || !isIsoDate(anchors.documentDate)) return undefined;
  const iv = intervals(options);
  const months = n === 1 ? iv.secondMonths : iv.laterMonths;
  const date = addMonths(anchors.documentDate, months);
  return {
    date,
    how: `the ${ordinalWord(n + 1)} review, due within ${months} months of this review on ${formatUkDate(anchors.documentDate)}`,
  };
}

/** The next review: the date the document gives, else the statutory one. */
export function nextReview(anchors: TimescaleAnchors, options?: TimescaleOptions): { date: IsoDate; how: string } | undefined {
  if (isIsoDate(anchors.nextReviewDue)) {
    return { date: anchors.nextReviewDue, how: `the next review, due on ${formatUkDate(anchors.nextReviewDue)}` };
  }
  return statutoryNextReview(anchors, options);
}

/**
 * The date review number `k` is due (1 = first review), following the schedule from what the
 * document says; undefined when it is this review or an earlier one, or cannot be worked out.
 */
export function reviewDue(k: number, anchors: TimescaleAnchors, options?: TimescaleOptions): { date: IsoDate; how: string } | undefined {
  if (!validNumber(k) || k < 1 || k > 50) return undefined;
  const iv = intervals(options);
  const n = anchors.reviewNumber;
  let at: number;
  let base: { date: IsoDate; how: string } | undefined;
  if (n !== undefined && validNumber(n) && n > 0) {
    if (k <= n) return undefined;
    base = nextReview(anchors, options);
    at = n + 1;
  } else {
    base = firstReview(anchors, options);
    if (base && isIsoDate(anchors.documentDate) && anchors.documentDate > base.date) return undefined;
    at = 1;
  }
  if (!base) return undefined;
  if (k === at) return base;
  let date = base.date;
  for (let j = at + 1; j <= k; j++) date = addMonths(date, j === 2 ? iv.secondMonths : iv.laterMonths);
  return {
    date,
    how: `the ${ordinalWord(k)} review, which on the statutory schedule falls by ${formatUkDate(date)}`,
  };
}
