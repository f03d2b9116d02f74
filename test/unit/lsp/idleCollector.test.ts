import { strict as assert } from 'node:assert';
import { createIdleCollector, findGc } from '../../../server/src/lsp/idleCollector';

const MB = 1024 * 1024;
const nextTurn = () => new Promise((r) => setImmediate(r));

describe('idle collector', () => {
  /** A young generation of `size` bytes (16 MB by default) with `usedBytes` in use. */
  function fake(usedBytes: number, size = 16 * MB) {
    const calls: string[] = [];
    const collector = createIdleCollector((o) => calls.push(o.type), () => ({ used: usedBytes, size }));
    return { calls, collector };
  }

  it('collects the young generation once the event loop has had its turn', async () => {
    const { calls, collector } = fake(14 * MB);
    collector.collectSoon(() => false);
    assert.deepEqual(calls, [], 'never inside the check that asked for it');
    await nextTurn();
    await nextTurn();
    assert.deepEqual(calls, ['minor']);
    assert.equal(collector.collections, 1);
  });

  it('asks only once however often it is called before it runs', async () => {
    const { calls, collector } = fake(14 * MB);
    for (let i = 0; i < 5; i++) collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.equal(calls.length, 1);
  });

  it('leaves it to V8 when something arrived meanwhile', async () => {
    const { calls, collector } = fake(14 * MB);
    collector.collectSoon(() => true);
    await nextTurn();
    await nextTurn();
    assert.deepEqual(calls, []);
    collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.deepEqual(calls, ['minor'], 'a later quiet moment still collects');
  });

  it('does not collect when little has been allocated', async () => {
    const { calls, collector } = fake(256 * 1024, 512 * 1024);
    collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.deepEqual(calls, []);
  });

  it('leaves it to V8 while the young generation has room: a collection after every keystroke costs CPU and buys no p95', async () => {
    const { calls, collector } = fake(8 * MB, 32 * MB);
    collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.deepEqual(calls, []);
    const full = fake(28 * MB, 32 * MB);
    full.collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.deepEqual(full.calls, ['minor'], 'nearly full: V8 would collect in the next check');
  });

  it('finds V8\'s collector in a plain Node process, and a collection runs', async () => {
    assert.equal(typeof findGc(), 'function', 'started without --expose-gc, as Neovim starts the bin');
    const collector = createIdleCollector(undefined, () => ({ used: 14 * MB, size: 16 * MB }));
    collector.collectSoon(() => false);
    await nextTurn();
    await nextTurn();
    assert.equal(collector.collections, 1);
  });
});
