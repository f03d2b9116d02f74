/**
 * Files the CLI writes and reads for itself — a report (`-o`), the cache (`--cache`) — sit where a
 * repository can put a link or a pipe under the same name. They are opened without following a
 * final link and without waiting on a pipe, and used only when they are ordinary files; the
 * cache is replaced by renaming a fresh file over it, so a link there is replaced, never followed.
 */
import { closeSync, constants, fstatSync, ftruncateSync, openSync, readSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

export class OutputFileError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

function refusal(file: string, err: unknown): OutputFileError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK') return new OutputFileError(file, 'it is a link (careplan writes only ordinary files, never through a link)');
  if (code === 'ENXIO') return new OutputFileError(file, 'it is a pipe or a device, not a file');
  if (code === 'ENOENT') return new OutputFileError(file, 'its folder does not exist');
  if (code === 'EISDIR') return new OutputFileError(file, 'it is a folder');
  if (code === 'EACCES' || code === 'EPERM') return new OutputFileError(file, 'permission denied');
  return new OutputFileError(file, (err as Error).message);
}

/** Opens `file` to write from its start (made if missing), only if it is (or becomes) an ordinary file. */
export function openOutputFile(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | NOFOLLOW | NONBLOCK, 0o644);
  } catch (err) {
    throw refusal(file, err);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new OutputFileError(file, 'it is a pipe or a device, not a file');
    ftruncateSync(fd, 0);
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err instanceof OutputFileError ? err : refusal(file, err);
  }
}

/** Writes `text` to `file` as openOutputFile allows. */
export function writeOutputFile(file: string, text: string): void {
  const fd = openOutputFile(file);
  try {
    writeFileSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Replaces `file` by renaming a new file over it: whatever was at that name (a link too) is replaced, not written through. */
export function replaceFile(file: string, text: string | Uint8Array): void {
  const fresh = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(fresh, text, { flag: 'wx' });
    renameSync(fresh, file);
  } catch (err) {
    try {
      unlinkSync(fresh);
    } catch {
      // never made
    }
    throw refusal(file, err);
  }
}

/** The bytes of `file` when it is an ordinary file of at most `maxBytes`; undefined otherwise (missing, a link, a pipe, too big). */
export function readOwnFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const buf = Buffer.alloc(stat.size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
