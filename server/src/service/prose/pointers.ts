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
  /\b(?:see|refer|per|line with|accordance|keeping with|according|detailed|outlined|set out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid out|highlighted|found|further|details?|information|is in|are in|attached|enclosed|appended|appendix|appendices|annex|previously|above|below|shows?|showed|confirm(?:s|ed)|records that|says|said|reports?|reported|conclude[sd]?|recommend(?:s|ed)|indicate[sd]?|was|were|came back)\b/i;

type CueKind = 'see' | 'send' | 'according' | 'attached' | 'previously';

/** Cues that send the reader elsewhere; the document must follow within a few words. */
const CUE_RE = new RegExp(
  [
    String.raw`(?<previously>\bas\s+(?:previously|already|earlier)\s+(?:recorded|noted|documented|reported|stated|minuted|set\s+out|outlined|detailed|described)\b|\bas\s+(?:recorded|noted|stated|minuted|documented|mentioned|detailed|outlined)\s+(?:above|below|previously|earlier|before)\b|\bsee\s+(?:above|below)\b)`,
    String.raw`(?<see>\b(?:please\s+)?see(?:\s+also)?\b)`,
    String.raw`(?<send>\b(?:please\s+)?refer\s+to\b|\bas\s+per\b|\bper\s+(?=the\b|his\b|her\b|their\b|j's\b)|\bin\s+(?:line|accordance|keeping)\s+with\b|\b(?:as\s+)?(?:detailed|outlined|set\s+out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid\s+out|highlighted|given|provided|kept|written\s+up|minuted)\s+(?:in|within|at|on)\b|\b(?:can|could|may|will|are\s+to|is\s+to)\s+be\s+(?:found|seen|read|located)\s+(?:in|within|at|on)\b|\bfurther\s+(?:details?|information)\b|\b(?:details?|information)\b[^.;!?]{0,60}?\b(?:is|are)\s+(?:in|within|at)\b|\b(?:is|are)\s+(?:in|within)\b)`,
    String.raw`(?<according>\baccording\s+to\b)`,
    String.raw`(?<attached>\b(?:attached|enclosed|appended)\b|\b(?:appendix|annex)\s+[0-9a-z]{1,3}\b)`,
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

function aliasHits(table: AliasTable, lower: string, from: number, to: number): AliasHit[] {
  const out: AliasHit[] = [];
  if (from >= to) return out;
  const re = table.re;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null && m.index < to) {
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ start: m.index, end, id: idOf(table, m[0]) });
  }
  return out;
}

/** aliasHits(table, lower, from, to)[0], without looking further. */
function firstAliasHit(table: AliasTable, lower: string, from: number, to: number): AliasHit | undefined {
  if (from >= to) return undefined;
  const re = table.re;
  re.lastIndex = from;
  const m = re.exec(lower);
  if (m === null || m.index >= to || m.index + m[0].length > to) return undefined;
  return { start: m.index, end: m.index + m[0].length, id: idOf(table, m[0]) };
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

/** "see" is imperative only at the start of a sentence, or after punctuation. */
function seeLeadOk(lower: string, sStart: number, cueStart: number): boolean {
  let i = cueStart - 1;
  while (i >= sStart && isSpace(lower.charCodeAt(i))) i--;
  return i < sStart || SEE_LEAD.test(lower[i]);
}

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
    if (kind === 'according') {
      // "According to the GP letter, her medication has been increased" / "…, according to the PEP"
      const rest = lower.slice(hit.end, sEnd);
      const lead = lower.slice(sStart, cueStart);
      if (/^[^,]{0,40},\s*\S+(?:\s+\S+){2,}/.test(rest) || wordsBetween(lower, sStart, cueStart) >= 4 && /,\s*$/.test(lead)) strength = 'citation';
    }
    emit(cueStart, hit.end, docType, strength);
    CUE_RE.lastIndex = Math.max(CUE_RE.lastIndex, hit.end);
  }

  // citations: a named document followed by what it found (only near a reporting verb)
  const keys: number[] = [];
  REPORTING_KEY_RE.lastIndex = 0;
  while ((m = REPORTING_KEY_RE.exec(lower)) !== null) keys.push(m.index);
  if (keys.length) {
    const cued = out.slice().sort((a, b) => a.start - b.start);
    let pi = 0;
    const hits = table.stopFree ? hitsBeforeKeys(table, lower, keys) : aliasHits(table, lower, 0, lower.length);
    for (const h of hits) {
      while (pi < cued.length && cued[pi].end <= h.start) pi++;
      if (h.id === 'other' || (pi < cued.length && cued[pi].start < h.end)) continue;
      const sEnd = sentenceEnd(lower, h.start, h.end + WINDOW);
      if (REPORTING_RE.test(lower.slice(h.end, sEnd))) emit(h.start, h.end, h.id, 'citation');
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
