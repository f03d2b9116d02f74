import { strict as assert } from 'node:assert';
import { CoalescedRecheck } from '../../../server/src/lsp/coalescedRecheck';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('coalesced rechecks after workspace changes', () => {
  it('a burst of requests is one pass, after the burst', async () => {
    const runs: (string | undefined)[] = [];
    const recheck = new CoalescedRecheck({ run: (e) => runs.push(e), busy: () => false, settleMs: 10 });
    for (let i = 0; i < 400; i++) recheck.request();
    assert.equal(runs.length, 0);
    await sleep(40);
    assert.deepEqual(runs, [undefined]);
  });

  it('leaves out the buffer being typed in only when every request of the burst did', async () => {
    const runs: (string | undefined)[] = [];
    const recheck = new CoalescedRecheck({ run: (e) => runs.push(e), busy: () => false, settleMs: 5 });
    recheck.request('a');
    recheck.request('a');
    await sleep(25);
    recheck.request('a');
    recheck.request('b');
    recheck.request('a');
    await sleep(25);
    assert.deepEqual(runs, ['a', undefined]);
  });

  it('waits while the author is typing, but not for ever', async () => {
    const runs: (string | undefined)[] = [];
    let busy = true;
    const recheck = new CoalescedRecheck({ run: (e) => runs.push(e), busy: () => busy, settleMs: 5, maxWaitMs: 60 });
    recheck.request();
    await sleep(30);
    assert.equal(runs.length, 0, 'ran while busy');
    await sleep(80);
    assert.equal(runs.length, 1, 'never ran under constant typing');
    busy = false;
    recheck.request();
    await sleep(25);
    assert.equal(runs.length, 2);
    recheck.dispose();
  });
});
