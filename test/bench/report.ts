/**
 * `careplan report` against `careplan lint` on the same generated workspace (issue 12): 10,000
 * children with 5 records each (a care plan, two reviews, two supervision records: 50,000
 * records), each command in its own process, alternating, medians of RUNS. Prints the ratio of
 * wall time and of CPU time (all threads; the fairer figure on a machine shared with other work)
 * — target: report under 2× lint — and each command's peak memory (resident set), at a fifth of
 * the children and at all of them, so the growth of the report's memory over lint's can be set
 * against the number of rows.
 *   CAREPLAN_BENCH_REPORT_CHILDREN (default 10000)   CAREPLAN_BENCH_REPORT_RUNS (default 1: each command takes minutes at full size)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { childRecords } from './children';

const CHILDREN = Number(process.env.CAREPLAN_BENCH_REPORT_CHILDREN ?? 10_000);
const RUNS = Number(process.env.CAREPLAN_BENCH_REPORT_RUNS ?? 1);
const CLI = path.resolve(__dirname, '../../dist/cli.js');
/** Of each generated child's year, the five records kept: 50,000 records for 10,000 children. */
const KEEP = ['care-plan.yaml', 'review-1.yaml', 'review-2.yaml', 'supervision-1.yaml', 'supervision-2.yaml'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function generate(dir: string, children: number): number {
  let records = 0;
  writeFileSync(path.join(dir, '.careplan.yaml'), 'root: true\ntoday: 2025-11-01\n');
  for (let i = 0; i < children; i++) {
    const folder = path.join(dir, `child-${i}`);
    mkdirSync(folder);
    const files = childRecords(i);
    for (const name of KEEP) {
      writeFileSync(path.join(folder, name), files[name]!);
      records++;
    }
  }
  return records;
}

interface Measured {
  ms: number;
  /** CPU time of the process, every thread (lint's workers too), in ms. */
  cpuMs: number;
  peakMb: number;
}

/** Runs the CLI in a fresh process; wall time, CPU time and peak resident memory (reported by the process itself at exit). */
function measure(args: string[], dir: string, scratch: string): Measured {
  const peakFile = path.join(scratch, 'peak');
  const preload = path.join(scratch, 'peak.cjs');
  writeFileSync(preload, `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(peakFile)}, [u.maxRSS, u.userCPUTime + u.systemCPUTime].join(' ')); });\n`);
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=4096', '-r', preload, CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`careplan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rssKb, cpuUs] = readFileSync(peakFile, 'utf8').split(' ').map(Number);
  return { ms, cpuMs: cpuUs! / 1000, peakMb: rssKb! / 1024 };
}

function compare(children: number, runs: number): { lint: Measured; report: Measured; records: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-report-bench-'));
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'careplan-report-bench-out-'));
  try {
    const records = generate(dir, children);
    const lint: Measured[] = [];
    const report: Measured[] = [];
    for (let run = 0; run < runs; run++) {
      lint.push(measure(['lint', '.', '--format', 'json', '-o', path.join(scratch, 'lint.json')], dir, scratch));
      report.push(measure(['report', '.', '--format', 'json', '-o', path.join(scratch, 'report.json')], dir, scratch));
    }
    const rows = JSON.parse(readFileSync(path.join(scratch, 'report.json'), 'utf8')).rows.length;
    if (rows !== children) throw new Error(`the report has ${rows} rows for ${children} children`);
    return {
      records,
      lint: { ms: median(lint.map((m) => m.ms)), cpuMs: median(lint.map((m) => m.cpuMs)), peakMb: median(lint.map((m) => m.peakMb)) },
      report: { ms: median(report.map((m) => m.ms)), cpuMs: median(report.map((m) => m.cpuMs)), peakMb: median(report.map((m) => m.peakMb)) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

function main(): void {
  const small = Math.max(1, Math.floor(CHILDREN / 5));
  console.log('');
  console.log(`careplan report vs careplan lint on the same generated records (median of ${RUNS}, alternating, each in its own process):`);
  const few = compare(small, RUNS);
  const all = compare(CHILDREN, RUNS);
  for (const [n, m] of [[small, few], [CHILDREN, all]] as const) {
    console.log(
      `  ${String(n).padStart(6)} children, ${m.records} records: lint ${(m.lint.ms / 1000).toFixed(1)} s (CPU ${(m.lint.cpuMs / 1000).toFixed(1)} s), ${m.lint.peakMb.toFixed(0)} MB peak; ` +
        `report ${(m.report.ms / 1000).toFixed(1)} s (CPU ${(m.report.cpuMs / 1000).toFixed(1)} s), ${m.report.peakMb.toFixed(0)} MB peak → ` +
        `report/lint: wall ${(m.report.ms / m.lint.ms).toFixed(2)}×, CPU ${(m.report.cpuMs / m.lint.cpuMs).toFixed(2)}× (target < 2×)`,
    );
  }
  const extraFew = few.report.peakMb - few.lint.peakMb;
  const extraAll = all.report.peakMb - all.lint.peakMb;
  const perChild = ((extraAll - extraFew) * 1024) / (CHILDREN - small);
  console.log(
    `  report's peak memory over lint's: ${extraFew.toFixed(0)} MB at ${small} children, ${extraAll.toFixed(0)} MB at ${CHILDREN} → ${perChild.toFixed(1)} KB per added child (a row and 5 records' facts)`,
  );
}

main();
