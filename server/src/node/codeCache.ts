/**
 * Loading the CLI's bundle with V8's code cache (Node 20 has no module compile cache; Node 22's
 * module.enableCompileCache would do this). `npm run build` lints the samples once and saves
 * what V8 compiled for it beside the bundle (dist/cli-main.js.cache, scripts/build.mjs); each run
 * then starts from that instead of parsing and compiling the 1.8 MB bundle and every function the
 * checks call. V8 refuses a cache made by another Node version, with other flags, or for another
 * length of the bundle (the run then compiles as before), so the flags the CLI sets are set
 * before the bundle is compiled, in the run that makes the cache as in every run that uses it. V8
 * compares only the length of the text, so the cache starts with the SHA-256 of the text it was
 * made for, and a cache of another text (a rebuild of the same length) is not used. The bundle
 * has no import(): a function compiled from the cache has no way to load a module dynamically
 * ("A dynamic import callback was not specified"), and Node's way round it is experimental.
 */
import { createHash } from 'node:crypto';
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
  const hash = hashOf(source);
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(codeCacheOf(bundle));
    if (cache.subarray(0, hash.length).equals(hash)) cachedData = cache.subarray(hash.length);
  } catch {
    // no cache (a build from source, or a copied bundle): compiled as usual
  }
  const script = new Script(wrap(source), { filename: bundle, cachedData });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  return { exports: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected : undefined };
}

/** Saves what V8 has compiled of the bundle so far, for the text it was compiled from. */
export function saveCodeCache(bundle: string, script: Script): void {
  const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  writeFileSync(codeCacheOf(bundle), Buffer.concat([hashOf(source), script.createCachedData()]));
}

const hashOf = (source: string): Buffer => createHash('sha256').update(source).digest();
