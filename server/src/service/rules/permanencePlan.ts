import type { Rule } from './rule';
import { isCurrentPlan } from './acrossRecords';
import { dateField, isObject, text } from './walk';
import { formatUkDate } from '../dates';


export const permanencePlan: Rule = {
  id: 'permanence-plan',
  defaultSeverity: 'warning',
  description: 'No permanence plan at or after the second review, or a permanence milestone that has slipped or passed its date.',
  kinds: ['review', 'care-plan'],
  async check(ctx) {
    const permanence = ctx.data.permanence;
    const review = ctx.data.review;
    const number = isObject(review) && typeof review.number === 'number' ? review.number : undefined;
    const plan = isObject(permanence) ? text(permanence.plan) : undefined;
    if (ctx.kind === 'review' && number !== undefined && number >= 2 && !plan) {
      ctx.report({
        path: isObject(permanence) ? ['permanence'] : [],
        target: 'item',
        message: `This is review ${number} and no permanence plan is recorded — the plan for where the child will grow up should be in place by the second review; add \`permanence:\` with \`plan:\`.`,
      });
    }
    if (!isObject(permanence) || !Array.isArray(permanence.milestones)) return;
    // A milestone's status is read from the child's current plan or review: in an older record it
    // is history (a later review says what became of it), and saying it on each would repeat it.
    const timelines = await ctx.timelines();
    if (timelines.length && !timelines.some(isCurrentPlan)) return;
    permanence.milestones.forEach((m, i) => {
      if (!isObject(m)) return;
      const what = text(m.what) ?? 'This milestone';
      const due = dateField(m.due);
      const status = text(m.status) ?? 'open';
      if (status === 'slipped') {
        ctx.report({
          path: ['permanence', 'milestones', i],
          target: 'item',
          message: `'${what}' has slipped — record the new date and what is being done so the child's permanence is not delayed further.`,
        });
      } else if (status === 'open' && due && due < ctx.today) {
        ctx.report({
          path: ['permanence', 'milestones', i],
          target: 'item',
          message: `'${what}' was due on ${formatUkDate(due)} and is still open — mark it done, or record that it slipped and the new date.`,
        });
      }
    });
  },
};

