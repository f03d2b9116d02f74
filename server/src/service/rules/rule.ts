import type { DocumentKind, IsoDate, Path, RelatedLocation, Severity } from '../types';
import type { ParsedDocument } from '../parse';
import type { Target } from '../locate';
import type { ResolvedConfig } from '../config';
import type { Chronology, Timeline } from '../chronology';
import type { DocumentIndex } from '../documentIndex';
import type { WorkspaceHost } from '../host';
import type { TimescaleAnchors } from '../dates';
import type { FixProvider } from '../features/fixKit';

/** What a rule reports: a path into the document; the engine turns it into a range once. */
export interface RuleReport {
  path: Path;
  message: string;
  /** What to underline at `path`: the value (default), the key, or the item's first line. */
  target?: Target;
  /** A span of the string value at `path` (offsets into the value), for phrases in free text. */
  span?: { start: number; end: number };
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export interface RuleContext {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly parsed: ParsedDocument;
  /** The document as plain data (already known to be an object). */
  readonly data: Record<string, unknown>;
  readonly config: ResolvedConfig;
  /** This rule's options from config (`{ severity, ...options }`). */
  readonly options: Record<string, unknown>;
  /** The date `action-overdue` compares against. */
  readonly today: IsoDate;
  readonly anchors: TimescaleAnchors;
  readonly index: DocumentIndex;
  /** Each child's records in date order, for the checks across records. */
  readonly chronology: Chronology;
  /** This record's place among each of its children's records; worked out once per check. */
  timelines(): Promise<readonly Timeline[]>;
  readonly host: WorkspaceHost;
  report(r: RuleReport): void;
  /**
   * Checks one item or field: if `check` throws (a bug, or a value no one foresaw), the rule
   * reports that careplan could not check `what` ("the timescale of action A1") at `path`, and
   * carries on with the other items. Returns what `check` returns (a promise for async checks).
   */
  item(path: Path, what: string, check: () => void | Promise<void>): void | Promise<void>;
  /**
   * Caches a pure computation on text across checks. `scope` and `key` together must hold
   * everything the result depends on: scope the rule and its options, key the text.
   */
  memo<T>(scope: string, key: string, compute: () => T): T;
}

/** One option a rule reads from its config setting (`rules: { id: { severity, <option>: … } }`). */
/** An option a rule reads from its config entry; the config schema is generated from these. */
export type RuleOption = { readonly description: string } & (
  | { readonly type: 'integer'; readonly minimum: number; readonly maximum: number; readonly default: number }
  | { readonly type: 'boolean'; readonly default: boolean }
  /** A list of phrases, added to the rule's own. */
  | { readonly type: 'phrases' }
  /** Document type ids, each with the phrases that name it. */
  | { readonly type: 'document-types' }
  /** Per kind of record, a list of fields written as in the record (`health.summary`). */
  | { readonly type: 'fields-by-kind' }
);

/** A rule is data plus one function. The id is public: users configure and suppress by it. */
export interface Rule {
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence, for the README table and `careplan rules`. */
  readonly description: string;
  /** Kinds the rule applies to; all kinds when absent. */
  readonly kinds?: readonly DocumentKind[];
  /** The options it reads, by name; the config schema is generated from them. */
  readonly options?: Readonly<Record<string, RuleOption>>;
  check(ctx: RuleContext): void | Promise<void>;
  /** Quick fixes for this rule's findings, from the `data` it reported (read back defensively). */
  readonly fixes?: FixProvider;
}
