/**
 * Complexity as a ratio of two sizes, never an absolute time (these machines are noisy): the
 * same work on 10k and on 100k characters, best of three rounds each, taken again when noisy.
 * Linear work gives about 10, n log n about 12, quadratic about 100. The limit was 15 until a
 * clean-clone run, on a machine busy with other work, measured a linear scan at ×16 (2026-12-07):
 * 20 still fails anything quadratic by a factor of five.
 */
import { findGc } from '../../server/src/lsp/idleCollector';

export const LINEAR_LIMIT = 20;

/** V8's collector, made available at run time as the server does (idleCollector.ts). */
const gc = findGc();

/**
 * Best of three rounds of `reps` runs, in milliseconds. Each round starts with the young
 * generation collected, so garbage left by the round before (or by earlier tests) is not
 * collected inside this round's timing: a clean-clone run measured lineRange, which is linear,
 * at ×38 late in the suite (2026-12-07, again).
 */
export function bestTime(run: () => unknown, reps = 1): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    gc?.({ type: 'minor' });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export interface RatioOptions {
  /** At most this many runs of a size in one timed round. */
  maxReps?: number;
  /** Stop retrying once the ratio is at most this. */
  limit?: number;
  /** The small and the large size. */
  sizes?: readonly [number, number];
  /**
   * Time rounds that do the same work if the work is linear (the small size runs as many times
   * more as it is smaller), for work that is mostly allocation: a clean-clone run measured such a
   * scan (lineRange) at ×33 late in the suite (2026-12-07), where with hundreds of MiB of earlier
   * tests on the heap each young-generation collection cost more and only the large size's rounds
   * allocated enough to need several. It doubles the time of a test whose runs are long, so it is
   * not the default.
   */
  equalWork?: boolean;
}

/**
 * The ratio of the large size's time to the small one's, per run, from `make(length)` (which
 * builds the input outside the timing). Both sizes run once first, so neither is timed while
 * compiling; the runs are repeated until a round takes a measurable time; up to three attempts.
 */
export function sizeRatio(make: (length: number) => () => unknown, options: RatioOptions = {}): { ratio: number; detail: string } {
  const { maxReps = 50, limit = LINEAR_LIMIT, sizes = [10_000, 100_000], equalWork = false } = options;
  const small = make(sizes[0]);
  const large = make(sizes[1]);
  large();
  small();
  const factor = equalWork ? Math.max(1, Math.round(sizes[1] / sizes[0])) : 1;
  // equal work: enough large runs for 50 ms, and `factor` times as many small ones; else enough small runs for 10 ms
  const reps = equalWork ? Math.max(1, Math.min(maxReps, Math.ceil(50 / Math.max(bestTime(large), 0.01)))) : Math.max(1, Math.min(maxReps, Math.ceil(10 / Math.max(bestTime(small), 0.01))));
  let ratio = Infinity;
  let detail = '';
  for (let attempt = 0; attempt < 3 && ratio > limit; attempt++) {
    const a = bestTime(small, reps * factor) / factor;
    const b = bestTime(large, reps);
    ratio = b / Math.max(a, 0.05);
    detail = `${a.toFixed(1)} ms → ${b.toFixed(1)} ms (×${ratio.toFixed(0)})`;
  }
  return { ratio, detail };
}
