/**
 * Is a parental expectation specific? Finds the parent's verb phrases (after will / to / must, at
 * the start, coordinated, or elaborating "by going…"), judges each from its parts — the verb's
 * class and its object — and then counts the concretisers from the text and the other fields.
 * Pure, cheap (no NLP library on this path): a few regexes and map lookups per call.
 */
import { tokenizeLower, lemmaCandidates, isSpaceCode, type Token } from './tokens';
import {
  VERB_CLASS,
  PHRASE_CLASS,
  EVALUATIVE,
  SOFT_EVALUATIVE,
  GENERAL_PLACES,
  VAGUE_NOUNS,
  MEASURABLE_NOUNS,
  DECISIVE_HEDGES,
  SOFT_HEDGES,
  PARENT_RE,
  ROLE_RE,
  CLAUSE_OPENERS,
  NOT_GERUNDS,
  DETERMINERS,
  type VerbClass,
} from './lexicon';
import {
  FREQUENCY_RE,
  SCHEDULE_RE,
  DATE_RE,
  CHECKER_RE,
  EVIDENCE_RE,
  SUPPORT_RE,
  CONSEQUENCE_RE,
  OBJECT_TAIL_RE,
  TEST_RE,
  THRESHOLD_RE,
} from './concretisers';

export interface ExpectationFields {
  expectation: string;
  parent?: string;
  evidence?: string;
  by?: string;
  support?: string;
  if_not_met?: string;
}

export type ExpectationElement =
  | 'behaviour'
  | 'frequency'
  | 'checker'
  | 'evidence'
  | 'date'
  | 'support'
  | 'consequence'
  | 'parent';

export interface ExpectationAnalysis {
  /** No observable behaviour (a date or a number does not rescue it), or too few concretisers. */
  generic: boolean;
  present: ExpectationElement[];
  /** Concretisers not found. */
  missing: ExpectationElement[];
  /** Plain words naming what is missing. */
  explanation: string;
  /** A worked rewrite pattern for this expectation. */
  rewrite: string;
  /** The vague phrase in the expectation text, if any (offsets into `expectation`). */
  trigger?: { start: number; end: number; text: string };
}

export interface ExpectationOptions {
  extraVaguePhrases?: string[];
  /** Concretisers needed besides the behaviour; default 1. */
  minConcretisers?: number;
}

const MAX_CHARS = 2000;
const MAX_SLOTS = 40;

const CONCRETISERS: ExpectationElement[] = ['parent', 'frequency', 'checker', 'evidence', 'date', 'support', 'consequence'];
const ELEMENTS: ExpectationElement[] = ['behaviour', ...CONCRETISERS];

const MODALS = new Set(['will', 'shall', 'must', 'should', 'would', 'can', 'could', 'may', 'might', "'ll", 'to']);
/** Words between a modal and its verb that do not change what the verb is. */
const SKIP = new Set([
  'not', 'never', 'also', 'always', 'then', 'only', 'each', 'immediately', 'consistently', 'regularly',
  'now', 'still', 'both', 'either', 'fully', 'actively', 'promptly', 'independently', 'personally', 'no',
  'longer', 'all', 'usually', 'routinely', 'continue', 'continues', 'to', 'be', 'able', 'need', 'needs',
  'expected', 'required', 'asked', 'agree', 'agrees', 'agreed', 'further', 'jointly', 'physically',
]);
/** Tokens that end a clause for subject look-back. */
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–', '-', '.', 'and', 'or', 'but', 'who', 'which', 'that', 'while', 'whilst', 'so', 'then', 'with']);
const SUBORDINATORS = new Set(['when', 'whenever', 'if', 'unless', 'until', 'while', 'whilst', 'because', 'so', 'where']);
const PLACE_WORDS = new Set(['at', 'in', 'home', 'outside', 'indoors', 'inside', 'back', 'there', 'present', 'on', 'up', 'out']);
const STATE_RE = /^(?:sober|abstinent|drug-free|alcohol-free|substance-free|clean|free (?:of|from) (?:drugs|alcohol|substances|cannabis|cocaine|heroin))\b/;
/**
 * Verbs that sound observable (a visitor could hear or see them) but only are when what is shown,
 * told or given is concrete: "show her learning", "give insight", "let the SW know how she feels".
 */
const CONVEY_VERBS = new Set(['show', 'tell', 'give', 'let', 'share', 'explain', 'inform', 'demonstrate', 'display', 'express', 'prove', 'teach', 'model']);
/** Objects of a conveying verb that name an inner state or an aim, not a thing or an act. */
const ABSTRACT_OBJECTS = new Set(
  `learning learnings insight insights understanding awareness knowledge change changes progress commitment
willingness motivation ability abilities capacity remorse empathy acceptance responsibility maturity reflection
reflections thoughts feelings emotions love affection warmth trust honesty openness interest effort sense
security stability consistency example lessons improvement improvements growth determination dedication`.split(/\s+/),
);
/** After stay / remain: a place or a person it is done in or with, so the verb is an act, not a state. */
const STAY_PLACES = new Set([
  'in', 'at', 'with', 'within', 'beside', 'by', 'near', 'nearby', 'next', 'upstairs', 'downstairs', 'inside',
  'outside', 'indoors', 'home', 'present', 'on', 'throughout', 'until', 'for', 'overnight', 'close', 'there', 'behind',
]);
/** After "stay in / remain in": states rather than places. */
const STATE_NOUNS = new Set(['recovery', 'treatment', 'control', 'denial', 'contact', 'touch', 'communication', 'mind', 'charge', 'work', 'employment', 'education', 'line']);
/** Abstract verbs that are hands-on acts when their object is a part of the body. */
const PHYSICAL_VERBS = new Set(['support', 'protect', 'hold', 'steady', 'cover']);
const BODY_PARTS = new Set(['head', 'neck', 'back', 'body', 'arms', 'arm', 'hands', 'hand', 'legs', 'feet', 'bottom', 'face', 'eyes', 'ears', 'skin', 'teeth']);
/** Nouns naming a course of work: completing one is a process, even when it involves testing. */
const PROCESS_NOUN_RE = /\b(?:course|programme|program|assessments?|group|therapy|counselling|treatment|work|sessions?|appointments?)\b/;
const TO_GOVERNORS = new Set([
  'expected', 'agreed', 'agrees', 'agree', 'needs', 'need', 'is', 'are', 'has', 'have', 'required', 'asked',
  'able', 'going', 'want', 'wants', 'continue', 'continues', 'try', 'tries', 'aim', 'aims', 'plan', 'plans',
  'commit', 'commits', 'committed', 'begin', 'start', 'learn', 'learns', 'how', 'order',
]);

interface Slot {
  verb: number; // token index of the verb
  region: number; // token index where its clause (subject) begins
  actor: 'parent' | 'other';
  gerund: boolean; // -ing form (elaboration)
  /** an ungoverned infinitive ("… every Tuesday to learn about …"): a purpose, not an obligation */
  purpose: boolean;
}

interface Judgement {
  observable: boolean;
  kind?: 'abstract' | 'copula' | 'process' | 'evaluative' | 'vague-noun' | 'hedge' | 'none';
  start?: number;
  end?: number;
  /** character span of the verb phrase (verb to end of object) */
  vpStart: number;
  vpEnd: number;
}

/** A word's verb class and lemma: pure in the word, so looked up once per word (bounded cache). */
interface WordInfo {
  cls: VerbClass | undefined;
  lemma: string;
}
const WORD_INFO = new Map<string, WordInfo>();
const WORD_INFO_MAX = 20000;

function infoOf(w: string): WordInfo {
  let info = WORD_INFO.get(w);
  if (info) return info;
  let cls: VerbClass | undefined;
  let lemma = w;
  for (const c of lemmaCandidates(w)) {
    const k = VERB_CLASS.get(c);
    if (k) {
      cls = k;
      lemma = c;
      break;
    }
  }
  info = { cls, lemma };
  if (WORD_INFO.size >= WORD_INFO_MAX) WORD_INFO.clear();
  WORD_INFO.set(w, info);
  return info;
}

function classOf(w: string): VerbClass | undefined {
  return infoOf(w).cls;
}

function lemmaOf(w: string): string {
  return infoOf(w).lemma;
}

/**
 * PHRASE_CLASS entries by the word they start with. Every entry reads `^(?:w1|w2…)s? ` (checked
 * here), and a token ends at a space, so an entry can match at a verb only when the verb's token
 * is one of its first words. An entry of another shape is tried at every verb.
 */
const PHRASE_FIRST = (() => {
  const byWord = new Map<string, number[]>();
  const always: number[] = [];
  PHRASE_CLASS.forEach(([re], i) => {
    const m = /^\^\(\?:([a-z|]+)\)(s\?)? /.exec(re.source);
    if (!m || re.flags !== '') {
      always.push(i);
      return;
    }
    for (const w of m[1].split('|')) {
      for (const form of m[2] ? [w, w + 's'] : [w]) {
        const list = byWord.get(form) ?? [];
        if (!list.includes(i)) list.push(i);
        byWord.set(form, list);
      }
    }
  });
  const cache = new Map<string, readonly (readonly [RegExp, VerbClass])[]>();
  const none: readonly (readonly [RegExp, VerbClass])[] = [];
  return (w: string): readonly (readonly [RegExp, VerbClass])[] => {
    const own = byWord.get(w);
    if (!own) return always.length ? always.map((i) => PHRASE_CLASS[i]) : none;
    let list = cache.get(w);
    if (!list) {
      list = [...own, ...always].sort((a, b) => a - b).map((i) => PHRASE_CLASS[i]);
      cache.set(w, list);
    }
    return list;
  };
})();

function isWord(t: Token | undefined): t is Token {
  if (!t) return false;
  const c = t.w.charCodeAt(0); // /^[a-z0-9£']/
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 163 || c === 39;
}

function isGerund(t: Token | undefined): boolean {
  return !!t && t.w.length > 4 && t.w.endsWith('ing') && !NOT_GERUNDS.has(t.w);
}

/** Lazily compiled regex for the caller's extra vague phrases (cached per array). */
const extraCache = new WeakMap<readonly string[], RegExp | null>();
function extraRegex(list: readonly string[] | undefined): RegExp | null {
  if (!list || list.length === 0) return null;
  let re = extraCache.get(list);
  if (re === undefined) {
    const parts = list.map((p) => p.trim().toLowerCase()).filter(Boolean).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = parts.length ? new RegExp(`\\b(?:${parts.join('|')})\\b`, 'g') : null;
    extraCache.set(list, re);
  }
  return re;
}

class Analyser {
  readonly toks: Token[];
  readonly lower: string;
  readonly extra: { start: number; end: number }[] = [];
  /** character offsets where the object tail (checked by…, with the support of…) starts */
  readonly tails = new Set<number>();
  checkerClause = false;

  private generalPlace: boolean | undefined;
  /** Offsets into `lower` and `text` agree (lower-casing kept the length), so `lower` at a token starts with its word. */
  readonly aligned: boolean;

  constructor(readonly text: string, extra: RegExp | null) {
    this.lower = text.toLowerCase().replace(/’/g, "'");
    this.toks = tokenizeLower(text, this.lower);
    this.aligned = this.lower.length === text.length;
    if (extra) {
      extra.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = extra.exec(this.lower)) !== null) this.extra.push({ start: m.index, end: m.index + m[0].length });
    }
    OBJECT_TAIL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OBJECT_TAIL_RE.exec(this.lower)) !== null) this.tails.add(m.index);
  }

  /** Some token names the home in general ("the home", "the property"). */
  get hasGeneralPlace(): boolean {
    if (this.generalPlace === undefined) {
      this.generalPlace = false;
      for (const t of this.toks) if (GENERAL_PLACES.has(t.w)) this.generalPlace = true;
    }
    return this.generalPlace;
  }

  /** The PHRASE_CLASS entries that can match at a token reading `w`. */
  private phrasesAt(w: string): readonly (readonly [RegExp, VerbClass])[] {
    return this.aligned ? PHRASE_FIRST(w) : PHRASE_CLASS;
  }

  /** Does the subject of the clause starting at `region`, ending before `verbAt`, name someone other than the parent? */
  private actorOf(region: number, modalAt: number): 'parent' | 'other' {
    const toks = this.toks;
    const breakTok = toks[region - 1];
    if (region >= modalAt) {
      if (breakTok && (breakTok.w === 'who' || breakTok.w === 'which')) {
        const noun = toks.slice(Math.max(0, region - 6), region - 1).map((t) => t.w).join(' ');
        return PARENT_RE.test(noun) ? 'parent' : 'other';
      }
      return 'parent';
    }
    const subj = this.lower.slice(toks[region].start, toks[modalAt - 1].end);
    if (PARENT_RE.test(subj) || /^(?:she|he|they|i|we)\b/.test(subj)) return 'parent';
    if (ROLE_RE.test(subj)) return 'other';
    return 'parent';
  }

  private regionStart(i: number): number {
    let r = i;
    while (r > 0 && !CLAUSE_BREAK.has(this.toks[r - 1].w)) r--;
    return r;
  }

  /** Finds the verb phrases of the expectation. */
  slots(): Slot[] {
    const toks = this.toks;
    const out: Slot[] = [];
    const seen = new Set<number>();
    const push = (s: Slot) => {
      if (!seen.has(s.verb)) {
        seen.add(s.verb);
        out.push(s);
      }
    };
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i].w;
      // imperative or bare start: "Ensure J…", "Attend…"
      if (i === 0 && VERB_CLASS.has(w) && !MODALS.has(w) && !PARENT_RE.test(w)) {
        push({ verb: 0, region: 0, actor: 'parent', gerund: false, purpose: false });
        continue;
      }
      if (MODALS.has(w)) {
        // "in May 2025", "by 12 May": the month, not the modal
        if (w === 'may' && i > 0 && (/^\d/.test(toks[i + 1]?.w ?? '') || /^(?:\d.*|in|by|of|from|until|till|before|after|since|during|early|late|mid|end|-|,)$/.test(toks[i - 1].w))) continue;
        if (w === 'to') {
          const prev = toks[i - 1];
          const next = toks[i + 1];
          const governed = i === 0 || (prev && (TO_GOVERNORS.has(prev.w) || PARENT_RE.test(prev.w)));
          if (!governed && !(next && classOf(next.w) && next.w === lemmaOf(next.w))) continue;
        }
        let j = i + 1;
        while (j < toks.length && SKIP.has(toks[j].w) && toks[j].w !== 'be') j++;
        const t = toks[j];
        if (!isWord(t) || DETERMINERS.has(t.w) || MODALS.has(t.w)) continue;
        if (w === 'to' && !classOf(t.w)) continue;
        const purpose = w === 'to' && i > 0 && !(toks[i - 1] && (TO_GOVERNORS.has(toks[i - 1].w) || PARENT_RE.test(toks[i - 1].w))) && j === i + 1;
        const floor = out.length ? out[out.length - 1].verb + 1 : 0;
        const region = w === 'to' ? i : Math.max(floor, this.regionStart(i));
        const prevSlot = out[out.length - 1];
        // "show she can parent J": the clause after show / demonstrate is its complement, not a behaviour
        if (w !== 'to' && prevSlot) {
          const pc = classOf(toks[prevSlot.verb].w);
          let broken = false;
          for (let k = prevSlot.verb + 1; k < i; k++) if (CLAUSE_BREAK.has(toks[k].w) && toks[k].w !== 'that') broken = true;
          if (!broken && (pc === 'show' || pc === 'abstract')) continue;
        }
        const prevActor = prevSlot ? prevSlot.actor : 'parent';
        const actor = w === 'to' ? prevActor : this.actorOf(region, i);
        if (actor === 'other') this.checkerClause = true;
        push({ verb: j, region, actor, gerund: false, purpose });
        continue;
      }
      const prevSlot = out[out.length - 1];
      // coordinated verbs: "… and collect him at 3pm", "…, sign his reading record"
      if (prevSlot && (w === 'and' || w === 'or' || w === 'then' || w === ',')) {
        let j = i + 1;
        while (j < toks.length && (toks[j].w === 'and' || toks[j].w === 'then' || toks[j].w === 'also' || toks[j].w === 'not' || toks[j].w === 'will' || toks[j].w === 'to')) j++;
        const t = toks[j];
        // "a safe and clean home": adjectives, not a second verb
        const adjectival = EVALUATIVE.has(toks[i - 1]?.w ?? '') || SOFT_EVALUATIVE.has(toks[i - 1]?.w ?? '');
        if (t && j > prevSlot.verb && !adjectival) {
          const cls = classOf(t.w);
          const baseForm = VERB_CLASS.has(t.w) || this.phrasesAt(t.w).some(([re]) => re.test(this.lower.slice(t.start)));
          const ok = (cls || baseForm) && (prevSlot.gerund ? isGerund(t) : baseForm);
          if (ok) push({ verb: j, region: prevSlot.region, actor: prevSlot.actor, gerund: prevSlot.gerund, purpose: prevSlot.purpose });
        }
        continue;
      }
      // elaboration: "by going to…", "through keeping…", "including taking…"
      if (prevSlot && (w === 'by' || w === 'through' || w === 'via' || w === 'including' || w === 'e.g' || w === 'e.g.')) {
        const t = toks[i + 1];
        if (isGerund(t)) push({ verb: i + 1, region: i + 1, actor: prevSlot.actor, gerund: true, purpose: false });
      }
    }
    // no modal, no imperative: "Mother takes J…", or an -ing list
    if (out.length === 0) {
      for (let i = 1; i < toks.length; i++) {
        const t = toks[i];
        if (classOf(t.w) && (PARENT_RE.test(toks[i - 1].w) || isGerund(t))) {
          push({ verb: i, region: 0, actor: 'parent', gerund: isGerund(t), purpose: false });
          break;
        }
      }
    }
    return out.sort((a, b) => a.verb - b.verb).slice(0, MAX_SLOTS);
  }

  /** Token index (exclusive) where the object of the verb at `v` ends. */
  private objectEnd(v: number, next: Slot | undefined): number {
    const toks = this.toks;
    // a coordinated verb shares the clause (region) of the first: its own verb bounds the object
    let end = next ? Math.max(v + 1, Math.min(next.region > v ? next.region : next.verb, next.verb)) : toks.length;
    // stop at the clause before a coordinated verb ("… and collect him")
    if (next && (next.region === next.verb || next.region <= v)) {
      let k = next.verb - 1;
      while (k > v && (toks[k].w === 'and' || toks[k].w === 'or' || toks[k].w === ',' || toks[k].w === 'then' || toks[k].w === 'by' || toks[k].w === 'through' || toks[k].w === 'including' || toks[k].w === 'will' || toks[k].w === 'also' || toks[k].w === 'not' || toks[k].w === 'to')) k--;
      end = Math.min(end, k + 1);
    }
    while (end > v + 1 && !isWord(toks[end - 1])) end--;
    for (let k = v + 1; k < end; k++) {
      if (toks[k].w === ';') return k;
      if (this.tails.has(toks[k].start) || (toks[k].w === ',' && toks[k + 1] && this.tails.has(toks[k + 1].start))) return k;
    }
    return end;
  }

  /** First vague element in the object tokens [from, to). */
  private vagueIn(from: number, to: number, spanStart: number, spanEnd: number): Judgement | null {
    const toks = this.toks;
    const lowerSpan = this.lower.slice(spanStart, spanEnd);
    for (const x of this.extra) {
      if (x.start >= spanStart && x.end <= spanEnd) return { observable: false, kind: 'hedge', start: x.start, end: x.end, vpStart: spanStart, vpEnd: spanEnd };
    }
    const h = DECISIVE_HEDGES.exec(lowerSpan);
    if (h) return { observable: false, kind: 'hedge', start: spanStart + h.index, end: spanStart + h.index + h[0].length, vpStart: spanStart, vpEnd: spanEnd };
    // "clean" is a standard for a named thing (clean bedding) but not for "the home" in general
    for (let k = from; k < to; k++) {
      const t = toks[k];
      if (SUBORDINATORS.has(t.w)) break;
      const w = t.w;
      const next = toks[k + 1]?.w ?? '';
      const prev = toks[k - 1]?.w ?? '';
      let kind: Judgement['kind'] | undefined;
      if (EVALUATIVE.has(w)) {
        if ((w === 'negative' || w === 'positive') && /^(?:tests?|results?|samples?|readings?|screens?|hair|breath|urine|drug)/.test(next)) continue;
        if ((w === 'more' || w === 'less') && (next === 'than' || prev === 'no')) continue;
        if (w === 'well' && prev !== 'as' && k === from) continue;
        kind = 'evaluative';
      } else if (SOFT_EVALUATIVE.has(w) && this.hasGeneralPlace) {
        kind = 'evaluative';
      } else if (VAGUE_NOUNS.has(w)) {
        if (w === 'needs' && !(prev.endsWith("'s") || /^(?:his|her|their|the|basic|care|emotional|health|educational|physical|developmental|all|identified|individual|own|these|those|any|of)$/.test(prev))) continue;
        if ((w === 'support' || w === 'supervision') && prev === 'with') continue;
        if (/^(?:workers?|plans?|groups?|services?|team|coordinator|officer|sessions?|meetings?|centre|package|visits?)$/.test(next)) continue;
        kind = 'vague-noun';
      } else if (w === 'care' && !/^(?:diary|plan|record|home|leaver|coordinator|worker|order|of)$/.test(next)) {
        kind = 'vague-noun';
      }
      if (kind) return { observable: false, kind, start: t.start, end: t.end, vpStart: spanStart, vpEnd: spanEnd };
    }
    return null;
  }

  /**
   * What a conveying verb (show, tell, give, let … know) conveys, when it is an inner state or an
   * aim: an abstract noun ("show her learning", "let the SW know of any changes") or a clause
   * about how someone should be ("show J how a dad should act"; "show J how to bath" is a skill).
   */
  private abstractConveyed(v: number, end: number): { start: number; end: number } | null {
    const toks = this.toks;
    for (let k = v + 1; k < end; k++) {
      const t = toks[k].w;
      if (SUBORDINATORS.has(t) || t === ',' || t === ';' || t === 'by' || t === 'through') return null;
      if (ABSTRACT_OBJECTS.has(t)) return { start: toks[v].start, end: toks[k].end };
      if ((t === 'how' || t === 'that' || t === 'what') && k <= v + 4) {
        const n = toks[k + 1]?.w;
        if (t === 'how' && n === 'to') continue;
        if (n && (DETERMINERS.has(n) || CLAUSE_OPENERS.has(n) || PARENT_RE.test(n) || n === 'much' || n === 'well' || n === 'far')) return { start: toks[v].start, end: toks[k].end };
      }
    }
    return null;
  }

  /** Judges the verb phrase at slot `i`. */
  judge(slots: Slot[], i: number, fieldsLower: () => string, depth = 0): Judgement {
    const toks = this.toks;
    const slot = slots[i];
    let v = slot.verb;
    let next: Slot | undefined;
    for (let k = i + 1; k < slots.length; k++) if (slots[k].verb > v) { next = slots[k]; break; }
    const end = this.objectEnd(v, next);
    const vpStart = toks[v].start;
    const vpEnd = toks[Math.max(v, end - 1)].end;
    const fromVerb = this.lower.slice(vpStart, vpEnd);
    const verbJ = (kind: Judgement['kind'], s = vpStart, e = toks[v].end): Judgement => ({ observable: false, kind, start: s, end: e, vpStart, vpEnd });

    let cls: VerbClass | undefined;
    let phraseEnd = toks[v].end;
    for (const [re, c] of this.phrasesAt(toks[v].w)) {
      const m = re.exec(fromVerb);
      if (m) {
        cls = c;
        phraseEnd = vpStart + m[0].length;
        break;
      }
    }
    const w = toks[v].w;
    if (!cls) cls = classOf(w) ?? 'action';
    if (w === 'keep' || w === 'keeps' || w === 'keeping') {
      if (isGerund(toks[v + 1])) cls = 'transparent';
    }
    if ((w === 'stop' || w === 'stops' || w === 'start' || w === 'starts' || w === 'begin') && !isGerund(toks[v + 1]) && toks[v + 1]?.w !== 'to') cls = 'action';
    if (cls === 'transparent' && depth < 3) {
      let j = v + 1;
      while (j < toks.length && (toks[j].w === 'to' || toks[j].w === 'on' || SKIP.has(toks[j].w)) && toks[j].w !== 'be') j++;
      if (j < toks.length && isWord(toks[j])) {
        const inner: Slot[] = slots.slice();
        inner[i] = { ...slot, verb: j };
        return this.judge(inner, i, fieldsLower, depth + 1);
      }
      cls = 'action';
    }
    for (const x of this.extra) {
      if (x.start >= vpStart && x.start < phraseEnd) return verbJ('hedge', x.start, x.end);
    }

    const objFrom = this.lower.slice(phraseEnd, vpEnd);
    if ((cls === 'show' || cls === 'action' || cls === 'abstract') && CONVEY_VERBS.has(lemmaOf(w))) {
      const conveyed = this.abstractConveyed(v, end);
      if (conveyed) return verbJ('abstract', conveyed.start, conveyed.end);
    }
    switch (cls) {
      case 'abstract': {
        // a physical object makes a hands-on act of it: "supporting J's head", "protect his neck"
        if (PHYSICAL_VERBS.has(lemmaOf(w))) {
          for (let k = v + 1; k < Math.min(end, v + 4); k++) {
            if (BODY_PARTS.has(toks[k].w)) return this.vagueIn(k + 1, end, toks[k].end, vpEnd) ?? { observable: true, vpStart, vpEnd };
          }
        }
        // a countable measure against a threshold: "maintain J's attendance above 95%"
        for (let k = v + 1; k < end; k++) {
          if (MEASURABLE_NOUNS.has(toks[k].w) && THRESHOLD_RE.test(objFrom)) {
            return this.vagueIn(v + 1, end, phraseEnd, vpEnd) ?? { observable: true, vpStart, vpEnd };
          }
        }
        return verbJ('abstract', vpStart, phraseEnd);
      }
      case 'process': {
        const vague = this.vagueIn(v + 1, end, phraseEnd, vpEnd);
        if (vague?.kind === 'hedge') return vague;
        if (!vague && SCHEDULE_RE.test(fromVerb)) return { observable: true, vpStart, vpEnd };
        if (/^complet/.test(w) && /\b(?:chart|diary|log|record|form|sheet)\b/.test(objFrom)) return { observable: true, vpStart, vpEnd };
        // a test or a sample is a single checkable act that leaves evidence, not a course of work
        // (the test's own noun phrase decides: "a drug testing programme" is still a programme)
        if (!vague) {
          const tm = TEST_RE.exec(objFrom);
          if (tm && !PROCESS_NOUN_RE.test(objFrom.slice(0, tm.index + tm[0].length + 14).replace(/\s(?:at|in|on|during|before|after|for|with|every|each|when|by)\s.*$/, ''))) {
            return { observable: true, vpStart, vpEnd };
          }
        }
        return verbJ('process', vpStart, vpEnd);
      }
      case 'copula': {
        let j = v + 1;
        while (j < end && SKIP.has(toks[j].w)) j++;
        const t = toks[j];
        if (!t) return verbJ('copula', vpStart, vpEnd);
        // stay / remain + a place or a person: where the parent is, an act ("stay in the room during
        // bath time", "remain with J throughout contact"); + an adjective it is a state ("stay calm")
        const lem = lemmaOf(w);
        if ((lem === 'stay' || lem === 'remain') && j < end && STAY_PLACES.has(t.w) && !STATE_NOUNS.has(toks[j + 1]?.w ?? '')) {
          return this.vagueIn(j + 1, end, toks[j + 1]?.start ?? t.end, vpEnd) ?? { observable: true, vpStart, vpEnd };
        }
        const rest = this.lower.slice(t.start, vpEnd);
        if (STATE_RE.test(rest) && (TEST_RE.test(this.lower) || TEST_RE.test(fieldsLower()))) return { observable: true, vpStart, vpEnd };
        // passive of an action: "J is taken to school", "the bins emptied"
        if (/(?:ed|en)$/.test(t.w) || lemmaCandidates(t.w)[0] !== t.w) {
          const c = classOf(t.w);
          if (c === 'action') return this.vagueIn(j + 1, end, t.start, vpEnd) ?? { observable: true, vpStart, vpEnd };
          if (c === 'abstract') return verbJ('abstract', vpStart, t.end);
        }
        if (PLACE_WORDS.has(t.w)) {
          const vague = this.vagueIn(j, end, t.start, vpEnd);
          if (vague) return vague;
          if (FREQUENCY_RE.test(rest) || DATE_RE.test(rest)) return { observable: true, vpStart, vpEnd };
        }
        return verbJ('copula', vpStart, vpEnd);
      }
      case 'ensure': {
        // find the embedded clause's verb: "ensure J is in bed", "make sure J eats breakfast"
        let j = v + 1;
        if (/^make|^made/.test(w)) j++;
        for (; j < end; j++) {
          const tw = toks[j].w;
          if (tw === 'will' || tw === 'can') {
            j++;
            break;
          }
          if (j === v + 1 && (tw === 'that' || DETERMINERS.has(tw))) continue;
          const c = classOf(tw);
          if (c && tw !== lemmaOf(tw) && !VAGUE_NOUNS.has(tw) && !MEASURABLE_NOUNS.has(tw) && j > v + 1) break;
        }
        if (j >= end || j >= toks.length) return this.vagueIn(v + 1, end, phraseEnd, vpEnd) ?? { observable: true, vpStart, vpEnd };
        const subjVague = this.vagueIn(v + 1, j, phraseEnd, toks[j].start);
        if (subjVague) return subjVague;
        const inner: Slot[] = slots.slice();
        inner[i] = { ...slot, verb: j };
        const r = this.judge(inner, i, fieldsLower, depth + 1);
        return { ...r, vpStart };
      }
      case 'show': {
        const n = toks[v + 1];
        if (n && CLAUSE_OPENERS.has(n.w)) return verbJ('abstract', vpStart, n.end);
        return this.vagueIn(v + 1, end, phraseEnd, vpEnd) ?? { observable: true, vpStart, vpEnd };
      }
      default:
        return this.vagueIn(v + 1, end, phraseEnd, vpEnd) ?? { observable: true, vpStart, vpEnd };
    }
  }
}

/** `s.replace(/[.;,\s]+$/, '')` without the regex's retry at every punctuation run. */
function trimEndPunctuation(s: string): string {
  let e = s.length;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c === 46 || c === 59 || c === 44 || isSpaceCode(c)) e--;
    else break;
  }
  return e === s.length ? s : s.slice(0, e);
}

function pronounFor(parent: string): string {
  const p = parent.toLowerCase();
  if (/\b(?:mother|mum|ms|mrs|miss|grandmother|nan|aunt|stepmother|step-mother)\b/.test(p)) return 'she';
  if (/\b(?:father|dad|mr|grandfather|uncle|stepfather|step-father)\b/.test(p)) return 'he';
  return 'they';
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const MISSING_WORDS: Record<ExpectationElement, string> = {
  behaviour: 'no behaviour a visitor could see',
  parent: 'no parent named',
  frequency: 'no frequency',
  checker: 'no one checks it',
  evidence: 'no evidence named',
  date: 'no date',
  support: 'no support named',
  consequence: 'nothing on what happens if it is not met',
};

/** Judges whether a parental expectation names an observable behaviour and what concretises it. */
export function analyseExpectation(fields: ExpectationFields, options: ExpectationOptions = {}): ExpectationAnalysis {
  const text = fields.expectation ?? '';
  const min = options.minConcretisers ?? 1;
  // a real expectation is a sentence or two; cap the work on pasted essays
  const a = new Analyser(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text, extraRegex(options.extraVaguePhrases));
  const lower = a.lower;
  // the other fields, lower-cased: built only if a rule needs to look at them
  let fieldsText: string | undefined;
  const fieldsLower = (): string =>
    (fieldsText ??= [fields.evidence, fields.by, fields.support, fields.if_not_met]
      .filter((x): x is string => typeof x === 'string')
      .join(' ; ')
      .toLowerCase());

  const slots = a.slots();
  // Each obligation (a verb after will / must / to…, or coordinated with one) is judged on its own:
  // the expectation is observable only if every obligation is — an abstract one counts as met when
  // an elaboration says how it is done ("engage with X by attending …").
  let anyObservable = false;
  let firstBad: Judgement | undefined;
  const heads: { ok: boolean; j: Judgement }[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot.actor !== 'parent') continue;
    const j = a.judge(slots, i, fieldsLower);
    if (j.observable) anyObservable = true;
    else firstBad ??= j;
    if (slot.gerund) {
      if (j.observable && heads.length) heads[heads.length - 1].ok = true;
    } else if (!slot.purpose) heads.push({ ok: j.observable, j });
  }
  const failing = heads.find((h) => !h.ok);
  const observable = heads.length ? !failing : anyObservable;
  if (failing) firstBad = failing.j;

  const parentMatch = PARENT_RE.exec(lower);
  const parentName = fields.parent?.trim() || (parentMatch ? capitalise(text.substr(parentMatch.index, parentMatch[0].length)) : '');
  const has: Record<ExpectationElement, boolean> = {
    behaviour: observable,
    parent: !!parentName,
    frequency: FREQUENCY_RE.test(lower),
    checker: a.checkerClause || CHECKER_RE.test(lower) || CHECKER_RE.test(fieldsLower()),
    evidence: !!fields.evidence?.trim() || EVIDENCE_RE.test(lower),
    date: !!fields.by?.trim() || DATE_RE.test(lower),
    support: !!fields.support?.trim() || SUPPORT_RE.test(lower),
    consequence: !!fields.if_not_met?.trim() || CONSEQUENCE_RE.test(lower),
  };
  const present = ELEMENTS.filter((e) => has[e]);
  const missing = CONCRETISERS.filter((e) => !has[e]);
  const count = CONCRETISERS.length - missing.length;
  const generic = !observable || count < min;

  // trigger: the phrase that made it vague, else any soft hedge worth pointing at
  let trigger: ExpectationAnalysis['trigger'];
  if (!observable && firstBad && firstBad.start !== undefined && firstBad.end !== undefined) {
    trigger = { start: firstBad.start, end: firstBad.end, text: text.slice(firstBad.start, firstBad.end) };
  } else if (firstBad && firstBad.start !== undefined && firstBad.end !== undefined) {
    // specific, but a vague phrase is still there ("engage with … by going …")
    trigger = { start: firstBad.start, end: firstBad.end, text: text.slice(firstBad.start, firstBad.end) };
  } else {
    const s = SOFT_HEDGES.exec(lower);
    if (s) trigger = { start: s.index, end: s.index + s[0].length, text: text.slice(s.index, s.index + s[0].length) };
  }

  const who = parentName || 'The parent';
  const pron = pronounFor(who);
  const parts: string[] = [];
  if (!observable) {
    const phrase = trigger ? `'${trigger.text}'` : '';
    switch (firstBad?.kind) {
      case 'copula':
        parts.push(`says what ${who} should be, not what ${pron} will do`);
        break;
      case 'process':
        parts.push(`${phrase} is a process, not a change a visitor could see`);
        break;
      case 'evaluative':
        parts.push(`${phrase} has no standard anyone could check`);
        break;
      case 'vague-noun':
        parts.push(`${phrase} does not say what ${who} will actually do`);
        break;
      case 'hedge':
        parts.push(`${phrase} leaves open what ${who} will do`);
        break;
      case 'abstract':
        parts.push(`${phrase} is an aim or attitude, not something a visitor could see or count`);
        break;
      default:
        parts.push(`does not say what ${who} will do that a visitor could see`);
    }
  }
  const shown: ExpectationElement[] = observable ? missing : missing.filter((e) => e !== 'support' && e !== 'consequence');
  for (const e of shown) parts.push(MISSING_WORDS[e]);
  if (observable && count < min) parts.unshift(`needs at least ${min} of: named parent, frequency, who checks, evidence, date, support, consequence`);
  const explanation = parts.length ? parts.join('; ') : 'specific: an observable behaviour with what makes it checkable';

  const tailParts: string[] = [];
  if (!has.checker) tailParts.push('checked by <who>');
  if (!has.evidence) tailParts.push('evidenced by <what>');
  if (!has.date) tailParts.push('by <date>');
  const tail = tailParts.length ? ` — ${tailParts.join(', ')}` : '';
  let rewrite: string;
  if (observable) {
    const base = trimEndPunctuation(text.trim());
    rewrite = `${base}${has.frequency ? '' : ' <how often>'}${tail}`;
  } else {
    rewrite = `${who} will <do something a visitor could see>${has.frequency ? '' : ' <how often>'}${tail}`;
  }
  return { generic, present, missing, explanation, rewrite, ...(trigger ? { trigger } : {}) };
}
