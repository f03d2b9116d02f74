/**
 * Reading timescales: the `due:` / `timescale:` field of an action (resolveTimescale), a deadline
 * written into an action's wording (findDeadlineInText), and both together (assessActionTimescale).
 */
import type { IsoDate } from '../types';
import { addDays, daysBetween, formatUkDate, isIsoDate, makeIsoDate } from './calendar';
import { chronoDates } from './chronoFallback';
import { G_MONTH, G_ORDINAL, G_WEEKDAY, gateMask, recurrencePossible } from './gates';
import {
  CONTINGENT_RE, NONE_VALUES, RECURRENCE_RE, VAGUE_PHRASES, VAGUE_RE, type VagueClass, phraseRegex, vagueClassOf,
} from './phrases';
import { type Candidate, type ScanContext, cueBefore, scan } from './scan';
import type { TextDeadline, TimescaleAnchors, TimescaleOptions, TimescaleResult } from './types';
import { expandYear } from './ukDate';

/** Longest text read; a timescale or an action's wording is far shorter. */
const MAX_TEXT = 4000;

const EMPTY_ANCHORS: TimescaleAnchors = Object.freeze({});

function isoOf(v: unknown): IsoDate | undefined {
  if (isIsoDate(v)) return v;
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  return undefined;
}

/** The anchors with anything malformed dropped (a bad date in the document is the schema rule's business). */
function cleanAnchors(a: TimescaleAnchors | undefined): TimescaleAnchors {
  if (!a) return EMPTY_ANCHORS;
  const n = a.reviewNumber;
  const numberOk = n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000);
  if (
    (a.documentDate === undefined || isIsoDate(a.documentDate)) && (a.nextReviewDue === undefined || isIsoDate(a.nextReviewDue)) &&
    (a.lookedAfterSince === undefined || isIsoDate(a.lookedAfterSince)) && numberOk
  ) return a;
  const out: TimescaleAnchors = {};
  const dd = isoOf(a.documentDate);
  if (dd) out.documentDate = dd;
  const nr = isoOf(a.nextReviewDue);
  if (nr) out.nextReviewDue = nr;
  const la = isoOf(a.lookedAfterSince);
  if (la) out.lookedAfterSince = la;
  if (numberOk && n !== undefined) out.reviewNumber = n;
  return out;
}

function context(text: string, anchors: TimescaleAnchors, options: TimescaleOptions | undefined, field: boolean): ScanContext {
  return { text, doc: anchors.documentDate, anchors, options, field, out: [], mask: gateMask(text) };
}

// ---------------------------------------------------------------------------------------------
// Plain-words explanations

function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `'${t.length > 60 ? `${t.slice(0, 57)}…` : t}'`;
}

function example(anchors: TimescaleAnchors): string {
  const due = anchors.documentDate ? addDays(anchors.documentDate, 28) : 'YYYY-MM-DD';
  const bounded = anchors.reviewNumber !== undefined ? "'within 4 weeks of this review'" : "'within 4 weeks'";
  return `give a date (due: ${due}) or a bounded timescale such as ${bounded}`;
}

const WHY: Readonly<Record<VagueClass | 'contingent' | 'team', (q: string) => string>> = {
  ongoing: (q) => `${q} does not say when this will be done or checked`,
  urgency: (q) => `${q} gives no date, so nobody can tell when it is late`,
  deferral: (q) => `${q} leaves the timing open`,
  undecided: (q) => `${q} leaves the timescale to be decided later`,
  frequency: (q) => `${q} does not say how often or until when`,
  period: (q) => `${q} is not a period anyone can check`,
  status: (q) => `${q} is a progress note, not a timescale`,
  contingent: (q) => `${q} waits on something with no date, so it does not say when this will be done`,
  team: (q) => `${q} is on this team's list of vague timescales`,
};

function vague(phrase: string, cls: VagueClass | 'contingent' | 'team', anchors: TimescaleAnchors, why?: string): TimescaleResult {
  const suggestion = cls === 'frequency'
    ? "say how often and until when, such as 'every 6 weeks until the next review'"
    : cls === 'contingent'
      ? `${example(anchors)}, or add an end date to the event it waits on`
      : example(anchors);
  return { status: 'vague', phrase, why: why ?? WHY[cls](quote(phrase)), suggestion };
}

const NUMERIC_SHAPE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/;
const ISO_SHAPE_RE = /^\d{4}-\d{1,2}-\d{1,2}$/;
const PROGRESS_RE = /^(?:completed?|done|achieved|closed|finished|met|not\s+met|in\s+place|agreed|actioned)\.?$/i;
const AMOUNT_RE = /\d|\b(?:one|two|three|four|five|six|ten|twelve)\b/i;

// ---------------------------------------------------------------------------------------------
// Choosing among candidates

function strongCue(c: Candidate): boolean {
  return c.cue === 'deadline' || c.cue === 'until' || c.cue === 'wc';
}

/** Prefer a date introduced as a deadline ("by", "before", "until"); among equals, the latest. */
function pick(cands: readonly Candidate[], accept: (c: Candidate) => boolean): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) {
    if (c.kind !== 'date' || !accept(c)) continue;
    if (!best) {
      best = c;
      continue;
    }
    const sc = strongCue(c);
    const sb = strongCue(best);
    if ((sc && !sb) || (sc === sb && c.date! > best.date!)) best = c;
  }
  return best;
}

function acceptInField(c: Candidate): boolean {
  return c.cue !== 'past';
}

/** In an action's wording, a written date is a deadline only when its words say so or it lies ahead. */
function acceptInText(doc: IsoDate | undefined): (c: Candidate) => boolean {
  return (c) => {
    if (c.cue === 'past') return false;
    if (strongCue(c)) return true;
    if (!doc) return true;
    if (c.date! < doc) return false;
    if (c.yearless && daysBetween(doc, c.date!) > 183) return false;
    return true;
  };
}

// ---------------------------------------------------------------------------------------------
// Team phrases

const teamRegexes = new Map<string, RegExp>();

function teamRegex(phrases: readonly string[] | undefined): RegExp | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const key = phrases.join('\u0000');
  let re = teamRegexes.get(key);
  if (!re) {
    if (teamRegexes.size > 32) teamRegexes.clear();
    re = phraseRegex(phrases.filter((p) => typeof p === 'string'));
    teamRegexes.set(key, re);
  }
  return re;
}

/** A word chrono might make a date of: a month, a day number, a weekday. Gates the slow fallback. */
const DATE_HINT_RE =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|\d{1,2}(?:st|nd|rd|th)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/i;
/** In an action's wording: a capitalised month or a day number that no fast matcher read. */
const TEXT_DATE_HINT_RE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|\d{1,2}(?:st|nd|rd|th))\b/g;

/** Gates of DATE_HINT_RE: a month name, a day number or a weekday name. */
const DATE_HINT_GATE = G_MONTH | G_ORDINAL | G_WEEKDAY;

function unreadHint(t: string, mask: number, cands: readonly Candidate[]): boolean {
  if (!(mask & (G_MONTH | G_ORDINAL))) return false;
  TEXT_DATE_HINT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT_DATE_HINT_RE.exec(t))) {
    const at = m.index;
    if (!cands.some((c) => at >= c.start && at < c.end)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Recurrences with no end

/** The longest gap between occurrences that a bare interval may have and still count as clear. */
const MAX_BARE_INTERVAL_MONTHS = 12;

const UNDECIDED_RE = phraseRegex(VAGUE_PHRASES.undecided);
const DEADLINE_WORD_RE = /^(?:by|before|no\s+later\s+than|not\s+later\s+than|prior\s+to|ahead\s+of|until|till)\b/i;

/** Every undecided phrase holds one of these (a cheap test before UNDECIDED_RE). */
const UNDECIDED_HINT_RE = /tb|to[\s-]|not[\s-]+yet|await/i;

function undecidedPhrase(t: string): string | undefined {
  return UNDECIDED_HINT_RE.test(t) ? UNDECIDED_RE.exec(t)?.[0] : undefined;
}

/**
 * A vague word beside an unbounded recurrence ("ongoing - monthly", "continue weekly", "weekly as
 * needed"), from the built-in list or the team's. Words that only repeat the idea of a frequency
 * ("regular weekly visits") do not count; nor do words inside the recurrence itself.
 */
function unboundedVague(t: string, rec: RegExpExecArray, options: TimescaleOptions | undefined): [string, VagueClass | 'team'] | undefined {
  // Nothing but the recurrence (and punctuation): no other word to be vague.
  if (!/[a-z]{2}/i.test(t.slice(0, rec.index)) && !/[a-z]{2}/i.test(t.slice(rec.index + rec[0].length))) return undefined;
  const team = teamRegex(options?.extraVaguePhrases)?.exec(t);
  if (team) return [team[0], 'team'];
  VAGUE_ALL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = VAGUE_ALL_RE.exec(t))) {
    if (m.index < rec.index + rec[0].length && rec.index < m.index + m[0].length) continue;
    const cls = vagueClassOf(m[0]);
    if (cls !== 'frequency') return [m[0], cls];
  }
  return undefined;
}
const VAGUE_ALL_RE = new RegExp(VAGUE_RE.source, 'gi');

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

/**
 * What a timescale field (`due:` or `timescale:`) means: a date, a bounded period from an event,
 * a recurrence, or vague / none / not a timescale, each with a plain-words explanation.
 */
export function resolveTimescale(text: string | null | undefined, anchors: TimescaleAnchors, options?: TimescaleOptions): TimescaleResult {
  return resolveField(text, cleanAnchors(anchors), options);
}

/** resolveTimescale with anchors already cleaned. */
function resolveField(text: string | null | undefined, a: TimescaleAnchors, options: TimescaleOptions | undefined): TimescaleResult {
  const raw = text === null || text === undefined ? '' : typeof text === 'string' ? text : String(text);
  const t = (raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw).trim();
  if (NONE_VALUES.has(t.toLowerCase()) || /^[\s\-–—?._*]*$/.test(t)) {
    return {
      status: 'none',
      why: t === '' ? 'no timescale is given' : `${quote(t)} is not a timescale`,
      suggestion: example(a),
    };
  }

  // Fast path: most `due:` values are plain ISO dates.
  if (t.length === 10 && isIsoDate(t)) return { status: 'date', date: t, how: formatUkDate(t), relative: false };

  const ctx = context(t, a, options, true);
  const cands = scan(ctx);
  const recurrence = recurrencePossible(t, ctx.mask) ? RECURRENCE_RE.exec(t) : null;
  if (recurrence) {
    const until = pick(cands, (c) => c.cue === 'until' || c.cue === 'deadline');
    const bound = until ?? cands.find((c) => c.kind === 'anchored');
    const every = recurrence[0].replace(/\s+/g, ' ').toLowerCase();
    if (!bound) {
      // Rule for a recurrence with no end (docs/rules/action-timescale.md): "ongoing weekly",
      // "continue monthly", "weekly as needed" are vague — the frequency does not rescue the vague
      // word. A bare interval ("weekly", "every 6 weeks", "termly", "annually") is clear when
      // a review can check it: a fixed gap between occurrences of at most 12 months (the longest
      // statutory interval, the annual health assessment from age 5). Longer gaps ("every 2 years")
      // are not: the next review cannot tell whether one is late.
      const vagueWord = unboundedVague(t, recurrence, options);
      if (vagueWord) return vague(vagueWord[0], vagueWord[1], a, `${quote(vagueWord[0])} with '${every}' gives a frequency but no end, so no review can tell when this is done`);
      const months = intervalMonths(recurrence[0]);
      if (months > MAX_BARE_INTERVAL_MONTHS) {
        return { status: 'unclear', why: `${quote(t)} repeats less often than once a year, so a review cannot check it`, suggestion: example(a) };
      }
    }
    return {
      status: 'recurring',
      how: `repeats ${every}${until ? ` until ${formatUkDate(until.date!)} (${until.how})` : bound ? `, ${t.slice(bound.start, bound.end).replace(/\s+/g, ' ')}` : ''}`,
      ...(until ? { until: until.date! } : {}),
    };
  }
  const best = pick(cands, acceptInField);
  const anchored = best ? undefined : cands.find((c) => c.kind === 'anchored');
  // "to be agreed at the next core group", "next review (date TBC)": an undecided phrase wins over
  // any event it mentions; not over a written date or a period ("within 4 weeks, date TBC").
  // A dated event given as a deadline ("TBC - by the next review") is still a bound: the exact day is
  // open, the latest is not.
  const chosen = best ?? anchored;
  if (chosen?.event && !(chosen.kind === 'date' && DEADLINE_WORD_RE.test(t.slice(chosen.start, chosen.start + 20)))) {
    const undecided = undecidedPhrase(t);
    if (undecided) return vague(undecided, 'undecided', a);
  }
  if (best) return { status: 'date', date: best.date!, how: best.how, relative: best.relative };
  if (anchored) return { status: 'anchored', how: anchored.how };

  const team = teamRegex(options?.extraVaguePhrases)?.exec(t);
  const contingent = cands.find((c) => c.kind === 'contingent');
  const builtIn = VAGUE_RE.exec(t);
  const waits = CONTINGENT_RE.exec(t);
  if (team || contingent || builtIn || waits) {
    // A date chrono can read still wins over the vague words around it.
    if (ctx.mask & DATE_HINT_GATE && DATE_HINT_RE.test(t)) {
      const hit = chronoDates(t, a.documentDate)[0];
      if (hit) return { status: 'date', date: hit.date, how: `${formatUkDate(hit.date)} (read from '${hit.text}')`, relative: false };
    }
    if (team) return vague(team[0], 'team', a);
    // "TBC at the PEP meeting": say what is undecided rather than that the meeting has no date.
    if (builtIn && contingent?.event && vagueClassOf(builtIn[0]) === 'undecided') return vague(builtIn[0], 'undecided', a);
    if (contingent) return vague(t.slice(contingent.start, contingent.end), 'contingent', a, `${contingent.how}, so it does not say when this will be done`);
    if (builtIn && (!waits || builtIn.index <= waits.index)) return vague(builtIn[0], vagueClassOf(builtIn[0]), a);
    return vague(waits![0].trim(), 'contingent', a);
  }
  if (ctx.mask & DATE_HINT_GATE && DATE_HINT_RE.test(t)) {
    const hit = chronoDates(t, a.documentDate)[0];
    if (hit) return { status: 'date', date: hit.date, how: `${formatUkDate(hit.date)} (read from '${hit.text}')`, relative: false };
  }
  const numeric = NUMERIC_SHAPE_RE.exec(t);
  if (numeric) {
    const swapped = makeIsoDate(expandYear(numeric[3]!), +numeric[1]!, +numeric[2]!);
    return {
      status: 'unclear',
      why: swapped
        ? `${quote(t)} reads month first; dates here are day first, so write ${numeric[2]}/${numeric[1]}/${numeric[3]}`
        : `${quote(t)} is not a real calendar date`,
      suggestion: example(a),
    };
  }
  if (ISO_SHAPE_RE.test(t)) return { status: 'unclear', why: `${quote(t)} is not a real calendar date`, suggestion: example(a) };
  if (PROGRESS_RE.test(t)) return { status: 'unclear', why: `${quote(t)} is a progress note, not a timescale`, suggestion: example(a) };
  return {
    status: 'unclear',
    why: AMOUNT_RE.test(t) ? `${quote(t)} says how much or how long, not by when` : `${quote(t)} does not say by when this will be done`,
    suggestion: example(a),
  };
}

/** The deadline candidate in free text (internal: keeps the window used for conflict checks). */
function deadlineCandidate(
  text: string, anchors: TimescaleAnchors, options: TimescaleOptions | undefined,
): { found?: Candidate; all: Candidate[]; mask: number } {
  if (typeof text !== 'string' || text.length === 0) return { all: [], mask: 0 };
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const ctx = context(t, anchors, options, false);
  const cands = scan(ctx);
  const accept = acceptInText(anchors.documentDate);
  let found = pick(cands, accept);
  if (!found && unreadHint(t, ctx.mask, cands)) {
    // Only when a calendar word was left unread by the fast matchers.
    for (const hit of chronoDates(t, anchors.documentDate)) {
      const end = hit.index + hit.text.length;
      if (cands.some((c) => hit.index < c.end && c.start < end)) continue;
      const { cue, at } = cueBefore(t, hit.index);
      if (cue !== 'deadline' && cue !== 'until' && cue !== 'wc') continue;
      found = { start: at, end, kind: 'date', date: hit.date, earliest: hit.exactDay ? hit.date : addDays(hit.date, -27), how: formatUkDate(hit.date), relative: false, cue, explicit: true, approximate: !hit.exactDay };
      break;
    }
  }
  return { found, all: cands, mask: ctx.mask };
}

/**
 * A deadline written inside free text (an action's wording): "… by 14 March 2025", "within 2
 * weeks of this review". Ignores numbers that are not deadlines ("3 sessions", "a 26-week
 * programme", "£150", "aged 16") and dates that look back ("the PEP dated 14/01/2025").
 */
export function findDeadlineInText(text: string, anchors: TimescaleAnchors, options?: TimescaleOptions): TextDeadline | undefined {
  const a = cleanAnchors(anchors);
  const { found } = deadlineCandidate(text, a, options);
  if (!found) return undefined;
  return { date: found.date!, start: found.start, end: found.end, phrase: text.slice(found.start, found.end) };
}

// ---------------------------------------------------------------------------------------------

/** One action's timescale, all things considered (what the rule `action-timescale` needs). */
export interface ActionTimescaleAssessment {
  /** True when the action says by when (date, bounded period, recurrence) without contradicting itself. */
  clear: boolean;
  status: 'clear' | 'vague' | 'none' | 'unclear' | 'conflict';
  /** What `due:` (or, without it, `timescale:`) says; undefined when neither is given. */
  field?: TimescaleResult;
  /** Which field `field` came from. */
  fieldName?: 'due' | 'timescale';
  /** A deadline written in the action's wording. */
  inText?: TextDeadline;
  /** A recurrence or event-bound timescale written in the wording ("visit every 6 weeks"). */
  inTextOther?: { how: string; phrase: string };
  /** The wording (or the other field) gives a different date from the field. */
  conflict?: { fieldDate: IsoDate; otherDate: IsoDate; phrase: string; fieldName: 'due' | 'timescale' };
}

/** Tolerance, in days, around a deadline before two dates count as different. */
const SAME_DEADLINE_DAYS = 3;

function disagrees(c: Candidate, date: IsoDate): boolean {
  const hi = c.cue === 'wc' ? addDays(c.date!, 6) : c.date!;
  const lo = c.earliest && c.earliest < c.date! ? c.earliest : c.date!;
  return daysBetween(hi, date) > SAME_DEADLINE_DAYS || daysBetween(date, lo) > SAME_DEADLINE_DAYS;
}

function present(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return isoOf(v);
  const s = String(v);
  return s;
}

/**
 * Puts together an action's wording, `due:` and `timescale:`: a date in the wording makes a vague
 * or missing field clear; a date in the wording that disagrees with the field is a conflict.
 */
export function assessActionTimescale(
  item: { action?: unknown; due?: unknown; timescale?: unknown },
  anchors: TimescaleAnchors,
  options?: TimescaleOptions,
): ActionTimescaleAssessment {
  const a = cleanAnchors(anchors);
  // The fields are read with the anchors cleaned once more, as resolveTimescale would: a no-op unless
  // cleaning built a new object (it then drops a Date anchor that does not make a valid ISO date).
  const fa = a === anchors ? a : cleanAnchors(a);
  const wording = typeof item.action === 'string' ? item.action : '';
  const dueText = present(item.due);
  const tsText = present(item.timescale);
  let field: TimescaleResult | undefined;
  let fieldName: 'due' | 'timescale' | undefined;
  let other: TimescaleResult | undefined;
  if (dueText !== undefined) {
    field = resolveField(dueText, fa, options);
    fieldName = 'due';
    if (tsText !== undefined) other = resolveField(tsText, fa, options);
    if (field.status === 'none' && other) {
      field = other;
      fieldName = 'timescale';
      other = undefined;
    }
  } else if (tsText !== undefined) {
    field = resolveField(tsText, fa, options);
    fieldName = 'timescale';
  }

  const { found, all } = deadlineCandidate(wording, a, options);
  const inText = found && { date: found.date!, start: found.start, end: found.end, phrase: wording.slice(found.start, found.end) };
  const out: ActionTimescaleAssessment = { clear: false, status: 'none' };
  if (field) out.field = field;
  if (fieldName) out.fieldName = fieldName;
  if (inText) out.inText = inText;

  if (field?.status === 'date') {
    // A start date in the wording ("from 1 June", "the placement starting 2 June") is not the action's deadline.
    if (found && found.cue !== 'start' && disagrees(found, field.date)) {
      out.conflict = { fieldDate: field.date, otherDate: found.date!, phrase: inText!.phrase, fieldName: fieldName! };
    } else if (other?.status === 'date' && Math.abs(daysBetween(other.date, field.date)) > SAME_DEADLINE_DAYS) {
      out.conflict = { fieldDate: field.date, otherDate: other.date, phrase: tsText!, fieldName: fieldName! };
    }
    if (out.conflict) {
      out.status = 'conflict';
      return out;
    }
  }
  if (field && (field.status === 'date' || field.status === 'anchored' || field.status === 'recurring')) {
    out.clear = true;
    out.status = 'clear';
    return out;
  }
  if (inText) {
    out.clear = true;
    out.status = 'clear';
    return out;
  }
  // A frequency in the wording ("take J to football 3 times a week") says how often, never by
  // when: it is not the action's timescale. An event with a known date is ("before J's 16th birthday").
  const event = all.find((c) => c.kind === 'anchored' && !c.yearless);
  if (event) {
    out.inTextOther = { how: event.how, phrase: wording.slice(event.start, event.end) };
    out.clear = true;
    out.status = 'clear';
    return out;
  }
  out.status = field ? (field.status as 'vague' | 'none' | 'unclear') : 'none';
  return out;
}
