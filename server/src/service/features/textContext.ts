/**
 * Where the cursor is, read from the text's indentation rather than from the YAML tree: while
 * the author is typing, the line under the cursor is rarely valid YAML (`    du` has no colon
 * yet), and a parser's recovery would put it somewhere else. Block YAML's indentation says which
 * mapping or list the cursor is in, even when the tree cannot be built.
 */
import type { Path, Position, Range } from '../types';

export type CursorContext =
  /** Typing a field name: `path` is the mapping it goes in. */
  | { kind: 'key'; path: Path; prefix: string; range: Range; column: number; siblings: Set<string>; flow?: boolean }
  /** Typing the value of `key:` (or a list item): `path` is the value's own path. */
  | { kind: 'value'; path: Path; prefix: string; range: Range; column: number }
  | { kind: 'none' };

interface Entry {
  col: number;
  seg: string | number;
  item: boolean;
}

type Marker = { type: 'dash'; col: number } | { type: 'key'; col: number; key: string; valueCol: number; value: string };

// A plain key ends on a non-blank: a lazy `[^:#]*?` before `[ \t]*:` would rescan a long run of
// spaces at every step (seconds on one long line). The same in the patterns below.
const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z0-9_$./-](?:[^:#]*[^:# \t])?)[ \t]*:(?=[ \t]|$)/;

/** Text of a line without its comment (a `#` at the start or after white space, outside quotes). */
export function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      // A quote only opens a string at the start of a scalar, not inside "J's".
      const prev = line[i - 1];
      if (i === 0 || prev === ' ' || prev === '\t' || prev === '[' || prev === '{' || prev === ',' || prev === ':' || prev === '-') quote = c;
    } else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return trimBlankEnd(line.slice(0, i));
    }
  }
  return trimBlankEnd(line);
}

/** `s.replace(/[ \t]+$/, '')` without the regex's retry at every space (slow on long runs). */
function trimBlankEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return end === s.length ? s : s.slice(0, end);
}

function markersOf(line: string): Marker[] {
  const out: Marker[] = [];
  let i = 0;
  while (line[i] === ' ') i++;
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    out.push({ type: 'dash', col: i });
    i++;
    while (line[i] === ' ') i++;
  }
  const m = KEY.exec(line.slice(i));
  if (m) {
    let key = m[1];
    if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
    let v = i + m[0].length;
    while (line[v] === ' ' || line[v] === '\t') v++;
    out.push({ type: 'key', col: i, key, valueCol: v, value: line.slice(v) });
  }
  return out;
}

/** Net count of open flow brackets on a line, outside quotes. */
function bracketBalance(s: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || (c === "'" && !/\w/.test(s[i - 1] ?? ''))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

class Stack {
  readonly entries: Entry[] = [];
  /** Pops what a marker at `col` closes; returns the parent it lands in (undefined = root). */
  key(col: number): Entry | undefined {
    while (this.top && this.top.col >= col) this.entries.pop();
    return this.top;
  }
  dash(col: number): Entry {
    while (this.top && this.top.col > col) this.entries.pop();
    let index = 0;
    if (this.top && this.top.item && this.top.col === col) {
      index = (this.top.seg as number) + 1;
      this.entries.pop();
    }
    const e = { col, seg: index, item: true };
    this.entries.push(e);
    return e;
  }
  push(e: Entry): void {
    this.entries.push(e);
  }
  get top(): Entry | undefined {
    return this.entries[this.entries.length - 1];
  }
  path(): Path {
    return this.entries.map((e) => e.seg);
  }
}

const ROOT = Symbol('root');

/** Reads what is being typed at `pos`: a field name, a field's value, or nothing we complete. */
export function cursorContext(text: string, at: Position): CursorContext {
  const lines = text.split(/\r?\n/);
  if (at.line >= lines.length) return { kind: 'none' };
  // A client may send a character past the end of the line; LSP says it means the end.
  const pos = { line: at.line, character: Math.min(at.character, lines[at.line].length) };
  const stack = new Stack();
  const parents: { parent: Entry | typeof ROOT; key: string; line: number }[] = [];
  let skipDeeperThan = -1; // inside a block scalar: skip lines indented more than its key
  let flowDepth = 0; // inside a flow collection that spans lines
  let result: CursorContext = { kind: 'none' };
  let cursorParent: Entry | typeof ROOT | undefined;

  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln];
    if (ln === pos.line) {
      const r = atCursor(raw, pos, stack, skipDeeperThan, flowDepth);
      result = r.context;
      cursorParent = r.parent;
      if (r.context.kind === 'none' && r.parent === undefined) return result;
      // The cursor line's own partial text is not a sibling; carry on to collect the others.
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    if (skipDeeperThan >= 0) {
      if (!raw.trim() || indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    const line = stripComment(raw);
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + bracketBalance(line));
      continue;
    }
    if (!line.trim()) continue;
    for (const m of markersOf(line)) {
      if (m.type === 'dash') {
        stack.dash(m.col);
        continue;
      }
      const parent = stack.key(m.col);
      parents.push({ parent: parent ?? ROOT, key: m.key, line: ln });
      stack.push({ col: m.col, seg: m.key, item: false });
      if (/^[|>]/.test(m.value)) skipDeeperThan = m.col;
      else if (/^[[{]/.test(m.value)) flowDepth = Math.max(0, bracketBalance(m.value));
    }
  }
  if (result.kind === 'key' && cursorParent !== undefined) {
    for (const p of parents) if (p.parent === cursorParent) result.siblings.add(p.key);
  }
  return result;
}

function atCursor(
  raw: string,
  pos: Position,
  stack: Stack,
  skipDeeperThan: number,
  flowDepth: number,
): { context: CursorContext; parent?: Entry | typeof ROOT } {
  const before = raw.slice(0, pos.character);
  const indent = before.length - before.trimStart().length;
  if (flowDepth > 0 || (skipDeeperThan >= 0 && (indent > skipDeeperThan || !before.trim()) && before.length > skipDeeperThan)) {
    return { context: { kind: 'none' } };
  }
  if (stripComment(before).length < trimBlankEnd(before).length) return { context: { kind: 'none' } }; // in a comment
  const wordEnd = pos.character + (/^[A-Za-z0-9_.\/-]*/.exec(raw.slice(pos.character))?.[0].length ?? 0);

  const flow = flowMapContext(before, pos, wordEnd, stack);
  if (flow) return { context: flow };

  // `key: partial` — the value of a field.
  const valueMatch = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[A-Za-z0-9_$./-](?:[^:#]*[^:# \t])?)[ \t]*:[ \t]+(.*)$/.exec(before);
  if (valueMatch) {
    for (const m of markersOf(before.slice(0, valueMatch[1].length + valueMatch[2].length))) if (m.type === 'dash') stack.dash(m.col);
    const keyCol = valueMatch[1].length + valueMatch[2].length;
    let key = valueMatch[3];
    if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
    stack.key(keyCol);
    const path: (string | number)[] = [...stack.path(), key];
    let value = valueMatch[4];
    let valueStart = before.length - value.length;
    // A flow list being typed: `references: [pep-2025-01, ed`
    if (value.startsWith('[')) {
      const inner = value.slice(1);
      const parts = inner.split(',');
      path.push(parts.length - 1);
      const last = parts[parts.length - 1];
      valueStart = before.length - last.trimStart().length;
      value = last.trimStart();
    }
    if (/^["']/.test(value)) {
      valueStart++;
      value = value.slice(1);
    }
    const range = { start: { line: pos.line, character: valueStart }, end: { line: pos.line, character: wordEnd } };
    return { context: { kind: 'value', path, prefix: value, range, column: keyCol } };
  }

  // Indentation, maybe dashes, maybe a partial word: a field name, or a list item's value.
  const keyMatch = /^(\s*)((?:-\s+)*)([A-Za-z0-9_.\/-]*)$/.exec(before);
  if (!keyMatch) return { context: { kind: 'none' } };
  const dashes = markersOf(keyMatch[1] + keyMatch[2]).filter((m) => m.type === 'dash');
  let lastDash: Entry | undefined;
  for (const d of dashes) lastDash = stack.dash(d.col);
  const column = keyMatch[1].length + keyMatch[2].length;
  const parent = stack.key(column);
  const range = { start: { line: pos.line, character: column }, end: { line: pos.line, character: wordEnd } };
  if (lastDash && parent === lastDash) {
    // `- partial`: either the first field of a new mapping item or a plain list value; the
    // caller decides from the schema. Offer it as a key with the item's path.
    return { context: { kind: 'key', path: stack.path(), prefix: keyMatch[3], range, column, siblings: new Set() }, parent };
  }
  return { context: { kind: 'key', path: stack.path(), prefix: keyMatch[3], range, column, siblings: new Set() }, parent: parent ?? ROOT };
}

/** Index of the last `{` not closed before the end of `s` (outside quotes), or -1. */
function unclosedBrace(s: string): number {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || (c === "'" && !/\w/.test(s[i - 1] ?? ''))) quote = c;
    else if (c === '{' || c === '[') open.push(c === '{' ? i : -1 - i);
    else if (c === '}' || c === ']') open.pop();
  }
  const last = open[open.length - 1];
  return last !== undefined && last >= 0 ? last : -1;
}

/** Inside a flow mapping on one line: `placement: { type: pla` or `- { what: X, sta`. */
function flowMapContext(before: string, pos: Position, wordEnd: number, stack: Stack): CursorContext | undefined {
  const brace = unclosedBrace(before);
  if (brace === -1) return undefined;
  const head = before.slice(0, brace);
  const keyed = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[A-Za-z0-9_$./-](?:[^:#{]*[^:#{ \t])?)[ \t]*:[ \t]*$/.exec(head);
  const bare = /^(\s*)((?:-\s+)*)$/.exec(head);
  if (!keyed && !bare) return undefined;
  const m = (keyed ?? bare)!;
  for (const d of markersOf(m[1] + m[2])) if (d.type === 'dash') stack.dash(d.col);
  const column = m[1].length + m[2].length;
  if (keyed) stack.key(column);
  const base: Path = keyed ? [...stack.path(), m[3].replace(/^["']|["']$/g, '')] : stack.path();
  const inner = before.slice(brace + 1);
  const parts = inner.split(',');
  const last = parts[parts.length - 1];
  const siblings = new Set(parts.slice(0, -1).map((p) => p.split(':')[0].trim()).filter(Boolean));
  const colon = last.indexOf(':');
  if (colon === -1) {
    const prefix = last.trimStart();
    const start = before.length - prefix.length;
    const range = { start: { line: pos.line, character: start }, end: { line: pos.line, character: wordEnd } };
    return { kind: 'key', path: base, prefix, range, column, siblings, flow: true };
  }
  const key = last.slice(0, colon).trim();
  let value = last.slice(colon + 1).trimStart();
  let start = before.length - value.length;
  if (/^["']/.test(value)) {
    start++;
    value = value.slice(1);
  }
  const range = { start: { line: pos.line, character: start }, end: { line: pos.line, character: wordEnd } };
  return { kind: 'value', path: [...base, key], prefix: value, range, column };
}
