/**
 * Recurrences: what "every 6 weeks", "weekly until the next review" or "at each PEP" mean in a
 * timescale field, and an interval written into an action's wording ("visited at least every two
 * weeks", "measured weekly").
 */
import { formatUkDate } from './calendar';
import { example, quote, teamRegex, vague } from './explain';
import { FREQ_WORD, NUM_WORD, RECURRENCE_RE, VAGUE_RE, type VagueClass, vagueClassOf } from './phrases';
import type { Candidate } from './scanCore';
import type { TimescaleAnchors, TimescaleOptions, TimescaleResult } from './types';

/** The longest gap between occurrences that a bare interval may have and still count as clear. */
const MAX_BARE_INTERVAL_MONTHS = 12;

const VAGUE_ALL_RE = new RegExp(VAGUE_RE.source, 'gi');

/**
 * A vague word beside an unbounded recurrence ("ongoing - monthly", "continue weekly", "weekly as
 * needed"), from the built-in list or the team's, looked for in `t` from `from` to `to`. Words that
 * only repeat the idea of a frequency ("regular weekly visits") do not count; nor do words inside
 * the recurrence itself.
 */
function vagueBeside(t: string, rec: { index: number; end: number }, options: TimescaleOptions | undefined, from = 0, to = t.length): [string, VagueClass | 'team'] | undefined {
  const near = t.slice(from, to);
  // Nothing but the recurrence (and punctuation): no other word to be vague.
  if (!/[a-z]{2}/i.test(t.slice(from, rec.index)) && !/[a-z]{2}/i.test(t.slice(rec.end, to))) return undefined;
  const team = teamRegex(options?.extraVaguePhrases)?.exec(near);
  if (team) return [team[0], 'team'];
  VAGUE_ALL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAGUE_ALL_RE.exec(near))) {
    const at = from + m.index;
    if (at < rec.end && rec.index < at + m[0].length) continue;
    const cls = vagueClassOf(m[0]);
    if (cls !== 'frequency') return [m[0], cls];
  }
  return undefined;
}

const INTERVAL_RE =
  /(?:every|each|per|once\s+(?:a|an|per|every|each)|at\s+least\s+(?:once\s+)?(?:a|an|per|every|each))\s+(other\s+|alternate\s+|second\s+)?(?:(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s*(?:-|–|to|or)\s*(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twelve))?\s+)?(weeks?|months?|years?)\b|\b(alternate|every\s+other)\s+(years?)\b|\b(bi-?annually|biennially)\b/i;
const SMALL_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };

/** The gap between occurrences of a recurrence, in months (0 when it is a month or less or not a fixed gap). */
function intervalMonths(rec: string): number {
  // Weeks alone never pass a year in practice; only years, months and "annually" can.
  if (!/year|annu|bienn|month/i.test(rec)) return 0;
  const m = INTERVAL_RE.exec(rec);
  if (!m) return /\b(?:annually|yearly)\b/i.test(rec) ? 12 : 0;
  if (m[7]) return /^bienn/i.test(m[7]) ? 24 : 6; // "bi-annually" is twice a year in UK usage
  if (m[5]) return 24;
  const n0 = m[3] ?? m[2];
  const n = (n0 === undefined ? 1 : /^\d/.test(n0) ? +n0 : SMALL_NUMBERS[n0.toLowerCase()] ?? 1) * (m[1] ? 2 : 1);
  const unit = m[4]!.toLowerCase();
  return unit.startsWith('y') ? 12 * n : unit.startsWith('m') ? n : (7 * n) / 30.44;
}

// ---------------------------------------------------------------------------------------------
// Recurrences pinned to a meeting series: "at each PEP", "after every core group"

/**
 * A recurrence that repeats with a series of meetings rather than with the calendar. Its dates are
 * the meetings' dates, which a record does not hold (DOMAIN.md: "at each PEP", "after each core
 * group" are vague unless that meeting has a date on file). Reviews (the statutory schedule) and
 * visits (the statutory visiting interval) have known dates; so do supervisions when the next one
 * is on file. Contacts, sessions and appointments are the occasions themselves, set by the plan.
 */
const MEETING_SERIES_SRC = '(?:each|every)\\s+(?:other\\s+|alternate\\s+)?(core\\s+groups?|pep\\s+meetings?|peps?|meetings?|supervisions?)';
const MEETING_SERIES_RE = new RegExp(`^(?:at\\s+)?${MEETING_SERIES_SRC}$`, 'i');
/** The same in an action's wording: "update the plan after each core group meeting". */
const MEETING_SERIES_IN_TEXT_RE = new RegExp(`(?<![\\w])(?:(?:at|after|following|before|prior\\s+to|ahead\\s+of)\\s+)?${MEETING_SERIES_SRC}(?![\\w])`, 'i');

/** Why a recurrence pinned to meetings is vague; undefined when the meetings have known dates. */
function undatedSeries(rec: string, anchors: TimescaleAnchors, shown = rec): string | undefined {
  const m = MEETING_SERIES_RE.exec(rec.trim());
  if (!m) return undefined;
  if (/^supervision/i.test(m[1]!) && anchors.nextSupervision) return undefined;
  const which = /^pep/i.test(m[1]!) ? 'the PEP meetings' : /^core/i.test(m[1]!) ? 'the core group meetings' : /^super/i.test(m[1]!) ? 'the supervisions' : 'those meetings';
  return `${quote(shown)} repeats with ${which}, which have no dates in this record${/^super/i.test(m[1]!) ? ' (add `next_supervision:`)' : ''}`;
}

/** A recurrence in an action's wording pinned to meetings with no dates here, and why that is vague. */
export function undatedSeriesInText(t: string, anchors: TimescaleAnchors): { phrase: string; why: string } | undefined {
  const m = MEETING_SERIES_IN_TEXT_RE.exec(t);
  const why = m && undatedSeries(m[0].replace(/^(?:at|after|following|before|prior\s+to|ahead\s+of)\s+/i, ''), anchors, m[0]);
  return m && why ? { phrase: m[0], why } : undefined;
}

/** The recurrence to read: the first one, unless it is pinned to undated meetings and a calendar one follows. */
function calendarRecurrence(t: string, first: RegExpExecArray, anchors: TimescaleAnchors): RegExpExecArray {
  if (!undatedSeries(first[0], anchors)) return first;
  const from = first.index + first[0].length;
  const next = RECURRENCE_RE.exec(t.slice(from));
  if (!next || undatedSeries(next[0], anchors)) return first;
  next.index += from;
  return next;
}

/**
 * A timescale field that repeats. Rule for a recurrence with no end (docs/rules/action-timescale.md):
 * "ongoing weekly", "continue monthly", "weekly as needed" are vague — the frequency does not rescue
 * the vague word. A bare interval ("weekly", "every 6 weeks", "termly", "annually") is clear when a
 * review can check it: a fixed gap between occurrences of at most 12 months (the longest statutory
 * interval, the annual health assessment from age 5). Longer gaps ("every 2 years") are not: the
 * next review cannot tell whether one is late. A recurrence pinned to undated meetings is vague.
 */
export function resolveRecurrence(
  t: string, first: RegExpExecArray, until: Candidate | undefined, bound: Candidate | undefined, a: TimescaleAnchors, options: TimescaleOptions | undefined,
): TimescaleResult {
  const recurrence = calendarRecurrence(t, first, a);
  const every = recurrence[0].replace(/\s+/g, ' ').toLowerCase();
  const series = undatedSeries(recurrence[0], a);
  if (series) return vague(recurrence[0], 'frequency', a, `${series}, so it does not say when this will be done`);
  if (!bound) {
    const vagueWord = vagueBeside(t, { index: recurrence.index, end: recurrence.index + recurrence[0].length }, options);
    if (vagueWord) return vague(vagueWord[0], vagueWord[1], a, `${quote(vagueWord[0])} with '${every}' gives a frequency but no end, so no review can tell when this is done`);
    if (intervalMonths(recurrence[0]) > MAX_BARE_INTERVAL_MONTHS) {
      return { status: 'unclear', why: `${quote(t)} repeats less often than once a year, so a review cannot check it`, suggestion: example(a) };
    }
  }
  return {
    status: 'recurring',
    how: `repeats ${every}${until ? ` until ${formatUkDate(until.date!)} (${until.how})` : bound ? `, ${t.slice(bound.start, bound.end).replace(/\s+/g, ' ')}` : ''}`,
    ...(until ? { until: until.date! } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// An interval in an action's wording: "visited at least every two weeks", "measured weekly"

/**
 * Calendar units an interval counts in. Not weekday names, weekends or times of day: "every other
 * Saturday", "every Tuesday and Thursday 4-6pm" are a contact pattern, not an interval.
 */
const CALENDAR_UNIT = ['working\\s+days?', 'school\\s+days?', 'days?', 'weeks?', 'fortnights?', 'months?', 'half[\\s-]?terms?', 'terms?', 'years?'];
const SINGLE_UNIT = ['day', 'week', 'fortnight', 'month', 'half[\\s-]?term', 'term', 'year'];

/**
 * An interval between occurrences. A count within a period ("3 times a week", "4 nights a week",
 * "two PEP meetings a year") is not one: it says how much, not when (DOMAIN.md trap "3 times a
 * week"); nor is a recurrence pinned to events ("at every statutory visit").
 */
const WORDING_INTERVAL_RE = new RegExp(
  [
    // 1: a frequency word: "weekly", "fortnightly", "six monthly", "4-weekly", "termly", "annually"
    `(${FREQ_WORD})`,
    // "every 6 weeks", "each day", "every other month", "once every 15 working days", "at least every two weeks"
    `(?:at\\s+least\\s+)?(?:once\\s+)?(?:every|each)\\s+(?:other\\s+|alternate\\s+|second\\s+)?(?:${NUM_WORD}(?:\\s*(?:-|–|to|or)\\s*${NUM_WORD})?\\s+)?(?:${CALENDAR_UNIT.join('|')})`,
    // "once a week", "at least once a month"
    `(?:at\\s+least\\s+)?once\\s+(?:a|an|per)\\s+(?:${SINGLE_UNIT.join('|')})`,
  ].map((src) => `(?<![\\w])(?:${src})(?![\\w])`).join('|'),
  'gi',
);

/** "the 6-monthly check", "J's daily medication": a frequency word naming a thing, not the action's rhythm. */
const DETERMINER_BEFORE_RE = /(?:^|[^\w'’])(?:the|a|an|his|her|their|its|this|that|these|those|our|your|my|[a-z]+['’]s)\s+$/i;
/** "3 times weekly", "twice-weekly": a count, like "3 times a week" (not "once weekly", which is an interval). */
const COUNT_BEFORE_RE = new RegExp(`(?:^|[^\\w])(?:${NUM_WORD}\\s*(?:x|times)|twice|thrice)[\\s-]*$`, 'i');
/** … except "on a weekly basis". */
const BASIS_AFTER_RE = /^\s+basis\b/i;
/** Up to four words before a point, within its clause. */
const WORDS_BEFORE_RE = /(?:[^\s,;:.()!?]+\s+){0,4}$/;
/** Up to four words after a point, within its clause. */
const WORDS_AFTER_RE = /^(?:\s+[^\s,;:.()!?]+){0,4}/;

/**
 * An interval written into an action's wording that a review can check: "C's emotions to be measured
 * weekly", "children will be visited at least every two weeks". Not a gap over a year; and not when a
 * vague word sits beside any interval in its clause ("continue to visit weekly", "weekly as needed",
 * "fortnightly, then four weekly at a mutually agreed pace"): the rhythm is then left open.
 */
export function intervalInText(t: string, options: TimescaleOptions | undefined): { phrase: string; how: string } | undefined {
  let found: { phrase: string; how: string } | undefined;
  WORDING_INTERVAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORDING_INTERVAL_RE.exec(t))) {
    const start = m.index;
    const end = start + m[0].length;
    const before = t.slice(Math.max(0, start - 24), start);
    if (m[1] !== undefined && DETERMINER_BEFORE_RE.test(before) && !BASIS_AFTER_RE.test(t.slice(end, end + 8))) continue;
    if (m[1] !== undefined && COUNT_BEFORE_RE.test(before)) continue;
    const from = start - (WORDS_BEFORE_RE.exec(t.slice(Math.max(0, start - 60), start))?.[0].length ?? 0);
    const to = end + (WORDS_AFTER_RE.exec(t.slice(end, end + 60))?.[0].length ?? 0);
    if (vagueBeside(t, { index: start, end }, options, from, to)) return undefined;
    if (found || intervalMonths(m[0]) > MAX_BARE_INTERVAL_MONTHS) continue;
    const phrase = m[0].replace(/\s+/g, ' ');
    found = { phrase, how: `repeats ${phrase.toLowerCase()}` };
  }
  return found;
}
