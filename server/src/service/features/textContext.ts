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

interface KeyMarker {
  col: number;
  key: string;
  value: string;
}

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

/**
 * Opens a list item on the stack for each `- ` that starts `line` (after its indentation);
 * returns the last item opened and where the text after the dashes starts.
 */
function dashesAt(line: string, stack: Stack): { last: Entry | undefined; end: number } {
  let last: Entry | undefined;
  let i = 0;
  while (line[i] === ' ') i++;
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    last = stack.dash(i);
    i++;
    while (line[i] === ' ') i++;
  }
  return { last, end: i };
}

/** The `key:` at column `col` of a line, if one starts there. */
function keyAt(line: string, col: number): KeyMarker | undefined {
  const m = KEY.exec(line.slice(col));
  if (!m) return undefined;
  let key = m[1];
  if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
  let v = col + m[0].length;
  while (line[v] === ' ' || line[v] === '\t') v++;
  return { col, key, value: line.slice(v) };
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

/** `/\s/.test(c)`, without a regex call per character. */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(c);
}

/**
 * The indentation and list dashes a line starts with, as `^(\s*)((?:-\s+)*)` would match them,
 * but found in one pass. The regexes below match the rest of the line from `end` (sticky):
 * written as one pattern, a line of 25,000 `- ` with no key on it made the engine retry the
 * key at every dash, each time to the end of the line (seconds for one completion).
 */
function leadOf(s: string): { indent: string; dashes: string; end: number } {
  let i = 0;
  while (isSpace(s[i])) i++;
  const indentEnd = i;
  while (s[i] === '-' && isSpace(s[i + 1])) {
    i += 2;
    while (isSpace(s[i])) i++;
  }
  return { indent: s.slice(0, indentEnd), dashes: s.slice(indentEnd, i), end: i };
}

/** `^(\s*)((?:-\s+)*)` and then `rest` (a sticky regex): groups 1 and 2 are the lead, then rest's. */
function matchAfterLead(s: string, rest: RegExp): string[] | undefined {
  const lead = leadOf(s);
  rest.lastIndex = lead.end;
  const m = rest.exec(s);
  return m ? [s.slice(0, m.index + m[0].length), lead.indent, lead.dashes, ...m.slice(1)] : undefined;
}

/** `key: partial` after the lead (groups: key, value). */
const VALUE_REST = /("[^"]*"|'[^']*'|[A-Za-z0-9_$./-](?:[^:#]*[^:# \t])?)[ \t]*:[ \t]+(.*)$/y;
/** A partial field name after the lead, to the end (group: the word). */
const KEY_REST = /([A-Za-z0-9_.\/-]*)$/y;
/** `key:` before a `{` (group: key). */
const FLOW_KEY_REST = /("[^"]*"|'[^']*'|[A-Za-z0-9_$./-](?:[^:#{]*[^:#{ \t])?)[ \t]*:[ \t]*$/y;

/**
 * Deeper than any schema goes, so nothing there is completed. Past it the stack keeps no more
 * entries: a line of 25,000 `- ` is scanned, not turned into 25,000 nested items (and a path
 * as long) at every keystroke.
 */
const MAX_NESTING = 64;
/** Stands for the items and fields past MAX_NESTING. */
const TOO_DEEP: Entry = { col: -1, seg: -1, item: false };

class Stack {
  readonly entries: Entry[] = [];
  /** Pops what a marker at `col` closes; returns the parent it lands in (undefined = root). */
  key(col: number): Entry | undefined {
    while (this.top && this.top.col >= col) this.entries.pop();
    return this.top;
  }
  dash(col: number): Entry {
    while (this.top && this.top.col > col) this.entries.pop();
    if (this.full) return TOO_DEEP;
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
    if (!this.full) this.entries.push(e);
  }
  /** At MAX_NESTING: what is opened now is too deep to complete, and is not kept. */
  get full(): boolean {
    return this.entries.length >= MAX_NESTING;
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
    const m = keyAt(line, dashesAt(line, stack).end);
    if (m) {
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
  const valueMatch = matchAfterLead(before, VALUE_REST);
  if (valueMatch) {
    dashesAt(before.slice(0, valueMatch[1].length + valueMatch[2].length), stack);
    const keyCol = valueMatch[1].length + valueMatch[2].length;
    let key = valueMatch[3];
    if (key.startsWith('"') || key.startsWith("'")) key = key.slice(1, -1);
    stack.key(keyCol);
    if (stack.full) return { context: { kind: 'none' } };
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
  const keyMatch = matchAfterLead(before, KEY_REST);
  if (!keyMatch) return { context: { kind: 'none' } };
  const lastDash = dashesAt(keyMatch[1] + keyMatch[2], stack).last;
  const column = keyMatch[1].length + keyMatch[2].length;
  const parent = stack.key(column);
  if (stack.full) return { context: { kind: 'none' } };
  const range = { start: { line: pos.line, character: column }, end: { line: pos.line, character: wordEnd } };
  if (lastDash && parent === lastDash) {
    // `- partial`: either the first field of a new mapping item or a plain list value; the
    // caller decides from the schema. Offer it as a key with the item's path.
    return { context: { kind: 'key', path: stack.path(), prefix: keyMatch[3], range, column, siblings: new Set() }, parent };
  }
  return { context: { kind: 'key', path: stack.path(), prefix: keyMatch[3], range, column, siblings: new Set() }, parent: parent ?? ROOT };
}

/**
 * Calls `at(i, depth)` after each flow bracket outside quotes of `s`, with the number then open
 * (a closer with nothing open is ignored); returns the number open at the end.
 */
function scanBrackets(s: string, at?: (i: number, depth: number) => void): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || (c === "'" && !/\w/.test(s[i - 1] ?? ''))) quote = c;
    else if (c === '{' || c === '[') {
      depth++;
      at?.(i, depth);
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      at?.(i, depth);
    }
  }
  return depth;
}

/**
 * Index of the last `{` not closed before the end of `s` (outside quotes), or -1 (also when the
 * innermost open bracket is a `[`). The innermost open bracket is the last opener that left as
 * many open as remain at the end; two passes find it without a stack of every open bracket.
 */
function unclosedBrace(s: string): number {
  const open = scanBrackets(s);
  if (open === 0) return -1;
  let last = -1;
  scanBrackets(s, (i, depth) => {
    if (depth === open && (s[i] === '{' || s[i] === '[')) last = i;
  });
  return last !== -1 && s[last] === '{' ? last : -1;
}

/** Inside a flow mapping on one line: `placement: { type: pla` or `- { what: X, sta`. */
function flowMapContext(before: string, pos: Position, wordEnd: number, stack: Stack): CursorContext | undefined {
  const brace = unclosedBrace(before);
  if (brace === -1) return undefined;
  const head = before.slice(0, brace);
  const keyed = matchAfterLead(head, FLOW_KEY_REST);
  const lead = leadOf(head);
  const bare = lead.end === head.length ? [head, lead.indent, lead.dashes] : undefined;
  if (!keyed && !bare) return undefined;
  const m = (keyed ?? bare)!;
  dashesAt(m[1] + m[2], stack);
  const column = m[1].length + m[2].length;
  if (keyed) stack.key(column);
  if (stack.full) return { kind: 'none' };
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
