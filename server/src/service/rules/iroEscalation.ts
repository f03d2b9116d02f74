import type { Rule } from './rule';
import { ofKind, relatedTo } from './acrossRecords';
import { formatUkDate } from '../dates';
import { milestoneKey as keyOf, slippedAt } from '../chronology/measures';
import type { RelatedLocation } from '../types';

/**
 * Drift the IRO Handbook expects an IRO to challenge: a permanence step that slipped at two
 * reviews running, actions of the previous review carried forward again, or the permanence
 * target passed, with no challenge or escalation recorded at the review.
 */
export const iroEscalation: Rule = {
  id: 'iro-escalation',
  defaultSeverity: 'warning',
  description: 'A review where the plan is drifting (a milestone slipped at two reviews running, previous actions carried forward again, the target date passed) and no IRO challenge or escalation is recorded.',
  kinds: ['review'],
  async check(ctx) {
    for (const t of await ctx.timelines()) {
      if (t.self.escalations.length) continue;
      const reviews = ofKind(t, 'review');
      const at = reviews.indexOf(t.self);
      const prev = at > 0 ? reviews[at - 1] : undefined;
      const beforePrev = at > 1 ? reviews[at - 2] : undefined;
      const signs: string[] = [];
      const related: RelatedLocation[] = [];

      if (prev) {
        for (const m of t.self.permanence?.milestones ?? []) {
          const key = keyOf(m);
          if (slippedAt(t.self, prev, key) && slippedAt(prev, beforePrev, key)) {
            signs.push(`'${m.what}' has slipped at this review and at the one before (${formatUkDate(prev.date!)})`);
            related.push(relatedTo(prev, 'Slipped here too'));
          }
        }
        const carried = t.self.previousActions.filter((p) => p.outcome === 'carried-forward').map((p) => p.id);
        const again = carried.filter((id) => prev.previousActions.some((p) => p.id === id && p.outcome === 'carried-forward'));
        if (again.length) {
          signs.push(`${again.length === 1 ? `action ${again[0]} has` : `actions ${again.join(', ')} have`} been carried forward at two reviews running`);
          if (!related.length) related.push(relatedTo(prev, 'Carried forward here too'));
        }
      }
      const target = t.self.permanence?.targetDate;
      if (target && t.self.date && target < t.self.date) signs.push(`the permanence target date, ${formatUkDate(target)}, had passed by this review`);
      if (!signs.length) continue;
      ctx.report({
        path: ['date'],
        message: `The plan for ${t.child} is drifting: ${signs.join('; ')} — and nothing here shows the IRO challenged it. Record the challenge under \`iro_oversight: escalations:\` (stage, date, to whom, outcome).`,
        related,
      });
    }
  },
};
