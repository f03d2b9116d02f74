import type { Rule } from './rule';
import { eachAction, text } from './walk';

// Owners that name nobody in particular: the action belongs to everyone, so to no one.
const COLLECTIVE = new RegExp(
  '^(?:the\\s+)?(?:' +
    [
      'all(?:\\s+(?:professionals|agencies|parties|involved|members))?',
      'everyone(?:\\s+involved)?',
      'every(?:one|body)',
      'professionals',
      'all\\s+the\\s+professionals',
      'agencies',
      'partner\\s+agencies',
      'partners',
      'services',
      'the\\s+network',
      'professional\\s+network',
      'network',
      'la',
      'local\\s+authority',
      'council',
      'team',
      'core\\s+group',
      'multi[- ]agency(?:\\s+team)?',
      'tbc|tba|to\\s+be\\s+(?:confirmed|agreed|allocated)',
      'n/?a|none|-|\\?',
    ].join('|') +
    ')\\.?$',
  'i',
);

export const actionOwner: Rule = {
  id: 'action-owner',
  defaultSeverity: 'warning',
  description: 'An action with no owner, or one owned by everyone (all, professionals, the LA).',
  check(ctx) {
    for (const { path, action } of eachAction(ctx.data)) {
      if (!('action' in action)) continue;
      const owner = text(action.owner);
      if (owner === undefined) {
        ctx.report({
          path,
          target: 'item',
          message: 'This action has no owner — add `owner:` with the role responsible, for example Social worker or Foster carer.',
        });
      } else if (owner.length <= 40 && COLLECTIVE.test(owner.trim())) {
        ctx.report({
          path: [...path, 'owner'],
          message: `'${owner.trim()}' is not one person or role, so no one is answerable — name the role responsible, for example Social worker or IRO.`,
        });
      }
    }
  },
};
