/**
 * The built-in configs a team's `.careplan.yaml` can extend. Built from the rule registry, so a
 * new rule joins them without anyone editing this file.
 */
import type { RawConfig, RuleSetting } from './config';
import { RULE_INFO } from './rules';

/** The prefix that marks a built-in preset in `extends:`. */
export const PRESET_PREFIX = 'careplan:';

function strict(): RawConfig {
  const rules: Record<string, RuleSetting> = Object.fromEntries(RULE_INFO.map((r) => [r.id, 'error' as const]));
  // a pointer "for the detail see …" leaves the minutes without the detail, listed or not
  rules['reference-unlinked'] = { severity: 'error', flag_listed_detail: true };
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
