import type { DocumentKind, IsoDate, Severity } from './types';
import type { TimescaleOptions } from './dates';

/** A rule's setting: a severity, `off`, or a severity with the rule's own options. */
export type RuleSetting = Severity | 'off' | ({ severity?: Severity | 'off' } & Record<string, unknown>);

/** The config file (`.careplan.yaml`) as written: snake_case, every part optional. */
export interface RawConfig {
  /** Stop looking for configs in folders above this one. */
  root?: boolean;
  /** Presets (`careplan:strict`) or config files (relative paths) this one builds on. */
  extends?: string | string[];
  /** Settings for the files matching `files:`, over the rest of the file. */
  overrides?: RawOverride[];
  today?: IsoDate;
  /** Report careplan-disable comments that hide no finding. */
  report_unused_disable_directives?: boolean;
  rules?: Record<string, RuleSetting>;
  documents?: Record<string, DocumentKind>;
  ignore?: string[];
  timescales?: {
    extra_vague_phrases?: string[];
    review_intervals?: { first_working_days?: number; second_months?: number; later_months?: number };
  };
  references?: { extra_document_types?: Record<string, string[]> };
  expectations?: { extra_vague_phrases?: string[]; min_concretisers?: number };
  /** The team's own roles, offered beside the usual ones when an action's owner is written. */
  roles?: string[];
  /** The team's template folder (relative to this config) for `careplan new` and the editor's New commands. */
  templates?: string;
}

/** One `overrides:` entry: globs relative to its config file, and the settings for them. */
export interface RawOverride extends Pick<RawConfig, 'rules' | 'timescales' | 'references' | 'expectations'> {
  files: string | string[];
}

export interface ResolvedRuleSetting {
  severity?: Severity | 'off';
  options: Record<string, unknown>;
}

/** Config after defaults and layering, in the shape the engine reads. */
export interface ResolvedConfig {
  today?: IsoDate;
  reportUnusedDisableDirectives: boolean;
  rules: Record<string, ResolvedRuleSetting>;
  documents: Record<string, DocumentKind>;
  ignore: string[];
  timescales: TimescaleOptions;
  extraDocumentTypes: Record<string, string[]>;
  expectations: { extraVaguePhrases: string[]; minConcretisers: number };
  roles: string[];
}

export const DEFAULT_REVIEW_INTERVALS = { firstWorkingDays: 20, secondMonths: 3, laterMonths: 6 };

export function defaultConfig(): ResolvedConfig {
  return {
    reportUnusedDisableDirectives: false,
    rules: {},
    documents: {},
    ignore: [],
    timescales: { extraVaguePhrases: [], reviewIntervals: { ...DEFAULT_REVIEW_INTERVALS } },
    extraDocumentTypes: {},
    expectations: { extraVaguePhrases: [], minConcretisers: 1 },
    roles: [],
  };
}

function ruleSetting(s: RuleSetting): ResolvedRuleSetting {
  if (typeof s === 'string') return { severity: s, options: {} };
  const { severity, ...options } = s;
  return { severity, options };
}

/**
 * Layers a raw config over a resolved one (file config over defaults, editor settings over the
 * file). Later layers win field by field; lists of extra phrases add up.
 */
export function applyConfig(base: ResolvedConfig, raw: RawConfig | undefined): ResolvedConfig {
  if (!raw) return base;
  const rules = { ...base.rules };
  for (const [id, s] of Object.entries(raw.rules ?? {})) {
    const next = ruleSetting(s);
    rules[id] = { severity: next.severity ?? rules[id]?.severity, options: { ...rules[id]?.options, ...next.options } };
  }
  const ri = raw.timescales?.review_intervals;
  const baseRi = base.timescales.reviewIntervals ?? DEFAULT_REVIEW_INTERVALS;
  return {
    today: raw.today ?? base.today,
    reportUnusedDisableDirectives: raw.report_unused_disable_directives ?? base.reportUnusedDisableDirectives,
    rules,
    documents: { ...base.documents, ...raw.documents },
    ignore: [...base.ignore, ...(raw.ignore ?? [])],
    timescales: {
      extraVaguePhrases: [...(base.timescales.extraVaguePhrases ?? []), ...(raw.timescales?.extra_vague_phrases ?? [])],
      reviewIntervals: {
        firstWorkingDays: ri?.first_working_days ?? baseRi.firstWorkingDays,
        secondMonths: ri?.second_months ?? baseRi.secondMonths,
        laterMonths: ri?.later_months ?? baseRi.laterMonths,
      },
    },
    extraDocumentTypes: { ...base.extraDocumentTypes, ...raw.references?.extra_document_types },
    expectations: {
      extraVaguePhrases: [...base.expectations.extraVaguePhrases, ...(raw.expectations?.extra_vague_phrases ?? [])],
      minConcretisers: raw.expectations?.min_concretisers ?? base.expectations.minConcretisers,
    },
    roles: [...new Set([...base.roles, ...(raw.roles ?? [])])],
  };
}
