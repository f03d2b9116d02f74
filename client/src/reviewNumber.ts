// The number a new review record takes in a child's folder. Read line by line, not with one
// regular expression over the text: a pattern that skips any indented lines to reach `number:`
// backtracks without end on a review block with no numeric `number:` (a quoted "3" and a few
// attendees took seconds, more took forever), and this runs on files the user did not write.

/** Files are read only this far: `number:` sits near the top of a review record. */
export const REVIEW_HEAD_BYTES = 4096;

const REVIEW_KIND = /^kind:[ \t]*review\b/m;
const NUMBER_LINE = /^[ \t]+number:[ \t]*(\d+)/;

/** The `number:` of a review record's `review:` block, if written as a whole number. */
export function reviewNumberOf(text: string): number | undefined {
  if (!REVIEW_KIND.test(text)) return undefined;
  const lines = text.split('\n');
  const start = lines.findIndex((line) => /^review:/.test(line));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!/^[ \t]/.test(line)) return undefined; // the block ends at the next top-level line
    const m = NUMBER_LINE.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The next review's number in a folder: one more than the highest `number:` of its reviews. */
export function nextReviewNumber(texts: readonly string[]): number {
  let max = 0;
  for (const t of texts) {
    const n = reviewNumberOf(t);
    if (n !== undefined && n > max) max = n;
  }
  return max + 1;
}
