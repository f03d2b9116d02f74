/**
 * What the scanner's matchers share: the candidate shape, the cue read from the words before a
 * phrase, and small helpers. Each matcher claims the span it reads so later, looser matchers
 * cannot read the same words again (so "12 May 2025" is not also "May 2025").
 */
import type { IsoDate } from '../types';
import { formatUkDate, makeIsoDate } from './calendar';
import { nextReview, reviewDue } from './reviews';
import type { TimescaleAnchors, TimescaleOptions } from './types';
import { WEEK_COMMENCING_SRC } from './ukDate';

/** Said when a relative timescale has nothing to count from. */
export const NO_RECORD_DATE = 'this record has no date to count from';

// Holidays and months are proper names in what the author reads, even when typed in lower case.
const PROPER_NAMES = /\b(?:christmas|xmas|easter|october|february|may|whitsun|halloween|new year(?:['’]s day)?|bonfire night)\b/g;

/** "the october half term" → "the October half term"; "xmas" → "Christmas". */
export function properNames(label: string): string {
  return label.replace(PROPER_NAMES, (w) => (w === 'xmas' ? 'Christmas' : w.replace(/\b[a-z]/g, (c) => c.toUpperCase())));
}

export type Cue = 'wc' | 'deadline' | 'until' | 'start' | 'on' | 'past' | 'none';

export interface Candidate {
  start: number;
  end: number;
  /** date: resolves to a date; anchored: bounded by an event the document cannot date; contingent: waits on an undated event. */
  kind: 'date' | 'anchored' | 'contingent';
  date?: IsoDate;
  /** Start of the window the phrase allows ("in May" → 1 May); equals `date` for an exact date. */
  earliest?: IsoDate;
  how: string;
  relative: boolean;
  cue: Cue;
  /** A calendar date written out (not worked out from a period or an event). */
  explicit: boolean;
  /** A day and month written without a year. */
  yearless?: boolean;
  /** Approximate (month, term, holiday): a few days either way are the same deadline. */
  approximate?: boolean;
  /**
   * Read from a named event or meeting (a review, a hearing, a core group…) rather than from a
   * written date or a period: an undecided phrase ("to be agreed at the next core group") wins over it.
   */
  event?: boolean;
}

export interface ScanContext {
  text: string;
  doc: IsoDate | undefined;
  anchors: TimescaleAnchors;
  options: TimescaleOptions | undefined;
  /** A timescale field (lenient) rather than an action's free text (strict). */
  field: boolean;
  out: Candidate[];
  /** Which matchers can match the text at all (gates.ts). */
  mask: number;
}

// ---------------------------------------------------------------------------------------------
// Cues

const WEEKDAY_WORD = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const CUE_RE = new RegExp(
  '(?:^|[^a-z])(?:' +
    `(${WEEK_COMMENCING_SRC})` +
    '|(by|before|no\\s+later\\s+than|not\\s+later\\s+than|on\\s+or\\s+before|due(?:\\s+(?:on|by|date))?|deadline|target(?:\\s+date)?|prior\\s+to|ahead\\s+of|in\\s+time\\s+for|latest|within|timescale|date\\s+due|end\\s+of)' +
    '|(until|till|til|up\\s+to(?:\\s+and\\s+including)?|through\\s+to)' +
    '|(from|starting(?:\\s+(?:on|from))?|commencing(?:\\s+on)?|beginning(?:\\s+on)?|effective(?:\\s+from)?|with\\s+effect\\s+from|w\\.?e\\.?f\\.?)' +
    '|(on|at|for|in|during|over|to|scheduled\\s+for|booked\\s+for|arranged\\s+for|planned\\s+for|set\\s+for|listed\\s+for|held\\s+on|will\\s+be\\s+held\\s+on|to\\s+be\\s+held\\s+on)' +
    '|(dated|date\\s+of|dates\\s+of|since|born(?:\\s+on)?|d\\.?o\\.?b\\.?|of|last|previous(?:ly)?|was|were|took\\s+place(?:\\s+on)?|happened(?:\\s+on)?|occurred(?:\\s+on)?|ended(?:\\s+on)?|started(?:\\s+on)?|began(?:\\s+on)?|attended(?:\\s+on)?|between|earlier|ago|sent\\s+on|received\\s+on|issued\\s+on|signed\\s+on|written\\s+on|completed\\s+on|made\\s+on)' +
    `)\\s*[:\\-–]?\\s*(?:the\\s+)?(?:(?:very\\s+)?end\\s+of\\s+(?:the\\s+)?)?(?:${WEEKDAY_WORD},?\\s+)?(?:the\\s+)?$`,
  'i',
);
const CUE_KINDS: readonly Cue[] = ['wc', 'deadline', 'until', 'start', 'on', 'past'];

/** The cue just before `start`, and where its words begin. */
export function cueBefore(text: string, start: number): { cue: Cue; at: number } {
  const from = Math.max(0, start - 48);
  const m = CUE_RE.exec(text.slice(from, start));
  if (!m) return { cue: 'none', at: start };
  for (let i = 1; i <= 6; i++) {
    if (m[i] !== undefined) {
      return { cue: CUE_KINDS[i - 1]!, at: from + m.index + m[0].indexOf(m[i]!) };
    }
  }
  return { cue: 'none', at: start };
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function overlaps(out: readonly Candidate[], start: number, end: number): boolean {
  for (const c of out) if (start < c.end && c.start < end) return true;
  return false;
}

/**
 * The loop every scanner shares: each match of `re` in the text, when its gate is `open`, that
 * no candidate found earlier already covers.
 */
export function eachFreeMatch(ctx: ScanContext, re: RegExp, open: unknown, fn: (m: RegExpExecArray, start: number, end: number) => void): void {
  if (!open) return;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(ctx.text))) {
    const start = m.index;
    const end = start + m[0].length;
    if (!overlaps(ctx.out, start, end)) fn(m, start, end);
  }
}

export function push(ctx: ScanContext, c: Candidate): void {
  if (!overlaps(ctx.out, c.start, c.end)) ctx.out.push(c);
}

/** Label for the document date in `how` texts. */
export function docLabel(anchors: TimescaleAnchors, doc: IsoDate): string {
  return anchors.reviewNumber !== undefined ? `this review on ${formatUkDate(doc)}` : `the date of this record, ${formatUkDate(doc)}`;
}

/** The first date on or after `from` with this month and day. */
export function nextOccurrence(month: number, day: number, from: IsoDate): IsoDate | undefined {
  const y = +from.slice(0, 4);
  for (let yy = y; yy <= y + 8; yy++) {
    const d = makeIsoDate(yy, month, day);
    if (d && d >= from) return d;
  }
  return undefined;
}

/**
 * In an action's wording, a month, term or period with no year ("over December", "the autumn
 * term PEP meeting", "the end of term report") is a deadline only after "by", "before", "until"
 * and the like; in a timescale field it always is.
 */
export function approximateAllowed(ctx: ScanContext, cue: Cue, hasYear: boolean, at = -1): boolean {
  if (ctx.field) return cue !== 'past';
  if (cue === 'deadline' || cue === 'until' || cue === 'wc') return true;
  if (hasYear) return cue === 'on' || cue === 'start' || cue === 'none';
  // "in June", "during the summer holidays", "scheduled for next term" say when; "over December", "for June" need not.
  return cue === 'on' && at >= 0 && IN_DURING_RE.test(ctx.text.slice(at, at + 16));
}
const IN_DURING_RE = /^(?:in|during|(?:scheduled|booked|arranged|planned|set)\s+for)\b/i;

/** The year in which a month next ends on or after `from`. */
export function monthYear(month: number, from: IsoDate): number {
  const y = +from.slice(0, 4);
  return month >= +from.slice(5, 7) ? y : y + 1;
}

export const ORDINAL_NUMBER: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
};

/** The date of the review an ordinal or "next" points at. */
export function reviewTarget(ctx: ScanContext, which: string): { date: IsoDate; how: string } | undefined {
  const k = ORDINAL_NUMBER[which.toLowerCase()];
  if (k !== undefined) return reviewDue(k, ctx.anchors, ctx.options);
  return nextReview(ctx.anchors, ctx.options);
}
