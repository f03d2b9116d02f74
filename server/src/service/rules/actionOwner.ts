import type { Rule } from './rule';
import { eachAction, isObject, text } from './walk';
import type { Path } from '../types';
import type { CodeFix } from '../features/types';
import { leadingRole, one, valueAt, type FindingRef, type FixContext } from '../features/fixKit';
import { addFields, replaceScalar, Text, yamlScalar } from '../features/yamlEdits';

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
  fixes: ownerFixes,
};

/** The role to propose: the one the wording starts with ("Social worker to …"), else the usual owner. */
function proposedOwner(wording: string | undefined): string {
  const role = wording ? leadingRole(wording) : undefined;
  return role && !COLLECTIVE.test(role) ? role : 'Social worker';
}

function ownerFixes(_finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  const root = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  const onOwner = path[path.length - 1] === 'owner';
  const actionPath = onOwner ? path.slice(0, -1) : path;
  const action = root ? valueAt(root, actionPath) : undefined;
  if (!isObject(action)) return [];
  const role = proposedOwner(text(action.action));
  if (onOwner) return one(`Make '${role}' the owner — change the role if another was agreed`, replaceScalar(ctx.parsed, path, new Text().stop(yamlScalar(role))));
  if ('owner' in action) return [];
  return one(`Add 'owner: ${role}' — change the role if another was agreed`, addFields(ctx.parsed, actionPath, [{ key: 'owner', value: yamlScalar(role), placeholder: true }], 'action'));
}
