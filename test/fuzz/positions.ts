/**
 * Range checks shared by the fuzz and the soak: a position must lie inside the document as an
 * LSP client counts it (`\r\n`, `\r` and `\n` all end a line; characters are UTF-16 units) and
 * must not fall between the two halves of a surrogate pair.
 */
import type { Position, Range } from '../../server/src/service';
import type { DocumentSymbol } from '../../server/src/service/features';
import type { Rng } from '../support/mutants';

export interface TextEditLike {
  range: Range;
  newText: string;
}

export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function posProblem(p: Position | undefined, lines: readonly string[]): string | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not a position: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lines.length) return `line ${p.line} outside 0..${lines.length - 1}`;
  const line = lines[p.line];
  if (p.character < 0 || p.character > line.length) return `character ${p.character} outside line ${p.line} (length ${line.length})`;
  if (p.character > 0 && isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character))) {
    return `character ${p.character} of line ${p.line} splits a surrogate pair`;
  }
  return undefined;
}

export function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function rangeProblem(r: Range | undefined, lines: readonly string[]): string | undefined {
  if (!r) return 'no range';
  const bad = posProblem(r.start, lines) ?? posProblem(r.end, lines);
  if (bad) return `${bad} in ${JSON.stringify(r)}`;
  if (isBefore(r.end, r.start)) return `end before start in ${JSON.stringify(r)}`;
  return undefined;
}

/** Every edit inside the text, with text, and no two overlapping. */
export function editsProblem(edits: readonly TextEditLike[], lines: readonly string[]): string | undefined {
  for (const e of edits) {
    const bad = rangeProblem(e.range, lines);
    if (bad) return bad;
    if (typeof e.newText !== 'string') return `edit without text: ${JSON.stringify(e)}`;
  }
  const sorted = [...edits].sort((a, b) => (isBefore(a.range.start, b.range.start) ? -1 : isBefore(b.range.start, a.range.start) ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (isBefore(sorted[i].range.start, sorted[i - 1].range.end)) return `overlapping edits ${JSON.stringify(sorted.slice(i - 1, i + 1))}`;
  }
  return undefined;
}

/** Every range a document symbol tree holds, named for the message. */
export function* symbolRanges(symbols: readonly DocumentSymbol[]): Generator<[string, Range]> {
  for (const s of symbols) {
    yield [`symbol ${s.name}`, s.range];
    yield [`symbol ${s.name} selection`, s.selectionRange];
    if (s.children) yield* symbolRanges(s.children);
  }
}

/** Mostly inside the text; sometimes past a line's end or past the last line, as stale clients send. */
export function randomPosition(lines: readonly string[], r: Rng): Position {
  const line = r.chance(0.05) ? lines.length + r.int(3) : r.int(lines.length);
  const len = lines[line]?.length ?? 0;
  return { line, character: r.chance(0.1) ? len + 1 + r.int(10) : r.int(len + 1) };
}
