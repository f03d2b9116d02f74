import type { Rule } from './rule';
import { intOption, ofKind, relatedTo } from './acrossRecords';
import { daysBetween, formatUkDate } from '../dates';

/**
 * There is no national frequency for case supervision; local policies are commonly monthly
 * (every 4 to 6 weeks). The default flags a gap beyond the top of that range, six weeks, so a
 * monthly policy with a missed week is not nagged; teams set their own (`max_gap_days`).
 */
export const DEFAULT_MAX_GAP_DAYS = 42;

const weeks = (days: number): string => (days >= 14 ? `${Math.round(days / 7)} weeks` : `${days} days`);

export const supervisionGap: Rule = {
  id: 'supervision-gap',
  defaultSeverity: 'warning',
  description: "A gap between a child's supervision records longer than the team's interval (6 weeks by default), or a next supervision date passed with no record.",
  kinds: ['supervision'],
  options: {
    max_gap_days: {
      type: 'integer',
      minimum: 7,
      maximum: 366,
      default: DEFAULT_MAX_GAP_DAYS,
      description: "The longest gap, in days, between a child's supervision records before it is flagged (default 42: six weeks, the top of the common 4 to 6 weekly policy).",
    },
  },
  async check(ctx) {
    const maxDays = intOption(ctx, 'max_gap_days', DEFAULT_MAX_GAP_DAYS, 7, 366);
    for (const t of await ctx.timelines()) {
      const records = ofKind(t, 'supervision');
      const at = records.indexOf(t.self);
      const held = t.self.date!;
      const prev = at > 0 ? records[at - 1] : undefined;
      if (prev?.date) {
        const gap = daysBetween(prev.date, held);
        if (gap > maxDays) {
          ctx.report({
            path: ['date'],
            message: `${t.child} had no supervision for ${weeks(gap)} before this one (the previous was on ${formatUkDate(prev.date)}); the team's interval is ${weeks(maxDays)} — say in the discussion why supervision lapsed and what was missed.`,
            related: [relatedTo(prev, 'The previous supervision')],
            data: { gapDays: gap },
          });
        }
      }
      if (at !== records.length - 1) continue;
      // The latest record: is supervision now overdue?
      const next = t.self.nextSupervision;
      if (next && next < ctx.today) {
        ctx.report({
          path: ['next_supervision'],
          message: `The next supervision for ${t.child} was set for ${formatUkDate(next)} and there is no supervision record after it — hold the supervision, or add its record with the child's other records.`,
          data: { due: next },
        });
      } else if (!next && daysBetween(held, ctx.today) > maxDays) {
        ctx.report({
          path: ['date'],
          message: `This is the latest supervision record for ${t.child}, ${weeks(daysBetween(held, ctx.today))} ago, longer than the team's interval of ${weeks(maxDays)} — hold supervision, add its record, or set \`next_supervision:\`.`,
          data: { gapDays: daysBetween(held, ctx.today) },
        });
      }
    }
  },
};
