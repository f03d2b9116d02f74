/**
 * Working days: Monday to Friday, less bank holidays in England and Wales.
 *
 * Bank holidays come from `date-holidays` (GB, England). The years records are written in are
 * read from a table made from the library (data/bank-holidays.json, written by
 * `npm run sync`; a test checks it still matches), so a check of a working-day timescale does
 * not load the library and its data for every country (90 ms, most of a warm `--cache` run's
 * check). Other years load it on first use; each year's set is computed once and cached.
 */
import type HolidaysClass from 'date-holidays';
import type { IsoDate } from '../types';
import table from '../data/bank-holidays.json';
import { FIRST_YEAR, LAST_YEAR, dayNumber, fromDayNumber, splitIsoDate, toDayNumber, weekdayOfDayNumber, yearOfDayNumber } from './calendar';

let holidays: HolidaysClass | undefined;
const EMPTY: ReadonlySet<number> = new Set();
const byYear = new Map<number, ReadonlySet<number>>();
const tabled: Readonly<Record<string, readonly IsoDate[] | undefined>> = table.years;

// Years the holiday data is asked about (the years careplan reads dates in); outside them only
// weekends count, which keeps a wild year typed in a document from building holiday tables for it.
const MIN_YEAR = FIRST_YEAR;
const MAX_YEAR = LAST_YEAR;

/** Upper bound on `n` for addWorkingDays: 1,000 years of working days. */
const MAX_WORKING_DAYS = 261_000;

function engine(): HolidaysClass {
  if (!holidays) {
    // Loaded lazily (see the file comment); `require` keeps the load off the start-up path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Holidays = require('date-holidays') as typeof HolidaysClass;
    holidays = new Holidays('GB', 'ENG', { types: ['public', 'bank'] });
  }
  return holidays;
}

/** Day numbers of the England and Wales bank holidays in a year (cached). */
function bankHolidayDays(year: number): ReadonlySet<number> {
  let set = byYear.get(year);
  if (set) return set;
  const days = new Set<number>();
  for (const date of tabled[year] ?? (year >= MIN_YEAR && year <= MAX_YEAR ? bankHolidaysFromLibrary(year) : [])) {
    const p = splitIsoDate(date);
    if (p) days.add(dayNumber(p[0], p[1], p[2]));
  }
  set = days;
  byYear.set(year, set);
  return set;
}

/** A year's England and Wales bank holidays as `date-holidays` computes them, in date order (what the table is made of). */
export function bankHolidaysFromLibrary(year: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (const h of engine().getHolidays(year)) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    // `date` is the local wall date "YYYY-MM-DD hh:mm:ss": no time-zone conversion needed.
    dates.push(h.date.slice(0, 10));
  }
  return [...new Set(dates)].sort();
}

/** England and Wales bank holidays of a year, in date order. */
export function bankHolidays(year: number): IsoDate[] {
  return [...bankHolidayDays(year)].sort((a, b) => a - b).map(fromDayNumber);
}

/** True for Monday–Friday that is not a bank holiday in England and Wales. */
export function isWorkingDay(d: IsoDate): boolean {
  const n = toDayNumber(d);
  const wd = weekdayOfDayNumber(n);
  return wd !== 0 && wd !== 6 && !bankHolidayDays(+d.slice(0, 4)).has(n);
}

/**
 * The date `n` working days after `from` (before it when n is negative), skipping weekends and
 * England and Wales bank holidays. `from` itself is never counted; n = 0 returns `from`.
 */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let left = Math.trunc(n);
  if (Math.abs(left) > MAX_WORKING_DAYS) throw new RangeError(`too many working days: ${n}`);
  let day = toDayNumber(from);
  const step = left < 0 ? -1 : 1;
  left = Math.abs(left);
  // The holiday set of the year being walked through, looked up again only when the year changes.
  let year = NaN;
  let yearFirst = 0;
  let yearLast = -1;
  let holidaySet: ReadonlySet<number> = EMPTY;
  while (left > 0) {
    day += step;
    const wd = weekdayOfDayNumber(day);
    if (wd === 0 || wd === 6) continue;
    if (day < yearFirst || day > yearLast) {
      year = yearOfDayNumber(day);
      yearFirst = dayNumber(year, 1, 1);
      yearLast = dayNumber(year, 12, 31);
      holidaySet = bankHolidayDays(year);
    }
    if (!holidaySet.has(day)) left--;
  }
  return fromDayNumber(day);
}
