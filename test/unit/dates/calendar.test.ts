import assert from 'node:assert/strict';
import {
  addDays, addMonths, addWorkingDays, bankHolidays, compareDates, daysBetween, formatUkDate, isIsoDate, isWorkingDay,
  parseUkDate, statutoryNextReview,
} from '../../../server/src/service/dates';

describe('dates: calendar arithmetic', () => {
  const addMonthRows: [string, number, string][] = [
    ['2025-01-31', 1, '2025-02-28'], // clamp to month end
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-08-31', 1, '2025-09-30'],
    ['2025-04-24', 3, '2025-07-24'],
    ['2025-04-24', 6, '2025-10-24'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-04-24', 12, '2026-04-24'],
    ['2025-01-15', -13, '2023-12-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ];
  for (const [from, n, want] of addMonthRows) {
    it(`addMonths(${from}, ${n}) = ${want}`, () => assert.equal(addMonths(from, n), want));
  }

  const addDayRows: [string, number, string][] = [
    ['2025-04-24', 14, '2025-05-08'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2025-04-24', 0, '2025-04-24'],
  ];
  for (const [from, n, want] of addDayRows) {
    it(`addDays(${from}, ${n}) = ${want}`, () => assert.equal(addDays(from, n), want));
  }

  it('compares, counts and formats dates', () => {
    assert.ok(compareDates('2025-04-24', '2025-05-01') < 0);
    assert.ok(compareDates('2025-05-01', '2025-04-24') > 0);
    assert.equal(compareDates('2025-04-24', '2025-04-24'), 0);
    assert.equal(daysBetween('2025-04-24', '2025-05-08'), 14);
    assert.equal(formatUkDate('2025-05-09'), '9 May 2025');
    assert.equal(formatUkDate('2026-12-01'), '1 December 2026');
  });

  it('knows a real ISO date from a look-alike', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2025-02-29', '2025-13-01', '2025-4-1', '25-04-24', '', 'ongoing', null, 20250424]) assert.ok(!isIsoDate(bad), String(bad));
  });

  it('throws a RangeError for a malformed date instead of returning nonsense', () => {
    assert.throws(() => addDays('31/03/2025', 1), RangeError);
    assert.throws(() => addMonths('2025-02-30', 1), RangeError);
  });
});

describe('dates: working days (England and Wales)', () => {
  const holidays2025 = ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'];
  it('lists the 2025 bank holidays', () => assert.deepEqual(bankHolidays(2025), holidays2025));

  const dayRows: [string, boolean, string][] = [
    ['2025-04-18', false, 'Good Friday'],
    ['2025-04-21', false, 'Easter Monday'],
    ['2025-05-05', false, 'early May bank holiday'],
    ['2025-08-25', false, 'summer bank holiday (England, not Scotland)'],
    ['2026-12-28', false, 'Boxing Day substitute (26 Dec 2026 is a Saturday)'],
    ['2027-12-27', false, 'Christmas substitute (25 Dec 2027 is a Saturday)'],
    ['2025-04-26', false, 'Saturday'],
    ['2025-04-27', false, 'Sunday'],
    ['2025-04-22', true, 'Tuesday after Easter'],
    ['2025-03-30', false, "Mother's Day is a Sunday anyway"],
    ['2025-06-16', true, "Monday after Father's Day (an observance, not a holiday)"],
    ['2025-03-17', true, "St Patrick's Day is not a holiday in England"],
  ];
  for (const [d, want, why] of dayRows) {
    it(`isWorkingDay(${d}) = ${want}: ${why}`, () => assert.equal(isWorkingDay(d), want));
  }

  const addRows: [string, number, string, string][] = [
    ['2025-04-17', 10, '2025-05-06', 'crosses Good Friday, Easter Monday and the early May bank holiday'],
    ['2025-04-24', 10, '2025-05-09', 'crosses the early May bank holiday'],
    ['2025-04-24', 5, '2025-05-01', 'plain week'],
    ['2025-12-24', 3, '2025-12-31', 'Christmas and Boxing Day skipped'],
    ['2026-12-24', 1, '2026-12-29', 'substitute Boxing Day skipped'],
    ['2025-01-06', 20, '2025-02-03', 'first review deadline'],
    ['2025-04-26', 1, '2025-04-28', 'from a Saturday'],
    ['2025-05-06', -1, '2025-05-02', 'backwards over a bank holiday weekend'],
    ['2025-04-24', 0, '2025-04-24', 'zero'],
  ];
  for (const [from, n, want, why] of addRows) {
    it(`addWorkingDays(${from}, ${n}) = ${want}: ${why}`, () => assert.equal(addWorkingDays(from, n), want));
  }
});

describe('dates: parseUkDate', () => {
  const rows: [string, string | undefined][] = [
    ['2025-03-31', '2025-03-31'],
    ['31/03/2025', '2025-03-31'],
    ['3/4/2025', '2025-04-03'], // day first
    ['28.02.25', '2025-02-28'],
    ['28-02-2025', '2025-02-28'],
    ['01/01/99', '1999-01-01'], // two-digit years: 70–99 → 1900s
    ['01/01/69', '2069-01-01'],
    ['12 May 2025', '2025-05-12'],
    ['5th May 2025', '2025-05-05'],
    ['1st of June 2025', '2025-06-01'],
    ['Monday 12 May 2025', '2025-05-12'],
    ['Fri, 9 May 2025', '2025-05-09'],
    ['May 12th, 2025', '2025-05-12'],
    ['12 Sept 2025', '2025-09-12'],
    ['12-May-25', '2025-05-12'],
    ["12 May '25", '2025-05-12'],
    ['w/c 5 May 2025', '2025-05-05'],
    ['w/c 7 May 2025', '2025-05-05'], // → the Monday of that week
    ['week commencing 11/05/2025', '2025-05-05'], // Sunday belongs to the week that began on the Monday before
    ['WC 05.05.25', '2025-05-05'],
    ['  31/03/2025. ', '2025-03-31'],
    ['31/02/2025', undefined],
    ['03/31/2025', undefined], // month first is not a UK date
    ['12 May', undefined], // no year: not a whole date on its own
    ['by 12 May 2025', undefined],
    ['2019-2023', undefined],
    ['07700 900123', undefined],
    ['', undefined],
    ['ongoing', undefined],
  ];
  for (const [input, want] of rows) {
    it(`${JSON.stringify(input)} → ${want ?? 'not a date'}`, () => assert.equal(parseUkDate(input), want));
  }
});

describe('dates: statutory review schedule', () => {
  it('first review within 20 working days of becoming looked after', () => {
    const r = statutoryNextReview({ lookedAfterSince: '2025-01-06', documentDate: '2025-01-10' });
    assert.equal(r?.date, '2025-02-03');
    assert.match(r!.how, /20 working days/);
  });
  it('second review within 3 months of the first', () => {
    assert.equal(statutoryNextReview({ documentDate: '2025-02-03', reviewNumber: 1 })?.date, '2025-05-03');
  });
  it('later reviews within 6 months', () => {
    assert.equal(statutoryNextReview({ documentDate: '2025-04-24', reviewNumber: 2 })?.date, '2025-10-24');
    assert.equal(statutoryNextReview({ documentDate: '2025-08-31', reviewNumber: 5 })?.date, '2026-02-28');
  });
  it('honours configured intervals', () => {
    const options = { reviewIntervals: { firstWorkingDays: 15, secondMonths: 2, laterMonths: 4 } };
    assert.equal(statutoryNextReview({ documentDate: '2025-02-03', reviewNumber: 1 }, options)?.date, '2025-04-03');
    assert.equal(statutoryNextReview({ lookedAfterSince: '2025-01-06' }, options)?.date, '2025-01-27');
  });
  it('gives up when the record does not say enough', () => {
    assert.equal(statutoryNextReview({}), undefined);
    assert.equal(statutoryNextReview({ reviewNumber: 2 }), undefined);
    // No review number, written long after the first review was due: which review is next is unknown.
    assert.equal(statutoryNextReview({ lookedAfterSince: '2024-01-08', documentDate: '2025-04-24' }), undefined);
  });
});
