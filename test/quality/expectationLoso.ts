/**
 * Leave-one-source-out check for expectation-generic (issue 9): would a small learned scorer over
 * the rule's own analysis and the words of the expectation generalise better than the rule alone?
 * For each dev source, a logistic regression is trained on the domain set and every other dev
 * source, and judges the held-out source's items; the rule's verdicts on those items are the
 * baseline. Dev and domain only: the blind split is never read here.
 *
 *   npx tsx test/quality/expectationLoso.ts
 */
import { analyseExpectation, actionParent } from '../../server/src/service/prose/expectation';
import { counts, Counts } from './score';
import { loadFile, loadCases, Case } from './sets';
import type { ExpectationAnalysis } from '../../server/src/service/prose/expectation';

// a small logistic regression over sparse features, trained deterministically (full-batch gradient descent)

type Features = Map<string, number>;
interface Sample { x: Features; y: boolean }
type Weights = Map<string, number>;

/** Words of the wording (numbers as one token), and their pairs, plus what the rule found. */
function featuresOf(wording: string, a: ExpectationAnalysis, withRule = true): Features {
  const f: Features = new Map([['bias', 1]]);
  if (withRule) addRule(f, a);
  const toks = wording.toLowerCase().replace(/\d+/g, ' 0 ').match(/[a-z0]+(?:'[a-z]+)?/g) ?? [];
  for (let i = 0; i < toks.length; i++) {
    f.set(`w:${toks[i]}`, 1);
    if (i) f.set(`b:${toks[i - 1]} ${toks[i]}`, 1);
  }
  return f;
}

function addRule(f: Features, a: ExpectationAnalysis): void {
  if (a.generic) f.set('rule:generic', 1);
  if (!a.present.includes('behaviour')) f.set('rule:no-behaviour', 1);
  f.set('rule:concretisers', (a.present.length - (a.present.includes('behaviour') ? 1 : 0)) / 7);
}

function score(w: Weights, x: Features): number {
  let z = 0;
  for (const [k, v] of x) z += (w.get(k) ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

function train(samples: Sample[], epochs = 200, rate = 0.5, l2 = 0.01): Weights {
  const w: Weights = new Map();
  for (let e = 0; e < epochs; e++) {
    const grad = new Map<string, number>();
    for (const s of samples) {
      const err = score(w, s.x) - (s.y ? 1 : 0);
      for (const [k, v] of s.x) grad.set(k, (grad.get(k) ?? 0) + err * v);
    }
    for (const [k, g] of grad) {
      const cur = w.get(k) ?? 0;
      w.set(k, cur - rate * (g / samples.length + l2 * cur));
    }
  }
  return w;
}

interface Row { c: Case; source: string; sample: Sample; words: Sample; rule: boolean; judged: boolean }

function rowsOf(set: 'domain' | 'dev'): Row[] {
  const data = loadFile('expectation-generic', set)!;
  const cases = loadCases('expectation-generic', set);
  return cases.map((c, i) => {
    const item = data.items[i] as Record<string, unknown>;
    const form = String(item.form ?? 'expectation');
    const wording = c.text;
    const parent = form === 'expectation' ? (item.parent as string | undefined) : actionParent(form === 'parent-action' ? String(item.parent ?? item.owner ?? 'Mother') : (item.owner as string | undefined), wording);
    const judged = form === 'expectation' || !!parent;
    const a = analyseExpectation({ expectation: wording, parent: parent ?? undefined, evidence: item.evidence as string | undefined, by: item.by as string | undefined, support: item.support as string | undefined, if_not_met: item.if_not_met as string | undefined });
    return { c, source: String(item.source ?? set), sample: { x: featuresOf(wording, a), y: c.expected }, words: { x: featuresOf(wording, a, false), y: c.expected }, rule: judged && a.generic, judged };
  });
}

function fmt(k: Counts): string {
  return `P ${k.precision.toFixed(3)} R ${k.recall.toFixed(3)} F1 ${k.f1.toFixed(3)} (TP ${k.tp} FP ${k.fp} FN ${k.fn} TN ${k.tn})`;
}

const domain = rowsOf('domain');
const dev = rowsOf('dev');
const sources = [...new Set(dev.map((r) => r.source))];
const ruleV: { flagged: boolean; case: Case }[] = [];
const probs: { p: number; r: Row }[] = [];
for (const s of sources) {
  const held = dev.filter((r) => r.source === s);
  const w = train([...domain, ...dev.filter((r) => r.source !== s)].map((r) => r.words), 120);
  for (const r of held) {
    ruleV.push({ flagged: r.rule, case: r.c });
    probs.push({ p: score(w, r.words.x), r });
  }
}
console.log(`dev, leave one source out (${sources.length} sources, ${dev.length} items)`);
console.log(`  rule alone                 ${fmt(counts(ruleV))}`);
console.log(`  words model alone (0.5)    ${fmt(counts(probs.map(({ p, r }) => ({ flagged: r.judged && p > 0.5, case: r.c }))))}`);
for (const t of [0.6, 0.7, 0.8, 0.9]) console.log(`  rule OR words > ${t}        ${fmt(counts(probs.map(({ p, r }) => ({ flagged: r.judged && (r.rule || p > t), case: r.c }))))}`);
for (const t of [0.05, 0.1, 0.2, 0.3]) console.log(`  rule AND NOT words < ${t}  ${fmt(counts(probs.map(({ p, r }) => ({ flagged: r.judged && r.rule && !(p < t), case: r.c }))))}`);
for (const [lo, hi] of [[0.1, 0.8], [0.2, 0.7], [0.1, 0.9]]) console.log(`  both ${lo}/${hi}              ${fmt(counts(probs.map(({ p, r }) => ({ flagged: r.judged && ((r.rule && !(p < lo)) || p > hi), case: r.c }))))}`);
