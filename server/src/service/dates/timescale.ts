/**
 * Reading timescales: the `due:` / `timescale:` field of an action (resolveTimescale) and a deadline
 * written into an action's wording (findDeadlineInText); assess.ts puts them together.
 */
import type { IsoDate } from '../types';
import { addDays, daysBetween, formatUkDate, isCheckableDate, isIsoDate, makeIsoDate } from './calendar';
import { chronoDates } from './chronoFallback';
import { G_MONTH, G_ORDINAL, G_WEEKDAY, gateMask, recurrencePossible } from './gates';
import {
  CONTINGENT_RE, NONE_VALUES, RECURRENCE_RE, VAGUE_PHRASES, VAGUE_RE, phraseRegex, vagueClassOf,
} from './phrases';
import { type Candidate, type ScanContext, cueBefore, scan } from './scan';
import type { TextDeadline, TimescaleAnchors, TimescaleOptions, TimescaleResult } from './types';
import { expandYear } from './ukDate';
import { example, quote, teamRegex, vague } from './explain';
import { resolveRecurrence } from './recurrence';

/** Longest text read; a timescale or an action's wording is far shorter. */
const MAX_TEXT = 4000;

const EMPTY_ANCHORS: TimescaleAnchors = Object.freeze({});

/** A date anchor's value when it is a calendar date careplan reads (years 1900–2200; the schema reports others). */
export function isoOf(v: unknown): IsoDate | undefined {
  if (isCheckableDate(v)) return v;
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    const d = v.toISOString().slice(0, 10);
    return isCheckableDate(d) ? d : undefined;
  }
  return undefined;
}

/** The date anchors: each is kept only when it is a real calendar date. */
const DATE_ANCHORS = ['documentDate', 'nextReviewDue', 'lookedAfterSince', 'placementStart', 'nextSupervision'] as const;

/** The anchors with anything malformed dropped (a bad date in the document is the schema rule's business). */
export function cleanAnchors(a: TimescaleAnchors | undefined): TimescaleAnchors {
  if (!a) return EMPTY_ANCHORS;
  const n = a.reviewNumber;
  const numberOk = n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 1000);
  if (numberOk && DATE_ANCHORS.every((k) => a[k] === undefined || isCheckableDate(a[k]))) return a;
  const out: TimescaleAnchors = {};
  for (const k of DATE_ANCHORS) {
    const d = isoOf(a[k]);
    if (d) out[k] = d;
  }
  if (numberOk && n !== undefined) out.reviewNumber = n;
  return out;
}

function context(text: string, anchors: TimescaleAnchors, options: TimescaleOptions | undefined, field: boolean): ScanContext {
  return { text, doc: anchors.documentDate, anchors, options, field, out: [], mask: gateMask(text) };
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

/** A date only the slow reader (chrono) finds, when the text holds a calendar word. */
function chronoDate(t: string, mask: number, a: TimescaleAnchors): TimescaleResult | undefined {
  if (!(mask & DATE_HINT_GATE) || !DATE_HINT_RE.test(t)) return undefined;
  const hit = chronoDates(t, a.documentDate)[0];
  return hit && { status: 'date', date: hit.date, how: `${formatUkDate(hit.date)} (read from '${hit.text}')`, relative: false };
}

/** Text that reads as no timescale at all: a month-first or impossible date, a progress note, an amount. */
function notATimescale(t: string, a: TimescaleAnchors): TimescaleResult {
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

const UNDECIDED_RE = phraseRegex(VAGUE_PHRASES.undecided);
const DEADLINE_WORD_RE = /^(?:by|before|no\s+later\s+than|not\s+later\s+than|prior\s+to|ahead\s+of|until|till)\b/i;

/** Every undecided phrase holds one of these (a cheap test before UNDECIDED_RE). */
const UNDECIDED_HINT_RE = /tb|to[\s-]|not[\s-]+yet|await|mutually/i;

function undecidedPhrase(t: string): string | undefined {
  return UNDECIDED_HINT_RE.test(t) ? UNDECIDED_RE.exec(t)?.[0] : undefined;
}

/**
 * What a timescale field (`due:` or `timescale:`) means: a date, a bounded period from an event,
 * a recurrence, or vague / none / not a timescale, each with a plain-words explanation.
 */
export function resolveTimescale(text: string | null | undefined, anchors: TimescaleAnchors, options?: TimescaleOptions): TimescaleResult {
  return resolveField(text, cleanAnchors(anchors), options);
}

/** resolveTimescale with anchors already cleaned. */
export function resolveField(text: string | null | undefined, a: TimescaleAnchors, options: TimescaleOptions | undefined): TimescaleResult {
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
    return resolveRecurrence(t, recurrence, until, until ?? cands.find((c) => c.kind === 'anchored'), a, options);
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
    const read = chronoDate(t, ctx.mask, a);
    if (read) return read;
    if (team) return vague(team[0], 'team', a);
    // "TBC at the PEP meeting": say what is undecided rather than that the meeting has no date.
    if (builtIn && contingent?.event && vagueClassOf(builtIn[0]) === 'undecided') return vague(builtIn[0], 'undecided', a);
    if (contingent) return vague(t.slice(contingent.start, contingent.end), 'contingent', a, `${contingent.how}, so it does not say when this will be done`);
    if (builtIn && (!waits || builtIn.index <= waits.index)) return vague(builtIn[0], vagueClassOf(builtIn[0]), a);
    return vague(waits![0].trim(), 'contingent', a);
  }
  return chronoDate(t, ctx.mask, a) ?? notATimescale(t, a);
}

/** The deadline candidate in free text (internal: keeps the window used for conflict checks). */
export function deadlineCandidate(
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

