import type { Rule } from './rule';
import { describe, ofKind, relatedTo } from './acrossRecords';
import { isObject } from './walk';
import { isOpenAction } from '../chronology/measures';

/** How many missing actions a message names before it says "and N more". */
const NAMED = 4;

/**
 * Each open action of the previous review accounted for at the next one: done, carried forward
 * with a new date and the reason, or dropped with the reason (CPPCR Schedule 7: the IRO considers
 * whether the previous review's decisions were carried out).
 */
export const previousActions: Rule = {
  id: 'previous-actions',
  defaultSeverity: 'warning',
  description: "An open action of the child's previous review that this review does not account for (done, carried forward or dropped).",
  kinds: ['review'],
  async check(ctx) {
    const accounted = new Set<string>();
    const list = ctx.data.previous_actions;
    if (Array.isArray(list)) for (const p of list) if (isObject(p) && (typeof p.id === 'string' || typeof p.id === 'number')) accounted.add(String(p.id).trim());
    for (const t of await ctx.timelines()) {
      const reviews = ofKind(t, 'review');
      const at = reviews.indexOf(t.self);
      const prev = at > 0 ? reviews[at - 1] : undefined;
      if (!prev) continue;
      const open = prev.actions.filter(isOpenAction);
      const missing = open.filter((a) => !a.id || !accounted.has(a.id));
      if (!missing.length) continue;
      const named = missing.slice(0, NAMED).map((a) => (a.id ? `${a.id}${a.text ? ` '${short(a.text)}'` : ''}` : a.text ? `'${short(a.text)}' (no id)` : 'an action with no id'));
      const more = missing.length > NAMED ? ` and ${missing.length - NAMED} more` : '';
      const which = missing.length === 1 ? `Action ${named[0]}` : `${missing.length} actions (${named.join('; ')}${more})`;
      const verb = missing.length === 1 ? 'is' : 'are';
      ctx.report({
        path: Array.isArray(list) ? ['previous_actions'] : [],
        target: Array.isArray(list) ? 'key' : 'item',
        message: `${which} from ${describe(prev)} ${verb} not accounted for here — under \`previous_actions:\` say for each whether it was done, carried forward (with the new date and why) or dropped (and why).`,
        related: [relatedTo(prev, 'The previous review')],
        data: { missing: missing.flatMap((a) => (a.id ? [a.id] : [])) },
      });
    }
  },
};

function short(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47).trimEnd()}…` : text;
}
