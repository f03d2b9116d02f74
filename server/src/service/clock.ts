import type { IsoDate } from './types';

/** Today's date in the local time zone, as the default "today" for overdue checks. */
export function todayIso(now: Date = new Date()): IsoDate {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
