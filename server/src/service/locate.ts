import { isMap, isSeq, isScalar, isPair, Node, Pair, Scalar } from 'yaml';
import type { ParsedDocument } from './parse';
import { rangeOf } from './parse';
import type { Path, Range } from './types';

/** Which part of a located field a finding underlines. */
export type Target = 'value' | 'key' | 'item';

interface Located {
  /** The deepest node reached (the value of the last path segment when it exists). */
  node: Node | null;
  /** The pair whose value is `node`, when the last segment is a key. */
  pair?: Pair;
  /** How many segments of the path were found. */
  depth: number;
}

/** Walks the YAML tree along a path; stops at the deepest node that exists. */
export function findNode(parsed: ParsedDocument, path: Path): Located {
  let node: Node | null = (parsed.doc.contents as Node | null) ?? null;
  let pair: Pair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      // The last of duplicate keys: its value is the one the rules read (a later key overwrites).
      const next = lastWithKey(node.items, String(seg));
      if (!next) break;
      pair = next as Pair;
      node = (next.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      pair = undefined;
      node = node.items[seg] as Node;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair: depth === path.length ? pair : undefined, depth };
}

function lastWithKey(items: Pair<unknown, unknown>[], key: string): Pair<unknown, unknown> | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (keyText(items[i]) === key) return items[i];
  return undefined;
}

function keyText(p: Pair<unknown, unknown>): string | undefined {
  const k = p.key;
  if (isScalar(k)) return String(k.value);
  return typeof k === 'string' ? k : undefined;
}

/**
 * The range a finding at `path` underlines. A scalar value underlines itself; a mapping or
 * sequence underlines only its first line, so a squiggle never covers a whole block. A path that
 * does not exist (a missing field) underlines the nearest existing parent's first line.
 */
export function locate(parsed: ParsedDocument, path: Path, target: Target = 'value'): Range {
  const { node, pair, depth } = findNode(parsed, path);
  const lc = parsed.lineCounter;
  if (target === 'key' && pair && isScalar(pair.key) && pair.key.range) {
    return rangeOf(lc, pair.key.range[0], pair.key.range[1]);
  }
  if (depth === path.length && node?.range && target !== 'item') {
    const [start, valueEnd] = node.range;
    if (isScalar(node)) {
      // An empty value (`due:`) has no width: underline the key instead.
      if (valueEnd === start && pair && isScalar(pair.key) && pair.key.range) {
        return rangeOf(lc, pair.key.range[0], pair.key.range[1]);
      }
      return rangeOf(lc, start, firstLineEnd(parsed.text, start, valueEnd));
    }
  }
  if (node?.range) return firstLineOf(parsed, node);
  return rangeOf(lc, 0, firstLineEnd(parsed.text, 0, parsed.text.length));
}

/** The first line of a collection: for a sequence item `- id: A1`, the `id: A1` part. */
function firstLineOf(parsed: ParsedDocument, node: Node): Range {
  const [start, end] = node.range!;
  return rangeOf(parsed.lineCounter, start, firstLineEnd(parsed.text, start, end));
}

function firstLineEnd(text: string, start: number, end: number): number {
  const nl = text.indexOf('\n', start);
  let stop = nl === -1 || nl > end ? end : nl;
  if (stop > start && text[stop - 1] === '\r') stop--;
  return stop;
}

/**
 * The source range of a span of a scalar's *value* (for example a phrase found in a
 * `discussion: |` block). Block and folded scalars drop indentation and line breaks, so the
 * phrase is looked for in the source with any run of white space standing for a space.
 */
export function locateInScalar(parsed: ParsedDocument, path: Path, start: number, end: number): Range | undefined {
  const { node, depth } = findNode(parsed, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
  const value = String((node as Scalar).value ?? '');
  const phrase = value.slice(start, end);
  if (!phrase.trim()) return undefined;
  const occurrence = countOccurrences(value.slice(0, start), phrase);
  const pattern = new RegExp(escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+'), 'g');
  const source = parsed.text.slice(node.range[0], node.range[1]);
  let m: RegExpExecArray | null;
  let seen = 0;
  while ((m = pattern.exec(source))) {
    if (seen++ === occurrence) {
      const s = node.range[0] + m.index;
      return rangeOf(parsed.lineCounter, s, s + m[0].length);
    }
  }
  return undefined;
}

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** RFC 6901 JSON pointer of a path. */
export function toPointer(path: Path): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Inverse of toPointer; numeric segments become indexes. */
export function fromPointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The line of the key that holds the node at `path` (used to match block-scalar findings). */
export function keyLine(parsed: ParsedDocument, path: Path): number | undefined {
  const { pair, depth } = findNode(parsed, path);
  if (depth !== path.length || !pair || !isPair(pair) || !isScalar(pair.key) || !pair.key.range) return undefined;
  return parsed.lineCounter.linePos(pair.key.range[0]).line - 1;
}
