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
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../server/src/service';
import { generateReview } from '../support/generate';
import { applyEdits, LspClient, pathToUri } from '../support/lspClient';

const SIZES = [1_000, 5_000];
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

/** The worker: checks each text it is sent and answers with the time taken. */
function engineWorker(): void {
  const engine = createEngine(createMemoryHost(['file:///bench/'], []));
  const config = applyConfig(defaultConfig(), { today: TODAY });
  parentPort!.on('message', async (req: EngineRequest) => {
    engine.index.set(req.uri, req.text);
    const t = performance.now();
    const result = await engine.check({ uri: req.uri, text: req.text }, config);
    parentPort!.postMessage({ ms: performance.now() - t, findings: result.findings.length } satisfies EngineAnswer);
  });
}

class EngineThread {
  private readonly worker = new Worker(__filename);
  private pending?: { resolve: (a: EngineAnswer) => void; reject: (e: Error) => void };

  constructor() {
    this.worker.on('message', (a: EngineAnswer) => this.pending?.resolve(a));
    this.worker.on('error', (e) => this.pending?.reject(e));
  }

  check(req: EngineRequest): Promise<EngineAnswer> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(req);
    });
  }
  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

/** The cost of a message there and back with no work behind it: the floor of any LSP answer. */
async function rpcFloor(client: LspClient): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await client.request('careplan/benchPing', {}).catch(() => undefined);
    times.push(performance.now() - t);
  }
  return quantile(times.slice(10), 0.5);
}

const ms = (x: number, width: number, digits = 1) => x.toFixed(digits).padStart(width);
const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-bench-'));
  writeFileSync(path.join(dir, '.careplan.yaml'), `today: ${TODAY}\n`);
  const client = new LspClient();
  const engine = new EngineThread();
  try {
    await client.initialize(dir, {}, 'verbose');
    console.log(`careplan language server benchmark — node ${process.version}, ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} CPUs`);
    console.log('One keystroke per run (incremental didChange) → publishDiagnostics for that version, vs the engine alone on the same text.');
    console.log('');
    console.log('                            engine (worker)        server (didChange→diagnostics)    overhead          inside the server');
    console.log('lines   runs  findings      median      p95         median      p95               median     p95    beyond engine  engine');
    const floor = await rpcFloor(client);
    const splits: { lines: number; toServer: number; back: number }[] = [];
    for (const size of SIZES) {
      const uri = pathToUri(path.join(dir, `review-${size}.yaml`));
      let text = generateReview(size, size);
      const lines = text.split('\n').length - 1;
      client.open(uri, text, 1);
      await client.diagnosticsFor(uri, 1, 60_000);
      const wall = new Map<number, { sent: number; received: number }>();
      const server: number[] = [];
      const own: number[] = [];
      const measured: number[] = [];
      let findings = 0;
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
        wall.set(version, { sent: performance.timeOrigin + sent, received: performance.timeOrigin + published.at });
        const alone = await engine.check({ uri, text });
        if (published.diagnostics.length !== alone.findings) {
          throw new Error(`server and engine disagree on version ${version}: ${published.diagnostics.length} vs ${alone.findings} findings`);
        }
        if (i < WARM_UP) continue;
        server.push(serverMs);
        own.push(alone.ms);
        measured.push(version);
        findings = alone.findings;
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
      splits.push({
        lines,
        toServer: quantile(traced.map((t) => t.toServer), 0.5),
        back: quantile(traced.map((t) => t.back), 0.5),
      });
      const em = quantile(own, 0.5);
      const ep = quantile(own, 0.95);
      const sm = quantile(server, 0.5);
      const sp = quantile(server, 0.95);
      const beyond = traced.length ? `${ms(quantile(traced.map((t) => t.server), 0.5), 6, 2)} ms` : '      —';
      const inside = traced.length ? `${ms(quantile(traced.map((t) => t.engine), 0.5), 6)} ms` : '';
      console.log(
        `${String(lines).padStart(5)}  ${String(runs).padStart(5)}  ${String(findings).padStart(8)}  ${ms(em, 8)} ms ${ms(ep, 7)} ms  ${ms(sm, 8)} ms ${ms(sp, 7)} ms  ${pct(sm, em).padStart(15)} ${pct(sp, ep).padStart(8)}    ${beyond}  ${inside}`,
      );
      client.close(uri);
    }
    console.log('');
    console.log(`JSON-RPC round trip with no work behind it: median ${floor.toFixed(2)} ms.`);
    for (const sp of splits) {
      console.log(`${sp.lines} lines, outside the server's clock (medians): didChange to the server ${sp.toServer.toFixed(2)} ms; diagnostics back to the client ${sp.back.toFixed(2)} ms.`);
    }
    console.log('Overhead = (server − engine) / engine: transport both ways, applying the edit, scheduling, converting findings');
    console.log('to diagnostics and (de)serialising them. "Beyond engine" is the server\'s own time from reading the didChange to');
    console.log('handing the diagnostics to the transport, minus its engine time (both reported by the server with $/logTrace).');
    console.log(`Machine load during the run: ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.`);
  } finally {
    await client.stop();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  engineWorker();
}
