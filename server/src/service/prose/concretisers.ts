/** Regexes for the concretisers of a parental expectation (all run on lower-cased text). */

/** Frequency, quantity, threshold or condition ("each other" is a pronoun, not a frequency). */
export const FREQUENCY_RE =
  /\b(?:every|each(?! other\b)|daily|nightly|weekly|fortnightly|monthly|termly|twice|once|hourly|weekdays?|weekends?|mornings?|evenings?|nights?|bedtime|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|times? a|a (?:day|week|month)|per (?:day|week|fortnight|month)|at least|no (?:more|less|fewer) than|(?:above|below|under|over|up to) £?\d|\d+(?:\.\d+)?\s?%|\d+ (?:minutes?|hours?|units?|times?|days?|weeks?|nights?)|(?:one|two|three|four|five|six|seven|ten|fifteen|twenty|thirty) (?:minutes?|hours?|units?|times?|days?|nights?|working days?)|\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)|\d{1,2}[.:]\d\d|when|whenever|if|unless|until|before|after|within|any day|on arrival|pay ?day|school (?:nights?|days?)|at night|each time|every time)\b/;

/** A schedule strict enough to turn attendance into something countable. */
export const SCHEDULE_RE =
  /\b(?:every|each (?:week|day|month|fortnight|morning|evening|session|time)|daily|weekly|fortnightly|monthly|twice|once a|times a|(?:once|twice|times) per (?:day|week|fortnight|month)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|\d{1,2}(?:[.:]\d\d)?\s?(?:am|pm)|\d{1,2}[.:]\d\d)\b/;

/** A calendar date or a bounded, resolvable timescale. */
export const DATE_RE =
  /\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}|may \d{4}|(?:by|before|at) the (?:next|first|second|third|final) (?:review|core group|meeting|hearing|visit)|(?:next|first|second) (?:review|core group|hearing)|within \d+ (?:working )?(?:days|weeks|months)|by the end of|(?:this|next|spring|summer|autumn) term|end of (?:the )?(?:month|term|year))\b/;

/** Someone who checks or delivers: a role with a checking verb, "checked by", unannounced visits. */
export const CHECKER_RE =
  /\b(?:checked|confirmed|verified|observed|monitored|seen|witnessed|overseen|supervised|tested|recorded|noted|reported|signed off|shared|measured|weighed) (?:by|at)\b|\bunannounced\b|\bwith [^.;]{0,40}\bpresent\b|\b(?:social worker|health visitor|family support worker|support worker|key ?worker|school|nursery|teacher|gp|nurse|care coordinator|probation officer|drug service|clinic|contact supervisor|supervisor|facilitator|foster carer|iro|staff|breakfast club|group leader|midwife|police)\b(?: \S+){0,3}? (?:check|checks|checking|confirm|confirms|confirming|note|notes|record|records|share|shares|report|reports|send|sends|see|sees|observe|observes|test|tests|visit|visits|weigh|weighs|monitor|monitors)\b/;

/** Evidence: a register, test, chart, report or record someone could look at. */
export const EVIDENCE_RE =
  /\b(?:register|records?|recorded|chart|diary|log|logs|tests?|tested|samples?|screens?|reports?|breath|breathalys\w*|hair strand|blood|urine|peth|soberlink|photos?|photographs?|receipts?|statements?|certificate|red book|attendance|payments?|confirmation|emails?|signed|sign|observations?|observed|unannounced|notes?|evidenced|shown by)\b/;

/** Support the council or a service gives. */
export const SUPPORT_RE =
  /\b(?:with (?:the )?(?:help|support) (?:of|from)|supported by|support from|help from|will be (?:offered|given|provided|funded)|(?:family support worker|support worker|fsw|health visitor|key ?worker)(?: will)? (?:help|support|visit|show|teach|work))\b/;

/** What happens if it is not met. */
export const CONSEQUENCE_RE =
  /\b(?:if (?:this|she|he|they|it|these|mother|father) (?:does not|doesn't|do not|don't|is not|isn't|are not|aren't|cannot|can't|fails?)|if not met|otherwise|failing (?:this|which)|will (?:lead|result) (?:to|in)|legal planning|pre-?proceedings|return to (?:supervised|court))\b/;

/** Cut-off for a verb's object: where the checker / evidence / support tail begins. */
export const OBJECT_TAIL_RE =
  /(?:\b(?:checked|confirmed|evidenced|shown|seen|observed|recorded|verified|monitored|noted|reviewed|measured|supported|assessed|overseen|witnessed|tested) (?:by|at|in|through)\b|\bwith (?:the )?(?:help|support) (?:of|from)\b|\bif (?:this|she|he|they|it) (?:does not|doesn't|is not|isn't|are not|aren't|do not|don't)\b|\botherwise\b|\bfailing (?:this|which)\b)/g;

/** Tests that make a "sober / abstinent" state checkable. */
export const TEST_RE = /\b(?:tests?|tested|testing|samples?|breath|breathalys\w*|hair strand|blood|urine|peth|soberlink|screens?)\b/;

/** A countable threshold ("above 95%", "no more than 14 units"). */
export const THRESHOLD_RE = /(?:\d|\b(?:at least|no more than|no fewer than|no less than|above|below|under|over|one|two|three|four|five)\b)/;
/** How much is used, against a number or nil ("to nil", "to 14 units"); "reduce his use over time" names none. */
export const AMOUNT_THRESHOLD_RE = /\d|\bto (?:nil|zero|none)\b/;
