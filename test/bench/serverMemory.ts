/**
 * The language server's memory against yaml-language-server's (issue 15: peak RSS at 20,000 lines
 * after 20 edits ≤ 1.0× YLS's).
 *
 * For each record size, careplan's bundled server (with the Node options it really runs with) and
 * yaml-language-server (validating against the review schema, so both check the structure of the
 * same text) are each started fresh over stdio, open the record, take 20 keystrokes (one character
 * each, a key at most every 100 ms, each waited on until its diagnostics are published), then shut
 * down cleanly; each process reports its own peak resident set (maxRSS) at exit through a
 * preloaded module. Medians of RUNS runs, the two servers alternating which goes first.
 *   CAREPLAN_BENCH_SERVER_MEMORY_SIZES (default 1000,20000)   CAREPLAN_BENCH_SERVER_MEMORY_RUNS (default 3)
 *   CAREPLAN_BENCH_SERVER_MEMORY_DETAIL=1: also the peak V8 heap, its young generation and off-heap memory, sampled every 20 ms
 *   CAREPLAN_BENCH_SERVER_MEMORY_NODE_ARGS="...": careplan's server started with these Node options instead of its own (to try one)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_ARGS } from '../../shared/serverArgs';
import { generateReview } from '../support/generate';
import { LspClient, pathToUri, SERVER } from '../support/lspClient';

const SIZES = (process.env.CAREPLAN_BENCH_SERVER_MEMORY_SIZES ?? '1000,20000').split(',').map(Number);
const RUNS = Number(process.env.CAREPLAN_BENCH_SERVER_MEMORY_RUNS ?? 3);
const DETAIL = process.env.CAREPLAN_BENCH_SERVER_MEMORY_DETAIL === '1';
const CAREPLAN_NODE_ARGS = process.env.CAREPLAN_BENCH_SERVER_MEMORY_NODE_ARGS?.split(' ').filter(Boolean) ?? SERVER_NODE_ARGS;
const EDITS = 20;
const PACE_MS = 100;
/** yaml-language-server validates a document this long after its last change (its validationDelayMs). */
const YLS_DELAY_MS = 200;
const TIMEOUT_MS = 120_000;
const TODAY = '2025-11-01';

/** The repository, from test/bench (under tsx) or from dist/ (in the bundled benchmark). */
const ROOT = [path.join(__dirname, '..'), path.join(__dirname, '..', '..')].find((p) => existsSync(path.join(p, 'schemas', 'review.schema.json')))!;
const YLS_PACKAGE = path.join(ROOT, 'node_modules', 'yaml-language-server');
const YLS_BIN = path.join(YLS_PACKAGE, 'bin', 'yaml-language-server');

type Server = 'careplan' | 'yls';

interface Measured {
  /** Peak resident set of the server process, MiB. */
  peakMb: number;
  /** Keystroke → its diagnostics, median, ms. */
  latencyMs: number;
  /** With DETAIL: peak V8 heap (total, used), its young generation's size and off-heap (external + array buffers), MiB. */
  heap?: Heap;
}

interface Heap {
  total: number;
  used: number;
  young: number;
  external: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (bytes: number) => bytes / 1024 / 1024;

/** A module preloaded into each server: writes its peak RSS (and, with DETAIL, peak heap) to `out` at exit. */
function preloadSource(out: string): string {
  const sample = DETAIL
    ? `const peak = { total: 0, used: 0, young: 0, external: 0 };
const v8 = require('v8');
const sample = () => {
  const m = process.memoryUsage();
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  peak.total = Math.max(peak.total, m.heapTotal); peak.used = Math.max(peak.used, m.heapUsed);
  peak.young = Math.max(peak.young, young ? young.space_size : 0); peak.external = Math.max(peak.external, m.external + m.arrayBuffers);
};
setInterval(sample, 20).unref();`
    : 'const peak = undefined; const sample = () => {};';
  return `${sample}
process.on('exit', () => { sample(); require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, heap: peak })); });
`;
}

/** yaml-language-server's settings: the review schema for review files, no schema store or CRD catalogue (no network). */
function ylsSettings(): Record<string, unknown> {
  return {
    validate: true,
    hover: true,
    completion: true,
    schemas: { [pathToFileURL(path.join(ROOT, 'schemas', 'review.schema.json')).href]: ['review-*.yaml'] },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
}

/** A client for `server`, started with the preload; resolves once the server has its settings. */
async function start(server: Server, dir: string, preload: string): Promise<LspClient> {
  if (server === 'careplan') {
    const client = new LspClient({ argv: [...CAREPLAN_NODE_ARGS, '-r', preload, SERVER, '--stdio'] });
    await client.initialize(dir);
    return client;
  }
  let pulled!: () => void;
  const configured = new Promise<void>((resolve) => (pulled = resolve));
  const yaml = ylsSettings();
  const sections = {
    get yaml() {
      pulled();
      return yaml;
    },
  };
  const client = new LspClient({ argv: ['-r', preload, YLS_BIN, '--stdio'], sections });
  await client.initialize(dir);
  // As an editor does when settings change: YLS then asks for them (workspace/configuration).
  void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await configured;
  // One round trip, so the settings answer has been read and applied before the record opens.
  await client.request('textDocument/foldingRange', { textDocument: { uri: pathToUri(path.join(dir, 'none.yaml')) } }).catch(() => undefined);
  return client;
}

/** Shuts the server down as an editor does and waits for the process to exit. */
async function shutDown(client: LspClient): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (client.proc.exitCode !== null) resolve();
    else client.proc.once('exit', () => resolve());
  });
  await client.request('shutdown', null);
  // A server may already be on its way out after shutdown; the exit notification is then moot.
  client.connection.sendNotification('exit').catch(() => undefined);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
  const how = await Promise.race([exited, timeout]);
  client.connection.dispose();
  if (how === 'timeout') {
    client.proc.kill();
    throw new Error('the server did not exit within 10 s of shutdown and exit');
  }
  if (client.proc.exitCode !== 0) throw new Error(`the server exited with ${client.proc.exitCode ?? client.proc.signalCode} after shutdown and exit`);
}

/** The diagnostics for `version` of `uri`: careplan's carry the version; YLS's do not, so its first published after `from`. */
function nextDiagnostics(client: LspClient, server: Server, uri: string, version: number, from: number) {
  return client.waitFor((p) => p.uri === uri && (server === 'yls' || p.version === version), TIMEOUT_MS, from);
}

/** One server, one record: open, 20 keystrokes, shut down; its peak RSS and keystroke latency. */
async function measure(server: Server, lines: number, scratch: string): Promise<Measured> {
  const dir = mkdtempSync(path.join(scratch, `${server}-`));
  writeFileSync(path.join(dir, '.careplan.yaml'), `today: ${TODAY}\n`);
  const file = path.join(dir, `review-${lines}.yaml`);
  const record = generateReview(lines, lines);
  writeFileSync(file, record);
  const uri = pathToUri(file);
  const out = path.join(scratch, `${server}-peak.json`);
  const preload = path.join(scratch, `${server}-preload.js`);
  writeFileSync(preload, preloadSource(out));
  rmSync(out, { force: true });
  const client = await start(server, dir, preload);
  // A server that dies mid-run fails the run with its log, not the benchmark with a write to a closed pipe.
  client.proc.stdin!.on('error', () => undefined);
  try {
    client.open(uri, record, 1);
    await nextDiagnostics(client, server, uri, 1, 0);
    // Type at the end of a line of the discussion, as an author adds to the minutes.
    const at = { line: 14, character: record.split('\n')[14]!.length };
    const latencies: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      const from = client.published.length;
      const sent = performance.now();
      const version = client.edit(uri, [{ range: { start: at, end: at }, newText: String.fromCharCode(97 + (i % 26)) }]);
      at.character += 1;
      const published = await nextDiagnostics(client, server, uri, version, from);
      latencies.push(published.at - sent);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, PACE_MS - (performance.now() - sent))));
    }
    client.published.length = 0;
    await shutDown(client);
    const reported = JSON.parse(readFileSync(out, 'utf8')) as { maxRssKb: number; heap?: Heap };
    const h = reported.heap;
    const heap = h && { total: mib(h.total), used: mib(h.used), young: mib(h.young), external: mib(h.external) };
    return { peakMb: reported.maxRssKb / 1024, latencyMs: median(latencies), heap };
  } catch (err) {
    const exit = client.proc.exitCode ?? client.proc.signalCode;
    if (exit === null) await client.stop();
    else client.connection.dispose();
    throw new Error(`${server} at ${lines} lines: ${(err as Error).message}; the server ${exit === null ? 'was running' : `exited (${exit})`}; its log: ${client.logs.join('').slice(-2000)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails unless yaml-language-server, set up as in the runs, reports a field the review schema does not allow. */
async function checkYlsValidates(scratch: string): Promise<void> {
  const dir = mkdtempSync(path.join(scratch, 'probe-'));
  const uri = pathToUri(path.join(dir, 'review-probe.yaml'));
  const client = await start('yls', dir, path.join(scratch, 'none.js'));
  try {
    client.open(uri, `${generateReview(30)}not_a_review_field: 1\n`, 1);
    const published = await nextDiagnostics(client, 'yls', uri, 1, 0);
    if (!published.diagnostics.some((d) => /not_a_review_field/.test(d.message))) {
      throw new Error(`yaml-language-server did not validate against the review schema: ${JSON.stringify(published.diagnostics)}`);
    }
  } finally {
    await client.stop();
  }
}

export async function benchServerMemory(): Promise<void> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'careplan-memory-bench-'));
  writeFileSync(path.join(scratch, 'none.js'), '');
  try {
    await checkYlsValidates(scratch);
    console.log('');
    console.log(`Language server memory vs yaml-language-server ${ylsVersion()} (review schema), over stdio: open a record, ${EDITS} keystrokes`);
    console.log(`(a key at most every ${PACE_MS} ms, each waited on until its diagnostics arrive), clean shutdown; peak RSS of the server process,`);
    console.log(`median${RUNS === 1 ? '' : 's'} of ${RUNS} fresh run${RUNS === 1 ? '' : 's'}. careplan runs with ${CAREPLAN_NODE_ARGS.join(' ') || 'no Node options'}. Target: ≤ 1.0× at 20,000 lines.`);
    for (const size of SIZES) {
      const runs: Record<Server, Measured[]> = { careplan: [], yls: [] };
      for (let r = 0; r < RUNS; r++) {
        for (const server of r % 2 ? (['yls', 'careplan'] as const) : (['careplan', 'yls'] as const)) runs[server].push(await measure(server, size, scratch));
      }
      const c = summarise(runs.careplan);
      const y = summarise(runs.yls);
      const lines = generateReview(size, size).split('\n').length - 1;
      console.log(
        `  ${lines.toLocaleString('en-GB').padStart(6)} lines: careplan ${c.peakMb.toFixed(0).padStart(4)} MiB, yaml-language-server ${y.peakMb.toFixed(0).padStart(4)} MiB → ${(c.peakMb / y.peakMb).toFixed(2)}×` +
          `   keystroke → diagnostics: careplan ${c.latencyMs.toFixed(0)} ms, YLS ${y.latencyMs.toFixed(0)} ms (${YLS_DELAY_MS} ms of it its validation delay)`,
      );
      if (DETAIL) {
        for (const server of ['careplan', 'yls'] as const) {
          const h = summarise(runs[server]).heap!;
          const each = runs[server].map((m) => m.peakMb.toFixed(0)).join(', ');
          console.log(`      ${server.padEnd(8)} peak V8 heap ${h.total.toFixed(0)} MiB (used ${h.used.toFixed(0)}, young generation ${h.young.toFixed(0)}), off-heap ${h.external.toFixed(0)} MiB; peak RSS of each run ${each} MiB`);
        }
      }
    }
    console.log(`Machine load during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function summarise(runs: Measured[]): Measured {
  const heaps = runs.flatMap((m) => (m.heap ? [m.heap] : []));
  return {
    peakMb: median(runs.map((m) => m.peakMb)),
    latencyMs: median(runs.map((m) => m.latencyMs)),
    heap: heaps.length ? { total: median(heaps.map((h) => h.total)), used: median(heaps.map((h) => h.used)), young: median(heaps.map((h) => h.young)), external: median(heaps.map((h) => h.external)) } : undefined,
  };
}

function ylsVersion(): string {
  return (JSON.parse(readFileSync(path.join(YLS_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
}
