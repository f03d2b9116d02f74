import * as path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { IndexedDocument } from '../service';
import { Disk, DiskCalls, isNodeDisk, isUnder, nodeDiskCallsSync } from './disk';
import { DecodedText, decodeText, fileFinding, readTextFile, unreadablePlaceReason } from './readText';
import { findYamlFiles, Skipped } from './findFiles';
import { ConfigResolver, type LoadedConfig } from './loadConfig';
import { createChecker, type CheckedFile, factsOfText, FileTask, fingerprint, indexEntry, type LintResult } from './checkFile';
import { Concurrency, lintOnWorkers, workerCount, workerScript } from './pool';
import { type CacheOptions, type KnownFile, ResultCache } from './cache';
import { lstatSync } from 'node:fs';
import { filesOfShard, reportsSkipped, type Shard } from './shard';
import { existsInside } from './fsHost';
import { OrderedOutput } from './orderedOutput';
import { todayIso, type RawConfig, type ResolvedConfig } from '../service';

export type { LintResult } from './checkFile';
export type { Concurrency } from './pool';

export interface LintOptions {
  root: string;
  configFile?: string;
  overrides?: RawConfig;
  /** The system calls to make (tests record them); the real file system by default. */
  calls?: DiskCalls;
  /** Accept a path or glob that matches nothing (by default it stops the run: it is usually a typo). */
  allowUnmatched?: boolean;
  /**
   * Check this text instead of the paths (an editor or a hook piping a buffer): checked as if it
   * were the file `filename` (its config, kind and place among the other records), which it replaces.
   */
  stdin?: { bytes: Uint8Array; filename?: string };
  /** Apply the safe quick fixes: 'write' saves each fixed file, 'dry-run' only reports the fixed text. */
  fix?: 'write' | 'dry-run';
  /** Worker threads to check on (default 'auto': every core once there are enough files; see pool.ts). */
  concurrency?: Concurrency;
  /** Check only this part of the files (the whole workspace is still indexed); see shard.ts. */
  shard?: Shard;
  /** Reuse the results of records nothing has changed for (see cache.ts); `onSaveError` hears why it could not be written. */
  cache?: CacheOptions & { onSaveError?: (message: string) => void };
  /**
   * Each result in the report's order, as soon as it and every earlier one are known; they are
   * then not kept (lintPaths returns none), so memory does not grow with the number of records.
   */
  onResult?: (result: LintResult) => void;
}

/** The name a piped text is reported under when it is given none. */
export const STDIN_NAME = '<stdin>';

/** The workspace root cannot be used (it does not exist, or is not a folder): a usage error. */
export class RootError extends Error {}

/** A path or glob on the command line matches nothing: a usage error, as in ESLint. */
export class UnmatchedError extends Error {
  constructor(readonly args: readonly string[]) {
    super(
      `${args.length === 1 ? `'${args[0]}' matches` : `${args.map((a) => `'${a}'`).join(', ')} match`} no file or folder — check the spelling, or pass --no-error-on-unmatched-pattern to allow it.`,
    );
  }
}

/** The config that applies to a file, as lint would use it (for --print-config). */
export async function configFor(file: string, options: LintOptions): Promise<LoadedConfig> {
  const configFile = options.configFile && path.resolve(options.configFile);
  const disk = new Disk([options.root], options.calls ?? nodeDiskCallsSync, configFile ? [configFile] : []);
  const root = await realRoot(disk, options.root);
  const place = await disk.locate(file);
  if (place.kind === 'outside') throw new RootError(`${file} is outside the workspace root ${root} — give --root the folder that holds it.`);
  const real = place.kind === 'file' || place.kind === 'directory' ? place.real : file;
  return new ConfigResolver(disk, root, configFile, options.overrides).forFile(real);
}

/** Lints files, folders or globs with the shared engine; the CLI's whole job minus printing. */
export async function lintPaths(args: readonly string[], options: LintOptions): Promise<LintResult[]> {
  const calls = options.calls ?? nodeDiskCallsSync;
  const configFile = options.configFile && path.resolve(options.configFile);
  const disk = new Disk([options.root], calls, configFile ? [configFile] : []);
  const root = await realRoot(disk, options.root);
  const resolver = new ConfigResolver(disk, root, configFile, options.overrides);
  const rootConfig = await resolver.forFolder(root);

  // Index every document under the root first, so ids in closed files resolve; indexed in path
  // order (not as the reads finish): a duplicate id's related list follows it. Only the index
  // entries are kept, not the texts.
  const workspace = await findYamlFiles(disk, root, rootConfig.config.ignore);
  const files = [...workspace.files].sort();
  // the cache is used with the real file system only (its metadata comes from lstat)
  const cache = options.cache && !options.fix && !options.stdin && isNodeDisk(calls) ? new ResultCache(options.cache, todayIso()) : undefined;
  const read = new ReadFiles(cache);
  const entries = await read.index(disk, files);

  if (options.stdin) {
    const file = path.resolve(options.stdin.filename ?? path.join(root, STDIN_NAME));
    if (!isUnder(file, root) && !isUnder(file, path.resolve(options.root))) throw new RootError(`--stdin-filename ${file} is outside the workspace root ${root} — give --root the folder that holds it.`);
    const decoded = decodeText(options.stdin.bytes);
    const checker = createChecker(disk, root, new Map([[file, decoded]]));
    for (const entry of entries) checker.engine.index.put(entry);
    if (decoded.ok) checker.engine.index.set(URI.file(file).toString(), decoded.text);
    const { config, kindHint } = await resolver.forFile(file);
    const { result } = await checker.check({ file, config, kindHint }, decoded, options.fix && 'dry-run');
    const shown = result.kind !== undefined || result.findings.length > 0 ? [result] : [];
    if (!options.onResult) return shown;
    shown.forEach(options.onResult);
    return [];
  }

  const targets = await selectTargets(disk, args, workspace.files, workspace.skipped);
  if (targets.unmatched.length && !options.allowUnmatched) throw new UnmatchedError(targets.unmatched);
  // a file named on the command line that the listing leaves out (ignored) is indexed too, before any check
  const listed = new Set(files);
  const unlisted = targets.files.filter((f) => !listed.has(f));
  entries.push(...(await read.index(disk, unlisted)));
  const chosen = options.shard ? filesOfShard(targets.files, (f) => read.sizes.get(f) ?? 0, options.shard) : targets.files;
  const tasks: FileTask[] = [];
  // one object per distinct config (the resolver makes one per file): held once, sent to a worker once
  const configs = new Map<string, ResolvedConfig>();
  for (const file of chosen) {
    const loaded = await resolver.forFile(file);
    const key = JSON.stringify(loaded.config);
    let config = configs.get(key);
    if (!config) configs.set(key, (config = loaded.config));
    tasks.push({ file, config, kindHint: loaded.kindHint });
  }

  // Results in the order of the tasks: those the cache still holds first, then the rest as checked.
  const kept: LintResult[] = [];
  const skipped = reportsSkipped(options.shard) ? targets.skipped.map((s): LintResult => ({ filePath: s.path, kind: undefined, findings: [fileFinding(s.reason)] })) : [];
  const output = new OrderedOutput(tasks.length, skipped, options.onResult ?? ((r) => kept.push(r)));
  cache?.useWorkspace(read.seen, entries, (f) => read.hashes.get(f));
  // the main thread's checker, made when first needed (a warm run may check nothing)
  let checker: ReturnType<typeof createChecker> | undefined;
  const mainChecker = () => {
    if (checker) return checker;
    checker = createChecker(disk, root);
    for (const entry of entries) checker.engine.index.put(entry);
    return checker;
  };
  // a changed record's facts, for the records that read them: parsed by the checker that may check it next
  const factsNow = async (file: string, uri: string) => {
    const decoded = await readTextFile(disk, file);
    return factsOfText(mainChecker().engine.parse, uri, decoded?.ok ? decoded.text : undefined);
  };
  const keys: (string | undefined)[] = [];
  const toCheck: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const key = cache?.keyOf(tasks[i], URI.file(tasks[i].file).toString());
    const hit = key !== undefined ? await cache!.get(tasks[i].file, key, (uri) => existsInside(disk, uri), factsNow) : undefined;
    keys[i] = key;
    if (hit) output.put(i, hit);
    else toCheck.push(i);
  }
  let next = 0;
  const checked = (file: CheckedFile) => {
    const i = toCheck[next++];
    output.put(i, file.result);
    if (keys[i] !== undefined) cache!.set(keys[i]!, file);
  };
  const checking = toCheck.map((i) => tasks[i]);
  const threads = isNodeDisk(calls) && !options.fix ? workerCount(options.concurrency ?? 'auto', checking.length) : 0;
  const script = threads > 1 ? workerScript() : undefined;
  if (checking.length) {
    const checker = mainChecker();
    const here = (task: FileTask) => checker.check(task, undefined, options.fix);
    if (script) await lintOnWorkers(script, checking, { givenRoot: path.resolve(options.root), root, configFile, entries }, threads, checked, here);
    else for (const task of checking) checked(await here(task));
  }
  if (cache) {
    const present = new Set([...files, ...unlisted]);
    try {
      cache.save((f) => present.has(f));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EEXIST' || code === 'ENOTDIR' ? 'part of that path is a file, not a folder' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
      options.cache?.onSaveError?.(`the cache could not be written to ${options.cache.location} (${why}); the next run checks every record again.`);
    }
  }
  output.finish();
  return kept;
}

/**
 * A file's size, modification and change times and inode, as a string; undefined when it is not
 * a plain file now (then it is read through the disk module, which says why not). The file is a
 * real path the search found inside the root, and lstat follows no link. Synchronous, as the
 * CLI's other reads are (disk.ts, nodeDiskCallsSync).
 */
function metadataOf(file: string): string | undefined {
  try {
    const st = lstatSync(file);
    return st.isFile() ? `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads in flight at once, for disk calls that wait (a test's stand-in, or the asynchronous calls):
 * enough to keep the disk busy, few enough that texts do not pile up. The CLI's own calls are
 * synchronous (disk.ts), so for it the readers simply take turns.
 */
const READS_AT_ONCE = 32;

/**
 * The files read for the index, and what is kept of each: its size (for --shard) and, with
 * --cache, its text's hash and metadata. With --cache, a file whose metadata is as the last run
 * saw it is not read again: what was read from it then is used.
 */
class ReadFiles {
  readonly sizes = new Map<string, number>();
  readonly hashes = new Map<string, string>();
  readonly seen: Record<string, KnownFile> = Object.create(null);

  constructor(private readonly cache: ResultCache | undefined) {}

  /** The index entries of these files, in their order (unreadable files and non-records have none). */
  async index(disk: Disk, files: readonly string[]): Promise<IndexedDocument[]> {
    const found: (IndexedDocument | undefined)[] = new Array(files.length);
    let next = 0;
    const reader = async () => {
      for (let i = next++; i < files.length; i = next++) {
        const file = files[i];
        const meta = this.cache ? metadataOf(file) : undefined;
        const known = meta !== undefined ? this.cache!.known(file, meta) : undefined;
        if (known) {
          this.sizes.set(file, known.length);
          this.hashes.set(file, known.hash);
          this.seen[file] = known;
          found[i] = known.entry ?? undefined;
          continue;
        }
        const decoded = await readTextFile(disk, file);
        found[i] = indexEntry(file, decoded);
        if (!decoded?.ok) continue;
        this.sizes.set(file, decoded.text.length);
        if (!this.cache) continue;
        const hash = fingerprint(decoded.text) + (decoded.note ? '!' : '');
        this.hashes.set(file, hash);
        if (meta !== undefined) this.seen[file] = { meta, entry: found[i] ?? null, hash, length: decoded.text.length };
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, files.length) }, reader));
    return found.filter((e): e is IndexedDocument => e !== undefined);
  }
}

/** The root's real path, or a RootError saying what is wrong with it. */
async function realRoot(disk: Disk, given: string): Promise<string> {
  const [real] = await disk.realRoots();
  if (real) return real;
  const place = await disk.rootProblem(given);
  const shown = path.resolve(given);
  if (place === 'missing') throw new RootError(`the workspace root ${shown} does not exist — give --root a folder that holds the records.`);
  if (place === 'not-folder') throw new RootError(`the workspace root ${shown} is a file, not a folder — give --root the folder that holds the records.`);
  throw new RootError(`the workspace root ${shown} cannot be opened (${place}).`);
}

/**
 * The files the arguments name: a file itself (even when ignored), the records found under a
 * folder, or the records a glob matches. Nothing outside the root is looked at: such an
 * argument is reported instead.
 */
async function selectTargets(
  disk: Disk,
  args: readonly string[],
  found: readonly string[],
  skippedInRoot: readonly Skipped[],
): Promise<{ files: string[]; skipped: Skipped[]; unmatched: string[] }> {
  const files = new Set<string>();
  const skipped = new Map<string, Skipped>();
  const unmatched: string[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(arg);
    if (picomatch.scan(arg).isGlob) {
      const matches = picomatch(toPosix(abs), { dot: true });
      let any = false;
      for (const f of found) {
        if (matches(toPosix(f))) {
          files.add(f);
          any = true;
        }
      }
      if (!any) unmatched.push(arg);
      continue;
    }
    const place = await disk.locate(abs);
    if (place.kind === 'file') files.add(place.real);
    else if (place.kind === 'directory') {
      for (const f of found) if (isUnder(f, place.real)) files.add(f);
      for (const s of skippedInRoot) if (isUnder(s.path, place.real)) skipped.set(s.path, s);
    } else if (place.kind === 'outside') {
      skipped.set(abs, { path: abs, reason: 'This path is outside the workspace root, so careplan did not open it — run careplan from the folder that holds it, or give that folder as --root.' });
    } else if (place.kind === 'missing') {
      unmatched.push(arg);
    } else {
      const reason = unreadablePlaceReason(place);
      if (reason) skipped.set(abs, { path: abs, reason });
    }
  }
  return { files: [...files].sort(), skipped: [...skipped.values()], unmatched };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
