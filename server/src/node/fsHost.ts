import { URI } from 'vscode-uri';
import type { WorkspaceHost } from '../service';
import type { Disk } from './disk';

/** Whether a `file:` URI names a file or folder inside the disk's roots (other schemes never do here). */
export async function existsInside(disk: Disk, uri: string): Promise<boolean> {
  const u = URI.parse(uri);
  if (u.scheme !== 'file') return false;
  const place = await disk.locate(u.fsPath);
  return place.kind === 'file' || place.kind === 'directory';
}

/**
 * The core's window on the disk, inside the given roots: existence checks, and the texts of the
 * records already read (`textOf`), for the checks across a child's records.
 */
export function createFsHost(disk: Disk, rootPaths: readonly string[], textOf: (uri: string) => string | undefined = () => undefined): WorkspaceHost {
  return {
    roots: rootPaths.map((p) => URI.file(p).toString()),
    fileExists: (uri) => existsInside(disk, uri),
    readText: async (uri) => textOf(uri),
  };
}
