/**
 * The scanner's pre-filters (server/src/service/dates/gates.ts) only skip matchers that cannot
 * match: every text must read the same with the gates on and off.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assessActionTimescale, findDeadlineInText, resolveTimescale } from '../../../server/src/service/dates';
import { gateMask, recurrencePossible, setGatesEnabled } from '../../../server/src/service/dates/gates';
import { RECURRENCE_RE } from '../../../server/src/service/dates/phrases';
import { generateReview } from '../../support/generate';

const ANCHORS = [
  { documentDate: '2025-04-24', nextReviewDue: '2025-10-23', reviewNumber: 2, lookedAfterSince: '2025-01-06' },
  { documentDate: '2025-12-30', reviewNumber: 0, lookedAfterSince: '2025-12-01' },
  {},
];

/** Phrases that only one matcher reads, in several spellings and cases. */
const PHRASES = [
  'by 14 March 2025', 'by March 14th, 2025', 'w/c 5 May 2025', 'by 30/06/2025', 'by 30.06.25', 'by 2025-06-30', 'by the 19th',
  'until the 3rd', 'by 3/5', 'by the end of May', 'mid-July 2025', 'in June', 'by the end of the summer term 2025',
  'before the autumn half term', 'by the end of term', 'by next half-term', 'summer 2025', 'by the end of the school year',
  'end of the financial year 2025/26', 'by Christmas', 'before Easter 2026', "by New Year's Day", 'by Bonfire Night',
  'by the next review', 'before the second review', 'by the next LAC', 'within this review period', 'by the end of next month',
  'next week', 'by Friday', 'a week on Friday', 'by tomorrow', 'today', 'close of business', 'COB', 'EOD', 'by 2026',
  "by J's 16th birthday", 'before the final hearing', 'at the next core group', 'before the IRH', 'before the start of the new school year',
  'before J moves to secondary school', 'by the planned move', 'at the next PEP meeting', 'before the next panel', 'by week 26',
  'within statutory timescales', 'in line with statutory visits', 'within 10 working days of this review', 'within 2/52',
  'within 6/12', 'in 2 weeks\' time', 'within 3 mths', 'within 48 hrs', 'weekly', 'FORTNIGHTLY', 'six-monthly', 'half-termly',
  'every 6 weeks', 'twice a month', '3x a week', '3 nights a week', 'on Saturdays', 'alternate weekends', 'at least once a month',
  'ongoing', 'ASAP', 'TBC', 'after the assessment', 'a few weeks', 'annually', 'quarterly', 'yearly', 'Daily', 'per term',
  'with immediate effect', 'straight away', 'same day', 'by the end of the day', 'in the new year', 'over the summer holidays',
  'at this review', "today's meeting", 'by the end of this meeting', 'the current review', 'before the CP conference',
  'by the MDT meeting', 'by the child protection review', 'end Sept', 'by end Nov', 'start of Oct 2025', 'ongoing - monthly',
  'continue weekly until the next review', 'every 2 years', 'to be agreed at the next core group', 'for 6 months',
];

function corpus(): string[] {
  const out = new Set<string>(PHRASES);
  const add = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  for (const dir of ['domain', 'real/dev']) {
    for (const f of ['actions.yaml', 'expectations.yaml', 'minutes.yaml']) {
      const file = join(__dirname, '../../quality', dir, f);
      if (existsSync(file)) add(parse(readFileSync(file, 'utf8')));
    }
  }
  for (let seed = 0; seed < 3; seed++) add(parse(generateReview(300, seed)));
  for (const p of PHRASES) {
    out.add(p.toUpperCase());
    out.add(`Social worker to complete the referral ${p}`);
    out.add(`The PEP dated 14/01/2025 said to finish ${p}, as agreed`);
  }
  return [...out];
}

describe('dates: scanner gates', () => {
  const texts = corpus();

  function readAll(): string[] {
    const out: string[] = [];
    for (const a of ANCHORS) {
      for (const t of texts) {
        out.push(JSON.stringify(resolveTimescale(t, a)), JSON.stringify(findDeadlineInText(t, a) ?? null));
      }
      for (let i = 0; i < texts.length; i++) {
        const item = { action: texts[i], timescale: texts[(i * 7 + 3) % texts.length] };
        out.push(JSON.stringify(assessActionTimescale(item, a)));
      }
    }
    return out;
  }

  it('reads every text the same with the gates on and off', function () {
    this.timeout(20000);
    assert.ok(texts.length > 500, `${texts.length} texts`);
    const on = readAll();
    setGatesEnabled(false);
    let off: string[];
    try {
      off = readAll();
    } finally {
      setGatesEnabled(true);
    }
    for (let i = 0; i < on.length; i++) assert.equal(on[i], off[i]);
  });

  it('lets RECURRENCE_RE run wherever it matches', () => {
    for (const t of texts) {
      if (RECURRENCE_RE.test(t)) assert.ok(recurrencePossible(t, gateMask(t)), t);
    }
  });
});
