import { Document, LineCounter, parseDocument, isCollection, isMap, isNode, isPair, isScalar, isSeq, Scalar, YAMLError } from 'yaml';
import type { DocumentKind, Range } from './types';
import { kindNamed } from './kinds';
import { scanDocument } from './documentIndex';
import { reparseEdited, type ReparseTools } from './reparse';

/** Aliases expanded beyond this count are refused (alias bombs). */
const MAX_ALIAS_COUNT = 1000;

/** A YAML problem found while reading the file, before any rule runs. */
export interface SyntaxProblem {
  message: string;
  range: Range;
}

/** Lines (0-based, inclusive) the parser could not read: what it built from them is a guess. */
export interface UnreadLines {
  start: number;
  end: number;
}

/** A document read with positions kept, ready for rules and the locator. */
export interface ParsedDocument {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The recognised `kind:`, or undefined when the file is not a care-plan document. */
  readonly kind: DocumentKind | undefined;
  /** Plain JavaScript value of the document (undefined when it could not be built). */
  readonly value: unknown;
  readonly problems: SyntaxProblem[];
  /** Where the YAML could not be read; other findings starting there are knock-on effects. */
  readonly unread: readonly UnreadLines[];
}

/** Converts a string offset into a 0-based line/character position. */
export function positionAt(lineCounter: LineCounter, offset: number) {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

export function rangeOf(lineCounter: LineCounter, start: number, end: number): Range {
  return { start: positionAt(lineCounter, start), end: positionAt(lineCounter, Math.max(start, end)) };
}

/**
 * Parses YAML text keeping positions. Never throws: syntax errors, duplicate keys and
 * alias bombs become problems. `kindHint` comes from config globs for files without `kind:`.
 */
export function parseCarePlanDocument(source: string, kindHint?: DocumentKind, previous?: ParsedDocument): ParsedDocument {
  // After a small edit, only the field that holds it is parsed again (see reparse.ts); the
  // nesting guard counts brackets across the whole text, so it is asked of the whole text.
  const edited = previous && deepBeforeParsing(source) === undefined ? reparseEdited(previous, source, REPARSE_TOOLS, kindHint) : undefined;
  if (edited) return edited;
  const read = readYaml(source, (reason) => `This file could not be read as a record: ${reason}.`);
  const { text, lineCounter, problems, unreadLines } = read;
  let doc = read.doc;
  const kind = readKind(doc) ?? (read.unread ? scanDocument('', text).kind : undefined) ?? kindHint;
  let value: unknown;
  if (kind) {
    boundKeys(doc.contents, text);
    try {
      value = detachStrings(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (err) {
      problems.push({ message: `This file could not be read as a record: ${unreadableBecause(err)}.`, range: rangeOf(lineCounter, 0, 0) });
      value = undefined;
    }
  }
  return { text, doc, lineCounter, kind, value, problems, unread: unreadLines };
}

/** YAML text parsed with every guard a file from anywhere needs; records and config files both read through it. */
export interface YamlRead {
  /** The text as parsed (a lone CR read as LF; offsets unchanged). */
  text: string;
  /** An empty document when `unread`. */
  doc: Document.Parsed;
  lineCounter: LineCounter;
  problems: SyntaxProblem[];
  /** Lines the parser could not read. */
  unreadLines: UnreadLines[];
  /** The text was refused or the parser failed: nothing in it can be used. */
  unread: boolean;
}

/**
 * Parses YAML without throwing and in bounded time and stack: nesting deeper than real files
 * need is refused before the parser recurses into it, and the parser's thousands of error
 * objects on a hostile line are built without stack traces. `cannotRead` words the problem
 * when the whole text is refused.
 */
export function readYaml(source: string, cannotRead: (reason: string) => string): YamlRead {
  // A lone CR ends a line for YAML and for LSP clients, but the yaml library reads it as text;
  // as LF (same length, so every offset stays put) the lines agree with the editor's.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lineCounter = countLines(text);
  const refuse = (reason: string, at: number): YamlRead => ({
    text, lineCounter, doc: parseDocument('', { prettyErrors: false }), unread: true, unreadLines: [],
    problems: [{ message: cannotRead(reason), range: rangeOf(lineCounter, at, at) }],
  });
  const tooDeep = deepBeforeParsing(text);
  // Refused before the parser recurses into it: where a parser runs out of stack depends on
  // what ran before, and the CLI and the server must give the same finding.
  if (tooDeep !== undefined) return refuse(TOO_DEEP, tooDeep);
  let doc: Document.Parsed;
  try {
    doc = parseYamlText(text);
  } catch (err) {
    // The parser recurses per nesting level: thousands of levels overflow the stack.
    return refuse(unreadableBecause(err), 0);
  }
  const { problems, unreadLines } = describeYamlErrors(doc, lineCounter, text);
  const deep = nestedTooDeep(doc);
  if (deep !== undefined) {
    // Building values (and walking the tree) costs time and stack per level; no file needs this.
    const at = Math.min(deep, text.length);
    return { ...refuse(TOO_DEEP, at), problems: [...problems, { message: cannotRead(TOO_DEEP), range: rangeOf(lineCounter, at, at) }] };
  }
  return { text, doc, lineCounter, problems, unreadLines, unread: false };
}

/** The parser with the options every read uses; throws when the stack runs out. */
function parseYamlText(text: string): Document.Parsed {
  // The parser builds an Error per problem (thousands on a line of 20,000 `"`); their stack
  // traces are never read, and capturing them was most of the parse's time.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // logLevel 'error': no process warnings on stderr (a list used as a key, say) — findings say it.
    return parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** How reparse.ts reads one field with the guards and value building of a full parse. */
const REPARSE_TOOLS: ReparseTools = {
  parseText(text) {
    if (deepBeforeParsing(text) !== undefined) return undefined;
    try {
      const doc = parseYamlText(text);
      return nestedTooDeep(doc) === undefined ? doc : undefined;
    } catch {
      return undefined;
    }
  },
  valueOf(doc, node, text) {
    boundKeys(node, text);
    try {
      return { value: detachStrings(isNode(node) ? node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : (node ?? null)) };
    } catch {
      return undefined;
    }
  },
  countLines,
  declaredKind: readKind,
};

/** Lists and groups nested deeper than this are refused; real records nest a handful of levels. */
const MAX_DEPTH = 100;

/**
 * Where the text first opens more than MAX_DEPTH flow brackets (`[`, `{`) or starts more than
 * MAX_DEPTH nested list items on one line (`- - - …`), found in one pass; undefined when it does not.
 */
export function deepBeforeParsing(text: string): number | undefined {
  let depth = 0;
  let dashes = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      dashes = 0;
      continue;
    }
    if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 93 || c === 125) {
      if (depth > 0) depth--;
    }
    if (lineStart) {
      if (c === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        if (++dashes > MAX_DEPTH) return i;
        i++;
      } else if (c !== 32 && c !== 9) lineStart = false;
    }
  }
  return undefined;
}

/** Where the tree first goes deeper than MAX_DEPTH (an offset), found without recursion. */
function nestedTooDeep(doc: Document.Parsed): number | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/**
 * Field names longer than this are cut to it (and marked with `…`) before the value is built.
 * Every field name becomes a property name of a plain object, and V8 keeps each property name
 * ever added that way (in the object shapes' transitions) until a memory-reducing collection,
 * which a busy server rarely gets: prose typed where a field name is read — 200 KB of it, new at
 * every keystroke — held hundreds of megabytes. YAML allows at most 1,024 characters in an
 * implicit key, so a longer one is a syntax finding already; the finding about the field quotes
 * its start and points at the whole of it, as before.
 */
export const MAX_KEY_CHARS = 1024;

function shortened(key: string): string {
  let end = MAX_KEY_CHARS;
  if (isHighSurrogate(key.charCodeAt(end - 1))) end--; // not half an emoji
  return key.slice(0, end) + '…';
}

/**
 * A string with the same characters that does not hold on to the text it was cut from. The
 * parser cuts values out of the document's text, and V8 keeps a cut-out piece as a view of the
 * whole text: a 40-character timescale held by the rules' cache (a key, or inside a result) kept
 * its 200 KB document alive, so typing in one field of a large record held one copy of the
 * record per keystroke (hundreds of megabytes) until the cache let go of its entries.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1); // V8 copies pieces under 13 characters already
}

/** Replaces every string in a plain value by its detached copy, in place (without recursion; aliases may share or cycle). */
function detachStrings(value: unknown): unknown {
  if (typeof value === 'string') return detached(value);
  if (value === null || typeof value !== 'object') return value;
  const seen = new Set<object>([value]);
  const stack: object[] = [value];
  while (stack.length) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const k of keys) {
      const v = (node as Record<string | number, unknown>)[k];
      if (typeof v === 'string') (node as Record<string | number, unknown>)[k] = detached(v);
      else if (v !== null && typeof v === 'object' && !seen.has(v)) {
        seen.add(v);
        stack.push(v);
      }
    }
  }
  return value;
}

/** Cuts field names over MAX_KEY_CHARS in the tree (without recursion), so the value and the locator agree. */
function boundKeys(root: unknown, text: string): void {
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    for (const item of node.items as unknown[]) {
      if (!isPair(item)) {
        stack.push(item);
        continue;
      }
      const key = item.key;
      if (isScalar(key)) {
        if (typeof key.value === 'string' && key.value.length > MAX_KEY_CHARS) key.value = shortened(key.value);
      } else if (isCollection(key) && key.range && key.range[1] - key.range[0] > MAX_KEY_CHARS) {
        // A list or mapping as a key is written out as its text; a long one is cut the same way.
        const cut = new Scalar(shortened(text.slice(key.range[0], key.range[1])));
        cut.range = key.range;
        item.key = cut;
      }
      stack.push(item.key, item.value);
    }
  }
}

const TOO_DEEP = 'its values are nested too deeply (thousands of levels of lists or groups) — write them out flat';

/**
 * Line starts of the text. Built here rather than by the parser, which misses the line breaks
 * inside some tokens it cannot read, and then puts every later finding on the wrong line.
 */
function countLines(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** The top-level `kind:` when it names one of our document kinds, or nearly does (`kind: Review`: the schema check says how to write it). */
function readKind(doc: Document.Parsed): DocumentKind | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const node = root.get('kind', true);
  if (!isScalar(node)) return undefined;
  return kindNamed(node.value);
}

/**
 * The line lineRange last looked up: its start and its end (the offset of its `\n`, or the
 * text's length). The parser can report thousands of problems on one long line (a line of
 * 20,000 `"`: 10,000), and finding the line's ends again for each took a scan of the line each.
 */
export interface LineBounds {
  start: number;
  end: number;
}

/**
 * The range of a parser error at `start`–`end`, kept on the start's line (never past its last
 * character, CR and LF excluded) and never splitting an emoji or other surrogate pair; at least
 * one character wide when the line has one there.
 */
export function lineRange(text: string, lineCounter: LineCounter, start: number, end: number, line?: LineBounds): Range {
  let s = Math.max(0, Math.min(start, text.length));
  if (!line || s < line.start || s > line.end) {
    const nl = text.indexOf('\n', s);
    line ??= { start: 0, end: 0 };
    line.start = text.lastIndexOf('\n', s - 1) + 1;
    line.end = nl === -1 ? text.length : nl;
  }
  const lineStart = line.start;
  let lineEnd = line.end;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // CR of CRLF
  if (s > lineEnd) s = lineEnd;
  if (s > lineStart && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  let e = Math.min(Math.max(end, s), lineEnd);
  if (e === s && s < lineEnd) e = s + 1;
  if (e < lineEnd && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1))) e++;
  return rangeOf(lineCounter, s, e);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The parser's errors as findings: one per problem (the parser often reports one mistake two
 * ways, at overlapping places), each in plain words saying what to do, and the lines each
 * problem covers (with the line above for an indentation problem: the field there lost its value).
 */
function describeYamlErrors(doc: Document.Parsed, lineCounter: LineCounter, text: string): { problems: SyntaxProblem[]; unreadLines: UnreadLines[] } {
  const errors = doc.errors;
  const problems: SyntaxProblem[] = [];
  const unreadLines: UnreadLines[] = [];
  const bounds: LineBounds = { start: -1, end: -1 };
  let items: [number, number][] | undefined;
  const lineOf = (offset: number) => lineCounter.linePos(Math.max(0, Math.min(offset, text.length))).line - 1;
  for (let i = 0; i < errors.length; ) {
    // errors at overlapping places, or starting on the same line, are one problem
    const group = [errors[i]];
    let end = errors[i].pos[1];
    const firstLine = lineOf(errors[i].pos[0]);
    for (i++; i < errors.length && (errors[i].pos[0] < end || lineOf(errors[i].pos[0]) === firstLine); i++) {
      group.push(errors[i]);
      end = Math.max(end, errors[i].pos[1]);
    }
    const first = group[0];
    problems.push({ message: describeProblem(group, text), range: lineRange(text, lineCounter, first.pos[0], first.pos[1], bounds) });
    // A field written twice, a name too long: the parser read the structure; nothing there is a guess.
    if (!group.some((e) => MISREAD.has(e.code))) continue;
    // A field of a list item read wrongly spoils the whole item (`owner Social worker` leaves the
    // action with no owner): what is said about that item is a knock-on effect too.
    const keyLevel = group.some((e) => KEY_LEVEL.has(e.code) || /followed by map values|without - indicator/.test(e.message));
    const item = keyLevel ? listItemAround((items ??= listItemSpans(doc)), first.pos[0]) : undefined;
    const above = group.some((e) => INDENTATION.has(e.code)) ? previousContentLine(text, lineCounter, firstLine) : firstLine;
    const startLine = item !== undefined ? Math.min(above, lineOf(item)) : above;
    unreadLines.push({ start: startLine, end: Math.max(firstLine, lineOf(Math.max(first.pos[0], end - 1))) });
  }
  return { problems, unreadLines };
}

/** Problems after which what the parser built is a guess at what was meant. */
const MISREAD = new Set<string>(['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'TAB_AS_INDENT', 'BAD_INDENT', 'UNEXPECTED_TOKEN', 'BLOCK_IN_FLOW', 'IMPOSSIBLE']);

/** Problems in how a line's field is written: the group it belongs to was read wrongly. */
const KEY_LEVEL = new Set<string>(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'TAB_AS_INDENT', 'BAD_INDENT']);

/** The spans of the list items that are groups of fields, sorted by start: found once, without recursion. */
function listItemSpans(doc: Document.Parsed): [number, number][] {
  const spans: [number, number][] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) stack.push(item.value);
      else {
        if (isSeq(node) && isMap(item) && item.range) spans.push([item.range[0], item.range[1]]);
        stack.push(item);
      }
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** The start of the innermost list item holding `offset` (the last one starting before it that reaches it). */
function listItemAround(spans: readonly [number, number][], offset: number): number | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid][0] <= offset) lo = mid + 1;
    else hi = mid;
  }
  // a few steps back past earlier siblings: an item holding many items is the list's parent, not a guess
  for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) if (spans[i][1] >= offset) return spans[i][0];
  return undefined;
}

/** Problems where a line's indentation is wrong: the field above it lost what was meant as its value. */
const INDENTATION = new Set<string>(['TAB_AS_INDENT', 'BAD_INDENT']);

function previousContentLine(text: string, lineCounter: LineCounter, line: number): number {
  for (let l = line - 1; l >= 0; l--) {
    const start = lineCounter.lineStarts[l];
    const next = lineCounter.lineStarts[l + 1] ?? text.length;
    if (/\S/.test(text.slice(start, Math.min(next, start + 1000))) && !/^\s*#/.test(text.slice(start, Math.min(next, start + 1000)))) return l;
  }
  return line;
}

/** The text of the line holding `offset`, without its indentation, shortened for a message. */
function lineTextAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const line = text.slice(start, nl === -1 ? text.length : nl).trim();
  return line.length > 50 ? `${line.slice(0, 49).trimEnd()}…` : line;
}

const FIX_LINE = 'check that the line is lined up with the fields around it, and that each field name is followed by a colon and a space';

/** yaml's messages are for programmers; say what the author should do. */
function describeProblem(group: readonly YAMLError[], text: string): string {
  const first = group[0];
  const codes = new Set(group.map((e) => e.code));
  const message = first.message.split('\n')[0];
  if (/call stack/i.test(message)) return `This part could not be read: ${TOO_DEEP}.`;
  const line = lineTextAt(text, first.pos[0]);
  const shown = '`' + line.replace(/`/g, "'") + '`';
  if (codes.has('TAB_AS_INDENT')) return 'A tab is used for indentation here — YAML needs spaces; replace the tab with spaces.';
  if (codes.has('DUPLICATE_KEY')) return 'This field appears twice in the same place — keep one and delete the other.';
  if (codes.has('MULTIPLE_DOCS')) return 'This file holds more than one document (a line with `---`) — keep one record per file.';
  if (/Missing closing ["']quote/.test(message)) return 'A quotation mark opened here is never closed — close it at the end of the text, or remove it.';
  if (codes.has('BAD_SCALAR_START')) return `A value cannot start with ${JSON.stringify(text[first.pos[0]] ?? '')} as written — put the whole value in double quotes.`;
  if (codes.has('MULTILINE_IMPLICIT_KEY') || /followed by map values/.test(message)) {
    if (!/:(?:\s|$)/.test(line)) return `${shown} has no colon after the field name — write it as \`name: value\`, for example \`owner: Social worker\`.`;
    return `The line after ${shown} is indented further than it, so the two are read as one — line it up with the other fields.`;
  }
  if (codes.has('BLOCK_AS_IMPLICIT_KEY')) return `${shown} has a second colon followed by a space, which starts a new field — put the whole value in double quotes.`;
  if (/without - indicator/.test(message)) return `${shown} is indented less than the fields above it — line it up with the other fields of the same item.`;
  if (codes.has('BAD_INDENT') && /flow/i.test(message)) return 'A `{` or `[` opened here is not closed — close it on the same line, or write the fields one per line.';
  if (codes.has('UNEXPECTED_TOKEN') && /'/.test(line)) return `${shown} cannot be read after its closing quote mark — inside '…' write an apostrophe twice (it''s), or take the quote marks away.`;
  return `careplan cannot read ${shown} — ${FIX_LINE}.`;
}

/** Why a text could not be read, in the author's words. */
export function unreadableBecause(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(msg)) return 'it expands too many aliases (`*name` references) — write the values out instead';
  if (err instanceof RangeError || /call stack/i.test(msg)) return TOO_DEEP;
  return msg.split('\n')[0];
}
