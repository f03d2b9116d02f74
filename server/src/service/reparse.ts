/**
 * Re-reading a record after a small edit without parsing all of it again.
 *
 * While an author types, each keystroke changes one top-level field of the record (the
 * minutes, one action list). Parsing the whole text again was most of what a keystroke cost
 * the language server (`lsp-bench.js --keystroke-cpu`). Here only the field that holds the
 * edit is parsed, on its own; the fields before it are kept as they were, and the fields
 * after it are copied with their offsets moved by the edit's change in length, so the result
 * is the tree a full parse would build (the differential test in `reparse.test.ts` compares
 * the two on thousands of edits).
 *
 * Whenever that cannot be known cheaply — the edit touches a field name, a comment between
 * fields or `kind:`, the text has a problem, anchors or aliases tie fields together — the
 * answer is `undefined` and the caller parses the whole text.
 */
import { Document, isAlias, isCollection, isMap, isNode, isPair, isScalar, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ParsedDocument } from './parse';

/** What a full parse supplies that the re-read needs: the same parser, guards and value building. */
export interface ReparseTools {
  /** Parses a text with the same options and guards as a full parse; undefined when refused. */
  parseText(text: string): Document.Parsed | undefined;
  /** Finishes a field's tree as a full parse does (long field names cut; `text` is what was parsed), returning its plain value. */
  valueOf(doc: Document.Parsed, node: unknown, text: string): { value: unknown } | undefined;
  countLines(text: string): ParsedDocument['lineCounter'];
  /** The record's kind its own `kind:` names (undefined: none, the path's kind applies). */
  declaredKind(doc: Document.Parsed): ParsedDocument['kind'];
}

export function reparseEdited(previous: ParsedDocument, text: string, tools: ReparseTools, kindHint?: ParsedDocument['kind']): ParsedDocument | undefined {
  const old = previous.text;
  if (text === old || !previous.kind || previous.problems.length || previous.unread.length) return undefined;
  const doc = previous.doc;
  if (doc.errors.length || doc.warnings.length || text.includes('\r')) return undefined;
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.range || !doc.range || !isPlainObject(previous.value)) return undefined;
  // the kind `kind:` names (a field never re-read alone), else the path's, as a full parse decides
  const kind = tools.declaredKind(doc) ?? kindHint;
  if (kind !== previous.kind) return undefined;
  // `%YAML 1.1` and `%TAG` change how every field reads; a field is parsed alone without them
  if (/^%/m.test(old.slice(0, root.range[0]))) return undefined;

  // the edited span: [from, oldTo) in the old text became [from, newTo) in the new one
  const limit = Math.min(old.length, text.length);
  let from = 0;
  while (from < limit && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let back = 0;
  while (back < limit - from && old.charCodeAt(old.length - 1 - back) === text.charCodeAt(text.length - 1 - back)) back++;
  const oldTo = old.length - back;
  const delta = text.length - old.length;

  const items = root.items;
  // field names of other types can name the same property (`1:` and `"1":`): only text names
  if (!items.every((item) => isScalar(item.key) && typeof item.key.value === 'string')) return undefined;
  const at = fieldHolding(items, from);
  if (at < 0) return undefined;
  const pair = items[at];
  const key = pair.key;
  const value = pair.value;
  if (!isScalar(key) || typeof key.value !== 'string' || !key.range || isSpecialKey(key.value)) return undefined;
  // The edit must lie after the field name starts and within its value: a comment or blank line
  // between fields belongs to the next field's name, which a parse of this field alone cannot see.
  const valueEnd = isNode(value) && value.range ? value.range[1] : key.range[1];
  if (from <= key.range[0] || oldTo > valueEnd) return undefined;

  const start = key.range[0];
  // the name at the start of its line: no tag or anchor before it, no indented top level, which
  // the comment standing in for the text before it would take away
  if (start > 0 && old.charCodeAt(start - 1) !== 10) return undefined;
  const oldNext = at + 1 < items.length ? (items[at + 1].key as { range?: number[] } | null)?.range?.[0] : old.length;
  // the line break before the next field name must stay: without it that name joins this field's last line
  if (oldNext === undefined || (oldTo >= oldNext && at + 1 < items.length)) return undefined;
  const newNext = oldNext + delta;

  // Parsed alone, with a comment line of the same length standing in for the text before it,
  // so every offset in the field's tree is already the one in the whole text; and with the next
  // field name's line after it, which must still be read as that name, with the same comments
  // and blank lines before it (the edited value could have taken them, or it, in).
  const last = at + 1 === items.length;
  const nextLine = last ? '' : lineAt(text, newNext);
  const fieldText = padding(start) + text.slice(start, newNext) + nextLine;
  const field = tools.parseText(fieldText);
  if (!field || field.errors.length || field.warnings.length) return undefined;
  const fieldRoot = field.contents;
  if (!isMap(fieldRoot) || fieldRoot.flow || fieldRoot.items.length !== (last ? 1 : 2)) return undefined;
  const fresh = fieldRoot.items[0];
  if (!isScalar(fresh.key) || fresh.key.value !== key.value || tiesFields(fresh)) return undefined;
  if (!last) {
    const [oldName, newName] = [items[at + 1].key as Scalar, fieldRoot.items[1].key];
    if (!isScalar(newName) || newName.value !== oldName.value || newName.range?.[0] !== newNext) return undefined;
    if (newName.commentBefore !== oldName.commentBefore || !newName.spaceBefore !== !oldName.spaceBefore) return undefined;
  }
  // the value ends where it did, its own trailing comments included
  if (!sameEnd(fresh, pair, delta)) return undefined;
  // the fields before it were looked at once, by the re-read that made the last parse
  if (!untied.has(doc)) for (let i = 0; i < at; i++) if (tiesFields(items[i])) return undefined;
  // what was before the field name is unchanged, so is what a full parse attaches to it
  fresh.key.commentBefore = key.commentBefore;
  fresh.key.spaceBefore = key.spaceBefore;
  const built = tools.valueOf(field, fresh.value, fieldText);
  if (!built) return undefined;

  const moved: unknown[] = [];
  for (let i = at + 1; i < items.length; i++) {
    const copy = shifted(items[i], delta);
    if (copy === undefined) return undefined;
    moved.push(copy);
  }
  const nextRoot = copyOf(root);
  nextRoot.items = [...items.slice(0, at), fresh, ...(moved as typeof items)];
  const nextDoc = copyOf(doc);
  nextDoc.contents = nextRoot;
  nextDoc.errors = [];
  nextDoc.warnings = [];
  if (last && fieldRoot.range && field.range) {
    // the last field's end is the map's and the document's, with their trailing comments, as its own parse read them
    nextRoot.range = [root.range[0], fieldRoot.range[1], fieldRoot.range[2]];
    nextDoc.range = [doc.range[0], field.range[1], field.range[2]];
    nextRoot.comment = fieldRoot.comment;
    nextDoc.comment = field.comment;
  } else {
    nextRoot.range = [root.range[0], root.range[1] + delta, root.range[2] + delta];
    nextDoc.range = [doc.range[0], doc.range[1] + delta, doc.range[2] + delta];
  }

  // every field was found free of anchors and aliases: the earlier ones now, the later ones as copied
  untied.add(nextDoc);
  const nextValue: Record<string, unknown> = { ...(previous.value as Record<string, unknown>) };
  nextValue[key.value] = built.value;
  return { text, doc: nextDoc, lineCounter: tools.countLines(text), kind, value: nextValue, problems: [], unread: [] };
}

/** Trees made here, every field of which is known to have no anchor or alias. */
const untied = new WeakSet<object>();

/** Whether the edited field's value (or its name, when it has none) ends where it did, moved by `delta`. */
function sameEnd(fresh: Pair, old: Pair, delta: number): boolean {
  const endOf = (p: Pair) => (isNode(p.value) && p.value.range ? p.value.range : (p.key as Scalar).range);
  const [a, b] = [endOf(fresh), endOf(old)];
  return !!a && !!b && a[1] === b[1] + delta && a[2] === b[2] + delta;
}

/** The line that starts at `offset`, with its line break. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.slice(offset) + '\n' : text.slice(offset, end + 1);
}

/** The index of the top-level field whose text holds `offset` (its name starts at or before it). */
function fieldHolding(items: readonly Pair[], offset: number): number {
  let found = -1;
  for (let i = 0; i < items.length; i++) {
    const range = (items[i].key as { range?: number[] } | null)?.range;
    if (!range) return -1;
    if (range[0] > offset) break;
    found = i;
  }
  return found;
}

/** Names whose value changes how the rest is read: the record's kind, YAML merges, the object prototype. */
function isSpecialKey(name: string): boolean {
  return name === 'kind' || name === '<<' || name === '__proto__';
}

/** A text of `length` characters that YAML reads as nothing: a comment line (or a blank line). */
function padding(length: number): string {
  if (length === 0) return '';
  if (length === 1) return '\n';
  return '#' + ' '.repeat(length - 2) + '\n';
}

/** Anchors and aliases let one field's value depend on another's. */
function tiesFields(node: unknown): boolean {
  const stack: unknown[] = [node];
  while (stack.length) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
      continue;
    }
    if (!isNode(n)) continue;
    if (isAlias(n) || n.anchor) return true;
    if (isCollection(n)) for (const item of n.items) stack.push(item);
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A node's own fields in a new object of its class. The common classes are made by their own
 * constructors, which set what is not enumerable (the node type, a collection's schema) as a
 * parse does, so the copies are as fast to read as parsed nodes and quick to make.
 */
function copyOf<T extends object>(node: T): T {
  const proto = Object.getPrototypeOf(node);
  if (proto === Scalar.prototype) return Object.assign(new Scalar(null), node);
  if (proto === Pair.prototype) return Object.assign(new Pair(null), node);
  if (proto === YAMLMap.prototype) return Object.assign(new YAMLMap((node as unknown as YAMLMap).schema), node);
  if (proto === YAMLSeq.prototype) return Object.assign(new YAMLSeq((node as unknown as YAMLSeq).schema), node);
  const copy = Object.create(proto) as T;
  for (const symbol of Object.getOwnPropertySymbols(node)) Object.defineProperty(copy, symbol, { value: (node as Record<symbol, unknown>)[symbol] });
  Object.assign(copy, node);
  if (isCollection(node)) Object.defineProperty(copy, 'schema', { value: node.schema, configurable: true, enumerable: false, writable: true });
  return copy;
}

/** A copy of a field's tree with every offset moved by `delta`; undefined when it holds an anchor or alias. */
function shifted<T>(node: T, delta: number): T | undefined {
  if (isPair(node)) {
    const key = shifted(node.key, delta);
    const value = shifted(node.value, delta);
    if ((node.key && !key) || (node.value && !value)) return undefined;
    const copy = copyOf(node);
    copy.key = key;
    copy.value = value;
    return copy;
  }
  if (!isNode(node)) return node;
  if (isAlias(node) || node.anchor) return undefined;
  const copy = copyOf(node);
  const range = node.range;
  if (range) copy.range = [range[0] + delta, range[1] + delta, range[2] + delta];
  if (isCollection(node)) {
    const items: unknown[] = [];
    for (const item of node.items) {
      const moved = shifted(item, delta);
      if (item && !moved) return undefined;
      items.push(moved);
    }
    (copy as typeof node).items = items;
  }
  return copy;
}
