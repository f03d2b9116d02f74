/**
 * The built-in configs a team's `.careplan.yaml` can extend. Built from the rule registry, so a
 * new rule joins them without anyone editing this file.
 */
import type { RawConfig, RuleSetting } from './config';
import { RULE_INFO } from './rules';
import { CARE_PLAN_SECTIONS } from './rules/walk';

/** What a complete record of each kind holds: the sections of careplan's own templates. */
const TEMPLATE_FIELDS = {
  'care-plan': ['looked_after_since', 'legal_status', 'placement', 'permanence', 'wishes_and_feelings', ...CARE_PLAN_SECTIONS, 'actions'],
  review: ['review', 'wishes_and_feelings', 'discussion', 'actions'],
  supervision: ['reflection', 'actions', 'next_supervision'],
};

/** The prefix that marks a built-in preset in `extends:`. */
export const PRESET_PREFIX = 'careplan:';

function strict(): RawConfig {
  const rules: Record<string, RuleSetting> = Object.fromEntries(RULE_INFO.map((r) => [r.id, 'error' as const]));
  // a pointer "for the detail see …" leaves the minutes without the detail, listed or not
  rules['reference-unlinked'] = { severity: 'error', flag_listed_detail: true };
  // a four-field care plan is not a care plan: every section of the templates is asked for
  rules['required-fields'] = { severity: 'error', fields: TEMPLATE_FIELDS };
  return { rules };
}

export const PRESETS: Readonly<Record<string, () => RawConfig>> = {
  /** Every rule at its default severity: what careplan does with no config. */
  'careplan:recommended': () => ({}),
  /** Every rule an error, for teams that block a merge on any finding. */
  'careplan:strict': strict,
};

/** The preset named in `extends:`, or undefined when there is none by that name. */
export function preset(name: string): RawConfig | undefined {
  return PRESETS[name]?.();
}
