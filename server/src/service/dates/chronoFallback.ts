/**
 * Fallback for date wordings the fast matchers do not know ("the 14th of next month", "a week
 * on Friday"). chrono-node's en-GB parser (day before month) is loaded on first use only: it is
 * large and most timescales never need it.
 */
import type * as ChronoModule from 'chrono-node';
import type { IsoDate } from '../types';
import { FIRST_YEAR, LAST_YEAR, endOfMonth, makeIsoDate, splitIsoDate } from './calendar';

const CALENDAR_WORDING =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

let parser: typeof ChronoModule.en.GB | undefined;

function gb(): typeof ChronoModule.en.GB {
  if (!parser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    parser = (require('chrono-node') as typeof ChronoModule).en.GB;
  }
  return parser;
}

export interface ChronoHit {
  date: IsoDate;
  /** True when chrono knew the day, not only the month. */
  exactDay: boolean;
  index: number;
  text: string;
}

/** Dates chrono finds in the text, counted forward from `ref`; only those with a known month. */
export function chronoDates(text: string, ref: IsoDate | undefined): ChronoHit[] {
  if (text.length > 500) return [];
  const p = ref ? splitIsoDate(ref) : undefined;
  const refDate = p ? new Date(p[0], p[1] - 1, p[2], 12) : new Date(2000, 0, 1, 12);
  let results: ChronoModule.ParsedResult[];
  try {
    results = gb().parse(text, refDate, { forwardDate: true });
  } catch {
    return [];
  }
  const out: ChronoHit[] = [];
  for (const r of results) {
    const c = r.end ?? r.start;
    const certainMonth = c.isCertain('month');
    const certainDay = c.isCertain('day');
    // Only calendar wordings: a month name, a day number or a weekday. chrono also reads "a week"
    // in "3 times a week" as a date, which is exactly the trap to avoid.
    if (!CALENDAR_WORDING.test(r.text)) continue;
    const weekday = c.isCertain('weekday');
    if (!certainMonth && !certainDay && !weekday) continue;
    // Without a document date, a date with no year cannot be placed.
    if (!p && !c.isCertain('year')) continue;
    const y = c.get('year');
    const mo = c.get('month');
    const d = c.get('day');
    if (y === null || mo === null || d === null || y < FIRST_YEAR || y > LAST_YEAR) continue;
    const date = certainDay || weekday ? makeIsoDate(y, mo, d) : endOfMonth(y, mo);
    if (!date) continue;
    out.push({ date, exactDay: certainDay, index: r.index, text: r.text });
  }
  return out;
}
