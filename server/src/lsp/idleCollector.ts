/**
 * Young-generation garbage collection between keystrokes.
 *
 * A check allocates megabytes of short-lived objects (the YAML tree, the validated value, the
 * findings). Left alone, V8 collects them when the young generation fills up, which is most
 * often in the middle of a later check, so every few keystrokes one of them waits a few
 * milliseconds more. Collecting right after the diagnostics have gone out moves that pause
 * to the time between keystrokes, when nothing is waiting on the server. Only when the young
 * generation is nearly full, though: then V8 would collect during the next check or two anyway,
 * and doing it early costs little. Collecting after every keystroke cost 10-15 % of the server's
 * CPU per keystroke and bought no p95 (`lsp-bench.js --keystroke-cpu` and `--keystroke`).
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options: { type: 'minor' | 'major' }) => void;

/** Below this the collection would cost more than it saves. */
const WORTH_COLLECTING_BYTES = 2 * 1024 * 1024;
/** How full the young generation must be: a collection V8 would soon make anyway. */
const WORTH_COLLECTING_FILL = 0.75;

/**
 * V8's `gc()`: the global one when Node was started with `--expose-gc`, otherwise made
 * available at run time (the same switch, set on a fresh context), so the server gets it
 * however an editor starts it.
 */
export function findGc(): Gc | undefined {
  const global = (globalThis as { gc?: Gc }).gc;
  if (typeof global === 'function') return global;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as Gc) : undefined;
  } catch {
    return undefined;
  }
}

/** The young generation's bytes in use and its present size. */
export interface YoungGeneration {
  used: number;
  size: number;
}

function youngGeneration(): YoungGeneration {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return { used: space?.space_used_size ?? 0, size: space?.space_size ?? 0 };
}

export interface IdleCollector {
  /** Collects the young generation once pending I/O has been handled, unless `busy()` by then. */
  collectSoon(busy: () => boolean): void;
  /** How many collections it has run (for tests). */
  readonly collections: number;
}

export function createIdleCollector(gc: Gc | undefined = findGc(), young: () => YoungGeneration = youngGeneration): IdleCollector {
  let scheduled = false;
  let collections = 0;
  return {
    collectSoon(busy) {
      if (!gc || scheduled) return;
      scheduled = true;
      // setImmediate runs after the diagnostics have been written and after any message that
      // arrived meanwhile has been read, so a waiting keystroke is seen by `busy()` first.
      setImmediate(() => {
        scheduled = false;
        if (busy()) return;
        const { used, size } = young();
        if (used < WORTH_COLLECTING_BYTES || used < WORTH_COLLECTING_FILL * size) return;
        gc({ type: 'minor' });
        collections++;
      });
    },
    get collections() {
      return collections;
    },
  };
}
