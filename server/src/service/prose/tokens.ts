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
