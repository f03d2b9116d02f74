/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), done on whole day numbers so that no time
 * zone or daylight-saving change can move a date. No `Date` objects on the hot path.
 */
import type { IsoDate } from '../types';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The ISO date for year, month (1–12), day, or undefined when there is no such day. */
export function makeIsoDate(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * A valid ISO date packed as year * 10000 + month * 100 + day, or -1. Reads the characters
 * directly (the same test as ISO_RE and the range checks below, without a match array).
 */
function packIsoDate(d: string): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 /* - */ || d.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    y = y * 10 + c;
  }
  const m1 = d.charCodeAt(5) - 48;
  const m2 = d.charCodeAt(6) - 48;
  const d1 = d.charCodeAt(8) - 48;
  const d2 = d.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  const mo = m1 * 10 + m2;
  const da = d1 * 10 + d2;
  if (y < 1 || mo < 1 || mo > 12 || da < 1 || da > daysInMonth(y, mo)) return -1;
  return y * 10000 + mo * 100 + da;
}

/** Year, month (1–12) and day of a valid ISO date, or undefined. */
export function splitIsoDate(d: string): [number, number, number] | undefined {
  if (typeof d !== 'string') {
    // Not reached from typed code; kept so that odd values behave as they always did.
    const m = ISO_RE.exec(d);
    if (!m) return undefined;
    const y = +m[1]!;
    const mo = +m[2]!;
    const da = +m[3]!;
    if (y < 1 || mo < 1 || mo > 12 || da < 1 || da > daysInMonth(y, mo)) return undefined;
    return [y, mo, da];
  }
  const p = packIsoDate(d);
  if (p < 0) return undefined;
  return [Math.floor(p / 10000), Math.floor(p / 100) % 100, p % 100];
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(d: unknown): d is IsoDate {
  return typeof d === 'string' && packIsoDate(d) >= 0;
}

/**
 * The years careplan reads dates in (the schemas say the same). A record's dates lie well inside;
 * outside, a date is a typo, and arithmetic on it could leave the years a date can be written in.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** True for a real calendar date written `YYYY-MM-DD` in the years FIRST_YEAR to LAST_YEAR. */
export function isCheckableDate(d: unknown): d is IsoDate {
  if (typeof d !== 'string') return false;
  const p = packIsoDate(d);
  return p >= FIRST_YEAR * 10000 && p < (LAST_YEAR + 1) * 10000;
}

function parts(d: IsoDate): [number, number, number] {
  const p = splitIsoDate(d);
  if (!p) throw new RangeError(`not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(d)}`);
  return p;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
/** Days since 1970-01-01 for year, month (1–12), day. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number (days since 1970-01-01); Howard Hinnant's civil_from_days. */
function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The ISO date of a day number (days since 1970-01-01). Throws RangeError outside years 1–9999, which have no such form. */
export function fromDayNumber(z: number): IsoDate {
  const { y, m, d } = civilFromDays(z);
  if (!(y >= 1 && y <= 9999)) throw new RangeError(`date out of range: day ${z}`);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Days since 1970-01-01 of an ISO date. Throws RangeError for a malformed date. */
export function toDayNumber(d: IsoDate): number {
  const p = typeof d === 'string' ? packIsoDate(d) : -1;
  if (p < 0) {
    const [y, m, da] = parts(d);
    return dayNumber(y, m, da);
  }
  return dayNumber(Math.floor(p / 10000), Math.floor(p / 100) % 100, p % 100);
}

/** The year of a day number (days since 1970-01-01), as fromDayNumber would write it. */
export function yearOfDayNumber(z: number): number {
  return civilFromDays(z).y;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(d));
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** `d` plus `n` calendar days (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + Math.trunc(n));
}

/** `d` plus `n` calendar months; a day past the end of the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, da] = parts(d);
  const total = y * 12 + (m - 1) + Math.trunc(n);
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const out = makeIsoDate(ny, nm, Math.min(da, daysInMonth(ny, nm)));
  if (!out) throw new RangeError(`date out of range: ${d} plus ${n} months`);
  return out;
}

/** Negative when a is before b, 0 when equal, positive when after. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The last day of the month of year/month (1–12). */
export function endOfMonth(year: number, month: number): IsoDate {
  return makeIsoDate(year, month, daysInMonth(year, month))!;
}

/** "9 May 2025". */
export function formatUkDate(d: IsoDate): string {
  const p = typeof d === 'string' ? packIsoDate(d) : -1;
  if (p < 0) {
    const [y, m, da] = parts(d);
    return `${da} ${MONTH_NAMES[m - 1]} ${y}`;
  }
  return `${p % 100} ${MONTH_NAMES[(Math.floor(p / 100) % 100) - 1]} ${Math.floor(p / 10000)}`;
}

/** "Friday 9 May 2025". */
export function formatUkDateWithDay(d: IsoDate): string {
  return `${WEEKDAY_NAMES[dayOfWeek(d)]} ${formatUkDate(d)}`;
}

/** English month name for 1–12. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** English weekday name for 0 (Sunday) – 6. */
export function weekdayName(day: number): string {
  return WEEKDAY_NAMES[day] ?? '';
}

/** Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeIsoDate(year, month, day)!;
}
