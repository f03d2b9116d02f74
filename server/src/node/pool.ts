/**
 * Checking files on every core: worker threads (node:worker_threads, no library needed for a
 * fixed set of long-lived workers fed in order), each with its own engine over the same index,
 * and the main thread checking beside them (it would otherwise only wait: one thread fewer to
 * start, and one engine's memory fewer). The index is built once on the main thread and handed
 * to each worker as it starts; files go out in runs of neighbouring paths (a child's records sit
 * together, so a thread reads a child's other records once), the next run to whichever thread is
 * free; results come back in the order the files were given, whatever order the threads finish in.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { IndexedDocument } from '../service';
import type { CheckedFile, FileTask } from './checkFile';
import { holdYoungGeneration, WORKER_YOUNG_GENERATION_MB, youngGenerationHeld } from './heapGrowth';

/** `--concurrency`: a number of worker threads, `auto`, or `off` (check on the main thread). */
export type Concurrency = number | 'auto' | 'off';

/**
 * Below this many files per worker, starting a worker (loading careplan again, receiving the
 * index) costs more than it saves: ESLint settled on 50 for the same reason, and a pre-commit
 * hook's handful of files never pays for a pool.
 */
export const FILES_PER_WORKER = 50;

/** What every worker starts from. */
export interface WorkerInit {
  /** The root as given (the disk's root, which references may not leave). */
  givenRoot: string;
  /** Its real path (how the engine names the workspace). */
  root: string;
  configFile?: string;
  /** The index of every record, in path order. */
  entries: IndexedDocument[];
  /** Whether to hold the young generation (heapGrowth.ts), as the CLI's main thread does. */
  holdYoungGeneration?: boolean;
}

/** A run of files; each names its config by its place in the run's list (sent once, not with every file). */
export type WorkerRequest = { id: number; tasks: { file: string; config: number; kindHint?: FileTask['kindHint'] }[]; configs?: FileTask['config'][] };
export type WorkerReply = { id: number; results: CheckedFile[] } | { id: number; error: string };

/** How many workers to start for this many files: 0 means check them on the main thread. */
export function workerCount(concurrency: Concurrency, files: number): number {
  if (concurrency === 'off') return 0;
  const wanted = concurrency === 'auto' ? Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)) : Math.min(concurrency, files);
  return wanted >= 2 || (concurrency !== 'auto' && wanted >= 1) ? wanted : 0;
}

/** The worker's script beside the running bundle; none when running from source (then no pool). */
export function workerScript(): string | undefined {
  const script = path.join(__dirname, 'worker.js');
  return __filename.endsWith('.js') && existsSync(script) ? script : undefined;
}

/**
 * Runs of neighbouring files: small enough to keep every worker busy to the end, and ended where
 * a folder ends when one does soon (a child's records, which read each other, stay on one worker).
 */
function runsOf(tasks: readonly FileTask[], workers: number): FileTask[][] {
  const size = Math.max(1, Math.min(32, Math.ceil(tasks.length / (workers * 16))));
  const runs: FileTask[][] = [];
  let run: FileTask[] = [];
  for (const task of tasks) {
    const last = run[run.length - 1];
    if (last && run.length >= size && (path.dirname(task.file) !== path.dirname(last.file) || run.length >= 4 * size)) {
      runs.push(run);
      run = [];
    }
    run.push(task);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** A run as sent to a worker: the configs it has not had yet travel with it, the files name theirs by number. */
function request(id: number, run: readonly FileTask[], sent: Map<FileTask['config'], number>): WorkerRequest {
  const configs: FileTask['config'][] = [];
  const tasks = run.map(({ file, config, kindHint }) => {
    let n = sent.get(config);
    if (n === undefined) {
      sent.set(config, (n = sent.size));
      configs.push(config);
    }
    return { file, config: n, ...(kindHint ? { kindHint } : {}) };
  });
  return { id, tasks, ...(configs.length ? { configs } : {}) };
}

/** Checks a file on the main thread (the same checker a worker has). */
export type CheckHere = (task: FileTask) => Promise<CheckedFile>;

/**
 * Checks the files on `threads` threads: the main thread (`here`) and `threads - 1` workers, or
 * `threads` workers when no `here` is given. `emit` gets each result in the order of `tasks`, as
 * soon as every earlier one is in (so a caller can write it and let it go).
 */
export async function lintOnWorkers(
  script: string,
  tasks: readonly FileTask[],
  init: WorkerInit,
  threads: number,
  emit: (checked: CheckedFile) => void,
  here?: CheckHere,
): Promise<void> {
  const runs = runsOf(tasks, threads);
  const done = new Map<number, CheckedFile[]>();
  let nextToEmit = 0;
  let nextToSend = 0;
  let stopped = false;
  const finished = (id: number, results: CheckedFile[]) => {
    if (stopped) return;
    done.set(id, results);
    for (let ready = done.get(nextToEmit); ready; ready = done.get(nextToEmit)) {
      done.delete(nextToEmit++);
      for (const r of ready) emit(r);
    }
  };
  const workers = Math.max(0, Math.min(here ? threads - 1 : threads, runs.length - (here ? 1 : 0)));
  const held = youngGenerationHeld();
  // required here, not at the top: a lint of a file or two (a pre-commit hook) never loads it
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const pool = Array.from({ length: workers }, () => new Worker(script, { workerData: { ...init, holdYoungGeneration: held }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
  // a worker's start undid the CLI's young-generation setting (heapGrowth.ts): said again
  if (held) holdYoungGeneration();
  // the configs each worker has been sent, by their number
  const known = new Map(pool.map((w) => [w, new Map<FileTask['config'], number>()]));
  const onWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (stopped || nextToSend >= runs.length) return resolve();
        const id = nextToSend++;
        worker.postMessage(request(id, runs[id], known.get(worker)!));
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('error' in reply) return reject(new Error(reply.error));
        finished(reply.id, reply.results);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`a careplan worker stopped (exit code ${code})`)));
      send();
    });
  const onMainThread = async (check: CheckHere) => {
    while (!stopped && nextToSend < runs.length) {
      const id = nextToSend++;
      const results: CheckedFile[] = [];
      for (const task of runs[id]) {
        results.push(await check(task));
        // the disk is read synchronously, so nothing here yields: a worker done with its run
        // would wait for the whole of this one before it is heard and given the next
        await new Promise(setImmediate);
      }
      finished(id, results);
    }
  };
  try {
    await Promise.all([...pool.map(onWorker), ...(here ? [onMainThread(here)] : [])]);
  } catch (err) {
    stopped = true;
    throw err;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
