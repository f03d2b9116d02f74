/** Tokens with offsets, and a small lemmatiser: enough structure to find verb phrases cheaply. */

export interface Token {
  /** lower-cased text, curly apostrophes folded */
  w: string;
  start: number;
  end: number;
}

// Words (with inner apostrophes, hyphens, dots and slashes, so "8.50am", "14/01/2025", "key-work",
// "J's" stay whole) or single punctuation marks that end a clause.
const TOKEN_RE = /[A-Za-z0-9£][A-Za-z0-9'’£%]*(?:[-./:][A-Za-z0-9'’%]+)*|[.,;:!?()—–\-]/g;

/**
 * Tokens of `text`, given `lower` = text.toLowerCase() with curly apostrophes folded: the same
 * tokens as tokenize(text), cut from `lower` instead of lower-casing each one. Lower-casing keeps
 * every token character's class and every offset unless the text holds U+0130 (İ, which becomes
 * two characters) or U+212A (the Kelvin sign, which becomes "k"); those texts take tokenize.
 */
export function tokenizeLower(text: string, lower: string): Token[] {
  if (lower.length !== text.length || text.indexOf('\u212a') >= 0) return tokenize(text);
  // TOKEN_RE by hand: a word is a head run, then any number of [-./:] + tail run
  const out: Token[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isHead(c)) {
      const start = i++;
      while (i < n && isBody(lower.charCodeAt(i))) i++;
      while (i + 1 < n && isJoiner(lower.charCodeAt(i)) && isTail(lower.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isTail(lower.charCodeAt(i))) i++;
      }
      out.push({ w: lower.slice(start, i), start, end: i });
    } else {
      if (isPunct(c)) out.push({ w: lower[i], start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** [A-Za-z0-9£] */
function isHead(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 163;
}
/** [A-Za-z0-9'’£%] */
function isBody(c: number): boolean {
  return isHead(c) || c === 39 || c === 0x2019 || c === 37;
}
/** [A-Za-z0-9'’%] */
function isTail(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 39 || c === 0x2019 || c === 37;
}
/** [-./:] */
function isJoiner(c: number): boolean {
  return c === 45 || c === 46 || c === 47 || c === 58;
}
/** [.,;:!?()—–\-] */
function isPunct(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013 || c === 45;
}

/**
 * Abbreviations whose full stop is part of the word: in "positive discipline, i.e. praising…" the
 * stop does not end the sentence, so what follows can define the word before it.
 */
const ABBREVIATIONS = new Set(['i.e', 'e.g', 'viz']);

/** The tokens with each abbreviation's full stop joined to it ("e.g" + "." → "e.g."). */
export function joinAbbreviations(toks: Token[]): Token[] {
  let k = toks.findIndex((t, i) => ABBREVIATIONS.has(t.w) && toks[i + 1]?.w === '.' && toks[i + 1].start === t.end);
  if (k < 0) return toks;
  const out = toks.slice(0, k);
  for (; k < toks.length; k++) {
    const t = toks[k];
    const dot = toks[k + 1];
    if (ABBREVIATIONS.has(t.w) && dot?.w === '.' && dot.start === t.end) {
      out.push({ w: `${t.w}.`, start: t.start, end: dot.end });
      k++;
    } else out.push(t);
  }
  return out;
}

/** Splits text into word and punctuation tokens. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    out.push({ w: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Exactly the characters `\s` (and String.prototype.trim) treat as white space. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const IRREGULAR: Record<string, string> = {
  went: 'go', gone: 'go', goes: 'go', took: 'take', taken: 'take', gave: 'give', given: 'give',
  saw: 'see', seen: 'see', met: 'meet', kept: 'keep', made: 'make', got: 'get', brought: 'bring',
  shown: 'show', done: 'do', does: 'do', did: 'do', is: 'be', are: 'be', was: 'be', were: 'be',
  been: 'be', being: 'be', am: 'be', has: 'have', had: 'have', ate: 'eat', eaten: 'eat',
  slept: 'sleep', left: 'leave', paid: 'pay', told: 'tell', rang: 'ring', rung: 'ring',
  drove: 'drive', driven: 'drive', came: 'come', put: 'put', set: 'set', shut: 'shut', let: 'let',
  sat: 'sit', stood: 'stand', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write',
  bought: 'buy', fed: 'feed', held: 'hold', found: 'find', learnt: 'learn', understood: 'understand',
  drank: 'drink', drunk: 'drink', woke: 'wake', woken: 'wake', became: 'become', built: 'build',
};

/**
 * Base-form candidates of an English word, most likely first. The caller picks the first one
 * its lexicon knows; unknown words get `[word]`.
 */
export function lemmaCandidates(w: string): string[] {
  const irr = IRREGULAR[w];
  if (irr) return [irr];
  const c = [w];
  const n = w.length;
  if (n > 4 && w.endsWith('ing')) {
    const b = w.slice(0, -3);
    c.push(b, b + 'e');
    if (b.length > 2 && b[b.length - 1] === b[b.length - 2]) c.push(b.slice(0, -1));
    if (b.endsWith('y')) c.push(b.slice(0, -1) + 'ie');
  } else if (n > 3 && w.endsWith('ied')) {
    c.push(w.slice(0, -3) + 'y');
  } else if (n > 3 && w.endsWith('ed')) {
    const b = w.slice(0, -2);
    c.push(b, w.slice(0, -1));
    if (b.length > 2 && b[b.length - 1] === b[b.length - 2]) c.push(b.slice(0, -1));
  } else if (n > 3 && w.endsWith('ies')) {
    c.push(w.slice(0, -3) + 'y');
  } else if (n > 3 && w.endsWith('es')) {
    c.push(w.slice(0, -2), w.slice(0, -1));
  } else if (n > 2 && w.endsWith('s') && !w.endsWith('ss')) {
    c.push(w.slice(0, -1));
  }
  return c;
}
