/**
 * The heap in use after full collections, for tests of what is kept in memory. gc() is made
 * available at run time (the same switch as --expose-gc, set on a fresh context), so mocha and
 * the probes need no flag.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Bytes of heap in use after two full collections. */
export function heapAfterGc(): number {
  // no options: the full collection that also gives memory back ({ type: 'major' } left 160 MB more here)
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
