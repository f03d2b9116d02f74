/**
 * The CLI half of the fuzz: a batch of records written to a temp folder, `dist/cli.js lint
 * --format json` run over it as a child process, and its report compared with what the engine
 * gave for the same bytes. The child runs while the main thread exercises the next batch.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FORMATTERS } from '../../server/src/formatters';
const json = FORMATTERS.json;
import type { LintResult } from '../../server/src/node/lint';
import { RULE_INFO } from '../../server/src/service';

export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** A batch that has not finished in this long is killed and reported as a hang. */
const KILL_AFTER_MS = 120_000;

export interface BatchDir {
  dir: string;
  /** File name of record i in the batch. */
  fileOf(index: number): string;
}

export function newBatchDir(today: string): BatchDir {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careplan-fuzz-')));
  writeFileSync(path.join(dir, '.careplan.yaml'), `today: ${today}\n`);
  return { dir, fileOf: (i) => path.join(dir, 'records', `r-${i}.yaml`) };
}

export function writeRecord(batch: BatchDir, index: number, text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  mkdirSync(path.dirname(batch.fileOf(index)), { recursive: true });
  writeFileSync(batch.fileOf(index), bytes);
  return bytes;
}

export interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  killed: boolean;
}

export function runCli(batch: BatchDir): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const out = path.join(batch.dir, 'report.json');
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'lint', 'records', '--format', 'json', '--root', batch.dir, '-o', out], { cwd: batch.dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => ((killed = true), child.kill('SIGKILL')), KILL_AFTER_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = existsSync(out) ? readFileSync(out, 'utf8') : '';
      resolve({ exitCode: code, stdout, stderr, ms: performance.now() - t0, killed });
    });
  });
}

export function removeBatch(batch: BatchDir): void {
  rmSync(batch.dir, { recursive: true, force: true });
}

/** The engine's results in the CLI's JSON shape, through the CLI's own formatter. */
export function expectedJson(results: LintResult[]): unknown[] {
  const kept = results.filter((r) => r.kind !== undefined || r.findings.length > 0).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const ctx = { cwd: '/', color: false, rules: RULE_INFO, ruleHelp: () => undefined, version: '0' };
  return JSON.parse(json(kept, ctx));
}

/** What differs between the CLI's report and the engine's, file by file (empty when equal). */
export function compareReports(cli: unknown[], expected: unknown[]): { file: string; detail: string }[] {
  cli = cli.map(sortRelated);
  expected = expected.map(sortRelated);
  const key = (x: unknown) => (x as { filePath: string }).filePath;
  const got = new Map(cli.map((x) => [key(x), x]));
  const want = new Map(expected.map((x) => [key(x), x]));
  const out: { file: string; detail: string }[] = [];
  for (const [file, w] of want) {
    const g = got.get(file);
    if (!g) out.push({ file, detail: 'the CLI did not report this file' });
    else if (JSON.stringify(g) !== JSON.stringify(w)) out.push({ file, detail: firstDifference(g, w) });
  }
  for (const file of got.keys()) if (!want.has(file)) out.push({ file, detail: 'the CLI reported a file the engine did not' });
  return out;
}

/**
 * The CLI indexes files in the order their reads finish, so `related` of a duplicate id lists
 * the other documents in a different order from run to run (reported as a bug); compare as sets.
 */
function sortRelated(file: unknown): unknown {
  const f = file as { findings?: { related?: { uri: string }[] }[] };
  for (const x of f.findings ?? []) x.related?.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return file;
}

const TOO_DEEP = /nested too deeply/;

function firstDifference(got: unknown, want: unknown): string {
  // Where the parser runs out of stack varies with V8's state, so these differ by the run (reported as a bug); one kind of failure.
  if (TOO_DEEP.test(JSON.stringify(got)) || TOO_DEEP.test(JSON.stringify(want))) return `deep nesting :: the findings differ: ${diffPath(got, want, '')}`;
  const where = diffPath(got, want, '');
  const g = (got as { findings?: unknown[] }).findings?.length;
  const w = (want as { findings?: unknown[] }).findings?.length;
  return `${where} (${g} findings from the CLI, ${w} from the engine)`;
}

/** The first place two JSON values differ, as `path: CLI … / engine …`. */
function diffPath(a: unknown, b: unknown, at: string): string {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (JSON.stringify(x) !== JSON.stringify(y)) return diffPath(x, y, `${at}/${k}`);
    }
  }
  return `${at || '/'}: CLI ${JSON.stringify(a)?.slice(0, 250)} / engine ${JSON.stringify(b)?.slice(0, 250)}`;
}
