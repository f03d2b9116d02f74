/**
 * Calendar dates as people write them in UK records: ISO, 31/03/2025, 28.02.25, 12 May 2025,
 * 5th May 2025, Monday 12 May 2025, May 12th, 2025, w/c 5 May 2025.
 */
import type { IsoDate } from '../types';
import { addDays, dayOfWeek, makeIsoDate } from './calendar';

/** Regex source of a month name or abbreviation (one capture group). */
export const MONTH_SRC =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';

/** Regex source of an optional weekday written before a date ("Monday ", "Fri, "); no capture. */
export const WEEKDAY_PREFIX_SRC =
  '(?:(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\b\\.?,?\\s+(?:the\\s+)?)?';

/** Regex source of "week commencing" and its abbreviations; no capture. */
export const WEEK_COMMENCING_SRC =
  '(?:w\\/c|w\\.c\\.?|wc|w\\/b|w\\.b\\.?|wb|wk\\s+comm?\\.?|week\\s+(?:commencing|beginning|starting|of))';

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Month number (1–12) of a month name or abbreviation, or undefined. */
export function monthFromWord(word: string): number | undefined {
  return MONTH_INDEX[word.slice(0, 3).toLowerCase()];
}

/** A written year: four digits as is; two digits 00–69 are 2000–2069, 70–99 are 1970–1999. */
export function expandYear(text: string): number {
  const digits = text.charCodeAt(0) === 39 /* ' */ || text.charCodeAt(0) === 0x2019 ? text.slice(1) : text;
  const y = +digits;
  if (digits.length === 2) return y < 70 ? 2000 + y : 1900 + y;
  return y;
}

/** The Monday of the week that holds `d`. */
export function mondayOf(d: IsoDate): IsoDate {
  const wd = dayOfWeek(d);
  return wd === 1 ? d : addDays(d, wd === 0 ? -6 : 1 - wd);
}

const ISO_WHOLE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NUMERIC_WHOLE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/;
const DAY_MONTH_WHOLE = new RegExp(
  `^${WEEKDAY_PREFIX_SRC}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s-]*${MONTH_SRC},?[\\s-]+(\\d{4}|['\u2019]?\\d{2})$`,
  'i',
);
const MONTH_DAY_WHOLE = new RegExp(
  `^${WEEKDAY_PREFIX_SRC}${MONTH_SRC}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`,
  'i',
);
const WEEK_COMMENCING_WHOLE = new RegExp(`^${WEEK_COMMENCING_SRC}\\s*:?\\s*(.+)$`, 'i');

function parseDateOnly(s: string): IsoDate | undefined {
  let m = ISO_WHOLE.exec(s);
  if (m) return makeIsoDate(+m[1]!, +m[2]!, +m[3]!);
  m = NUMERIC_WHOLE.exec(s);
  if (m) return makeIsoDate(expandYear(m[3]!), +m[2]!, +m[1]!);
  m = DAY_MONTH_WHOLE.exec(s);
  if (m) return makeIsoDate(expandYear(m[3]!), monthFromWord(m[2]!)!, +m[1]!);
  m = MONTH_DAY_WHOLE.exec(s);
  if (m) return makeIsoDate(+m[3]!, monthFromWord(m[1]!)!, +m[2]!);
  return undefined;
}

/**
 * The date when the whole text is one calendar date, in ISO or a UK form (31/03/2025, 28.02.25,
 * 12 May 2025, 5th May 2025, w/c 5 May 2025 → the Monday of that week); otherwise undefined.
 * Day first, always: 03/04/2025 is 3 April. A date with no year is not a whole date here.
 */
export function parseUkDate(text: string): IsoDate | undefined {
  if (typeof text !== 'string' || text.length > 60) return undefined;
  let s = text.trim();
  if (s.endsWith('.')) s = s.slice(0, -1).trimEnd();
  if (s.length < 6) return undefined;
  const wc = WEEK_COMMENCING_WHOLE.exec(s);
  if (wc) {
    const d = parseDateOnly(wc[1]!.trim());
    return d === undefined ? undefined : mondayOf(d);
  }
  return parseDateOnly(s);
}
