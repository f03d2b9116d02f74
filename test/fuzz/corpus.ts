/**
 * Record number i of a fuzz run with seed S, the same every time: a mutant of a sample, a
 * grammar record (valid-shaped or near-valid), a grammar record mutated as text, or one of the
 * hand-written worst cases. `npm run fuzz -- --seed S --only i` rebuilds exactly record i.
 */
import { Mutant, Rng, mutate, nastyCases, yamlSamples, type Sample } from '../support/mutants';
import { grammarRecord } from './records';

export interface FuzzRecord extends Mutant {
  index: number;
}

let samples: Sample[] | undefined;
let nasty: Mutant[] | undefined;

/** A per-record seed from the run seed and the index (a 32-bit mix, so neighbours differ). */
export function recordSeed(seed: number, index: number): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  return (h ^ (h >>> 15)) >>> 0;
}

export function recordAt(seed: number, index: number): FuzzRecord {
  samples ??= yamlSamples().filter((s) => s.text.includes('kind:'));
  nasty ??= nastyCases(samples[0].text);
  const s = recordSeed(seed, index);
  const r = new Rng(s);
  const roll = r.next();
  let m: Mutant;
  if (roll < 0.004) m = nasty[r.int(nasty.length)];
  else if (roll < 0.45) m = mutate(r.pick(samples), s, 1)[0];
  else if (roll < 0.75) m = grammarRecord(s, false);
  else if (roll < 0.93) m = grammarRecord(s, true);
  else {
    const g = grammarRecord(s, r.chance(0.5));
    const [mutant] = mutate({ rel: 'grammar', text: g.text }, s, 1);
    m = { label: `${g.label}, then ${mutant.label}`, text: mutant.text };
  }
  return { ...m, index, label: `#${index} ${m.label}` };
}
