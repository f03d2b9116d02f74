/** One entry of a listed folder. */
export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * What the core needs from the outside world. The CLI backs it with the file system, the
 * language server with the file system plus open buffers, tests with a map in memory.
 */
export interface WorkspaceHost {
  /** Workspace root folders as URI strings; `path:` references may not leave them. */
  readonly roots: readonly string[];
  /** Whether a file exists at the URI (never reads it). */
  fileExists(uri: string): Promise<boolean>;
  /**
   * The text of a record the index knows (an open buffer's, or what is saved), so the checks
   * across a child's records can read it; undefined when it cannot be read. Without it, each
   * record is checked on its own.
   */
  readText?(uri: string): Promise<string | undefined>;
  /**
   * A folder's entries (by URI, ending in `/`), for completing `path:`; empty for a folder
   * outside the roots. Without it, no path is completed.
   */
  listDirectory?(folderUri: string): Promise<DirectoryEntry[]>;
  /**
   * Whether a file URI still lies inside the roots once links on disk are followed (a missing
   * file inside does). Without it, a URI is judged as written.
   */
  leadsInside?(uri: string): Promise<boolean>;
}

/** A host backed by a set of file URIs (and the texts of records), for tests and in-memory use. */
export function createMemoryHost(roots: readonly string[], files: Iterable<string>, texts: ReadonlyMap<string, string> = new Map()): WorkspaceHost {
  const set = new Set(files);
  return {
    roots,
    fileExists: async (uri) => set.has(uri) || texts.has(uri),
    readText: async (uri) => texts.get(uri),
  };
}
