/**
 * School terms, school years, holidays and calendar periods: "by the end of the summer term",
 * "by half term", "end of next month", "by Friday", "today".
 */
import type { IsoDate } from '../types';
import { addDays, addMonths, dayOfWeek, easterSunday, endOfMonth, formatUkDate, makeIsoDate, monthName, weekdayName } from './calendar';
import { G_CAL_PERIOD, G_DIGIT4, G_HOLIDAY, G_NOW, G_SEASON, G_SEASON3, G_TERM, G_TERM_KIND, G_WEEKDAY, G_YEAR } from './gates';
import { type ScanContext, NO_RECORD_DATE, approximateAllowed, cueBefore, docLabel, eachFreeMatch, properNames, push } from './scanCore';
import {
  type SchoolTerm, SUMMER_HOLIDAYS_END, currentTermEnd, followingTermEnd, nextHalfTerm, nextTermDate, termCalendarYear,
  termDate,
} from './schoolTerms';

// School terms, school years, holidays

const TERM_NAMED_RE =
  /(?<![\w])(?:(end|start|beginning|close|middle|last\s+day|first\s+day)\s+of\s+(?:the\s+)?)?(autumn|spring|summer|christmas|xmas|easter|october|february|may|whitsun)\s+(half[\s-]?terms?|terms?|holidays?|hols|break|vacation)(?:\s+(?:of\s+)?(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?)?(?![\w])/gi;
const TERM_SEASON_YEAR_RE = /(?<![\w])(?:(end|start|beginning)\s+of\s+(?:the\s+)?)?(autumn|spring|summer)\s+(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?(?![\w])/gi;
const TERM_RELATIVE_RE =
  /(?<![\w])(?:(end|start|beginning|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|following|coming)\s+)?(?:school\s+)?(half[\s-]?term|term)(?![\w])/gi;
const TERM_RELATIVE_GUARD = /(?:short|medium|long|longer|shorter|near|full|autumn|spring|summer|christmas|easter|winter|may|october|february|whitsun|mid)[\s-]*$/i;
const SCHOOL_YEAR_RE =
  /(?<![\w])(?:(end|start|beginning|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|new|following|coming)\s+)?(school|academic|financial|calendar)\s+year(?:\s+(\d{4})(?:\s*[/-]\s*(\d{4}|\d{2}))?)?(?![\w])/gi;
const HOLIDAY_RE = /(?<![\w])(christmas|xmas|easter|new\s+year(?:['’]s(?:\s+day)?)?|halloween|bonfire\s+night)(?:\s+(\d{4}))?(?![\w])/gi;

function academicEnd(yearText: string | undefined, endText: string | undefined): number | undefined {
  if (!yearText || !endText) return undefined;
  const y = +yearText;
  const e = endText.length === 2 ? Math.floor(y / 100) * 100 + +endText : +endText;
  return e === y + 1 ? e : undefined;
}

const TERM_OF_HALF: Readonly<Record<string, SchoolTerm>> = { october: 'autumn', february: 'spring', may: 'summer', whitsun: 'summer', autumn: 'autumn', spring: 'spring', summer: 'summer' };

const TERM_NOTE = ' (term dates vary between schools)';

function termPush(ctx: ScanContext, start: number, end: number, date: IsoDate, label: string, windowDays: number, note = TERM_NOTE, hasYear = false): void {
  const { cue, at } = cueBefore(ctx.text, start);
  if (!approximateAllowed(ctx, cue, hasYear, at)) return;
  const s = cue === 'deadline' || cue === 'until' ? at : start;
  push(ctx, {
    start: s, end, kind: 'date', date, earliest: addDays(date, -windowDays),
    how: `${properNames(label)}, taken as ${formatUkDate(date)}${note}`, relative: false, cue, explicit: false, approximate: true,
  });
}

/** When a school holiday starts (`byStart`) or ends, in the school year that starts in `y`'s calendar. */
function holidayDate(season: string, y: number, byStart: boolean): IsoDate {
  if (season === 'summer') return byStart ? termDate('summer', y) : makeIsoDate(y, SUMMER_HOLIDAYS_END.month, SUMMER_HOLIDAYS_END.day)!;
  if (season === 'christmas' || season === 'xmas') return byStart ? termDate('autumn', y) : makeIsoDate(y + 1, 1, 4)!;
  if (season === 'easter') return byStart ? addDays(easterSunday(y), -9) : addDays(easterSunday(y), 8);
  const halfTerm = termDate(TERM_OF_HALF[season]!, y, 'half-term');
  return byStart ? halfTerm : addDays(halfTerm, 9);
}

export function scanTerms(ctx: ScanContext): void {
  const t = ctx.text;
  eachFreeMatch(ctx, TERM_NAMED_RE, ctx.mask & G_TERM_KIND && ctx.mask & G_SEASON, (m, start, end) => {
    const part = (m[1] ?? '').toLowerCase();
    const season = m[2]!.toLowerCase();
    const what = m[3]!.toLowerCase();
    const year = m[4] ? +m[4] : undefined;
    const acEnd = academicEnd(m[4], m[5]);
    const isStart = part === 'start' || part === 'beginning' || part === 'first day';
    const { cue } = cueBefore(t, start);
    if (!year && !ctx.doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (no year given)`, relative: false, cue, explicit: false });
      return;
    }
    const from = ctx.doc ?? `${year}-01-01`;
    let date: IsoDate;
    let label = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (what.startsWith('half')) {
      const term = TERM_OF_HALF[season];
      if (!term) return;
      date = year ? termDate(term, termCalendarYear(term, year, acEnd), 'half-term') : nextTermDate(term, from, 'half-term');
      label = `the ${season} half term`;
    } else if (what.startsWith('term')) {
      const term = TERM_OF_HALF[season] as SchoolTerm | undefined;
      if (!term || !['autumn', 'spring', 'summer'].includes(season)) return;
      const which = isStart ? 'start' : part === 'middle' ? 'half-term' : 'end';
      date = year ? termDate(term, termCalendarYear(term, year, acEnd), which) : nextTermDate(term, from, which);
      label = `the ${isStart ? 'start' : part === 'middle' ? 'middle' : 'end'} of the ${season} term${year ? ` ${m[4]}${m[5] ? `/${m[5]}` : ''}` : ''}`;
    } else {
      // Holidays: "by the summer holidays" means before they start; "over / by the end of" means before they finish.
      const byStart = (cue === 'deadline' && part !== 'end' && part !== 'last day') || isStart;
      const y0 = year ?? +from.slice(0, 4);
      if (season !== 'summer' && season !== 'christmas' && season !== 'xmas' && season !== 'easter' && !TERM_OF_HALF[season]) return;
      date = holidayDate(season, y0, byStart);
      if (!year && date < from) date = holidayDate(season, y0 + 1, byStart);
      label = `${byStart ? 'the start' : 'the end'} of the ${season} holidays`;
    }
    termPush(ctx, start, end, date, label, 21, TERM_NOTE, year !== undefined);
  });
  eachFreeMatch(ctx, TERM_SEASON_YEAR_RE, ctx.mask & G_SEASON3 && ctx.mask & G_DIGIT4, (m, start, end) => {
    const term = m[2]!.toLowerCase() as SchoolTerm;
    const isStart = !!m[1] && m[1].toLowerCase() !== 'end';
    const date = termDate(term, termCalendarYear(term, +m[3]!, academicEnd(m[3], m[4])), isStart ? 'start' : 'end');
    termPush(ctx, start, end, date, `${isStart ? 'the start' : 'the end'} of the ${term} term ${m[3]}`, 21, TERM_NOTE, true);
  });
  eachFreeMatch(ctx, TERM_RELATIVE_RE, ctx.mask & G_TERM, (m, start, end) => {
    if (TERM_RELATIVE_GUARD.test(t.slice(Math.max(0, start - 12), start + (m[0].search(/(?:half[\s-]?)?term/i))))) return;
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const half = /^half/i.test(m[3]!);
    const { cue } = cueBefore(t, start);
    if (!part && !which && !half && cue !== 'deadline' && cue !== 'until') return;
    if (!ctx.doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (${NO_RECORD_DATE})`, relative: true, cue, explicit: false });
      return;
    }
    let r: { term: SchoolTerm; date: IsoDate };
    if (half) r = nextHalfTerm(which === 'next' || which === 'following' ? addDays(nextHalfTerm(ctx.doc).date, 1) : ctx.doc);
    else r = which === 'next' || which === 'following' ? followingTermEnd(ctx.doc) : currentTermEnd(ctx.doc);
    const date = part === 'start' || part === 'beginning' ? nextTermDate(r.term, ctx.doc, 'start') : r.date;
    termPush(ctx, start, end, date, half ? `the ${r.term} half term` : `the end of the ${r.term} term`, 21);
  });
  eachFreeMatch(ctx, SCHOOL_YEAR_RE, ctx.mask & G_YEAR, (m, start, end) => {
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const kind = m[3]!.toLowerCase();
    const { cue } = cueBefore(t, start);
    if (!part && !which && !m[4] && cue !== 'deadline' && cue !== 'until') return;
    if (!ctx.doc && !m[4]) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (${NO_RECORD_DATE})`, relative: true, cue, explicit: false });
      return;
    }
    const from = ctx.doc ?? `${m[4]}-01-01`;
    const isStart = part === 'start' || part === 'beginning' || which === 'new';
    const next = which === 'next' || which === 'following' || which === 'coming';
    let date: IsoDate;
    let label: string;
    if (kind === 'financial') {
      const y = m[4] ? (m[5] ? +m[4] + 1 : +m[4]) : +from.slice(0, 4) + (from.slice(5) > '03-31' ? 1 : 0) + (next ? 1 : 0);
      date = isStart ? makeIsoDate(y - 1, 4, 1)! : makeIsoDate(y, 3, 31)!;
      label = `the ${isStart ? 'start' : 'end'} of the financial year`;
    } else if (kind === 'calendar') {
      const y = m[4] ? +m[4] : +from.slice(0, 4) + (next ? 1 : 0);
      date = isStart ? makeIsoDate(y, 1, 1)! : makeIsoDate(y, 12, 31)!;
      label = `the ${isStart ? 'start' : 'end'} of ${y}`;
    } else {
      // School year: September to July.
      let endYear = m[4] ? (m[5] ? +m[4] + 1 : +m[4]) : +from.slice(0, 4) + (from.slice(5) > '07-22' ? 1 : 0);
      if (next && !m[4]) endYear += 1;
      date = isStart ? nextTermDate('autumn', from, 'start') : termDate('summer', endYear);
      if (isStart && m[4]) date = termDate('autumn', m[5] ? +m[4] : +m[4] - 1, 'start');
      label = isStart ? 'the start of the new school year' : 'the end of the school year';
    }
    termPush(ctx, start, end, date, label, kind === 'calendar' || kind === 'financial' ? 30 : 21, kind === 'school' || kind === 'academic' ? TERM_NOTE : '', m[4] !== undefined);
  });
  eachFreeMatch(ctx, HOLIDAY_RE, ctx.mask & G_HOLIDAY, (m, start, end) => {
    const { cue } = cueBefore(t, start);
    if (cue === 'none' || cue === 'past' || cue === 'start') return;
    if (!ctx.doc && !m[2]) return;
    const name = m[1]!.toLowerCase();
    const pick = (y: number): IsoDate =>
      name.startsWith('christmas') || name === 'xmas' ? makeIsoDate(y, 12, 25)!
        : name === 'easter' ? easterSunday(y)
          : name === 'halloween' ? makeIsoDate(y, 10, 31)!
            : name.startsWith('bonfire') ? makeIsoDate(y, 11, 5)!
              : /day$/.test(name) ? makeIsoDate(y + 1, 1, 1)! : makeIsoDate(y, 12, 31)!;
    let date = pick(m[2] ? +m[2] : +ctx.doc!.slice(0, 4));
    if (!m[2] && date < ctx.doc!) date = pick(+ctx.doc!.slice(0, 4) + 1);
    termPush(ctx, start, end, date, name.replace(/\s+/g, ' ').replace(/^xmas$/, 'christmas'), 7, '', m[2] !== undefined);
  });
}

// ---------------------------------------------------------------------------------------------
// Calendar periods: "by the end of the month", "next week", "end of next month", "by Friday"

const CAL_PERIOD_RE =
  /(?<![\w])(?:(end|start|beginning|middle|close)\s+of\s+)?(?:the\s+)?(?:(this|next|current|following|coming)\s+)?(week|fortnight|month|year)(?!['’]s)(?![\w])/gi;
const WEEKDAY_RE =
  /(?<![\w])(by|before|on|until|till|this|next|this\s+coming|coming|by\s+next|by\s+this|no\s+later\s+than)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\w])(?!\s*,?\s*(?:the\s+)?\d)(?!\s+(?:afternoons?|mornings?|evenings?|nights?))/gi;
const NOW_RE =
  /(?<![\w])(?:(by|before|until)\s+(?:the\s+end\s+of\s+)?)?((?:(?:the\s+)?(?:end|close)\s+of\s+)?(?:this|today['’]s|the\s+current)\s+(?:(?:iro\s+|lac\s+|cla\s+|looked[\s-]after\s+)?review(?:\s+meeting)?|meeting|supervision(?:\s+session)?|session|conference)(?!\s+(?:period|cycle|of\b))|today(?!['’]s)|tonight|tomorrow|immediately|immediate(?:\s+effect)?|with\s+immediate\s+effect|at\s+once|straight\s+away|right\s+away|same\s+day|end\s+of\s+(?:the\s+)?day|close\s+of\s+(?:play|business)|cop|cob|eod)(?![\w])/gi;
const PAST_TODAY_RE = /(?:\w+ed|\bsaid|\btold|\bmet|\bheld|\bseen|\bgiven|\bas|\bwas|\bwere|\bis|\bare|\bfrom|\bsince|\bof|\bat)\s+(?:(?:at|in)\s+)?(?:the\s+)?(?:\w+\s+)?$/i;
const YEAR_RE = /(?<![\w])(by|before|until|in|during|end\s+of|by\s+the\s+end\s+of|the\s+end\s+of)\s+(\d{4})(?![\w])(?!\s*[-–/]\s*\d)/gi;

const WEEKDAY_INDEX: Readonly<Record<string, number>> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

export function scanCalendarPeriods(ctx: ScanContext): void {
  const t = ctx.text;
  const doc = ctx.doc;
  eachFreeMatch(ctx, CAL_PERIOD_RE, ctx.mask & G_CAL_PERIOD, (m, start, end) => {
    const part = (m[1] ?? '').toLowerCase();
    const which = (m[2] ?? '').toLowerCase();
    const unit = m[3]!.toLowerCase();
    if (!part && !which) return;
    const { cue, at } = cueBefore(t, start);
    if (cue === 'past') return;
    const withinNext = /(?:within|in|over|during|for)\s+(?:the\s+)?$/i.test(t.slice(Math.max(0, start - 16), start));
    if (!ctx.field && !withinNext && cue !== 'deadline' && cue !== 'until' && !(which && which !== 'current') && !(part && cue === 'on')) return;
    if (/(?:last|past|previous)\s+$/i.test(t.slice(Math.max(0, start - 10), start))) return;
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (${NO_RECORD_DATE})`, relative: true, cue, explicit: false });
      return;
    }
    const within = /(?:within|in|over|during|for)\s+(?:the\s+)?$/i.test(t.slice(Math.max(0, start - 16), start)) && (which === 'next' || which === 'coming' || which === 'following') && !part;
    let date: IsoDate;
    let how: string;
    const afterNext = /^\s+after\s+next\b/i.test(t.slice(end, end + 12));
    const nxt = (which === 'next' || which === 'following' || which === 'coming' ? 1 : 0) + (afterNext ? 2 : 0);
    if (within) {
      date = unit === 'week' ? addDays(doc, 7) : unit === 'fortnight' ? addDays(doc, 14) : unit === 'month' ? addMonths(doc, 1) : addMonths(doc, 12);
      how = `one ${unit} after ${docLabel(ctx.anchors, doc)}`;
    } else if (unit === 'week' || unit === 'fortnight') {
      const wd = dayOfWeek(doc);
      const friday = addDays(doc, ((5 - wd + 7) % 7) + 7 * nxt + (unit === 'fortnight' ? 7 : 0));
      date = part === 'start' || part === 'beginning' ? addDays(friday, -4) : friday;
      how = `${part === 'start' || part === 'beginning' ? 'the Monday' : 'the Friday'} of ${nxt ? 'next' : 'this'} ${unit}`;
    } else if (unit === 'month') {
      const base = addMonths(`${doc.slice(0, 7)}-01`, nxt);
      const y = +base.slice(0, 4);
      const mo = +base.slice(5, 7);
      date = part === 'start' || part === 'beginning' ? base : part === 'middle' ? makeIsoDate(y, mo, 15)! : endOfMonth(y, mo);
      how = `${part === 'start' || part === 'beginning' ? 'the start' : part === 'middle' ? 'the middle' : 'the end'} of ${monthName(mo)} ${y}`;
    } else {
      const y = +doc.slice(0, 4) + nxt;
      date = part === 'start' || part === 'beginning' ? makeIsoDate(y, 1, 1)! : endOfMonth(y, 12);
      how = `${part === 'start' || part === 'beginning' ? 'the start' : 'the end'} of ${y}`;
    }
    const s = cue === 'deadline' || cue === 'until' ? at : start;
    push(ctx, { start: s, end, kind: 'date', date, earliest: within ? doc : addDays(date, unit === 'year' ? -30 : unit === 'month' ? -7 : -4), how, relative: true, cue: cue === 'none' ? 'deadline' : cue, explicit: false, approximate: true });
  });
  eachFreeMatch(ctx, WEEKDAY_RE, ctx.mask & G_WEEKDAY, (m, start, end) => {
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (${NO_RECORD_DATE})`, relative: true, cue: 'deadline', explicit: false });
      return;
    }
    const want = WEEKDAY_INDEX[m[2]!.toLowerCase()]!;
    const wd = dayOfWeek(doc);
    let ahead = (want - wd + 7) % 7;
    if (ahead === 0) ahead = 7;
    // "a week on Friday", "Friday week": the one after.
    if (/\ba\s+week\s+$/i.test(t.slice(Math.max(0, start - 8), start)) || /^\s+week\b/i.test(t.slice(end, end + 6))) ahead += 7;
    const date = addDays(doc, ahead);
    push(ctx, { start, end, kind: 'date', date, earliest: date, how: `${weekdayName(want)} ${formatUkDate(date)}, the first ${weekdayName(want)} after ${docLabel(ctx.anchors, doc)}`, relative: true, cue: 'deadline', explicit: false });
  });
  eachFreeMatch(ctx, NOW_RE, ctx.mask & G_NOW, (m, start, end) => {
    const word = m[2]!.toLowerCase();
    const tomorrow = word === 'tomorrow';
    // In an action's wording "today" is a deadline unless it dates something said or done ("as agreed today").
    if (!ctx.field && !m[1] && !tomorrow && (word !== 'today' || PAST_TODAY_RE.test(t.slice(Math.max(0, start - 24), start)))) return;
    if (!doc) {
      push(ctx, { start, end, kind: 'anchored', how: `${m[0]} (${NO_RECORD_DATE})`, relative: true, cue: 'deadline', explicit: false });
      return;
    }
    const date = tomorrow ? addDays(doc, 1) : doc;
    push(ctx, { start, end, kind: 'date', date, earliest: date, how: `${tomorrow ? 'the day after' : 'the day of'} ${docLabel(ctx.anchors, doc)}`, relative: true, cue: 'deadline', explicit: false });
  });
  eachFreeMatch(ctx, YEAR_RE, ctx.mask & G_DIGIT4, (m, start, end) => {
    const y = +m[2]!;
    if (y < 1990 || y > 2100) return;
    const cueWord = m[1]!.toLowerCase();
    const date = endOfMonth(y, 12);
    if ((cueWord === 'in' || cueWord === 'during') && doc && date < doc) return;
    push(ctx, { start, end, kind: 'date', date, earliest: cueWord === 'in' || cueWord === 'during' ? `${y}-01-01` : addDays(date, -30), how: `the end of ${y}`, relative: false, cue: 'deadline', explicit: false, approximate: true });
  });
}
