/**
 * The project root of the CLI: the nearest folder above the files that holds `.git`, or a config
 * with `root: true` — found from the files, as ESLint and markdownlint-cli2 do, so `careplan
 * lint` gives the same answer from any subfolder. Only the folders on the way up are looked at:
 * `.git` and the config file names in each, nothing listed.
 */
import * as path from 'node:path';
import { isUnder, type DiskCalls } from './disk';
import { CONFIG_FILE_NAMES } from './loadConfig';
import { parseConfigText } from '../service';

/** A config read only to see `root: true` is small; a larger one is not a root marker. */
const MAX_CONFIG_BYTES = 1 << 20;

async function exists(calls: DiskCalls, p: string): Promise<boolean> {
  try {
    await calls.lstat(p);
    return true;
  } catch {
    return false;
  }
}

async function isRootConfig(calls: DiskCalls, file: string): Promise<boolean> {
  try {
    const { bytes } = await calls.read(file, MAX_CONFIG_BYTES);
    if (bytes.length > MAX_CONFIG_BYTES) return false;
    return parseConfigText(new TextDecoder().decode(bytes)).config?.root === true;
  } catch {
    return false; // missing, unreadable or not a file: not a marker
  }
}

/** The folder both paths lie in. */
function commonFolder(a: string, b: string): string {
  let dir = a;
  while (!isUnder(b, dir)) {
    const up = path.dirname(dir);
    if (up === dir) return dir;
    dir = up;
  }
  return dir;
}

/** Where the search starts: the folder all the given paths (a glob by its fixed part) lie in. */
export function searchStart(args: readonly string[], cwd: string, baseOfGlob: (arg: string) => string): string {
  const starts = (args.length ? args : ['.']).map((a) => path.resolve(cwd, baseOfGlob(a)));
  return starts.reduce(commonFolder);
}

/** The nearest folder at or above `start` with `.git` or a `root: true` config; undefined when there is none. */
export async function findProjectRoot(calls: DiskCalls, start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    if (await exists(calls, path.join(dir, '.git'))) return dir;
    for (const name of CONFIG_FILE_NAMES) if (await isRootConfig(calls, path.join(dir, name))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
