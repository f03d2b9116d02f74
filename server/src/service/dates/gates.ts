/**
 * Cheap pre-filters for the scanner's regular expressions. One pass over the text notes which
 * gate words occur in it (as substrings, ignoring case); each matcher then runs only when the
 * text holds a word it cannot match without. A gate can only say "this matcher cannot match
 * here": a word being present proves nothing, so gating never changes what a matcher finds.
 *
 * Each word list is read off the matcher's own regular expression: every way the expression
 * can match contains (ignoring case) at least one of the words. Keep the lists in step when a
 * matcher changes: test/unit/dates/gates.test.ts reads a large set of texts with the gates on and off.
 */

/** Bits of ScanContext.mask. */
export const G_DIGIT = 1 << 0;
/** A month name ("jan", "sept", "march"…): written dates, month phrases, the chrono hints. */
export const G_MONTH = 1 << 1;
/** A unit of PERIOD_RE ("days", "wks", "mths", "hrs"…). */
export const G_UNIT = 1 << 2;
/** The kind word of TERM_NAMED_RE ("term", "holidays", "break"…). */
export const G_TERM_KIND = 1 << 3;
/** The season word of TERM_NAMED_RE ("summer", "easter", "october"…). */
export const G_SEASON = 1 << 4;
/** The season word of TERM_SEASON_YEAR_RE. */
export const G_SEASON3 = 1 << 5;
/** "term" (TERM_RELATIVE_RE). */
export const G_TERM = 1 << 6;
/** "year" (SCHOOL_YEAR_RE). */
export const G_YEAR = 1 << 7;
/** HOLIDAY_RE. */
export const G_HOLIDAY = 1 << 8;
/** "review" (REVIEW_RE). */
export const G_REVIEW = 1 << 9;
/** SHORT_REVIEW_RE ("next LAC"). */
export const G_SHORT_REVIEW = 1 << 10;
/** CAL_PERIOD_RE ("week", "month"…). */
export const G_CAL_PERIOD = 1 << 11;
/** A weekday name (WEEKDAY_RE, the chrono hint). */
export const G_WEEKDAY = 1 << 12;
/** NOW_RE ("today", "immediately", "COB"…). */
export const G_NOW = 1 << 13;
/** EVENT_RE (fixed events, scheduled meetings, "the next …"). */
export const G_EVENT = 1 << 14;
/** NEXT_EVENT_RE. */
export const G_NEXT = 1 << 15;
/** STATUTORY_RE. */
export const G_STATUTORY = 1 << 16;
/** A word that most forms of RECURRENCE_RE (phrases.ts) need: "weekly", "every", "twice"… (see recurrencePossible). */
export const G_RECURRENCE = 1 << 17;
/** Four digits in a row: a year (YEAR_RE, TERM_SEASON_YEAR_RE, ISO_IN_TEXT). */
export const G_DIGIT4 = 1 << 18;
/** A digit then st/nd/rd/th: a day number ("the 19th"; DAY_ONLY_RE, the chrono hints). */
export const G_ORDINAL = 1 << 19;
/** A noun of RECURRENCE_RE's PERIOD_NOUN ("weeks", "visits"…) (see recurrencePossible). */
export const G_PERIOD_NOUN = 1 << 20;

const GATE_WORDS: readonly (readonly [number, readonly string[]])[] = [
  // MONTH_SRC: every month name or abbreviation starts with these three letters.
  [G_MONTH, ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']],
  // PERIOD_RE's UNIT: working/business/school/clear/calendar days, w/days, wds, weeks, wks, fortnights, months, mths, years, yrs, hours, hrs.
  [G_UNIT, ['day', 'wd', 'week', 'wk', 'fortnight', 'month', 'mth', 'year', 'yr', 'hour', 'hr']],
  // TERM_NAMED_RE: (half-)terms, holidays, hols, break, vacation …
  [G_TERM_KIND, ['term', 'holiday', 'hols', 'break', 'vacation']],
  // … after autumn, spring, summer, christmas, xmas, easter, october, february, may, whitsun.
  [G_SEASON, ['autumn', 'spring', 'summer', 'christmas', 'xmas', 'easter', 'october', 'february', 'may', 'whitsun']],
  // TERM_SEASON_YEAR_RE.
  [G_SEASON3, ['autumn', 'spring', 'summer']],
  // TERM_RELATIVE_RE: (half-)term.
  [G_TERM, ['term']],
  // SCHOOL_YEAR_RE: school/academic/financial/calendar year.
  [G_YEAR, ['year']],
  // HOLIDAY_RE: christmas, xmas, easter, new year('s day), halloween, bonfire night.
  [G_HOLIDAY, ['christmas', 'xmas', 'easter', 'year', 'halloween', 'bonfire']],
  [G_REVIEW, ['review']],
  // SHORT_REVIEW_RE: next/first … LAC, CLA, CIC, IRO.
  [G_SHORT_REVIEW, ['lac', 'cla', 'cic', 'iro']],
  // CAL_PERIOD_RE: week, fortnight, month, year.
  [G_CAL_PERIOD, ['week', 'fortnight', 'month', 'year']],
  // WEEKDAY_RE, and the weekday part of the chrono hints: monday … sunday.
  [G_WEEKDAY, ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']],
  // NOW_RE: today, same day, end of (the) day, tonight, tomorrow, immediate(ly), at once, straight/right away,
  // close of play/business, cop, cob, eod.
  // … and this/today's/the current review, meeting, supervision, session, conference.
  [G_NOW, ['today', 'same', 'end', 'tonight', 'tomorrow', 'immediate', 'once', 'away', 'close', 'cop', 'cob', 'eod', 'this', 'current']],
  // EVENT_RE: a fixed event (FIXED_EVENT_SRC), a scheduled meeting (SCHEDULED_MEETING_SRC) or "next …"
  // (NEXT_ONLY_EVENT_SRC); one word that each alternative of each cannot match without.
  [G_EVENT, [
    // FIXED_EVENT_SRC, in order: … birthday; turns/reaches …; … hearing(s); irh; fhdra; ifh; cmh; court date;
    // the hearing; final court date; proceedings conclude; week 26; 26-week deadline; start/beginning of …;
    // starts/begins/moves to/moving to/transfers to/transitions to …; placement/move/transition date; move …;
    // placement; … moves/moving/is placed; leaves care; leaving care; birth; baby born/due; due date;
    // end/expiry of the ico/interim care order/order/placement agreement/section 20.
    'birth', 'turn', 'reach', 'hearing', 'irh', 'fhdra', 'ifh', 'cmh', 'court', 'proceedings', '26', 'start', 'begin',
    'move', 'moving', 'transfer', 'transition', 'placement', 'placed', 'leav', 'baby', 'due', 'ico', 'order', 'section',
    // SCHEDULED_MEETING_SRC, in order: supervision; core group; cin meeting; child in need meeting; pep; personal
    // education plan meeting; professionals meeting; network meeting; strategy meeting; … panel; panel; legal
    // planning meeting; lpm; plo meeting; … health assessment; lac medical; health assessment; rha; iha; ehcp
    // review; annual review; transition meeting; pathway plan; disruption meeting; stability meeting; family group
    // conference; fgc; child protection conference; icpc/rcpc; review child protection conference; (initial/review)
    // cp/child protection conference/review; any word or two then meeting/conference; permanence
    // planning meeting; placement planning meeting.
    'supervision', 'core', 'cin', 'need', 'pep', 'education', 'professional', 'network', 'strategy', 'panel', 'legal',
    'lpm', 'plo', 'health', 'medical', 'rha', 'iha', 'ehcp', 'annual', 'pathway', 'disruption', 'stability', 'conference',
    'fgc', 'icpc', 'rcpc', 'planning',
    // … cp/child protection conference or review; any one or two words then meeting/conference.
    'cp', 'protection', 'meeting',
    // NEXT_ONLY_EVENT_SRC
    'next',
  ]],
  // NEXT_EVENT_RE: next/forthcoming/upcoming meeting, next … (NEXT_ONLY_EVENT_SRC), next (court) hearing.
  [G_NEXT, ['next', 'forthcoming', 'upcoming']],
  [G_STATUTORY, ['statutory']],
  // RECURRENCE_RE: the frequency words (daily, (fort)nightly, (bi-)weekly, (six-)monthly, quarterly, (half-)termly,
  // annually, yearly: by their endings, as "week", "month" … would otherwise take them over, see WORD_BITS);
  // every/each/per/once a/twice a/N times a/at each/at least once a …; alternate/every other …; statutory visits.
  // The rest is left to recurrencePossible.
  [G_RECURRENCE, [
    'daily', 'htly', 'ekly', 'thly', 'quarterly', 'rmly', 'annually', 'arly',
    'every', 'each', 'per', 'once', 'twice', 'times', 'least', 'alternate', 'statutory',
  ]],
  // RECURRENCE_RE's PERIOD_NOUN: days, nights, weeks, months, terms, years, mornings …, reviews, supervisions,
  // visits, sessions, contacts, meetings, appointments, core groups, PEPs.
  [G_PERIOD_NOUN, [
    'night', 'week', 'month', 'term', 'year', 'day', 'morning', 'evening', 'afternoon', 'review', 'supervision',
    'visit', 'session', 'contact', 'meeting', 'appointment', 'group', 'pep',
  ]],
];

/** Gate bits of each word. A word that starts with another word is folded into the shortest such word. */
const WORD_BITS = new Map<string, number>();
{
  const all = new Map<string, number>();
  for (const [bit, words] of GATE_WORDS) for (const w of words) all.set(w, (all.get(w) ?? 0) | bit);
  for (const [w, bits] of all) {
    // Wherever `w` occurs, its shortest prefix `root` occurs too; `root` has no shorter prefix in the list.
    let root = w;
    for (const v of all.keys()) if (v.length < root.length && w.startsWith(v)) root = v;
    WORD_BITS.set(root, (WORD_BITS.get(root) ?? 0) | bits);
  }
}

// No word starts another, so at each position at most one word can match; stepping one character
// at a time from each match then finds every occurrence of every word.
const GATE_RE = new RegExp([...WORD_BITS.keys()].sort((a, b) => b.length - a.length).join('|'), 'gi');
const DIGIT_RE = /\d/;
const DIGIT4_RE = /\d\d\d\d/;
const ORDINAL_RE = /\d(?:st|nd|rd|th)/i;

let gatesOn = true;

/** For tests: with the gates off every matcher runs on every text, to show that the gates change nothing. */
export function setGatesEnabled(on: boolean): void {
  gatesOn = on;
}

/** Which gates the text opens (bits G_*). */
export function gateMask(t: string): number {
  if (!gatesOn) return -1;
  let mask = 0;
  if (DIGIT_RE.test(t)) {
    mask = G_DIGIT;
    if (DIGIT4_RE.test(t)) mask |= G_DIGIT4;
    if (ORDINAL_RE.test(t)) mask |= G_ORDINAL;
  }
  GATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = GATE_RE.exec(t))) {
    mask |= WORD_BITS.get(m[0].toLowerCase())!;
    GATE_RE.lastIndex = m.index + 1;
  }
  return mask;
}

/**
 * The forms of RECURRENCE_RE without a word of G_RECURRENCE all end in a PERIOD_NOUN and hold one of:
 * "N x" ("2x a week"), "a" between spaces ("3 nights a week"), or "on" then a space ("on Saturdays").
 */
const RECURRENCE_REST_RE = /(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*x|\sa\s|on\s/i;

/** False when RECURRENCE_RE cannot match the text (mask from gateMask of the same text). */
export function recurrencePossible(t: string, mask: number): boolean {
  if (mask & G_RECURRENCE) return true;
  return (mask & G_PERIOD_NOUN) !== 0 && RECURRENCE_REST_RE.test(t);
}
