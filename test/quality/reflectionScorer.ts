/**
 * The learned scorer of supervision-reflection (server/src/service/prose/reflection/scorer.ts): a
 * logistic regression over the words and word pairs of a reflection and its discussion, weighed
 * with the structural judgement. Trains it, writes its weights, and measures it where the
 * structure had not been tuned. The blind split is never read here.
 *
 *   npx tsx test/quality/reflectionScorer.ts          the fresh-batch folds (about a minute)
 *   npx tsx test/quality/reflectionScorer.ts --write  retrain on domain + dev, write server/src/service/data/reflection-scorer.json
 *                                                     (and reflection-scorer-hashed.json, the form the engine reads)
 *
 * Fresh-batch folds: the batches labelled after the cues had been written, each judged by the
 * verdicts the rule recorded when the batch was added (the verdict snapshot of that commit, read
 * from git) and by the scorer trained on every other labelled item. 2026-12-08, F1 (P):
 *                    real r-7 (81)  domain r-3 (72)  real r-13 (80)  domain r-4 (87)  pooled (320)
 *   rule as recorded   0.707          0.841            0.703           0.807            0.768 (0.689)
 *   scorer alone       0.742          0.937            0.805           0.939            0.857 (0.831)
 *   together, 0.25     0.761          0.871            0.757           0.860            0.816 (0.760)
 *   together, 0.10     0.725          0.914            0.800           0.911            0.839 (0.802)
 *   together, 0.05     0.733          0.914            0.816           0.920            0.847 (0.812)
 * (reflections-9.yaml, the other batch since, has no recorded verdicts: its keys were not in the
 * snapshot of the commit that added it.) A record under MIN_WORDS is thin whatever the scorer says;
 * no fold's verdict changed for it.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { judgeReflection, MIN_WORDS, reflectionText } from '../../server/src/service/prose/reflection';
import { REFLECTION_RULE_WEIGHT } from '../../server/src/service/prose/reflection/scorer';
import { likelihoodOf, scorerFeatures } from '../../server/src/service/prose/wordScorer';
import { counts, type Counts } from './score';
import { loadCases, type Case } from './sets';
import { train, writeWeights, type Model } from './wordScorerTraining';

interface Row { c: Case; set: 'domain' | 'dev'; x: Set<string>; words: number }

const str = (x: unknown) => (typeof x === 'string' ? x : undefined);

/** The text the rule judges for a labelled item: its reflection and discussion. */
function textOf(c: Case): { text: string; words: number } {
  const doc = c.doc as Record<string, unknown>;
  const input = { reflection: str(doc.reflection), discussion: str(doc.discussion) };
  return { text: reflectionText(input), words: judgeReflection(input, { scorer: false }).words };
}

function rowsOf(set: 'domain' | 'dev'): Row[] {
  return loadCases('supervision-reflection', set).map((c) => {
    const { text, words } = textOf(c);
    return { c, set, x: scorerFeatures(text), words };
  });
}

/** The scorer trained on every labelled item of the domain and dev sets: what --write commits. */
export function trainOnLabelledSets(): Model {
  return train([...rowsOf('domain'), ...rowsOf('dev')].map((r) => ({ x: r.x, y: r.c.expected })));
}

/** Batches labelled after the cues were written, with the commit whose verdict snapshot holds the rule's verdicts before it was tuned on them. */
const FRESH_BATCHES: { set: 'domain' | 'dev'; file: string; commit: string }[] = [
  { set: 'dev', file: 'reflections-7.yaml', commit: 'aa7f152' },
  { set: 'domain', file: 'reflections-3.yaml', commit: 'aa7f152' },
  { set: 'dev', file: 'reflections-13.yaml', commit: '9e07216' },
  { set: 'domain', file: 'reflections-4.yaml', commit: '9e07216' },
];

function freshFolds(): void {
  const git = (args: string[]) => execFileSync('git', args, { cwd: path.join(__dirname, '../..'), encoding: 'utf8', maxBuffer: 1 << 26 });
  const all = [...rowsOf('domain'), ...rowsOf('dev')];
  const fmt = (k: Counts) => `${k.f1.toFixed(3)} (P ${k.precision.toFixed(3)})`;
  const weights = [0.5, 0.25, REFLECTION_RULE_WEIGHT, 0.05, 0];
  const pooled = new Map<number, { flagged: boolean; case: Case }[]>(weights.map((a) => [a, []]));
  for (const b of FRESH_BATCHES) {
    let snapshot: string;
    try {
      snapshot = git(['show', `${b.commit}:test/quality/verdicts/supervision-reflection.txt`]);
    } catch {
      console.log(`${b.set}/${b.file}: commit ${b.commit} not in this clone`);
      continue;
    }
    const then = new Map<string, boolean>();
    for (const line of snapshot.split('\n')) {
      const [set, key, verdict] = line.split(/\s+/);
      if (set === b.set) then.set(key, verdict === 'flagged');
    }
    const held = (r: Row) => r.set === b.set && r.c.file === b.file;
    const m = train(all.filter((r) => !held(r)).map((r) => ({ x: r.x, y: r.c.expected })));
    const rows = all.filter(held).filter((r) => then.has(r.c.key));
    const line: string[] = [];
    for (const a of weights) {
      const v = rows.map((r) => ({ flagged: r.words < MIN_WORDS || a * (then.get(r.c.key) ? 1 : 0) + (1 - a) * likelihoodOf(r.x, m.w, m.bias) > 0.5, case: r.c }));
      pooled.get(a)!.push(...v);
      line.push(`${a === 0.5 ? 'rule' : a === 0 ? 'scorer' : `w ${a}`} ${fmt(counts(v))}`);
    }
    console.log(`${b.set}/${b.file} (${rows.length} items): ${line.join('  ')}`);
  }
  for (const [a, v] of pooled) console.log(`pooled, ${a === 0.5 ? 'rule as recorded' : a === 0 ? 'scorer alone' : `together at ${a}`}: ${fmt(counts(v))}`);
}

function main(): void {
  if (process.argv.includes('--write')) writeWeights(trainOnLabelledSets(), 'reflection-scorer', 'test/quality/reflectionScorer.ts');
  else freshFolds();
}

if (require.main === module) main();
