import { promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { WorkspaceHost } from '../service';

/** Whether a `file:` URI exists on disk (other schemes never do here). */
export async function fileExistsOnDisk(uri: string): Promise<boolean> {
  const u = URI.parse(uri);
  if (u.scheme !== 'file') return false;
  try {
    await fs.stat(u.fsPath);
    return true;
  } catch {
    return false;
  }
}

/** The core's window on the disk: existence checks only, inside the given roots. */
export function createFsHost(rootPaths: readonly string[]): WorkspaceHost {
  return {
    roots: rootPaths.map((p) => URI.file(p).toString()),
    fileExists: fileExistsOnDisk,
  };
}
