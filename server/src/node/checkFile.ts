/**
 * Checking one file on disk, as `careplan lint` does it, wherever it runs: on the main thread
 * or on a worker of the pool (pool.ts). The engine holds the index of every record (small:
 * ids, kinds, children) but no texts: a record another one needs (the checks across a child's
 * records) is read again from the disk when asked for, so memory does not grow with the corpus.
 */
import { createHash } from 'node:crypto';
import { URI } from 'vscode-uri';
import { canonicalUri, createCarePlanService, DocumentKind, factsKey, factsOf, Finding, IndexedDocument, ResolvedConfig, scanDocument } from '../service';
import type { CarePlanService, CheckResult, ParsedDocument } from '../service';
import type { Disk } from './disk';
import { createFsHost } from './fsHost';
import { DecodedText, encodeLike, fileFinding, readTextFile } from './readText';

export interface LintResult {
  filePath: string;
  kind: DocumentKind | undefined;
  findings: Finding[];
  /** With --fix or --fix-dry-run: the fixed text, when a fix changed it. */
  output?: string;
  /** How many findings the fixes mended. */
  fixed?: number;
  /** With --fix: why the fixed text could not be written back, if it could not. */
  writeError?: string;
}

/** The careplan service the CLI checks and fixes with (no editor features are asked of it). */
export type LintEngine = CarePlanService;

/** A file to check and what applies to it (worked out on the main thread, where the configs are read). */
export interface FileTask {
  file: string;
  config: ResolvedConfig;
  kindHint?: DocumentKind;
}

/** A file's result, and what its check was worked out from besides the file itself, for --cache. */
export interface CheckedFile {
  result: LintResult;
  /** The files the check asked about, and whether they existed. */
  exists: [uri: string, exists: boolean][];
  /** The file's own facts for its child's other records (factsHash), as the chronology reads them. */
  facts: string;
  /** The other records whose facts the checks across records read, and the hash of those facts, in URI order. */
  uses: [uri: string, facts: string][];
}

/**
 * A short fingerprint of a text: a file's content, a cache key, a record's facts key. The first
 * 132 bits of its SHA-256 (22 base64url characters): no accidental collision in any number of
 * records, and each record's result names a hash for each record of its child, so the full 256
 * bits were a sixth of the cache.
 */
export const fingerprint = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** A record's facts key (see factsKey) as a fingerprint; '' (not a record, unreadable) has one too. */
export const factsHash = fingerprint;

/**
 * The fingerprint of a record's facts as the chronology reads them when another record asks
 * (engine.ts: the text parsed with no kind hint, named by its canonical URI); undefined text:
 * the file cannot be read.
 */
export function factsOfText(parse: (uri: string, text: string) => ParsedDocument, uri: string, text: string | undefined): string {
  const canonical = canonicalUri(uri);
  const facts = text === undefined ? undefined : factsOf(canonical, parse(canonical, text));
  return factsHash(facts ? factsKey(facts) : '');
}

const byUri = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A checker of files one after another, noting what each check asked of the disk (lintFile's
 * engine and disk, the same on a worker and on the main thread).
 */
export function createChecker(disk: Disk, root: string, replaced?: ReadonlyMap<string, DecodedText>) {
  let asked = new Map<string, boolean>();
  const recent = new RecentTexts();
  const engine = createLintEngine(disk, root, replaced, (uri, exists) => asked.set(uri, exists), recent);
  // The chronology's facts of a record checked long ago (its child's folder is done: files go in
  // path order) are let go; were another record of that child still to come, they are read again.
  const checked: string[] = [];
  const forgetLater = (uri: string) => {
    checked.push(uri);
    if (checked.length > FORGET_AFTER) engine.chronology.forget(checked.shift()!);
  };
  return {
    engine,
    async check(task: FileTask, known?: DecodedText, fix?: 'write' | 'dry-run'): Promise<CheckedFile> {
      asked = new Map();
      const text = known ?? recent.take(task.file);
      let checked: CheckResult | undefined;
      const result = await lintFile(disk, engine, task, text, fix, (c) => (checked = c));
      const uri = URI.file(task.file).toString();
      forgetLater(uri);
      const own = checked?.kind ? factsOf(canonicalUri(uri), checked.parsed) : undefined;
      const uses = [...(checked?.usedFacts ?? [])].map(([u, key]): [string, string] => [u, factsHash(key)]);
      // in path order: the checks ask in the order they happen to finish
      return { result, exists: [...asked].sort(byUri), facts: factsHash(own ? factsKey(own) : ''), uses: uses.sort(byUri) };
    },
  };
}

/**
 * An engine over the disk inside `root`: other records are read when a check needs them.
 * `replaced` holds texts that stand in for a file's disk copy (a piped --stdin text).
 */
export function createLintEngine(
  disk: Disk,
  root: string,
  replaced: ReadonlyMap<string, DecodedText> = new Map(),
  onExists?: (uri: string, exists: boolean) => void,
  recent?: RecentTexts,
): LintEngine {
  const host = createFsHost(disk, [root]);
  return createCarePlanService({
    limits: LINT_LIMITS,
    host: {
      ...host,
      // what a check asked about, for --cache: its result holds while those files are as they were
      fileExists: async (uri) => {
        const exists = await host.fileExists(uri);
        onExists?.(uri, exists);
        return exists;
      },
      readText: async (uri) => {
        const file = URI.parse(uri).fsPath;
        const decoded = replaced.get(file) ?? (await readTextFile(disk, file));
        if (decoded && !replaced.has(file)) recent?.keep(file, decoded);
        return decoded?.ok ? decoded.text : undefined;
      },
    },
  });
}

/**
 * What a CLI engine keeps between checks: records go child by child, each checked once, so a
 * child's records' parses (read for the chronology, then checked) and the analyses of texts that
 * recur across records are all it reuses. The editor's defaults (64 parses, 5,000 analyses) held
 * about 6 MiB more on every thread of an 8,000-record run, for no CPU saved (2,000 records, one
 * thread: 9.3-10.1 s of CPU either way).
 */
const LINT_LIMITS = { parses: 16, memo: { entries: 1_000, bytes: 4 * 1024 * 1024 } };

/** How many files after its own check a record's facts are kept for its child's other records. */
const FORGET_AFTER = 64;

/**
 * The last few records read for a check of another record (its child's chronology): files are
 * checked child by child, so each is about to be checked itself and need not be read again.
 */
class RecentTexts {
  private readonly texts = new Map<string, DecodedText>();

  keep(file: string, decoded: DecodedText): void {
    this.texts.delete(file);
    this.texts.set(file, decoded);
    if (this.texts.size > 32) this.texts.delete(this.texts.keys().next().value!);
  }

  /** The text kept for this file, once. */
  take(file: string): DecodedText | undefined {
    const decoded = this.texts.get(file);
    this.texts.delete(file);
    return decoded;
  }
}

/** The index entry of a file's text (what DocumentIndex.set would store). */
export function indexEntry(file: string, decoded: DecodedText | undefined): IndexedDocument | undefined {
  return decoded?.ok ? scanDocument(URI.file(file).toString(), decoded.text) : undefined;
}

/** Checks one file (read from disk unless given), with its safe fixes made when asked; `seen` hears the engine's last check of it. */
export async function lintFile(
  disk: Disk,
  engine: LintEngine,
  task: FileTask,
  known?: DecodedText,
  fix?: 'write' | 'dry-run',
  seen?: (checked: CheckResult) => void,
): Promise<LintResult> {
  const { file, config, kindHint } = task;
  const uri = URI.file(file).toString();
  const decoded = known ?? (await readTextFile(disk, file)) ?? { ok: false, reason: 'This file cannot be read: it no longer exists.' };
  if (!decoded.ok) return { filePath: file, kind: undefined, findings: [fileFinding(decoded.reason)] };
  const { note } = decoded;
  let { text } = decoded;
  const check = (t: string) => engine.check({ uri, text: t, kindHint }, config);
  // with --fix, the fixing's last check is of the text reported: the record is not checked twice
  const fixing = fix && encodeLike('', decoded.encoding) !== undefined ? await engine.fixAll({ uri, text, kindHint }, config) : undefined;
  let writeError: string | undefined;
  if (fixing?.fixed) {
    text = fixing.text;
    engine.index.set(uri, text);
    if (fix === 'write') writeError = await disk.write(file, encodeLike(text, decoded.encoding)!);
  }
  const result = fixing?.last ?? (await check(text));
  seen?.(result);
  const findings = note && result.kind ? [fileFinding(note, 'warning'), ...result.findings] : result.findings;
  const fixed = fixing?.fixed ? { output: text, fixed: fixing.fixed, ...(writeError ? { writeError } : {}) } : {};
  return { filePath: file, kind: result.kind, findings, ...fixed };
}
