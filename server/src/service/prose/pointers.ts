/**
 * Finds sentences that send the reader to another document ("see the PEP dated 14/01/2025",
 * "as set out in the parenting assessment", "attached as Appendix 2"), and citations that name a
 * document while stating its key fact ("The RHA on 3 March found his immunisations up to date").
 * A document that is the object of an action ("SW to update the PEP") or a meeting is not a pointer:
 * pointers need a sending cue, citations need a reporting verb right after the document.
 */
import { DOCUMENT_TYPES } from './documentTypes';

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
  return { re: new RegExp(`\\b(?:${sorted.map(escape).join('|')})(?![\\w-])`, 'g'), ids };
}

const DEFAULT_ALIASES = buildAliases();
const aliasCache = new WeakMap<Record<string, string[]>, AliasTable>();
function aliasesFor(options?: PointerOptions): AliasTable {
  const extra = options?.extraDocumentTypes;
  if (!extra) return DEFAULT_ALIASES;
  let t = aliasCache.get(extra);
  if (!t) {
    t = buildAliases(extra);
    aliasCache.set(extra, t);
  }
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
  'gi',
);

/** A reporting verb shortly after a document: the sentence states what it found. */
const REPORTING_RE =
  /^[^.;!?]{0,60}?\b(?:found|finds|showed|shows|confirmed|confirms|records\s+that|recorded\s+that|notes\s+that|noted\s+that|states\s+that|stated\s+that|says|said|reported\s+that|reports\s+that|concluded|concludes|recommended|recommends|identified|identifies|indicated|indicates|highlighted|highlights|(?:was|were|is|are)\s+(?:negative|positive|clear|inconclusive|clean)|came\s+back|returned\s+(?:negative|positive))\b/;

const DATE_TAIL_RE =
  /^,?\s*(?:(?:dated|of|from|on|completed\s+on|agreed\s+on|written\s+on|held\s+on)\s+)?(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d\d-\d\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})/;

/** Sentence boundaries ([.!?;] or a newline not followed by a digit), computed once per text. */
function sentenceEnds(lower: string): number[] {
  const ends: number[] = [];
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i];
    if ((c === '.' || c === '!' || c === '?' || c === ';' || c === '\n') && !/\d/.test(lower[i + 1] ?? '')) ends.push(i);
  }
  ends.push(lower.length);
  return ends;
}

/** [start, end) of the sentence holding offset `at` (binary search over `ends`). */
function sentenceBounds(ends: number[], at: number): [number, number] {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return [lo > 0 ? ends[lo - 1] + 1 : 0, ends[lo]];
}

/** How far either side of a cue the document may be: keeps long run-on text linear. */
const WINDOW = 160;

interface AliasHit {
  start: number;
  end: number;
  id: string;
}

function aliasHits(table: AliasTable, lower: string, from: number, to: number): AliasHit[] {
  const out: AliasHit[] = [];
  table.re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = table.re.exec(lower)) !== null && m.index < to) {
    if (m.index + m[0].length > to) break;
    const key = m[0].replace(/’/g, "'").replace(/\s+/g, ' ');
    out.push({ start: m.index, end: m.index + m[0].length, id: table.ids.get(key) ?? 'other' });
  }
  return out;
}

function wordsBetween(lower: string, a: number, b: number): number {
  const seg = lower.slice(a, b).trim();
  return seg ? seg.split(/\s+/).length : 0;
}

/** Finds phrases that point at or cite another document. */
export function findDocumentPointers(text: string, options?: PointerOptions): DocumentPointer[] {
  if (!text || !PREFILTER.test(text)) return [];
  const lower = text.toLowerCase();
  const table = aliasesFor(options);
  const ends = sentenceEnds(lower);
  const out: DocumentPointer[] = [];
  // pointers are emitted in increasing order, so only the last ones can overlap a new one
  const covered = (s: number, e: number) => {
    for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) if (s < out[k].end && e > out[k].start) return true;
    return false;
  };
  const emit = (start: number, end: number, docType: string, strength: DocumentPointer['strength']) => {
    const label = /(?:appendix|annex)$/.test(lower.slice(start, end)) ? /^\s+[0-9a-z]{1,3}\b/.exec(lower.slice(end)) : null;
    if (label) end += label[0].length;
    const tail = DATE_TAIL_RE.exec(lower.slice(end));
    if (tail) end += tail[0].length;
    if (!covered(start, end)) out.push({ start, end, docType, phrase: text.slice(start, end), strength });
  };

  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(lower)) !== null) {
    const g = m.groups ?? {};
    const kind = (Object.keys(g) as CueKind[]).find((k) => g[k] !== undefined);
    if (!kind) continue;
    const cueStart = m.index;
    const cueEnd = m.index + m[0].length;
    let [sStart, sEnd] = sentenceBounds(ends, cueStart);
    sStart = Math.max(sStart, cueStart - WINDOW);
    sEnd = Math.min(sEnd, cueEnd + WINDOW);

    if (kind === 'see') {
      // imperative only: at the start of a sentence, after punctuation or "please"
      const before = lower.slice(sStart, cueStart);
      if (!/^please/.test(m[0]) && !/(?:^|[(\[,:\-–—])\s*$/.test(before)) continue;
    }
    if (kind === 'attached') {
      const word = m[0];
      if (/^(?:attached|enclosed|appended)$/.test(word)) {
        const after = lower.slice(cueEnd, cueEnd + 30);
        const before = lower.slice(Math.max(sStart, cueStart - 12), cueStart);
        const ok =
          /^\s*(?:as|at|to\s+(?:this|these|the)\s+(?:minutes|report|record|review|plan|document)|herewith|hereto|below|separately|with)\b/.test(after) ||
          /^\s*(?:[.;,)]|$)/.test(after) ||
          /\b(?:the|see)\s+$/.test(before);
        if (!ok) continue;
      }
    }

    const after = aliasHits(table, lower, cueEnd, sEnd);
    let hit: AliasHit | undefined = after.find((h) => wordsBetween(lower, cueEnd, h.start) <= 4);
    if (kind === 'attached' || kind === 'previously') {
      // the document named before the cue: "The chronology is attached as Appendix 2"
      const before = aliasHits(table, lower, sStart, cueStart).filter((h) => h.id !== 'other');
      const specificAfter = after.find((h) => h.id !== 'other');
      const pick = before[before.length - 1] ?? specificAfter;
      if (kind === 'attached' && pick && pick.end <= cueStart) {
        let end = cueEnd;
        const app = /^\s+(?:as|at)\s+(?:appendix|annex)\s+[0-9a-z]{1,3}\b/.exec(lower.slice(cueEnd));
        if (app) end += app[0].length;
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
      const specific = after.find((h) => h.id !== 'other') ?? aliasHits(table, lower, sStart, cueStart).find((h) => h.id !== 'other');
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

  // citations: a named document followed by what it found
  const cued = out.slice().sort((a, b) => a.start - b.start);
  let pi = 0;
  for (const h of aliasHits(table, lower, 0, lower.length)) {
    while (pi < cued.length && cued[pi].end <= h.start) pi++;
    if (h.id === 'other' || (pi < cued.length && cued[pi].start < h.end)) continue;
    const [, sEnd] = sentenceBounds(ends, h.start);
    if (REPORTING_RE.test(lower.slice(h.end, Math.min(sEnd, h.end + WINDOW)))) emit(h.start, h.end, h.id, 'citation');
  }
  return out.sort((a, b) => a.start - b.start);
}
