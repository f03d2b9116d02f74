import type { Rule } from './rule';
import { isObject, text } from './walk';

/**
 * The child's wishes and feelings at each review, or why they could not be gathered (CPPCR reg 36:
 * the IRO speaks to the child in private before the review where practicable; for a baby, what
 * was observed).
 */
export const childVoice: Rule = {
  id: 'child-voice',
  defaultSeverity: 'warning',
  description: "A review that records neither the child's wishes and feelings nor why they could not be gathered.",
  kinds: ['review'],
  check(ctx) {
    const wf = ctx.data.wishes_and_feelings;
    if (isObject(wf) && (text(wf.child) || text(wf.why_not_heard))) return;
    ctx.report({
      path: isObject(wf) ? ['wishes_and_feelings'] : [],
      target: isObject(wf) ? 'key' : 'item',
      message: isObject(wf)
        ? "The child's own wishes and feelings are not recorded — add `child:` under `wishes_and_feelings:` (what they said and how they were heard), or `why_not_heard:` (for a baby, what was observed)."
        : "This review does not record the child's wishes and feelings — add `wishes_and_feelings:` with `child:` (what they said and how they were heard), or `why_not_heard:` (for a baby, what was observed).",
    });
  },
};
