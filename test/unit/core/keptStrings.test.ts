import * as assert from 'node:assert';
import { DocumentIndex } from '../../../server/src/service/documentIndex';
import { detachedString } from '../../../server/src/service/detach';
import { heapAfterGc } from '../../support/heap';


/** A record whose text is about `kb` KB: a long id, a child, a date, and filler the index has no use for. */
function record(i: number, kb: number): string {
  const filler = `# ${'notes that only the record itself needs '.repeat(24)}${i}\n`.repeat(kb);
  return `kind: review\nid: review-CH${String(100000 + i)}-kept-strings\nchild: CH-${String(100000 + i)}\ndate: 2025-04-01\nactions:\n  - id: A1\n    action: Visit the child at home and see them alone, record ${i}\n    status: open\n${filler}`;
}

// What is kept of a record for as long as the workspace is open (its index entry) must not keep the record's text alive through a substring of it.
describe('the workspace index does not keep the texts it read', () => {
  const N = 300;
  const KB = 40; // 300 records × 40 KB = 12 MB of text

  it('the workspace index holds ids and children, not the texts they came from', () => {
    const index = new DocumentIndex();
    const before = heapAfterGc();
    for (let i = 0; i < N; i++) index.set(`file:///w/r${i}.yaml`, record(i, KB));
    const grown = heapAfterGc() - before;
    assert.equal(index.recordsOf(`CH-${100000 + 7}`).length, 1);
    assert.ok(grown < (N * KB * 1024) / 8, `the index of ${N} records grew the heap by ${(grown / 1048576).toFixed(1)} MB`);
  });

  it('a copy is equal to what it copies', () => {
    assert.equal(detachedString('review-CH000123-1'), 'review-CH000123-1');
    assert.equal(detachedString(''), '');
  });
});
