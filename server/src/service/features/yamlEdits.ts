/**
 * Minimal text edits to YAML: add fields to a mapping, an entry to a list, a comment above a
 * line. Each edit inserts or replaces only the bytes it must, at positions read from the parsed
 * tree, so the rest of the file (comments, blank lines, quoting, line endings) stays as written.
 */
import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../parse';
import { positionAt } from '../parse';
import { findNode } from '../locate';
import type { Path } from '../types';
import type { TextEdit } from './types';

/** A field to write: key, value text as YAML (already quoted if needed), optional hint comment. */
export interface NewField {
  key: string;
  value?: string;
  comment?: string;
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

function insertAt(parsed: ParsedDocument, offset: number, newText: string): TextEdit {
  const p = positionAt(parsed.lineCounter, offset);
  return { range: { start: p, end: p }, newText };
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

/** Inserts whole lines after the line holding `offset`. */
function insertLinesAfter(parsed: ParsedDocument, offset: number, lines: string[]): TextEdit {
  const eol = eolOf(parsed.text);
  const at = nextLineStart(parsed.text, offset);
  if (at === parsed.text.length && !parsed.text.endsWith('\n')) return insertAt(parsed, at, eol + lines.join(eol));
  return insertAt(parsed, at, lines.join(eol) + eol);
}

/** Inserts whole lines before line `line` (0-based). */
export function insertLinesBefore(parsed: ParsedDocument, line: number, lines: string[]): TextEdit {
  const eol = eolOf(parsed.text);
  const p = { line, character: 0 };
  return { range: { start: p, end: p }, newText: lines.join(eol) + eol };
}

function fieldLine(indent: number, f: NewField): string {
  const head = ' '.repeat(indent) + f.key + ':' + (f.value !== undefined && f.value !== '' ? ' ' + f.value : '');
  return f.comment ? `${head}${f.value ? '  ' : '   '}# ${f.comment}` : head;
}

function flowField(f: NewField): string {
  return `${f.key}: ${f.value ?? '""'}`;
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
    const sep = map.items.length ? ', ' : ' ';
    return insertAt(parsed, before, sep + fields.map(flowField).join(', ') + (map.items.length ? '' : ' '));
  }
  const pairs = map.items as Pair[];
  const first = pairs[0];
  if (!first || !isScalar(first.key) || !(first.key as Scalar).range) return undefined;
  const indent = columnOf(parsed, (first.key as Scalar).range![0]);
  const anchor = (after && pairs.find((p) => isScalar(p.key) && String((p.key as Scalar).value) === after)) || pairs[pairs.length - 1];
  const value = anchor.value as Node | null;
  const end = value?.range ? contentEnd(parsed, value) : (anchor.key as Scalar).range![1];
  return insertLinesAfter(parsed, Math.max(end - 1, 0), fields.map((f) => fieldLine(indent, f)));
}

/** Replaces a scalar's value text (single-line scalars only). */
export function replaceScalar(parsed: ParsedDocument, path: Path, newText: string): TextEdit | undefined {
  const { node, depth } = findNode(parsed, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
  const [start, end] = node.range;
  if (parsed.text.slice(start, end).includes('\n')) return undefined;
  return { range: { start: positionAt(parsed.lineCounter, start), end: positionAt(parsed.lineCounter, end) }, newText };
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
  const itemLines = (dashCol: number) => entry.map((f, i) => (i === 0 ? ' '.repeat(dashCol) + '- ' + fieldLine(0, f) : fieldLine(dashCol + 2, f)));

  if (!pair) {
    const lines = [' '.repeat(rootIndent) + key + ':', ...itemLines(rootIndent + 2)];
    const text = parsed.text;
    if (!text.length || text.endsWith('\n')) return insertAt(parsed, text.length, lines.join(eol) + eol);
    return insertAt(parsed, text.length, eol + lines.join(eol));
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
      const lines = itemLines(columnOf(parsed, keyNode.range![0]) + 2);
      return {
        range: { start: positionAt(parsed.lineCounter, colon + 1), end: positionAt(parsed.lineCounter, close + 1) },
        newText: eol + lines.join(eol),
      };
    }
    let before = close;
    while (before > seq.range![0] && /\s/.test(parsed.text[before - 1])) before--;
    return insertAt(parsed, before, `, { ${entry.map(flowField).join(', ')} }`);
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
      insertLinesAfter(parsed, Math.max(end - 1, 0), [`${indent}# careplan-enable ${ruleId}`]),
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
