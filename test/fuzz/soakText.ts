/**
 * The soak's documents and edits: a review with a ~200 KB `discussion:` being typed into at a
 * moving cursor (letters, spaces, backspace, new lines, the odd pasted phrase or emoji), and a
 * care plan taking random structural edits. The mirror text is kept here; the soak sends the
 * same edits to the server as incremental changes.
 */
import { Rng } from '../support/mutants';
import type { Position, Range } from '../../server/src/service';

const PROSE = 'K was seen alone at nursery and said he was happy. Mother attended every contact session on time. ';
const PASTES = ['see the PEP dated 14/01/2025 ', 'in line with the ', 'within 10 working days ', '😀 ', 'é', 'as per the minutes '];
const TOKENS = [': ', '- ', '\n', '\n  ', 'x', ' ', '#', '"', "'", '[', ']', '{', '}', 'ongoing', 'ASAP', 'due: 2025-12-01', 'timescale: TBC', '&a ', '*a', '|', '>', '\t', '😀', 'status: open'];

/** A review whose discussion is `bytes` of ordinary prose, in one block scalar. */
export function bigRecord(bytes: number): string {
  const para: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const line = '  ' + PROSE.repeat(1 + (i % 3)).trimEnd();
    para.push(i % 8 === 7 ? '' : line);
    n += line.length + 1;
  }
  return [
    'kind: review',
    'id: review-CH100001-2025-04-24',
    'child: CH-100001',
    'date: 2025-04-24',
    'review: { number: 2, chair: IRO, next_review_due: 2025-10-23 }',
    'discussion: |',
    ...para,
    'actions:',
    '  - id: A1',
    '    action: Refer Mother to the parenting programme',
    '    owner: Social worker',
    '    timescale: within 10 working days of this review',
    '    status: open',
    '',
  ].join('\n');
}

export interface Edit {
  range: Range;
  newText: string;
}

/** A text with an offset ↔ position mapping (lines end at `\n` only: the soak never writes `\r`). */
export class Mirror {
  constructor(public text: string) {}

  positionAt(offset: number): Position {
    let line = 0;
    for (let i = this.text.indexOf('\n'); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) line++;
    return { line, character: offset - (this.text.lastIndexOf('\n', offset - 1) + 1) };
  }

  /** Replaces [from, to) with `s`; returns the LSP edit that does the same. */
  replace(from: number, to: number, s: string): Edit {
    const range = { start: this.positionAt(from), end: this.positionAt(to) };
    this.text = this.text.slice(0, from) + s + this.text.slice(to);
    return { range, newText: s };
  }
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair, as an editor's cursor never stands there. */
function whole(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isLow(text.charCodeAt(offset)) ? offset - 1 : offset;
}

/** Typing at a cursor inside the big field. */
export class Typist {
  cursor: number;
  constructor(readonly doc: Mirror, private r: Rng) {
    this.cursor = doc.text.indexOf('\n', doc.text.length >> 1);
  }

  next(): Edit {
    const { doc, r } = this;
    const fieldStart = doc.text.indexOf('discussion: |') + 14;
    const roll = r.next();
    if (roll < 0.08 && this.cursor > fieldStart + 2) {
      // Backspace: a whole character, never a line's indentation.
      const prev = doc.text.charCodeAt(this.cursor - 1);
      if (prev === 10 || doc.text[this.cursor - 1] === ' ' && doc.text[this.cursor - 2] === '\n') return this.type('x');
      const from = isLow(prev) ? this.cursor - 2 : this.cursor - 1;
      const e = doc.replace(from, this.cursor, '');
      this.cursor = from;
      return e;
    }
    if (roll < 0.13) return this.type('\n  ');
    if (roll < 0.15) return this.type(r.pick(PASTES));
    if (roll < 0.16) {
      // Click somewhere else in the field.
      const end = doc.text.indexOf('\nactions:');
      this.cursor = doc.text.indexOf('\n', fieldStart + r.int(Math.max(1, end - fieldStart)));
      return this.type(' ');
    }
    return this.type(r.pick('abcdefghijklmnopqrstuvwxyz  ,.'.split('')));
  }

  private type(s: string): Edit {
    const e = this.doc.replace(this.cursor, this.cursor, s);
    this.cursor += s.length;
    return e;
  }
}

/** Random structural edits anywhere in a record, reset to the original when it drifts too far. */
export function randomEdit(doc: Mirror, original: string, r: Rng): Edit | undefined {
  if (doc.text.length < original.length / 3 || doc.text.length > original.length * 3) return undefined;
  const at = whole(doc.text, r.int(doc.text.length + 1));
  const roll = r.next();
  if (roll < 0.5) return doc.replace(at, at, r.pick(TOKENS));
  if (roll < 0.8) return doc.replace(at, whole(doc.text, Math.min(doc.text.length, at + 1 + r.int(20))), '');
  const lineStart = doc.text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = doc.text.indexOf('\n', at);
  return doc.replace(lineStart, lineEnd === -1 ? doc.text.length : lineEnd, r.pick(['  - id: A9', 'actions:', '    timescale: ongoing', 'x_unknown: 1', '', '  owner: all']));
}
