/**
 * The bank holiday table (server/src/service/data/bank-holidays.json) is what date-holidays says,
 * and using it keeps the library unloaded: a working-day timescale in a record written this
 * decade costs no library load.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import table from '../../../server/src/service/data/bank-holidays.json';
import { addWorkingDays, bankHolidays } from '../../../server/src/service/dates';
import { bankHolidaysFromLibrary } from '../../../server/src/service/dates/holidays';
import { TABLE_FIRST_YEAR, TABLE_LAST_YEAR, bankHolidayTable } from '../../../scripts/bank-holidays';

describe('bank holidays: the table made from date-holidays', () => {
  it('holds every year it covers exactly as the library computes it (else run `npm run sync`)', () => {
    assert.deepEqual(table, bankHolidayTable());
    assert.equal(Object.keys(table.years).length, TABLE_LAST_YEAR - TABLE_FIRST_YEAR + 1);
  });

  it('a year beyond the table is still asked of the library', () => {
    const year = TABLE_LAST_YEAR + 40;
    assert.deepEqual(bankHolidays(year), bankHolidaysFromLibrary(year));
    assert.ok(bankHolidays(year).includes(`${year}-12-25`) || bankHolidays(year).includes(`${year}-12-27`), 'Christmas or its substitute day');
  });

  it('counting working days in a year of the table does not load the library', () => {
    const script = `
      const { addWorkingDays } = require(${JSON.stringify(path.join(__dirname, '../../../server/src/service/dates'))});
      const date = addWorkingDays('2025-04-17', 10);
      const loaded = Object.keys(require.cache).some((f) => f.includes('date-holidays'));
      process.stdout.write(JSON.stringify({ date, loaded }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' }));
    assert.deepEqual(out, { date: addWorkingDays('2025-04-17', 10), loaded: false });
    assert.equal(out.date, '2025-05-06', 'over Good Friday, Easter Monday and the early May bank holiday');
  });
});
