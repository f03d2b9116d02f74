/**
 * Writes server/src/service/data/bank-holidays.json: the England and Wales bank holidays of the
 * years records are written in, as `date-holidays` computes them (part of `npm run sync`; run it
 * after updating date-holidays — test/unit/dates/bankHolidayTable.test.ts fails until then).
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { bankHolidaysFromLibrary } from '../server/src/service/dates/holidays';

/** Records name dates from care that began decades ago to plans some years ahead. */
export const TABLE_FIRST_YEAR = 1980;
export const TABLE_LAST_YEAR = 2060;

export function bankHolidayTable(): { source: string; years: Record<string, string[]> } {
  const years: Record<string, string[]> = {};
  for (let y = TABLE_FIRST_YEAR; y <= TABLE_LAST_YEAR; y++) years[y] = bankHolidaysFromLibrary(y);
  return { source: 'date-holidays (GB, ENG; public and bank), written by scripts/bank-holidays.ts', years };
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'server', 'src', 'service', 'data', 'bank-holidays.json');
  const { source, years } = bankHolidayTable();
  // one year per line: a reviewable diff when the library's data changes
  const lines = Object.entries(years).map(([y, dates]) => `    "${y}": ${JSON.stringify(dates)}`);
  writeFileSync(file, `{\n  "source": ${JSON.stringify(source)},\n  "years": {\n${lines.join(',\n')}\n  }\n}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)} (${lines.length} years)`);
}
