/**
 * What the core needs from the outside world. The CLI backs it with the file system, the
 * language server with the file system plus open buffers, tests with a map in memory.
 */
export interface WorkspaceHost {
  /** Workspace root folders as URI strings; `path:` references may not leave them. */
  readonly roots: readonly string[];
  /** Whether a file exists at the URI (never reads it). */
  fileExists(uri: string): Promise<boolean>;
}

/** A host backed by a set of file URIs, for tests and in-memory use. */
export function createMemoryHost(roots: readonly string[], files: Iterable<string>): WorkspaceHost {
  const set = new Set(files);
  return {
    roots,
    fileExists: async (uri) => set.has(uri),
  };
}
