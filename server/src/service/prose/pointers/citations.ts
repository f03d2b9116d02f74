/**
 * Documents named with no cue before them: a citation ("The RHA on 3 March found his
 * immunisations up to date": the key fact is stated here) and a document as the subject of a verb
 * saying what it holds ("The parenting assessment sets out the concerns": a pointer). Only alias
 * hits near such a verb are looked at, so the scan stays linear.
 */
import { AliasHit, aliasHits, hitsBeforeKeys } from './aliases';
import { sentenceEnd, sentenceStart, stickyMatch, wordBefore, wordsBetween } from './text';
import { documentPhraseAt, SUBJECT_DOCUMENT_RE, type ScanText } from './targets';
import { isAboutThisDocument, OPENING_LEAD_RE } from './cues';

/** Reporting verbs: a document followed by one states what it found. */
const REPORTING_VERBS = [
  'found', 'finds', 'showed', 'shows', 'confirmed', 'confirms', 'records that', 'recorded that', 'notes that', 'noted that',
  'states that', 'stated that', 'says', 'said', 'reported that', 'reports that', 'concluded', 'concludes', 'recommended',
  'recommends', 'identified', 'identifies', 'indicated', 'indicates', 'highlighted', 'highlights',
  // test results: "the hair strand test was negative", "the drug screen came back clear"
  '(?:was|were|is|are) (?:negative|positive|clear|inconclusive|clean)', 'came back', 'returned (?:negative|positive)',
];
const REPORTING_SRC = REPORTING_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|');
/** Most characters that may stand between a document and its reporting verb. */
const REPORTING_GAP = 60;
const REPORTING_RE = new RegExp(`^[^.;!?]{0,${REPORTING_GAP}}?\\b(?:${REPORTING_SRC})\\b`);
/** Every REPORTING_RE match starts at a match of this, so a text without one holds no citation. */
const REPORTING_KEY_SRC = `\\b(?:${REPORTING_SRC})`;

/** Verbs saying what a document holds: "sets out", "details", "gives details". */
const CONTENT_VERBS = [
  'sets out', 'set out', 'outlines?', 'outlined', 'details?', 'describes?', 'described', 'explains?', 'explained', 'contains?',
  'contained', 'lists?', 'listed', 'covers?', 'covered', 'summari[sz]es', 'summari[sz]ed', 'specifies', 'specified', 'documents',
  'documented', 'records',
];
/** Verbs with their object: what follows is not read as a preposition ("provides additional information on …"). */
const DETAIL_OBJECT = '(?:(?:additional|further|more|full|fuller|detailed|comprehensive|practical) )?(?:details?|information|guidance|advice)';
const CONTENT_VERBS_WITH_OBJECT = [`gives ${DETAIL_OBJECT}`, 'gives more', `provides ${DETAIL_OBJECT}`, 'provides more'];
/**
 * Read at the end of the document; only a date, a parenthesis or "which" may stand between the
 * document and the verb ("The PEP (May 2025) details his targets").
 */
const CONTENT_VERB_Y = new RegExp(
  String.raw`(?:\s*\([^()]{0,40}\))?(?:,?\s+(?:dated|of|from|completed\s+on|written\s+on|agreed\s+on)\s+[^\s,.;]+(?:\s+[^\s,.;]+){0,2}?)?(?:,?\s+(?:which|that))?\s+(?:also\s+|clearly\s+|further\s+|fully\s+)?(?:(?:` +
    CONTENT_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|') +
    String.raw`)\b(?!\s+(?:in|within|by|at|on|are|is|were|was|have|has|will|to|that)\b)|(?:` +
    CONTENT_VERBS_WITH_OBJECT.map((v) => v.replace(/ /g, '\\s+')).join('|') +
    String.raw`)\b)`,
  'y',
);
const CONTENT_KEY_SRC = String.raw`\b(?:sets?\s+out|outlined?|outlines|details?|describe[sd]?|explain(?:s|ed)?|contain(?:s|ed)?|list(?:s|ed)?|cover(?:s|ed)?|summari[sz](?:es|ed)|specifie[sd]|documents|documented|records|gives|provides)\b`;
/** Reporting verbs, or (group 1) verbs saying what a document holds: one scan for both, in text order. */
export const KEY_RE = new RegExp(`${REPORTING_KEY_SRC}|(${CONTENT_KEY_SRC})`, 'g');

/** Words before "details", "records", "list"… that make it a noun ("further details"), so no document can be its subject. */
const NOUN_LEAD = new Set(
  'further more full fuller the for of with these those any no some contact personal his her their its my your our a an and or in on at to by key specific exact additional relevant other such all bank'.split(' '),
);

const FURTHER_VERB_RE = /\b(?:which|that)\s+further\s+$/;
/** "which further detail the duties", "the protocol further details how…": "further" an adverb, "detail" the verb. */
function furtherDetailIsVerb(lower: string, at: number, verb: string): boolean {
  if (!verb.startsWith('detail') || wordBefore(lower, at) !== 'further') return false;
  return FURTHER_VERB_RE.test(lower.slice(Math.max(0, at - 20), at)) || /^\s+(?:the|his|her|their|its|how|what|when|who)\b/.test(lower.slice(at + verb.length, at + verb.length + 8));
}

/** Before a document that is a subject: a determiner, so "update the PEP which sets out" still reads as the PEP's content. */
const SUBJECT_DET_RE = /(?:^|[\s(])(?:the|this|that|his|her|their|its|j's|[a-z]+'s|latest|last|previous|recent|attached|updated|current)\s+(?:[a-z'-]+\s+){0,2}$/;

/** Starts of the verbs that can follow a cited or content-giving document, and which of them say what a document holds. */
function keyOffsets(lower: string): { keys: number[]; content: number[] } {
  const keys: number[] = [];
  const content: number[] = [];
  KEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = KEY_RE.exec(lower)) !== null) {
    // "set out" is never a noun: "developed to set out …" still says what a document holds
    // "which further detail the duties": after which/that, "further" is an adverb and "detail" the verb
    if (m[1] !== undefined && !m[1].startsWith('set') && NOUN_LEAD.has(wordBefore(lower, m.index)) && !furtherDetailIsVerb(lower, m.index, m[1])) continue;
    keys.push(m.index);
    if (m[1] !== undefined) content.push(m.index);
  }
  return { keys, content };
}

/**
 * A sentence whose subject is a document the alias table does not know, before a verb saying
 * what it holds: "Paragraph 5.61 of Working Together sets out the information…", "The
 * Regulations and associated guidance set out detailed arrangements…". Not "This protocol
 * outlines…" or "The following guidance explains…": that is this document.
 */
function subjectPointer(s: ScanText, verbAt: number): Found | undefined {
  const { lower } = s;
  const ss = sentenceStart(lower, verbAt, verbAt - 200);
  let a = ss;
  while (a < verbAt && /[\s\-*•(]/.test(lower[a])) a++;
  const whole = lower.slice(a, verbAt);
  const cv = stickyMatch(CONTENT_VERB_Y, lower, a + whole.trimEnd().length);
  if (cv < 0) return undefined;
  const verbEnd = a + whole.trimEnd().length + cv;
  // a heading before a colon and a phrase between commas are not the subject: "Title: A new guide, published by X, provides …"
  const colon = whole.lastIndexOf(': ');
  if (colon >= 0) a += colon + 2;
  const subject = lower.slice(a, verbAt).replace(MADE_TO_RE, '').replace(APPOSITIVE_RE, '').replace(ADVERB_BEFORE_VERB_RE, ' ');
  // "The following practice guidance explains …": the text that follows, this document
  if (!SUBJECT_DOCUMENT_RE.test(subject) || /^(?:this|these|it|they|that|the\s+following)\b/.test(subject)) return undefined;
  const end = a + subject.trimEnd().length;
  const id = aliasHits(s.table, lower, a, end).find((h) => h.id !== 'other')?.id ?? 'other';
  // a child's own kind of record, defined for any child; a law or guidance does set out what it holds
  if (id !== 'other' ? describesAKind(lower, verbEnd) : holdsDocuments(lower, verbEnd)) return undefined;
  return { start: a, end, id, strength: gistGiven(lower, verbEnd) ? 'citation' : 'pointer' };
}

/** Fewest words after the verb, with a list in them, that give what the document holds. */
const GIST_WORDS = 10;

/**
 * "The plan details how the team around the child, including all agencies, parents and carers, will
 * work together …": what the document holds is given here, item by item, so it is cited rather than
 * left there (a citation states its key fact, DOMAIN.md). Chosen on dev: 8 to 20 words all gave the
 * same verdicts with a list, and fewer found without one.
 */
function gistGiven(lower: string, from: number): boolean {
  const end = sentenceEnd(lower, from, from + 400);
  const rest = lower.slice(from, end);
  return wordsBetween(lower, from, end) >= GIST_WORDS && /,[^,]*,|\bincluding\b/.test(rest);
}

/**
 * "The Placement Plan sets out the day to day arrangements for the care of a child": what a kind of
 * child's record holds for any child is a definition of the kind, not this child's detail left in it.
 */
const ANY_CHILD_RE = /\b(?:(?:a|any|each|every|all)\s+(?:looked after\s+)?(?:child|young person|children|young people)|(?:for|of|to)\s+(?:looked after\s+)?(?:children|young people))\b/;

/** Whether what follows the verb defines a kind of record, or names the documents it holds. */
function describesAKind(lower: string, from: number): boolean {
  return ANY_CHILD_RE.test(lower.slice(from, sentenceEnd(lower, from, from + 200))) || holdsDocuments(lower, from);
}

/**
 * "The court bundle contained the parenting assessment, the guardian's analysis and …": what it
 * holds is named here (other documents), so no detail is left in it.
 */
function holdsDocuments(lower: string, from: number): boolean {
  const at = from + (/^\s*/.exec(lower.slice(from, from + 20))?.[0].length ?? 0);
  const n = documentPhraseAt(lower, at);
  return n > 0 && /^\s*(?:[,;.:]|and\b|$)/.test(lower.slice(at + n, at + n + 6));
}

/** An adverb between the document and its verb: "The protocol further details …". */
const ADVERB_BEFORE_VERB_RE = /\s+(?:also|further|clearly|fully)\s+$/;

/** A document made for the purpose: "A separate chapter has been developed to set out …". */
const MADE_TO_RE = /\s+(?:has|have|had)\s+been\s+(?:developed|written|produced|prepared|issued|published|drawn\s+up)\s+to\s*$/;

/** A phrase between commas saying who made the document: ", published by the Knowledge Programme,". */
const APPOSITIVE_RE = /,\s*(?:published|written|produced|prepared|issued|developed|commissioned|completed|updated|agreed)\b[^,]{0,100},\s*$/;

export interface Found {
  start: number;
  end: number;
  id: string;
  strength: 'pointer' | 'citation';
  /** The date written after the document, when there is one. */
  date?: string;
  /** Where the document's own words start, when a cue comes first. */
  targetStart?: number;
  /** Where those words end, when the pointer runs on past them ("Minute No. 37 refers"). */
  targetEnd?: number;
}

/** Citations and content-verb pointers, skipping documents inside a cued pointer already found. */
export function findUncued(s: ScanText, cued: readonly { start: number; end: number }[]): Found[] {
  const { lower, table } = s;
  const { keys, content } = keyOffsets(lower);
  if (!keys.length) return [];
  const sorted = cued.slice().sort((a, b) => a.start - b.start);
  const out: Found[] = [];
  let pi = 0;
  const hits: AliasHit[] = table.stopFree ? hitsBeforeKeys(table, lower, keys, REPORTING_GAP) : aliasHits(table, lower, 0, lower.length);
  for (const h of hits) {
    while (pi < sorted.length && sorted[pi].end <= h.start) pi++;
    if (pi < sorted.length && sorted[pi].start < h.end) continue;
    const cv = stickyMatch(CONTENT_VERB_Y, lower, h.end);
    // "This document outlines the fees": this record itself, not one it sends to
    if (cv >= 0 && isAboutThisDocument(lower, sentenceStart(lower, h.start, h.start - 40), h.end)) continue;
    if (cv >= 0) {
      const lead = lower.slice(Math.max(0, h.start - 40), h.start);
      if (SUBJECT_DET_RE.test(lead) || OPENING_LEAD_RE.test(lower.slice(sentenceStart(lower, h.start, h.start - 12), h.start))) {
        if (!(h.id === 'other' ? holdsDocuments(lower, h.end + cv) : describesAKind(lower, h.end + cv))) out.push({ start: h.start, end: h.end + cv, id: h.id, strength: gistGiven(lower, h.end + cv) ? 'citation' : 'pointer' });
        continue;
      }
    }
    if (h.id === 'other') continue;
    const sEnd = sentenceEnd(lower, h.start, h.end + 160);
    if (REPORTING_RE.test(lower.slice(h.end, sEnd))) out.push({ start: h.start, end: h.end, id: h.id, strength: 'citation' });
  }
  return withSubjectPointers(s, out, sorted, content);
}

/** Adds the subject pointers that overlap nothing found: one pass, all three lists in text order. */
function withSubjectPointers(s: ScanText, found: Found[], cued: readonly { start: number; end: number }[], content: number[]): Found[] {
  const out = found.slice().sort((x, y) => x.start - y.start);
  const added: Found[] = [];
  let ci = 0;
  let oi = 0;
  let lastStart = -1;
  for (const k of content) {
    const f = subjectPointer(s, k);
    if (!f || f.start === lastStart) continue; // two verbs in one sentence share its subject
    lastStart = f.start;
    while (ci < cued.length && cued[ci].end <= f.start) ci++;
    while (oi < out.length && out[oi].end <= f.start) oi++;
    const overlaps = (c: { start: number; end: number } | undefined) => !!c && c.start < f.end;
    if (!overlaps(cued[ci]) && !overlaps(out[oi])) added.push(f);
  }
  return added.length ? [...out, ...added].sort((x, y) => x.start - y.start) : out;
}
