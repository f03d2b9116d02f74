/**
 * Finds sentences that send the reader to another document ("see the PEP dated 14/01/2025",
 * "read in conjunction with the Court Proceedings Procedure", "attached as Appendix 2"), and
 * citations that name a document while stating its key fact ("The RHA on 3 March found his
 * immunisations up to date"). A pointer is a cue (cues.ts) and what it sends to (targets.ts); a
 * document that is the object of an action ("SW to update the PEP") is not one.
 *
 * Tried and not adopted (2026-12-07): a learned second opinion over the sentence's words and word
 * pairs, as expectation-generic has. On four dev batches, with the verdicts the rule recorded when
 * each was added and the scorer trained without their sources (334 items): the rule 0.742, the
 * scorer alone 0.688, the two together 0.726-0.759 by weight — within a few verdicts, not a gain.
 */
import { aliasesFor, aliasHits, resetAliasTables, type AliasHit, type PointerOptions } from './aliases';
import { attachedSends, CUE_RE, cueKind, resetCueTables, cueOpensSentence, isAboutThisDocument, isInstructionToRecord, isWhatWriterRead, isWritersOwn, lookLeadOk, onFileIsState, PREFILTER } from './cues';
import { findUncued, type Found } from './citations';
import { dateTailAt } from './dateTail';
import { documentPhraseAt, findTarget, NOT_DOCUMENT_END, resetHeadTables, typeWithin, type ScanText } from './targets';
import { isLegalBasis, restatesAfterComma, subjectStart, type Cue } from './aroundCue';
import { isSpace, SentenceStops, stickyMatch, wordBefore, wordsBetween } from './text';

export type { PointerOptions };

/** Builds every pattern of the scan again after its lists changed: the leave-one-source-out audit takes entries out one by one. */
export function resetPointerTables(): void {
  resetCueTables();
  resetHeadTables();
  resetAliasTables();
}

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
  /** The document's own words, as written ("the Court Proceedings Procedure", "PEP dated 14/10/2025"). */
  target: string;
  /** The date written after the document: YYYY-MM-DD, or YYYY-MM when only the month is. */
  date?: string;
  /** The sentence says the detail is in that document ("for the detail, see …", "further details are in …"). */
  defersDetail: boolean;
}

/** How far either side of a cue the document may be: keeps long run-on text linear. */
const WINDOW = 160;
const APPENDIX_LABEL_Y = /\s+[0-9a-z]{1,3}\b/y;
const ATTACHED_AS_Y = /\s+(?:as|at)\s+(?:appendix|annex)\s+[0-9a-z]{1,3}\b/y;
const DEFERS_ALL_RE = /\b(?:for\s+(?:the\s+|more\s+|further\s+|full\s+|fuller\s+|additional\s+)?(?:details?|information|specifics)|(?:further|more|full|fuller)\s+(?:details?|information)|details?\s+(?:of|about|are|is))\b/g;
/** A word for the detail a reader is sent for, before a weak cue ("details … are in", "more information is on"). */
const DETAIL_WORD_RE = /\b(?:details?|information|info|specifics|reasons)\b/;
/** Concrete content in a main clause: a number, a frequency, a day, a named arrangement. */
const CONCRETE_RE =
  /\d|\b(?:once|twice|weekly|fortnightly|monthly|daily|termly|nightly|every|each|a (?:day|week|month|fortnight|term)|per (?:day|week|month)|one|two|three|four|five|six|seven|eight|nine|ten|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mornings?|afternoons?|evenings?|weekends?|supervised|unsupervised|overnight|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/;

/** Finds phrases that point at or cite another document. */
export function findDocumentPointers(text: string, options?: PointerOptions): DocumentPointer[] {
  if (!text || !PREFILTER.test(text)) return [];
  // a curly apostrophe reads as a straight one ("J’s PEP"); same length, so offsets stay put
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  const s: ScanText = { text, lower, table: aliasesFor(options), sameOffsets: lower.length === text.length };
  const found: Found[] = [];
  const stops = new SentenceStops(lower);
  CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CUE_RE.exec(lower)) !== null) {
    const kind = cueKind(m);
    if (!kind) continue;
    const start = m.index;
    const end = start + m[0].length;
    const cue: Cue = { kind, text: m[0], start, end, sStart: stops.start(start, start - WINDOW), sEnd: stops.end(start, end + WINDOW) };
    const f = judgeCue(s, cue);
    if (!f) continue;
    const extended = extend(lower, f);
    if (!overlapsLast(found, extended)) found.push(extended);
    CUE_RE.lastIndex = Math.max(CUE_RE.lastIndex, extended.end);
  }
  // findUncued skips documents inside a cued pointer; what it finds comes in text order
  let last: Found | undefined;
  for (const f of findUncued(s, found)) {
    const extended = extend(lower, f);
    if (last && extended.start < last.end) continue;
    found.push((last = extended));
  }
  const defers = found.length ? deferralsIn(s.lower) : [];
  return found.sort((a, b) => a.start - b.start).map((f) => finish(s, f, stops, defers));
}

/** The pointer a cue makes, if it makes one. */
function judgeCue(s: ScanText, c: Cue): Found | undefined {
  const { lower } = s;
  switch (c.kind) {
    case 'look': {
      // a web address straight after ("… supporting documents visit: https://…") is sent to wherever the word stands
      const lead = lookLeadOk(lower, c.sStart, c.start, c.text) || ADDRESS_NEXT_Y.test(lower.slice(c.end, c.end + 12));
      const found = !lead ? undefined : c.text.endsWith('here') ? pointer(c.start, c.end, 'other', c.end) : sentTo(s, c, true, true, true);
      // "(see case reviews)": whatever an aside tells the reader to see is where to look
      return found ?? seeAside(s, c);
    }
    case 'send':
    case 'according': {
      // "should be read alongside: …", "read in conjunction with the following: the Fostering Regulations; …": what is
      // to be read with it is listed next (the list itself may be cut), so the reader is sent to it
      const list = readWithList(lower, c);
      if (list !== undefined) return pointer(c.start, list, 'other', list);
      // "J was referred to Early Help", "she referred to Women's Aid": a name is a service or a body, unless the reader is
      // told to look ("please refer to", "referred the Committee to the scorecard")
      const titles = !(c.kind === 'send' && /^refer(?:red)?\s+to$/.test(c.text) && !lookLeadOk(lower, c.sStart, c.start, c.text));
      return sentTo(s, c, true, false, false, false, titles);
    }
    case 'locate':
      if (isInstructionToRecord(lower, c.sStart, c.start, c.text) || isAboutThisDocument(lower, c.sStart, c.start)) return undefined;
      if (isWritersOwn(lower, c.sStart, c.start, c.end) || isWhatWriterRead(lower, c.sStart, c.start)) return undefined;
      if (c.text.endsWith('here') || c.text.endsWith('link')) return pointer(c.start, c.end, 'other', c.end);
      // "as outlined therein": the document the sentence has just named
      if (c.text.endsWith('therein')) return pointer(c.start, c.end, specificNear(s, c) ?? 'other', c.end);
      return sentTo(s, c, true, /\b(?:found|seen|read|accessed|viewed|downloaded)\b/.test(c.text));
    case 'weak': {
      // after a word for detail ("details of the plan are in the pack", "more information is on the school's website")
      // the text says where to look, so any document-like phrase may follow; otherwise only a known type, directly
      const detail = DETAIL_WORD_RE.test(lower.slice(Math.max(c.sStart, c.start - 80), c.end)) || /\sat$/.test(c.text);
      if (!detail && /\son$/.test(c.text)) return undefined;
      return sentTo(s, c, detail, false, false, !detail);
    }
    case 'attached':
    case 'onfile':
      return attachedOrFiled(s, c);
    case 'previously':
      return previously(s, c);
    case 'subject':
      return documentSubject(s, c);
    case 'fordetail':
      return forDetail(s, c);
  }
}

const MINUTE_NAMED_Y = /^(?:minute|item)\s+(?:no\.?\s*)?\S+/;
const ADDRESS_NEXT_Y = /^\s*:?\s*(?:https?:\/\/|www\.)/;

/** A section or part label ending a phrase: "Section 3 part 1", "Appendix C", "paragraph 4.2". */
const LABEL_END_RE = /\b(?:sections?|chapters?|paragraphs?|paras?|parts?|schedules?|appendix|annex|pages?)\s*\d*[.\d]*[a-z]?(?:,?\s+(?:parts?|paras?|paragraphs?|sections?)\s*\d+[.\d]*[a-z]?)*$/;

/** "Appendix C for further details …", "the PEP for details of his targets": the document named just before the cue. */
function forDetail(s: ScanText, c: Cue): Found | undefined {
  const { lower } = s;
  let end = c.start;
  while (end > c.sStart && (isSpace(lower.charCodeAt(end - 1)) || lower[end - 1] === ',')) end--;
  const from = Math.max(c.sStart, end - 80);
  const lead = lower.slice(from, end);
  const label = LABEL_END_RE.exec(lead);
  if (label && /\d|\b(?:appendix|annex)\s*[a-z]$/.test(label[0])) return pointer(from + label.index, c.end, 'other', from + label.index);
  const hits = aliasHits(s.table, lower, from, end);
  const last = hits[hits.length - 1];
  if (last && last.end === end && !SELF_BEFORE_RE.test(lower.slice(from, last.start))) return pointer(last.start, c.end, last.id, last.start);
  // a phrase ending in a document word, read forward from each of the last few words: from its determiner, if it has one
  let start = -1;
  for (let w = end, k = 0; k < 6 && w > from; k++) {
    w = Math.max(from, lower.lastIndexOf(' ', w - 2) + 1);
    if (documentPhraseAt(lower, w) !== end - w) continue;
    if (start < 0) start = w;
    if (/^(?:the|a|an|his|her|their|our|its|[a-z]+'s)\s/.test(lower.slice(w, end))) {
      start = w;
      break;
    }
  }
  // "this report for further details" is this document
  if (start < 0 || SELF_BEFORE_RE.test(lower.slice(from, start)) || /\b(?:this|these)\s/.test(lower.slice(start, end))) return undefined;
  return pointer(start, c.end, typeWithin(s, start, end), start);
}
const SELF_BEFORE_RE = /\b(?:this|these)\s+(?:[a-z'-]+\s+){0,2}$/;

/**
 * "There is a summary of the changes available", "The guidance in Chapter 6 must be followed": a
 * document named before the cue holds what is meant. Not "Support is available" (no document), nor
 * "This publication is available" (this one).
 */
function documentSubject(s: ScanText, c: Cue): Found | undefined {
  const at = subjectStart(s.lower, c);
  return at < 0 ? undefined : pointer(at, c.end, typeWithin(s, at, c.start));
}

function pointer(start: number, end: number, id: string, targetStart = start): Found {
  return { start, end, id, strength: 'pointer', targetStart };
}

/** "read in conjunction with", "read alongside" before a colon that opens what to read: the colon's offset. */
function readWithList(lower: string, c: Cue): number | undefined {
  if (!/^(?:in\s+conjunction\s+with|alongside|together\s+with)$/.test(c.text)) return undefined;
  if (!/\b(?:read|considered|used|viewed)\s+(?:[a-z]+\s+){0,2}$/.test(lower.slice(Math.max(c.sStart, c.start - 40), c.start))) return undefined;
  const m = /^\s*(?:the\s+following(?:\s+[a-z]+){0,2}\s*)?:/.exec(lower.slice(c.end, c.end + 60));
  return m ? c.end + m[0].length : undefined;
}

/** "(see case reviews)", "(please see the pack)": an aside that is only a cue and a short name, closed at once. */
function seeAside(s: ScanText, c: Cue): Found | undefined {
  const { lower } = s;
  if (!/\(\s*$/.test(lower.slice(Math.max(0, c.start - 3), c.start)) || !/(?:^|\s)see(?:\s+also)?$/.test(c.text)) return undefined;
  const m = /^\s+([a-z0-9][^()\n.;!?]{1,60}?)\s*\)/.exec(lower.slice(c.end, c.end + 70));
  // a clause is not a place: "(see what happens)", "(see if he settles)"
  if (!m || m[1].split(/\s+/).length > 8 || /^(?:what|how|if|whether|that|why|who|when|where|to|it|him|her|them|you)\b/.test(m[1])) return undefined;
  // people, a body or a place: "(see Mum and Dad)", "(see the school)"
  if (NOT_DOCUMENT_END.test(m[1].trim())) return undefined;
  const end = c.end + m[0].lastIndexOf(')');
  return pointer(c.start, end, typeWithin(s, c.end, end), c.end + m[0].indexOf(m[1]));
}

/** A cue followed by what it sends to; a citation when the sentence states the fact itself. */
function sentTo(s: ScanText, c: Cue, open: boolean, here: boolean, look = false, direct = false, titles = true): Found | undefined {
  // "further detail is provided in …", "for more information see …": the sentence has said the detail is elsewhere
  const detail = open && (c.kind === 'look' || c.kind === 'locate') && DETAIL_WORD_RE.test(s.lower.slice(Math.max(c.sStart, c.start - 80), c.start));
  // "refer to 5.9 Long-term guardianship": a numbered part is where to look, as after "see"
  const numbered = c.kind === 'send' && /^(?:please\s+)?(?:also\s+)?refer/.test(c.text);
  const hit = findTarget(s, { from: c.end, sStart: c.sStart, sEnd: c.sEnd, open, here, look, numbered, direct, titles, detail });
  if (!hit) return undefined;
  // "in line with the following guidance: (a) …", "as set out in Working Together 2015:": the content follows, here
  if (contentFollows(s.lower, hit, c.sStart, c.sEnd)) return undefined;
  const id = hit.id === 'other' ? specificNear(s, c) ?? 'other' : hit.id;
  const f = pointer(c.start, hit.end, id, hit.start);
  if (c.kind === 'send' || c.kind === 'locate' || c.kind === 'according') f.strength = citedOrPointed(s, c, hit);
  if (isLegalBasis(s.lower, c, hit)) f.strength = 'citation';
  return f;
}

function contentFollows(lower: string, hit: AliasHit, sStart: number, sEnd: number): boolean {
  // only within the sentence: a search on to the text's end made many pointers quadratic
  const inSentence = lower.slice(hit.end, sEnd + 2).indexOf(':');
  if (inSentence < 0) return false;
  const colon = hit.end + inSentence;
  // "(further detail provided in pointers for practice):" — the colon after a closed aside is the sentence's, not the document's
  // (looked for within the sentence only: a search back to the text's start would make many pointers quadratic)
  if (lower.slice(hit.end, colon).includes(')') && lower.slice(sStart, hit.start).includes('(')) return false;
  if (/^(?:the\s+)?following\b/.test(lower.slice(hit.start, hit.end))) return true;
  // the document, then a colon that opens a list or ends the text: what it says comes next
  return /^[\s\d)]*$/.test(lower.slice(hit.end, colon)) && /^\s*(?:$|\n|\(?[a-z0-9]\)|[-•*])/.test(lower.slice(colon + 1, colon + 8));
}

/** A known type named elsewhere in the sentence, for a pointer whose target names none. */
function specificNear(s: ScanText, c: Cue): string | undefined {
  const after = aliasHits(s.table, s.lower, c.end, c.sEnd).find((h) => h.id !== 'other');
  return (after ?? aliasHits(s.table, s.lower, c.sStart, c.start).find((h) => h.id !== 'other'))?.id;
}

/**
 * "As per the PEP, J has 1:1 reading support three mornings a week" cites the PEP; "As per the
 * PEP, targets will be reviewed" leaves the detail there. "According to the GP letter, her
 * medication has been increased" cites.
 */
function citedOrPointed(s: ScanText, c: Cue, hit: AliasHit): Found['strength'] {
  const { lower } = s;
  if (c.kind === 'according') {
    const rest = lower.slice(hit.end, c.sEnd);
    const lead = lower.slice(c.sStart, c.start);
    return /^[^,]{0,40},\s*\S+(?:\s+\S+){2,}/.test(rest) || (wordsBetween(lower, c.sStart, c.start) >= 4 && /,\s*$/.test(lead)) ? 'citation' : 'pointer';
  }
  if (!cueOpensSentence(lower, c.start, c.sStart)) return 'pointer';
  const e = hit.end + (dateTailAt(lower, hit.end)?.length ?? 0);
  const comma = lower.slice(e, Math.min(c.sEnd, e + 31)).indexOf(',') + e;
  if (comma < e) return 'pointer';
  return wordsBetween(lower, comma + 1, c.sEnd) >= 4 && CONCRETE_RE.test(lower.slice(comma + 1, c.sEnd)) ? 'citation' : 'pointer';
}

/** "The chronology is attached as Appendix 2", "The outcome … is held on file": the document named before the cue. */
function attachedOrFiled(s: ScanText, c: Cue): Found | undefined {
  const { lower } = s;
  // "submitted separately": the verb the cue looked back for is part of it
  if (c.text === 'separately') c = { ...c, start: wordStartOf(lower, c.start) };
  if (c.kind === 'onfile' && !onFileIsState(lower, c.sStart, c.start)) return undefined;
  if (c.kind === 'attached' && /^(?:attached|enclosed|appended|annexed)$/.test(c.text)) {
    if (!attachedSends(lower, c.sStart, c.start, c.end) || isInstructionToRecord(lower, c.sStart, c.start, c.text)) return undefined;
  }
  const before = aliasHits(s.table, lower, c.sStart, c.start).filter((h) => h.id !== 'other');
  const pick = before[before.length - 1] ?? aliasHits(s.table, lower, c.end, c.sEnd).find((h) => h.id !== 'other');
  if (pick && pick.end <= c.start) {
    const as = stickyMatch(ATTACHED_AS_Y, lower, c.end);
    return pointer(pick.start, as >= 0 ? c.end + as : c.end, pick.id);
  }
  const near = findTarget(s, { from: c.end, sStart: c.sStart, sEnd: c.sEnd, open: false, here: false });
  return near ? pointer(c.start, near.end, pick?.id ?? near.id, near.start) : pointer(c.start, c.end, pick?.id ?? 'other', c.end);
}

/** Where the word before `at` starts (skipping white space). */
function wordStartOf(lower: string, at: number): number {
  let e = at;
  while (e > 0 && isSpace(lower.charCodeAt(e - 1))) e--;
  return e - wordBefore(lower, e).length;
}

/** "As previously recorded in the PEP", "see above": the earlier record or another part of this one. */
function previously(s: ScanText, c: Cue): Found {
  // "(Minute No. 37 refers)": the minute named is where the matter is
  const minute = MINUTE_NAMED_Y.exec(c.text);
  if (minute) return { ...pointer(c.start, c.end, 'other', c.start), targetEnd: c.start + minute[0].length };
  const before = aliasHits(s.table, s.lower, c.sStart, c.start).filter((h) => h.id !== 'other');
  const pick = before[before.length - 1] ?? aliasHits(s.table, s.lower, c.end, c.sEnd).find((h) => h.id !== 'other');
  const near = findTarget(s, { from: c.end, sStart: c.sStart, sEnd: c.sEnd, open: false, here: false });
  if (pick && pick.start >= c.end) return pointer(c.start, pick.end, pick.id, pick.start);
  const f = near ? pointer(c.start, near.end, near.id === 'other' ? pick?.id ?? 'other' : near.id, near.start) : pointer(c.start, c.end, pick?.id ?? 'other', c.end);
  if (!near && restatesAfterComma(s.lower, c)) f.strength = 'citation';
  return f;
}

/** Takes in an appendix label ("Appendix 2") and a date written after the document. */
function extend(lower: string, f: Found): Found {
  let end = f.end;
  if ((lower.endsWith('appendix', end) && end - f.start >= 8) || (lower.endsWith('annex', end) && end - f.start >= 5)) {
    const label = stickyMatch(APPENDIX_LABEL_Y, lower, end);
    if (label >= 0) end += label;
  }
  const tail = dateTailAt(lower, end);
  return tail ? { ...f, end: end + tail.length, date: tail.date } : { ...f, end };
}

/** Pointers are found in increasing order, so only the last few can overlap a new one. */
function overlapsLast(found: readonly Found[], f: Found): boolean {
  for (let k = found.length - 1; k >= 0 && k >= found.length - 4; k--) if (f.start < found[k].end && f.end > found[k].start) return true;
  return false;
}

/** Where the text says the detail is elsewhere ('for further details'), as [start, end] pairs in order: found once, not per pointer. */
function deferralsIn(lower: string): number[] {
  const out: number[] = [];
  for (const m of lower.matchAll(DEFERS_ALL_RE)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** Whether a deferral lies wholly in [from, to): a binary search over the pairs. */
function defersWithin(defers: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = defers.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (defers[2 * mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < defers.length / 2 && defers[2 * lo + 1] <= to;
}

function finish(s: ScanText, f: Found, stops: SentenceStops, defers: number[]): DocumentPointer {
  const sStart = stops.start(f.start, f.start - WINDOW);
  const sEnd = stops.end(f.end, f.end + WINDOW);
  return {
    start: f.start,
    end: f.end,
    docType: f.id,
    phrase: s.text.slice(f.start, f.end),
    strength: f.strength,
    target: s.text.slice(f.targetStart ?? f.start, f.targetEnd ?? f.end),
    ...(f.date ? { date: f.date } : {}),
    defersDetail: defersWithin(defers, sStart, sEnd),
  };
}
