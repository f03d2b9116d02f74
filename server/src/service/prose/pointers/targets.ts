/**
 * What a cue sends the reader to. An open set: a known document type, a section ("Section 1.3",
 * "Schedule 2"), a quoted or Title-Case name ("Charter for Care Leavers"), any noun phrase ending
 * in a document word ("the attendance page", "the downloads"), or "here". Not a target: this
 * record itself ("this chapter", "these minutes") or a bare "the plan" repeating a document the
 * sentence already named.
 */
import { AliasHit, AliasTable, aliasHits, firstAliasHit } from './aliases';
import { isSpace, stickyMatch, wordsBetween } from './text';

export interface ScanText {
  text: string;
  lower: string;
  table: AliasTable;
  /** lower has text's offsets, so the original capitals can be read at the same place. */
  sameOffsets: boolean;
}

export type Target = AliasHit;

/** A document word as a regex source, and a phrase after a cue that it is there for. */
export interface HeadEntry {
  src: string;
  example: string;
}

/** Words that end a phrase naming a document. */
export const DOCUMENT_HEADS: readonly HeadEntry[] = [
  // rules and law
  { src: 'procedures?|protocols?', example: 'the Court Proceedings Procedure' },
  { src: 'guidance|guidelines?', example: 'national guidance' },
  { src: 'polic(?:y|ies)', example: "the school's behaviour policy" },
  { src: 'handbooks?|manuals?', example: 'the Local Safeguarding Children Board Procedures Manual' },
  { src: 'regulations?|act|legislation|case[- ]law', example: 'the 1989 Act' },
  { src: 'code|charter|frameworks?|standards?', example: 'the School Admissions Code' },
  // a named set of principles is a text (the corporate parenting principles are a section of an Act)
  { src: 'principles', example: 'the corporate parenting principles' },
  { src: 'toolkit|flowcharts?|checklists?', example: 'the Pre-Birth Flowchart' },
  // parts of a document
  { src: 'chapters?|sections?|paragraphs?|appendix|appendices|annex(?:es)?|schedules?', example: 'the relevant chapter' },
  // where documents are kept
  { src: 'pages?|website|web ?pages?|downloads|resources?|library|folders?|portal|intranet|links?', example: 'the attendance page' },
  { src: 'repositor(?:y|ies)|databases?|archives?|(?:shared |network )drives?', example: 'the national repository' },
  { src: 'tabs?', example: 'the resource tab' },
  // kinds of document
  { src: 'packs?|bundles?|papers?', example: 'the court bundle' },
  { src: 'forms?|templates?|questionnaires?', example: 'the consultation form' },
  { src: 'leaflets?|booklets?|books?|workbooks?|journals?', example: 'his life story book' },
  { src: 'publications?|articles?|briefings?|bulletins?|newsletters?|fact ?sheets?|blogs?|videos?|footnotes?|glossary', example: 'our statistics briefing' },
  { src: 'guides?', example: 'the practice guide' },
  { src: 'lists?|logs?|diary|diaries|trackers?|maps?', example: 'the family time log' },
  // figures laid out for a meeting: "referred the Committee to the scorecard attached to the agenda" (not "table" or
  // "chart": a kitchen table, a reward chart)
  { src: 'scorecards?|dashboards?|spreadsheets?', example: 'the performance scorecard' },
  { src: 'reports?|letters?|statements?|summary|summaries', example: 'the school report' },
  { src: 'minutes|records?|files?|notes|documents?|documentation', example: 'the strategy meeting minutes' },
  { src: 'plans?|assessments?|agreements?|referrals?', example: 'the most recent assessment' },
  { src: 'profiles?|passports?|chronology|chronologies', example: 'her health passport' },
  { src: 'judge?ments?|orders?|recommendations', example: 'conference recommendations' },
];

/** After a head, a word that makes the phrase a meeting, team or person instead: "the policy team", "the plan review". */
const NOT_DOCUMENT_AFTER = ['meetings?', 'reviews?', 'sessions?', 'groups?', 'teams?', 'workers?', 'clubs?', 'panels?', 'managers?', 'officers?', 'holders?', 'process'];

/** Words that cannot sit inside a document's name: verbs, prepositions, conjunctions of a clause. */
const NOT_MODIFIER = [
  'to', 'for', 'by', 'with', 'on', 'at', 'from', 'about', 'into', 'that', 'which', 'who', 'when', 'where', 'if', 'as',
  'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'should', 'must', 'can', 'could', 'may', 'might', 'has',
  'have', 'had', 'not', 'of', 'but', 'so', 'than', 'then', 'he', 'she', 'they', 'we', 'it', 'you', 'i', 'and', 'or', 'in',
  'under', 'after', 'before', 'during', 'within', 'because', 'while', 'whether',
];

/** A word put in place of a name when a text was anonymised: "the [regional] Joint Protocol". */
const PLACEHOLDER = String.raw`\[[^\]\n]{1,30}\]`;

/** [optional determiner] up to five other words, then one or more document heads. */
export function headPhraseRegex(heads: readonly HeadEntry[]): RegExp {
  const head = `(?:${heads.map((h) => h.src).join('|')})`;
  return new RegExp(
    // "that judgment", "those minutes": a demonstrative before the document ("see that the plan is followed" is a clause)
    `(?:(?:that|those)\\s+(?=(?!(?:the|a|an|his|her|their|its|this|these)\\s)(?:[a-z0-9][\\w'&/-]*\\s+){0,2}${head}(?![\\w-])))?(?:(?:${PLACEHOLDER}|(?!(?:${NOT_MODIFIER.join('|')})\\s)[a-z0-9][\\w'&/-]*)\\s+){0,5}?${head}(?:\\s+${head})*(?:\\s+(?:and|or|&)\\s+(?:(?:the|associated|related|other|any)\\s+)?${head})?(?![\\w-])(?!\\s+(?:${NOT_DOCUMENT_AFTER.join('|')})\\b)`,
    'y',
  );
}
let HEAD_PHRASE_Y = headPhraseRegex(DOCUMENT_HEADS);

/** The length of a phrase naming a document at `at` ("the parenting assessment"), or -1. */
export function documentPhraseAt(lower: string, at: number): number {
  return stickyMatch(HEAD_PHRASE_Y, lower.slice(at, at + 120), 0);
}
const headAlt = (): string => `(?:${DOCUMENT_HEADS.map((h) => h.src).join('|')})`;
let HEAD = headAlt();
let HEAD_TAIL_Y = new RegExp(`(?:\\s+${HEAD})+(?![\\w-])`, 'y');
/** A document word anywhere in a phrase: "a summary of the changes", "a full version of our statement of purpose". */
export let DOCUMENT_WORD_RE = new RegExp(`\\b${HEAD}(?![\\w-])`);
let DOCUMENT_END_RE = new RegExp(`\\b${HEAD}\\s*$`);

/** Whether a phrase ends in a document word: "the letter", "her health passport". */
export function endsWithDocumentWord(phrase: string): boolean {
  return DOCUMENT_END_RE.test(phrase);
}
/**
 * A whole subject that names a document: a section ("Paragraph 5.61 of Working Together…") or a
 * phrase of up to twenty words ending in a document word, a year or a bracket.
 */
export let SUBJECT_DOCUMENT_RE = subjectDocumentRegex();
function subjectDocumentRegex(): RegExp {
  return new RegExp(
    `^(?:(?:sections?|chapters?|paragraphs?|paras?|parts?|schedules?|regulations?|appendix|annex)\\s*\\d[^,;:]{0,80}|(?:the\\s+)?(?:[\\w'&/(),.-]+\\s+){0,20}?${HEAD}(?:\\s+\\d{4})?(?:\\s*\\([^()]{0,60}\\))?)\\s*$`,
  );
}

/** Builds the document-word patterns again after DOCUMENT_HEADS changed (test/quality/pointerLoso.ts). */
export function resetHeadTables(): void {
  HEAD_PHRASE_Y = headPhraseRegex(DOCUMENT_HEADS);
  HEAD = headAlt();
  HEAD_TAIL_Y = new RegExp(`(?:\\s+${HEAD})+(?![\\w-])`, 'y');
  DOCUMENT_WORD_RE = new RegExp(`\\b${HEAD}(?![\\w-])`);
  DOCUMENT_END_RE = new RegExp(`\\b${HEAD}\\s*$`);
  SUBJECT_DOCUMENT_RE = subjectDocumentRegex();
}
const SECTION_Y = /(?:sections?|chapters?|paragraphs?|paras?|parts?|schedules?|regulations?|standards?|appendix|annex|page|s\.|vol\.?|volumes?)\s*\d+(?:\.\d+)*[a-z]?(?![\w-])/y;
/** A page of the bundle on its own, or a tab: "at E45", "A4-A20", "tab 5" (not "S47 enquiries": a word follows). */
const BUNDLE_LABEL_Y = /(?:tab\s+\d+|[a-z]{1,2}\d+(?:\s*[-–]\s*[a-z]{0,2}\d+)?)(?=\s*(?:[.,;:)]|$|of\b|to\b|and\b))/y;
/** A page label of a named document: "G41 of the bundle", "C12 of the court papers". */
const LABEL_OF_Y = /[a-z]{1,2}\d+(?:[.-]\d+)*\s+of\s+(?:the|his|her|their)\s+/y;
const QUOTED_Y = /(?:the\s+)?['‘"“`][^'’"”`\n]{3,300}['’"”`]/y;
const QUOTE_MAX = 320;
const HERE_Y = /here\b/y;
/** A numbered part on its own after "see" or "refer to": "See 5573.4", "refer to 4.2.1" (a date or a sum has no imperative before it). */
const NUMBERED_PART_Y = /\d+(?:\.\d+)+[a-z]?(?![\w-])/y;
/** A web address: "visit www.example.org/licence". */
const URL_Y = /(?:https?:\/\/|www\.)[^\s,;()]+[^\s,;().]/y;
/** Capitalised words joined by short words: "Charter for Care Leavers", "LSCB Reflective Review Procedure". */
const TITLE_Y = /(?:the\s+)?(?:\([A-Z][\w ]{1,30}\)\s+)?[A-Z][\w’'&-]*(?:,?\s+(?:(?:of|and|for|the|to|in|on|from|with|by|at|a|an|&|–|-)\s+)*(?:[A-Z0-9][\w’'&-]*(?:\.\w+)*|\(\d{4}\)|\([A-Z][\w ]{1,30}\)))+/y;
/**
 * A capitalised phrase ending in a word for people, a body or a place names them, not a document:
 * "see Mum and Dad", "referred to the Placement Matters Meeting", "visit Oakfield Primary School".
 */
export const NOT_DOCUMENT_END = /\b(?:mum|dad|mother|father|parents?|carers?|worker|manager|teacher|nurse|doctor|officer|iro|gp|nan|nana|grandma|grandad|grandmother|grandfather|aunt|uncle|brother|sister|siblings?|family|child|children|team|meetings?|panels?|forums?|boards?|services?|courts?|conferences?|units?|hub|partnership|head|schools?|college|nursery|academy|house|home|centre|center|hospital|clinic|surgery|office|agency|council|authority)$/i;

const SELF = /^(?:this|these|the present)\s/;

function skipLead(lower: string, at: number, end: number): number {
  while (at < end && (isSpace(lower.charCodeAt(at)) || ':('.includes(lower[at]))) at++;
  return at;
}

/**
 * A title that says what to do for children is guidance, not the children: "Working Together to
 * Safeguard Children", "Promoting the Education of Looked After Children" (a verb or "of" inside).
 */
const GUIDANCE_TITLE = /\s(?:to|of)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*\s+Child(?:ren)?$/;

/** A Title-Case name at `at` in the original text, with at least two capitalised words of three letters or more. */
function titleAt(s: ScanText, at: number, end: number): number {
  if (!s.sameOffsets) return -1;
  // on the sentence's rest only: a long run of capitals is read once per cue, not to the text's end
  const rest = s.text.slice(at, end);
  const n = stickyMatch(TITLE_Y, rest, 0);
  if (n < 0) return -1;
  const phrase = rest.slice(0, n);
  const caps = phrase.match(/\b[A-Z][\w’'&-]{2,}/g)?.filter((w) => w !== 'The') ?? [];
  // a place or body, by the word that ends the name or its head: "Oakfield Primary School on 3 June"
  const head = phrase.split(FIRST_PREPOSITION)[0];
  if (caps.length < 2 || (NOT_DOCUMENT_END.test(phrase) && !GUIDANCE_TITLE.test(phrase)) || NOT_DOCUMENT_END.test(head) || namesPerson(phrase)) return -1;
  // a name the next word makes a team, a service or a place: "the CLA Business Support team"
  if (NOT_DOCUMENT_END.test(/^\s+([a-z]+)/.exec(rest.slice(n))?.[1] ?? '')) return -1;
  // a document word after the name belongs to it: "the Signs of Safety map"
  const tail = stickyMatch(HEAD_TAIL_Y, rest.toLowerCase(), n);
  return tail > 0 ? n + tail : n;
}

/**
 * After an imperative to look ("see also", "please visit", "(view …)"), a name written in sentence
 * case is a title too: "Please visit Support and advice for carers", "see our Children coming into
 * care (section 20) page". It runs to the clause's end; a name of a person or a body is not one.
 */
const SENTENCE_TITLE_Y = /(?:(?:the|our|their|his|her|a|an)\s+)?[A-Z][\w’'&-]+(?:[ \t]+(?!for\s+(?:further|more|full|the\s+)?(?:details?|information)\b)[\w’'&/\[\]–-]+){0,14}/y;
/** A name that starts with a title or an initial ("Dr A", "J and his sister") or a word for kin ("Aunt B") is a person's. */
const PERSON_LEAD = /^(?:[Dd]r|M[rs]s?|Miss|Mx|[A-Z]{1,2}\d*)$/;
const KIN = /^(?:mum|mummy|dad|daddy|mother|father|nan|nana|nanny|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|aunt|auntie|aunty|uncle|brother|sister|cousin|step\w*)$/i;
const FIRST_PREPOSITION = /\s(?:for|of|to|in|on|at|with|by|from|under|about|into|every|each|weekly|fortnightly|monthly|daily|alone)(?:\s|$)/i;

function sentenceTitleAt(s: ScanText, at: number, end: number): number {
  if (!s.sameOffsets) return -1;
  const rest = s.text.slice(at, end);
  const n = stickyMatch(SENTENCE_TITLE_Y, rest, 0);
  if (n < 0) return -1;
  const phrase = rest.slice(0, n);
  // the head of the name is before its first preposition: "Support and advice for carers" is support
  const head = phrase.split(FIRST_PREPOSITION)[0];
  return namesPerson(head) || NOT_DOCUMENT_END.test(head) ? -1 : n;
}

function namesPerson(name: string): boolean {
  const first = name.replace(/^(?:the|our|their|his|her|a|an)\s+/i, '').split(/\s/)[0];
  return PERSON_LEAD.test(first) || KIN.test(first);
}

/** The most specific known type inside [start, end), else 'other'. */
export function typeWithin(s: ScanText, start: number, end: number): string {
  return aliasHits(s.table, s.lower, start, end).find((h) => h.id !== 'other')?.id ?? 'other';
}

/** A bare "the plan" when the sentence already named a plan: it refers back, not elsewhere. */
function isAnaphora(lower: string, sStart: number, start: number, end: number): boolean {
  const m = /^the\s+([a-z]+)$/.exec(lower.slice(start, end));
  if (!m) return false;
  const before = lower.slice(sStart, start);
  for (let i = before.indexOf(m[1]); i >= 0; i = before.indexOf(m[1], i + 1)) {
    if (!/[a-z]/.test(before[i - 1] ?? '') && !/[a-z]/.test(before[i + m[1].length] ?? '')) return true;
  }
  return false;
}

export interface TargetQuery {
  from: number; // just after the cue
  sStart: number;
  sEnd: number;
  /** Weak cues take only a known document type. */
  open: boolean;
  /** Reading cues ("see", "can be found") may send to "here". */
  here: boolean;
  /** An imperative to look ("see also", "please visit"): a name in sentence case is a title. */
  look?: boolean;
  /** A numbered part on its own is a place to look ("see 4.2.1", "refer to 5.9 Long-term guardianship"); implied by `look`. */
  numbered?: boolean;
  /** A Title-Case name may be the document (default); not after "was referred to", where it is a service. */
  titles?: boolean;
  /** The document must follow with no preposition between: "is in the contact plan", not "is in agreement with the plan". */
  direct?: boolean;
  /**
   * The sentence has already said the detail is elsewhere ("further detail is provided in …", "for more
   * information see …"): whatever thing it names next holds it, document word or not ("pointers for practice").
   */
  detail?: boolean;
}

/**
 * Not where detail is kept: a person, a team or service, an event (detail "given at the meeting" was
 * said there), a pronoun. Each group is a kind of word, not a list of cases.
 */
const NOT_A_HOLDER = [
  // pronouns and the reader
  'him', 'her', 'them', 'it', 'you', 'me', 'us', 'your', 'our',
  // people and bodies that can be asked, not read
  'social', 'workers?', 'officers?', 'managers?', 'teams?', 'services?', 'carers?', 'parents?', 'mother', 'father', 'iro',
  'sw', 'school', 'nurses?', 'gp', 'doctors?', 'police', 'chair', 'staff', 'family', 'child', 'children',
  // events: what was said at one is not a document
  'meetings?', 'reviews?', 'conferences?', 'sessions?', 'discussions?', 'visits?', 'hearings?', 'supervision', 'calls?',
  // time and place
  'time', 'future', 'due', 'course', 'part', 'full', 'writing', 'person', 'line', 'order', 'respect', 'relation', 'addition',
  // idioms of state: "on hold", "on track", "in the pipeline", "in confidence", "in short supply"
  'hold', 'track', 'way', 'supply', 'confidence', 'interview', 'pipeline', 'progress', 'hand', 'place', 'short',
];
/**
 * After "further detail is in …": a thing named by up to four words, with an of/for/on tail ("pointers
 * for practice"); not one of NOT_A_HOLDER, nor a clause (a verb or a preposition before the name).
 */
const NAMED_THING_Y = new RegExp(
  String.raw`(?:(?:the|a|an|their|its)\s+)?(?!(?:the|a|an|their|its)\s)(?!(?:${NOT_A_HOLDER.join('|')}|${NOT_MODIFIER.join('|')}|this|these|which|what|how|each|every|any|all)\b)[a-z][a-z'-]+(?:\s+(?!(?:${NOT_MODIFIER.join('|')})\b)[a-z][a-z'-]+){0,3}(?:\s+(?:for|of|on)\s+[a-z][a-z'-]+)?(?=\s*(?:[.;:,)!?]|$))`,
  'y',
);

const NOT_A_HOLDER_END_RE = new RegExp(String.raw`\b(?:${NOT_A_HOLDER.join('|')})$`);

function namedThingAt(rest: string): number {
  const n = stickyMatch(NAMED_THING_Y, rest, 0);
  if (n < 0 || NOT_A_HOLDER_END_RE.test(rest.slice(0, n))) return -1;
  // a name of two words or more ("practice pointers", "pointers for practice"); one word is as often a state ("in confidence")
  return rest.slice(0, n).replace(/^(?:the|a|an|their|its)\s+/, '').split(/\s+/).length >= 2 ? n : -1;
}

/** "see that the plan is followed": a clause, not a document to look at ("see that report" is one). */
const THAT_CLAUSE_RE = /^\s*that\s+(?:the|a|an|his|her|their|its)\s/;
/** A preposition between a cue and a document makes the document another word's object. */
const PREPOSITION_RE = /\b(?:with|of|for|to|about|by|from|on|at|into|under|regarding)\b/;

/** The document a cue sends the reader to, or undefined. */
export function findTarget(s: ScanText, q: TargetQuery): Target | undefined {
  const { lower } = s;
  const first = firstAliasHit(s.table, lower, q.from, q.sEnd);
  // words between grow with distance, so only the nearest known document can be close enough
  const between = first ? lower.slice(q.from, first.start) : '';
  if (first && wordsBetween(lower, q.from, first.start) <= 4 && !/\b(?:this|these)\s+(?:[a-z'-]+\s+){0,2}$/.test(between) && !(q.direct && PREPOSITION_RE.test(between)) && !THAT_CLAUSE_RE.test(between)) {
    if (!isAnaphora(lower, q.sStart, wordStartBefore(lower, first.start, q.from), first.end)) return first;
  }
  if (!q.open) return undefined;
  const at = skipLead(lower, q.from, q.sEnd);
  if (at >= q.sEnd) return undefined;
  if (SELF.test(lower.slice(at, at + 12))) return undefined;
  if (q.here && stickyMatch(HERE_Y, lower, at) >= 0) return { start: at, end: at + 4, id: 'other' };
  // the rest of the sentence only: no match may run on past it
  const rest = lower.slice(at, q.sEnd);
  for (const re of [SECTION_Y, URL_Y]) {
    const n = stickyMatch(re, rest, 0);
    if (n >= 0) return { start: at, end: at + n, id: typeWithin(s, at, at + n) };
  }
  if (q.look || q.numbered) {
    const n = stickyMatch(NUMBERED_PART_Y, rest, 0);
    if (n >= 0) return { start: at, end: at + n, id: 'other' };
  }
  // a quoted title may be long, or end in a full stop inside the quotes: read on to its closing quote
  const quoted = stickyMatch(QUOTED_Y, lower.slice(at, at + QUOTE_MAX), 0);
  if (quoted >= 0) return { start: at, end: at + quoted, id: typeWithin(s, at, at + quoted) };
  const label = stickyMatch(LABEL_OF_Y, rest, 0);
  const labelled = label >= 0 ? stickyMatch(HEAD_PHRASE_Y, rest, label) : -1;
  if (labelled >= 0) return { start: at, end: at + label + labelled, id: typeWithin(s, at, at + label + labelled) };
  const page = stickyMatch(BUNDLE_LABEL_Y, rest, 0);
  if (page >= 0) return { start: at, end: at + page, id: 'other' };
  const title = q.titles === false ? -1 : titleAt(s, at, q.sEnd);
  const np = stickyMatch(HEAD_PHRASE_Y, rest, 0);
  let n = Math.max(title, np);
  if (n < 0 && q.look) n = sentenceTitleAt(s, at, q.sEnd);
  if (n < 0 && q.look) {
    // what to look at, then where it is: "Please see the details on the council website"
    const placed = placeAfterObject(rest);
    if (placed) return { start: at + placed.start, end: at + placed.end, id: typeWithin(s, at + placed.start, at + placed.end) };
  }
  if (n < 0 && q.detail) n = namedThingAt(rest);
  if (n < 0) return undefined;
  // "the assessment" again after "the viability assessment" is the same one, named as the sentence's subject — unless
  // the sentence said its detail is there ("for the reasons given in the assessment")
  if (n === np && !q.detail && isAnaphora(lower, q.sStart, at, at + n)) return undefined;
  return { start: at, end: at + n, id: typeWithin(s, at, at + n) };
}

/**
 * A short object and the preposition that says where it is: "the details on ", "further information in ". It opens
 * with a determiner or a word for more detail: not a clause ("see how J is doing on …") or a person.
 */
const OBJECT_THEN_PLACE_Y = /(?:the|further|more|full|fuller|additional|our|their|his|her|its|any|all)\s+(?:[a-z0-9][\w'-]*\s+){0,4}?(?:in|on|within|from)\s+/y;

/** After an imperative to look: the document named where the thing to look at is, if one is. */
function placeAfterObject(rest: string): { start: number; end: number } | undefined {
  const lead = stickyMatch(OBJECT_THEN_PLACE_Y, rest, 0);
  if (lead < 0) return undefined;
  const n = stickyMatch(HEAD_PHRASE_Y, rest, lead);
  return n < 0 ? undefined : { start: lead, end: lead + n };
}

/** Where the phrase holding a known document starts: back over a determiner, if one is there. */
function wordStartBefore(lower: string, start: number, floor: number): number {
  const lead = lower.slice(Math.max(floor, start - 6), start);
  const m = /\bthe\s+$/.exec(lead);
  return m ? start - (lead.length - m.index) : start;
}
