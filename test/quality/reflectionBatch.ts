/**
 * The supervision-reflection score on one batch of dev items, by source number: how the rule does on
 * writing added after it was tuned. Items are the dev set's own (the blind split is not read).
 *
 *   npx tsx test/quality/reflectionBatch.ts 97        # sources S97 and after
 *   npx tsx test/quality/reflectionBatch.ts 1 96      # sources S1–S96
 */
import { judgeReflection } from '../../server/src/service/prose/reflection';
import { counts } from './score';
import { loadCases, loadFile } from './sets';

const nums = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const from = nums[0] ?? 1;
const to = nums[1] ?? Infinity;
const dev = loadFile('supervision-reflection', 'dev')!;
const verdicts = loadCases('supervision-reflection', 'dev')
  .map((c, i) => ({ c, n: Number(String(dev.items[i].source).slice(1)) }))
  .filter(({ n }) => n >= from && n <= to)
  .map(({ c }) => {
    const d = c.doc as { reflection?: string; discussion?: string };
    return { case: c, flagged: judgeReflection({ reflection: d.reflection, discussion: d.discussion }).thin };
  });
const s = counts(verdicts);
console.log(`S${from}–${Number.isFinite(to) ? `S${to}` : 'end'}: ${verdicts.length} items, TP ${s.tp} FP ${s.fp} FN ${s.fn} TN ${s.tn}, P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`);
if (process.argv.includes('--misses')) for (const v of verdicts) if (v.flagged !== v.case.expected) console.log(`${v.flagged ? 'FP' : 'FN'} ${v.case.text.slice(0, 110)}`);
