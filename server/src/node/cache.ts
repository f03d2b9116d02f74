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
 * The cache is one file of JSON lines; an unreadable or foreign one is started afresh, never an error,
 * and an entry of the wrong shape is not used (cacheShape.ts). A warm run reads and writes the
 * whole file, so it is kept small: each message and each record's URI is stored once, in lists the
 * results name them by number, and a finding is a list of values (cacheShape.ts). For 2,000
 * records that is 3.7 MB where objects with repeated texts were 10 MB.
 *
 * Each result is kept as its own line of JSON after the first (`"path"<TAB>{…}`), read only when its
 * record is linted, and written back as the bytes that were read unless the record was checked
 * again: the numbers of messages and URIs never change while a result is kept, new ones are added
 * at the end of the lists, and the lists are renumbered from the results only when they have grown
 * to twice what the results use. Reading and writing thousands of results as objects was most of a
 * warm run's time; as JSON strings inside one JSON document, decoding, escaping and encoding
 * megabytes of them was still a fifth of it.
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { readOwnFile, replaceFile } from './outputFile';

/** A cache larger than this is not read (a repository could put a huge or endless file there). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
import * as path from 'node:path';
import { canonicalUri, type IndexedDocument, type ResolvedConfig } from '../service';
import { fingerprint, type CheckedFile, type FileTask, type LintResult } from './checkFile';
import { URI } from 'vscode-uri';
import { decodeEntry, encodeEntry, type Entry, isKnownFile } from './cacheShape';

/** ESLint's `.eslintcache`, careplan's name. */
export const DEFAULT_CACHE_LOCATION = '.careplancache';

/** The file format; a cache of another format is not read. */
const FORMAT = 7;

export interface CacheOptions {
  /** The cache file, or a folder to keep it in. */
  location: string;
  /** careplan's version: another version's results are not reused. */
  version: string;
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

/** The first line of the file; each line after it is a result (see `entryLine`). */
interface CacheHeader {
  format: number;
  version: string;
  /** Every message the stored findings have, each once. */
  messages: string[];
  /** Every record the stored results read the facts of, each once. */
  uris: string[];
  files: Record<string, KnownFile>;
  /** How long the lists were when last renumbered: they are renumbered again at twice that. */
  renumberedAt: number;
}

/** Lists shorter than this are never renumbered: what stale entries cost there is nothing. */
const MIN_RENUMBER = 2048;

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
  /** The results as loaded, each the bytes of its JSON text (checked for shape when used). */
  private readonly stored: Map<string, Buffer>;
  private readonly messages: NumberedList;
  private readonly uris: NumberedList;
  private readonly renumberedAt: number;
  /** The results of this run's checks. */
  private readonly fresh = new Map<string, Entry>();
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
    this.stored = loaded.entries;
    this.messages = new NumberedList(loaded.messages);
    this.uris = new NumberedList(loaded.uris);
    this.renumberedAt = loaded.renumberedAt;
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
    const stored = parsedEntry(this.stored.get(file));
    const hit = isRecord(stored) && stored.key === key ? decodeEntry(stored, this.messages.items, this.uris.items) : undefined;
    if (!hit) return undefined;
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
    this.fresh.set(result.filePath, { key, exists, uses, result: { kind: result.kind, findings: result.findings } });
    const known = this.files[result.filePath];
    if (known) known.facts = facts;
    this.changed = true;
  }

  /**
   * Writes the cache, without the files the workspace no longer has; not at all when the run found
   * everything as stored (a pre-commit hook's run, mostly): the file would be written the same.
   */
  save(stillThere: (file: string) => boolean): void {
    const stored = [...this.stored.keys()];
    if (!this.changed && this.fresh.size === 0 && stored.every(stillThere)) return;
    const files = [...new Set([...stored, ...this.fresh.keys()])].filter(stillThere);
    const grown = this.messages.items.length + this.uris.items.length;
    const { messages, uris, entries } = grown >= Math.max(MIN_RENUMBER, 2 * this.renumberedAt) ? this.renumbered(files) : this.added(files);
    const file = cacheFile(this.options.location);
    mkdirSync(path.dirname(file), { recursive: true });
    // a first run numbers every result afresh, as renumbering does
    const renumberedAt = messages === this.messages && this.renumberedAt > 0 ? this.renumberedAt : messages.items.length + uris.items.length;
    const header = JSON.stringify({ format: FORMAT, version: this.options.version, messages: messages.items, uris: uris.items, files: this.files, renumberedAt } satisfies CacheHeader);
    replaceFile(file, Buffer.concat([Buffer.from(header), ...entries]));
  }

  /** This run's results added to the lists as they are; every other result written back as the bytes read. */
  private added(files: readonly string[]) {
    const entries: Buffer[] = [];
    for (const file of files) {
      const fresh = this.fresh.get(file);
      const stored = this.stored.get(file);
      if (fresh) entries.push(...entryLine(file, Buffer.from(JSON.stringify(encodeEntry(fresh, this.messages.number, this.uris.number)))));
      else if (stored) entries.push(...entryLine(file, stored));
    }
    return { messages: this.messages, uris: this.uris, entries };
  }

  /** Every result of the right shape numbered afresh, so the lists hold only what they use. */
  private renumbered(files: readonly string[]) {
    const messages = new NumberedList();
    const uris = new NumberedList();
    const entries: Buffer[] = [];
    for (const file of files) {
      const entry = this.fresh.get(file) ?? decodeEntry(parsedEntry(this.stored.get(file)), this.messages.items, this.uris.items);
      if (entry) entries.push(...entryLine(file, Buffer.from(JSON.stringify(encodeEntry(entry, messages.number, uris.number)))));
    }
    return { messages, uris, entries };
  }
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/** A result's line: a newline, the file as a JSON string, a tab, the result's JSON text (JSON keeps tabs and newlines escaped, so neither can be inside either part). */
function entryLine(file: string, json: Buffer): Buffer[] {
  return [Buffer.from(`\n${JSON.stringify(file)}\t`), json];
}

/** A stored result's JSON text read back (undefined: not JSON; its shape is checked where it is used). */
function parsedEntry(bytes: Buffer | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** The results after the first line, each as the bytes of its JSON text; a line that is not a file and a result is skipped. */
function entryLines(bytes: Buffer, from: number): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (let start = from; start < bytes.length; ) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    const tab = bytes.indexOf(TAB, start);
    if (tab > start && tab < end) {
      try {
        const file = JSON.parse(bytes.toString('utf8', start, tab)) as unknown;
        if (typeof file === 'string') entries.set(file, bytes.subarray(tab + 1, end));
      } catch {
        // not a file name: skipped
      }
    }
    start = end + 1;
  }
  return entries;
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Strings numbered in the order first met (after those it starts with, which keep their numbers). */
class NumberedList {
  readonly items: string[];
  private readonly numbers = new Map<string, number>();
  constructor(items: readonly string[] = []) {
    this.items = [...items];
    for (let n = items.length - 1; n >= 0; n--) this.numbers.set(items[n], n);
  }
  readonly number = (text: string): number => {
    let n = this.numbers.get(text);
    if (n === undefined) this.numbers.set(text, (n = this.items.push(text) - 1));
    return n;
  };
}

function load(file: string, version: string): Pick<CacheHeader, 'files' | 'messages' | 'uris' | 'renumberedAt'> & { entries: Map<string, Buffer> } {
  try {
    const bytes = readOwnFile(file, MAX_CACHE_BYTES);
    if (bytes === undefined) throw new Error('not an ordinary file of a readable size');
    let headerEnd = bytes.indexOf(NEWLINE);
    if (headerEnd < 0) headerEnd = bytes.length;
    const data = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Partial<CacheHeader>;
    const strings = (x: unknown) => (Array.isArray(x) && x.every((m) => typeof m === 'string') ? (x as string[]) : undefined);
    const [messages, uris] = [strings(data.messages), strings(data.uris)];
    const renumberedAt = typeof data.renumberedAt === 'number' && data.renumberedAt >= 0 ? data.renumberedAt : 0;
    if (data.format === FORMAT && data.version === version && messages && uris && isRecord(data.files)) return { entries: entryLines(bytes, headerEnd + 1), files: data.files, messages, uris, renumberedAt };
  } catch {
    // missing or unreadable: start afresh
  }
  return { entries: new Map(), files: Object.create(null) as Record<string, KnownFile>, messages: [], uris: [], renumberedAt: 0 };
}
