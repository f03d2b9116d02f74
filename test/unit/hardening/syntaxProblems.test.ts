/**
 * The fuzz's slowest record (seed 1, #1748): a line of 20,000 `"` gives 10,308 YAML problems,
 * and engine.check took 400 ms (1.2 s on a busy machine). Each problem's range looked for the ends
 * of its line again (a scan of the whole line each: problems × line length), and the parser's
 * Error per problem captured a stack trace nobody reads. Ratios, not times, as in the
 * linear-time tests.
 */
import assert from 'node:assert/strict';
import { LineCounter } from 'yaml';
import { parseCarePlanDocument } from '../../../server/src/service';
import { lineRange, type LineBounds } from '../../../server/src/service/parse';
import { LINEAR_LIMIT, sizeRatio } from '../../support/linearTime';

const LIMIT = LINEAR_LIMIT;
const HEAD = 'kind: supervision\nid: sup-CH000123-2025-10-09\nchild: CH-000123\ndate: 2025-10-09\n';

// lineRange and the parse allocate a range per problem and little else: rounds of equal work (linearTime.ts)
const ratioOf = (make: (n: number) => () => unknown) => sizeRatio(make, { equalWork: true });

describe('hardening: thousands of YAML problems on one line (fuzz seed 1, #1748)', function () {
  this.timeout(300_000);

  it(`the ranges of every problem on one line take at most ${LIMIT}× as long for a line 10× as long`, () => {
    const { ratio, detail } = ratioOf((n) => {
      const text = 'x-long: ' + '"'.repeat(n) + '\n';
      const lc = new LineCounter();
      lc.addNewLine(0);
      lc.addNewLine(text.length);
      return () => {
        const line: LineBounds = { start: -1, end: -1 };
        for (let at = 8; at < text.length - 1; at += 2) lineRange(text, lc, at, at + 1, line);
      };
    });
    assert.ok(ratio <= LIMIT, `lineRange over one line's problems: ${detail}`);
  });

  it('the ranges are the same with the line remembered as without', () => {
    const text = 'a: "x\n  😀"y\r\nb: [\n';
    const lc = new LineCounter();
    lc.addNewLine(0);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
    const line: LineBounds = { start: -1, end: -1 };
    for (let s = 0; s <= text.length; s++) {
      for (const e of [s, s + 1, s + 3, text.length + 2]) assert.deepEqual(lineRange(text, lc, s, e, line), lineRange(text, lc, s, e), `${s}–${e}`);
    }
  });

  it(`a line of n \`"\` (n/2 parser errors, one finding: issue 14) parses in at most ${LIMIT}× the time for 10× n, and leaves Error.stackTraceLimit as it was`, () => {
    const limit = Error.stackTraceLimit;
    const parsed = parseCarePlanDocument(`${HEAD}x-long: ${'"'.repeat(20_000)}\n`);
    assert.ok(parsed.doc.errors.length > 5_000, `${parsed.doc.errors.length} parser errors`);
    assert.equal(parsed.problems.length, 1, 'one problem on one line is one finding');
    assert.equal(Error.stackTraceLimit, limit);
    assert.ok(parsed.problems.every((p) => p.range.start.line === 4 && p.range.end.line === 4));
    const { ratio, detail } = ratioOf((n) => {
      const text = `${HEAD}x-long: ${'"'.repeat(n)}\n`;
      return () => parseCarePlanDocument(text);
    });
    assert.ok(ratio <= LIMIT, `parse: ${detail}`);
  });
});
