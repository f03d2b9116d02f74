#!/usr/bin/env node
/**
 * `careplan` (dist/cli.js): sets how V8 grows the heap, then loads the CLI's bundle
 * (dist/cli-main.js) from its code cache and runs it. The settings must come before the bundle:
 * V8 reads the growth factor each time it would grow the main thread's semi-spaces, but set once
 * the bundle is loaded it no longer held them (tried: they still reached 16 MiB each); and the
 * code cache is accepted only with the flags it was made with (codeCache.ts). So this file stays
 * tiny.
 *
 * The main thread's semi-spaces stay at the few MiB V8 starts with; each worker starts with, and
 * keeps, 8 MiB ones (pool.ts caps it there too). A check's parse is short-lived garbage, so a
 * larger young generation bought little: 8,000 records on 2 threads peaked 223 -> 178 MiB, one
 * thread on 2,000 records 147 -> 101 MiB (CPU within this machine's noise: see the commit).
 */
import * as path from 'node:path';
import { loadBundle, setCliFlags } from './node/codeCache';

setCliFlags();

// a path esbuild leaves alone: the bundle beside this file, loaded only now
const cli = loadBundle(path.join(__dirname, 'cli-main.js')).exports as { main(argv: string[]): Promise<void> };
void cli.main(process.argv);
