/**
 * The one door to the disk for the CLI and the language server. Every path goes through one
 * policy: it is normalised, mapped onto the real (symlink-free) path of a workspace root, and
 * resolved one component at a time, each link read and followed only while it stays inside the
 * roots. A path that leaves them is answered "outside" and nothing there is opened, stat'ed or
 * listed. Folders are searched without following links; pipes, sockets and devices are never
 * opened; reads are bounded in size.
 *
 * The raw calls come in as `DiskCalls`, so tests can record every path that was touched.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fsp, readdirSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import * as path from 'node:path';

/** The system calls careplan makes, and nothing else. */
export interface DiskCalls {
  realpath(p: string): Promise<string>;
  lstat(p: string): Promise<Stats>;
  readdir(p: string): Promise<Dirent[]>;
  readlink(p: string): Promise<string>;
  /**
   * A regular file's bytes: opened without following a final link and without waiting on a pipe,
   * checked to be a regular file once open, and read no further than `maxBytes` (+1, to tell that
   * it is larger). `size` is the file's size on disk.
   */
  read(p: string, maxBytes: number): Promise<{ bytes: Uint8Array; size: number }>;
  /** Replaces a regular file's bytes (only `careplan lint --fix` writes), never through a final link or into a pipe. */
  write(p: string, bytes: Uint8Array): Promise<void>;
}

export const nodeDiskCalls: DiskCalls = {
  realpath: (p) => fsp.realpath(p),
  lstat: (p) => fsp.lstat(p),
  readdir: (p) => fsp.readdir(p, { withFileTypes: true }),
  readlink: (p) => fsp.readlink(p),
  async write(p, bytes) {
    const handle = await fsp.open(p, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`${p} is not a regular file`), { code: 'ENOTREG' });
      await handle.truncate(0);
      await handle.write(bytes, 0, bytes.length, 0);
    } finally {
      await handle.close();
    }
  },
  async read(p, maxBytes) {
    const handle = await fsp.open(p, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      return await readBounded(await handle.stat(), p, maxBytes, async (chunk) => (await handle.read(chunk, 0, chunk.length, null)).bytesRead);
    } finally {
      await handle.close();
    }
  },
};

/**
 * An open file's bytes, up to `maxBytes` (+1, to tell that it is larger), once `stat` shows it is
 * a regular file. Chunks are sized to the file (one byte more, to see the end), not 1 MB a read:
 * a workspace of small records read at 1 MB each spent its time collecting those buffers.
 */
async function readBounded(stat: Stats, p: string, maxBytes: number, readInto: (chunk: Buffer) => Promise<number> | number): Promise<{ bytes: Uint8Array; size: number }> {
  if (!stat.isFile()) throw Object.assign(new Error(`${p} is not a regular file`), { code: 'ENOTREG' });
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= maxBytes) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total, Math.max(stat.size + 1 - total, 4096)));
    const bytesRead = await readInto(chunk);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return { bytes: Buffer.concat(chunks, total), size: Math.max(stat.size, total) };
}

/**
 * The same calls made synchronously, each answered by a settled promise: for the CLI and its
 * workers, which have nothing else to do while a file is read (ESLint reads the same way). An
 * asynchronous call is a round trip through libuv's thread pool, and a read took seven of them
 * (each folder on the path, open, stat, read, close), one after another, the thread idle
 * between them: 2,000 records on one thread spent 13% of the run idle. The language server
 * keeps the asynchronous calls, so a slow disk never stops it answering.
 */
export const nodeDiskCallsSync: DiskCalls = {
  realpath: async (p) => realpathSync(p),
  lstat: async (p) => lstatSync(p),
  readdir: async (p) => readdirSync(p, { withFileTypes: true }),
  readlink: async (p) => readlinkSync(p),
  write: nodeDiskCalls.write,
  async read(p, maxBytes) {
    const fd = openSync(p, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      return await readBounded(fstatSync(fd), p, maxBytes, (chunk) => readSync(fd, chunk, 0, chunk.length, null));
    } finally {
      closeSync(fd);
    }
  },
};

/** Whether these are the real disk's calls (not a test's recording or stand-in). */
export function isNodeDisk(calls: DiskCalls): boolean {
  return calls === nodeDiskCalls || calls === nodeDiskCallsSync;
}

/** Where a path leads under the policy. */
export type Place =
  | { kind: 'file'; real: string; size: number }
  | { kind: 'directory'; real: string }
  | { kind: 'special'; real: string; what: string }
  | { kind: 'missing' }
  | { kind: 'outside' }
  | { kind: 'loop' }
  | { kind: 'unreadable'; message: string };

/** One entry of a folder, as read from the folder itself (links are not followed). */
export interface Entry {
  name: string;
  path: string;
  type: 'file' | 'directory' | 'link' | 'special';
  /** For special files: what it is, in words. */
  what?: string;
}

/** Links followed in one resolution before it is called a loop (Linux's limit). */
const MAX_LINK_HOPS = 40;

/** How a special file is named to the author. */
export function specialKind(s: Stats | Dirent): string | undefined {
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isBlockDevice() || s.isCharacterDevice()) return 'a device';
  return undefined;
}

function entryType(d: Dirent): Entry['type'] {
  if (d.isSymbolicLink()) return 'link';
  if (d.isDirectory()) return 'directory';
  if (d.isFile()) return 'file';
  return 'special';
}

/** Whether `p` is `root` or lies under it (both absolute and normalised). */
export function isUnder(p: string, root: string): boolean {
  if (p === root) return true;
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return p.startsWith(prefix);
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** A file-system error in words a person can act on. */
export function describeError(err: unknown): string {
  switch (errorCode(err)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a link that leads round in a loop';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EIO':
      return 'the disk reported an error';
    default:
      return (err as Error)?.message ?? String(err);
  }
}

interface Root {
  /** As given (made absolute and normalised). */
  given: string;
  /** Its real path, or undefined when it does not exist or is not a folder. */
  real: string | undefined;
  /** Why it cannot be used, when it cannot. */
  problem?: RootProblem;
}

/** Why a root cannot be used: there is nothing there, it is a file, or it cannot be read (in words). */
export type RootProblem = 'missing' | 'not-folder' | string;

/**
 * The workspace's disk, confined to its roots. `allowedFiles` are single files outside the
 * roots that the user named on purpose (the CLI's `--config`).
 */
export class Disk {
  private rootsReady: Promise<Root[]> | undefined;

  constructor(
    private readonly rootPaths: readonly string[],
    readonly calls: DiskCalls = nodeDiskCalls,
    private readonly allowedFiles: readonly string[] = [],
  ) {}

  /** The roots with their real paths (each resolved once, by the one call that must leave the roots: the root's own path). */
  private roots(): Promise<Root[]> {
    this.rootsReady ??= Promise.all(
      this.rootPaths.map(async (p) => {
        const given = path.resolve(p);
        try {
          const real = await this.calls.realpath(given);
          return (await this.calls.lstat(real)).isDirectory() ? { given, real } : { given, real: undefined, problem: 'not-folder' };
        } catch (err) {
          const code = errorCode(err);
          return { given, real: undefined, problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : describeError(err) };
        }
      }),
    );
    return this.rootsReady;
  }

  /** The real paths of the roots that exist. */
  async realRoots(): Promise<string[]> {
    return (await this.roots()).flatMap((r) => (r.real ? [r.real] : []));
  }

  /** Why the root given as `p` cannot be used; undefined when it can (or `p` is not one of the roots). */
  async rootProblem(p: string): Promise<RootProblem | undefined> {
    const given = path.resolve(p);
    return (await this.roots()).find((r) => r.given === given)?.problem;
  }

  /** The path written under the real root it lies in (given spellings of a root are mapped onto it), or undefined when it is outside every root. */
  private async anchor(p: string): Promise<{ root: string; rest: string[] } | undefined> {
    const abs = path.resolve(p);
    for (const r of await this.roots()) {
      if (!r.real) continue;
      for (const spelling of [r.real, r.given]) {
        if (isUnder(abs, spelling)) return { root: r.real, rest: path.relative(spelling, abs).split(path.sep).filter(Boolean) };
      }
    }
    return undefined;
  }

  private async realRootOf(real: string): Promise<string | undefined> {
    let best: string | undefined;
    for (const r of await this.roots()) if (r.real && isUnder(real, r.real) && (!best || r.real.length > best.length)) best = r.real;
    return best;
  }

  /**
   * Where a path leads. Components are looked at one by one from the root down; each link is read
   * (it is inside) and its target is followed only when it stays inside the roots.
   */
  async locate(p: string): Promise<Place> {
    const abs = path.resolve(p);
    if (this.allowedFiles.some((f) => path.resolve(f) === abs)) return this.allowedFile(abs);
    const anchored = await this.anchor(abs);
    if (!anchored) return { kind: 'outside' };
    let current = anchored.root;
    const rest = anchored.rest;
    let hops = 0;
    while (rest.length) {
      const name = rest.shift()!;
      const next = path.join(current, name);
      let stat: Stats;
      try {
        stat = await this.calls.lstat(next);
      } catch (err) {
        const code = errorCode(err);
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
        return { kind: 'unreadable', message: describeError(err) };
      }
      if (stat.isSymbolicLink()) {
        if (++hops > MAX_LINK_HOPS) return { kind: 'loop' };
        let link: string;
        try {
          link = await this.calls.readlink(next);
        } catch (err) {
          return { kind: 'unreadable', message: describeError(err) };
        }
        // `current` holds no links, so resolving the target lexically against it is exact.
        const target = path.resolve(current, link);
        const root = await this.realRootOf(target);
        if (!root) return { kind: 'outside' };
        rest.unshift(...path.relative(root, target).split(path.sep).filter(Boolean));
        current = root;
        continue;
      }
      if (rest.length && !stat.isDirectory()) return { kind: 'missing' };
      current = next;
      if (!rest.length) return describe(current, stat);
    }
    return this.classify(current);
  }

  /** A file the user named on purpose: its links are theirs to follow. */
  private async allowedFile(abs: string): Promise<Place> {
    try {
      return await this.classify(await this.calls.realpath(abs));
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      return { kind: 'unreadable', message: describeError(err) };
    }
  }

  private async classify(real: string): Promise<Place> {
    try {
      return describe(real, await this.calls.lstat(real));
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
      return { kind: 'unreadable', message: describeError(err) };
    }
  }

  /** A regular file's bytes, bounded; or the place that is not a readable file. */
  async read(p: string, maxBytes: number): Promise<{ place: Place & { kind: 'file' }; bytes: Uint8Array; size: number } | { place: Place; error?: string }> {
    const place = await this.locate(p);
    if (place.kind !== 'file') return { place };
    if (place.size > maxBytes) return { place, bytes: new Uint8Array(0), size: place.size };
    try {
      const { bytes, size } = await this.calls.read(place.real, maxBytes);
      return { place, bytes, size };
    } catch (err) {
      const code = errorCode(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return { place: { kind: 'missing' } };
      if (code === 'ENOTREG' || code === 'ELOOP') return { place: { kind: 'missing' } }; // replaced meanwhile by something else
      return { place, error: describeError(err) };
    }
  }

  /** Writes a file that exists inside the roots (where its links lead, as a read would); an error in words otherwise. */
  async write(p: string, bytes: Uint8Array): Promise<string | undefined> {
    const place = await this.locate(p);
    if (place.kind !== 'file') return 'it is not an ordinary file inside the workspace';
    try {
      await this.calls.write(place.real, bytes);
      return undefined;
    } catch (err) {
      return describeError(err);
    }
  }

  /** The entries of a folder inside the roots (links listed, not followed); the place otherwise. */
  async list(dir: string): Promise<{ entries: Entry[]; real: string } | { place: Place; error?: string }> {
    const place = await this.locate(dir);
    if (place.kind !== 'directory') return { place };
    return this.listReal(place.real);
  }

  private async listReal(real: string): Promise<{ entries: Entry[]; real: string } | { place: Place; error: string }> {
    try {
      const dirents = await this.calls.readdir(real);
      return {
        real,
        entries: dirents.map((d) => ({ name: d.name, path: path.join(real, d.name), type: entryType(d), what: specialKind(d) })),
      };
    } catch (err) {
      return { place: { kind: 'unreadable', message: describeError(err) }, error: describeError(err) };
    }
  }

  /**
   * Searches a folder inside the roots, depth first, never following links. `visit` is given
   * each folder's entries and returns the sub-folders to go into; `unreadable` hears of folders
   * that cannot be listed (they are skipped).
   */
  async walk(
    start: string,
    visit: (dir: string, entries: Entry[]) => Promise<Entry[]> | Entry[],
    unreadable: (dir: string, message: string) => void,
  ): Promise<Place> {
    const place = await this.locate(start);
    if (place.kind !== 'directory') return place;
    const stack = [place.real];
    while (stack.length) {
      const dir = stack.pop()!;
      const listed = await this.listReal(dir);
      if ('place' in listed) {
        unreadable(dir, listed.error);
        continue;
      }
      listed.entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const into = await visit(dir, listed.entries);
      for (let i = into.length - 1; i >= 0; i--) if (into[i].type === 'directory') stack.push(into[i].path);
    }
    return place;
  }
}

function describe(real: string, stat: Stats): Place {
  if (stat.isDirectory()) return { kind: 'directory', real };
  if (stat.isFile()) return { kind: 'file', real, size: stat.size };
  return { kind: 'special', real, what: specialKind(stat) ?? 'not an ordinary file' };
}
