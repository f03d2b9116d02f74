/**
 * Minimal text edits to YAML: add fields to a mapping, an entry to a list, a comment above a
 * line. Each edit inserts or replaces only the bytes it must, at positions read from the parsed
 * tree, so the rest of the file (comments, blank lines, quoting, line endings) stays as written.
 */
import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../parse';
import { positionAt } from '../parse';
import { findNode } from '../locate';
import type { Path, Range } from '../types';
import type { TextEdit } from './types';

/**
 * A field to write: key and value text as YAML (already quoted if needed). A `placeholder`
 * value is one the author should check: editors that take snippets put a tab stop over it.
 */
export interface NewField {
  key: string;
  value: string;
  placeholder?: boolean;
}

export function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

const PLAIN_UNSAFE = /^[\s\-?:,[\]{}#&*!|>'"%@`]|: |\s#|\s$|^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?|0x[\da-f]+)$/i;

/** A string as a YAML scalar: plain when that reads back as the same string, else double-quoted. */
export function yamlScalar(s: string): string {
  if (s && !PLAIN_UNSAFE.test(s) && !/[\n\r\t]/.test(s)) return s;
  return JSON.stringify(s);
}

function insertAt(parsed: ParsedDocument, offset: number, newText: Text): TextEdit {
  const p = positionAt(parsed.lineCounter, offset);
  return withText({ start: p, end: p }, newText);
}

/**
 * Text to write, built twice: as plain text and as a snippet (the same text with literal `$`,
 * `}` and `\\` escaped and tab stops over the placeholders, numbered in order).
 */
export class Text {
  plain = '';
  snippet = '';
  private stops = 0;

  static of(s: string): Text {
    return new Text().add(s);
  }

  add(s: string): this {
    this.plain += s;
    this.snippet += escapeSnippet(s);
    return this;
  }

  /** A value the author should check: a tab stop in the snippet. */
  stop(value: string): this {
    this.plain += value;
    this.snippet += `\${${++this.stops}:${escapeSnippet(value)}}`;
    return this;
  }

  /** Lets `writer` add to this text (its tab stops numbered after the ones before), then returns it. */
  with(writer: (t: Text) => void): this {
    writer(this);
    return this;
  }

  get hasStops(): boolean {
    return this.stops > 0;
  }
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}

/** A replacement of `range`; the snippet is kept only when the text has tab stops. */
export function withText(range: Range, text: Text | string): TextEdit {
  if (typeof text === 'string') return { range, newText: text };
  return text.hasStops ? { range, newText: text.plain, snippet: text.snippet } : { range, newText: text.plain };
}

/** 0-based column of an offset. */
export function columnOf(parsed: ParsedDocument, offset: number): number {
  return parsed.lineCounter.linePos(offset).col - 1;
}

/** Offset just after the last non-space character of a node's source. */
function contentEnd(parsed: ParsedDocument, node: Node): number {
  let e = node.range![1];
  while (e > node.range![0] && /\s/.test(parsed.text[e - 1])) e--;
  return e;
}

/** Start offset of the line after the one holding `offset`, or the text's length. */
function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** Writes items one a line, joined by `eol`. */
function writeLines<T>(t: Text, items: readonly T[], eol: string, line: (t: Text, item: T, i: number) => void): Text {
  items.forEach((item, i) => {
    if (i) t.add(eol);
    line(t, item, i);
  });
  return t;
}

/** Inserts whole lines (written by `write`) after the line holding `offset`. */
function insertLinesAfter(parsed: ParsedDocument, offset: number, write: (t: Text) => void): TextEdit {
  const eol = eolOf(parsed.text);
  const at = nextLineStart(parsed.text, offset);
  if (at === parsed.text.length && !parsed.text.endsWith('\n')) return insertAt(parsed, at, Text.of(eol).with(write));
  return insertAt(parsed, at, new Text().with(write).add(eol));
}

/** Inserts whole lines before line `line` (0-based). */
export function insertLinesBefore(parsed: ParsedDocument, line: number, lines: string[]): TextEdit {
  const eol = eolOf(parsed.text);
  const p = { line, character: 0 };
  return { range: { start: p, end: p }, newText: lines.join(eol) + eol };
}

function writeValue(t: Text, f: NewField): void {
  if (f.placeholder) t.stop(f.value);
  else t.add(f.value);
}

function fieldLine(t: Text, indent: number, f: NewField): void {
  t.add(' '.repeat(indent) + f.key + ': ');
  writeValue(t, f);
}

function flowField(t: Text, f: NewField): void {
  t.add(`${f.key}: `);
  writeValue(t, f);
}

function fieldLines(t: Text, fields: readonly NewField[], indent: number, eol: string): Text {
  return writeLines(t, fields, eol, (x, f) => fieldLine(x, indent, f));
}

/**
 * Adds fields to the mapping at `mapPath`, after the field `after` when given (else after the
 * last field), indented like the mapping's first field. Undefined when there is no mapping there.
 */
export function addFields(parsed: ParsedDocument, mapPath: Path, fields: NewField[], after?: string): TextEdit | undefined {
  const { node, depth } = findNode(parsed, mapPath);
  if (depth !== mapPath.length || !isMap(node) || !node.range) return undefined;
  const map = node as YAMLMap;
  if (map.flow) {
    const close = parsed.text.lastIndexOf('}', map.range![1]);
    if (close < map.range![0]) return undefined;
    let before = close;
    while (before > map.range![0] && /\s/.test(parsed.text[before - 1])) before--;
    const t = Text.of(map.items.length ? ', ' : ' ');
    writeLines(t, fields, ', ', flowField);
    return insertAt(parsed, before, t.add(map.items.length ? '' : ' '));
  }
  const pairs = map.items as Pair[];
  const first = pairs[0];
  if (!first || !isScalar(first.key) || !(first.key as Scalar).range) return undefined;
  const indent = columnOf(parsed, (first.key as Scalar).range![0]);
  const anchor = (after && pairs.find((p) => isScalar(p.key) && String((p.key as Scalar).value) === after)) || pairs[pairs.length - 1];
  const value = anchor.value as Node | null;
  const end = value?.range ? contentEnd(parsed, value) : (anchor.key as Scalar).range![1];
  return insertLinesAfter(parsed, Math.max(end - 1, 0), (t) => fieldLines(t, fields, indent, eolOf(parsed.text)));
}

/** Replaces a scalar's value text (single-line scalars only). */
export function replaceScalar(parsed: ParsedDocument, path: Path, newText: Text | string): TextEdit | undefined {
  const { node, depth } = findNode(parsed, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (parsed.text.slice(start, end).includes('\n')) return undefined;
  return withText({ start: positionAt(parsed.lineCounter, start), end: positionAt(parsed.lineCounter, end) }, newText);
}

/**
 * Replaces a whole field — key and single-line value — by one or more fields (the first where
 * the key was, the rest lined up under it), keeping anything after the value on its line (a
 * comment). Undefined when the value spans lines.
 */
export function replaceField(parsed: ParsedDocument, path: Path, fields: NewField | readonly NewField[]): TextEdit | undefined {
  const list = Array.isArray(fields) ? fields : [fields as NewField];
  const { pair, depth } = findNode(parsed, path);
  if (!list.length || depth !== path.length || !pair || !isScalar(pair.key) || !(pair.key as Scalar).range) return undefined;
  const start = (pair.key as Scalar).range![0];
  const value = pair.value as Node | null;
  const end = value?.range ? contentEnd(parsed, value) : (pair.key as Scalar).range![1] + 1;
  if (parsed.text.slice(start, end).includes('\n')) return undefined;
  const column = columnOf(parsed, start);
  const t = new Text();
  writeLines(t, list, eolOf(parsed.text), (x, f, i) => fieldLine(x, i === 0 ? 0 : column, f));
  return withText({ start: positionAt(parsed.lineCounter, start), end: positionAt(parsed.lineCounter, end) }, t);
}

/**
 * Rewrites a list item written as one line of text (`- Mother will …`) as a group of fields,
 * the first at the dash and the rest lined up under it. Undefined unless the item is a plain
 * or quoted one-line string.
 */
export function replaceItemByFields(parsed: ParsedDocument, path: Path, fields: readonly NewField[]): TextEdit | undefined {
  const { node, depth } = findNode(parsed, path);
  if (depth !== path.length || !isScalar(node) || !node.range || !fields.length) return undefined;
  const start = node.range[0];
  const valueEnd = contentEnd(parsed, node);
  if (parsed.text.slice(start, valueEnd).includes('\n')) return undefined;
  const column = columnOf(parsed, start);
  // A comment after the text stays on the first line, beside the words it was about.
  let lineEnd = nextLineStart(parsed.text, valueEnd);
  if (lineEnd > valueEnd && parsed.text[lineEnd - 1] === '\n') lineEnd--;
  if (lineEnd > valueEnd && parsed.text[lineEnd - 1] === '\r') lineEnd--;
  const after = parsed.text.slice(valueEnd, lineEnd);
  const t = new Text();
  fieldLine(t, 0, fields[0]);
  t.add(after);
  for (const f of fields.slice(1)) fieldLine(t.add(eolOf(parsed.text)), column, f);
  return withText({ start: positionAt(parsed.lineCounter, start), end: positionAt(parsed.lineCounter, lineEnd) }, t);
}

/** Renames the key of the field at `path`. */
export function renameKey(parsed: ParsedDocument, path: Path, newKey: string): TextEdit | undefined {
  const { pair, depth } = findNode(parsed, path);
  if (depth !== path.length || !pair || !isScalar(pair.key) || !(pair.key as Scalar).range) return undefined;
  const [start, end] = (pair.key as Scalar).range!;
  return { range: { start: positionAt(parsed.lineCounter, start), end: positionAt(parsed.lineCounter, end) }, newText: newKey };
}

/**
 * Adds an entry (a mapping) to the top-level list `key`, creating the list at the end of the
 * document when it is missing and turning an empty `[]` into a block list.
 */
export function appendToTopLevelList(parsed: ParsedDocument, key: string, entry: NewField[]): TextEdit | undefined {
  const root = parsed.doc.contents as Node | null;
  if (!isMap(root) || (root as YAMLMap).flow) return undefined;
  const eol = eolOf(parsed.text);
  const pair = (root as YAMLMap).items.find((p) => isScalar(p.key) && String((p.key as Scalar).value) === key) as Pair | undefined;
  const rootFirst = (root as YAMLMap).items[0] as Pair | undefined;
  const rootIndent = rootFirst && isScalar(rootFirst.key) && (rootFirst.key as Scalar).range ? columnOf(parsed, (rootFirst.key as Scalar).range![0]) : 0;
  const itemLines = (dashCol: number) => (t: Text) =>
    writeLines(t, entry, eol, (x, f, i) => (i === 0 ? fieldLine(x.add(' '.repeat(dashCol) + '- '), 0, f) : fieldLine(x, dashCol + 2, f)));

  if (!pair) {
    const text = parsed.text;
    const lines = (t: Text) => t.add(' '.repeat(rootIndent) + key + ':' + eol).with(itemLines(rootIndent + 2));
    if (!text.length || text.endsWith('\n')) return insertAt(parsed, text.length, new Text().with(lines).add(eol));
    return insertAt(parsed, text.length, Text.of(eol).with(lines));
  }
  const keyNode = pair.key as Scalar;
  const value = pair.value as Node | null;
  if (value === null || (isScalar(value) && (value.value === null || value.value === ''))) {
    // `references:` with nothing after it.
    const after = value?.range && value.range[1] > keyNode.range![1] ? value.range[1] : keyNode.range![1];
    return insertLinesAfter(parsed, after, itemLines(columnOf(parsed, keyNode.range![0]) + 2));
  }
  if (!isSeq(value) || !value.range) return undefined;
  const seq = value as YAMLSeq;
  if (seq.flow) {
    const close = parsed.text.lastIndexOf(']', seq.range![1]);
    if (close < seq.range![0]) return undefined;
    if (seq.items.length === 0) {
      // `references: []` becomes a block list: replace ` []` after the colon, nothing else.
      const colon = parsed.text.indexOf(':', keyNode.range![1]);
      return withText(
        { start: positionAt(parsed.lineCounter, colon + 1), end: positionAt(parsed.lineCounter, close + 1) },
        Text.of(eol).with(itemLines(columnOf(parsed, keyNode.range![0]) + 2)),
      );
    }
    let before = close;
    while (before > seq.range![0] && /\s/.test(parsed.text[before - 1])) before--;
    const t = Text.of(', { ');
    writeLines(t, entry, ', ', flowField);
    return insertAt(parsed, before, t.add(' }'));
  }
  const dashCol = columnOf(parsed, seq.range![0]);
  return insertLinesAfter(parsed, Math.max(contentEnd(parsed, seq) - 1, 0), itemLines(dashCol));
}

/** The leading white space of line `line`. */
export function lineIndent(parsed: ParsedDocument, line: number): string {
  const start = parsed.lineCounter.lineStarts[line] ?? 0;
  return /^[ \t]*/.exec(parsed.text.slice(start, start + 200))![0];
}

/**
 * Edits that switch a rule off for one line with a suppression comment. A line inside a block
 * or multi-line text cannot take a comment (it would become part of the text), so the whole
 * field is wrapped in `careplan-disable` / `careplan-enable` instead.
 */
export function disableRuleEdits(parsed: ParsedDocument, line: number, ruleId: string): TextEdit[] {
  const lineStart = parsed.lineCounter.lineStarts[line];
  if (lineStart === undefined) return [];
  const scalar = multiLineScalarAround(parsed, lineStart);
  if (scalar) {
    const keyLine = positionAt(parsed.lineCounter, scalar.keyOffset).line;
    const indent = lineIndent(parsed, keyLine);
    const end = contentEnd(parsed, scalar.node);
    return [
      insertLinesBefore(parsed, keyLine, [`${indent}# careplan-disable ${ruleId}`]),
      insertLinesAfter(parsed, Math.max(end - 1, 0), (t) => t.add(`${indent}# careplan-enable ${ruleId}`)),
    ];
  }
  return [insertLinesBefore(parsed, line, [`${lineIndent(parsed, line)}# careplan-disable-next-line ${ruleId}`])];
}

/** The scalar whose text spans `offset` and starts on an earlier line, with its key's offset. */
function multiLineScalarAround(parsed: ParsedDocument, offset: number): { node: Node; keyOffset: number } | undefined {
  let found: { node: Node; keyOffset: number } | undefined;
  const visit = (node: Node | null, keyOffset: number) => {
    if (found || !node?.range) return;
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        const k = isScalar(p.key) ? (p.key as Scalar).range?.[0] : undefined;
        visit(p.value as Node | null, k ?? keyOffset);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as Node[]) visit(item, item?.range?.[0] ?? keyOffset);
    } else if (isScalar(node)) {
      const [start, end] = node.range;
      if (start < offset && offset < end && parsed.text.lastIndexOf('\n', offset - 1) >= start) found = { node, keyOffset };
    }
  };
  visit(parsed.doc.contents as Node | null, 0);
  return found;
}
