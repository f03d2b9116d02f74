import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { describeError } from './disk';

/** What createFileIn says when the name is taken (a caller may try the next name). */
export const ALREADY_EXISTS = 'it already exists (careplan never writes over a file)';

/**
 * Creates `name` in a folder already known to be inside the workspace (its real path), never
 * over anything that is there: not a file, not a link (a dangling link would lead outside).
 * Returns the problem in words, or undefined when written.
 */
export async function createFileIn(realDir: string, name: string, text: string, mode?: number): Promise<string | undefined> {
  if (name !== path.basename(name) || name === '.' || name === '..') return 'the name is not a plain file name';
  try {
    await fs.writeFile(path.join(realDir, name), text, { flag: 'wx', mode });
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EEXIST' ? ALREADY_EXISTS : describeError(err);
  }
}
