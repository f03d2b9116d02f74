import type { Rule } from './rule';
import { isObject, text } from './walk';
import { judgeReflection } from '../prose/reflection';
import { holdsGuidance } from '../templates';

/** Items of a list field that say something: a decision with its text, an action with its wording. */
function countSaying(list: unknown, field: string): number {
  if (!Array.isArray(list)) return 0;
  return list.filter((item) => isObject(item) && text(item[field]) !== undefined).length;
}

/**
 * Inspectors found supervision records that were brief ("case discussed, no concerns") with little
 * reflection or direction. A good record shows reflective discussion — what life is like for the
 * child, what is working or not, risk and need, and why — and ends with decisions or actions.
 */
export const supervisionReflection: Rule = {
  id: 'supervision-reflection',
  defaultSeverity: 'warning',
  description:
    "A supervision record with too little reflection (nothing on the child's life, what is working, the worries or why) or no direction (no decisions and no actions).",
  kinds: ['supervision'],
  check(ctx) {
    const reflection = text(ctx.data.reflection);
    const discussion = text(ctx.data.discussion);
    const judged = ctx.memo('supervision-reflection', `${reflection ?? ''}\0${discussion ?? ''}`, () => judgeReflection({ reflection, discussion }));
    const direction = countSaying(ctx.data.decisions, 'decision') + countSaying(ctx.data.actions, 'action') > 0;
    // a template's guidance still in place is reported by template-placeholder, not judged as reflection
    const thin = judged.thin && !holdsGuidance(reflection) && !holdsGuidance(discussion);
    if (!thin && direction) return;

    const generic = judged.generic.length ? ` (${judged.generic.map((g) => `'${g}'`).join(', ')} ${judged.generic.length === 1 ? 'says' : 'say'} nothing on ${judged.generic.length === 1 ? 'its' : 'their'} own)` : '';
    const parts: string[] = [];
    if (thin && judged.words === 0) {
      parts.push('no reflection — write what life is like for the child now, what is working or not, what worries you and why the plan is right');
    } else if (thin) {
      parts.push(
        `too little reflection: ${judged.explanation}${generic} — ${
          judged.missing.length === 0 ? "say more about the child's life, what is working, what worries you and why" : `add ${judged.missing.length === 1 ? 'it' : 'them'}, from what you saw and heard`
        }`,
      );
    }
    if (!direction) parts.push('no decision or action — add `decisions:`, each with its reason, or actions with an owner and a date');
    const at = 'reflection' in ctx.data;
    ctx.report({
      path: at ? ['reflection'] : [],
      target: at ? 'key' : 'item',
      message: `This supervision record has ${parts.join('; and ')}.`,
      data: { present: judged.present, missing: judged.missing, words: judged.words, direction },
    });
  },
};
