// The next review's number is read from the folder's review records, which anyone may have
// written: a review block with no numeric `number:` must not freeze the extension host.
import { strict as assert } from 'node:assert';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { nextReviewNumber, reviewNumberOf } from '../../../client/src/reviewNumber';
import { LINEAR_LIMIT, sizeRatio } from '../../support/linearTime';

/** A review whose `number:` is quoted (so not a whole number), with `attendees` entries after it. */
function quotedNumberReview(attendees: number): string {
  const entries = Array.from({ length: attendees }, (_, i) => `    - role: Attendee ${i + 1}\n      present: yes\n`).join('');
  return `kind: review\nchild: CH-000123\ndate: 2026-01-05\nreview:\n  number: "3"\n  chair: IRO\n  attendees:\n${entries}`;
}

/**
 * Runs nextReviewNumber on `texts` in a worker and gives up after `limitMs` (a hang on the main
 * thread could not be timed out): the answer, or 'hung'. A hang guard, not a speed assertion.
 */
function inWorker(texts: string[], limitMs: number): Promise<number | 'hung'> {
  const module = join(__dirname, '../../../client/src/reviewNumber.ts');
  const code = `require('tsx/cjs'); const { parentPort, workerData } = require('node:worker_threads');
    parentPort.postMessage(require(workerData.module).nextReviewNumber(workerData.texts));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { module, texts } });
    const timer = setTimeout(() => { void worker.terminate(); resolve('hung'); }, limitMs);
    worker.once('message', (n: number) => { clearTimeout(timer); void worker.terminate(); resolve(n); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

describe('client: the next review number', () => {
  it('is one more than the highest whole `number:` of the review blocks', () => {
    const review = (n: string) => `kind: review\nchild: CH-000123\nreview:\n  chair: IRO\n  number: ${n}\n`;
    assert.equal(nextReviewNumber([review('2'), review('7'), review('4')]), 8);
    assert.equal(nextReviewNumber([review('3'), 'kind: care-plan\nreview:\n  number: 40\n']), 4, 'only review records count');
    assert.equal(nextReviewNumber([review('"3"')]), 1, 'a quoted number is not read');
    assert.equal(nextReviewNumber([]), 1);
  });

  it('reads `number:` only inside the review block', () => {
    assert.equal(reviewNumberOf('kind: review\nreview:\n  chair: IRO\nother:\n  number: 9\n'), undefined);
    assert.equal(reviewNumberOf('kind: review\nreview:\n  chair: IRO\n\n  number: 9\n'), undefined, 'a blank line ends the block');
    assert.equal(reviewNumberOf('kind: review\r\nreview:\r\n  number: 5\r\n'), 5, 'Windows line ends');
  });

  it('answers at once on a review block with no whole number and many attendees', async () => {
    const texts = [quotedNumberReview(6), quotedNumberReview(40), quotedNumberReview(2000)];
    assert.equal(await inWorker(texts, 10_000), 1);
  });

  it('takes time in proportion to the size of the folder’s records (×10 input ≤ ×15 time)', () => {
    const { ratio, detail } = sizeRatio((length) => {
      const one = quotedNumberReview(8);
      const texts = Array.from({ length: Math.ceil(length / one.length) }, () => one);
      return () => nextReviewNumber(texts);
    });
    assert.ok(ratio <= LINEAR_LIMIT, detail);
  });

  it('takes time in proportion to one long review block', () => {
    const { ratio, detail } = sizeRatio((length) => {
      const text = quotedNumberReview(Math.ceil(length / 40));
      return () => nextReviewNumber([text]);
    });
    assert.ok(ratio <= LINEAR_LIMIT, detail);
  });
});
