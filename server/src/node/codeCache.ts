/**
 * Loading the CLI's bundle with V8's code cache (Node 20 has no module compile cache; Node 22's
 * module.enableCompileCache would do this). `npm run build` lints the samples once and saves
 * what V8 compiled for it beside the bundle (dist/cli-main.js.cache, scripts/build.mjs); each run
 * then starts from that instead of parsing and compiling the 1.8 MB bundle and every function the
 * checks call. V8 refuses a cache made by another Node version, with other flags, or for another
 * length of the bundle (the run then compiles as before), so the flags the CLI sets are set
 * before the bundle is compiled, in the run that makes the cache as in every run that uses it. V8
 * compares only the length of the text, so each build ends the bundle with an id of its own
 * (`//# careplan-build <uuid>`, scripts/build.mjs) and the cache starts with the id it was made
 * for: a cache of another build, of whatever length, is not used. (A hash of the text did the same
 * but cost a run about 23 ms, loading node:crypto and hashing 1.8 MB, of the 20 the cache saved.
 * What it does not catch, a hand edit of the bundle that keeps its length, no user makes.) The bundle
 * has no import(): a function compiled from the cache has no way to load a module dynamically
 * ("A dynamic import callback was not specified"), and Node's way round it is experimental.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { holdYoungGeneration, limitHeapGrowth } from './heapGrowth';

/** Where the cache of a bundle is kept: beside it. */
export const codeCacheOf = (bundle: string): string => `${bundle}.cache`;

/** The CLI's V8 settings (heapGrowth.ts), before anything is compiled. */
export function setCliFlags(): void {
  holdYoungGeneration();
  limitHeapGrowth();
}

/**
 * Runs a CommonJS bundle as `require` would, compiled from its code cache when V8 accepts it.
 * `script` can make a new cache once the run has compiled what it needs.
 */
export function loadBundle(bundle: string): { exports: unknown; script: Script; cacheRejected: boolean | undefined } {
  const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const id = buildIdOf(source);
  let cachedData: Buffer | undefined;
  try {
    const cache = id ? readFileSync(codeCacheOf(bundle)) : undefined;
    if (cache && id && cache.subarray(0, id.length).equals(id)) cachedData = cache.subarray(id.length);
  } catch {
    // no cache (a build from source, or a copied bundle): compiled as usual
  }
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

/** Saves what V8 has compiled of the bundle so far, for the build it was compiled from (none for a bundle with no build id). */
export function saveCodeCache(bundle: string, script: Script): void {
  const id = buildIdOf(readFileSync(bundle, 'utf8'));
  if (id) writeFileSync(codeCacheOf(bundle), Buffer.concat([id, script.createCachedData()]));
}

const BUILD_ID = '//# careplan-build ';

/** The build's id from the end of the bundle, as bytes; undefined when it has none. */
function buildIdOf(source: string): Buffer | undefined {
  const at = source.lastIndexOf(BUILD_ID);
  if (at === -1) return undefined;
  const id = source.slice(at + BUILD_ID.length).split('\n', 1)[0].trim();
  return id ? Buffer.from(`${id}\n`) : undefined;
}
