/** Sentence and word helpers for the pointer scan. Every one looks at a bounded stretch of text. */
import { isSpaceCode as isSpace } from '../tokens';

/**
 * Sentence boundaries: ";" or a newline not followed by a digit, or [.!?] followed by a space, a
 * closing mark or the end ("www.example.org", "1.3" and "e.g.x" go on). Found by scanning out from
 * an offset, never over the whole text.
 */
export function isStop(lower: string, i: number): boolean {
  const c = lower.charCodeAt(i);
  const n = lower.charCodeAt(i + 1); // NaN past the end
  if (c === 59 || c === 10) return !(n >= 48 && n <= 57);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  return Number.isNaN(n) || isSpace(n) || n === 41 || n === 34 || n === 39 || n === 0x2019 || n === 0x201d;
}

/** Start of the sentence holding `at`, but no earlier than `floor`. */
export function sentenceStart(lower: string, at: number, floor: number): number {
  const lo = Math.max(floor, 0);
  for (let i = at - 1; i >= lo; i--) if (isStop(lower, i)) return i + 1;
  return lo;
}

/** End of the sentence holding `at` (its stop, or the end of text), but no later than `ceil`. */
export function sentenceEnd(lower: string, at: number, ceil: number): number {
  const hi = Math.min(ceil, lower.length);
  for (let i = at; i < hi; i++) if (isStop(lower, i)) return i;
  return hi;
}

/**
 * Every sentence stop of a text, found in one pass, for a scan that asks for many sentences (one
 * per cue and pointer): each answer is then a binary search, the same as `sentenceStart` and
 * `sentenceEnd` would give.
 */
export class SentenceStops {
  private readonly at: number[] = [];
  private readonly length: number;

  constructor(lower: string) {
    this.length = lower.length;
    for (let i = 0; i < lower.length; i++) if (isStop(lower, i)) this.at.push(i);
  }

  /** The index of the first stop at or after `i`. */
  private firstFrom(i: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  start(at: number, floor: number): number {
    const lo = Math.max(floor, 0);
    const k = this.firstFrom(at) - 1;
    return k >= 0 && this.at[k] >= lo ? this.at[k] + 1 : lo;
  }

  end(at: number, ceil: number): number {
    const hi = Math.min(ceil, this.length);
    const k = this.firstFrom(at);
    return k < this.at.length && this.at[k] < hi ? this.at[k] : hi;
  }
}

/** The number of whitespace-separated runs in [a, b). */
export function wordsBetween(lower: string, a: number, b: number): number {
  let n = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    if (isSpace(lower.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}

/** The word ending just before `at` (skipping white space), or '' when punctuation or the start comes first. */
export function wordBefore(lower: string, at: number): string {
  let e = at;
  while (e > 0 && isSpace(lower.charCodeAt(e - 1))) e--;
  let b = e;
  while (b > 0) {
    const c = lower.charCodeAt(b - 1);
    if ((c >= 97 && c <= 122) || c === 39) b--;
    else break;
  }
  return lower.slice(b, e);
}

/** The length of a sticky regex's match at `at`, or -1. */
export function stickyMatch(re: RegExp, s: string, at: number): number {
  re.lastIndex = at;
  return re.test(s) ? re.lastIndex - at : -1;
}

export { isSpace };
