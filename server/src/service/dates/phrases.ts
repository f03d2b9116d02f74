/**
 * Word lists: what is no timescale at all, what is vague, what repeats. Compiled once into
 * regular expressions at load.
 */

/** Whole values that mean "no timescale". Compared after trimming and lower-casing. */
export const NONE_VALUES: ReadonlySet<string> = new Set([
  '', '-', '--', '---', '–', '—', '?', '??', '???', '.', '...', '…', 'x', 'n/a', 'na', 'n.a.', 'n.a', 'n\\a',
  'none', 'nil', 'null', 'no', 'not applicable', 'not known', 'unknown', 'not set', 'no date', 'no timescale',
  'none given', 'none set', 'blank', 'nothing', 'not stated', 'not specified', 'tbc?', 'n/k',
]);

export type VagueClass = 'ongoing' | 'urgency' | 'deferral' | 'undecided' | 'frequency' | 'period' | 'status';

/** Vague timescale phrases by class (DOMAIN.md "What makes an action clear"). */
export const VAGUE_PHRASES: Readonly<Record<VagueClass, readonly string[]>> = {
  ongoing: [
    'ongoing', 'on-going', 'on going', 'continuous', 'continuously', 'continual', 'continually', 'continuing',
    'continue', 'constant', 'constantly', 'throughout', 'at all times', 'indefinitely', 'indefinite', 'open-ended',
    'open ended', 'permanently', 'always', 'all the time', 'as long as needed', 'for as long as',
    'until further notice', 'until further review', 'until otherwise agreed', 'until no longer needed',
    'until no longer required', 'until further agreed',
  ],
  urgency: [
    'asap', 'a.s.a.p', 'a.s.a.p.', 'as soon as possible', 'as soon as practicable', 'as soon as', 'soon', 'soonest',
    'shortly', 'promptly', 'prompt', 'urgent', 'urgently', 'without delay', 'in a timely manner', 'in a timely way',
    'in a timely fashion', 'timely', 'priority', 'high priority', 'a priority', 'quickly', 'quick',
  ],
  deferral: [
    'in due course', 'when possible', 'where possible', 'if possible', 'whenever possible', 'when appropriate',
    'where appropriate', 'as appropriate', 'if appropriate', 'as and when', 'as required', 'as needed', 'when needed',
    'if needed', 'where needed', 'when required', 'if required', 'where required', 'as necessary', 'when necessary',
    'if necessary', 'where necessary', 'when ready', 'when able', 'at some point', 'at a later date', 'later date',
    'later', 'in the future', 'future', 'going forward', 'moving forward', 'eventually', 'in time', 'when time allows',
    'when capacity allows', 'subject to capacity', 'when allocated', 'when available',
  ],
  undecided: [
    'tbc', 'tba', 'tbd', 'to be confirmed', 'to be agreed', 'to be arranged', 'to be decided', 'to be determined',
    'to be discussed', 'to be set', 'to be booked', 'to be scheduled', 'to be advised', 'to be fixed', 'date to follow',
    'dates to follow', 'to follow', 'not yet known', 'not yet agreed', 'not yet set', 'date awaited', 'awaiting date',
    'awaiting a date', 'date tbc', 'dates tbc', 'date to be confirmed', 'date not yet set', 'to be reviewed',
    // "move to four weekly at a mutually agreed pace", "on a mutually agreed date"
    'mutually agreed',
  ],
  frequency: [
    'regularly', 'regular', 'on a regular basis', 'periodically', 'periodic', 'from time to time', 'occasionally',
    'frequently', 'routinely', 'as often as possible', 'often', 'sometimes', 'intermittently', 'ad hoc', 'ad-hoc',
  ],
  period: [
    'over the coming weeks', 'over the coming months', 'in the coming weeks', 'in the coming months', 'coming months',
    'coming weeks', 'the coming months', 'next few weeks', 'next few months', 'a few weeks', 'a few months',
    'few weeks', 'few months', 'several weeks', 'several months', 'in the near future', 'near future', 'over time',
    'short term', 'short-term', 'medium term', 'medium-term', 'long term', 'long-term', 'longer term', 'longer-term',
    'shorter term', 'in the long run', 'in the short run', 'this period', 'next period', 'over the summer',
    'over the holidays', 'in the meantime', 'meantime', 'for now', 'for the time being', 'for the foreseeable future',
    'foreseeable future',
  ],
  status: [
    'in progress', 'underway', 'under way', 'started', 'commenced', 'pending', 'awaited', 'awaiting', 'open',
  ],
};

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+');
}

/** A regex that finds any of the phrases as whole words (case-insensitive), longest first. */
export function phraseRegex(phrases: readonly string[]): RegExp {
  const sorted = [...phrases].filter((p) => p.trim() !== '').sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return /(?!)/;
  // `\b` does not work next to punctuation such as "a.s.a.p."; use explicit non-word guards.
  return new RegExp(`(?<![\\w])(?:${sorted.map((p) => escape(p.trim())).join('|')})(?![\\w])`, 'i');
}

const CLASS_OF = new Map<string, VagueClass>();
for (const [cls, list] of Object.entries(VAGUE_PHRASES) as [VagueClass, readonly string[]][]) {
  for (const p of list) CLASS_OF.set(p.replace(/[\s-]+/g, ' '), cls);
}

/** One regex for all built-in vague phrases. */
export const VAGUE_RE: RegExp = phraseRegex(Object.values(VAGUE_PHRASES).flat());

/** The class of a matched vague phrase. */
export function vagueClassOf(phrase: string): VagueClass {
  return CLASS_OF.get(phrase.toLowerCase().replace(/[\s-]+/g, ' ')) ?? 'deferral';
}

/**
 * An event that makes a timescale wait on something with no date: "after the assessment",
 * "once Mother has moved", "pending the court's decision". Only used when nothing bounded was found.
 */
export const CONTINGENT_RE =
  /(?<![\w])(after|once|when|whenever|following|upon|pending|subject\s+to|dependent\s+(?:on|upon)|depend(?:s|ing)?\s+(?:on|upon)|awaiting|on\s+receipt\s+of|on\s+completion\s+of|upon\s+completion\s+of|on\s+conclusion\s+of|at\s+the\s+(?:end|conclusion)\s+of|by\s+the\s+(?:end|conclusion)\s+of|by\s+the\s+time|until|till|if|unless|post|in\s+line\s+with|as\s+per|in\s+accordance\s+with|at\s+the\s+discretion\s+of|as\s+directed\s+by|as\s+agreed\s+(?:with|by)|on\s+(?:the\s+)?(?:outcome|conclusion|completion|receipt|return|allocation|approval|agreement)\s+of)\b(?!\s+(?:a|an|per|every)\s+(?:week|month|fortnight|day|term|year)\b)\s*([^,.;:()\n]{0,60})/i;

export const NUM_WORD = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';
export const FREQ_WORD = `(?:daily|nightly|weekly|fortnightly|monthly|bi-?monthly|bi-?weekly|quarterly|termly|half-?termly|annually|yearly|six-?monthly|three-?monthly|${NUM_WORD}[\\s-]?(?:weekly|monthly|daily))`;
const PERIOD_NOUN =
  '(?:days?|nights?|weeks?|weekends?|fortnights?|months?|terms?|half[\\s-]?terms?|years?|school\\s+days?|working\\s+days?|weekdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|mornings?|evenings?|afternoons?|(?:(?:lac|cla|statutory|looked[\\s-]after|child\\s+in\\s+care)\\s+)?reviews?|supervisions?|(?:home\\s+|statutory\\s+|social\\s+worker\\s+)?visits?|(?:contact\\s+|direct\\s+work\\s+)?sessions?|contacts?|meetings?|appointments?|core\\s+groups?|pep\\s+meetings?|peps?)';

/** A repeating timescale: weekly, every 6 weeks, twice a month, on Saturdays, statutory visits. */
export const RECURRENCE_RE = new RegExp(
  `(?<![\\w])${FREQ_WORD}(?![\\w])` +
    `|(?<![\\w])(?:every|each|per|once\\s+(?:a|an|per|every|each)|twice\\s+(?:a|an|per|every|each)?|${NUM_WORD}\\s*(?:x|times)\\s*(?:a|an|per|every|each)?|at\\s+(?:each|every)|at\\s+least\\s+(?:once\\s+|twice\\s+)?(?:a|an|per|every|each))\\s+(?:other\\s+|alternate\\s+|second\\s+)?(?:${NUM_WORD}(?:\\s*(?:-|–|to|or)\\s*${NUM_WORD})?\\s+)?${PERIOD_NOUN}(?![\\w])` +
    `|(?<![\\w])${NUM_WORD}\\s+(?:nights?|days?|evenings?|mornings?|afternoons?|sessions?|hours?|visits?|calls?)\\s+(?:a|per|each|every)\\s+(?:week|month|fortnight|term|day)(?![\\w])` +
    '|(?<![\\w])on\\s+(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays|weekends|school\\s+days)(?![\\w])' +
    `|(?<![\\w])(?:alternate|every\\s+other)\\s+${PERIOD_NOUN}(?![\\w])` +
    '|(?<![\\w])statutory\\s+(?:visits?|visiting(?:\\s+(?:frequency|timescales?|requirements?))?)(?![\\w])' +
    '|(?<![\\w])in\\s+line\\s+with\\s+(?:the\\s+)?statutory\\s+visits?(?![\\w])',
  'i',
);
