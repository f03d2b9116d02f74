import { Document, LineCounter, parseDocument, isMap, isScalar, YAMLError } from 'yaml';
import { DOCUMENT_KINDS, DocumentKind, Range } from './types';

/** Aliases expanded beyond this count are refused (alias bombs). */
const MAX_ALIAS_COUNT = 1000;

/** A YAML problem found while reading the file, before any rule runs. */
export interface SyntaxProblem {
  message: string;
  range: Range;
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
export function parseCarePlanDocument(text: string, kindHint?: DocumentKind): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const problems: SyntaxProblem[] = doc.errors.map((e) => toProblem(e, lineCounter, text.length));
  const kind = readKind(doc) ?? kindHint;
  let value: unknown;
  if (kind) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      problems.push({
        message: `This file could not be read as a record: ${plain(err)}.`,
        range: rangeOf(lineCounter, 0, 0),
      });
      value = undefined;
    }
  }
  return { text, doc, lineCounter, kind, value, problems };
}

/** The top-level `kind:` when it names one of our document kinds. */
function readKind(doc: Document.Parsed): DocumentKind | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const node = root.get('kind', true);
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  return (DOCUMENT_KINDS as readonly string[]).includes(node.value) ? (node.value as DocumentKind) : undefined;
}

function toProblem(e: YAMLError, lineCounter: LineCounter, textLength: number): SyntaxProblem {
  const [start, end] = e.pos;
  const s = Math.min(start, textLength);
  return { message: describeYamlError(e), range: rangeOf(lineCounter, s, Math.min(Math.max(end, s + 1), textLength)) };
}

/** yaml's messages are for programmers; say what the author should do. */
function describeYamlError(e: YAMLError): string {
  const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return 'This field appears twice in the same place — keep one and delete the other.';
    case 'TAB_AS_INDENT':
      return 'A tab is used for indentation here — YAML needs spaces; replace the tab with spaces.';
    case 'MULTIPLE_DOCS':
      return 'This file holds more than one document (a line with `---`) — keep one record per file.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    default:
      return `The YAML here cannot be read (${first}) — check the indentation and the colons on this line.`;
  }
}

function plain(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/alias/i.test(msg)) return 'it expands too many aliases (`*name` references) — write the values out instead';
  return msg.split('\n')[0];
}
