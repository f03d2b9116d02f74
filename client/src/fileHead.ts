// The start of a file on disk, read alone: the workspace file system has no partial read, so a
// large YAML file would be read whole to look at its first lines. The file is opened without
// following a link at its last part (O_NOFOLLOW) and without waiting on a pipe (O_NONBLOCK),
// where the platform has them.
import { constants, promises as fs } from 'node:fs';

/** The first `bytes` bytes of the file at `fsPath`, decoded as UTF-8 (a cut character is replaced). */
export async function readFileHead(fsPath: string, bytes: number): Promise<string> {
  const handle = await fs.open(fsPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return new TextDecoder().decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
