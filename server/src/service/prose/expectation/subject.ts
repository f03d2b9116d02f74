/**
 * Whose expectation is an action? A parent's when its owner is a parent ("owner: Mother"), or when
 * its wording makes a parent the subject: "Mother to attend…", "Father should…", "It is
 * recommended that the mother attends…", "The parents will…". Then expectation-generic judges it
 * as it would a parental expectation.
 */
import { tokenizeLower } from '../tokens';
import { MODALS, classOf } from './grammar';

/** Words naming a parent as the one responsible (not a carer, relative or professional). */
const PARENT_WORDS = new Set([
  // "owner: Mother", "Mum to…"
  'mother', 'father', 'mum', 'dad', 'mom', 'mummy', 'daddy',
  // "Parents to attend…", "owner: Parent"
  'parent', 'parents',
  // "owner: Step-father", "Stepmum will…"
  'stepmother', 'stepfather', 'step-mother', 'step-father', 'stepmum', 'stepdad', 'step-mum', 'step-dad', 'step-parent', 'stepparent',
]);

/** Words that, next to a parent word, make someone else of it: "foster parents", "mother's partner", "grandmother". */
const NOT_THE_PARENT = new Set(['foster', 'carer', 'carers', 'grand', 'adoptive', 'prospective', 'host', 'in-law', 'surrogate', 'contact']);

/** Words that may come before a parent in a subject: "the birth mother", "both parents", "J's father". */
const SUBJECT_LEAD = new Set(['the', 'both', 'birth', 'biological', 'his', 'her', 'their', 'each', 'either', 'resident', 'non-resident', 'natural', 'and', '&', '/']);

/** A parent word used as the head of a noun phrase, not "mother's partner" or "foster parents". */
function parentAt(toks: { w: string }[], k: number): boolean {
  const w = toks[k].w;
  if (!PARENT_WORDS.has(w)) return false;
  if (NOT_THE_PARENT.has(toks[k - 1]?.w ?? '') || NOT_THE_PARENT.has(toks[k + 1]?.w ?? '')) return false;
  return true;
}

/** The owner names a parent: "Mother", "Parents", "Mother and Father", "Step-dad" — not "Foster carer", "Ms A". */
export function ownerIsParent(owner: string | undefined): string | undefined {
  if (!owner) return undefined;
  const lower = owner.toLowerCase();
  const toks = tokenizeLower(owner, lower);
  if (toks.some((t) => NOT_THE_PARENT.has(t.w) || t.w.endsWith("'s"))) return undefined;
  return toks.some((_, k) => parentAt(toks, k)) ? owner.trim() : undefined;
}

/** Tokens that end a lead-in and may start the subject: "It is recommended that the mother…", "Agreed: Father to…". */
const SUBJECT_OPENERS = new Set<string>(['that', ':', ';', '.', '-', '—', '–', 'recommended', 'agreed', ...[
  // someone asks the parent to act: "The local authority expects the mother to attend…"
  ['expect', 'expects', 'require', 'requires', 'ask', 'asks', 'want', 'wants', 'advise', 'advises', 'instruct', 'instructs', 'direct', 'directs', 'urge', 'urges', 'encourage', 'encourages'],
  // a court or panel told the parent to act, as recommendations and judgments report it: "The court ordered Mother to undergo…"
  ['ordered', 'ordering', 'orders', 'order', 'required', 'requiring', 'asked', 'asking', 'directed', 'directing', 'expected', 'expecting', 'advised', 'advising', 'instructed', 'recommend', 'recommends', 'recommending', 'urged', 'encouraged', 'mandated', 'mandating']].flat()]);

/** A possessive before the parent names whose parent it is: "J's mother", "the children's father". */
function possessive(w: string): boolean {
  return w.endsWith("'s") || w.endsWith("s'");
}

/**
 * The parent the wording makes its subject, as written ("mother"), when a parent noun phrase
 * opens the text or a clause after "that" and is followed by a modal, "to" or a finite verb; with
 * `anywhere` (wording no owner is given for, such as a recommendation), also a parent the sentence
 * tells to act further in ("…ordering the father to attend…"). An owned action is its owner's:
 * "SW to help Mother to attend" is not the mother's.
 */
export function parentSubject(wording: string, anywhere = false): string | undefined {
  const lower = wording.toLowerCase().replace(/’/g, "'");
  const toks = tokenizeLower(wording, lower);
  let start = 0;
  for (let k = 0; k < toks.length && k < 60; k++) {
    if (k > 0 && SUBJECT_OPENERS.has(toks[k - 1].w)) start = k;
    if (k !== start) continue;
    let j = k;
    while (j < toks.length && (SUBJECT_LEAD.has(toks[j].w) || (possessive(toks[j].w) && !PARENT_WORDS.has(toks[j].w.replace(/'s?$/, ''))))) j++;
    if (j >= toks.length || !parentAt(toks, j)) continue;
    let h = j;
    // "Mother and Father", "mother/father", "the parents (Ms A and Mr B)"
    while (h + 2 < toks.length && SUBJECT_LEAD.has(toks[h + 1].w) && parentAt(toks, h + 2)) h += 2;
    const after = toks[h + 1]?.w ?? '';
    if (MODALS.has(after) || /^[a-z]+s$/.test(after) || classOf(after) || after === 'agreed') return wording.slice(toks[j].start, toks[h].end);
  }
  return anywhere ? (obligedParent(toks, wording) ?? mentionedParent(toks, wording)) : undefined;
}

/** "Mother's partner's father": a relative of an adult, not the child's parent ("J's mother" is). */
const ADULTS = new Set([...PARENT_WORDS, 'partner', 'boyfriend', 'girlfriend', 'husband', 'wife', 'carer', 'carers']);
function relativeOfAdult(before: string): boolean {
  return possessive(before) && ADULTS.has(before.replace(/'s?$/, ''));
}

/** Someone else acts first: "Social worker to…", "The local authority will…", "LA to arrange…". */
const OTHER_ACTOR_RE = /^\s*(?:the\s+)?(?:social\s+worker|sw|iro|la|local\s+authority|council|school|nursery|health\s+visitor|hv|gp|foster\s+carers?|carers?|guardian|team|manager|service|police|camhs|virtual\s+school|[a-z]+\s+team)\b/i;

/**
 * An unowned recommendation that names a parent as the one to act, whoever requires it: "At the
 * disposition hearing the mother and the father must each attend a parenting course". Not one
 * that opens with another actor ("LA to arrange contact for Mother").
 */
function mentionedParent(toks: { w: string; start: number; end: number }[], wording: string): string | undefined {
  if (OTHER_ACTOR_RE.test(wording)) return undefined;
  for (let k = 0; k < toks.length && k < 80; k++) {
    if (!parentAt(toks, k) || possessive(toks[k].w) || relativeOfAdult(toks[k - 1]?.w ?? '')) continue;
    // the parent as someone else's object is a professional's task: "a referral for mother",
    // "assessment of both parents", "whether father can be assessed"
    let j = k - 1;
    while (j >= 0 && SUBJECT_LEAD.has(toks[j].w)) j--;
    // …unless a requirement's "for" opens the parent's own infinitive: "recommendations for the father to undergo drug testing"
    if (j >= 0 && OBJECT_PREPOSITIONS.has(toks[j].w) && !(toks[j].w === 'for' && REQUIREMENT_NOUNS.has(toks[j - 1]?.w ?? '') && forTo(toks, k))) continue;
    if (PASSIVE_AFTER.test(toks.slice(k + 1, k + 4).map((t) => t.w).join(' '))) continue;
    return wording.slice(toks[k].start, toks[k].end);
  }
  return undefined;
}
/** "for the father to undergo": the parent is the subject of the infinitive after it ("for mother to be assessed" is done to her). */
function forTo(toks: { w: string }[], k: number): boolean {
  return toks[k + 1]?.w === 'to' && /^[a-z]+$/.test(toks[k + 2]?.w ?? '') && !NOT_A_VERB_AFTER_TO.has(toks[k + 2].w);
}
/** What a parent is told to do is in these: "the recommendations for the father to undergo…" (not "a referral for mother to CAMHS"). */
const REQUIREMENT_NOUNS = new Set(['recommendation', 'recommendations', 'order', 'orders', 'requirement', 'requirements', 'expectation', 'expectations', 'direction', 'directions', 'condition', 'conditions']);
/** After "to": a place or a service ("a referral for mother to the perinatal team"), or what is done to the parent. */
const NOT_A_VERB_AFTER_TO = new Set(['be', 'have', 'get', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'any', 'all', 'our', 'my', 'your']);
const OBJECT_PREPOSITIONS = new Set(['of', 'for', 'with', 'to', 'from', 'about', 'by', 'on', 'between', 'towards', 'regarding']);
/** "… father can be assessed", "mother to be invited": done to the parent. */
const PASSIVE_AFTER = /^(?:(?:can|could|will|should|must|may|is|are|to)\s+)?(?:be|being)\s+[a-z]+(?:ed|en)\b/;

/** "… was ordered to", "… is required to": a parent told to act, wherever the clause starts. */
const TOLD = new Set(['ordered', 'order', 'required', 'expected', 'asked', 'directed', 'told', 'advised', 'instructed', 'mandated']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been']);
const SUBJECT_PRONOUNS = new Set(['they', 'she', 'he']);
const TELLING = new Set(['ordered', 'ordering', 'orders', 'required', 'requiring', 'requires', 'directed', 'directing', 'mandated', 'mandating', 'instructed', 'instructing']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

/**
 * A parent named inside the sentence as told to act: "At the hearing the mother was ordered to
 * obtain housing", "…where the father is required to attend". ("Social worker to support Mother
 * to attend" is the social worker's action.)
 */
function obligedParent(toks: { w: string; start: number; end: number }[], wording: string): string | undefined {
  for (let k = 1; k + 2 < toks.length && k < 80; k++) {
    // "…ordering him to attend parenting classes": who a court tells to act is a parent ("ordered him to be placed" is the child)
    if (TELLING.has(toks[k - 1].w) && OBJECT_PRONOUNS.has(toks[k].w) && toks[k + 1].w === 'to' && !['be', 'have'].includes(toks[k + 2].w)) return wording.slice(toks[k].start, toks[k].end);
  }
  // "They are required to engage in joint co-parenting counselling", "She was ordered to cooperate with the worker":
  // a pronoun opening the text that a court or plan tells to act
  const skip = ['also', 'then', 'now', 'further'].includes(toks[2]?.w ?? '') ? 1 : 0;
  const [p0, p1, p2, p3, p4] = [toks[0]?.w, toks[1]?.w, toks[2 + skip]?.w, toks[3 + skip]?.w, toks[4 + skip]?.w];
  if (SUBJECT_PRONOUNS.has(p0 ?? '') && BE.has(p1 ?? '') && TOLD.has(p2 ?? '') && p3 === 'to' && /^[a-z]+$/.test(p4 ?? '') && !BE.has(p4!)) return wording.slice(toks[0].start, toks[0].end);
  for (let k = 1; k < toks.length && k < 80; k++) {
    if (!parentAt(toks, k) || possessive(toks[k].w)) continue;
    let h = k;
    while (h + 2 < toks.length && SUBJECT_LEAD.has(toks[h + 1].w) && parentAt(toks, h + 2)) h += 2;
    const [a, b, c] = [toks[h + 1]?.w, toks[h + 2]?.w, toks[h + 3]?.w];
    const verb = (w: string | undefined) => !!w && /^[a-z]+$/.test(w) && !BE.has(w);
    if (a !== undefined && BE.has(a) && TOLD.has(b ?? '') && c === 'to' && verb(toks[h + 4]?.w)) return wording.slice(toks[k].start, toks[h].end);
  }
  return undefined;
}
