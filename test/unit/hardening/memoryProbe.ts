/**
 * Run by memoryRetention.test.ts in a fresh process (`node --expose-gc -r tsx/cjs memoryProbe.ts
 * <scenario>`), so what other tests left in the heap does not count: prints how much the heap
 * grew over the scenario, in MB, measured after two full collections each side.
 */
import { applyConfig, createEngine, createMemoryHost, defaultConfig, parseCarePlanDocument } from '../../../server/src/service';
import { bigRecord } from '../../fuzz/soakText';

import { heapAfterGc } from '../../support/heap';

const heapMb = () => heapAfterGc() / 1e6;

const HEAD = 'kind: review\nid: review-CH100001-2025-04-24\nchild: CH-100001\ndate: 2025-04-24\n';
const PROSE = 'Mother attended every contact session on time. ';

/** Each scenario gets ready (untimed: modules loaded, code compiled, caches filled), then runs. */
const SCENARIOS: Record<string, () => Promise<() => Promise<void>>> = {
  /** 600 versions of a record whose prose is read as a 48 KB field name. */
  async longKeys() {
    for (let i = 0; i < 20; i++) parseCarePlanDocument(`${HEAD}${PROSE.repeat(1000)}${'y'.repeat(i)}: 1\n`);
    return async () => {
      for (let i = 0; i < 600; i++) parseCarePlanDocument(`${HEAD}${PROSE.repeat(1000)}${'x'.repeat(i)}: 1\n`);
    };
  },
  /** 100 keystrokes in the timescale of an action in a 500 KB record (two bytes a character). */
  async shortFieldInLargeRecord() {
    const engine = createEngine(createMemoryHost(['file:///ws/'], [], new Map()));
    const config = applyConfig(defaultConfig(), { today: '2025-11-01' });
    const base = bigRecord(500 * 1024).replace('within 10 working days of this review', 'TIMESCALE').replace('K was seen', 'K 😀 was seen');
    const checkWith = (timescale: string) => engine.check({ uri: 'file:///ws/big.yaml', text: base.replace('TIMESCALE', timescale) }, config);
    for (let i = 0; i < 10; i++) await checkWith(`within ${1000 + i} working days of this review`);
    return async () => {
      for (let i = 0; i < 100; i++) await checkWith(`within ${i} working days of this review`);
    };
  },
};

async function main(): Promise<void> {
  const run = await SCENARIOS[process.argv[2]]();
  const before = heapMb();
  await run();
  process.stdout.write(JSON.stringify({ growthMb: heapMb() - before }));
}

void main();
