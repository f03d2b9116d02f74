/**
 * Periods counted from an anchor ("within 10 working days of this review", "in 2 weeks' time",
 * "within 2/52") and reviews ("by the next review", "before the second review").
 */
import type { IsoDate } from '../types';
import { addDays, addMonths, formatUkDate } from './calendar';
import { addWorkingDays } from './holidays';
import { ordinalWord } from './reviews';
import { type AnchorInfo, classifyAnchor, undatedAnchorHow } from './anchors';
import { G_REVIEW, G_SHORT_REVIEW, G_UNIT } from './gates';
import { NO_RECORD_DATE, ORDINAL_NUMBER, type ScanContext, cueBefore, docLabel, overlaps, push, reviewTarget } from './scanCore';

// Periods counted from an anchor: "within 10 working days of this review", "in 2 weeks' time"

const NUM = '(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty(?:[\\s-](?:one|two|eight))?|thirty|forty|sixty|ninety|a\\s+couple\\s+of|couple\\s+of|a\\s+few|few|several|a\\s+number\\s+of)';
const UNIT = '(working[\\s-]+days?|work(?:ing)?[\\s-]+days?|w\\/days?|business\\s+days?|school\\s+days?|clear\\s+days?|calendar\\s+days?|wds?|days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?|hours?|hrs?)';
const PERIOD_RE = new RegExp(`(?<![\\w£$.])${NUM}(?:\\s*(?:-|–|to|or)\\s*(\\d{1,4}|one|two|three|four|five|six|eight|ten|twelve))?[\\s-]*${UNIT}(?![\\w])`, 'gi');
const PERIOD_PRE_RE =
  /(?:^|[^a-z])(within|in|inside(?:\s+of)?|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|no\s+longer\s+than|up\s+to|over|during|for|after|about|around|approximately|approx\.?|roughly|maximum(?:\s+of)?|max(?:\.|\s+of)?|at\s+most|less\s+than|under|by|the\s+first)\s+(?:(?:the|a|an)\s+)?(?:(next|coming|following|first|forthcoming|last|past|previous|further|additional|another)\s+)?$/i;
// "within five days of, you moving in": a comma may follow the relation word.
const PERIOD_POST_RE = /(?:['’]s|s['’]|['’])?(\s+time)?(?:\s+(of|from|after|following|before|prior\s+to|ahead\s+of)(?:\s*,)?\s+([^,.;:()\n]{1,80}))?/iy;
const TIMES_IN_RE = /(?:times?|moves?|placements?|occasions?|incidents?|episodes?|schools?)\s+in\s*$/i;

const WORD_NUMBERS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, eighteen: 18, twenty: 20, 'twenty one': 21,
  'twenty two': 22, 'twenty eight': 28, thirty: 30, forty: 40, sixty: 60, ninety: 90, 'a couple of': 2, 'couple of': 2,
};

function wordNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return +s;
  return WORD_NUMBERS[s.toLowerCase().replace(/[\s-]+/g, ' ')];
}

type Unit = 'working' | 'school' | 'day' | 'week' | 'fortnight' | 'month' | 'year' | 'hour';
function unitOf(s: string): Unit {
  const u = s.toLowerCase();
  if (u.startsWith('work') || u.startsWith('business') || u.startsWith('wd') || u.startsWith('w/')) return 'working';
  if (u.startsWith('school')) return 'school';
  if (u.startsWith('w')) return 'week';
  if (u.startsWith('f')) return 'fortnight';
  if (u.startsWith('m')) return 'month';
  if (u.startsWith('y')) return 'year';
  if (u.startsWith('h')) return 'hour';
  return 'day';
}

const UNIT_LIMIT: Readonly<Record<Unit, number>> = {
  working: 2610, school: 2610, day: 3660, week: 520, fortnight: 260, month: 120, year: 10, hour: 8760,
};

function unitWords(n: number, u: Unit): string {
  const base = { working: 'working day', school: 'school day', day: 'day', week: 'week', fortnight: 'fortnight', month: 'month', year: 'year', hour: 'hour' }[u];
  if (n === 1 && u === 'fortnight') return 'a fortnight';
  return `${n} ${base}${n === 1 ? '' : 's'}`;
}

/** `from` moved by n units (backwards when sign is -1). */
export function shift(from: IsoDate, n: number, u: Unit, sign: 1 | -1): IsoDate {
  switch (u) {
    case 'working':
    case 'school':
      return addWorkingDays(from, sign * n);
    case 'day':
      return addDays(from, sign * n);
    case 'week':
      return addDays(from, sign * 7 * n);
    case 'fortnight':
      return addDays(from, sign * 14 * n);
    case 'month':
      return addMonths(from, sign * n);
    case 'year':
      return addMonths(from, sign * 12 * n);
    case 'hour':
      return addDays(from, sign * Math.ceil(n / 24));
  }
}

/** Cue words after which a period is a window ("within 6 weeks"), not a point ("in 6 weeks"). */
const WINDOW_CUES = new Set([
  'within', 'no later than', 'not later than', 'no more than', 'no longer than', 'up to', 'over', 'during', 'for', 'at most',
  'less than', 'under', 'max', 'max.', 'max of', 'maximum', 'maximum of', 'inside', 'inside of',
]);

/**
 * "the 12-month supervision order", "a 26-week programme", "the 12 week model": a number and a
 * singular or hyphenated unit before a noun give the length of a thing, not a timescale (DOMAIN.md:
 * the length of an order or programme is not a timescale). Not when the noun is itself a span of
 * time ("within a 3 to 4 week period", "the 26-week deadline").
 */
const NOUN_AFTER_RE = /[\s-]+([a-z]+)/iy;
const NOT_A_THING = new Set([
  // a span or point of time: the phrase is still a timescale
  'period', 'timeframe', 'timescale', 'window', 'deadline', 'limit', 'mark', 'point', 'date', 'time', 'span', 'stretch',
  // words that end the phrase rather than name a thing
  'of', 'from', 'after', 'following', 'before', 'prior', 'ahead', 'and', 'or', 'to', 'at', 'in', 'on', 'by', 'with', 'for',
  'the', 'a', 'an', 'this', 'that', 'which', 'when', 'where', 'if', 'unless', 'so', 'as', 'until', 'till', 'then', 'but',
  'is', 'are', 'was', 'will', 'should', 'must', 'can', 'may', 'has', 'have', 'since', 'ago', 'later', 'earlier',
]);

function lengthOfAThing(t: string, m: RegExpExecArray, n: number | undefined): boolean {
  const unitText = m[0].slice(m[0].length - m[3]!.length);
  const numberAndUnit = m[0];
  const hyphen = /\d\s*-\s*[a-z]/i.test(numberAndUnit) || /[a-z]-[a-z]/i.test(numberAndUnit);
  const singular = !/s$/i.test(unitText) && (n ?? 1) > 1;
  if (!hyphen && !singular) return false;
  NOUN_AFTER_RE.lastIndex = m.index + m[0].length;
  const after = NOUN_AFTER_RE.exec(t);
  return !!after && !NOT_A_THING.has(after[1]!.toLowerCase());
}

interface PeriodRead {
  n: number;
  unit: Unit;
  cueWord?: string;
  rel?: string;
  anchorText?: string;
  /** Where the phrase starts (the cue word) and ends (after the anchor text, if any). */
  start: number;
  end: number;
}

/** One match of PERIOD_RE read as a timescale; undefined when it is not one ("3 days a week", "a 26-week programme"). */
function readPeriod(ctx: ScanContext, m: RegExpExecArray): PeriodRead | { vague: true; start: number; end: number } | undefined {
  const t = ctx.text;
  const start = m.index;
  const end0 = start + m[0].length;
  const numText = m[1]!.toLowerCase();
  const pre = t.slice(Math.max(0, start - 40), start);
  const p = PERIOD_PRE_RE.exec(pre);
  PERIOD_POST_RE.lastIndex = end0;
  const post = PERIOD_POST_RE.exec(t);
  const hasTime = !!post?.[1];
  const rel = post?.[2]?.toLowerCase().replace(/\s+/g, ' ');
  let cueWord = p?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  const modifier = p?.[2]?.toLowerCase();
  if (modifier === 'last' || modifier === 'past' || modifier === 'previous') return undefined;
  if (cueWord === 'the first' && !(modifier === undefined)) return undefined;
  if (cueWord === 'in' && TIMES_IN_RE.test(pre)) return undefined;
  if (cueWord === 'by') return undefined; // "increase by 2 hours": an amount, not a deadline
  // "for 6 months" is a duration, not a deadline, except as a whole timescale field ("monthly" in
  // the wording, "for 6 months" in the field): it then ends 6 months on.
  const wholeFor = cueWord === 'for' && ctx.field && !modifier && /^\s*for\s*$/i.test(t.slice(0, start)) && !/\S/.test(t.slice(end0));
  if (cueWord === 'for' && modifier !== 'next' && modifier !== 'coming' && modifier !== 'following' && !wholeFor) cueWord = undefined;
  if (cueWord === 'the first') cueWord = 'within';
  // A timescale field that is only a period ("6 weeks", "10 working days") means within it.
  if (!cueWord && ctx.field && start === 0 && end0 + (post?.[0].length ?? 0) >= t.trimEnd().length && !post?.[2]) cueWord = 'within';
  if (!cueWord && !hasTime && !rel) return undefined; // "a 26-week programme", "3 days a week"
  if (!cueWord && rel && !hasTime && /^\s*-/.test(t.slice(start, end0).replace(m[1]!, ''))) return undefined;
  // The phrase starts at the cue word ("within"), which PERIOD_PRE_RE matched after one non-letter.
  const phraseStart = p && cueWord ? Math.max(0, start - pre.length + p.index + (/^[a-z]/i.test(p[0]) ? 0 : 1)) : start;
  const end = end0 + (post?.[0].length ?? 0);
  if (/^(?:a\s+few|few|several|a\s+number\s+of)$/.test(numText)) return { vague: true, start: phraseStart, end }; // whatever the cue
  let n = wordNumber(numText);
  if (m[2] !== undefined) n = wordNumber(m[2].toLowerCase()) ?? n; // "2-3 weeks": the later bound
  const unit = unitOf(m[3]!);
  if (n === undefined || n <= 0 || n > UNIT_LIMIT[unit] || (!rel && !hasTime && lengthOfAThing(t, m, n))) return undefined;
  return { n, unit, cueWord, rel, anchorText: post?.[3], start: phraseStart, end };
}

/** What the period counts from: the anchor after "of" / "before" …, else this record. */
function anchorOf(ctx: ScanContext, r: PeriodRead): AnchorInfo {
  if (r.rel && r.anchorText) {
    const anchor = classifyAnchor(ctx, r.anchorText);
    // End the phrase where the anchor's recognised words end ("of this review", not the rest of the sentence).
    r.end = Math.min(r.end - r.anchorText.length + anchor.length, ctx.text.length);
    return anchor;
  }
  if (ctx.doc) return { kind: 'doc', date: ctx.doc, label: docLabel(ctx.anchors, ctx.doc), length: 0 };
  return { kind: 'anchored', label: `the date of this record (${NO_RECORD_DATE})`, length: 0 };
}

function pushPeriod(ctx: ScanContext, r: PeriodRead): void {
  const sign: 1 | -1 = r.rel === 'before' || r.rel === 'prior to' || r.rel === 'ahead of' ? -1 : 1;
  const window = r.cueWord !== undefined && WINDOW_CUES.has(r.cueWord);
  const anchor = anchorOf(ctx, r);
  const { start, end, n, unit } = r;
  const counted = unitWords(n, unit);
  const note = unit === 'working' ? ' (weekends and bank holidays skipped)' : unit === 'school' ? ' (counted as working days; school holidays not known)' : '';
  const relWord = sign === -1 ? 'before' : 'after';
  if (anchor.kind === 'doc' || anchor.kind === 'date') {
    const date = shift(anchor.date!, n, unit, sign);
    const earliest = window ? (sign === 1 ? anchor.date! : date) : addDays(date, -3);
    push(ctx, { start, end, kind: 'date', date, earliest, how: `${counted} ${relWord} ${anchor.label}${note}`, relative: true, cue: 'deadline', explicit: false });
  } else if (anchor.kind === 'anchored') {
    push(ctx, { start, end, kind: 'anchored', how: `${counted} ${relWord} ${anchor.label}`, relative: true, cue: 'deadline', explicit: false });
  } else {
    push(ctx, { start, end, kind: 'contingent', how: undatedAnchorHow(ctx.text.slice(start, end), anchor), relative: true, cue: 'deadline', explicit: false });
  }
}

/** Periods counted from an anchor: "within 10 working days of this review", "in 2 weeks' time", "2 weeks before the PEP meeting". */
export function scanPeriods(ctx: ScanContext): void {
  const t = ctx.text;
  PERIOD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (ctx.mask & G_UNIT && (m = PERIOD_RE.exec(t))) {
    if (overlaps(ctx.out, m.index, m.index + m[0].length)) continue;
    const r = readPeriod(ctx, m);
    if (!r) continue;
    if (!('vague' in r)) pushPeriod(ctx, r);
    // Vague counts ("a few weeks") are vague in a timescale field.
    else if (ctx.field) push(ctx, { start: r.start, end: r.end, kind: 'contingent', how: `'${t.slice(r.start, r.end)}' is not a fixed period`, relative: true, cue: 'deadline', explicit: false });
  }
}

/** Clinical shorthand: "within 2/52" is two weeks, "within 6/12" six months. */
const SHORTHAND_RE = /(?<![\w])(within|in|over\s+the\s+next)\s+(\d{1,2})\/(52|12)(?![\w/])/gi;

export function scanShorthand(ctx: ScanContext): void {
  if (!ctx.doc) return;
  SHORTHAND_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SHORTHAND_RE.exec(ctx.text))) {
    const n = +m[2]!;
    if (n < 1) continue;
    const unit: Unit = m[3] === '52' ? 'week' : 'month';
    const date = shift(ctx.doc, n, unit, 1);
    push(ctx, { start: m.index, end: m.index + m[0].length, kind: 'date', date, earliest: ctx.doc, how: `${unitWords(n, unit)} after ${docLabel(ctx.anchors, ctx.doc)}`, relative: true, cue: 'deadline', explicit: false });
  }
}

// ---------------------------------------------------------------------------------------------
// Reviews: "by the next review", "before the second review", "within this review period"

// Not a review child protection conference (an RCPC): that is a conference, with no date here.
const REVIEW_RE =
  /(?<![\w])(?:(next|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|following|subsequent|upcoming|forthcoming|this|current|the|a)\s+)?((?:(?:statutory|six[\s-]monthly|lac|cla|cic|looked[\s-]after(?:\s+child(?:ren)?['’]?s?)?|child\s+in\s+care|child\s+looked\s+after|iro|care\s+plan(?:ning)?|independent)\s+)*)review(?:\s+(meeting|period|date))?(?![\w])(?!\s+(?:health|of\b|hearing|child\s+protection|cp\b|(?:case\s+)?conference))/gi;

const SHORT_REVIEW_RE = /(?<![\w])(next|first|second|third|1st|2nd|3rd)\s+(?:lac|cla|cic|iro)(?![\w])(?!\s+(?:review|medical|nurse|health|team))/gi;

export function scanReviews(ctx: ScanContext): void {
  const t = ctx.text;
  // "by the next LAC": reviews are often called by the acronym alone.
  SHORT_REVIEW_RE.lastIndex = 0;
  let s: RegExpExecArray | null;
  while (ctx.mask & G_SHORT_REVIEW && (s = SHORT_REVIEW_RE.exec(t))) {
    const { cue, at } = cueBefore(t, s.index);
    if (cue === 'past') continue;
    if (cue === 'none' && !ctx.field) continue;
    const r = reviewTarget(ctx, s[1]!.toLowerCase());
    const start = cue === 'deadline' || cue === 'until' ? at : s.index;
    const end = s.index + s[0].length;
    if (r) push(ctx, { start, end, kind: 'date', date: r.date, earliest: addDays(r.date, -14), how: r.how, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false, event: true });
    else push(ctx, { start, end, kind: 'anchored', how: `the ${s[1]!.toLowerCase()} review (its date cannot be worked out from this record)`, relative: true, cue: 'deadline', explicit: false, event: true });
  }
  REVIEW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (ctx.mask & G_REVIEW && (m = REVIEW_RE.exec(t))) {
    let start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const which = (m[1] ?? '').toLowerCase();
    const tail = (m[3] ?? '').toLowerCase();
    const { cue, at } = cueBefore(t, start);
    if (cue === 'past') continue;
    const period = tail === 'period';
    let target: string;
    if (ORDINAL_NUMBER[which] !== undefined) target = which;
    else if (which === 'this' || which === 'current') {
      if (!period) continue;
      target = 'next';
    } else if (which === 'a') continue;
    else if (which === 'the' || which === '') {
      if (cue !== 'deadline' && cue !== 'until' && cue !== 'on' && !period) continue;
      if (cue === 'on' && !ctx.field && !/(?:^|\s)(?:at|for)\s+(?:the\s+)?$/i.test(t.slice(Math.max(0, start - 8), start))) continue;
      target = 'next';
    } else target = 'next';
    if (cue === 'deadline' || cue === 'until') start = at;
    const r = reviewTarget(ctx, target);
    const k = ORDINAL_NUMBER[target];
    if (r) {
      push(ctx, { start, end, kind: 'date', date: r.date, earliest: addDays(r.date, -14), how: r.how, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false, event: true });
    } else {
      const label = k !== undefined ? `the ${ordinalWord(k)} review` : 'the next review';
      const held = k !== undefined && ctx.anchors.reviewNumber !== undefined && k <= ctx.anchors.reviewNumber;
      push(ctx, { start, end, kind: 'anchored', how: `${label} ${held ? `(already held: this record is review ${ctx.anchors.reviewNumber})` : '(its date cannot be worked out from this record)'}`, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false, event: true });
    }
  }
}
