/**
 * Finds sentences that send the reader to another document ("see the PEP dated 14/01/2025",
 * "as set out in the parenting assessment", "attached as Appendix 2"), and citations that name a
 * document while stating its key fact ("The RHA on 3 March found his immunisations up to date").
 * A document that is the object of an action ("SW to update the PEP") or a meeting is not a pointer:
 * pointers need a sending cue, citations need a reporting verb right after the document.
 */
import { DOCUMENT_TYPES } from './documentTypes';
import { isSpaceCode as isSpace } from './tokens';

export interface DocumentPointer {
  /** Offsets into the text of the whole pointing phrase. */
  start: number;
  end: number;
  /** Canonical id from DOCUMENT_TYPES, 'other' if unknown. */
  docType: string;
  /** The matched text. */
  phrase: string;
  /** pointer = detail left elsewhere; citation = key fact stated, document still cited. */
  strength: 'pointer' | 'citation';
}

export interface PointerOptions {
  /** Extra document types: id → aliases. */
  extraDocumentTypes?: Record<string, string[]>;
}

interface AliasTable {
  re: RegExp; // global, on lower-cased text
  ids: Map<string, string>; // alias → id
  /** No alias contains a sentence stop ([.;!?]), so no match spans one: a scan may restart after one. */
  stopFree: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
}

function buildAliases(extra?: Record<string, string[]>): AliasTable {
  const ids = new Map<string, string>();
  const add = (id: string, alias: string) => {
    const a = alias.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    if (a && (!ids.has(a) || id !== 'other')) ids.set(a, id);
  };
  for (const [id, { aliases }] of Object.entries(DOCUMENT_TYPES)) for (const a of aliases) add(id, a);
  if (extra) for (const [id, aliases] of Object.entries(extra)) for (const a of aliases) add(id, a);
  const sorted = [...ids.keys()].sort((a, b) => b.length - a.length);
  return {
    re: new RegExp(`\\b(?:${sorted.map(escape).join('|')})(?![\\w-])`, 'g'),
    ids,
    stopFree: !sorted.some((a) => /[.;!?]/.test(a)),
  };
}

const DEFAULT_ALIASES = buildAliases();
const aliasCache = new WeakMap<Record<string, string[]>, AliasTable>();
/** Callers build a fresh options object per check, so tables are also cached by content. */
const aliasByContent = new Map<string, AliasTable>();

/** A key naming the content of `extra` exactly, or undefined when it is not plain lists of strings. */
function contentKey(extra: Record<string, string[]>): string | undefined {
  let key = '';
  for (const [id, aliases] of Object.entries(extra)) {
    if (!Array.isArray(aliases)) return undefined;
    key += `${id.length}:${id}${aliases.length}:`;
    for (const a of aliases) {
      if (typeof a !== 'string') return undefined;
      key += `${a.length}:${a}`;
    }
  }
  return key;
}

function aliasesFor(options?: PointerOptions): AliasTable {
  const extra = options?.extraDocumentTypes;
  if (!extra) return DEFAULT_ALIASES;
  let t = aliasCache.get(extra);
  if (t) return t;
  const key = contentKey(extra);
  if (key === '') t = DEFAULT_ALIASES;
  else if (key !== undefined) {
    t = aliasByContent.get(key);
    if (!t) {
      t = buildAliases(extra);
      if (aliasByContent.size >= 64) aliasByContent.clear();
      aliasByContent.set(key, t);
    }
  } else t = buildAliases(extra);
  aliasCache.set(extra, t);
  return t;
}

/** Cheap first look: a sending cue or a reporting verb. Text without one never goes further. */
const PREFILTER =
  /\b(?:see|refer|per|line with|accordance|keeping with|according|detailed|outlined|set out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid out|highlighted|found|further|details?|information|is in|are in|attached|enclosed|appended|appendix|appendices|annex|previously|above|below|shows?|showed|confirm(?:s|ed)|records that|says|said|reports?|reported|conclude[sd]?|recommend(?:s|ed)|indicate[sd]?|was|were|came back|alongside|conjunction|file|outlines?|sets? out|describes?|explains?|contains?|lists?|covers?|summari[sz]es|specifies|documents|provides|gives)\b/i;

type CueKind = 'see' | 'send' | 'according' | 'attached' | 'previously';

/** Cues that send the reader elsewhere; the document must follow within a few words. */
const CUE_RE = new RegExp(
  [
    String.raw`(?<previously>\bas\s+(?:previously|already|earlier)\s+(?:recorded|noted|documented|reported|stated|minuted|set\s+out|outlined|detailed|described)\b|\bas\s+(?:recorded|noted|stated|minuted|documented|mentioned|detailed|outlined)\s+(?:above|below|previously|earlier|before)\b|\bsee\s+(?:above|below)\b)`,
    String.raw`(?<see>\b(?:please\s+)?see(?:\s+also)?\b)`,
    String.raw`(?<send>\b(?:please\s+)?refer\s+to\b|\balongside\b(?<=\b(?:read|considered|viewed|used|seen)\s+alongside)|\bin\s+conjunction\s+with\b|\bas\s+per\b|\bper\s+(?=the\b|his\b|her\b|their\b|j's\b)|\bin\s+(?:line|accordance|keeping)\s+with\b|\b(?:as\s+)?(?:detailed|outlined|set\s+out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid\s+out|highlighted|given|provided|kept|written\s+up|minuted)\s+(?:in|within|at|on)\b|\b(?:can|could|may|will|are\s+to|is\s+to)\s+be\s+(?:found|seen|read|located)\s+(?:in|within|at|on)\b|\bfurther\s+(?:details?|information)\b|\b(?:details?|information)\b[^.;!?]{0,60}?\b(?:is|are)\s+(?:in|within|at)\b|\b(?:is|are)\s+(?:in|within)\b)`,
    String.raw`(?<according>\baccording\s+to\b)`,
    String.raw`(?<attached>\b(?:attached|enclosed|appended)\b|\bon\s+(?:the\s+)?(?:[a-z']+\s+)?file\b|\b(?:appendix|annex)\s+[0-9a-z]{1,3}\b)`,
  ].join('|'),
  // runs on lower-cased text, so no `i`: the same matches, and a faster scan
  'g',
);

/** A reporting verb shortly after a document: the sentence states what it found. */
const REPORTING_RE =
  /^[^.;!?]{0,60}?\b(?:found|finds|showed|shows|confirmed|confirms|records\s+that|recorded\s+that|notes\s+that|noted\s+that|states\s+that|stated\s+that|says|said|reported\s+that|reports\s+that|concluded|concludes|recommended|recommends|identified|identifies|indicated|indicates|highlighted|highlights|(?:was|were|is|are)\s+(?:negative|positive|clear|inconclusive|clean)|came\s+back|returned\s+(?:negative|positive))\b/;

const DATE_TAIL_RE =
  /^,?\s*(?:(?:dated|of|from|on|completed\s+on|agreed\s+on|written\s+on|held\s+on)\s+)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})/;

/**
 * The reporting verbs of REPORTING_RE without its lead-in or final \b. Every REPORTING_RE match
 * starts at a match of this, so a text without one holds no citation.
 */
const REPORTING_KEY_RE =
  /\b(?:found|finds|showed|shows|confirmed|confirms|records\s+that|recorded\s+that|notes\s+that|noted\s+that|states\s+that|stated\s+that|says|said|reported\s+that|reports\s+that|concluded|concludes|recommended|recommends|identified|identifies|indicated|indicates|highlighted|highlights|(?:was|were|is|are)\s+(?:negative|positive|clear|inconclusive|clean)|came\s+back|returned\s+(?:negative|positive))/g;
/** Most characters REPORTING_RE's lead-in `[^.;!?]{0,60}?` lets stand between a document and its verb. */
const REPORTING_GAP = 60;

/** Sticky forms of the tails read after a match (no slicing of the rest of the text). */
const APPENDIX_LABEL_Y = /\s+[0-9a-z]{1,3}\b/y;
const DATE_TAIL_Y = new RegExp(DATE_TAIL_RE.source.slice(1), 'y');
const ATTACHED_AS_Y = /\s+(?:as|at)\s+(?:appendix|annex)\s+[0-9a-z]{1,3}\b/y;

function stickyMatch(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex - at : -1;
}

/**
 * Sentence boundaries: [.!?;] or a newline, not followed by a digit (an end of text counts).
 * Found by scanning out from an offset, never over the whole text.
 */
function isStop(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i);
  if (c !== 46 && c !== 33 && c !== 63 && c !== 59 && c !== 10) return false;
  const n = lower.charCodeAt(i + 1); // NaN past the end
  return !(n >= 48 && n <= 57);
}

/** Start of the sentence holding `at`, but no earlier than `floor`. */
function sentenceStart(lower: string, at: number, floor: number): number {
  const lo = Math.max(floor, 0);
  for (let i = at - 1; i >= lo; i--) if (isStop(lower, i)) return i + 1;
  return lo;
}

/** End of the sentence holding `at` (its stop, or the end of text), but no later than `ceil`. */
function sentenceEnd(lower: string, at: number, ceil: number): number {
  const hi = Math.min(ceil, lower.length);
  for (let i = at; i < hi; i++) if (isStop(lower, i)) return i;
  return hi;
}

/** How far either side of a cue the document may be: keeps long run-on text linear. */
const WINDOW = 160;

interface AliasHit {
  start: number;
  end: number;
  id: string;
}

function idOf(table: AliasTable, matched: string): string {
  // keys are normalised; a match needing normalisation never equals one as it stands
  return table.ids.get(matched) ?? table.ids.get(matched.replace(/’/g, "'").replace(/\s+/g, ' ')) ?? 'other';
}

/**
 * The alias matches lying wholly in [from, to). The scan runs on that slice alone, never on to the
 * end of the text, so a text full of cues with no document after them stays linear.
 */
function aliasHits(table: AliasTable, lower: string, from: number, to: number, first = false): AliasHit[] {
  const out: AliasHit[] = [];
  if (from >= to) return out;
  const slice = lower.slice(from, to);
  const re = table.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    // \b at the slice's start: the caller's `from` is always at a word boundary of the text
    out.push({ start: from + m.index, end: from + m.index + m[0].length, id: idOf(table, m[0]) });
    if (first) break;
  }
  return out;
}

/** aliasHits(table, lower, from, to)[0], without looking further. */
function firstAliasHit(table: AliasTable, lower: string, from: number, to: number): AliasHit | undefined {
  return aliasHits(table, lower, from, to, true)[0];
}

/**
 * The hits of a whole-text alias scan that end within REPORTING_GAP before one of `keys` (sorted
 * starts of reporting verbs) — the only hits that can be citations. Needs a stop-free table: a
 * scan restarted just after a sentence stop sees the same matches as one from the start of text.
 */
function hitsBeforeKeys(table: AliasTable, lower: string, keys: number[]): AliasHit[] {
  const out: AliasHit[] = [];
  const re = table.re;
  let cursor = 0; // never strictly inside a whole-text match
  // the next whole-text match from cursor (-1: not looked for; pStart -2: there is none)
  let pStart = -1;
  let pEnd = 0;
  let pText = '';
  let checked = 0; // every stop in [0, checked) is known: the last one is lastStop
  let lastStop = -1;
  for (const k of keys) {
    const lo = k - REPORTING_GAP;
    // a hit ending at or after lo spans no stop, so it starts after any stop before lo
    if (lo > checked) {
      for (let i = lo - 1; i >= checked; i--) {
        const c = lower.charCodeAt(i);
        if (c === 46 || c === 33 || c === 63 || c === 59) {
          lastStop = i;
          break;
        }
      }
      checked = lo;
    }
    if (lastStop + 1 > cursor) {
      cursor = lastStop + 1;
      if (pStart >= 0 && pStart < cursor) pStart = -1;
    }
    for (;;) {
      if (pStart === -1) {
        re.lastIndex = cursor;
        const m = re.exec(lower);
        if (m) {
          pStart = m.index;
          pText = m[0];
          pEnd = pStart + pText.length;
        } else pStart = -2;
      }
      if (pStart === -2 || pStart >= k || pEnd > k) break;
      if (pEnd >= lo) out.push({ start: pStart, end: pEnd, id: idOf(table, pText) });
      cursor = pEnd;
      pStart = -1;
    }
  }
  return out;
}

function wordsBetween(lower: string, a: number, b: number): number {
  // the number of whitespace-separated runs: lower.slice(a, b).trim().split(/\s+/) without the garbage
  let n = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    if (isSpace(lower.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

const SEE_LEAD = /^[(\[,:\-–—]$/;

/** A fronted "for …" phrase saying what the reader will find: "For details see …", "For his health needs see …". */
const FOR_LEAD_RE =
  /^\s*(?:[-*•]\s*)?for\s+(?:(?:(?:more|further|full|fuller|additional|the)\s+)?(?:details?|information|info)(?:\s+(?:on|about|of|regarding)\s+[^,;:()]{1,40}?)?|(?:the|his|her|their|j's|[a-z]+'s)\s+(?:[a-z'-]+\s+){0,2}[a-z'-]+)\s*$/;

/** "see" is imperative only at the start of a sentence, after punctuation, or after a fronted "for …". */
function seeLeadOk(lower: string, sStart: number, cueStart: number): boolean {
  let i = cueStart - 1;
  while (i >= sStart && isSpace(lower.charCodeAt(i))) i--;
  return i < sStart || SEE_LEAD.test(lower[i]) || (cueStart - sStart <= 60 && FOR_LEAD_RE.test(lower.slice(sStart, cueStart)));
}

/**
 * A document named by a noun phrase the alias table does not know, right after a strong cue:
 * "see the consultation form", "captured in his life story book". The phrase must end in a
 * document word (the next word is not another noun of the phrase).
 */
const DOC_NP_Y =
  /\s+(?:the|his|her|their|its|this|that|these|those|a|an|[a-z]+'s)\s+(?:[a-z][a-z'-]*\s+){0,3}?(?:form|forms|book|booklet|workbook|report|letter|minutes|record|records|file|plan|assessment|log|diary|notes|document|summary|agreement|profile|passport|chronology|statement|tracker|referral|questionnaire|leaflet|journal)(?![\w-])(?!\s+(?:form|book|report|letter|minutes|record|log|diary|notes|plan|meeting|review|session|group|team|worker|club)\b)/y;

/** Weak cues ("is in", "details … are in"): too common to take an unknown noun phrase as a document. */
const WEAK_CUE_RE = /^(?:is|are|details?|information)\b/;

/** Concrete content in a main clause: a number, a frequency, a day, a named arrangement. */
const CONCRETE_RE =
  /\d|\b(?:once|twice|weekly|fortnightly|monthly|daily|termly|nightly|every|each|a (?:day|week|month|fortnight|term)|per (?:day|week|month)|one|two|three|four|five|six|seven|eight|nine|ten|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mornings?|afternoons?|evenings?|weekends?|supervised|unsupervised|overnight|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/;

/** The words of a sentence before a cue that still leave the cue opening it. */
const OPENING_LEAD_RE = /^[\s\-*•(]*(?:and\s+|but\s+|also\s+)?$/;

/**
 * A document as the subject of a verb that says what it holds: "The parenting assessment sets out
 * the concerns", "The PEP (May 2025) details his targets" — the active form of "… set out in the
 * parenting assessment". Read at the end of the document; only a date, a parenthesis or "which"
 * may stand between the document and the verb.
 */
const CONTENT_VERB_Y =
  /(?:\s*\([^()]{0,40}\))?(?:,?\s+(?:dated|of|from|completed\s+on|written\s+on|agreed\s+on)\s+[^\s,.;]+(?:\s+[^\s,.;]+){0,2}?)?(?:,?\s+(?:which|that))?\s+(?:also\s+|clearly\s+|further\s+|fully\s+)?(?:sets\s+out|set\s+out|outlines?|outlined|details?|describes?|described|explains?|explained|contains?|contained|lists?|listed|covers?|covered|summari[sz]es|summari[sz]ed|specifies|specified|documents|documented|records|gives\s+(?:details|detail|information|more)|provides\s+(?:details|detail|information|more))\b(?!\s+(?:in|within|by|at|on|are|is|were|was|have|has|will|to|that)\b)/y;
/** Verbs that CONTENT_VERB_Y can end in: a cheap pre-check on the whole text. */
const CONTENT_KEY_RE =
  /\b(?:sets?\s+out|outlined?|outlines|details?|describe[sd]?|explain(?:s|ed)?|contain(?:s|ed)?|list(?:s|ed)?|cover(?:s|ed)?|summari[sz](?:es|ed)|specifie[sd]|documents|documented|records|gives|provides)\b/g;
/** Reporting verbs, or (group 1) verbs saying what a document holds: one scan for both, in text order. */
const KEY_RE = new RegExp(`${REPORTING_KEY_RE.source}|(${CONTENT_KEY_RE.source})`, 'g');

/** Words before "details", "records", "list"… that make it a noun ("further details", "contact details"), so no document can be its subject. */
const NOUN_LEAD = new Set(
  'further more full fuller the for of with these those any no some contact personal his her their its my your our a an and or in on at to by key specific exact additional relevant other such all bank these no'.split(' '),
);

/** The word ending just before `at` (skipping white space), or '' when punctuation or the start comes first. */
function wordBefore(lower: string, at: number): string {
  let e = at;
  while (e > 0 && isSpace(lower.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0) {
    const c = lower.charCodeAt(b - 1);
    if ((c >= 97 && c <= 122) || c === 39) b--;
    else break;
  }
  return lower.slice(b, e);
}

/** Before a document that is a subject: a determiner, so "update the PEP which sets out" still reads as the PEP's content. */
const SUBJECT_DET_RE = /(?:^|[\s(])(?:the|this|that|his|her|their|its|j's|[a-z]+'s|latest|last|previous|recent|attached|updated|current)\s+(?:[a-z'-]+\s+){0,2}$/;

/** Finds phrases that point at or cite another document. */
export function findDocumentPointers(text: string, options?: PointerOptions): DocumentPointer[] {
  if (!text || !PREFILTER.test(text)) return [];
  const lower = text.toLowerCase();
  const table = aliasesFor(options);
  const out: DocumentPointer[] = [];
  // pointers are emitted in increasing order, so only the last ones can overlap a new one
  const covered = (s: number, e: number) => {
    for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) if (s < out[k].end && e > out[k].start) return true;
    return false;
  };
  const emit = (start: number, end: number, docType: string, strength: DocumentPointer['strength']) => {
    if (lower.endsWith('appendix', end) && end - start >= 8 || lower.endsWith('annex', end) && end - start >= 5) {
      const label = stickyMatch(APPENDIX_LABEL_Y, lower, end);
      if (label >= 0) end += label;
    }
    const tail = stickyMatch(DATE_TAIL_Y, lower, end);
    if (tail >= 0) end += tail;
    if (!covered(start, end)) out.push({ start, end, docType, phrase: text.slice(start, end), strength });
  };

  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(lower)) !== null) {
    // the named groups, by number: previously, see, send, according, attached
    const kind: CueKind | undefined =
      m[1] !== undefined ? 'previously' : m[2] !== undefined ? 'see' : m[3] !== undefined ? 'send' : m[4] !== undefined ? 'according' : m[5] !== undefined ? 'attached' : undefined;
    if (!kind) continue;
    const cueStart = m.index;
    const cueEnd = m.index + m[0].length;
    const sStart = sentenceStart(lower, cueStart, cueStart - WINDOW);
    const sEnd = sentenceEnd(lower, cueStart, cueEnd + WINDOW);

    if (kind === 'see') {
      // imperative only: at the start of a sentence, after punctuation or "please"
      if (!m[0].startsWith('please') && !seeLeadOk(lower, sStart, cueStart)) continue;
    }
    if (kind === 'attached') {
      const word = m[0];
      if (word === 'attached' || word === 'enclosed' || word === 'appended') {
        const after = lower.slice(cueEnd, cueEnd + 30);
        const before = lower.slice(Math.max(sStart, cueStart - 12), cueStart);
        const ok =
          /^\s*(?:as|at|to\s+(?:this|these|the)\s+(?:minutes|report|record|review|plan|document)|herewith|hereto|below|separately|with)\b/.test(after) ||
          /^\s*(?:[.;,)]|$)/.test(after) ||
          /\b(?:the|see)\s+$/.test(before);
        if (!ok) continue;
      }
    }

    // the documents after the cue: the nearest one first, the rest only when needed
    const first = firstAliasHit(table, lower, cueEnd, sEnd);
    let afterAll: AliasHit[] | undefined;
    const after = (): AliasHit[] => (afterAll ??= first ? aliasHits(table, lower, cueEnd, sEnd) : []);
    // words between grow with distance, so only the nearest hit can be close enough
    let hit: AliasHit | undefined = first && wordsBetween(lower, cueEnd, first.start) <= 4 ? first : undefined;
    if (!hit && (kind === 'see' || (kind === 'send' && !WEAK_CUE_RE.test(m[0])))) {
      // an unfamiliar document after a strong cue: "see the consultation form"
      const np = stickyMatch(DOC_NP_Y, lower, cueEnd);
      if (np >= 0 && cueEnd + np <= sEnd) {
        let s0 = cueEnd;
        while (isSpace(lower.charCodeAt(s0))) s0++;
        const known = aliasHits(table, lower, s0, cueEnd + np);
        hit = { start: s0, end: cueEnd + np, id: known.find((h) => h.id !== 'other')?.id ?? 'other' };
      }
    }
    if (kind === 'attached' || kind === 'previously') {
      // the document named before the cue: "The chronology is attached as Appendix 2"
      const before = aliasHits(table, lower, sStart, cueStart).filter((h) => h.id !== 'other');
      const specificAfter = after().find((h) => h.id !== 'other');
      const pick = before[before.length - 1] ?? specificAfter;
      if (kind === 'attached' && pick && pick.end <= cueStart) {
        let end = cueEnd;
        const app = stickyMatch(ATTACHED_AS_Y, lower, cueEnd);
        if (app >= 0) end += app;
        emit(pick.start, end, pick.id, 'pointer');
        CUE_RE.lastIndex = Math.max(CUE_RE.lastIndex, end);
        continue;
      }
      if (pick) hit = pick.start >= cueEnd ? pick : hit;
      if (!hit) {
        emit(cueStart, cueEnd, pick?.id ?? 'other', 'pointer');
        continue;
      }
    }
    if (!hit) continue;
    let docType = hit.id;
    if (docType === 'other') {
      const specific = after().find((h) => h.id !== 'other') ?? aliasHits(table, lower, sStart, cueStart).find((h) => h.id !== 'other');
      if (specific) docType = specific.id;
    }
    let strength: DocumentPointer['strength'] = 'pointer';
    if (kind === 'send' && OPENING_LEAD_RE.test(lower.slice(sStart, cueStart))) {
      // a cue opening the sentence, and the main clause states the fact: "As per the PEP, J has
      // 1:1 reading support three mornings a week" cites the PEP; "As per the PEP, targets will
      // be reviewed" leaves the detail there
      let e = hit.end;
      const tail = stickyMatch(DATE_TAIL_Y, lower, e);
      if (tail >= 0) e += tail;
      const comma = lower.slice(e, Math.min(sEnd, e + 31)).indexOf(',') + e;
      if (comma >= e) {
        const main = lower.slice(comma + 1, sEnd);
        if (wordsBetween(lower, comma + 1, sEnd) >= 4 && CONCRETE_RE.test(main)) strength = 'citation';
      }
    }
    if (kind === 'according') {
      // "According to the GP letter, her medication has been increased" / "…, according to the PEP"
      const rest = lower.slice(hit.end, sEnd);
      const lead = lower.slice(sStart, cueStart);
      if (/^[^,]{0,40},\s*\S+(?:\s+\S+){2,}/.test(rest) || wordsBetween(lower, sStart, cueStart) >= 4 && /,\s*$/.test(lead)) strength = 'citation';
    }
    emit(cueStart, hit.end, docType, strength);
    CUE_RE.lastIndex = Math.max(CUE_RE.lastIndex, hit.end);
  }

  // citations: a named document followed by what it found (only near a reporting verb); and
  // pointers: a document as the subject of a verb saying what it holds ("the PEP sets out …")
  const keys: number[] = [];
  KEY_RE.lastIndex = 0;
  while ((m = KEY_RE.exec(lower)) !== null) if (m[1] === undefined || !NOUN_LEAD.has(wordBefore(lower, m.index))) keys.push(m.index);
  if (keys.length) {
    const cued = out.slice().sort((a, b) => a.start - b.start);
    let pi = 0;
    const hits = table.stopFree ? hitsBeforeKeys(table, lower, keys) : aliasHits(table, lower, 0, lower.length);
    for (const h of hits) {
      while (pi < cued.length && cued[pi].end <= h.start) pi++;
      if (pi < cued.length && cued[pi].start < h.end) continue;
      const cv = stickyMatch(CONTENT_VERB_Y, lower, h.end);
      if (cv >= 0) {
        const lead = lower.slice(Math.max(0, h.start - 40), h.start);
        if (SUBJECT_DET_RE.test(lead) || OPENING_LEAD_RE.test(lower.slice(sentenceStart(lower, h.start, h.start - 12), h.start))) {
          emit(h.start, h.end + cv, h.id, 'pointer');
          continue;
        }
      }
      if (h.id === 'other') continue;
      const sEnd = sentenceEnd(lower, h.start, h.end + WINDOW);
      if (REPORTING_RE.test(lower.slice(h.end, sEnd))) emit(h.start, h.end, h.id, 'citation');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
