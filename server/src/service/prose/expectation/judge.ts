/**
 * Judging one verb phrase: its verb's class (lexicon.ts) decides how its object is read. An act is
 * observable unless its object is vague; an aim is not, unless it is a measure against a
 * threshold; taking part is observable only when scheduled; being is observable only as a place
 * or a tested state; "ensure" and "continue to" look through to the verb they govern.
 */
import { lemmaCandidates } from '../tokens';
import { PARENT_RE, ROLE_RE, STATE_RE, SETTING_VERBS, SETTING_RE, CONSULTED_RE, CONVEY_VERBS, STAY_PLACES, STATE_NOUNS, PHYSICAL_VERBS, BODY_PARTS, PROCESS_NOUN_RE, MEASURABLE_NOUNS, AMOUNT_NOUNS, NEGATORS, VAGUE_NOUNS, EVALUATIVE, VAGUE_PARTICIPLES, CLAUSE_OPENERS, DETERMINERS, type VerbClass } from '../lexicon';
import { FREQUENCY_RE, SCHEDULE_RE, DATE_RE, TEST_RE, THRESHOLD_RE, AMOUNT_THRESHOLD_RE } from '../concretisers';
import { SKIP, MODALS, CLAUSE_BREAK, PLACE_WORDS, SUBORDINATORS, classOf, lemmaOf, isWord, isGerund } from './grammar';
import { vagueIn, abstractConveyed, definedInSentence } from './vagueness';
import type { Clauses } from './clauses';
import type { Judgement, Slot, VagueKind } from './types';

/** Nouns a "complete" can take that make it a single act leaving a record ("complete the food diary"). */
const RECORD_NOUNS = /\b(?:chart|diary|log|record|form|sheet)\b/;
/** The object of "attend" naming one occasion, not a series or a course. */
const ONE_OCCASION = /^\s*(?:the|this|your|her|his|their|next)\s+(?:[a-z-]+\s+){0,3}(?:meeting|hearing|conference|appointment)\b(?!s)/;
/** Prepositions that end the noun phrase of a test ("a hair strand test in August"). */
const AFTER_TEST = /\s(?:at|in|on|during|before|after|for|with|every|each|when|by)\s.*$/;

/** Everything a per-class judge needs about the verb phrase in hand. */
interface Phrase {
  c: Clauses;
  slots: Slot[];
  i: number;
  /** token index of the verb, and (exclusive) of the end of its object */
  v: number;
  end: number;
  vpStart: number;
  vpEnd: number;
  /** character offset where a multi-word verb ("make sure", "take part in") ends */
  phraseEnd: number;
  /** lower-cased text from the verb to the end of its object, and from the phrase's end */
  fromVerb: string;
  objFrom: string;
  fieldsLower: () => string;
  depth: number;
}

const observable = (p: Phrase): Judgement => ({ observable: true, vpStart: p.vpStart, vpEnd: p.vpEnd });
const vague = (p: Phrase, kind: VagueKind, start: number, end: number): Judgement => ({ observable: false, kind, start, end, vpStart: p.vpStart, vpEnd: p.vpEnd });
/** The object from token `from` is vague, or else the phrase is observable. */
const unlessVague = (p: Phrase, from: number, spanStart: number): Judgement => vagueIn(p.c, from, p.end, spanStart, p.vpEnd) ?? observable(p);

/** The rest of the sentence from `from` names a setting or an occasion ("in front of J", "during contact", "every Friday"). */
function inSetting(c: Clauses, from: number): boolean {
  let to = c.lower.indexOf('.', from);
  if (to < 0) to = c.lower.length;
  const rest = c.lower.slice(from, to);
  return SETTING_RE.test(rest) || FREQUENCY_RE.test(rest) || DATE_RE.test(rest);
}

/**
 * A verb whose absence is an aim unless bounded by a setting ("not argue", "stop fighting",
 * "separating from Mr B"): any of its lemma candidates, since these verbs are not in the verb
 * classes that lemmaOf confirms against ("fighting" → "fight").
 */
function settingVerb(w: string): boolean {
  return lemmaCandidates(w).some((l) => SETTING_VERBS.has(l));
}

/** A partner as the object: "her partner", "his wife", "Mr B". */
const PARTNER_RE = /^\s*(?:(?:her|his|their|the|your)\s+(?:partner|husband|wife|boyfriend|girlfriend)\b|(?:mr|ms|mrs|miss)\s+[a-z]\b)/;

/** Re-judges the slot with its verb moved to token `verb` (the verb an "ensure" or "continue to" governs). */
function judgeAt(p: Phrase, verb: number): Judgement {
  const inner: Slot[] = p.slots.slice();
  inner[p.i] = { ...p.slots[p.i], verb };
  return judge(p.c, inner, p.i, p.fieldsLower, p.depth + 1);
}

/** Light verbs that, with a course of work as their object, mean taking part in it. */
const TAKING_PART_VERBS = new Set(['go', 'take', 'do', 'come', 'get']);

/**
 * The verb's first noun phrase: its direct object ("take parenting classes"; "take J to …" stops at
 * "to"), or after "go / come to" the place gone to ("go to drug counselling").
 */
function firstNounPhrase(c: Clauses, v: number): string {
  const toks = c.toks;
  const motion = lemmaOf(toks[v].w) === 'go' || lemmaOf(toks[v].w) === 'come';
  let k = v + 1;
  if (motion && toks[k]?.w === 'to') k++;
  else if (motion) return '';
  const from = k;
  while (k < toks.length && k <= from + 4 && isWord(toks[k]) && !FIRST_NP_ENDS.has(toks[k].w)) k++;
  if (k === from) return '';
  return c.lower.slice(toks[from].start, toks[k - 1].end);
}
const FIRST_NP_ENDS = new Set(['to', 'with', 'at', 'in', 'on', 'for', 'by', 'from', 'and', 'or', 'every', 'each', 'when', 'if', 'until', 'before', 'after']);

/** The verb's class, with the multi-word verb it starts, if any. */
function classify(c: Clauses, v: number, fromVerb: string): { cls: VerbClass; phraseLength: number } {
  const toks = c.toks;
  for (const [re, cls] of c.phrasesAt(toks[v].w)) {
    const m = re.exec(fromVerb);
    if (m) return { cls, phraseLength: m[0].length };
  }
  const w = toks[v].w;
  let cls = classOf(w) ?? 'action';
  // "keep taking" looks through; "keep the door locked" is an act
  if ((w === 'keep' || w === 'keeps' || w === 'keeping') && isGerund(toks[v + 1])) cls = 'transparent';
  // "see a drug and alcohol adviser": consulting a professional is taking part, countable only when scheduled
  if (lemmaOf(w) === 'see' && CONSULTED_RE.test(fromVerb)) cls = 'process';
  // "go to drug counselling", "take parenting classes", "do a course": taking part, under another verb
  if (cls === 'action' && TAKING_PART_VERBS.has(lemmaOf(w)) && PROCESS_NOUN_RE.test(firstNounPhrase(c, v))) cls = 'process';
  // "avoid pressuring J": a ban on the act named, judged as that act ("avoid Mr B" stays an aim: see SETTING_VERBS)
  if (lemmaOf(w) === 'avoid' && isGerund(toks[v + 1])) cls = 'transparent';
  // "stop the car" is an act; "stop drinking", "start to" look through
  if ((w === 'stop' || w === 'stops' || w === 'start' || w === 'starts' || w === 'begin') && !isGerund(toks[v + 1]) && toks[v + 1]?.w !== 'to') cls = 'action';
  return { cls, phraseLength: toks[v].end - toks[v].start };
}

/** Judges the verb phrase at slot `i`. */
export function judge(c: Clauses, slots: Slot[], i: number, fieldsLower: () => string, depth = 0): Judgement {
  const toks = c.toks;
  const v = slots[i].verb;
  let next: Slot | undefined;
  for (let k = i + 1; k < slots.length; k++) if (slots[k].verb > v) { next = slots[k]; break; }
  const end = c.objectEnd(v, next);
  const vpStart = toks[v].start;
  const vpEnd = toks[Math.max(v, end - 1)].end;
  const fromVerb = c.lower.slice(vpStart, vpEnd);
  // a multi-word verb may run past the object's end ("get to know", where "to know" is a slot of its own)
  const classified = classify(c, v, c.lower.slice(vpStart, Math.max(vpEnd, Math.min(c.lower.length, vpStart + 40))));
  let cls = classified.cls;
  const phraseLength = classified.phraseLength;
  const phraseEnd = Math.min(vpEnd, vpStart + phraseLength);
  const p: Phrase = { c, slots, i, v, end, vpStart, vpEnd, phraseEnd, fromVerb, objFrom: c.lower.slice(phraseEnd, vpEnd), fieldsLower, depth };
  if (slots[i].fragment) return judgeFragment(p);
  // "No contact between…", "Nobody … to be under the influence": observable unless what it names is vague
  if (slots[i].state && cls !== 'abstract') return unlessVague(p, v + 1, toks[v].end);
  const rule = slots[i].requirement;
  if (rule) return judgeRequirement(p, rule.subject);
  if (cls === 'action' && settingVerb(toks[v].w) && !inSetting(c, vpStart)) return vague(p, 'abstract', vpStart, toks[v].end);
  // "leave her partner" is separating from a person (an aim, as "separate from Mr B"); "leave the room" is an act
  if (cls === 'action' && lemmaOf(toks[v].w) === 'leave' && PARTNER_RE.test(p.objFrom) && !inSetting(c, vpStart)) return vague(p, 'abstract', vpStart, p.vpEnd);
  // "will try to attend": an effort in place of the act, as "do my best to" (DECISIVE_HEDGES)
  // ("will not try to contact J" is a ban on the act, judged as the act)
  if (cls === 'transparent' && lemmaOf(toks[v].w) === 'try' && !NEGATORS.has(toks[v - 1]?.w ?? '') && (toks[v + 1]?.w === 'to' || toks[v + 1]?.w === 'not' || toks[v + 1]?.w === 'and')) {
    return vague(p, 'hedge', vpStart, toks[v + 1].end);
  }
  if (cls === 'transparent') {
    let j = v + 1;
    while (j < toks.length && (toks[j].w === 'to' || toks[j].w === 'on' || SKIP.has(toks[j].w)) && toks[j].w !== 'be') j++;
    if (depth < 3 && j < toks.length && isWord(toks[j])) return judgeAt(p, j);
    cls = 'action';
  }
  for (const x of c.extra) if (x.start >= vpStart && x.start < phraseEnd) return vague(p, 'hedge', x.start, x.end);
  if ((cls === 'show' || cls === 'action' || cls === 'abstract') && CONVEY_VERBS.has(lemmaOf(toks[v].w))) {
    const conveyed = abstractConveyed(c, v, end);
    if (conveyed) return vague(p, 'abstract', conveyed.start, conveyed.end);
  }
  return byClass(p, cls);
}

function byClass(p: Phrase, cls: VerbClass): Judgement {
  switch (cls) {
    case 'abstract':
      return judgeAbstract(p);
    case 'process':
      return judgeProcess(p);
    case 'copula':
      return judgeCopula(p);
    case 'ensure':
      return judgeEnsure(p);
    case 'show':
      return judgeShow(p);
    default:
      return unlessVague(p, p.v + 1, p.phraseEnd);
  }
}

/**
 * "<what> is required / not allowed": observable when what it names is countable or an act — a
 * number, a test, an -ing form ("a 24 hour notice", "two drug tests per month", "whispering") —
 * and nothing in it is vague ("engagement with services is required" is not).
 */
function judgeRequirement(p: Phrase, subject: number): Judgement {
  const { c } = p;
  const toks = c.toks;
  const start = toks[subject].start;
  const found = vagueIn(c, subject, p.v, start, toks[p.v].start);
  if (found) return { ...found, vpStart: start };
  const named = c.lower.slice(start, toks[p.v].start);
  const rest = c.lower.slice(toks[p.v].start, p.vpEnd);
  let act = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|once)\b/.test(named) || TEST_RE.test(named);
  // an -ing form heading an item of the list names an act ("Whispering, passing notes…"; not "the parenting programme")
  for (let k = subject; k < p.v && !act; k++) act = (isGerund(toks[k]) && (k === subject || LIST_JOINS.has(toks[k - 1].w))) || (MEASURABLE_NOUNS.has(toks[k].w) && SCHEDULE_RE.test(rest));
  if (act) return { observable: true, vpStart: start, vpEnd: p.vpEnd };
  // a thing or an act banned or required ("Physical punishment of any kind is not permitted", "Mobile
  // phones are not allowed") can be seen; taking part ("Participation in the programme") or a measure
  // ("Attendance is required") needs a schedule, as "attend" does
  let measured = false;
  for (let k = subject; k < p.v; k++) measured ||= MEASURABLE_NOUNS.has(toks[k].w);
  if (measured || PROCESS_NOUN_RE.test(named) || /^(?:participation|attendance|engagement|involvement)\b/.test(named)) return vague(p, 'copula', start, p.vpEnd);
  return { observable: true, vpStart: start, vpEnd: p.vpEnd };
}

/** Tokens that start the next item of a list. */
const LIST_JOINS = new Set([',', 'and', 'or', 'nor']);

/** The object of "follow" is a person: "the resident parent", "Mother", "her", "Mr B". */
const FOLLOWED_PERSON = /^\s*(?:(?:the|his|her|their|j's)\s+)?(?:(?:resident|other|non-resident|visiting)\s+)?(?:parent|mother|father|mum|dad|carer|partner|child|children|her|him|them|mr [a-z]|ms [a-z]|mrs [a-z])\b(?!'s)/;

/** Verbs of keeping in contact: with a named professional and a schedule, a contact anyone can count. */
const CONTACT_VERBS = new Set(['communicate', 'liaise']);
/** Verbs of doing what another asks: the clause after "that" is what is asked ("comply with the recommendation that Mother tests…"). */
const COMPLIANCE_VERBS = new Set(['comply', 'follow', 'adhere', 'abide', 'accept']);

/** "comply with the recommendation that Mother test free of drugs before each visit": the verb of the "that" clause. */
function complianceClauseVerb(p: Phrase): number | undefined {
  const toks = p.c.toks;
  if (!COMPLIANCE_VERBS.has(lemmaOf(toks[p.v].w))) return undefined;
  for (let k = p.v + 1; k < p.end - 2; k++) {
    if (toks[k].w !== 'that') continue;
    const subject = toks[k + 1].w;
    if (!(PARENT_RE.test(subject) || CLAUSE_OPENERS.has(subject))) return undefined;
    let j = k + 2;
    while (j < p.end && (toks[j].w === 'will' || toks[j].w === 'should' || toks[j].w === 'must' || toks[j].w === 'to')) j++;
    return j < p.end && classOf(toks[j].w) ? j : undefined;
  }
  return undefined;
}

/** Verbs of keeping to something ("keep to", "stick to", "adhere to"), and objects that are times. */
const KEEPING_VERBS = new Set(['keep', 'stick', 'adhere']);
const TIMES_RE = /^\s*(?:to\s+)?(?:the|your|their|his|her)\s+(?:[a-z-]+\s+)?(?:times|timings|timetable|start and finish times)\b/;

/** An aim or attitude: not observable, unless it is hands-on or a counted measure against a threshold. */
function judgeAbstract(p: Phrase): Judgement {
  const toks = p.c.toks;
  const asked = complianceClauseVerb(p);
  if (asked !== undefined && p.depth < 3) return { ...judgeAt(p, asked), vpStart: p.vpStart };
  // "communicate with your case manager every 14 days": a contact with a named person, on a schedule
  if (CONTACT_VERBS.has(lemmaOf(toks[p.v].w)) && ROLE_RE.test(p.objFrom) && SCHEDULE_RE.test(p.objFrom)) return unlessVague(p, p.v + 1, p.phraseEnd);
  // following a person is walking after them, not doing as told: "must not follow the resident parent"
  if (lemmaOf(toks[p.v].w) === 'follow' && FOLLOWED_PERSON.test(p.objFrom)) return unlessVague(p, p.v + 1, p.phraseEnd);
  // "keep the social worker informed of any change of address": telling about a named thing
  if (lemmaOf(toks[p.v].w) === 'keep' && /\b(?:informed|updated)\b/.test(p.fromVerb) && (SCHEDULE_RE.test(p.objFrom) || !vagueIn(p.c, p.v + 1, p.end, p.vpStart, p.vpEnd)) && /\b(?:of|about)\b/.test(p.fromVerb)) return unlessVague(p, p.v + 1, p.vpStart);
  // a physical object makes a hands-on act of it: "supporting J's head", "protect his neck"
  if (PHYSICAL_VERBS.has(lemmaOf(toks[p.v].w))) {
    for (let k = p.v + 1; k < Math.min(p.end, p.v + 4); k++) {
      if (BODY_PARTS.has(toks[k].w)) return unlessVague(p, k + 1, toks[k].end);
    }
  }
  // keeping to a time is punctuality, which anyone present sees: "keep to the agreed times", "stick to the contact timetable"
  if (KEEPING_VERBS.has(lemmaOf(toks[p.v].w)) && TIMES_RE.test(p.objFrom)) return unlessVague(p, p.v + 1, p.phraseEnd);
  // a countable measure against a threshold: "maintain J's attendance above 95%", "ensure attendance improves from 63% to 85%"
  for (let k = Math.min(p.v + 1, p.slots[p.i].region); k < p.end; k++) {
    if ((MEASURABLE_NOUNS.has(toks[k].w) && THRESHOLD_RE.test(p.objFrom)) || (AMOUNT_NOUNS.has(toks[k].w) && AMOUNT_THRESHOLD_RE.test(p.objFrom))) return unlessVague(p, p.v + 1, p.phraseEnd);
  }
  return vague(p, 'abstract', p.vpStart, p.phraseEnd);
}

/**
 * A text with no verb: what it names is asked for. Observable unless a word in it is vague, or it
 * names a course of work with no schedule ("Parenting courses to help you…", "Counselling"): a
 * thing to hand over or an act ("proof of housing", "supervised visits every Saturday") is not.
 */
function judgeFragment(p: Phrase): Judgement {
  const found = vagueIn(p.c, p.v, p.end, p.vpStart, p.vpEnd);
  if (found) return found;
  if (PROCESS_NOUN_RE.test(p.fromVerb) && !SCHEDULE_RE.test(p.fromVerb)) return vague(p, 'process', p.vpStart, p.vpEnd);
  return observable(p);
}

/** Taking part (attend, complete): countable only when scheduled, or when it is a single checkable act. */
function judgeProcess(p: Phrase): Judgement {
  const found = vagueIn(p.c, p.v + 1, p.end, p.phraseEnd, p.vpEnd);
  if (found?.kind === 'hedge') return found;
  if (!found && SCHEDULE_RE.test(p.fromVerb)) return observable(p);
  if (/^complet/.test(p.c.toks[p.v].w) && RECORD_NOUNS.test(p.objFrom)) return observable(p);
  // enrolling with a service that is not a course of work is one act that leaves a record ("enrol J
  // with a GP", "enroll in SNAP"); enrolling on a course is still taking part
  if (!found && /^enrol/.test(p.c.toks[p.v].w) && !PROCESS_NOUN_RE.test(p.objFrom)) return observable(p);
  // one named occasion ("attend the meeting", "attend the hearing on 3 May"): a single act, seen or not
  if (!found && ONE_OCCASION.test(p.objFrom)) return observable(p);
  // a test or a sample is a single checkable act that leaves evidence, not a course of work
  // (the test's own noun phrase decides: "a drug testing programme" is still a programme)
  if (!found) {
    const tm = TEST_RE.exec(p.objFrom);
    if (tm && !PROCESS_NOUN_RE.test(p.objFrom.slice(0, tm.index + tm[0].length + 14).replace(AFTER_TEST, ''))) return observable(p);
  }
  return vague(p, 'process', p.vpStart, p.vpEnd);
}

/** Adjectives of duty: "be responsible for -ing" says what the parent must do, not what they are. */
const OBLIGATION_ADJECTIVES = new Set(['responsible', 'accountable']);

/** Being, not doing: observable only as a place, a passive act, or a tested state. */
function judgeCopula(p: Phrase): Judgement {
  const { c, end } = p;
  const toks = c.toks;
  let j = p.v + 1;
  while (j < end && SKIP.has(toks[j].w)) j++;
  const t = toks[j];
  if (!t) return vague(p, 'copula', p.vpStart, p.vpEnd);
  // "be asked to provide", "be required to adhere": the verb after "to" is what is asked
  if (toks[j - 1]?.w === 'to' && j > p.v + 1 && p.depth < 3) return judgeAt(p, j);
  // "is responsible for ensuring the homework is done": a duty, judged on the act it names
  if (OBLIGATION_ADJECTIVES.has(t.w) && toks[j + 1]?.w === 'for' && isGerund(toks[j + 2]) && p.depth < 3) return { ...judgeAt(p, j + 2), vpStart: p.vpStart };
  // stay / remain + a place or a person: where the parent is, an act ("stay in the room during
  // bath time", "remain with J throughout contact"); + an adjective it is a state ("stay calm")
  const lem = lemmaOf(toks[p.v].w);
  if ((lem === 'stay' || lem === 'remain') && j < end && (STAY_PLACES.has(t.w) || t.w === 'to') && !STATE_NOUNS.has(toks[j + 1]?.w ?? '')) {
    return unlessVague(p, j + 1, toks[j + 1]?.start ?? t.end);
  }
  const rest = c.lower.slice(t.start, p.vpEnd);
  // a state a test or a definition makes checkable: "sober, shown by monthly tests", "sober (no alcohol or drugs)"
  if (STATE_RE.test(rest) && (TEST_RE.test(c.lower) || TEST_RE.test(p.fieldsLower()) || definedInSentence(c, j))) return observable(p);
  // "be drug tested", "be hair strand tested": a test done to the parent, which leaves a result
  if (/^(?:(?:drug|alcohol|hair|strand|urine|breath|peth|randomly|regularly)\s+){0,3}(?:tested|screened|breathalys\w*)\b/.test(rest)) return unlessVague(p, j + 1, t.start);
  // passive of an action: "J is taken to school", "the bins emptied"
  if (/(?:ed|en)$/.test(t.w) || lemmaCandidates(t.w)[0] !== t.w) {
    const cls = classOf(t.w);
    if (cls === 'action') return unlessVague(p, j + 1, t.start);
    if (cls === 'abstract') return vague(p, 'abstract', p.vpStart, t.end);
    // a verb the lexicon does not know, in the passive: "the visit may be cancelled", "phones switched off"
    if (!cls && /ed$/.test(t.w) && !EVALUATIVE.has(t.w) && !VAGUE_PARTICIPLES.has(t.w)) return unlessVague(p, j + 1, t.start);
  }
  if (PLACE_WORDS.has(t.w)) {
    const found = vagueIn(c, j, end, t.start, p.vpEnd);
    if (found) return found;
    if (FREQUENCY_RE.test(rest) || DATE_RE.test(rest)) return observable(p);
  }
  // a thing, not a person, is the subject: "meetings must be in public places", "the separation has
  // to be permanent" state what must be, judged on what they name (like "No contact between…")
  if (thingSubject(c, p.v)) return unlessVague(p, j, t.start);
  // "there is always an adult who has not been drinking": what must exist, judged on what it names
  if (toks[p.v - 1]?.w === 'there' || (toks[p.v - 2]?.w === 'there' && MODALS.has(toks[p.v - 1].w))) return unlessVague(p, j, t.start);
  return vague(p, 'copula', p.vpStart, p.vpEnd);
}

/** Prepositions that end the head of a subject: "meetings between the parents", "contact with Mr B". */
const SUBJECT_PREPOSITIONS = new Set(['between', 'with', 'of', 'at', 'in', 'on', 'for', 'from', 'during', 'about']);
/** Words that name a person (or stand for one) as the head of a subject. */
const PERSON_WORDS = new Set(['i', 'you', 'we', 'he', 'she', 'they', 'it', 'j', 'child', 'children', 'baby', 'babies', 'kids', 'son', 'daughter', 'person', 'people', 'adult', 'adults', 'everyone', 'anyone', 'someone', 'nobody', 'everybody', 'anybody', 'somebody', 'family', 'both', 'each', 'all', 'there', 'this', 'that', 'which', 'who']);

/**
 * Is the subject of the clause whose verb chain ends at the verb `v` a thing, not a person? The
 * head is the word just before the chain ("will be", "has to be", "must also be").
 */
function thingSubject(c: Clauses, v: number): boolean {
  const toks = c.toks;
  let k = v - 1;
  while (k >= 0 && (SKIP.has(toks[k].w) || MODALS.has(toks[k].w) || toks[k].w === 'has' || toks[k].w === 'have' || toks[k].w === 'had' || toks[k].w === 'is' || toks[k].w === 'are')) k--;
  if (k < 0) return false;
  // the head of the subject noun phrase: before its first preposition ("meetings between the parents")
  let first = k;
  while (first > 0 && isWord(toks[first - 1]) && !CLAUSE_BREAK.has(toks[first - 1].w) && k - first < 8) first--;
  let h = first;
  while (h < k && !SUBJECT_PREPOSITIONS.has(toks[h + 1].w)) h++;
  k = h;
  const head = toks[k];
  if (!isWord(head) || PERSON_WORDS.has(head.w) || DETERMINERS.has(head.w) || PARENT_RE.test(head.w) || ROLE_RE.test(head.w)) return false;
  // a name, an initial or a word for someone who does something ("carer", "visitor", "Ms A")
  const named = k > 0 && isWord(toks[k - 1]) && c.text[head.start] !== head.w[0];
  if (/^[a-z]$/.test(head.w) || /(?:er|or|ist|ian|ent)s?$/.test(head.w) || /'s$/.test(head.w) || named) return false;
  return !classOf(head.w) || !!/(?:ion|ment|ings?|ance|ence|ity)s?$/.exec(head.w);
}

/** "ensure J is in bed", "make sure J eats breakfast": the embedded clause's verb is judged. */
function judgeEnsure(p: Phrase): Judgement {
  const toks = p.c.toks;
  const { v, end } = p;
  let j = v + 1;
  if (/^make|^made/.test(toks[v].w)) j++;
  // "ensure that when J is at home he is never left with Mr B": the verb of the when-clause is not what is ensured
  let skipVerb = SUBORDINATORS.has(toks[j]?.w ?? '') || (toks[j]?.w === 'that' && SUBORDINATORS.has(toks[j + 1]?.w ?? ''));
  for (; j < end; j++) {
    const tw = toks[j].w;
    if (tw === 'will' || tw === 'can') {
      j++;
      break;
    }
    if (j === v + 1 && (tw === 'that' || DETERMINERS.has(tw))) continue;
    const c = classOf(tw);
    if (c && tw !== lemmaOf(tw) && !VAGUE_NOUNS.has(tw) && !MEASURABLE_NOUNS.has(tw) && j > v + 1) {
      if (!skipVerb) break;
      skipVerb = false;
    }
  }
  if (j >= end || j >= toks.length) return unlessVague(p, v + 1, p.phraseEnd);
  const subjVague = vagueIn(p.c, v + 1, j, p.phraseEnd, toks[j].start);
  if (subjVague) return subjVague;
  return { ...judgeAt(p, j), vpStart: p.vpStart };
}

/** "show the red book" is an act; "show she can cope" is a claim about her. */
function judgeShow(p: Phrase): Judgement {
  const n = p.c.toks[p.v + 1];
  if (n && CLAUSE_OPENERS.has(n.w)) return vague(p, 'abstract', p.vpStart, n.end);
  return unlessVague(p, p.v + 1, p.phraseEnd);
}
