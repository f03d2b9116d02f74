/**
 * A logistic regression over the words and pairs of neighbouring words of a text: the learned
 * second opinion the prose rules weigh with their structural judgement (expectation/scorer.ts,
 * reflection/scorer.ts). Each model is trained by a script under test/quality/ and committed as
 * data twice: readable ("w:word", "b:word word") and hashed, the form read here.
 */

/** A committed model: the weight of each word, and of each pair of neighbouring words, keyed by hash (see wordLikelihood). */
export interface WordModel {
  bias: number;
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

  /** The hash, weight pairs of the table in key order (what `pack` writes). */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) yield [this.keys[i], this.values[i]];
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

/** Weights by hash: [hash, weight, hash, weight, …], ready to read with no hashing. */
export interface HashedWeights {
  bias: number;
  unigrams: number[];
  pairs: number[];
}

/**
 * The weights as committed for the engine: each table as one base64 string of its hashes (uint32)
 * and then its weights in ten-thousandths (int32), little-endian, in key order. Written as lists
 * of numbers, the two models were 750 kB of the bundle and as much again in the CLI's code cache,
 * which every run reads: about 35 ms a start, against 150 for the whole start-up. The weights are
 * rounded to ten-thousandths when written, so n / 10000 is the very number the readable file holds.
 */
export interface PackedWeights {
  bias: number;
  unigrams: string;
  pairs: string;
}

/** One table packed: the entries of a flat [hash, weight, …] list, sorted by hash (the last weight of a hash kept). */
export function pack(flat: readonly number[]): string {
  const table = [...new HashTable(flat).entries()];
  const bytes = new Uint8Array(table.length * 8);
  const view = new DataView(bytes.buffer);
  table.forEach(([h, x], i) => {
    view.setUint32(4 * i, h, true);
    view.setInt32(4 * (table.length + i), Math.round(x * 10000), true);
  });
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary);
}

/** One packed table read back into [hash, weight, …]. */
export function unpack(packed: string): number[] {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  const n = bytes.length / 8;
  const flat = new Array<number>(2 * n);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = view.getUint32(4 * i, true);
    flat[2 * i + 1] = view.getInt32(4 * (n + i), true) / 10000;
  }
  return flat;
}

/** A model from its committed packed form. */
export function wordModel(data: PackedWeights): WordModel {
  return { bias: data.bias, unigrams: new HashTable(unpack(data.unigrams)), pairs: new HashTable(unpack(data.pairs)) };
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

/** The probability a set of readable weights gives a text, from its features. */
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
/** Readable weights ("w:…", "b:… …") in the form the engine reads: each key hashed as wordLikelihood hashes as it reads. */
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

/** The probability the model gives the text: scorerFeatures and likelihoodOf in one pass, hashing as it reads. */
export function wordLikelihood(text: string, model: WordModel): number {
  const s = text.toLowerCase();
  const n = s.length;
  const seenWords = new Set<number>();
  const seenPairs = new Set<number>();
  const { bias, unigrams, pairs } = model;
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
