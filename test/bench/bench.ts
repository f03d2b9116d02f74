/**
 * `npm run bench`: the engine's cost per document against a bare `yaml` parse + ajv validation
 * of the same documents, in the same run, on the same machine. Reports medians and the ratio.
 */
import { parse } from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import reviewSchema from '../../schemas/review.schema.json';
import { createEngine, createMemoryHost, defaultConfig, applyConfig } from '../../server/src/service';
import { generateReview } from '../support/generate';
import { benchCli, yamlAjvLoop } from './cliBench';

const SIZES = [100, 1_000, 5_000, 20_000];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function iterationsFor(lines: number): number {
  return Math.max(5, Math.min(200, Math.round(200_000 / lines)));
}

async function main(): Promise<void> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(reviewSchema);
  const engine = createEngine(createMemoryHost(['file:///bench/'], []));
  const config = applyConfig(defaultConfig(), { today: '2025-11-01' });

  console.log(`careplan engine benchmark — node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
  console.log('lines    docs  baseline median (yaml.parse + ajv)  engine median (all rules)  ratio  findings/doc');
  for (const size of SIZES) {
    const n = iterationsFor(size);
    const docs = Array.from({ length: n }, (_, i) => generateReview(size, i));
    const actualLines = docs[0].split('\n').length;
    // Warm up both paths so JIT and one-time compiles are not measured.
    for (let i = 0; i < 3; i++) {
      validate(parse(docs[i % n]));
      await engine.check({ uri: 'file:///bench/w.yaml', text: docs[i % n] }, config);
    }
    const base: number[] = [];
    const eng: number[] = [];
    let findings = 0;
    // Interleave the two so machine noise hits both alike.
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      validate(parse(docs[i]));
      base.push(performance.now() - t);
      t = performance.now();
      const r = await engine.check({ uri: `file:///bench/d${i}.yaml`, text: docs[i] }, config);
      eng.push(performance.now() - t);
      findings += r.findings.length;
    }
    const b = median(base);
    const e = median(eng);
    console.log(
      `${String(actualLines).padStart(6)}  ${String(n).padStart(5)}  ${b.toFixed(2).padStart(10)} ms ${''.padEnd(23)} ${e.toFixed(2).padStart(9)} ms ${''.padEnd(14)} ${(e / b).toFixed(2)}×  ${Math.round(findings / n)}`,
    );
  }
}

// `bench.js --yaml-ajv-loop <dir>`: the CLI benchmark's baseline, run in a process of its own.
// `bench.js --cli`: the CLI benchmark only.
const loopAt = process.argv.indexOf('--yaml-ajv-loop');
if (loopAt >= 0) yamlAjvLoop(process.argv[loopAt + 1]);
else if (process.argv.includes('--cli')) void benchCli();
else void main().then(benchCli);
