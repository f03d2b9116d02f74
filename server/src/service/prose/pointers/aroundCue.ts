/**
 * What the words around a cue say about it: the noun phrase before it that names a document ("the
 * guidance in Chapter 6 … must be followed"), the law an act is done under ("in accordance with
 * section 152 of the … Act"), a point made again after "As stated above,". Each reads a bounded
 * stretch of one sentence.
 */
import { cueOpensSentence, type CueKind } from './cues';
import { DOCUMENT_WORD_RE } from './targets';
import { wordsBetween } from './text';

/** A cue found in the text, with the sentence it stands in. */
export interface Cue {
  kind: CueKind;
  text: string;
  start: number;
  end: number;
  sStart: number;
  sEnd: number;
}

/** Words that end the noun phrase before a cue: a verb, a clause opener, a negation. */
const CLAUSE_WORD = /[,;:]|\b(?:is|are|was|were|be|been|has|have|had|if|when|where|once|until|whether|unless|that|which|who|will|would|should|must|can|may|no|not)\s/;
const DETERMINER = /(?:^|[\s(\-*•])((?:the|a|an|any|all|our|their|his|her|its|[a-z]+'s|this|these)\s)/g;
/** "If the report is available": a condition, not a document said to be elsewhere. */
const CONDITION_BEFORE = /\b(?:if|when|once|until|whether|unless)\s+(?:[a-z'-]+\s+){0,2}$/;

/**
 * Where the noun phrase naming a document just before the cue starts, or -1: the nearest
 * determiner whose phrase has a document word in its head ("the guidance in Chapter 6 of these
 * procedures", not "advice on the plan"), not crossing a clause word; never this record itself.
 */
export function subjectStart(lower: string, c: Cue): number {
  // the verb before the cue's own word: "is (available)", "must be (followed)"
  // a bracketed date or note after the document is blanked, offsets kept: "the assessment (May 2025) should be read"
  const lead = lower
    .slice(c.sStart, c.start)
    .replace(/\s+(?:is|are|(?:must|should|will|shall|is\s+to|are\s+to|needs?\s+to)\s+be)\s*$/, ' ')
    .replace(/\([^()]{0,30}\)/g, (m) => ' '.repeat(m.length));
  const starts = [0, ...[...lead.matchAll(DETERMINER)].map((m) => m.index + m[0].length - m[1].length)];
  for (let k = starts.length - 1; k >= 0; k--) {
    const np = lead.slice(starts[k]);
    if (CLAUSE_WORD.test(np) || wordsBetween(np, 0, np.length) > 12) return -1;
    // "advice on the plan", "a version of our statement": the phrase starts further back
    if (/^(?:this|these)\s/.test(np) || /\b(?:on|about|of|for|to|with|regarding|in|at|by|from)\s+$/.test(lead.slice(0, starts[k]))) continue;
    const head = np.split(/\s(?:on|about|for|to|from|with|regarding|in|at|by)\s/)[0];
    if (!DOCUMENT_WORD_RE.test(head)) continue;
    return CONDITION_BEFORE.test(lead.slice(0, starts[k])) ? -1 : c.sStart + starts[k];
  }
  return -1;
}

/** "In accordance with", "in line with": the law an act is done under. */
const COMPLIANCE_CUE = /^in\s+(?:accordance|compliance|keeping|line)\s+with$/;
/** An Act, regulations, a section or schedule of one: public law, not a record of this child ("recent case law" leaves the reader to find which). */
const LEGISLATION_RE = /(?:\bact(?:\s+\d{4})?|\bregulations?(?:\s+\d{4})?|\brules(?:\s+\d{4})?)\s*(?:\([^()]{0,30}\))?$|^(?:the\s+)?(?:sections?|s\.|schedule|regulation)\s*\d/;

/**
 * "Ofsted produces this report in accordance with section 152 of the Education and Inspections Act
 * 2006", "a child in need as defined in section 17 of the Children Act 1989": the law it is done
 * under, or that defines a word, is cited; no detail of the case is left there.
 */
export function isLegalBasis(lower: string, c: Cue, hit: { start: number; end: number }): boolean {
  const cue = c.text.replace(/\s+/g, ' ');
  const legal = (c.kind === 'send' && COMPLIANCE_CUE.test(cue)) || (c.kind === 'locate' && /^(?:as )?defined in$/.test(cue));
  return legal && LEGISLATION_RE.test(lower.slice(hit.start, hit.end));
}

/** Fewest words after a fronted "As stated above," that state the point again rather than leave it there. */
const RESTATED_WORDS = 6;

/** "As stated above, where age allows the child should be involved in …": the point is made again here. */
export function restatesAfterComma(lower: string, c: Cue): boolean {
  // "as stated above" is this same text; "as previously recorded" is an earlier record, so it is still a pointer
  if (!/\b(?:above|below)$/.test(c.text) || !cueOpensSentence(lower, c.start, c.sStart)) return false;
  const m = /^\s*,/.exec(lower.slice(c.end, c.end + 4));
  return !!m && wordsBetween(lower, c.end + m[0].length, c.sEnd) >= RESTATED_WORDS;
}
