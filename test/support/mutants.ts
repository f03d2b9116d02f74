/**
 * Deterministic hostile variants of the sample records, for the fuzz tests (unit and protocol).
 * A seeded PRNG (mulberry32) drives a set of mutators; the same seed always gives the same
 * mutants, so a failure names a seed and a mutant index that reproduce it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const SAMPLES_DIR = path.join(__dirname, '..', '..', 'samples');

/** Every file under samples/, relative to it, with forward slashes. */
export function sampleFiles(dir = SAMPLES_DIR, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...sampleFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

export interface Sample {
  /** Path under samples/, e.g. `CH-000123/review-2.yaml`. */
  rel: string;
  text: string;
}

export function yamlSamples(): Sample[] {
  return sampleFiles()
    .filter((f) => /\.ya?ml$/.test(f))
    .map((rel) => ({ rel, text: readFileSync(path.join(SAMPLES_DIR, rel), 'utf8') }));
}

/** mulberry32: a tiny, good-enough 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Tokens that upset a YAML reader or the code that walks its tree. */
const TOKENS = [
  ': ', '- ', '-', ':', '&a ', '*a', '*nope', '<<: *a', '!!binary ', '!!str ', '!!map ', '!!seq ', '!!int ', '!custom ', '!<tag:x> ',
  '{', '}', '[', ']', ',', '|', '|-', '>', '>+2', '"', "'", '"\\', '#', ' # careplan-disable-line', '? ', '---\n', '...\n', '%YAML 1.2\n',
  '\u0000', '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFEFF', '\t', '\r', '\r\n', '\u2028', '\u0085', '😀', '\\', '@', '`', '%', '!',
  '{{', '}}', '[[', ']]', ': |\n', ': >\n  ', '\n- ', '\n  - ', '\n? ', '0x1F', '1e400', '.nan', '-.inf', '~', 'null', 'true', 'NO',
];

/** Values for fields that expect something else. */
const WRONG_VALUES = [
  '42', '-1', '0', '3.14', '1e309', '.inf', '.nan', 'true', 'false', 'yes', 'null', '~', '', '""', "''",
  '[]', '{}', '[1, 2, null]', '[[]]', '[{}]', '{a: 1}', '{kind: review}', '[a, [b, [c]]]', '*a', '&a x', '!!binary aGVsbG8=',
  '2025-13-45', '2025-02-30', '0000-00-00', '9999-12-31', '2025-04-24T10:00:00Z', '12:30', '0o17', '0x1F', '"\\u0000"',
  '|\n  block text', '>-\n  folded', '\n  - a\n  - b', '\n  - id: X\n    action: 5', '\n  a: 1\n  b: [2]', '\n  ? [x]\n  : y',
  '"' + 'see the PEP dated 14/01/2025 '.repeat(40) + '"',
];

/** Keys that are not strings, or not plain ones. */
const ODD_KEYS = [
  '1', '2.5', 'true', 'null', '~', '[a, b]', '{a: 1}', '2025-01-01', '"quoted key"', "'single'", '? complex', '!!int 3', '&k anchored', '*a',
  '""', '-1', '0x10', '.nan', '<<',
];

/** Field names from the schemas, so mutations land on what the rules and features look at. */
const FIELDS = [
  'kind', 'id', 'child', 'date', 'review', 'number', 'care_plan', 'next_review_due', 'previous_review_date', 'placement', 'type', 'start_date',
  'permanence', 'plan', 'parallel_plan', 'milestones', 'due', 'status', 'what', 'actions', 'action', 'owner', 'timescale', 'references',
  'parent_expectations', 'expectation', 'evidence', 'by', 'support', 'if_not_met', 'parent', 'path', 'doc', 'title', 'discussion',
  'health', 'education', 'children', 'reflection', 'next_supervision', 'supervisee', 'supervisor', 'looked_after_since',
];

type Mutator = (text: string, r: Rng) => string;

const lines = (t: string) => t.split('\n');
const offset = (t: string, r: Rng) => r.int(t.length + 1);
const insertAt = (t: string, at: number, s: string) => t.slice(0, at) + s + t.slice(at);
const indentOf = (l: string) => /^[ \t]*/.exec(l)![0].length;

/** Removes a line's children (the lines after it indented deeper), so a new value replaces them. */
function withoutChildren(ls: string[], i: number): string[] {
  const ind = indentOf(ls[i]);
  let j = i + 1;
  while (j < ls.length && (ls[j].trim() === '' || indentOf(ls[j]) > ind)) j++;
  return [...ls.slice(0, i + 1), ...ls.slice(j)];
}

/** Index of a random `key: value` line (optionally `- key:`), or -1. */
function keyLine(ls: string[], r: Rng): number {
  const candidates: number[] = [];
  for (let i = 0; i < ls.length; i++) if (/^\s*(- )?[\w-]+:(\s|$)/.test(ls[i])) candidates.push(i);
  return candidates.length ? r.pick(candidates) : -1;
}

export const MUTATORS: Record<string, Mutator> = {
  deleteLine: (t, r) => {
    const ls = lines(t);
    ls.splice(r.int(ls.length), 1 + (r.chance(0.3) ? r.int(5) : 0));
    return ls.join('\n');
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + r.int(4)));
    return ls.join('\n');
  },
  swapLines: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    const j = r.int(ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  tab: (t, r) => {
    if (r.chance(0.5)) return insertAt(t, offset(t, r), '\t');
    const ls = lines(t);
    const i = r.int(ls.length);
    ls[i] = ls[i].replace(/^ +/, (s) => (r.chance(0.5) ? '\t' : s.slice(0, -1) + '\t'));
    return ls.join('\n');
  },
  truncate: (t, r) => t.slice(0, offset(t, r)),
  token: (t, r) => insertAt(t, offset(t, r), r.pick(TOKENS)),
  tokenAtLineEnd: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    ls[i] += r.pick(TOKENS);
    return ls.join('\n');
  },
  lineEndings: (t, r) => {
    const mode = r.int(3);
    if (mode === 0) return t.replace(/\n/g, '\r\n');
    if (mode === 1) return t.replace(/\n/g, '\r');
    return t.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r']));
  },
  longLine: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length + 1);
    const n = 2_000 + r.int(30_000);
    const filler = r.pick(['x', 'a ', 'see the PEP ', 'within 10 working days ', '- ', '[', '"', 'é😀', 'ongoing; ASAP; TBC; ']);
    const long = filler.repeat(Math.ceil(n / filler.length)).slice(0, n);
    if (r.chance(0.5) && i < ls.length) ls[i] += long;
    else ls.splice(i, 0, r.pick(['discussion: ', 'x-long: ', '  - action: ', '']) + long);
    return ls.join('\n');
  },
  deepNesting: (t, r) => {
    const depth = 200 + r.int(2_000);
    const kind = r.int(4);
    const nest =
      kind === 0 ? '['.repeat(depth) :
      kind === 1 ? '{a: '.repeat(depth) :
      kind === 2 ? '['.repeat(depth) + ']'.repeat(depth) :
      '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
    const ls = lines(t);
    const k = keyLine(ls, r);
    if (k >= 0 && r.chance(0.7)) {
      const out = withoutChildren(ls, k);
      out[k] = out[k].replace(/:.*$/, ': ' + nest);
      return out.join('\n');
    }
    return insertAt(t, offset(t, r), nest);
  },
  deepBlock: (t, r) => {
    const depth = 50 + r.int(400);
    const item = r.chance(0.5);
    const block = Array.from({ length: depth }, (_, d) => ' '.repeat(d * 2) + (item ? '- ' : `k${d}:`)).join('\n');
    return t.replace(/\n?$/, '\n') + r.pick(['actions:\n', 'x-deep:\n', 'review:\n', '']) + block + '\n';
  },
  wrongValue: (t, r) => {
    const ls = lines(t);
    const k = keyLine(ls, r);
    if (k < 0) return t;
    const out = withoutChildren(ls, k);
    const indent = /^(\s*(?:- )?)/.exec(out[k])![1].replace('-', ' ');
    const v = r.pick(WRONG_VALUES).replace(/\n {2}/g, '\n' + indent + '  ');
    out[k] = out[k].replace(/:.*$/, ': ' + v);
    return out.join('\n');
  },
  renameKey: (t, r) => {
    const ls = lines(t);
    const k = keyLine(ls, r);
    if (k < 0) return t;
    ls[k] = ls[k].replace(/^(\s*(?:- )?)[\w-]+:/, (_, pre: string) => pre + r.pick([...FIELDS, ...ODD_KEYS]) + ':');
    return ls.join('\n');
  },
  oddKey: (t, r) => {
    const ls = lines(t);
    const i = r.int(ls.length);
    const indent = ' '.repeat(indentOf(ls[i] ?? ''));
    ls.splice(i, 0, `${indent}${r.pick(ODD_KEYS)}: ${r.pick(WRONG_VALUES.slice(0, 20))}`);
    return ls.join('\n');
  },
  listForMap: (t, r) => {
    const ls = lines(t);
    // A field whose value is a block below it: give it a list (or a scalar) instead.
    const parents = ls.map((l, i) => (/^\s*(- )?[\w-]+:\s*$/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (!parents.length) return t;
    const k = r.pick(parents);
    const out = withoutChildren(ls, k);
    const pad = ' '.repeat(indentOf(out[k]) + 2);
    const replacement = r.pick([[`${pad}- a`, `${pad}- b: 1`], [`${pad}- - x`], [`${pad}- ${r.pick(FIELDS)}: [1]`], [`${pad}plain text`], []]);
    out.splice(k + 1, 0, ...replacement);
    return out.join('\n');
  },
  mapForList: (t, r) => {
    // `- ` items become plain keys, or a list item becomes a scalar.
    return t.replace(/^(\s*)- /m, (_m, s: string) => (r.chance(0.5) ? `${s}x: ` : `${s}`));
  },
  anchors: (t, r) => {
    const ls = lines(t);
    const k = keyLine(ls, r);
    const j = keyLine(ls, r);
    if (k < 0 || j < 0) return t;
    ls[k] = ls[k].replace(/:(\s*)/, ': &a$1');
    ls[j] = ls[j].replace(/:.*$/, r.pick([': *a', ': *a\n<<: *a', ': [*a, *a, *a]', ': *a # x']));
    return ls.join('\n');
  },
  selfAlias: (t, r) => t.replace(/\n?$/, '\n') + r.pick(['x-self: &s [*s]\n', 'x-merge: &m { <<: *m }\n', 'x-bomb: &b [*b, *b]\n', 'actions: &r\n  - *r\n']),
  kindChange: (t, r) => t.replace(/^kind:.*$/m, `kind: ${r.pick(['care-plan', 'review', 'supervision', 'nope', '[review]', '{a: 1}', '', '!!binary eA==', 'review # c', '"review"'])}`),
  controlChars: (t, r) => {
    let out = t;
    for (let n = 1 + r.int(6); n > 0; n--) out = insertAt(out, offset(out, r), String.fromCharCode(r.pick([0, 1, 7, 8, 11, 12, 27, 127, 0x85, 0xa0, 0x2028, 0x2029, 0xd800, 0xdfff, 0xfffe, 0xffff])));
    return out;
  },
  splitSurrogate: (t, r) => {
    const i = offset(t, r);
    return insertAt(t, i, '😀'.slice(0, 1)) + (r.chance(0.5) ? '\uDE00' : '');
  },
};

const NAMES = Object.keys(MUTATORS);

export interface Mutant {
  /** The sample it came from and the mutators applied, for failure messages. */
  label: string;
  text: string;
}

/** `count` mutants of `text`, each with 1–4 mutations, reproducible from `seed`. */
export function mutate(sample: Sample, seed: number, count: number): Mutant[] {
  const r = new Rng(seed);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    let text = sample.text;
    const applied: string[] = [];
    for (let n = 1 + r.int(4); n > 0; n--) {
      const name = r.pick(NAMES);
      text = MUTATORS[name](text, r);
      applied.push(name);
    }
    out.push({ label: `${sample.rel} #${i} (seed ${seed}: ${applied.join(', ')})`, text });
  }
  return out;
}

/** Hand-written worst cases, each on its own, added to every fuzz run. */
export function nastyCases(base: string): Mutant[] {
  const head = 'kind: review\nid: r1\nchild: CH-000123\ndate: 2025-04-24\n';
  const cases: Record<string, string> = {
    'nested [ x2000': head + 'actions: ' + '['.repeat(2000) + '\n',
    'nested [ x2000 closed': head + 'actions: ' + '['.repeat(2000) + ']'.repeat(2000) + '\n',
    'nested { x2000': head + 'review: ' + '{a: '.repeat(2000) + '1' + '}'.repeat(2000) + '\n',
    'nested block x500': head + 'actions:\n' + Array.from({ length: 500 }, (_, d) => ' '.repeat(2 + d * 2) + '- ').join('\n') + 'x\n',
    'nested maps x500': head + 'review:\n' + Array.from({ length: 500 }, (_, d) => ' '.repeat(2 + d * 2) + `k${d}:`).join('\n') + ' 1\n',
    'only kind': 'kind: review',
    'kind then NUL': 'kind: review\n\u0000',
    'lone surrogates': head + 'discussion: \uD800\uDC00\uD800 see the PEP \uDFFF\n',
    'CR only': base.replace(/\n/g, '\r'),
    'CR mix': base.replace(/\n/g, ((i) => () => ['\n', '\r\n', '\r'][i++ % 3])(0)),
    'LF CR': base.replace(/\n/g, '\n\r'),
    'all tabs': base.replace(/ {2}/g, '\t'),
    'actions scalar': head + 'actions: 5\n',
    'actions map': head + 'actions: { id: A1, action: x }\n',
    'actions of lists': head + 'actions:\n  - [a, b]\n  - - c\n  - null\n  - 7\n',
    'action fields wrong types': head + 'actions:\n  - id: [A1]\n    action: {a: 1}\n    owner: 42\n    due: [2025-01-01]\n    timescale: {x: 1}\n    status: true\n    references: ref\n',
    'non-string keys': head + '1: a\ntrue: b\nnull: c\n[a, b]: d\n{a: 1}: e\n? - x\n: y\n2025-01-01: z\n',
    'non-string keys in action': head + 'actions:\n  - 1: a\n    [x]: b\n    ~: c\n    action: Refer\n',
    'expectations wrong': head + 'placement: { type: placed-with-parents }\nparent_expectations: [1, [2], {expectation: [x]}, {expectation: 5, by: true}]\n',
    'references wrong': head + 'references:\n  - {id: [x], path: {a: 1}, doc: 5}\n  - path: ../../../../etc/passwd\n  - path: "\\0"\n  - path: ""\n  - doc: ""\n  - 3\n',
    'review wrong': head + 'review: [1, 2]\npermanence: { milestones: {a: 1}, plan: [x] }\n',
    'merge keys': head + 'x-base: &b { action: x, owner: IRO }\nactions:\n  - <<: *b\n    id: A1\n  - <<: [*b, *b]\n  - <<: 5\n',
    'self alias': head + 'actions: &r\n  - *r\n',
    'binary tag': head + 'discussion: !!binary |\n  R0lGODlhDAAMAIQAAP//9/X17unp5WZmZgAAAOfn515eXvPz7Y6OjuDg4J+fn5\n',
    'many documents': head + '---\n' + head + '---\n...\n',
    'directive': '%YAML 1.2\n%TAG ! tag:x,2000:\n---\n' + head,
    'huge line': head + 'discussion: ' + 'see the PEP dated 14/01/2025 and the LAC review minutes '.repeat(2000) + '\n',
    'huge timescale': head + 'actions:\n  - id: A1\n    action: x\n    owner: IRO\n    timescale: ' + 'within 10 working days of '.repeat(2000) + '\n',
    'huge expectation': head + 'placement: { type: placed-with-parents }\nparent_expectations:\n  - id: E1\n    parent: Mother\n    expectation: ' + 'Mother will engage and '.repeat(3000) + '\n',
    'many actions': head + 'actions:\n' + Array.from({ length: 2000 }, (_, i) => `  - { id: A${i}, action: x, owner: all, timescale: ongoing }`).join('\n') + '\n',
    'kind in flow map': '{kind: review, id: r1, actions: [{id: A1}]}\n',
    'kind as key only': 'kind:\n',
    'comment bomb': head + '#'.repeat(100_000) + '\n',
    'quote never closed': head + 'discussion: "' + 'x\n'.repeat(5000),
    'bom and nul': '\uFEFF' + head + '\u0000\u0000\n',
    'long run of spaces': head + 'x-a' + ' '.repeat(50_000) + 'b\n' + 'x-b' + ' \t'.repeat(25_000) + ':\n',
    'dashes x25000': head + '- '.repeat(25_000) + '\n',
    'dashes x25000 as a value': head + 'actions: ' + '- '.repeat(25_000) + 'x\n',
    'nested [ x20000': head + 'actions: ' + '['.repeat(20_000) + '\n',
    'deep collection key': head + '? ' + '['.repeat(3_000) + ']'.repeat(3_000) + '\n: x\n',
    'long unknown key': head + 'x'.repeat(100_000) + ': 1\n' + 'actoins'.repeat(10_000) + ': 2\n',
  };
  return Object.entries(cases).map(([label, text]) => ({ label: `nasty: ${label}`, text }));
}
