/**
 * A learned second opinion on an expectation (issue 9): a logistic regression over the words and
 * word pairs of its wording, trained on the labelled domain and dev sets by
 * test/quality/expectationScorer.ts and committed as data (data/expectation-scorer.json, and the
 * same weights hashed in expectation-scorer-hashed.json, both written by that script with --write).
 * Its probability is weighed with the structural judgement (combine): on batches of real text the
 * rule had not been tuned on, the words generalised better than the structure alone, and the two
 * together better than either. The figures are in that script's header.
 */
interface Committed {
  bias: number;
  /** The weight of each word, and of each pair of neighbouring words, keyed by hash (see genericLikelihood). */
  unigrams: HashTable;
  pairs: HashTable;
}

/**
 * Weights by 32-bit hash in two sorted typed arrays, looked up by binary search: built in a fraction
 * of a millisecond, where a Map of 12,000 number keys took over 10 ms to fill. A hash written twice
 * keeps its last weight, as a Map would, and counts once in `size`.
 */
export class HashTable {
  private readonly keys: Uint32Array;
  private readonly values: Float64Array;

  constructor(flat: readonly number[]) {
    const order = Array.from({ length: flat.length >> 1 }, (_, i) => i).sort((a, b) => flat[2 * a] - flat[2 * b] || a - b);
    const keys: number[] = [];
    const values: number[] = [];
    for (const i of order) {
      if (keys.length && keys[keys.length - 1] === flat[2 * i]) values[values.length - 1] = flat[2 * i + 1];
      else keys.push(flat[2 * i]), values.push(flat[2 * i + 1]);
    }
    this.keys = Uint32Array.from(keys);
    this.values = Float64Array.from(values);
  }

  get size(): number {
    return this.keys.length;
  }

  get(key: number): number | undefined {
    let lo = 0;
    let hi = this.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid];
      if (k === key) return this.values[mid];
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

/** The weights as committed for the engine: [hash, weight, hash, weight, …], ready to read with no hashing. */
export interface HashedWeights {
  bias: number;
  unigrams: number[];
  pairs: number[];
}

let committed: Committed | undefined;

/**
 * The committed model, read on first use (a run with no expectation in it pays nothing). It is
 * read in its hashed form, written beside the readable weights by the training script: building it
 * from the 12,000 readable weights cost about 60 ms a process (parse, a map of strings, hashing);
 * this form about 10 ms, most of it reading the file.
 */
export function committedModel(): Committed {
  if (!committed) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../../data/expectation-scorer-hashed.json') as HashedWeights;
    committed = { bias: data.bias, unigrams: new HashTable(data.unigrams), pairs: new HashTable(data.pairs) };
  }
  return committed;
}

/**
 * How much the structure's verdict counts beside the scorer's probability (which counts for the
 * rest): generic when RULE_WEIGHT × structure + (1 − RULE_WEIGHT) × probability > 0.5, i.e. a
 * finding the structure makes stands when the scorer gives more than 1/3, and one it does not
 * make is added above 2/3. Chosen on batches the rule had not been tuned on (see the script).
 */
export const RULE_WEIGHT = 0.25;

/**
 * The verdict from the structure's and the scorer's together. When the structure found the
 * sentence defining or explaining its own vague word ("adequate housing, meaning a two-bedroom
 * flat"), its "specific" stands: a list of words cannot see that.
 */
export function combine(structural: boolean, explained: boolean, likelihood: number): boolean {
  if (!structural && explained) return false;
  return RULE_WEIGHT * (structural ? 1 : 0) + (1 - RULE_WEIGHT) * likelihood > 0.5;
}

/** The features of a wording: its words (any run of digits as "0") and each pair of neighbouring words. */
export function scorerFeatures(text: string): Set<string> {
  const words = text.toLowerCase().replace(/’/g, "'").replace(/\d+/g, ' 0 ').match(/[a-z0]+(?:'[a-z]+)?/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i) out.add(`b:${words[i - 1]} ${words[i]}`);
  }
  return out;
}

/** The probability that a wording is generic, from its features and a set of weights. */
export function likelihoodOf(features: Iterable<string>, weights: ReadonlyMap<string, number>, bias: number): number {
  let z = bias;
  for (const k of features) z += weights.get(k) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The committed weights keyed by a 32-bit hash of the word, and of the pair of words: the engine
 * scores every expectation, and hashing as it reads (no feature strings) keeps that cheap.
 */
const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;
const APOSTROPHE = 39;
const step = (h: number, code: number): number => Math.imul(h ^ code, PRIME) >>> 0;
const pairKey = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
function hashWord(w: string): number {
  let h = OFFSET;
  for (let i = 0; i < w.length; i++) h = step(h, w.charCodeAt(i));
  return h;
}
/** Readable weights ("w:…", "b:… …") in the form the engine reads: each key hashed as genericLikelihood hashes as it reads. */
export function hashWeights(bias: number, weights: ReadonlyMap<string, number>): HashedWeights {
  const unigrams: number[] = [];
  const pairs: number[] = [];
  for (const [k, x] of weights) {
    if (k.startsWith('w:')) unigrams.push(hashWord(k.slice(2)), x);
    else {
      const [a, b] = k.slice(2).split(' ');
      pairs.push(pairKey(hashWord(a), hashWord(b)), x);
    }
  }
  return { bias, unigrams, pairs };
}

const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The probability, by the committed weights, that the wording is generic: scorerFeatures and likelihoodOf in one pass. */
export function genericLikelihood(text: string): number {
  const s = text.toLowerCase();
  const n = s.length;
  const seenWords = new Set<number>();
  const seenPairs = new Set<number>();
  const { bias, unigrams, pairs } = committedModel();
  let z = bias;
  let prev = -1;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let h: number;
    if (isDigit(c)) {
      // a run of digits reads as the word "0"
      while (i < n && isDigit(s.charCodeAt(i))) i++;
      h = step(OFFSET, 48);
    } else if (isLetter(c)) {
      h = OFFSET;
      while (i < n && isLetter(s.charCodeAt(i))) h = step(h, s.charCodeAt(i++));
      // an inner apostrophe and the letters after it ("j's", "don't")
      const a = s.charCodeAt(i);
      if ((a === APOSTROPHE || a === 0x2019) && i + 1 < n && isLetter(s.charCodeAt(i + 1))) {
        h = step(h, APOSTROPHE);
        i++;
        while (i < n && isLetter(s.charCodeAt(i))) h = step(h, s.charCodeAt(i++));
      }
    } else {
      i++;
      continue;
    }
    if (!seenWords.has(h)) {
      seenWords.add(h);
      z += unigrams.get(h) ?? 0;
    }
    if (prev >= 0) {
      const k = pairKey(prev, h);
      if (!seenPairs.has(k)) {
        seenPairs.add(k);
        z += pairs.get(k) ?? 0;
      }
    }
    prev = h;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Is the wording generic, by the structure's verdict and the committed weights together? */
export function scorerVerdict(structural: boolean, explained: boolean, text: string): boolean {
  return combine(structural, explained, genericLikelihood(text));
}
