/** Shared shapes of the careplan core. No runtime code here. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** 0-based, like LSP: line and UTF-16 character offset. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A second place a finding points at (the other duplicate id, the review that set a date). */
export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** One thing the author should look at. The public shape of `--format json`. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** RFC 6901 pointer of the offending node, e.g. `/parent_expectations/3/expectation`. */
  pointer: string;
  related?: RelatedLocation[];
  /** What a quick fix needs (for example the date a relative timescale resolves to). */
  data?: Record<string, unknown>;
}

export type DocumentKind = 'care-plan' | 'review' | 'supervision';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['care-plan', 'review', 'supervision'];

/** Path into the document: keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
