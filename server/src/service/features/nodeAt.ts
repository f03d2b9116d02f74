/** What is under a position in the parsed YAML tree: a field's key, or a value, with its path. */
import { isMap, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import type { ParsedDocument } from '../parse';
import { rangeOf } from '../parse';
import type { Path, Position, Range } from '../types';

export interface NodeAt {
  path: Path;
  /** On the key of a field, or on a value (a scalar, or a list item). */
  part: 'key' | 'value';
  /** The value node at `path` (null for an empty value). */
  node: Node | null;
  pair?: Pair;
  /** Source range of what the position is on (the key, or the scalar value). */
  range: Range;
}

/** UTF-16 offset of a 0-based position, clamped to the text. */
export function offsetAt(parsed: ParsedDocument, pos: Position): number {
  const starts = parsed.lineCounter.lineStarts;
  if (pos.line >= starts.length) return parsed.text.length;
  const start = starts[pos.line];
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : parsed.text.length + 1;
  return Math.min(start + pos.character, next - 1, parsed.text.length);
}

function keyString(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String((pair.key as Scalar).value) : undefined;
}

/** The deepest key or scalar value whose source contains `offset`. */
export function nodeAt(parsed: ParsedDocument, offset: number): NodeAt | undefined {
  const lc = parsed.lineCounter;
  const visit = (node: Node | null, path: Path): NodeAt | undefined => {
    if (isMap(node)) {
      for (const p of node.items) {
        const pair = p as Pair;
        const key = keyString(pair);
        if (key === undefined) continue;
        const kr = (pair.key as Scalar).range;
        if (kr && offset >= kr[0] && offset <= kr[1]) {
          return { path: [...path, key], part: 'key', node: (pair.value as Node | null) ?? null, pair, range: rangeOf(lc, kr[0], kr[1]) };
        }
        const value = pair.value as Node | null;
        if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
          const deeper = visit(value, [...path, key]);
          if (deeper) return deeper;
          if (isScalar(value)) return { path: [...path, key], part: 'value', node: value, pair, range: rangeOf(lc, value.range[0], value.range[1]) };
          return undefined;
        }
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as Node | null;
        if (!item?.range || offset < item.range[0] || offset > item.range[1]) continue;
        const deeper = visit(item, [...path, i]);
        if (deeper) return deeper;
        if (isScalar(item)) return { path: [...path, i], part: 'value', node: item, range: rangeOf(lc, item.range[0], item.range[1]) };
        return undefined;
      }
    }
    return undefined;
  };
  return visit((parsed.doc.contents as Node | null) ?? null, []);
}

/** The string value of a scalar node, or undefined. */
export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** The source range of a scalar's value (trimmed to its first line for block scalars). */
export function valueRange(parsed: ParsedDocument, node: Node): Range | undefined {
  if (!node.range) return undefined;
  let [start, end] = node.range;
  const nl = parsed.text.indexOf('\n', start);
  if (nl !== -1 && nl < end) end = parsed.text[nl - 1] === '\r' ? nl - 1 : nl;
  return rangeOf(parsed.lineCounter, start, end);
}
