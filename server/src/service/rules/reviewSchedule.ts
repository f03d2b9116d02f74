import type { Rule } from './rule';
import { dateField, isObject } from './walk';
import { addMonths, addWorkingDays, formatUkDate, reviewIntervals } from '../dates';

export const reviewSchedule: Rule = {
  id: 'review-schedule',
  defaultSeverity: 'warning',
  description: 'A review held, or planned, later than the statutory interval allows (first within 20 working days, second within 3 months, then every 6 months).',
  kinds: ['review'],
  check(ctx) {
    const review = ctx.data.review;
    const held = dateField(ctx.data.date);
    if (!isObject(review) || !held) return;
    // Out-of-range settings fall back to the defaults (the config schema reports them).
    const intervals = reviewIntervals(ctx.config.timescales);
    const number = typeof review.number === 'number' ? review.number : undefined;
    const since = dateField(ctx.data.looked_after_since);
    const previous = dateField(review.previous_review_date);

    ctx.item(['date'], 'the date of this review against the review schedule', () => {
      // When this review should have been held at the latest (CPPCR 2010 reg 33, configurable).
      let latest: { date: string; why: string } | undefined;
      if (number === 1 && since) {
        latest = { date: addWorkingDays(since, intervals.firstWorkingDays), why: `${intervals.firstWorkingDays} working days after the child became looked after on ${formatUkDate(since)}` };
      } else if (number === 2 && previous) {
        latest = { date: addMonths(previous, intervals.secondMonths), why: `${intervals.secondMonths} months after the first review on ${formatUkDate(previous)}` };
      } else if (number !== undefined && number > 2 && previous) {
        latest = { date: addMonths(previous, intervals.laterMonths), why: `${intervals.laterMonths} months after the previous review on ${formatUkDate(previous)}` };
      }
      if (latest && held > latest.date) {
        ctx.report({
          path: ['date'],
          message: `This review was held on ${formatUkDate(held)}, after the latest date the regulations allow (${formatUkDate(latest.date)}, ${latest.why}) — record the reason for the delay in the minutes.`,
          data: { latest: latest.date },
        });
      }
    });

    const nextDue = dateField(review.next_review_due);
    if (nextDue && number !== undefined) {
      ctx.item(['review', 'next_review_due'], 'the date of the next review', () => {
        const months = number === 1 ? intervals.secondMonths : intervals.laterMonths;
        const limit = addMonths(held, months);
        if (nextDue > limit) {
          ctx.report({
            path: ['review', 'next_review_due'],
            message: `The next review is set for ${formatUkDate(nextDue)}, more than ${months} months after this one — set it on or before ${formatUkDate(limit)}.`,
            data: { latest: limit },
          });
        }
      });
    }
  },
};
