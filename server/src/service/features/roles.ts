/**
 * Roles offered when an action's owner is written: the usual ones in children's social care, then
 * the team's own (`roles:` in .careplan.yaml). Roles only — never a person's name, and never a
 * group (all, professionals, the LA) that the action-owner check flags.
 */
import type { CompletionItem, Range } from './types';

export const DEFAULT_ROLES: readonly string[] = [
  'Social worker',
  'Team manager',
  'IRO',
  'Foster carer',
  'Supervising social worker',
  'Residential key worker',
  'Designated teacher',
  'Virtual school',
  'Looked after children nurse',
  'Family support worker',
  'Personal adviser',
  'Mother',
  'Father',
];

/** The default roles and the team's, without repeats, the team's marked as theirs. */
export function roleCompletions(teamRoles: readonly string[], range: Range): CompletionItem[] {
  const seen = new Set<string>();
  const out: CompletionItem[] = [];
  const add = (role: string, team: boolean, order: number) => {
    const key = role.trim().toLowerCase();
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({
      label: role,
      kind: 'value',
      detail: team ? "your team's role (.careplan.yaml)" : 'role',
      textEdit: { range, newText: role },
      // The team's roles first: they are the ones this team writes.
      sortText: `${team ? 0 : 1}${String(order).padStart(3, '0')}`,
    });
  };
  teamRoles.forEach((r, i) => add(r, true, i));
  DEFAULT_ROLES.forEach((r, i) => add(r, false, i));
  return out;
}
