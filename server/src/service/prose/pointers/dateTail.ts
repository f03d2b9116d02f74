/** The date written after a document's name ("the PEP dated 14/10/2025", "the RHA of March 2025"). */
import { monthFromWord, parseUkDate } from '../../dates/ukDate';

const DATE_TAIL_Y =
  /,?\s*(?:(?:dated|of|from|on|completed\s+on|agreed\s+on|written\s+on|held\s+on)\s+)?(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})/y;

export interface DateTail {
  /** Characters the tail takes after the document. */
  length: number;
  /** The date as YYYY-MM-DD, or YYYY-MM when only a month is written; undefined when no year is. */
  date?: string;
}

export function dateTailAt(lower: string, at: number): DateTail | undefined {
  DATE_TAIL_Y.lastIndex = at;
  const m = DATE_TAIL_Y.exec(lower);
  if (!m) return undefined;
  return { length: m[0].length, date: parseUkDate(m[1]) ?? monthOnly(m[1]) };
}

function monthOnly(written: string): string | undefined {
  const m = /^([a-z]+)\s+(\d{4})$/.exec(written);
  const month = m ? monthFromWord(m[1]) : undefined;
  return m && month ? `${m[2]}-${String(month).padStart(2, '0')}` : undefined;
}
