/**
 * Training the prose rules' learned scorers (server/src/service/prose/wordScorer.ts): full-batch
 * logistic regression over word and word-pair features, and the committed data it writes. Used by
 * expectationScorer.ts and reflectionScorer.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashWeights, likelihoodOf, pack } from '../../server/src/service/prose/wordScorer';

export interface Sample { x: Set<string>; y: boolean }
export interface Model { w: Map<string, number>; bias: number }

/** Full-batch gradient descent with a little L2: deterministic for the same samples in the same order. */
export function train(samples: Sample[], epochs = 300, rate = 0.5, l2 = 0.01): Model {
  const w = new Map<string, number>();
  let bias = 0;
  for (let e = 0; e < epochs; e++) {
    const grad = new Map<string, number>();
    let gb = 0;
    for (const s of samples) {
      const err = likelihoodOf(s.x, w, bias) - (s.y ? 1 : 0);
      gb += err;
      for (const k of s.x) grad.set(k, (grad.get(k) ?? 0) + err);
    }
    bias -= (rate * gb) / samples.length;
    for (const [k, g] of grad) {
      const cur = w.get(k) ?? 0;
      w.set(k, cur - rate * (g / samples.length + l2 * cur));
    }
  }
  // near-zero weights change no verdict and would only bloat the committed data
  for (const [k, x] of w) if (Math.abs(x) < MIN_WEIGHT) w.delete(k);
  return { w, bias };
}

/** Weights smaller than this are dropped (from every fold too, so the figures are the shipped model's). */
const MIN_WEIGHT = 0.01;

/**
 * Writes a model as committed data: readable (`<name>.json`: rounded and sorted, one weight to a line,
 * so a retrain diffs cleanly) and hashed as the engine reads it (`<name>-hashed.json`).
 */
export function writeWeights(m: Model, name: string, script: string): void {
  const kept = [...m.w].map(([k, x]) => [k, Math.round(x * 10000) / 10000] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const file = path.join(__dirname, `../../server/src/service/data/${name}.json`);
  const lines = kept.map(([k, x]) => `    ${JSON.stringify(k)}: ${x}`).join(',\n');
  const about = `Written by ${script} --write from the domain and dev sets (${kept.length} weights): do not edit by hand.`;
  fs.writeFileSync(file, `{\n  "about": ${JSON.stringify(about)},\n  "bias": ${Math.round(m.bias * 10000) / 10000},\n  "weights": {\n${lines}\n  }\n}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}: ${kept.length} weights`);
  // and the form the engine reads, hashed and packed here once rather than in every process that scores
  const hashed = hashWeights(Math.round(m.bias * 10000) / 10000, new Map(kept));
  const hashedFile = path.join(__dirname, `../../server/src/service/data/${name}-hashed.json`);
  const note = `Written by ${script} --write: ${name}.json with each key hashed as the engine reads, packed (wordScorer.ts, PackedWeights); do not edit by hand.`;
  fs.writeFileSync(hashedFile, `${JSON.stringify({ about: note, bias: hashed.bias, unigrams: pack(hashed.unigrams), pairs: pack(hashed.pairs) }, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), hashedFile)}`);
}
