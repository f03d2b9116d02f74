/**
 * The scanner: finds every timescale-like phrase in a piece of text and works out what it
 * means. Cheap regular expressions only; each matcher claims the span it reads so later,
 * looser matchers cannot read the same words again (so "12 May 2025" is not also "May 2025").
 */
import type { IsoDate } from '../types';
import {
  addDays, addMonths, daysInMonth, dayOfWeek, easterSunday, endOfMonth, formatUkDate, makeIsoDate, monthName,
  weekdayName,
} from './calendar';
import { addWorkingDays } from './holidays';
import { nextReview, ordinalWord, reviewDue } from './reviews';
import {
  type SchoolTerm, SUMMER_HOLIDAYS_END, currentTermEnd, followingTermEnd, nextHalfTerm, nextTermDate, termCalendarYear,
  termDate,
} from './schoolTerms';
import type { TimescaleAnchors, TimescaleOptions } from './types';
import { MONTH_SRC, WEEKDAY_PREFIX_SRC, WEEK_COMMENCING_SRC, expandYear, monthFromWord, mondayOf } from './ukDate';

/** What the words just before a date say about it. */
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
}

export interface ScanContext {
  text: string;
  doc: IsoDate | undefined;
  anchors: TimescaleAnchors;
  options: TimescaleOptions | undefined;
  /** A timescale field (lenient) rather than an action's free text (strict). */
  field: boolean;
  out: Candidate[];
}

// ---------------------------------------------------------------------------------------------
// Cues

const WEEKDAY_WORD = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const CUE_RE = new RegExp(
  '(?:^|[^a-z])(?:' +
    `(${WEEK_COMMENCING_SRC})` +
    '|(by|before|no\\s+later\\s+than|not\\s+later\\s+than|on\\s+or\\s+before|due(?:\\s+(?:on|by|date))?|deadline|target(?:\\s+date)?|prior\\s+to|ahead\\s+of|in\\s+time\\s+for|latest|within|timescale|date\\s+due|end\\s+of)' +
    '|(until|till|til|up\\s+to(?:\\s+and\\s+including)?|through\\s+to|to)' +
    '|(from|starting(?:\\s+(?:on|from))?|commencing(?:\\s+on)?|beginning(?:\\s+on)?|effective(?:\\s+from)?|with\\s+effect\\s+from|w\\.?e\\.?f\\.?)' +
    '|(on|at|for|in|during|over|scheduled\\s+for|booked\\s+for|arranged\\s+for|planned\\s+for|set\\s+for|listed\\s+for|held\\s+on|will\\s+be\\s+held\\s+on|to\\s+be\\s+held\\s+on)' +
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

const AT_THE_LATEST_RE = /^\s*(?:at\s+the\s+(?:very\s+)?latest|latest|or\s+(?:before|sooner|earlier))\b/iy;

// ---------------------------------------------------------------------------------------------
// Helpers

function overlaps(out: readonly Candidate[], start: number, end: number): boolean {
  for (const c of out) if (start < c.end && c.start < end) return true;
  return false;
}

function push(ctx: ScanContext, c: Candidate): void {
  if (!overlaps(ctx.out, c.start, c.end)) ctx.out.push(c);
}

/** Label for the document date in `how` texts. */
export function docLabel(anchors: TimescaleAnchors, doc: IsoDate): string {
  return anchors.reviewNumber !== undefined ? `this review on ${formatUkDate(doc)}` : `the date of this record, ${formatUkDate(doc)}`;
}

/** The first date on or after `from` with this month and day. */
function nextOccurrence(month: number, day: number, from: IsoDate): IsoDate | undefined {
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
function approximateAllowed(ctx: ScanContext, cue: Cue, hasYear: boolean): boolean {
  if (ctx.field) return cue !== 'past';
  if (cue === 'deadline' || cue === 'until' || cue === 'wc') return true;
  return hasYear && (cue === 'on' || cue === 'start' || cue === 'none');
}

/** The year in which a month next ends on or after `from`. */
function monthYear(month: number, from: IsoDate): number {
  const y = +from.slice(0, 4);
  return month >= +from.slice(5, 7) ? y : y + 1;
}

// ---------------------------------------------------------------------------------------------
// Written dates

const ISO_IN_TEXT = /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/]|\.\d)/g;
const NUMERIC_IN_TEXT = /(?<![\d/.:£$-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d|:\d|\s*(?:am|pm)\b)/gi;
const DAY_MONTH_NO_YEAR_IN_TEXT = /(?<![\d/.:£$-])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g;
const DAY_MONTH_IN_TEXT = new RegExp(
  `(?<![\\w£$])(?:${WEEKDAY_PREFIX_SRC})(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]*${MONTH_SRC}(?:,?[\\s-]+(\\d{4}|['\u2019]\\d{2}|\\d{2}(?![\\w:.]|\\s*(?:am|pm|%))))?(?![\\w])`,
  'gi',
);
const MONTH_DAY_IN_TEXT = new RegExp(
  `(?<![\\w])(?:${WEEKDAY_PREFIX_SRC})${MONTH_SRC}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\w:.]|\\s*(?:am|pm|%|\\w))`,
  'gi',
);

function writtenDate(ctx: ScanContext, start: number, end: number, y: number | undefined, m: number, d: number, monthWord?: string): void {
  if (overlaps(ctx.out, start, end)) return;
  const { cue, at } = cueBefore(ctx.text, start);
  let date: IsoDate | undefined;
  let how: string;
  let yearless = false;
  if (y !== undefined) {
    date = makeIsoDate(y, m, d);
    if (!date) return;
    how = formatUkDate(date);
  } else {
    if (!makeIsoDate(2024, m, d)) return; // no such day in any year
    if (monthWord === 'may' || monthWord === 'march') return; // lower-case "may"/"march" without a year: the verb
    yearless = true;
    if (!ctx.doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${d} ${monthName(m)} (no year given)`, relative: false, cue, explicit: true, yearless });
      return;
    }
    date = nextOccurrence(m, d, ctx.doc);
    if (!date) return;
    how = `${formatUkDate(date)} (${d} ${monthName(m)} with no year, read as the next one on or after ${formatUkDate(ctx.doc)})`;
  }
  let earliest = date;
  let s = start;
  if (cue === 'wc') {
    date = mondayOf(date);
    earliest = date;
    how = `the week commencing ${weekdayName(1)} ${formatUkDate(date)}`;
    s = at;
  } else if (cue === 'deadline' || cue === 'until') {
    s = at;
  }
  push(ctx, { start: s, end, kind: 'date', date, earliest, how, relative: false, cue, explicit: true, yearless });
}

function scanWrittenDates(ctx: ScanContext): void {
  const t = ctx.text;
  let m: RegExpExecArray | null;
  if (/\d/.test(t)) {
    ISO_IN_TEXT.lastIndex = 0;
    while ((m = ISO_IN_TEXT.exec(t))) writtenDate(ctx, m.index, m.index + m[0].length, +m[1]!, +m[2]!, +m[3]!);
    NUMERIC_IN_TEXT.lastIndex = 0;
    while ((m = NUMERIC_IN_TEXT.exec(t))) writtenDate(ctx, m.index, m.index + m[0].length, expandYear(m[4]!), +m[3]!, +m[1]!);
    DAY_MONTH_IN_TEXT.lastIndex = 0;
    while ((m = DAY_MONTH_IN_TEXT.exec(t))) {
      const word = m[2]!;
      writtenDate(ctx, m.index, m.index + m[0].length, m[3] ? expandYear(m[3]) : undefined, monthFromWord(word)!, +m[1]!, word);
    }
    MONTH_DAY_IN_TEXT.lastIndex = 0;
    while ((m = MONTH_DAY_IN_TEXT.exec(t))) {
      const word = m[1]!;
      writtenDate(ctx, m.index, m.index + m[0].length, m[3] ? +m[3] : undefined, monthFromWord(word)!, +m[2]!, word);
    }
    DAY_MONTH_NO_YEAR_IN_TEXT.lastIndex = 0;
    while ((m = DAY_MONTH_NO_YEAR_IN_TEXT.exec(t))) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(ctx.out, start, end)) continue;
      // "3/5" is as often a count ("3/5 vaccinations") as a date: only a date after a cue or as the whole field.
      const { cue } = cueBefore(t, start);
      const whole = ctx.field && t.trim() === m[0];
      if (!whole && cue !== 'deadline' && cue !== 'until' && cue !== 'wc' && !(ctx.field && cue === 'on')) continue;
      writtenDate(ctx, start, end, undefined, +m[2]!, +m[1]!);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Months: "by the end of May", "in June 2025", "mid-July"

const MONTH_PHRASE_RE = new RegExp(
  `(?<![\\w])(?:(early|mid|late|the\\s+beginning\\s+of|beginning\\s+of|the\\s+start\\s+of|start\\s+of|the\\s+middle\\s+of|middle\\s+of|the\\s+end\\s+of|end\\s+of|the\\s+first\\s+week\\s+of|first\\s+week\\s+of|the\\s+last\\s+week\\s+of|last\\s+week\\s+of)[\\s-]+)?${MONTH_SRC}(?:,?\\s+(\\d{4}))?(?![\\w])`,
  'gi',
);

function scanMonths(ctx: ScanContext): void {
  const t = ctx.text;
  MONTH_PHRASE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONTH_PHRASE_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const word = m[2]!;
    const month = monthFromWord(word)!;
    const part = (m[1] ?? '').toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ');
    const hasYear = m[3] !== undefined;
    const { cue, at } = cueBefore(t, start);
    if (!hasYear) {
      // Bare month names are common words ("Mother may…", "march"): need a capital and a cue.
      if (word[0] === word[0]!.toLowerCase() && (month === 5 || month === 3)) continue;
      if (word.length === 3 && month === 5 && word !== 'May') continue;
      const alone = ctx.field && t.trim().length === m[0].length;
      if (!alone && cue === 'none' && !part) continue;
    }
    if (!approximateAllowed(ctx, cue, hasYear)) continue;
    let year: number;
    if (hasYear) year = +m[3]!;
    else if (ctx.doc) year = monthYear(month, ctx.doc);
    else {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no year given)`, relative: false, cue, explicit: true, yearless: true });
      continue;
    }
    if (year < 1900 || year > 2200) continue;
    const last = daysInMonth(year, month);
    let from = 1;
    let to = last;
    let label = `the end of ${monthName(month)} ${year}`;
    if (part === 'early' || part === 'beginning of' || part === 'start of' || part === 'first week of') {
      to = part === 'early' ? 10 : 7;
      label = `${part === 'early' ? 'early' : 'the start of'} ${monthName(month)} ${year} (taken as ${to} ${monthName(month)})`;
    } else if (part === 'mid' || part === 'middle of') {
      from = 10;
      to = 15;
      label = `mid-${monthName(month)} ${year} (taken as 15 ${monthName(month)})`;
    } else if (part === 'late' || part === 'end of' || part === 'last week of') {
      from = part === 'late' ? 20 : last - 7;
    }
    const date = makeIsoDate(year, month, to)!;
    const earliest = makeIsoDate(year, month, from)!;
    const s = cue === 'deadline' || cue === 'until' ? at : start;
    push(ctx, { start: s, end, kind: 'date', date, earliest, how: label, relative: false, cue, explicit: false, approximate: true, yearless: !hasYear });
  }
}

// ---------------------------------------------------------------------------------------------
// Periods counted from an anchor: "within 10 working days of this review", "in 2 weeks' time"

const NUM = '(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty(?:[\\s-](?:one|two|eight))?|thirty|forty|sixty|ninety|a\\s+couple\\s+of|couple\\s+of|a\\s+few|few|several|a\\s+number\\s+of)';
const UNIT = '(working[\\s-]+days?|work(?:ing)?[\\s-]+days?|business\\s+days?|school\\s+days?|clear\\s+days?|calendar\\s+days?|wds?|days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?|hours?|hrs?)';
const PERIOD_RE = new RegExp(`(?<![\\w£$.])${NUM}(?:\\s*(?:-|–|to|or)\\s*(\\d{1,4}|one|two|three|four|five|six|eight|ten|twelve))?[\\s-]*${UNIT}(?![\\w])`, 'gi');
const PERIOD_PRE_RE =
  /(?:^|[^a-z])(within|in|inside(?:\s+of)?|no\s+later\s+than|not\s+later\s+than|no\s+more\s+than|no\s+longer\s+than|up\s+to|over|during|for|after|about|around|approximately|approx\.?|roughly|maximum(?:\s+of)?|max(?:\.|\s+of)?|at\s+most|less\s+than|under|by|the\s+first)\s+(?:(?:the|a|an)\s+)?(?:(next|coming|following|first|forthcoming|last|past|previous|further|additional|another)\s+)?$/i;
const PERIOD_POST_RE = /(?:['’]s|s['’]|['’])?(\s+time)?(?:\s+(of|from|after|following|before|prior\s+to|ahead\s+of)\s+([^,.;:()\n]{1,80}))?/iy;
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
  if (u.startsWith('work') || u.startsWith('business') || u.startsWith('wd')) return 'working';
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

const ANCHOR_DOC_RE =
  /^(?:(?:the\s+)?date\s+of\s+)?(?:(?:this|today['’]?s|the|current|present|our)\s+)?(?:(?:statutory|lac|cla|cic|looked[\s-]after(?:\s+child(?:ren)?['’]?s?)?|child\s+in\s+care|iro|care\s+plan(?:ning)?|planning|review)\s+)*(?:review|meeting|plan|care\s+plan|supervision|conference|document|record|minutes|decision)\b(?!\s+(?:health|of\b))|^(?:today|now|this\s+date|date)\b/i;
const ANCHOR_REVIEW_RE =
  /^(?:the\s+)?(next|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|following|subsequent|upcoming|forthcoming)\s+(?:[a-z]+\s+){0,3}?review\b(?!\s+(?:health|of\b))/i;

const ANCHOR_LOOKED_AFTER_RE =
  /^(?:(?:the\s+)?(?:child|young\s+person)|[a-z]+|him|her|them)\s+(?:first\s+)?(?:becoming|became|being\s+(?:accommodated|placed|looked\s+after)|coming\s+into\s+care)(?:\s+looked\s+after)?|^(?:the\s+)?(?:date\s+(?:of\s+)?)?(?:becoming\s+looked\s+after|coming\s+into\s+care|entering\s+care|accommodation)\b/i;

/** Events with a date fixed in advance (birthdays, court hearings, school starts, a planned move). */
export const FIXED_EVENT_SRC =
  "(?:[a-z]+['’]s\\s+|his\\s+|her\\s+|their\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)|fifteenth|sixteenth|seventeenth|eighteenth|twenty[\\s-]?first|next)\\s+birthday" +
  "|(?:[a-z]+\\s+)?(?:turns|turning|reaches|reaching)\\s+(?:\\d{1,2}|fifteen|sixteen|seventeen|eighteen|twenty[\\s-]?one)" +
  '|(?:[a-z]+\\s+(?:and\\s+[a-z]+\\s+)?)?(?:final|next|interim|further|ico\\s+renewal|issues\\s+resolution|case\\s+management|fact[\\s-]finding|court|directions|placement\\s+order|sgo|adoption\\s+order)\\s+hearings?' +
  '|irh|fhdra|ifh|cmh|(?:next\\s+)?court\\s+(?:date|hearing|listing)|the\\s+hearing|final\\s+court\\s+date|proceedings\\s+(?:conclude|ending)|week\\s+26|26[\\s-]week\\s+(?:deadline|timescale|date)' +
  '|(?:the\\s+)?(?:start|beginning)\\s+of\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+)?(?:new\\s+)?(?:placement|school|college|nursery|reception|year\\s+\\d{1,2}|secondary(?:\\s+school)?|university|apprenticeship|term|school\\s+year|academic\\s+year)' +
  '|(?:[a-z]+\\s+)?(?:starts?|starting|begins?|beginning|moves?\\s+(?:up\\s+)?to|moving\\s+(?:up\\s+)?to|transfers?\\s+to|transitions?\\s+to)\\s+(?:secondary|primary|high|a\\s+new|the\\s+new|her\\s+new|his\\s+new|new)?\\s*(?:school|college|nursery|year\\s+\\d{1,2}|reception|university|placement)' +
  '|(?:planned\\s+)?(?:placement|move|transition)\\s+(?:date|start(?:s|ing)?|begins?)|(?:the\\s+)?(?:planned\\s+)?move(?:\\s+to\\s+[a-z\\s]{1,30})?|(?:the\\s+|this\\s+|her\\s+|his\\s+)?(?:new\\s+)?placement(?:\\s+(?:starting|beginning|move|moves))?|(?:j|the\\s+child|[a-z]+)\\s+(?:moving|being\\s+placed|was\\s+placed)' +
  '|(?:j|the\\s+child|[a-z]+)\\s+(?:leaves?|leaving)\\s+care|leaving\\s+care|(?:the\\s+)?birth\\s+of\\s+the\\s+baby|(?:the\\s+)?baby\\s+(?:is\\s+)?(?:born|due)|(?:the\\s+)?(?:expected\\s+)?due\\s+date|(?:the\\s+)?(?:end|expiry)\\s+of\\s+the\\s+(?:ico|interim\\s+care\\s+order|order|placement\\s+agreement|section\\s+20)';
/** Meetings held on a schedule (the next supervision, core group, PEP meeting, panel). */
export const SCHEDULED_MEETING_SRC =
  '(?:next\\s+|forthcoming\\s+|upcoming\\s+|following\\s+)?(?:(?:team\\s+|management\\s+|case\\s+)?supervision|core\\s+group(?:\\s+meeting)?|cin\\s+(?:meeting|review)|child\\s+in\\s+need\\s+(?:meeting|review)|pep(?:\\s+(?:meeting|review))?|personal\\s+education\\s+plan\\s+(?:meeting|review)|professionals[\'’]?\\s+meeting|network\\s+meeting|strategy\\s+(?:meeting|discussion)|(?:adoption|fostering|matching|permanence|resource|placement|care|legal|gateway|tracking)\\s+panel|panel(?:\\s+date)?|legal\\s+planning\\s+meeting|lpm|plo\\s+meeting|(?:lac|cla|initial|review)\\s+health\\s+assessment|(?:lac|cla)\\s+medical|health\\s+assessment|rha|iha|ehcp(?:\\s+annual)?\\s+review|annual\\s+review|transition\\s+(?:meeting|review|planning\\s+meeting)|pathway\\s+plan(?:\\s+review)?|disruption\\s+meeting|stability\\s+meeting|family\\s+group\\s+conference|fgc|child\\s+protection\\s+conference|(?:icpc|rcpc)|review\\s+child\\s+protection\\s+conference|permanence\\s+planning\\s+meeting|placement\\s+planning\\s+meeting)';
const NEXT_ONLY_EVENT_SRC = 'next\\s+(?:contact(?:\\s+session)?|(?:home\\s+|statutory\\s+)?visit|appointment|session|meeting)';

const FIXED_EVENT_START_RE = new RegExp(`^(?:the\\s+)?(?:${FIXED_EVENT_SRC}|${SCHEDULED_MEETING_SRC}|${NEXT_ONLY_EVENT_SRC})\\b`, 'i');

interface AnchorInfo { kind: 'doc' | 'date' | 'anchored' | 'contingent'; date?: IsoDate; label: string; length: number }

function classifyAnchor(ctx: ScanContext, anchorText: string): AnchorInfo {
  let m = ANCHOR_DOC_RE.exec(anchorText);
  if (m) {
    if (!ctx.doc) return { kind: 'anchored', label: 'the date of this record (which has no date)', length: m[0].length };
    return { kind: 'doc', date: ctx.doc, label: docLabel(ctx.anchors, ctx.doc), length: m[0].length };
  }
  m = ANCHOR_LOOKED_AFTER_RE.exec(anchorText);
  if (m) {
    const las = ctx.anchors.lookedAfterSince;
    if (las) return { kind: 'date', date: las, label: `the child becoming looked after on ${formatUkDate(las)}`, length: m[0].length };
    return { kind: 'anchored', label: 'the child becoming looked after', length: m[0].length };
  }
  m = ANCHOR_REVIEW_RE.exec(anchorText);
  if (m) {
    const r = reviewTarget(ctx, m[1]!);
    if (r) return { kind: 'date', date: r.date, label: `${r.how}`, length: m[0].length };
    return { kind: 'anchored', label: m[0], length: m[0].length };
  }
  m = FIXED_EVENT_START_RE.exec(anchorText);
  if (m) return { kind: 'anchored', label: m[0], length: m[0].length };
  return { kind: 'contingent', label: anchorText.trim(), length: anchorText.length };
}

function scanPeriods(ctx: ScanContext): void {
  const t = ctx.text;
  PERIOD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERIOD_RE.exec(t))) {
    const start = m.index;
    const end0 = start + m[0].length;
    if (overlaps(ctx.out, start, end0)) continue;
    const numText = m[1]!.toLowerCase();
    const unit = unitOf(m[3]!);
    const pre = t.slice(Math.max(0, start - 40), start);
    const p = PERIOD_PRE_RE.exec(pre);
    PERIOD_POST_RE.lastIndex = end0;
    const post = PERIOD_POST_RE.exec(t);
    const hasTime = !!post?.[1];
    const rel = post?.[2]?.toLowerCase().replace(/\s+/g, ' ');
    const anchorText = post?.[3];
    let cueWord = p?.[1]?.toLowerCase().replace(/\s+/g, ' ');
    const modifier = p?.[2]?.toLowerCase();
    if (modifier === 'last' || modifier === 'past' || modifier === 'previous') continue;
    if (cueWord === 'the first' && !(modifier === undefined)) continue;
    if (cueWord === 'in' && TIMES_IN_RE.test(pre)) continue;
    if (cueWord === 'by') continue; // "increase by 2 hours": an amount, not a deadline
    if (cueWord === 'for' && modifier !== 'next' && modifier !== 'coming' && modifier !== 'following') cueWord = undefined;
    if (cueWord === 'the first') cueWord = 'within';
    // A timescale field that is only a period ("6 weeks", "10 working days") means within it.
    if (!cueWord && ctx.field && start === 0 && end0 + (post?.[0].length ?? 0) >= t.trimEnd().length && !post?.[2]) cueWord = 'within';
    if (!cueWord && !hasTime && !rel) continue; // "a 26-week programme", "3 days a week"
    if (!cueWord && rel && !hasTime && /^\s*-/.test(t.slice(start, end0).replace(m[1]!, ''))) continue;

    // Vague counts ("a few weeks") are vague, whatever the cue.
    const vagueCount = /^(?:a\s+few|few|several|a\s+number\s+of)$/.test(numText);
    let n = vagueCount ? undefined : wordNumber(numText);
    if (m[2] !== undefined) n = wordNumber(m[2].toLowerCase()) ?? n; // "2-3 weeks": the later bound
    const s = p && cueWord ? start - (pre.length - p.index - (p[0].length - p[0].trimStart().length)) : start;
    const phraseStartOffset = p && cueWord ? Math.max(0, start - pre.length + p.index + (/^[a-z]/i.test(p[0]) ? 0 : 1)) : start;
    void s;
    let end = end0 + (post ? post[0].length - (post[3]?.length ?? 0) - (post[2] ? post[2].length : 0) : 0);
    if (!post?.[2]) end = end0 + (post?.[0].length ?? 0);
    if (vagueCount) {
      if (ctx.field) push(ctx, { start: phraseStartOffset, end, kind: 'contingent', how: `'${t.slice(phraseStartOffset, end)}' is not a fixed period`, relative: true, cue: 'deadline', explicit: false });
      continue;
    }
    if (n === undefined || n <= 0 || n > UNIT_LIMIT[unit]) continue;
    const sign: 1 | -1 = rel === 'before' || rel === 'prior to' || rel === 'ahead of' ? -1 : 1;
    const window = cueWord === 'within' || cueWord === 'no later than' || cueWord === 'not later than' || cueWord === 'no more than' ||
      cueWord === 'no longer than' || cueWord === 'up to' || cueWord === 'over' || cueWord === 'during' || cueWord === 'for' ||
      cueWord === 'at most' || cueWord === 'less than' || cueWord === 'under' || cueWord?.startsWith('max') || cueWord === 'inside' || cueWord === 'inside of';
    let anchor: AnchorInfo;
    if (rel && anchorText) {
      anchor = classifyAnchor(ctx, anchorText);
      end = end0 + post!.index - end0 + post![0].length - anchorText.length + anchor.length;
      end = Math.min(end, t.length);
    } else if (ctx.doc) {
      anchor = { kind: 'doc', date: ctx.doc, label: docLabel(ctx.anchors, ctx.doc), length: 0 };
    } else {
      anchor = { kind: 'anchored', label: 'the date of this record (which has no date)', length: 0 };
    }
    const phrase = t.slice(phraseStartOffset, end);
    const counted = unitWords(n, unit);
    const note = unit === 'working' ? ' (weekends and bank holidays skipped)' : unit === 'school' ? ' (counted as working days; school holidays not known)' : '';
    const relWord = sign === -1 ? 'before' : 'after';
    if (anchor.kind === 'doc' || anchor.kind === 'date') {
      const date = shift(anchor.date!, n, unit, sign);
      const earliest = window ? (sign === 1 ? anchor.date! : date) : addDays(date, -3);
      push(ctx, {
        start: phraseStartOffset, end, kind: 'date', date, earliest,
        how: `${counted} ${relWord} ${anchor.label}${note}`, relative: true, cue: 'deadline', explicit: false,
      });
    } else if (anchor.kind === 'anchored') {
      push(ctx, { start: phraseStartOffset, end, kind: 'anchored', how: `${counted} ${relWord} ${anchor.label}`, relative: true, cue: 'deadline', explicit: false });
    } else {
      push(ctx, { start: phraseStartOffset, end, kind: 'contingent', how: `'${phrase}' counts from ${anchor.label}, which has no date`, relative: true, cue: 'deadline', explicit: false });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reviews: "by the next review", "before the second review", "within this review period"

const REVIEW_RE =
  /(?<![\w])(?:(next|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|following|subsequent|upcoming|forthcoming|this|current|the|a)\s+)?((?:(?:statutory|six[\s-]monthly|lac|cla|cic|looked[\s-]after(?:\s+child(?:ren)?['’]?s?)?|child\s+in\s+care|child\s+looked\s+after|iro|care\s+plan(?:ning)?|independent)\s+)*)review(?:\s+(meeting|period|date))?(?![\w])(?!\s+(?:health|of\b|hearing))/gi;

const ORDINAL_NUMBER: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
};

/** The date of the review an ordinal or "next" points at. */
function reviewTarget(ctx: ScanContext, which: string): { date: IsoDate; how: string } | undefined {
  const k = ORDINAL_NUMBER[which.toLowerCase()];
  if (k !== undefined) return reviewDue(k, ctx.anchors, ctx.options);
  return nextReview(ctx.anchors, ctx.options);
}

function scanReviews(ctx: ScanContext): void {
  const t = ctx.text;
  REVIEW_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REVIEW_RE.exec(t))) {
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
      push(ctx, { start, end, kind: 'date', date: r.date, earliest: addDays(r.date, -14), how: r.how, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false });
    } else {
      const label = k !== undefined ? `the ${ordinalWord(k)} review` : 'the next review';
      const held = k !== undefined && ctx.anchors.reviewNumber !== undefined && k <= ctx.anchors.reviewNumber;
      push(ctx, { start, end, kind: 'anchored', how: `${label} ${held ? `(already held: this record is review ${ctx.anchors.reviewNumber})` : '(its date cannot be worked out from this record)'}`, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// School terms, school years, holidays

const TERM_NAMED_RE =
  /(?<![\w])(?:(end|start|beginning|close|middle|last\s+day|first\s+day)\s+of\s+(?:the\s+)?)?(autumn|spring|summer|christmas|xmas|easter|october|february|may|whitsun)\s+(half[\s-]?terms?|terms?|holidays?|hols|break|vacation)(?:\s+(?:of\s+)?(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?)?(?![\w])/gi;
const TERM_SEASON_YEAR_RE = /(?<![\w])(?:(end|start|beginning)\s+of\s+(?:the\s+)?)?(autumn|spring|summer)\s+(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![\w])/gi;
const TERM_RELATIVE_RE =
  /(?<![\w])(?:(end|start|beginning|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|following|coming)\s+)?(?:school\s+)?(half[\s-]?term|term)(?![\w])/gi;
const TERM_RELATIVE_GUARD = /(?:short|medium|long|longer|shorter|near|full|autumn|spring|summer|christmas|easter|winter|may|october|february|whitsun|mid)[\s-]*$/i;
const SCHOOL_YEAR_RE =
  /(?<![\w])(?:(end|start|beginning|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|new|following|coming)\s+)?(school|academic|financial|calendar)\s+year(?:\s+(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?)?(?![\w])/gi;
const HOLIDAY_RE = /(?<![\w])(christmas|xmas|easter|new\s+year(?:['’]s(?:\s+day)?)?|halloween|bonfire\s+night)(?:\s+(\d{4}))?(?![\w])/gi;

function academicEnd(yearText: string | undefined, endText: string | undefined): number | undefined {
  if (!yearText || !endText) return undefined;
  const y = +yearText;
  const e = endText.length === 2 ? Math.floor(y / 100) * 100 + +endText : +endText;
  return e === y + 1 ? e : undefined;
}

const TERM_OF_HALF: Readonly<Record<string, SchoolTerm>> = { october: 'autumn', february: 'spring', may: 'summer', whitsun: 'summer', autumn: 'autumn', spring: 'spring', summer: 'summer' };

const TERM_NOTE = ' (term dates vary between schools)';

function termPush(ctx: ScanContext, start: number, end: number, date: IsoDate, label: string, windowDays: number, note = TERM_NOTE, hasYear = false): void {
  const { cue, at } = cueBefore(ctx.text, start);
  if (!approximateAllowed(ctx, cue, hasYear)) return;
  const s = cue === 'deadline' || cue === 'until' ? at : start;
  push(ctx, {
    start: s, end, kind: 'date', date, earliest: addDays(date, -windowDays),
    how: `${label}, taken as ${formatUkDate(date)}${note}`, relative: false, cue, explicit: false, approximate: true,
  });
}

function scanTerms(ctx: ScanContext): void {
  const t = ctx.text;
  let m: RegExpExecArray | null;
  TERM_NAMED_RE.lastIndex = 0;
  while ((m = TERM_NAMED_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const part = (m[1] ?? '').toLowerCase();
    const season = m[2]!.toLowerCase();
    const what = m[3]!.toLowerCase();
    const year = m[4] ? +m[4] : undefined;
    const acEnd = academicEnd(m[4], m[5]);
    const isStart = part === 'start' || part === 'beginning' || part === 'first day';
    const { cue } = cueBefore(t, start);
    if (!year && !ctx.doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no year given)`, relative: false, cue, explicit: false });
      continue;
    }
    const from = ctx.doc ?? `${year}-01-01`;
    let date: IsoDate;
    let label = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (what.startsWith('half')) {
      const term = TERM_OF_HALF[season];
      if (!term) continue;
      date = year ? termDate(term, termCalendarYear(term, year, acEnd), 'half-term') : nextTermDate(term, from, 'half-term');
      label = `the ${season} half term`;
    } else if (what.startsWith('term')) {
      const term = TERM_OF_HALF[season] as SchoolTerm | undefined;
      if (!term || !['autumn', 'spring', 'summer'].includes(season)) continue;
      const which = isStart ? 'start' : part === 'middle' ? 'half-term' : 'end';
      date = year ? termDate(term, termCalendarYear(term, year, acEnd), which) : nextTermDate(term, from, which);
      label = `the ${isStart ? 'start' : part === 'middle' ? 'middle' : 'end'} of the ${season} term${year ? ` ${m[4]}${m[5] ? `/${m[5]}` : ''}` : ''}`;
    } else {
      // Holidays: "by the summer holidays" means before they start; "over / by the end of" means before they finish.
      const byStart = (cue === 'deadline' && part !== 'end' && part !== 'last day') || isStart;
      const y0 = year ?? +from.slice(0, 4);
      if (season === 'summer') {
        date = byStart ? termDate('summer', y0) : makeIsoDate(y0, SUMMER_HOLIDAYS_END.month, SUMMER_HOLIDAYS_END.day)!;
      } else if (season === 'christmas' || season === 'xmas') {
        date = byStart ? termDate('autumn', y0) : makeIsoDate(y0 + 1, 1, 4)!;
      } else if (season === 'easter') {
        const e = easterSunday(y0);
        date = byStart ? addDays(e, -9) : addDays(e, 8);
      } else if (TERM_OF_HALF[season]) {
        date = termDate(TERM_OF_HALF[season]!, y0, 'half-term');
        if (!byStart) date = addDays(date, 9);
      } else continue;
      if (!year && date < from) {
        m.index = start; // recompute for next year
        const y1 = y0 + 1;
        if (season === 'summer') date = byStart ? termDate('summer', y1) : makeIsoDate(y1, 8, 31)!;
        else if (season === 'christmas' || season === 'xmas') date = byStart ? termDate('autumn', y1) : makeIsoDate(y1 + 1, 1, 4)!;
        else if (season === 'easter') date = byStart ? addDays(easterSunday(y1), -9) : addDays(easterSunday(y1), 8);
        else date = addDays(termDate(TERM_OF_HALF[season]!, y1, 'half-term'), byStart ? 0 : 9);
      }
      label = `${byStart ? 'the start' : 'the end'} of the ${season} holidays`;
    }
    termPush(ctx, start, end, date, label, 21, TERM_NOTE, year !== undefined);
  }
  TERM_SEASON_YEAR_RE.lastIndex = 0;
  while ((m = TERM_SEASON_YEAR_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const term = m[2]!.toLowerCase() as SchoolTerm;
    const isStart = !!m[1] && m[1].toLowerCase() !== 'end';
    const date = termDate(term, termCalendarYear(term, +m[3]!, academicEnd(m[3], m[4])), isStart ? 'start' : 'end');
    termPush(ctx, start, end, date, `${isStart ? 'the start' : 'the end'} of the ${term} term ${m[3]}`, 21, TERM_NOTE, true);
  }
  TERM_RELATIVE_RE.lastIndex = 0;
  while ((m = TERM_RELATIVE_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    if (TERM_RELATIVE_GUARD.test(t.slice(Math.max(0, start - 12), start + (m[0].search(/(?:half[\s-]?)?term/i))))) continue;
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const half = /^half/i.test(m[3]!);
    const { cue } = cueBefore(t, start);
    if (!part && !which && !half && cue !== 'deadline' && cue !== 'until') continue;
    if (!ctx.doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no date to count from)`, relative: true, cue, explicit: false });
      continue;
    }
    let r: { term: SchoolTerm; date: IsoDate };
    if (half) r = nextHalfTerm(which === 'next' || which === 'following' ? addDays(nextHalfTerm(ctx.doc).date, 1) : ctx.doc);
    else r = which === 'next' || which === 'following' ? followingTermEnd(ctx.doc) : currentTermEnd(ctx.doc);
    const date = part === 'start' || part === 'beginning' ? nextTermDate(r.term, ctx.doc, 'start') : r.date;
    termPush(ctx, start, end, date, half ? `the ${r.term} half term` : `the end of the ${r.term} term`, 21);
  }
  SCHOOL_YEAR_RE.lastIndex = 0;
  while ((m = SCHOOL_YEAR_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const kind = m[3]!.toLowerCase();
    const { cue } = cueBefore(t, start);
    if (!part && !which && !m[4] && cue !== 'deadline' && cue !== 'until') continue;
    if (!ctx.doc && !m[4]) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no date to count from)`, relative: true, cue, explicit: false });
      continue;
    }
    const from = ctx.doc ?? `${m[4]}-01-01`;
    const isStart = part === 'start' || part === 'beginning' || which === 'new';
    const next = which === 'next' || which === 'following' || which === 'coming';
    let date: IsoDate;
    let label: string;
    if (kind === 'financial') {
      const y = m[4] ? (m[5] ? +m[4] + 1 : +m[4]) : +from.slice(0, 4) + (from.slice(5) > '03-31' ? 1 : 0) + (next ? 1 : 0);
      date = isStart ? makeIsoDate(y - 1, 4, 1)! : makeIsoDate(y, 3, 31)!;
      label = `the ${isStart ? 'start' : 'end'} of the financial year`;
    } else if (kind === 'calendar') {
      const y = m[4] ? +m[4] : +from.slice(0, 4) + (next ? 1 : 0);
      date = isStart ? makeIsoDate(y, 1, 1)! : makeIsoDate(y, 12, 31)!;
      label = `the ${isStart ? 'start' : 'end'} of ${y}`;
    } else {
      // School year: September to July.
      let endYear = m[4] ? (m[5] ? +m[4] + 1 : +m[4]) : +from.slice(0, 4) + (from.slice(5) > '07-22' ? 1 : 0);
      if (next && !m[4]) endYear += 1;
      date = isStart ? nextTermDate('autumn', from, 'start') : termDate('summer', endYear);
      if (isStart && m[4]) date = termDate('autumn', m[5] ? +m[4] : +m[4] - 1, 'start');
      label = isStart ? 'the start of the new school year' : 'the end of the school year';
    }
    termPush(ctx, start, end, date, label, kind === 'calendar' || kind === 'financial' ? 30 : 21, kind === 'school' || kind === 'academic' ? TERM_NOTE : '', m[4] !== undefined);
  }
  HOLIDAY_RE.lastIndex = 0;
  while ((m = HOLIDAY_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const { cue } = cueBefore(t, start);
    if (cue === 'none' || cue === 'past' || cue === 'start') continue;
    if (!ctx.doc && !m[2]) continue;
    const name = m[1]!.toLowerCase();
    const pick = (y: number): IsoDate =>
      name.startsWith('christmas') || name === 'xmas' ? makeIsoDate(y, 12, 25)!
        : name === 'easter' ? easterSunday(y)
          : name === 'halloween' ? makeIsoDate(y, 10, 31)!
            : name.startsWith('bonfire') ? makeIsoDate(y, 11, 5)!
              : /day$/.test(name) ? makeIsoDate(y + 1, 1, 1)! : makeIsoDate(y, 12, 31)!;
    let date = pick(m[2] ? +m[2] : +ctx.doc!.slice(0, 4));
    if (!m[2] && date < ctx.doc!) date = pick(+ctx.doc!.slice(0, 4) + 1);
    termPush(ctx, start, end, date, name.replace(/\s+/g, ' ').replace(/^xmas$/, 'christmas'), 7, '', m[2] !== undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar periods: "by the end of the month", "next week", "end of next month", "by Friday"

const CAL_PERIOD_RE =
  /(?<![\w])(?:(end|start|beginning|middle|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|following|coming)\s+)?(week|fortnight|month|year)(?!['’]s)(?![\w])/gi;
const WEEKDAY_RE =
  /(?<![\w])(by|before|on|until|till|this|next|this\s+coming|coming|by\s+next|by\s+this|no\s+later\s+than)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\w])(?!\s*,?\s*(?:the\s+)?\d)(?!\s+(?:afternoons?|mornings?|evenings?|nights?))/gi;
const NOW_RE =
  /(?<![\w])(?:(by|before|until)\s+(?:the\s+end\s+of\s+)?)?(today(?!['’]s)|tonight|tomorrow|immediately|immediate(?:\s+effect)?|with\s+immediate\s+effect|at\s+once|straight\s+away|right\s+away|same\s+day|end\s+of\s+(?:the\s+)?day|close\s+of\s+(?:play|business)|cop|cob|eod)(?![\w])/gi;
const YEAR_RE = /(?<![\w])(by|before|until|in|during|end\s+of|by\s+the\s+end\s+of|the\s+end\s+of)\s+(\d{4})(?![\w])(?!\s*[-–/]\s*\d)/gi;

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

function scanCalendarPeriods(ctx: ScanContext): void {
  const t = ctx.text;
  const doc = ctx.doc;
  let m: RegExpExecArray | null;
  CAL_PERIOD_RE.lastIndex = 0;
  while ((m = CAL_PERIOD_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const unit = m[3]!.toLowerCase();
    if (!part && !which) continue;
    if (!part && which === 'this' && unit === 'year' && false) continue;
    const { cue, at } = cueBefore(t, start);
    if (cue === 'past') continue;
    const withinNext = /(?:within|in|over|during|for)\s+(?:the\s+)?$/i.test(t.slice(Math.max(0, start - 16), start));
    if (!ctx.field && !withinNext && cue !== 'deadline' && cue !== 'until') continue;
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no date to count from)`, relative: true, cue, explicit: false });
      continue;
    }
    const within = /(?:within|in|over|during|for)\s+(?:the\s+)?$/i.test(t.slice(Math.max(0, start - 16), start)) && (which === 'next' || which === 'coming' || which === 'following') && !part;
    let date: IsoDate;
    let how: string;
    const afterNext = /^\s+after\s+next\b/i.test(t.slice(end, end + 12));
    const nxt = (which === 'next' || which === 'following' || which === 'coming' ? 1 : 0) + (afterNext ? 2 : 0);
    if (within) {
      date = unit === 'week' ? addDays(doc, 7) : unit === 'fortnight' ? addDays(doc, 14) : unit === 'month' ? addMonths(doc, 1) : addMonths(doc, 12);
      how = `one ${unit} after ${docLabel(ctx.anchors, doc)}`;
    } else if (unit === 'week' || unit === 'fortnight') {
      const wd = dayOfWeek(doc);
      const friday = addDays(doc, ((5 - wd + 7) % 7) + 7 * nxt + (unit === 'fortnight' ? 7 : 0));
      date = part === 'start' || part === 'beginning' ? addDays(friday, -4) : friday;
      how = `${part === 'start' || part === 'beginning' ? 'the Monday' : 'the Friday'} of ${nxt ? 'next' : 'this'} ${unit}`;
    } else if (unit === 'month') {
      const base = addMonths(`${doc.slice(0, 7)}-01`, nxt);
      const y = +base.slice(0, 4);
      const mo = +base.slice(5, 7);
      date = part === 'start' || part === 'beginning' ? base : part === 'middle' ? makeIsoDate(y, mo, 15)! : endOfMonth(y, mo);
      how = `${part === 'start' || part === 'beginning' ? 'the start' : part === 'middle' ? 'the middle' : 'the end'} of ${monthName(mo)} ${y}`;
    } else {
      const y = +doc.slice(0, 4) + nxt;
      date = part === 'start' || part === 'beginning' ? makeIsoDate(y, 1, 1)! : endOfMonth(y, 12);
      how = `${part === 'start' || part === 'beginning' ? 'the start' : 'the end'} of ${y}`;
    }
    const s = cue === 'deadline' || cue === 'until' ? at : start;
    push(ctx, { start: s, end, kind: 'date', date, earliest: within ? doc : addDays(date, unit === 'year' ? -30 : unit === 'month' ? -7 : -4), how, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false, approximate: true });
  }
  WEEKDAY_RE.lastIndex = 0;
  while ((m = WEEKDAY_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no date to count from)`, relative: true, cue: 'deadline', explicit: false });
      continue;
    }
    const want = WEEKDAY_INDEX[m[2]!.toLowerCase()]!;
    const wd = dayOfWeek(doc);
    let ahead = (want - wd + 7) % 7;
    if (ahead === 0) ahead = 7;
    // "a week on Friday", "Friday week": the one after.
    if (/\ba\s+week\s+$/i.test(t.slice(Math.max(0, start - 8), start)) || /^\s+week\b/i.test(t.slice(end, end + 6))) ahead += 7;
    const date = addDays(doc, ahead);
    push(ctx, { start, end, kind: 'date', date, earliest: date, how: `${weekdayName(want)} ${formatUkDate(date)}, the first ${weekdayName(want)} after ${docLabel(ctx.anchors, doc)}`, relative: true, cue: 'deadline', explicit: false });
  }
  NOW_RE.lastIndex = 0;
  while ((m = NOW_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const word = m[2]!.toLowerCase();
    const tomorrow = word === 'tomorrow';
    // In an action's own wording only "by today/tomorrow" reads as a deadline.
    if (!ctx.field && !m[1] && !tomorrow) continue;
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (the record has no date)`, relative: true, cue: 'deadline', explicit: false });
      continue;
    }
    const date = tomorrow ? addDays(doc, 1) : doc;
    push(ctx, { start, end, kind: 'date', date, earliest: date, how: `${tomorrow ? 'the day after' : 'the day of'} ${docLabel(ctx.anchors, doc)}`, relative: true, cue: 'deadline', explicit: false });
  }
  YEAR_RE.lastIndex = 0;
  while ((m = YEAR_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const y = +m[2]!;
    if (y < 1990 || y > 2100) continue;
    const cueWord = m[1]!.toLowerCase();
    const date = endOfMonth(y, 12);
    if ((cueWord === 'in' || cueWord === 'during') && doc && date < doc) continue;
    push(ctx, { start, end, kind: 'date', date, earliest: cueWord === 'in' || cueWord === 'during' ? `${y}-01-01` : addDays(date, -30), how: `the end of ${y}`, relative: false, cue: 'deadline', explicit: false, approximate: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Fixed and scheduled events: "by J's 16th birthday", "before the final hearing", "at the next core group"

const EVENT_RE = new RegExp(
  `(?<![\\w])(by|before|prior\\s+to|ahead\\s+of|in\\s+time\\s+for|until|till|no\\s+later\\s+than|in\\s+(?:readiness|preparation)\\s+for|for|at|when|on)\\s+(?:the\\s+)?(?:(${FIXED_EVENT_SRC})|(${SCHEDULED_MEETING_SRC})|(${NEXT_ONLY_EVENT_SRC}))(?![\\w])`,
  'gi',
);
const STATUTORY_RE =
  /(?<![\w])(?:within|in\s+line\s+with|in\s+accordance\s+with|as\s+per|per|to|meeting|by)\s+(?:the\s+)?statutory\s+(?:timescales?|timeframes?|time\s+limits?|deadlines?|requirements?|intervals?)(?![\w])/gi;

function scanEvents(ctx: ScanContext): void {
  const t = ctx.text;
  let m: RegExpExecArray | null;
  EVENT_RE.lastIndex = 0;
  while ((m = EVENT_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    const cue = m[1]!.toLowerCase();
    // "for / at / when / on" only before a named fixed event or a meeting, never before "the next contact".
    const hearing = /hearing|irh|fhdra|ifh|cmh|court/i.test(m[2] ?? '');
    if ((cue === 'for' || cue === 'at') && !(m[3] || hearing)) continue;
    if (cue === 'on' && !(hearing || /birthday/i.test(m[0]))) continue;
    if (cue === 'when' && !m[2]) continue;
    push(ctx, { start, end, kind: 'anchored', how: m[0].replace(/\s+/g, ' '), relative: true, cue: 'deadline', explicit: false });
  }
  STATUTORY_RE.lastIndex = 0;
  while ((m = STATUTORY_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlaps(ctx.out, start, end)) continue;
    push(ctx, { start, end, kind: 'anchored', how: `${m[0].trim()} (the statutory deadline for this task)`, relative: true, cue: 'deadline', explicit: false });
  }
}

// ---------------------------------------------------------------------------------------------

const MERGE_GAP_RE =
  /^\s*(?:[,(:\-–]\s*)?(?:(?:on|dated|held\s+on|due(?:\s+on)?|scheduled\s+for|booked\s+for|set\s+for|listed\s+for|which\s+is(?:\s+on)?|i\.e\.?|ie|currently|provisionally|expected)\s+)?(?:the\s+)?$/i;

/**
 * "before the second review on 02/06/2025", "by the final hearing (12 June 2025)": the written
 * date is the date of the event; keep one candidate that spans both, with the event's cue.
 */
function mergeEventDates(ctx: ScanContext): void {
  const out = ctx.out;
  if (out.length < 2) return;
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.explicit || !b.explicit || b.kind !== 'date' || a.kind === 'contingent') continue;
    if (b.start - a.end > 24 || !MERGE_GAP_RE.test(ctx.text.slice(a.end, b.start))) continue;
    const close = ctx.text.slice(b.end, b.end + 2).startsWith(')') ? 1 : 0;
    out.splice(i, 2, { ...b, start: a.start, end: b.end + close, cue: a.cue === 'none' ? b.cue : a.cue, how: `${b.how} (${a.how.replace(/\s*\(.*$/, '')})` });
  }
}

/** All timescale-like phrases in the text, in text order. */
export function scan(ctx: ScanContext): Candidate[] {
  scanWrittenDates(ctx);
  scanPeriods(ctx);
  scanTerms(ctx);
  scanMonths(ctx);
  scanReviews(ctx);
  scanCalendarPeriods(ctx);
  scanEvents(ctx);
  mergeEventDates(ctx);
  for (const c of ctx.out) {
    if (c.kind === 'date' && (c.cue === 'on' || c.cue === 'none')) {
      AT_THE_LATEST_RE.lastIndex = c.end;
      if (AT_THE_LATEST_RE.test(ctx.text)) c.cue = 'deadline';
    }
  }
  ctx.out.sort((a, b) => a.start - b.start);
  return ctx.out;
}
