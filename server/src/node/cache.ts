/**
 * `--cache`: a record's result is reused while nothing it was worked out from has changed, as
 * ESLint's --cache does, with what careplan's checks across records add. The key of a result is
 * a hash of:
 *  - the record's text, the settings that apply to it (and the kind its path gives it), the date
 *    the checks count from, and careplan's version;
 *  - the ids, kinds and children of every record (what `reference-missing` and `duplicate-id`
 *    look up, and which records are a child's): changing an id anywhere rechecks everything,
 *    editing a record's body does not.
 * Besides the key, each result keeps the files it asked about (`path:` references) and whether
 * they existed, and the other records whose facts the checks across a child's records read (a
 * hash of what each says: dates, review numbers, actions, the plan; chronology/facts.ts); a result
 * is reused only if those files still do (or still do not) exist and those records still say the
 * same things. Editing a record's words rechecks it alone; changing a date, an action or the plan
 * rechecks its child's other records too. Each file's facts hash is kept with its text hash, so
 * an unchanged record is not read for it; a changed one is parsed once, before the checks.
 *
 * The cache is one JSON file; an unreadable or foreign one is started afresh, never an error,
 * and an entry of the wrong shape is not used (cacheShape.ts). Each finding's message is stored
 * once, in a list the findings name by number: the same few hundred messages make 40% of the
 * text otherwise, and a warm run reads and writes the whole file.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { readOwnFile, replaceFile } from './outputFile';

/** A cache larger than this is not read (a repository could put a huge or endless file there). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
import * as path from 'node:path';
import { canonicalUri, type IndexedDocument, type ResolvedConfig } from '../service';
import { fingerprint, type CheckedFile, type FileTask, type LintResult } from './checkFile';
import { URI } from 'vscode-uri';
import { isKnownFile, isStoredEntry } from './cacheShape';

/** ESLint's `.eslintcache`, careplan's name. */
export const DEFAULT_CACHE_LOCATION = '.careplancache';

/** The file format; a cache of another format is not read. */
const FORMAT = 4;

export interface CacheOptions {
  /** The cache file, or a folder to keep it in. */
  location: string;
  /** careplan's version: another version's results are not reused. */
  version: string;
}

/** Whether a file a check asked about existed then. */
export type ExistenceLookups = [uri: string, exists: boolean][];

/** The other records a result read the facts of, and the hash of those facts (CheckedFile.uses). */
export type FactsUsed = [uri: string, facts: string][];

interface Entry {
  key: string;
  exists: ExistenceLookups;
  uses: FactsUsed;
  result: Omit<LintResult, 'filePath'>;
}

/** What the last run read from a file, kept with the file's metadata: while that is the same, the file is not read again. */
export interface KnownFile {
  meta: string;
  entry: IndexedDocument | null;
  hash: string;
  length: number;
  /** The hash of the record's facts for its child's other records (CheckedFile.facts), once known for this text. */
  facts?: string;
}

interface CacheFile {
  format: number;
  version: string;
  /** Every message the stored findings have, each once. */
  messages: string[];
  /** Results as stored: each finding's message is its number in `messages`. */
  entries: Record<string, Entry>;
  files: Record<string, KnownFile>;
}


/** The cache file for a `--cache-location`: the path itself, or `.careplancache` in it when it is a folder. */
export function cacheFile(location: string): string {
  try {
    if (location.endsWith(path.sep) || location.endsWith('/') || lstatSync(location).isDirectory()) return path.join(location, DEFAULT_CACHE_LOCATION);
  } catch {
    // not there yet: a file of that name
  }
  return location;
}

export class ResultCache {
  private readonly entries: Record<string, Entry>;
  private readonly messages: readonly string[];
  private files: Record<string, KnownFile>;
  /** Whether this run has anything to write: a new result, a file read again, a file gone. */
  private changed = false;
  /** Each record's file by the URI the checks name it by. */
  private readonly fileOfUri = new Map<string, string>();
  private indexKey = '';
  private readonly configKeys = new Map<ResolvedConfig, string>();
  private contentHash: (file: string) => string | undefined = () => undefined;

  constructor(
    private readonly options: CacheOptions,
    private readonly today: string,
  ) {
    const loaded = load(cacheFile(options.location), options.version);
    this.entries = loaded.entries;
    this.messages = loaded.messages;
    this.files = loaded.files;
  }

  /**
   * What the last run read from a file whose size, times and inode are still `meta` (the file was
   * not written since: ESLint's "metadata" cache strategy, with the change time as well).
   */
  known(file: string, meta: string): KnownFile | undefined {
    const k = this.files[file];
    return k && k.meta === meta && isKnownFile(k, URI.file(file).toString()) ? k : undefined;
  }

  /**
   * The workspace as this run read it: every file's metadata and what was read from it, the index
   * of every record (as the checks see it), and each file's text's hash (undefined: not read).
   */
  useWorkspace(files: Record<string, KnownFile>, entries: readonly IndexedDocument[], contentHash: (file: string) => string | undefined): void {
    // a file whose metadata was as stored is the stored object itself (known); anything else is news
    const stored = Object.keys(this.files);
    if (stored.length !== Object.keys(files).length || stored.some((f) => files[f] !== this.files[f])) this.changed = true;
    // a file written again with the same text (touched, checked out again) says the same things
    for (const [f, k] of Object.entries(files)) {
      const old = this.files[f];
      if (k !== old && k.facts === undefined && old?.hash === k.hash && typeof old.facts === 'string') k.facts = old.facts;
    }
    this.files = files;
    for (const f of Object.keys(files)) if (files[f].entry) this.fileOfUri.set(canonicalUri(files[f].entry!.uri), f);
    this.indexKey = fingerprint(JSON.stringify(entries.map((e) => [e.uri, e.id, e.kind, e.idLine, e.children])));
    this.contentHash = contentHash;
  }

  /** What a result depends on, as one string (undefined: cannot be cached, e.g. unreadable). */
  keyOf(task: FileTask, uri: string): string | undefined {
    const content = this.contentHash(task.file);
    if (content === undefined) return undefined;
    let config = this.configKeys.get(task.config);
    if (config === undefined) this.configKeys.set(task.config, (config = fingerprint(JSON.stringify(task.config))));
    return fingerprint(JSON.stringify([this.options.version, content, config, task.kindHint ?? null, task.config.today ?? this.today, this.indexKey]));
  }

  /**
   * The stored result for this key, if the files it asked about are as they were and the records
   * whose facts it read say the same things. `factsOf` works out the facts of a record whose text
   * changed since its facts were known (from its text, as the chronology would read it).
   */
  async get(
    file: string,
    key: string,
    exists: (uri: string) => Promise<boolean>,
    factsOf: (file: string, uri: string) => Promise<string>,
  ): Promise<LintResult | undefined> {
    const stored = this.entries[file];
    const hit = stored?.key === key ? withMessages(stored, (n) => this.messages[n as number]) : undefined;
    if (!hit || !isStoredEntry(hit)) return undefined;
    for (const [uri, facts] of hit.uses) if ((await this.factsNow(uri, factsOf)) !== facts) return undefined;
    for (const [uri, was] of hit.exists) if ((await exists(uri)) !== was) return undefined;
    return { filePath: file, ...hit.result };
  }

  /** The facts hash of the record at `uri` now: kept with its text's hash, else worked out (and kept). Undefined: not a record read this run. */
  private async factsNow(uri: string, factsOf: (file: string, uri: string) => Promise<string>): Promise<string | undefined> {
    const file = this.fileOfUri.get(uri);
    const known = file === undefined ? undefined : this.files[file];
    if (!known) return undefined;
    if (known.facts === undefined) {
      known.facts = await factsOf(file!, uri);
      this.changed = true;
    }
    return known.facts;
  }

  set(key: string, { result, exists, facts, uses }: CheckedFile): void {
    const { filePath, ...rest } = result;
    this.entries[filePath] = { key, exists, uses, result: rest };
    const known = this.files[filePath];
    if (known) known.facts = facts;
    this.changed = true;
  }

  /**
   * Writes the cache, without the files the workspace no longer has; not at all when the run found
   * everything as stored (a pre-commit hook's run, mostly): the file would be written the same.
   */
  save(stillThere: (file: string) => boolean): void {
    if (!this.changed && Object.keys(this.entries).every(stillThere)) return;
    const messages: string[] = [];
    const numbers = new Map<string, number>();
    const numberOf = (message: unknown) => {
      // a message still numbered is an entry loaded and not used: its number in the old list
      const text = typeof message === 'number' ? this.messages[message] : message;
      if (typeof text !== 'string') return -1; // malformed: stays refused
      let n = numbers.get(text);
      if (n === undefined) numbers.set(text, (n = messages.push(text) - 1));
      return n;
    };
    const entries: Record<string, Entry> = {};
    for (const [file, entry] of Object.entries(this.entries)) if (stillThere(file)) entries[file] = withMessages(entry, numberOf);
    const file = cacheFile(this.options.location);
    mkdirSync(path.dirname(file), { recursive: true });
    replaceFile(file, JSON.stringify({ format: FORMAT, version: this.options.version, messages, entries, files: this.files } satisfies CacheFile));
  }
}

/** The entry with each finding's message swapped (a number for its text, or back); a malformed entry as it is, for isStoredEntry to refuse. */
function withMessages(entry: Entry, swap: (message: unknown) => unknown): Entry {
  const findings: unknown = entry?.result?.findings;
  if (!Array.isArray(findings)) return entry;
  return { ...entry, result: { ...entry.result, findings: findings.map((f) => (f && typeof f === 'object' ? { ...f, message: swap(f.message) } : f)) } };
}

function load(file: string, version: string): Pick<CacheFile, 'entries' | 'files' | 'messages'> {
  try {
    const text = readOwnFile(file, MAX_CACHE_BYTES);
    if (text === undefined) throw new Error('not an ordinary file of a readable size');
    const data = JSON.parse(text) as Partial<CacheFile>;
    const isRecord = (x: unknown): x is Record<string, never> => !!x && typeof x === 'object' && !Array.isArray(x);
    const messages = Array.isArray(data.messages) && data.messages.every((m) => typeof m === 'string') ? data.messages : undefined;
    if (data.format === FORMAT && data.version === version && messages && isRecord(data.entries) && isRecord(data.files)) return { entries: data.entries, files: data.files, messages };
  } catch {
    // missing or unreadable: start afresh
  }
  return { entries: Object.create(null) as Record<string, Entry>, files: Object.create(null) as Record<string, KnownFile>, messages: [] };
}
