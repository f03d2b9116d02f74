/**
 * The text-analysis cache is bounded in bytes (issue 10, defect 5): typing in one long field makes
 * a new entry per keystroke, each as long as the field, and a bound on the number of entries
 * alone let 800 keystrokes in a 200 KB field take the server from 112 to 289 MB.
 */
import { strict as assert } from 'node:assert';
import { createEngine, createMemoryHost } from '../../../server/src/service';
import { BoundedCache, costOf } from '../../../server/src/service/memo';
import { heapAfterGc } from '../../support/heap';

const FIELD = 'Mother will attend the parenting group every week and tell the social worker how it went. '.repeat(2_300); // ~200 KB

function review(field: string): string {
  return `kind: review
id: R-1
child: CH-000999
date: 2025-04-24
review: { number: 1, chair: IRO, next_review_due: 2025-07-24 }
actions:
  - id: A1
    action: "${field}"
    owner: Social worker
    timescale: ongoing
    status: open
`;
}

describe('text-analysis cache bounded in bytes (issue 10, defect 5)', function () {
  this.timeout(120_000);

  it('holds no more than its byte bound, whatever the entries are', () => {
    const cache = new BoundedCache({ bytes: 1_000_000 });
    for (let i = 0; i < 200; i++) cache.get('scope', `${i}`.padEnd(50_000, 'x'), () => i);
    assert.ok(cache.bytes <= 1_000_000, `${cache.bytes} bytes held`);
    assert.ok(cache.size >= 3, 'keeps the newest entries');
    assert.equal(cache.get('scope', '199'.padEnd(50_000, 'x'), () => -1), 199, 'the newest entry is still there');
  });

  it('still bounds the number of small entries, and evicts the oldest first', () => {
    const cache = new BoundedCache({ entries: 100 });
    for (let i = 0; i < 1_000; i++) cache.get(i % 2 ? 'a' : 'b', `k${i}`, () => i);
    assert.ok(cache.size <= 100);
    assert.equal(cache.get('b', 'k998', () => -1), 998);
    assert.equal(cache.get('b', 'k0', () => -1), -1);
    assert.ok(cache.bytes >= cache.size * costOf('k0'));
  });

  it('250 keystrokes in a 200 KB field: the heap stays within 30 MB of where it started', async () => {
    const engine = createEngine(createMemoryHost(['file:///ws/'], []));
    await engine.check({ uri: 'file:///ws/r.yaml', text: review(FIELD) });
    const start = heapAfterGc();
    for (let i = 0; i < 250; i++) {
      // a keystroke: one character more, in the middle of the field
      const typed = FIELD.slice(0, 100_000) + 'x'.repeat(i + 1) + FIELD.slice(100_000);
      await engine.check({ uri: 'file:///ws/r.yaml', text: review(typed) });
    }
    const grown = (heapAfterGc() - start) / 1024 / 1024;
    assert.ok(grown < 30, `the heap grew by ${grown.toFixed(0)} MB`);
  });
});
