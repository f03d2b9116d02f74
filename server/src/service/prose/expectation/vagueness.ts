/**
 * Is the object of a verb vague? An evaluative word with no standard ("appropriate care"), a noun
 * naming an aim or a relationship ("her parenting"), a hedge ("as required"), or a conveyed inner
 * state ("show her learning").
 */
import { VERB_CLASS, EVALUATIVE, SOFT_EVALUATIVE, VAGUE_NOUNS, DECISIVE_HEDGES, PARENT_RE, CLAUSE_OPENERS, DETERMINERS, ABSTRACT_OBJECTS } from '../lexicon';
import { SUBORDINATORS, classOf } from './grammar';
import { SCHEDULE_RE } from '../concretisers';
import type { Clauses } from './clauses';
import type { Judgement, VagueKind } from './types';

/** Words after "negative / positive" that make it a test result, not a judgement. */
const RESULT_NOUNS = /^(?:tests?|results?|samples?|readings?|screens?|hair|breath|urine|drug)/;
/** Nouns of things said: "comments", "remarks". */
const SPEECH_NOUNS = /^(?:comments?|remarks?|things)$/;
/** Words before "needs" that make it the child's needs (a noun), not the verb. */
const NEEDS_OWNERS = /^(?:his|her|their|the|basic|care|emotional|health|educational|physical|developmental|all|identified|individual|own|these|those|any|of)$/;
/** Words after a vague noun that make it the name of a service or a thing ("support worker", "risk assessment"). */
const NAMING_NEXT = /^(?:workers?|plans?|groups?|services?|team|coordinator|officer|sessions?|meetings?|centre|package|visits?|threats?|assessments?)$/;
/** Words after "care" that make it part of a name ("care plan", "care of"). */
const CARE_NAMING_NEXT = /^(?:diary|plan|record|home|leaver|coordinator|worker|order|of)$/;

/** Evaluative words about how often: defined by a stated frequency ("regular contact — every 14 days"). */
const FREQUENCY_WORDS = new Set(['regular', 'regularly', 'consistent', 'consistently', 'frequent', 'frequently']);
/** Occasions a frequency word can name ("your regular visit"), after a preposition of time or place. */
const OCCASIONS = /^(?:visits?|sessions?|appointments?|meetings?|contacts?)$/;
const OCCASION_PREPOSITIONS = new Set(['to', 'at', 'during', 'before', 'after', 'for', 'in']);
/** A preposition before the word, or before its determiner: "to your regular visit", "at regular sessions". */
function occasionLead(c: Clauses, k: number): boolean {
  const prev = c.toks[k - 1]?.w ?? '';
  if (OCCASION_PREPOSITIONS.has(prev)) return true;
  return (prev === 'the' || prev === 'your' || prev === 'his' || prev === 'her' || prev === 'their') && OCCASION_PREPOSITIONS.has(c.toks[k - 2]?.w ?? '');
}
/** A count of occasions: "in 3 out of 5 contacts", "4 of every 5 visits". */
const RATIO_RE = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:out of|of every|in every) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b/;

/** Words that open a definition or examples of the word before: "…, i.e. praising", "…, e.g. bedtime at 7pm". */
const DEFINING_WORDS = new Set(['i.e', 'i.e.', 'e.g', 'e.g.', 'viz.', 'namely', 'including', 'specifically']);

/** Index of the token ending the sentence (";" or "."), or the end of the text. */
function sentenceEnd(c: Clauses, k: number): number {
  while (k < c.toks.length && c.toks[k].w !== ';' && c.toks[k].w !== '.') k++;
  return k;
}

/**
 * Where, after the vague word at `k`, its sentence defines it ("adequate housing, meaning a
 * two-bedroom flat", "a safe adult who is sober") in words that are not vague themselves: the
 * token index the definition starts at, or -1.
 */
function definitionAfter(c: Clauses, k: number, stop: number): number {
  const toks = c.toks;
  for (let d = k + 1; d < stop && d < k + 25; d++) {
    const w = toks[d].w;
    const prev = toks[d - 1].w;
    // a bracket right after the word's noun phrase lists what it means: "adult issues (court, custody, conflicts)"
    const bracket = w === '(' && d <= k + 2;
    const opens =
      bracket || w === 'means' || w === 'meaning' || DEFINING_WORDS.has(w) ||
      (w === 'as' && (prev === 'such' || prev === 'defined')) ||
      (w === 'example' && prev === 'for') ||
      // a relative clause on the noun ("a safe adult who is sober"), not "honest about who is living there"
      ((w === 'is' || w === 'are') && prev === 'who' && !MODIFIER_PREPOSITIONS.has(toks[d - 2]?.w ?? ''));
    if (!opens) continue;
    let end = stop;
    if (bracket) for (let e = d + 1; e < stop; e++) if (toks[e].w === ')') { end = e; break; }
    let words = 0;
    for (let e = d + 1; e < end; e++) {
      const x = toks[e].w;
      // the word itself, narrowed: "major changes … such as changes in your address"
      if (x === toks[k].w) continue;
      if (EVALUATIVE.has(x) || VAGUE_NOUNS.has(x) || DECISIVE_HEDGES.test(x)) return -1;
      if (/^[a-z0-9]/.test(x)) words++;
    }
    return words > 0 ? d : -1;
  }
  return -1;
}

/** The word at `k` is defined in its sentence ("sober (no alcohol or drugs)", "…, meaning …"). */
export function definedInSentence(c: Clauses, k: number): boolean {
  return definitionAfter(c, k, sentenceEnd(c, k)) >= 0;
}

/** The vague word at `k` is defined or counted in its sentence, so it has a standard after all. */
function definedOrCounted(c: Clauses, k: number): boolean {
  const stop = sentenceEnd(c, k);
  if (definitionAfter(c, k, stop) >= 0) return true;
  const w = c.toks[k].w;
  if (!EVALUATIVE.has(w)) return false;
  const rest = c.lower.slice(c.toks[k].end, stop < c.toks.length ? c.toks[stop].start : c.lower.length);
  return FREQUENCY_WORDS.has(w) ? SCHEDULE_RE.test(rest) : RATIO_RE.test(rest);
}

/** Words before "care" that make it a service one can book ("arrange family day care", "respite care"). */
const CARE_SERVICES = /^(?:day|respite|foster|residential|child|after-school|nursery|dental|medical|antenatal|postnatal)$/;

/** Lazily compiled regex for the caller's extra vague phrases (cached per array). */
const extraCache = new WeakMap<readonly string[], RegExp | null>();
export function extraRegex(list: readonly string[] | undefined): RegExp | null {
  if (!list || list.length === 0) return null;
  let re = extraCache.get(list);
  if (re === undefined) {
    const parts = list.map((p) => p.trim().toLowerCase()).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = parts.length ? new RegExp(`\\b(?:${parts.join('|')})\\b`, 'g') : null;
    extraCache.set(list, re);
  }
  return re;
}

/** The kind of vagueness of the word at token `k`, if it is vague where it stands. */
function vagueWordAt(c: Clauses, k: number, from: number): VagueKind | undefined {
  const w = c.toks[k].w;
  const next = c.toks[k + 1]?.w ?? '';
  const prev = c.toks[k - 1]?.w ?? '';
  if (EVALUATIVE.has(w)) {
    if ((w === 'negative' || w === 'positive') && RESULT_NOUNS.test(next)) return undefined;
    // "negative comments about Mother": what is said about a named person can be heard
    if ((w === 'negative' || w === 'positive') && SPEECH_NOUNS.test(next) && c.toks[k + 2]?.w === 'about') return undefined;
    // "do not bring sweets to your regular visit": the word names the occasion, not how the parent acts
    if (FREQUENCY_WORDS.has(w) && OCCASIONS.test(next) && occasionLead(c, k)) return undefined;
    if ((w === 'more' || w === 'less') && (next === 'than' || prev === 'no')) return undefined;
    if (w === 'well' && prev !== 'as' && k === from) return undefined;
    // "loud enough for the monitor to hear": the purpose after "enough" is the standard
    if (w === 'enough' && (next === 'for' || next === 'to') && !EVALUATIVE.has(prev)) return undefined;
    return 'evaluative';
  }
  // "clean" is a standard for a named thing (clean bedding) but not for "the home" in general
  if (SOFT_EVALUATIVE.has(w)) return c.hasGeneralPlace ? 'evaluative' : undefined;
  if (VAGUE_NOUNS.has(w) && !changeOfThing(c, k)) {
    if (w === 'needs' && !(prev.endsWith("'s") || NEEDS_OWNERS.test(prev))) return undefined;
    if ((w === 'support' || w === 'supervision') && prev === 'with') return undefined;
    if (NAMING_NEXT.test(next)) return undefined;
    // "under the influence of alcohol": intoxicated, which smell and sight can tell
    if (w === 'influence' && c.toks[k - 2]?.w === 'under') return undefined;
    return 'vague-noun';
  }
  // "to care for J" is the verb (judged where it is the obligation), not the noun "care"
  if (w === 'care' && prev !== 'to' && !CARE_NAMING_NEXT.test(next) && !CARE_SERVICES.test(prev)) return 'vague-noun';
  // an abstract verb used as a noun names the attitude: "treat staff with respect", "show them some support"
  if (VERB_CLASS.get(w) === 'abstract' && ZERO_NOUN_LEADS.has(prev) && !nounFollows(next)) return 'vague-noun';
  // the noun of an aim or attitude: "compliance", "cooperation", "adherence", "improvement"
  if (abstractNominal(w) && !nounFollows(next)) return 'vague-noun';
  return undefined;
}

/**
 * "any change of address", "changes to her phone number": a change that says what changes names a
 * thing someone could check; "changes in their circumstances" (a vague noun after it) does not.
 */
function changeOfThing(c: Clauses, k: number): boolean {
  const w = c.toks[k].w;
  if (w !== 'change' && w !== 'changes') return false;
  let j = k + 1;
  if (!CHANGE_OF.has(c.toks[j]?.w ?? '')) return false;
  j++;
  while (j < c.toks.length && (DETERMINERS.has(c.toks[j].w) || PRONOUNS.has(c.toks[j].w))) j++;
  const head = c.toks[j]?.w ?? '';
  // a noun, not a vague one ("address" is also a verb of aim, so concreteHead's verb test does not apply)
  return /^[a-z][a-z-]*$/.test(head) && !PRONOUNS.has(head) && !NOT_NOUNS.has(head) && !DETERMINERS.has(head) && !EVALUATIVE.has(head) && !VAGUE_NOUNS.has(head) && !abstractNominal(head) && head !== 'care';
}
const CHANGE_OF = new Set(['of', 'to', 'in']);

/** Words before an abstract verb that make it a noun: "with respect", "their progress", "some support" (not "of": "change of address"). */
const ZERO_NOUN_LEADS = new Set(['with', 'the', 'their', 'his', 'her', 'your', 'my', 'our', 'some', 'any', 'more']);

/** Function words and particles: never the head of a noun phrase. */
const NOT_NOUNS = new Set(['to', 'is', 'are', 'was', 'were', 'will', 'would', 'must', 'should', 'can', 'could', 'may', 'might', 'by', 'as', 'than', 'that', 'away', 'out', 'up', 'off', 'back', 'down', 'together', 'alone', 'apart', 'not', 'only']);
/** The next word is a noun the word modifies ("a communication book", "a protection plan"), not a preposition, verb or break. */
function nounFollows(next: string): boolean {
  return /^[a-z]+$/.test(next) && !MODIFIER_PREPOSITIONS.has(next) && !MODIFIER_ENDS.has(next) && !SUBORDINATORS.has(next) && !DETERMINERS.has(next) && !NOT_NOUNS.has(next);
}

/** A noun made from a verb of aim or attitude (lexicon.ts): "compliance" (comply), "cooperation" (cooperate). */
export function abstractNominal(w: string): boolean {
  const m = /^([a-z-]{3,}?)(ment|ance|ence|ation|ion)s?$/.exec(w);
  if (!m) return false;
  const [, stem, suffix] = m;
  const bases = suffix === 'ment' ? [stem] : suffix === 'ation' ? [stem + 'ate', stem, stem + 'e'] : suffix === 'ion' ? [stem, stem + 'e'] : [stem, stem + 'e', stem.replace(/i$/, 'y')];
  return bases.some((b) => VERB_CLASS.get(b) === 'abstract');
}

/** First vague element in the object tokens [from, to), within the character span of the verb phrase. */
export function vagueIn(c: Clauses, from: number, to: number, spanStart: number, spanEnd: number): Judgement | null {
  const found = (kind: VagueKind, start: number, end: number): Judgement => ({ observable: false, kind, start, end, vpStart: spanStart, vpEnd: spanEnd });
  for (const x of c.extra) if (x.start >= spanStart && x.end <= spanEnd) return found('hedge', x.start, x.end);
  const h = openingHedge(c.lower.slice(spanStart, spanEnd));
  if (h) return found('hedge', spanStart + h.index, spanStart + h.index + h[0].length);
  // inside a modifier of a concrete thing ("a person at risk", "a meeting about concerns"): a vague
  // noun there names the thing's setting or topic, not what the parent will do
  let modifier = false;
  for (let k = from; k < to; k++) {
    const t = c.toks[k];
    if (SUBORDINATORS.has(t.w) || purposeTo(c, k, from)) break;
    if (MODIFIER_ENDS.has(t.w)) modifier = false;
    else if (MODIFIER_PREPOSITIONS.has(t.w) && k > from && concreteHead(c.toks[k - 1].w) && !isName(c, k - 1)) modifier = true;
    const kind = vagueWordAt(c, k, from);
    // "treat staff with respect": a bare attitude noun after the preposition is the manner, not a modifier
    const manner = VERB_CLASS.get(t.w) === 'abstract' && MODIFIER_PREPOSITIONS.has(c.toks[k - 1]?.w ?? '');
    if (kind && !(modifier && kind === 'vague-noun' && !manner)) {
      if (!definedOrCounted(c, k)) return found(kind, t.start, t.end);
      // the sentence defines or counts the word: what a list of words cannot see (index.ts)
      c.explained = true;
    }
  }
  return null;
}

const HEDGES_G = new RegExp(DECISIVE_HEDGES.source, 'g');
/** "as agreed with the housing officer": says who set the terms, which is only a hedge when the terms are not given. */
const PROVENANCE_RE = /^as (?:agreed|directed|advised|requested|discussed) (?:with|by)\b/;
/** Terms the phrase gives itself: a schedule or an amount ("£20 a week", "every Saturday"). */
const TERMS_GIVEN_RE = new RegExp(`${SCHEDULE_RE.source}|£\\s?\\d|\\ba (?:day|week|fortnight|month)\\b`);

/**
 * The first hedge in a verb phrase's text that leaves the act open. "pay £20 a week … as agreed with
 * the housing officer" gives the terms and says who agreed them; "attend contact as agreed with the
 * SW" leaves them to the agreement.
 */
function openingHedge(span: string): RegExpExecArray | null {
  HEDGES_G.lastIndex = 0;
  let h: RegExpExecArray | null;
  while ((h = HEDGES_G.exec(span)) !== null) {
    if (!(PROVENANCE_RE.test(span.slice(h.index, h.index + 40)) && TERMS_GIVEN_RE.test(span.slice(0, h.index)))) return h;
  }
  return null;
}

/**
 * "to" opening a purpose after the object ("take J to the GP on Monday to discuss his behaviour"):
 * a bare verb, then a determiner or possessive. What the act is for is not what the parent does.
 */
function purposeTo(c: Clauses, k: number, from: number): boolean {
  if (c.toks[k].w !== 'to' || k <= from + 1) return false;
  const verb = c.toks[k + 1]?.w ?? '';
  const after = c.toks[k + 2]?.w ?? '';
  return /^[a-z]+$/.test(verb) && !DETERMINERS.has(verb) && !PRONOUNS.has(verb) && (DETERMINERS.has(after) || after === 'him' || after === 'them');
}

/**
 * A name or an initial ("J", "Mr B"): what follows it is not a modifier of a thing ("put J at risk"
 * says where J is put, unlike "contact with a person at risk").
 */
function isName(c: Clauses, k: number): boolean {
  const t = c.toks[k];
  if (t.w.length === 1) return true;
  const ch = c.text.charCodeAt(t.start);
  return c.aligned && ch >= 65 && ch <= 90 && k > 0 && c.toks[k - 1].w !== '.';
}

/** Prepositions that open a modifier of the noun before them: "a person at risk", "changes in your address". */
const MODIFIER_PREPOSITIONS = new Set(['at', 'in', 'about', 'with', 'from', 'of', 'for', 'on', 'between', 'around', 'during', 'regarding']);
/** Tokens that end a modifier: the next item of a list starts ("… and appropriate boundaries"). */
const MODIFIER_ENDS = new Set([',', ';', ':', 'and', 'or', '(', ')', '-', '—', '–']);
/** Pronouns: "educate myself on parenting" has no concrete thing before the preposition. */
const PRONOUNS = new Set(['i', 'me', 'myself', 'you', 'yourself', 'yourselves', 'she', 'her', 'herself', 'he', 'him', 'himself', 'they', 'them', 'themselves', 'we', 'us', 'ourselves', 'it', 'itself', 'who', 'what', 'which', 'that', 'this', 'there', 'here']);
/** A word that can head a concrete noun phrase: a noun that is neither vague nor a function word. */
function concreteHead(w: string): boolean {
  return /^[a-z][a-z-]*$/.test(w) && !PRONOUNS.has(w) && !NOT_NOUNS.has(w) && !/(?:ed|ly|ing)$/.test(w) && !DETERMINERS.has(w) && !EVALUATIVE.has(w) && !VAGUE_NOUNS.has(w) && !MODIFIER_PREPOSITIONS.has(w) && !classOf(w) && w !== 'care';
}

/**
 * What a conveying verb (show, tell, give, let … know) conveys, when it is an inner state or an
 * aim: an abstract noun ("show her learning", "let the SW know of any changes") or a clause
 * about how someone should be ("show J how a dad should act"; "show J how to bath" is a skill).
 */
export function abstractConveyed(c: Clauses, v: number, end: number): { start: number; end: number } | null {
  const toks = c.toks;
  for (let k = v + 1; k < end; k++) {
    const t = toks[k].w;
    if (SUBORDINATORS.has(t) || t === ',' || t === ';' || t === 'by' || t === 'through') return null;
    // "inform your caseworker about major changes such as changes in your address": defined, so concrete
    if (ABSTRACT_OBJECTS.has(t)) return definitionAfter(c, k, sentenceEnd(c, k)) >= 0 || changeOfThing(c, k) ? null : { start: toks[v].start, end: toks[k].end };
    if ((t === 'how' || t === 'that' || t === 'what') && k <= v + 4) {
      const n = toks[k + 1]?.w;
      if (t === 'how' && n === 'to') continue;
      if (n && (DETERMINERS.has(n) || CLAUSE_OPENERS.has(n) || PARENT_RE.test(n) || n === 'much' || n === 'well' || n === 'far')) return { start: toks[v].start, end: toks[k].end };
    }
  }
  return null;
}
