import type { Rule } from './rule';
import { ofKind, relatedTo } from './acrossRecords';
import { formatUkDate, reviewIntervals } from '../dates';
import { firstReviewDue, nextHeldBy, nextReviewDue } from '../chronology/measures';
import type { RecordFacts } from '../chronology';

/**
 * The review sequence as the child's review records show it, not as each record says it is:
 * numbers that follow on, each review within the statutory interval of the previous review
 * record (CPPCR reg 33), and a review that fell due with no record of it by today.
 */
export const reviewSequence: Rule = {
  id: 'review-sequence',
  defaultSeverity: 'warning',
  description: "A review out of step with the child's other review records: numbered out of order, held too long after the previous one, a wrong previous review date, or the next review overdue with no record.",
  kinds: ['review', 'care-plan'],
  async check(ctx) {
    const intervals = reviewIntervals(ctx.config.timescales);
    for (const t of await ctx.timelines()) {
      const reviews = ofKind(t, 'review');
      if (ctx.kind === 'care-plan') {
        // With no review record at all, the first review is what is missing: say it on the latest care plan.
        const plans = ofKind(t, 'care-plan');
        const since = t.self.lookedAfterSince;
        if (reviews.length || plans[plans.length - 1] !== t.self || !since) continue;
        const due = firstReviewDue(since, intervals);
        if (due < ctx.today) {
          ctx.report({
            path: ['looked_after_since'],
            message: `${t.child} became looked after on ${formatUkDate(since)}, so the first review was due by ${formatUkDate(due)}, and there is no review record for ${t.child} — hold the review, or add its record with the child's other records.`,
            data: { due },
          });
        }
        continue;
      }
      const at = reviews.indexOf(t.self);
      const previous = at > 0 ? reviews[at - 1] : undefined;
      const number = t.self.review?.number;
      if (previous) checkAgainstPrevious(previous);
      if (at === reviews.length - 1) checkNextDue();

      function checkAgainstPrevious(prev: RecordFacts): void {
        const prevNumber = prev.review?.number;
        if (number !== undefined && prevNumber !== undefined && number !== prevNumber + 1) {
          const message =
            number > prevNumber + 1
              ? `This is recorded as review ${number}, but the previous review record for ${t.child} is review ${prevNumber} — add the record of review ${prevNumber + 1}, or correct the number.`
              : `This is recorded as review ${number}, but the previous review record for ${t.child} is already review ${prevNumber} — number this review ${prevNumber + 1}.`;
          ctx.report({ path: ['review', 'number'], message, related: [relatedTo(prev, 'The previous review')], data: { expected: prevNumber + 1 } });
        }
        const stated = t.self.review?.previousDate;
        if (stated && prev.date && stated !== prev.date) {
          ctx.report({
            path: ['review', 'previous_review_date'],
            message: `The previous review date here is ${formatUkDate(stated)}, but the previous review record for ${t.child} was held on ${formatUkDate(prev.date)} — correct the date, so the interval is measured from the real review.`,
            related: [relatedTo(prev, 'The previous review')],
            data: { replacement: prev.date },
          });
        }
        // review-schedule measures from the stated previous date; say the interval here only when that date is missing or wrong.
        if (stated === prev.date || !prev.date || !t.self.date) return;
        const { latest, months } = nextHeldBy({ ...prev, date: prev.date }, number, intervals);
        if (t.self.date > latest) {
          ctx.report({
            path: ['date'],
            message: `This review was held on ${formatUkDate(t.self.date)}, more than ${months} months after the previous review on ${formatUkDate(prev.date)}; it was due by ${formatUkDate(latest)} — record the reason for the delay in the minutes.`,
            related: [relatedTo(prev, 'The previous review')],
            data: { latest },
          });
        }
      }

      function checkNextDue(): void {
        if (!t.self.date) return;
        const due = nextReviewDue(t.self, intervals);
        if (!due || due >= ctx.today) return;
        ctx.report({
          path: t.self.review?.nextDue ? ['review', 'next_review_due'] : ['date'],
          message: `The next review for ${t.child} was due by ${formatUkDate(due)} and there is no later review record — hold the review, or add its record with the child's other records.`,
          data: { due },
        });
      }
    }
  },
};
