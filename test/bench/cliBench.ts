/**
 * The CLI at a council's scale (issue 15), each figure against a baseline from the same run:
 * a corpus of review records linted by `dist/cli.js` against a single-thread `yaml.parse` + ajv
 * loop over the same files (in its own process, so both pay a Node start-up); peak memory of
 * each; one 30-line file against `node -e 0`. Every run is a fresh process, timed from spawn
 * to exit. Peak memory is the process's own maxRSS (worker threads included), reported by a
 * preloaded module at exit.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import reviewSchema from '../../schemas/review.schema.json';
import { generateReview } from '../support/generate';

const CORPUS = Number(process.env.CAREPLAN_BENCH_CORPUS ?? 2_000);
const MEMORY_SIZES = (process.env.CAREPLAN_BENCH_MEMORY_SIZES ?? '500,2000,8000').split(',').map(Number).filter((n) => n > 0);
const RUNS = Number(process.env.CAREPLAN_BENCH_CLI_RUNS ?? 3);
const START_RUNS = Number(process.env.CAREPLAN_BENCH_START_RUNS ?? 9);
/** About the issue's 394k lines over 2,000 records. */
const LINES_PER_RECORD = 197;
const MARKER = 'CAREPLAN_BENCH_MAXRSS=';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Record `i` of the corpus: ten records per child, each child in its own folder. */
export function corpusRecord(i: number): { file: string; text: string } {
  const child = `CH-${900000 + Math.floor(i / 10)}`;
  const text = generateReview(LINES_PER_RECORD, i).replace('child: CH-000123', `child: ${child}`);
  return { file: path.join(`child-${Math.floor(i / 10)}`, `review-${i % 10}.yaml`), text };
}

/** A project root (.git) holding `n` records and a config that fixes today. */
export function makeCorpus(n: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-cli-bench-'));
  mkdirSync(path.join(dir, '.git'));
  writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
  for (let i = 0; i < n; i++) {
    const { file, text } = corpusRecord(i);
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** The baseline: every YAML file under `dir` parsed and validated, one after another, in one thread. */
export function yamlAjvLoop(dir: string): number {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(reviewSchema);
  let invalid = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(p);
      } else if (e.name.endsWith('.yaml') && !e.name.startsWith('.')) {
        if (!validate(parse(readFileSync(p, 'utf8')))) invalid++;
      }
    }
  };
  walk(dir);
  return invalid;
}

interface Run {
  ms: number;
  maxRss: number;
  /** CPU time of the process (all threads), steadier than wall time on a busy machine. */
  cpuMs: number;
  code: number | null;
}

let preload = '';

/** Runs node with these arguments; wall time from spawn to exit, and the peak RSS the process reports. */
function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-r', preload, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const m = err.match(new RegExp(`${MARKER}(\\d+) (\\d+)`));
      if (code !== 0 && code !== 1) reject(new Error(`node ${args.join(' ')} exited ${code}: ${err}`));
      else resolve({ ms, maxRss: m ? Number(m[1]) * 1024 : NaN, cpuMs: m ? Number(m[2]) / 1000 : NaN, code });
    });
  });
}

const cli = () => path.join(__dirname, 'cli.js');
const self = () => path.join(__dirname, 'bench.js');

/** The medians of `runs` alternating runs of each command. */
async function alternate(commands: Record<string, string[]>, cwd: string, runs: number): Promise<Record<string, { ms: number; maxRss: number; cpuMs: number }>> {
  const times: Record<string, number[]> = {};
  const rss: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let i = 0; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const r = await run(args, cwd);
      (times[name] ??= []).push(r.ms);
      (rss[name] ??= []).push(r.maxRss);
      (cpu[name] ??= []).push(r.cpuMs);
    }
  }
  return Object.fromEntries(Object.keys(commands).map((k) => [k, { ms: median(times[k]), maxRss: median(rss[k]), cpuMs: median(cpu[k]) }]));
}

export async function benchCli(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'careplan-cli-bench-preload-'));
  preload = path.join(scratch, 'maxrss.js');
  writeFileSync(preload, `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\n${MARKER}' + u.maxRSS + ' ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); });\n`);
  const extra = (process.env.CAREPLAN_BENCH_CLI_ARGS ?? '').split(' ').filter(Boolean);
  console.log('');
  console.log(`careplan CLI benchmark — ${os.cpus().length} cores${extra.length ? `, extra lint arguments: ${extra.join(' ')}` : ''}`);
  try {
    // Start-up: one 30-line record.
    const one = mkdtempSync(path.join(os.tmpdir(), 'careplan-cli-bench-one-'));
    mkdirSync(path.join(one, '.git'));
    writeFileSync(path.join(one, 'review.yaml'), generateReview(30, 1).split('\n').slice(0, 30).join('\n') + '\n');
    const start = await alternate({ node: ['-e', '0'], lint: [cli(), 'lint', 'review.yaml', ...extra] }, one, START_RUNS);
    rmSync(one, { recursive: true, force: true });
    console.log(
      `  one 30-line file: careplan ${secs(start.lint.ms)}, node -e 0 ${secs(start.node.ms)} → +${Math.round(start.lint.ms - start.node.ms)} ms (target ≤ +150 ms; median of ${START_RUNS}); CPU time ${Math.round(start.lint.cpuMs)} ms vs ${Math.round(start.node.cpuMs)} ms → +${Math.round(start.lint.cpuMs - start.node.cpuMs)} ms`,
    );

    // The corpus: wall time against the yaml+ajv loop.
    const dir = CORPUS > 0 ? makeCorpus(CORPUS) : undefined;
    if (dir) try {
      const c = await alternate({ loop: [self(), '--yaml-ajv-loop', dir], lint: [cli(), 'lint', '.', '--format', 'json', '-o', path.join(scratch, 'out.json'), ...extra] }, dir, RUNS);
      console.log(
        `  lint ${CORPUS} records (${CORPUS * LINES_PER_RECORD} lines): careplan ${secs(c.lint.ms)} ${mib(c.lint.maxRss)}, yaml+ajv loop (1 thread) ${secs(c.loop.ms)} ${mib(c.loop.maxRss)} → ${(c.lint.ms / c.loop.ms).toFixed(2)}× (target ≤ 0.8×; median of ${RUNS}); CPU time (all threads) ${secs(c.lint.cpuMs)} vs ${secs(c.loop.cpuMs)} → ${(c.lint.cpuMs / c.loop.cpuMs).toFixed(2)}×`,
      );
      await benchCache(dir, scratch, extra);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Peak memory as the corpus grows.
    const rows: string[] = [];
    for (const n of MEMORY_SIZES) {
      const d = makeCorpus(n);
      try {
        const lint = await run([cli(), 'lint', '.', '--format', 'json', '-o', path.join(scratch, 'out.json'), ...extra], d);
        const loop = await run([self(), '--yaml-ajv-loop', d], d);
        rows.push(`${n}: careplan ${mib(lint.maxRss)} (${secs(lint.ms)}), yaml+ajv loop ${mib(loop.maxRss)}`);
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    }
    console.log(`  peak memory: ${rows.join('; ')} (target ≤ 200 MiB at 8000)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Warm --cache after one record changed, against the cold run (skipped when the CLI has no --cache). */
async function benchCache(dir: string, scratch: string, extra: string[]): Promise<void> {
  const help = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, [cli(), 'lint', '--help'], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', () => resolve(out));
  });
  if (!help.includes('--cache-location')) return;
  const location = path.join(scratch, 'cache');
  const args = [cli(), 'lint', '.', '--format', 'json', '-o', path.join(scratch, 'out.json'), '--cache', '--cache-location', location, ...extra];
  const cold: number[] = [];
  const warm: number[] = [];
  const coldCpu: number[] = [];
  const warmCpu: number[] = [];
  const target = path.join(dir, corpusRecord(CORPUS - 1).file);
  const original = readFileSync(target, 'utf8');
  for (let i = 0; i < RUNS; i++) {
    rmSync(location, { recursive: true, force: true });
    const c = await run(args, dir);
    cold.push(c.ms);
    coldCpu.push(c.cpuMs);
    writeFileSync(target, original.replace('discussion: |', `discussion: |\n  A line added in bench run ${i}.`));
    const w = await run(args, dir);
    warm.push(w.ms);
    warmCpu.push(w.cpuMs);
  }
  writeFileSync(target, original);
  // the pre-commit hook's case: one record of the repository, every other one read for the index
  const hookArgs = (cached: boolean) => [cli(), 'lint', corpusRecord(0).file, '--format', 'json', '-o', path.join(scratch, 'one.json'), ...(cached ? ['--cache', '--cache-location', location] : []), ...extra];
  await run(hookArgs(true), dir); // the cache holds this record's result too
  const hook = await alternate({ plain: hookArgs(false), cached: hookArgs(true) }, dir, RUNS);
  const c = median(cold);
  const w = median(warm);
  const [cc, wc] = [median(coldCpu), median(warmCpu)];
  console.log(
    `  --cache, one record of ${CORPUS} changed: warm ${secs(w)}, cold ${secs(c)} → ${(w / c).toFixed(2)}× (target ≤ 0.1×; median of ${RUNS}); CPU time warm ${secs(wc)}, cold ${secs(cc)} → ${(wc / cc).toFixed(2)}×`,
  );
  console.log(
    `  one record of ${CORPUS} (a pre-commit hook): ${secs(hook.plain.ms)} without the cache, ${secs(hook.cached.ms)} with it warm (init's hook uses --cache) → ${(hook.cached.ms / hook.plain.ms).toFixed(2)}× (median of ${RUNS})`,
  );
}
