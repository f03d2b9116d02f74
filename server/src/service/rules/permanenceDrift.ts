import type { Rule } from './rule';
import { intOption, isCurrentPlan, ofKind, relatedTo, type Timeline } from './acrossRecords';
import { formatUkDate } from '../dates';
import { DEPENDS_ON_PARENTS, waitingBeyond } from '../chronology/measures';
import type { RecordFacts } from '../chronology';

/** Local practice, not regulation (DOMAIN.md): flag after a year settled, or a year at home on a care order. */
export const DEFAULT_SETTLED_MONTHS = 12;
export const DEFAULT_AT_HOME_MONTHS = 12;

/**
 * Delay in the child's permanence, read from the child's latest plan or review (the current
 * plan: older records are history, and saying it on each would repeat it).
 */
export const permanenceDrift: Rule = {
  id: 'permanence-drift',
  defaultSeverity: 'warning',
  description: 'Delay in the current permanence plan: no plan by the second review record, no parallel plan where the plan depends on parents, no matching, special guardianship or discharge step for a child long settled, or the target date passed.',
  kinds: ['review', 'care-plan'],
  options: {
    settled_months: {
      type: 'integer',
      minimum: 1,
      maximum: 120,
      default: DEFAULT_SETTLED_MONTHS,
      description: 'Months a child can be settled in long-term fostering or with connected carers before a matching or special guardianship milestone is expected (default 12).',
    },
    at_home_months: {
      type: 'integer',
      minimum: 1,
      maximum: 120,
      default: DEFAULT_AT_HOME_MONTHS,
      description: 'Months a child can live at home under a care order before a milestone to discharge the order is expected (default 12).',
    },
  },
  async check(ctx) {
    const settledMonths = intOption(ctx, 'settled_months', DEFAULT_SETTLED_MONTHS, 1, 120);
    const atHomeMonths = intOption(ctx, 'at_home_months', DEFAULT_AT_HOME_MONTHS, 1, 120);
    for (const t of await ctx.timelines()) {
      if (!isCurrentPlan(t)) continue; // only the current plan carries these
      const self = t.self;
      const plan = self.permanence?.plan;
      const reviews = ofKind(t, 'review');

      // permanence-plan already says this when the review's own number is 2 or more.
      if (!plan && self.kind === 'review' && reviews.length >= 2 && !((self.review?.number ?? 0) >= 2)) {
        const first = reviews[0];
        ctx.report({
          path: self.permanence ? ['permanence'] : [],
          target: 'item',
          message: `${t.child} has had ${reviews.length} reviews and no permanence plan is recorded — the plan for where the child will grow up should be in place by the second review; add \`permanence:\` with \`plan:\`.`,
          related: [relatedTo(first, 'The first review')],
        });
      }
      if (plan && DEPENDS_ON_PARENTS.has(plan) && !self.permanence?.parallelPlan) {
        ctx.report({
          path: ['permanence', 'plan'],
          message: `The plan (${plan.replace(/-/g, ' ')}) depends on the parents, and there is no parallel plan — add \`parallel_plan:\` so ${t.child} does not wait if it cannot be achieved.`,
        });
      }
      waiting(t, plan);
      const target = self.permanence?.targetDate;
      if (target && target < ctx.today) {
        ctx.report({
          path: ['permanence', 'target_date'],
          message: `The target date for permanence, ${formatUkDate(target)}, has passed — record what was achieved, or set a new target date and say why it slipped.`,
          data: { due: target },
        });
      }
    }

    function waiting(t: Timeline, plan: string | undefined): void {
      const wait = waitingBeyond(t.self, t.records, ctx.today, settledMonths, atHomeMonths);
      if (wait?.step === 'matching-or-special-guardianship') {
        const since = firstWithPlacement(t);
        ctx.report({
          path: ['permanence', 'plan'],
          message: `${t.child} has been settled with these carers since ${formatUkDate(wait.since)}, more than ${settledMonths} months, with a plan of ${plan!.replace(/-/g, ' ')} and no matching or special guardianship milestone in any record — add the step (\`type: matching\` or \`type: special-guardianship\`) with a date.`,
          ...(since && since !== t.self ? { related: [relatedTo(since, 'The placement as first recorded')] } : {}),
        });
      } else if (wait?.step === 'discharge-of-order') {
        ctx.report({
          path: ['legal_status'],
          message: `${t.child} has lived at home under a care order since ${formatUkDate(wait.since)}, more than ${atHomeMonths} months, and no record plans the discharge of the order — add a milestone (\`type: discharge-of-order\`) with a date, or record why the order is still needed.`,
        });
      }
    }
  },
};

/** The earliest record showing the current placement (same type and start), for related information. */
function firstWithPlacement(t: Timeline): RecordFacts | undefined {
  const p = t.self.placement;
  return t.records.find((r) => r.placement?.type === p?.type && r.placement?.start === p?.start);
}
