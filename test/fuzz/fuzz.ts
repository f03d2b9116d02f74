/**
 * `npm run fuzz -- --count N --seed S [--from F] [--batch B] [--only I] [--out DIR]`
 *
 * Records from corpus.ts go, a batch at a time, through the engine and every editor feature
 * (exercise.ts) and through the CLI as a child process (cliBatch.ts), whose JSON report must
 * equal the engine's. Checks: no exception, no call over 1 s, every range inside its document,
 * CLI JSON valid and equal, exit code never 2. Failures are saved under --out; the summary
 * ends the run, and the exit code is 1 when anything failed.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../server/src/service';
import type { Finding } from '../../server/src/service';
import { decodeText, fileFinding } from '../../server/src/node/readText';
import type { LintResult } from '../../server/src/node/lint';
import { intFlag, parseFlags } from './args';
import { BatchDir, compareReports, expectedJson, newBatchDir, removeBatch, runCli, writeRecord, type CliRun } from './cliBatch';
import { FuzzRecord, recordAt } from './corpus';
import { exercise, HANG_MS, timeByCall, type Slowest } from './exercise';
import { CHECKS, FailureLog } from './failures';
import { Watchdog } from './watchdog';
import { yamlSamples } from '../support/mutants';

export const TODAY = '2025-11-01';
export const DEFAULT_OUT = path.join(__dirname, '..', '..', '.fuzz-failures');

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Records per CLI run. */
  batch?: number;
  /** Only this record (to reproduce a failure). */
  only?: number;
  /**
   * The first record (default 0): `--from 38600 --count 100 --batch 100` rebuilds the batch a
   * cross-record failure came from, and a long run stopped by its time limit can be continued.
   */
  from?: number;
  out?: string;
  /** Stop after this many minutes, reporting the records done (for long runs on slow machines). */
  timeLimitMin?: number;
  /** Set to stop after the current batch (Ctrl-C). */
  stop?: { requested: boolean };
  /** A call blocked this long kills the run (a hang the 1 s timer cannot see end). */
  watchdogMs?: number;
  log?: (line: string) => void;
}

export interface FuzzSummary {
  records: number;
  /** Records asked for, when the run stopped early. */
  asked: number;
  seed: number;
  calls: number;
  cliBatches: number;
  counts: FailureLog['counts'];
  failures: number;
  examples: string[];
  ms: number;
  slowest: Slowest;
  slowestCli: { ms: number; batch: number };
  out: string;
}

interface Pending {
  batch: BatchDir;
  first: number;
  records: Map<string, FuzzRecord>;
  expected: unknown[];
  run: Promise<CliRun>;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzSummary> {
  const log = o.log ?? (() => {});
  const out = o.out ?? DEFAULT_OUT;
  const batchSize = o.batch ?? 50;
  const indices = o.only !== undefined ? [o.only] : Array.from({ length: o.count }, (_, i) => (o.from ?? 0) + i);
  const failures = new FailureLog(out, 'fuzz', o.seed, (i) => `npm run fuzz -- --seed ${o.seed} --only ${i}`);
  const watchdog = new Watchdog({ dir: out, tool: 'fuzz', seed: o.seed, limitMs: o.watchdogMs ?? 60_000, reproduce: `npm run fuzz -- --seed ${o.seed} --only INDEX` });
  const config = applyConfig(defaultConfig(), { today: TODAY });
  // The yaml parser builds an Error per problem deep in its recursion; mocha and tsx raise the
  // stack trace limit, which would make deep mutants spend seconds on stacks the CLI never takes.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  await warmUp(config);
  const t0 = performance.now();
  let calls = 0;
  let cliBatches = 0;
  let slowest: Slowest = { ms: 0, what: '', label: '' };
  const slowestCli = { ms: 0, batch: -1 };
  let pending: Pending | undefined;
  let done = 0;
  const deadline = o.timeLimitMin ? t0 + o.timeLimitMin * 60_000 : Infinity;

  const settle = async (p: Pending) => {
    const run = await p.run;
    cliBatches++;
    if (run.ms > slowestCli.ms) Object.assign(slowestCli, { ms: run.ms, batch: p.first });
    const first = p.records.values().next().value as FuzzRecord;
    const whole = { index: first.index, label: `batch from #${p.first} (${p.records.size} records)`, text: '' };
    if (run.killed) failures.add('hang', `the CLI did not finish within 120 s: ${run.stderr.slice(0, 300)}`, whole, p.batch.dir);
    if (run.exitCode === 2) failures.add('cli-exit-2', `exit 2: ${run.stderr.slice(0, 500)}`, whole, p.batch.dir);
    else if (!run.killed && run.ms > Math.max(10_000, HANG_MS * p.records.size)) failures.add('hang', `the CLI took ${Math.round(run.ms)} ms for ${p.records.size} records`, whole, p.batch.dir);
    let report: unknown[] | undefined;
    try {
      report = JSON.parse(run.stdout);
      if (!Array.isArray(report)) throw new Error('not an array');
    } catch (err) {
      if (!run.killed && run.exitCode !== 2) failures.add('cli-json', `invalid JSON (${(err as Error).message}): ${run.stdout.slice(0, 200)}`, whole, p.batch.dir);
    }
    if (report) {
      for (const d of compareReports(report, p.expected)) {
        // The other records of the batch can matter (a child's other records): say how to rebuild it.
        const batchRun = `(the batch: npm run fuzz -- --seed ${o.seed} --from ${p.first} --count ${p.records.size} --batch ${p.records.size})`;
        failures.add('cli-mismatch', `${d.detail} ${batchRun}`, p.records.get(d.file) ?? whole, p.batch.dir);
      }
      const errors = report.some((f) => (f as { errorCount: number }).errorCount > 0);
      if (run.exitCode !== 2 && run.exitCode !== (errors ? 1 : 0)) failures.add('cli-mismatch', `exit ${run.exitCode} with ${errors ? 'errors' : 'no errors'} in the report`, whole, p.batch.dir);
    }
    removeBatch(p.batch);
  };

  try {
    for (let b = 0; b < indices.length && !o.stop?.requested && performance.now() < deadline; b += batchSize) {
      const records = indices.slice(b, b + batchSize).map((i) => recordAt(o.seed, i));
      const batch = newBatchDir(TODAY);
      const root = URI.file(batch.dir).toString() + '/';
      const uriOf = (r: FuzzRecord) => URI.file(batch.fileOf(r.index)).toString();
      // The engine sees the batch as the CLI will: the bytes on disk, decoded the same way.
      const decoded = records.map((r) => decodeText(writeRecord(batch, r.index, r.text)));
      // Its host reads the other records as the CLI's does (the chronology's rules look at a child's
      // other records); without their texts it saw only the records checked before each one.
      const texts = new Map(records.flatMap((r, k) => (decoded[k].ok ? [[uriOf(r), (decoded[k] as { text: string }).text] as const] : [])));
      const engine = createEngine(createMemoryHost([root], records.map(uriOf), texts));
      // Indexed in path order, as the CLI indexes (the order of a duplicate id's related list).
      for (const [uri, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) engine.index.set(uri, text);
      const results: LintResult[] = [];
      for (const [k, r] of records.entries()) {
        const ex = await exercise(uriOf(r), r.text, r.label, r.index ^ o.seed, { engine, config, today: TODAY, roots: [root], tick: () => watchdog.tick(r.index) });
        calls += ex.calls;
        if (ex.slowest.ms > slowest.ms) slowest = ex.slowest;
        for (const p of ex.problems) failures.add(p.check, p.detail, r);
        const d = decoded[k];
        let findings: Finding[] | undefined;
        let kind = undefined as LintResult['kind'];
        if (!d.ok) findings = [fileFinding(d.reason)];
        else {
          // The text on disk differs from the buffer when it had lone surrogates; check what the CLI reads.
          let res: Awaited<ReturnType<typeof engine.check>> | undefined;
          if (d.text !== r.text || !ex.findings) {
            try {
              res = await engine.check({ uri: uriOf(r), text: d.text }, config);
            } catch (err) {
              failures.add('exception', `engine.check of the text as read from disk threw: ${((err as Error)?.stack ?? String(err)).split('\n').slice(0, 6).join('\n')}`, { ...r, text: d.text });
            }
          }
          findings = res ? res.findings : (ex.findings ?? []);
          kind = res ? res.kind : ex.kind;
        }
        results.push({ filePath: batch.fileOf(r.index), kind, findings });
      }
      if (pending) await settle(pending);
      pending = { batch, first: records[0].index, records: new Map(records.map((r) => [batch.fileOf(r.index), r])), expected: expectedJson(results), run: runCli(batch) };
      done = Math.min(b + batchSize, indices.length);
      if (done % (batchSize * 20) === 0 || done === indices.length) log(`${done}/${indices.length} records, ${failures.total} failures, ${Math.round((performance.now() - t0) / 1000)} s`);
    }
    if (pending) await settle(pending);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    await watchdog.stop();
  }
  return {
    records: done,
    asked: indices.length,
    seed: o.seed,
    calls,
    cliBatches,
    counts: failures.counts,
    failures: failures.total,
    examples: failures.examples,
    ms: performance.now() - t0,
    slowest,
    slowestCli,
    out,
  };
}

/**
 * The first check in a process loads the schemas, the date and language data: seconds that are
 * not a hang. Run each sample once, untimed, before the clock starts.
 */
async function warmUp(config: ReturnType<typeof defaultConfig>): Promise<void> {
  const engine = createEngine(createMemoryHost(['file:///warm/'], []));
  for (const [i, s] of yamlSamples().entries()) {
    await exercise(`file:///warm/${i}.yaml`, s.text, s.rel, i, { engine, config, today: TODAY, roots: ['file:///warm/'], tick: () => {} });
  }
}

export function formatSummary(s: FuzzSummary): string {
  const lines = [
    `fuzz: ${s.records} records${s.records < s.asked ? ` (stopped early, of ${s.asked})` : ''} (seed ${s.seed}), ${s.calls} engine/feature calls, ${s.cliBatches} CLI runs, ${(s.ms / 1000).toFixed(1)} s`,
    ...CHECKS.filter((c) => !['server-exit', 'rss'].includes(c)).map((c) => `  ${c.padEnd(13)} ${s.counts[c]}`),
    `  slowest call: ${s.slowest.what} ${Math.round(s.slowest.ms)} ms on ${s.slowest.label.slice(0, 160)}`,
    `  time by call: ${[...timeByCall].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`,
    `  slowest CLI run: ${Math.round(s.slowestCli.ms)} ms (batch from #${s.slowestCli.batch})`,
    s.failures ? `FAILED: ${s.failures} failures; reproductions in ${s.out}` : 'OK: no failures',
    ...s.examples.map((e) => '  - ' + e.replace(/\n/g, '\n    ')),
  ];
  return lines.join('\n');
}

if (require.main === module) {
  const flags = parseFlags(process.argv.slice(2));
  const only = flags.has('only') ? intFlag(flags, 'only', 0) : undefined;
  const stop = { requested: false };
  process.on('SIGINT', () => ((stop.requested = true), console.log('stopping after this batch…')));
  process.on('SIGTERM', () => (stop.requested = true));
  runFuzz({
    stop,
    timeLimitMin: flags.has('time-limit') ? intFlag(flags, 'time-limit', 0) : undefined,
    count: intFlag(flags, 'count', 1000),
    seed: intFlag(flags, 'seed', 1),
    batch: intFlag(flags, 'batch', 50),
    only,
    from: flags.has('from') ? intFlag(flags, 'from', 0) : undefined,
    out: flags.get('out'),
    log: (l) => console.log(l),
  }).then(
    (s) => {
      console.log(formatSummary(s));
      process.exitCode = s.failures ? 1 : 0;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
