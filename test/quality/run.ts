/** `npm run quality`: precision, recall and F1 of each prose rule, and the items it gets wrong. */
import { scoreAll } from './score';

async function main(): Promise<void> {
  const scores = await scoreAll();
  console.log('rule                  items   TP   FP   FN   TN  precision  recall     F1');
  for (const s of scores) {
    console.log(
      `${s.rule.padEnd(20)} ${String(s.items).padStart(6)} ${[s.tp, s.fp, s.fn, s.tn].map((n) => String(n).padStart(4)).join(' ')}  ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${s.f1.toFixed(3).padStart(6)}`,
    );
  }
  for (const s of scores) {
    if (!s.misses.length) continue;
    console.log(`\n${s.rule}: ${s.misses.length} wrong`);
    for (const m of s.misses) console.log('  ' + m);
  }
}

void main();
