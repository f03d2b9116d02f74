/**
 * What a rule's quick fixes are given and return. Each rule owns its fixes (`Rule.fixes`), and
 * reads back the `data` it reported through a reader of its own: the editor sends that data
 * back with the diagnostic, so a fix never trusts its shape.
 */
import type { ParsedDocument } from '../parse';
import type { DocumentIndex } from '../documentIndex';
import type { TimescaleOptions } from '../dates';
import { isCheckableDate, parseUkDate } from '../dates';
import type { Path, Range } from '../types';
import type { CodeFix, TextEdit } from './types';

/** What a fix needs to know about a finding (a Finding, or a diagnostic the editor sent back). */
export interface FindingRef {
  ruleId: string;
  range: Range;
  pointer: string;
  message?: string;
  data?: Record<string, unknown>;
}

export interface FixContext {
  uri: string;
  parsed: ParsedDocument;
  /** The date new documents are dated. */
  today: string;
  timescales?: TimescaleOptions;
  index?: DocumentIndex;
  /** The URL of a rule's documentation; no "show documentation" action without it. */
  ruleDocUrl?: (ruleId: string) => string;
  /** Told when working out a rule's fix failed (a bug): the other actions are still offered. */
  fixFailed?: (ruleId: string, error: unknown) => void;
}

/** A rule's quick fixes for one of its findings, best first (the finding's path is read already). */
export type FixProvider = (finding: FindingRef, path: Path, ctx: FixContext) => CodeFix[];

/** One fix from one edit, or none when the edit could not be worked out. */
export function one(title: string, edit: TextEdit | undefined, options: { preferred?: boolean; safe?: boolean } = {}): CodeFix[] {
  const { preferred = true, safe = false } = options;
  return edit ? [{ title, kind: 'quickfix', isPreferred: preferred, edits: [edit], ...(safe ? { safe } : {}) }] : [];
}

export function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Readers for fields of a finding's `data`: a value of the wrong shape reads as absent. */
export const read = {
  string(v: unknown): string | undefined {
    return typeof v === 'string' ? v : undefined;
  },
  /** Only dates the schema accepts: a finding sent back by the editor may hold anything. */
  date(v: unknown): string | undefined {
    return isCheckableDate(v) ? v : undefined;
  },
};

/** A date written in a phrase such as "the PEP dated 14/01/2025", as year-month-day. */
export function dateIn(phrase: string): string | undefined {
  const m = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\b/.exec(phrase);
  const d = m ? parseUkDate(m[0]) : undefined;
  return isCheckableDate(d) ? d : undefined;
}

/** The role a sentence starts with ("Mother will …", "Social worker to …"), if it starts with one. */
export function leadingRole(sentence: string): string | undefined {
  const m = /^\s*((?:the\s+)?[A-Z][\w'-]*(?:\s+[a-z][\w'-]*)?)\s+(?:will|to|must|should|is to|needs to|shall)\b/.exec(sentence);
  return m ? m[1].replace(/^the\s+/, '') : undefined;
}
