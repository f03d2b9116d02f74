/**
 * `node dist/lsp-bench.js`: what the language server adds on top of the engine.
 *
 * For 1,000- and 5,000-line review records, each run types one character (an incremental
 * `didChange`) and times it until the publishDiagnostics for that version arrives from the real
 * bundled server over stdio. Beside it, in the same run and on the same text, the engine's own
 * `check` is timed in a worker thread (its own heap, so neither side's garbage collection lands
 * in the other's figures). Target: the server adds ≤ 10 %.
 *
 * The server also reports, through `$/logTrace`, its own time beyond the engine (from reading
 * the message to handing the diagnostics to the transport) and its engine time, so the table
 * shows where any difference comes from.
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../server/src/service';
import { generateReview } from '../support/generate';
import { applyEdits, LspClient, pathToUri, Transport } from '../support/lspClient';
import type { Diagnostic } from 'vscode-languageserver/node';
import { ECHO_FLAG, runEchoServer, transportFloor } from './transportFloor';
import { findGc } from '../../server/src/lsp/idleCollector';
import { SERVER_NODE_ARGS } from '../../shared/serverArgs';
import { benchChildren } from './children';
import { benchKeystroke } from './keystroke';
import { benchKeystrokeCpu } from './keystrokeCpu';
import { benchServerMemory } from './serverMemory';

const SIZES = (process.env.CAREPLAN_BENCH_SIZES ?? '1000,5000').split(',').map(Number);
const WARM_UP = 5;
const TODAY = '2025-11-01';

interface EngineRequest {
  uri: string;
  text: string;
}
interface EngineAnswer {
  ms: number;
  findings: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function runsFor(lines: number): number {
  return lines >= 5_000 ? 40 : 100;
}

/**
 * The engine alone: checks each text it is sent and answers with the time taken. With `tuned`,
 * it runs as the server does: the server's Node options, and young garbage collected after each
 * answer, outside the timings.
 */
function engineLoop(receive: (handler: (req: EngineRequest) => void) => void, reply: (a: EngineAnswer) => void, tuned: boolean): void {
  const engine = createEngine(createMemoryHost(['file:///bench/'], []));
  const config = applyConfig(defaultConfig(), { today: TODAY });
  const gc = tuned ? findGc() : undefined;
  receive(async (req) => {
    engine.index.set(req.uri, req.text);
    const t = performance.now();
    const result = await engine.check({ uri: req.uri, text: req.text }, config);
    reply({ ms: performance.now() - t, findings: result.findings.length });
    if (gc) setImmediate(() => gc({ type: 'minor' }));
  });
}

const TUNED_FLAG = '--engine-tuned';

/** The engine alone, in a worker thread (default Node options, as the CLI runs it) or, tuned, in a child process. */
class EngineRunner {
  private readonly worker?: Worker;
  private readonly child?: ChildProcess;
  private pending?: { resolve: (a: EngineAnswer) => void; reject: (e: Error) => void };

  constructor(tuned: boolean) {
    const answer = (a: EngineAnswer) => this.pending?.resolve(a);
    const fail = (e: Error) => this.pending?.reject(e);
    if (tuned) {
      this.child = fork(__filename, [TUNED_FLAG], { execArgv: [...SERVER_NODE_ARGS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      this.child.on('message', answer).on('error', fail);
    } else {
      this.worker = new Worker(__filename);
      this.worker.on('message', answer).on('error', fail);
    }
  }

  check(req: EngineRequest): Promise<EngineAnswer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      if (this.worker) this.worker.postMessage(req);
      else this.child!.send(req);
    });
  }
  async stop(): Promise<void> {
    await this.worker?.terminate();
    this.child?.kill();
  }
}

/** The cost of a message there and back with no work behind it: the floor of any LSP answer. */
async function rpcFloor(client: LspClient, idleMs = 0): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
    const t = performance.now();
    await client.request('careplan/benchPing', {}).catch(() => undefined);
    times.push(performance.now() - t);
  }
  return quantile(times.slice(10), 0.5);
}

const ms = (x: number, width: number, digits = 1) => x.toFixed(digits).padStart(width);
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  // `lsp-bench.js --keystroke-cpu`: that part alone
  if (process.argv.includes('--keystroke-cpu')) return benchKeystrokeCpu();
  // `lsp-bench.js --keystroke`: the keystroke latency alone
  if (process.argv.includes('--keystroke')) return benchKeystroke();
  // `lsp-bench.js --server-memory`: the server's peak memory against yaml-language-server's, alone
  if (process.argv.includes('--server-memory')) return benchServerMemory();
  const transports = (process.env.CAREPLAN_BENCH_TRANSPORT ?? 'ipc,stdio').split(',') as Transport[];
  for (const transport of transports) await benchTransport(transport);
  await benchWorkspacePass();
  await benchChildren();
  await benchKeystroke();
  await benchKeystrokeCpu();
  await benchServerMemory();
}

const PASS_RECORDS = 200;
const PASS_RECORD_LINES = 150;

/**
 * Opening a folder: how long until the Problems panel lists every record that is not open, beside
 * the engine checking the same records one after another. The server's time runs from the end of
 * `initialize` and includes finding, reading and indexing the files.
 */
async function benchWorkspacePass(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-bench-ws-'));
  writeFileSync(path.join(dir, '.careplan.yaml'), `today: ${TODAY}\n`);
  const texts = Array.from({ length: PASS_RECORDS }, (_, i) => generateReview(PASS_RECORD_LINES, 2000 + i));
  const uris = texts.map((text, i) => {
    const file = path.join(dir, `review-${i}.yaml`);
    writeFileSync(file, text);
    return pathToUri(file);
  });
  const engine = new EngineRunner(false);
  let engineMs = 0;
  for (let i = 0; i < texts.length; i++) engineMs += (await engine.check({ uri: uris[i], text: texts[i] })).ms;
  await engine.stop();
  const client = new LspClient({ transport: 'ipc' });
  try {
    await client.initialize(dir);
    const started = performance.now();
    await client.waitForEvery(uris, 120_000);
    const serverMs = performance.now() - started;
    const lines = texts.reduce((n, t) => n + t.split('\n').length - 1, 0);
    console.log('');
    console.log(`Opening a folder of ${PASS_RECORDS} closed records (${lines.toLocaleString('en-GB')} lines), over Node IPC:`);
    console.log(`  every record's diagnostics published ${(serverMs / 1000).toFixed(2)} s after initialize (scan, read, index and check;`);
    console.log('  background checks start once the client has been quiet for 0.4 s)');
    console.log(`  the engine alone, checking the same records one after another: ${(engineMs / 1000).toFixed(2)} s  → ${(serverMs / engineMs).toFixed(2)}×`);
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchTransport(transport: Transport): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-bench-'));
  writeFileSync(path.join(dir, '.careplan.yaml'), `today: ${TODAY}\n`);
  const client = new LspClient({ transport });
  const engine = new EngineRunner(false);
  const tuned = new EngineRunner(true);
  try {
    await client.initialize(dir, {}, 'verbose');
    console.log(`careplan language server benchmark over ${transport === 'ipc' ? 'Node IPC (as VS Code runs it)' : 'stdio (as Neovim, Emacs and Helix run it)'} — node ${process.version}, ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} CPUs`);
    console.log('One keystroke per run (incremental didChange) → publishDiagnostics for that version, vs the engine alone on the same text.');
    console.log('');
    const floor = await rpcFloor(client);
    const rows: { lines: number; runs: number; findings: number; em: number; ep: number; tm: number; sm: number; sp: number; paired: number; pairedTuned: number; floorMs: number; emptyFloorMs: number }[] = [];
    const splits: { lines: number; floorMs: number; toServer: number; own: number; engine: number; back: number; bytes: number }[] = [];
    for (const size of SIZES) {
      const uri = pathToUri(path.join(dir, `review-${size}.yaml`));
      // each record its own child: records of one child are checked together (the chronology),
      // and the engine beside the server sees one record only
      let text = generateReview(size, size).replace('child: CH-000123', `child: CH-${String(size).padStart(6, '0')}`);
      const lines = text.split('\n').length - 1;
      client.open(uri, text, 1);
      await client.diagnosticsFor(uri, 1, 60_000);
      const wall = new Map<number, { sent: number; received: number }>();
      const server: number[] = [];
      const own: number[] = [];
      const ownTuned: number[] = [];
      const measured: number[] = [];
      let findings = 0;
      let lastDiagnostics: Diagnostic[] = [];
      const runs = runsFor(size);
      for (let i = 0; i < WARM_UP + runs; i++) {
        // Type one character into the discussion, a different place each time.
        const at = { line: 12 + (i % 8), character: 2 };
        const edit = { range: { start: at, end: at }, newText: String.fromCharCode(97 + (i % 26)) };
        text = applyEdits(text, [edit]);
        const sent = performance.now();
        const version = client.edit(uri, [edit]);
        const published = await client.diagnosticsFor(uri, version, 60_000);
        const serverMs = published.at - sent;
        client.published.length = 0; // the client keeps only what it shows, as an editor does
        wall.set(version, { sent: performance.timeOrigin + sent, received: performance.timeOrigin + published.at });
        // The engine alone on the same text, while the server is idle, as it would be while the
        // author is between keystrokes.
        const answer = await engine.check({ uri, text });
        const answerTuned = await tuned.check({ uri, text });
        if (published.diagnostics.length !== answer.findings) {
          throw new Error(`server and engine disagree on version ${version}: ${published.diagnostics.length} vs ${answer.findings} findings`);
        }
        if (i < WARM_UP) continue;
        server.push(serverMs);
        own.push(answer.ms);
        ownTuned.push(answerTuned.ms);
        measured.push(version);
        findings = answer.findings;
        lastDiagnostics = published.diagnostics;
      }
      // The server's own account ($/logTrace, sent just after each publish); a round trip
      // first so the last one has arrived.
      await client.request('careplan/benchPing', {}).catch(() => undefined);
      const traced = measured.flatMap((v) => {
        const trace = client.traces.find((t) => t.startsWith(`checked ${uri} version ${v}:`));
        const m = trace ? / engine ([\d.]+) ms, server ([\d.]+) ms.*read at ([\d.]+), sent at ([\d.]+)/.exec(trace) : null;
        const w = wall.get(v);
        // Both processes read the same wall clock (timeOrigin + now), so the trip splits in two.
        return m && w ? [{ engine: Number(m[1]), server: Number(m[2]), toServer: Number(m[3]) - w.sent, back: w.received - Number(m[4]) }] : [];
      });
      const em = quantile(own, 0.5);
      const sm = quantile(server, 0.5);
      const paired = quantile(server.map((x, k) => x - own[k]), 0.5);
      const tm = quantile(ownTuned, 0.5);
      const pairedTuned = quantile(server.map((x, k) => x - ownTuned[k]), 0.5);
      const floorMs = await transportFloor(__filename, transport, lastDiagnostics, em, Math.min(runs, 40));
      // The same with nothing to send back: the cost of waking two processes at all.
      const emptyFloorMs = await transportFloor(__filename, transport, [], em, Math.min(runs, 40));
      rows.push({ lines, runs, findings, em, ep: quantile(own, 0.95), tm, sm, sp: quantile(server, 0.95), paired, pairedTuned, floorMs, emptyFloorMs });
      const med = (xs: number[]) => (xs.length ? quantile(xs, 0.5) : NaN);
      splits.push({
        lines,
        floorMs,
        toServer: med(traced.map((t) => t.toServer)),
        own: med(traced.map((t) => t.server)),
        engine: med(traced.map((t) => t.engine)),
        back: med(traced.map((t) => t.back)),
        bytes: JSON.stringify(lastDiagnostics).length,
      });
      client.close(uri);
    }
    console.log('                          engine alone          server: didChange→diagnostics   overhead');
    console.log('lines   runs  findings    median      p95       median      p95                 medians    p95s   per keystroke (paired)');
    for (const r of rows) {
      console.log(
        `${String(r.lines).padStart(5)}  ${String(r.runs).padStart(5)}  ${String(r.findings).padStart(8)}  ${ms(r.em, 6)} ms ${ms(r.ep, 6)} ms  ${ms(r.sm, 8)} ms ${ms(r.sp, 7)} ms  ${pct(r.sm, r.em).padStart(18)} ${pct(r.sp, r.ep).padStart(8)}   ${ms(r.paired, 5, 2)} ms = ${((r.paired / r.em) * 100).toFixed(1)} %`,
      );
    }
    console.log('');
    console.log('Against the engine alone tuned as the server runs (its Node options; young garbage collected after each');
    console.log('check, outside the timings), so no gain from the server\'s memory settings counts in its favour:');
    console.log('lines   engine alone, tuned   overhead: medians   per keystroke (paired)');
    for (const r of rows) {
      console.log(`${String(r.lines).padStart(5)}  ${ms(r.tm, 12)} ms   ${pct(r.sm, r.tm).padStart(17)}   ${ms(r.pairedTuned, 8, 2)} ms = ${((r.pairedTuned / r.tm) * 100).toFixed(1)} %`);
    }
    console.log('');
    console.log('Where the time beyond the engine goes (medians). Floor: what a stand-in server with no code of its own adds');
    console.log('for the same keystroke over the same transport, answering with the same diagnostics, or with none.');
    console.log('lines   diagnostics   floor, same          floor, no            didChange to   server\'s own   engine inside   diagnostics back');
    console.log('        as JSON       diagnostics          diagnostics          the server     code            the server      to the client');
    for (const sp of splits) {
      const r = rows.find((x) => x.lines === sp.lines)!;
      const share = (x: number) => `${ms(x, 5, 2)} ms = ${((x / r.em) * 100).toFixed(1).padStart(4)} %`;
      console.log(
        `${String(sp.lines).padStart(5)}  ${(sp.bytes / 1024).toFixed(0).padStart(6)} KB    ${share(sp.floorMs)}   ${share(r.emptyFloorMs)}   ${ms(sp.toServer, 6, 2)} ms  ${ms(sp.own, 10, 2)} ms  ${ms(sp.engine, 11, 1)} ms  ${ms(sp.back, 13, 2)} ms`,
      );
    }
    console.log('');
    console.log(`JSON-RPC round trip with no work behind it: median ${floor.toFixed(2)} ms.`);
    console.log('Overhead = (server − engine) / engine, from the medians and p95s of each side, and per keystroke from the');
    console.log('median difference between the two timings of the same text.');
    console.log('"Server\'s own code" runs from reading the didChange to handing the diagnostics to the transport, minus its');
    console.log('engine time (both reported by the server with $/logTrace). The server collects young garbage between');
    console.log('keystrokes; the engine alone pays for its garbage inside its own timings.');
    console.log(`Machine load during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`);
  } finally {
    await client.stop();
    await engine.stop();
    await tuned.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const echo = process.argv.indexOf(ECHO_FLAG);
if (echo >= 0) {
  runEchoServer(process.argv[echo + 1] === 'stdio' ? 'stdio' : 'ipc');
} else if (process.argv.includes(TUNED_FLAG)) {
  engineLoop((h) => process.on('message', h), (a) => process.send!(a), true);
} else if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  engineLoop((h) => parentPort!.on('message', h), (a) => parentPort!.postMessage(a), false);
}
