/**
 * Completion reads the cursor's context from the line's indentation and dashes: on one line of
 * 25,000 `- ` that took 1.8 s (the fuzz's `--seed 1 --only 49614`), because the key pattern was
 * retried after every dash to the end of the line. Timed at 10k and 100k characters of each
 * adversarial line, at several cursor columns, and the ratio asserted (linear ≈ 10, quadratic ≈
 * 100), as in test/unit/prose/linearTime.test.ts — never an absolute time.
 */
import assert from 'node:assert/strict';
import { parseCarePlanDocument } from '../../../server/src/service';
import { completionsAt, cursorContext } from '../../../server/src/service/features';
import { LINEAR_LIMIT, sizeRatio } from '../../support/linearTime';

const HEAD = 'kind: review\nid: r1\nchild: CH-000123\ndate: 2025-04-24\n';

/** Lines that make a pattern anchored at the line start try every dash: no key, a late colon, a brace. */
const PATTERNS = ['- ', '-  ', '-\t', '- -', '- a', '- -a:b ', '- {', '- a: {', '- [', '- "', ' ', '- a:', '  - x:'];

function textOf(unit: string, length: number): string {
  return HEAD + unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + '\n  sta\n';
}

/** The cursor at 40%, 70% and the end of the long line (line 4), and on the line after it. */
function positions(length: number) {
  return [...[0.4, 0.7, 1].map((f) => ({ line: 4, character: Math.floor(length * f) })), { line: 5, character: 5 }];
}

function assertLinear(name: string, makeRun: (unit: string, length: number) => () => unknown): void {
  const slow: string[] = [];
  for (const unit of PATTERNS) {
    const { ratio, detail } = sizeRatio((length) => makeRun(unit, length));
    if (ratio > LINEAR_LIMIT) slow.push(`'${unit}': ${detail}`);
  }
  assert.deepEqual(slow, [], `${name} is not linear in the line's length`);
}

describe('hardening: the cursor context is linear in the line (fuzz seed 1, record 49614)', function () {
  this.timeout(300_000);

  it(`cursorContext: 100k characters of each adversarial line take at most ${LINEAR_LIMIT}× as long as 10k`, () => {
    assertLinear('cursorContext', (unit, length) => {
      const text = textOf(unit, length);
      const at = positions(length);
      return () => at.map((p) => cursorContext(text, p));
    });
  });

  it(`completion: 100k characters of each adversarial line take at most ${LINEAR_LIMIT}× as long as 10k`, () => {
    assertLinear('completionsAt', (unit, length) => {
      const parsed = parseCarePlanDocument(textOf(unit, length));
      const at = positions(length);
      return () => Promise.all(at.map((p) => completionsAt(parsed, p, { uri: 'file:///ws/r.yaml' })));
    });
  });

  it('the context on a line of dashes is still read: `- - par` is a field of the inner item', () => {
    const text = HEAD + 'actions:\n  - - par\n';
    const c = cursorContext(text, { line: 5, character: 9 });
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.deepEqual(c.path, ['actions', 0, 0]);
      assert.equal(c.prefix, 'par');
    }
    const v = cursorContext(HEAD + 'actions:\n  - - status: op\n', { line: 5, character: 16 });
    assert.equal(v.kind, 'value');
    if (v.kind === 'value') {
      assert.deepEqual(v.path, ['actions', 0, 0, 'status']);
      assert.equal(v.prefix, 'op');
    }
  });

  it('lists nested deeper than any schema have no context; the next top-level line still has its own', () => {
    const text = HEAD + '- '.repeat(25_000) + '\nsta\n';
    assert.equal(cursorContext(text, { line: 4, character: 35_709 }).kind, 'none');
    const c = cursorContext(text, { line: 5, character: 3 });
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.deepEqual(c.path, []);
      assert.equal(c.prefix, 'sta');
      assert.ok(c.siblings.has('date'));
    }
  });
});
