/**
 * School terms in England, approximately. Term dates differ between councils and schools, so
 * these are typical dates used only to put a date on "by the end of the summer term"; the `how`
 * text always says the date is approximate.
 */
import type { IsoDate } from '../types';
import { makeIsoDate } from './calendar';

export type SchoolTerm = 'autumn' | 'spring' | 'summer';

/** Typical last day of each term, as month and day. */
export const SCHOOL_TERM_ENDS: Readonly<Record<SchoolTerm, { month: number; day: number }>> = {
  autumn: { month: 12, day: 20 },
  spring: { month: 3, day: 31 },
  summer: { month: 7, day: 22 },
};

/** Typical first day of each term. */
export const SCHOOL_TERM_STARTS: Readonly<Record<SchoolTerm, { month: number; day: number }>> = {
  autumn: { month: 9, day: 1 },
  spring: { month: 1, day: 5 },
  summer: { month: 4, day: 20 },
};

/** Typical last school day before each half-term holiday. */
export const HALF_TERM_BREAKS: Readonly<Record<SchoolTerm, { month: number; day: number }>> = {
  autumn: { month: 10, day: 24 },
  spring: { month: 2, day: 13 },
  summer: { month: 5, day: 22 },
};

/** Typical last day of the summer holidays. */
export const SUMMER_HOLIDAYS_END = { month: 8, day: 31 } as const;

const TERM_ORDER: readonly SchoolTerm[] = ['spring', 'summer', 'autumn'];

function on(year: number, md: { month: number; day: number }): IsoDate {
  return makeIsoDate(year, md.month, md.day)!;
}

/** The calendar year a term falls in, for a term written with a year ("summer term 2025") or an academic year ("spring term 2025/26"). */
export function termCalendarYear(term: SchoolTerm, year: number, academicEndYear?: number): number {
  if (academicEndYear === undefined) return year;
  return term === 'autumn' ? year : academicEndYear;
}

/** Typical end (or start, or half-term break) of a term in a calendar year. */
export function termDate(term: SchoolTerm, year: number, which: 'end' | 'start' | 'half-term' = 'end'): IsoDate {
  const table = which === 'end' ? SCHOOL_TERM_ENDS : which === 'start' ? SCHOOL_TERM_STARTS : HALF_TERM_BREAKS;
  return on(year, table[term]);
}

/** The first date of that kind for the term on or after `from`. */
export function nextTermDate(term: SchoolTerm, from: IsoDate, which: 'end' | 'start' | 'half-term' = 'end'): IsoDate {
  const year = +from.slice(0, 4);
  const d = termDate(term, year, which);
  return d >= from ? d : termDate(term, year + 1, which);
}

/** The end of whichever term is running on `from` (or the next one, in the holidays), and the term. */
export function currentTermEnd(from: IsoDate): { term: SchoolTerm; date: IsoDate } {
  let best: { term: SchoolTerm; date: IsoDate } | undefined;
  for (const term of TERM_ORDER) {
    const date = nextTermDate(term, from, 'end');
    if (!best || date < best.date) best = { term, date };
  }
  return best!;
}

/** The end of the term after the current one. */
export function followingTermEnd(from: IsoDate): { term: SchoolTerm; date: IsoDate } {
  const cur = currentTermEnd(from);
  const year = +cur.date.slice(0, 4);
  const next: SchoolTerm = cur.term === 'spring' ? 'summer' : cur.term === 'summer' ? 'autumn' : 'spring';
  return { term: next, date: termDate(next, next === 'spring' ? year + 1 : year) };
}

/** The next half-term break on or after `from`. */
export function nextHalfTerm(from: IsoDate): { term: SchoolTerm; date: IsoDate } {
  let best: { term: SchoolTerm; date: IsoDate } | undefined;
  for (const term of TERM_ORDER) {
    const date = nextTermDate(term, from, 'half-term');
    if (!best || date < best.date) best = { term, date };
  }
  return best!;
}
