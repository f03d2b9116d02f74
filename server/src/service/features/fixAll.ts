/**
 * `careplan lint --fix`: the safe quick fixes of a record's findings applied together, with the
 * same edits as the editor's (every other byte kept). Fixes whose edits overlap one already taken
 * wait for the next pass, after the record is checked again — ESLint's way, up to ten passes.
 */
import type { Finding } from '../types';
import type { ParsedDocument } from '../parse';
import { fixesFor, type FixContext } from './codeActions';
import { offsetAt } from './nodeAt';
import type { TextEdit } from './types';

/** Passes before giving up on a record whose fixes keep making more work. */
export const MAX_FIX_PASSES = 10;

interface Span {
  start: number;
  end: number;
  newText: string;
}

function overlaps(a: Span, b: Span): boolean {
  if (a.start < b.end && b.start < a.end) return true; // they share characters
  // an insertion at the edge of, or at the same point as, another edit: their order would be a guess
  const touches = (ins: Span, other: Span) => ins.start === ins.end && other.start <= ins.start && ins.start <= other.end;
  return touches(a, b) || touches(b, a);
}

/** The edits of the safe fixes for these findings that can be made together; the count of fixes. */
export function safeEdits(findings: readonly Finding[], ctx: Omit<FixContext, 'ruleDocUrl'>): { spans: Span[]; fixes: number } {
  const spans: Span[] = [];
  let fixes = 0;
  for (const f of findings) {
    const fix = fixesFor(f, ctx).find((x) => x.safe && x.edits?.length && !x.createFile && !x.command);
    if (!fix) continue;
    const mine = fix.edits!.map((e: TextEdit) => ({ start: offsetAt(ctx.parsed, e.range.start), end: offsetAt(ctx.parsed, e.range.end), newText: e.newText }));
    if (mine.some((m) => spans.some((s) => overlaps(m, s)))) continue;
    spans.push(...mine);
    fixes++;
  }
  return { spans, fixes };
}

/** The text with the edits made (offsets into the text the record was parsed from). */
export function applySpans(text: string, spans: readonly Span[]): string {
  let out = text;
  for (const s of [...spans].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/**
 * Fixes a record pass by pass: `check` gives the findings of a text and its parse. Returns the
 * fixed text (the same string when nothing was fixed), how many fixes were made, and the last
 * check — of the text returned, so the caller need not check it again.
 */
export async function fixRecord<C extends { findings: readonly Finding[]; parsed: ParsedDocument }>(
  text: string,
  check: (text: string) => Promise<C>,
  ctxFor: (parsed: ParsedDocument) => Omit<FixContext, 'ruleDocUrl' | 'parsed'>,
): Promise<{ text: string; fixed: number; last: C }> {
  let current = text;
  let fixed = 0;
  let last = await check(current);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { spans, fixes } = safeEdits(last.findings, { ...ctxFor(last.parsed), parsed: last.parsed });
    if (!fixes) break;
    current = applySpans(current, spans);
    fixed += fixes;
    last = await check(current);
  }
  return { text: current, fixed, last };
}
