/**
 * The tracker's settings from the config the checks read, so a team that sets its supervision
 * interval or its months for matching sees the same figures in the tracker as in the findings.
 */
import type { RawConfig, ResolvedConfig } from '../config';
import { RULE_INFO } from '../rules';
import { TRACKER_CHECKS } from './checks';
import { reviewIntervals } from '../dates';
import { todayIso } from '../clock';
import { permanenceDrift } from '../rules/permanenceDrift';
import { supervisionGap } from '../rules/supervisionGap';
import type { Rule } from '../rules/rule';
import type { TrackerOptions } from './types';

/** A whole-number option of a rule within the bounds the rule declares; its default otherwise (the config schema reports bad values). */
function intOf(config: ResolvedConfig, rule: Rule, name: string): number {
  const declared = rule.options?.[name];
  if (!declared || declared.type !== 'integer') throw new Error(`${rule.id} declares no whole-number option ${name}`);
  const v = config.rules[rule.id]?.options[name];
  const ok = typeof v === 'number' && Number.isInteger(v) && v >= (declared.minimum ?? -Infinity) && v <= (declared.maximum ?? Infinity);
  return ok ? v : (declared.default as number);
}

export function trackerOptions(config: ResolvedConfig, today = config.today ?? todayIso()): TrackerOptions {
  return {
    today,
    intervals: reviewIntervals(config.timescales),
    settledMonths: intOf(config, permanenceDrift, 'settled_months'),
    atHomeMonths: intOf(config, permanenceDrift, 'at_home_months'),
    maxSupervisionGapDays: intOf(config, supervisionGap, 'max_gap_days'),
  };
}

/** A config layer turning every check off but those the tracker reads (the user's settings of those stay). */
export function onlyTrackerChecks(): NonNullable<RawConfig['rules']> {
  return Object.fromEntries(RULE_INFO.filter((r) => !TRACKER_CHECKS.includes(r.id)).map((r) => [r.id, 'off' as const]));
}
