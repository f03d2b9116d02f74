/**
 * How far V8 lets the heap grow past what survived a full collection: 1.5x, not its default of
 * up to about 4x. careplan keeps little (the index; one parse per open record) but allocates fast
 * (every parse), so with the default the heap filled with garbage before it was collected:
 *  - the CLI: 8,000 records on 2 threads peaked at 480 MiB, now about 295 (+3% CPU);
 *  - the language server, 20,000-line record after 20 edits: 315 MiB against
 *    yaml-language-server's 240, now about 218 (npm run bench, "server memory").
 * Set in the process, not as a Node option, so every way of starting careplan gets it (stdio
 * editors run the bin with no options), and worker threads share it.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * A CLI worker's young generation: V8's default lets each thread's grow to two 16 MiB
 * semi-spaces, which a check's short-lived parse never needs. A worker is given 8 MiB ones as it
 * starts (cliStart.ts: V8's minimum) and held there (pool.ts: resourceLimits, in which the
 * large-object part counts too: 3 x 8 MiB): 16 MiB less on each worker for a few percent more
 * scavenging.
 */
export const WORKER_SEMI_SPACE_MB = 8;
export const WORKER_YOUNG_GENERATION_MB = 3 * WORKER_SEMI_SPACE_MB;

/**
 * The CLI's young generation (cliStart.ts): V8 grows no semi-space from now on, and a worker's
 * start at WORKER_SEMI_SPACE_MB. Said again once workers are made (pool.ts) and by each worker
 * (worker.ts): without that, the main thread's semi-spaces grew to 16 MiB again once a worker
 * had started.
 */
export function holdYoungGeneration(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
  (globalThis as Record<symbol, unknown>)[HELD] = true;
}

// on the global object: dist/cli.js and the bundle it loads each have their own copy of this module
const HELD = Symbol.for('careplan.youngGenerationHeld');

/** Whether this process holds its young generation (the CLI does; tests calling lintPaths and the server do not). */
export function youngGenerationHeld(): boolean {
  return (globalThis as Record<symbol, unknown>)[HELD] === true;
}
