/**
 * Written dates and months: "14/03/2025", "12 May", "w/c 5 May 2025", "on the 19th", "by the end of June".
 */
import type { IsoDate } from '../types';
import { FIRST_YEAR, LAST_YEAR, daysInMonth, formatUkDate, makeIsoDate, monthName, weekdayName } from './calendar';
import { G_DIGIT, G_DIGIT4, G_MONTH } from './gates';
import { type ScanContext, approximateAllowed, cueBefore, monthYear, nextOccurrence, eachFreeMatch, overlaps, push } from './scanCore';
import { MONTH_SRC, WEEKDAY_PREFIX_SRC, expandYear, monthFromWord, mondayOf } from './ukDate';

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
    if (y < FIRST_YEAR || y > LAST_YEAR) return; // a typo, not a deadline anyone set; the same range as the schemas
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

export function scanWrittenDates(ctx: ScanContext): void {
  const t = ctx.text;
  let m: RegExpExecArray | null;
  // Every matcher here needs a digit; the cheap checks before each skip those that cannot match.
  if (ctx.mask & G_DIGIT) {
    const dash = t.includes('-');
    const slash = t.includes('/');
    if (dash && ctx.mask & G_DIGIT4) {
      ISO_IN_TEXT.lastIndex = 0;
      while ((m = ISO_IN_TEXT.exec(t))) writtenDate(ctx, m.index, m.index + m[0].length, +m[1]!, +m[2]!, +m[3]!);
    }
    if (dash || slash || t.includes('.')) {
      NUMERIC_IN_TEXT.lastIndex = 0;
      while ((m = NUMERIC_IN_TEXT.exec(t))) writtenDate(ctx, m.index, m.index + m[0].length, expandYear(m[4]!), +m[3]!, +m[1]!);
    }
    if (ctx.mask & G_MONTH) {
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
    }
    eachFreeMatch(ctx, DAY_MONTH_NO_YEAR_IN_TEXT, slash, (m, start, end) => {
      // "3/5" is as often a count ("3/5 vaccinations") as a date: only a date after a cue or as the whole field.
      const { cue } = cueBefore(t, start);
      const whole = ctx.field && t.trim() === m[0];
      if (!whole && (cue === 'none' || cue === 'past')) return;
      writtenDate(ctx, start, end, undefined, +m[2]!, +m[1]!);
    });
  }
}

/** "on the 19th", "by the 3rd": a day of the month with no month, the next one after the record's date. */
const DAY_ONLY_RE = new RegExp(
  `(?<![\\w])(by|on|before|until|till|from)\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)(?![\\w])(?!\\s*(?:of\\s+)?${MONTH_SRC})(?!\\s+(?:[a-z]+\\s+)?(?:birthday|century|floor|time|attempt|week|month|year|session|review|placement|move|visit|day|contact|meeting|appointment))`,
  'gi',
);

export function scanDayOnly(ctx: ScanContext): void {
  const doc = ctx.doc;
  if (!doc) return;
  eachFreeMatch(ctx, DAY_ONLY_RE, true, (m, start, end) => {
    const day = +m[2]!;
    if (day < 1 || day > 31) return;
    let y = +doc.slice(0, 4);
    let mo = +doc.slice(5, 7);
    let date: IsoDate | undefined;
    for (let i = 0; i < 3 && !date; i++) {
      const d = makeIsoDate(y, mo, day);
      if (d && d > doc) date = d;
      mo++;
      if (mo > 12) { mo = 1; y++; }
    }
    if (!date) return;
    const cueWord = m[1]!.toLowerCase();
    push(ctx, {
      start, end, kind: 'date', date, earliest: date, how: `${formatUkDate(date)} (the ${m[2]}${m[0].match(/(st|nd|rd|th)/i)![1]!.toLowerCase()}, read as the next one after ${formatUkDate(doc)})`,
      relative: true, cue: cueWord === 'on' ? 'on' : cueWord === 'from' ? 'start' : cueWord === 'until' || cueWord === 'till' ? 'until' : 'deadline', explicit: true, yearless: true,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Months: "by the end of May", "in June 2025", "mid-July"

const MONTH_PHRASE_RE = new RegExp(
  `(?<![\\w])(?:(early|mid|late|the\\s+beginning\\s+of|beginning\\s+of|the\\s+start\\s+of|start\\s+of|the\\s+middle\\s+of|middle\\s+of|the\\s+end\\s+of|end\\s+of|the\\s+first\\s+week\\s+of|first\\s+week\\s+of|the\\s+last\\s+week\\s+of|last\\s+week\\s+of|(?:the\\s+)?(?:end|start|beginning))[\\s-]+)?${MONTH_SRC}(?:,?\\s+(\\d{4}))?(?![\\w])`,
  'gi',
);

export function scanMonths(ctx: ScanContext): void {
  if (!(ctx.mask & G_MONTH)) return;
  const t = ctx.text;
  eachFreeMatch(ctx, MONTH_PHRASE_RE, true, (m, start, end) => {
    const word = m[2]!;
    const month = monthFromWord(word)!;
    // "end Sept", "start of Oct": "of" is often left out.
    const part = (m[1] ?? '').toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').replace(/^(end|start|beginning)$/, '$1 of');
    const hasYear = m[3] !== undefined;
    const { cue, at } = cueBefore(t, start);
    if (!hasYear) {
      // Bare month names are common words ("Mother may…", "march"): need a capital and a cue.
      if (word[0] === word[0]!.toLowerCase() && (month === 5 || month === 3)) return;
      if (word.length === 3 && month === 5 && word !== 'May') return;
      const alone = ctx.field && t.trim().length === m[0].length;
      if (!alone && cue === 'none' && !part) return;
    }
    if (!approximateAllowed(ctx, cue, hasYear, at)) return;
    let year: number;
    if (hasYear) year = +m[3]!;
    else if (ctx.doc) year = monthYear(month, ctx.doc);
    else {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no year given)`, relative: false, cue, explicit: true, yearless: true });
      return;
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) return;
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
  });
}
