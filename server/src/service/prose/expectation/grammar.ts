/**
 * Function words that give a clause its shape (modals, clause breaks, subordinators), and the
 * per-word lookups the clause reader makes: a word's verb class and lemma, the multi-word phrases
 * that can start at it.
 */
import { lemmaCandidates, type Token } from '../tokens';
import { VERB_CLASS, PHRASE_CLASS, NOT_GERUNDS, type VerbClass } from '../lexicon';

/** Words after which a verb is an obligation: "will attend", "must not", "Mother to attend". */
export const MODALS = new Set(['will', 'shall', 'must', 'should', 'would', 'can', 'could', 'may', 'might', "'ll", 'to']);

/** Words between a modal and its verb that do not change what the verb is ("will not always take"). */
export const SKIP = new Set([
  // negation and adverbs of time or manner
  'not', 'never', 'also', 'always', 'then', 'only', 'each', 'immediately', 'consistently', 'regularly',
  'now', 'still', 'both', 'either', 'fully', 'actively', 'promptly', 'independently', 'personally', 'no',
  'longer', 'all', 'usually', 'routinely', 'further', 'jointly', 'physically',
  // verbs that pass the obligation on to the next verb ("will need to take", "is expected to attend")
  'continue', 'continues', 'to', 'be', 'able', 'need', 'needs', 'expected', 'required', 'asked', 'agree', 'agrees', 'agreed',
]);

/** Tokens that end a clause for subject look-back. */
export const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–', '-', '.', 'and', 'or', 'but', 'who', 'which', 'that', 'while', 'whilst', 'so', 'then', 'with']);

/** Words that open a condition or a time clause: what follows says when, not what the parent does. */
export const SUBORDINATORS = new Set(['when', 'whenever', 'if', 'unless', 'until', 'while', 'whilst', 'because', 'so', 'where']);

/** After "be": where the parent is ("be at the school gate at 3pm"), which can be seen. */
export const PLACE_WORDS = new Set(['at', 'in', 'home', 'outside', 'indoors', 'inside', 'back', 'there', 'present', 'on', 'up', 'out']);

/** Words before "to" that make it an obligation ("agreed to attend") rather than a purpose ("… to learn"). */
export const TO_GOVERNORS = new Set([
  'expected', 'agreed', 'agrees', 'agree', 'needs', 'need', 'is', 'are', 'has', 'have', 'required', 'asked',
  'able', 'going', 'want', 'wants', 'continue', 'continues', 'try', 'tries', 'aim', 'aims', 'plan', 'plans',
  'commit', 'commits', 'committed', 'begin', 'start', 'learn', 'learns', 'how', 'order',
  // nouns of obligation: "Parental agreement to take…", "it is your responsibility to keep…"
  'agreement', 'requirement', 'responsibility', 'duty', 'commitment', 'expectation',
]);

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

export function classOf(w: string): VerbClass | undefined {
  return infoOf(w).cls;
}

export function lemmaOf(w: string): string {
  return infoOf(w).lemma;
}

type Phrases = readonly (readonly [RegExp, VerbClass])[];

/**
 * PHRASE_CLASS entries by the word they start with. Every entry reads `^(?:w1|w2…)s? ` (checked
 * here), and a token ends at a space, so an entry can match at a verb only when the verb's token
 * is one of its first words. An entry of another shape is tried at every verb.
 */
function indexPhrases(): (w: string) => Phrases {
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
  const cache = new Map<string, Phrases>();
  const none: Phrases = [];
  return (w: string): Phrases => {
    const own = byWord.get(w);
    if (!own) return always.length ? always.map((i) => PHRASE_CLASS[i]) : none;
    let list = cache.get(w);
    if (!list) {
      list = [...own, ...always].sort((a, b) => a - b).map((i) => PHRASE_CLASS[i]);
      cache.set(w, list);
    }
    return list;
  };
}
let phraseIndex = indexPhrases();

/** The PHRASE_CLASS entries that can match at a token reading `w`. */
export function phrasesStartingWith(w: string): Phrases {
  return phraseIndex(w);
}

/** Forget cached lookups after a word list changed (the lexicon tests take entries out one at a time). */
export function resetWordCaches(): void {
  WORD_INFO.clear();
  phraseIndex = indexPhrases();
}

/** A word or number token (not punctuation). */
export function isWord(t: Token | undefined): t is Token {
  if (!t) return false;
  const c = t.w.charCodeAt(0); // /^[a-z0-9£']/
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 163 || c === 39;
}

/** An -ing form that is a verb ("going"), not a noun that ends the same way ("evening"). */
export function isGerund(t: Token | undefined): boolean {
  return !!t && t.w.length > 4 && t.w.endsWith('ing') && !NOT_GERUNDS.has(t.w);
}
