/**
 * A call that never returns cannot be timed from the thread it blocks. This worker watches a
 * heartbeat the main thread bumps around every call; if it stops for `limitMs`, the worker
 * writes which record hung (its seed and index rebuild it) and kills the process.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const beat = new Int32Array(workerData.shared);
let last = -1, since = Date.now();
setInterval(() => {
  const now = Atomics.load(beat, 0);
  if (now !== last) { last = now; since = Date.now(); return; }
  if (Date.now() - since < workerData.limitMs) return;
  const index = Atomics.load(beat, 1);
  const note = { check: 'hang', detail: 'no progress for ' + workerData.limitMs + ' ms (the process was killed)', seed: workerData.seed, index, reproduce: workerData.reproduce.replace('INDEX', index) };
  fs.mkdirSync(workerData.dir, { recursive: true });
  fs.writeFileSync(workerData.dir + '/' + workerData.tool + '-hang-seed' + workerData.seed + '-r' + index + '.killed.json', JSON.stringify(note, null, 2) + '\\n');
  fs.writeSync(2, '\\nHANG: ' + JSON.stringify(note) + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 250);
`;

export class Watchdog {
  private beat = new Int32Array(new SharedArrayBuffer(8));
  private worker: Worker;

  constructor(options: { dir: string; tool: string; seed: number; limitMs: number; reproduce: string }) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { ...options, shared: this.beat.buffer } });
    this.worker.unref();
  }

  /** Progress on record `index`. */
  tick(index: number): void {
    Atomics.store(this.beat, 1, index);
    Atomics.add(this.beat, 0, 1);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
