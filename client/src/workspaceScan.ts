// The bounded walk that decides, at activation, whether a workspace holds careplan records. It
// lists folders itself instead of using workspace.findFiles, which follows links
// (search.followSymlinks): a committed `link -> /` would walk the whole disk while the extension
// starts, and files under a linked folder would be read. Links are never entered or read;
// node_modules and .git are skipped; entries, depth and time are capped; it stops when cancelled.
// Kept apart from vscode so it can be tested alone.
import { DIRECTORY, FILE, SYMBOLIC_LINK } from './recordPlace';

/** A folder's entries as vscode.workspace.fs.readDirectory gives them: name and vscode.FileType bits. */
export type ListFolder = (path: string) => PromiseLike<readonly [string, number][]>;

export interface ScanLimits {
  /** Entries looked at, over all folders, before giving up. */
  maxEntries: number;
  /** Folders below a workspace folder that are entered (0: its own entries only). */
  maxDepth: number;
  /** Milliseconds before giving up. */
  maxMs: number;
  /** YAML files sniffed before giving up. */
  maxFilesRead: number;
}

export const SCAN_LIMITS: ScanLimits = { maxEntries: 5000, maxDepth: 8, maxMs: 2000, maxFilesRead: 500 };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const CONFIG_NAMES = new Set(['.careplan.yaml', '.careplan.yml', 'careplan.config.yaml']);

export interface ScanWork {
  list: ListFolder;
  /** Whether the YAML file at `path` starts like a record (false when it cannot be read). */
  startsLikeRecord: (path: string) => Promise<boolean>;
  isCancelled?: () => boolean;
  now?: () => number;
}

/**
 * Whether a careplan settings file or a record lies under the roots, folder by folder from the
 * top (breadth first, so a shallow record is found before a deep tree is walked). False when
 * nothing is found within the limits, or when cancelled.
 */
export async function treeHasRecords(roots: readonly string[], work: ScanWork, limits: ScanLimits = SCAN_LIMITS): Promise<boolean> {
  const now = work.now ?? Date.now;
  const deadline = now() + limits.maxMs;
  const stop = () => work.isCancelled?.() === true || now() > deadline;
  let entries = 0;
  let filesRead = 0;
  let level: string[] = [...roots];
  for (let depth = 0; level.length && depth <= limits.maxDepth; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (stop()) return false;
      let listed: readonly [string, number][];
      try {
        listed = await work.list(dir);
      } catch {
        continue; // unreadable: nothing to learn there
      }
      for (const [name, type] of listed) {
        if (++entries > limits.maxEntries || stop()) return false;
        if (type & SYMBOLIC_LINK) continue; // never entered, never read
        const path = `${dir.replace(/\/$/, '')}/${name}`;
        if (type === DIRECTORY) {
          if (!SKIPPED_FOLDERS.has(name)) next.push(path);
        } else if (type === FILE) {
          if (CONFIG_NAMES.has(name)) return true;
          if (/\.ya?ml$/i.test(name) && filesRead < limits.maxFilesRead) {
            filesRead++;
            if (await work.startsLikeRecord(path)) return true;
          }
        }
      }
    }
    level = next;
  }
  return false;
}

/**
 * `walk` run one at a time: a call while one runs shares a single further run after it (which
 * sees what changed since), or the running one's answer when that found records already.
 */
export function oneWalkAtATime<A extends unknown[]>(walk: (...args: A) => Promise<boolean>): (...args: A) => Promise<boolean> {
  let running: Promise<boolean> | undefined;
  let queued: Promise<boolean> | undefined;
  const call = (...args: A): Promise<boolean> => {
    if (!running) {
      running = walk(...args).finally(() => { running = undefined; });
      return running;
    }
    queued ??= running.then((found) => {
      queued = undefined;
      return found || call(...args);
    }, () => {
      queued = undefined;
      return call(...args);
    });
    return queued;
  };
  return call;
}
