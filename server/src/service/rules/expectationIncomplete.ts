import type { Rule } from './rule';
import { eachExpectation, isObject, text } from './walk';

// What every expectation of a parent needs besides its wording (DOMAIN.md): how it will be
// known, by when, and what help the council gives.
const PARTS = [
  { field: 'evidence', words: 'how it will be checked (`evidence:`)' },
  { field: 'by', words: 'by when (`by:`)' },
  { field: 'support', words: 'the support offered (`support:`)' },
] as const;

export const expectationIncomplete: Rule = {
  id: 'expectation-incomplete',
  defaultSeverity: 'warning',
  description: 'A parental expectation missing its evidence, its by-when date or the support offered; or a child placed with parents with no expectations written down.',
  check(ctx) {
    let count = 0;
    for (const { path, expectation } of eachExpectation(ctx.data)) {
      count++;
      if (text(expectation.expectation) === undefined) continue;
      const missing = PARTS.filter((p) => text(expectation[p.field]) === undefined).map((p) => p.words);
      if (!missing.length) continue;
      ctx.report({
        path,
        target: 'item',
        message: `This expectation does not say ${joinWords(missing)} — add ${missing.length === 1 ? 'it' : 'them'} so the parent knows what is asked and how it will be judged.`,
        data: { missing: PARTS.filter((p) => text(expectation[p.field]) === undefined).map((p) => p.field) },
      });
    }
    const placement = ctx.data.placement;
    if (count === 0 && ctx.kind !== 'supervision' && isObject(placement) && placement.type === 'placed-with-parents') {
      ctx.report({
        path: ['placement', 'type'],
        message: 'This child is placed with parents but no expectations of the parents are written down — add `parent_expectations:` saying what each parent will do, how it is checked, by when and with what support.',
      });
    }
  },
};

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1];
}
