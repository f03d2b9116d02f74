// Where a new record may be written, kept apart from vscode so it can be tested alone. The New
// commands promise never to write outside the folders open (docs/new-records.md): so a path with
// `.`/`..` parts, a folder reached through a link, or options naming a path are refused, and an
// existing file is never replaced, whatever the case of its name.
import { posix } from 'node:path';
import { isCheckableDate, isCaseReference } from '../../shared/core';
import type { DocumentKind, IsoDate } from '../../shared/core';

/** vscode.FileType's bits, which the workspace file system reports (a link to a folder is Directory | SymbolicLink). */
export const FILE = 1;
export const DIRECTORY = 2;
export const SYMBOLIC_LINK = 64;

export const RECORD_KINDS: readonly DocumentKind[] = ['review', 'care-plan', 'supervision'];

/**
 * The options a New command was given: from the Explorer's context menu VS Code passes the clicked
 * folder and then the whole selection (a list of URIs), which are not options.
 */
export function commandOptions(second: unknown): unknown {
  return Array.isArray(second) ? undefined : second;
}

/** Why the options a command was run with cannot be used, or undefined when they can. */
export function newRecordOptionsProblem(options: unknown): string | undefined {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) return 'the options are not a list of settings';
  const o = options as Record<string, unknown>;
  if (o.kind !== undefined && !RECORD_KINDS.includes(o.kind as DocumentKind)) return 'the kind of record is not a care plan, review or supervision';
  if (o.child !== undefined && !(typeof o.child === 'string' && isCaseReference(o.child))) return 'the child is not a case reference such as CH-000123';
  if (o.today !== undefined && !isCheckableDate(o.today)) return 'the date is not a calendar date written like 2026-01-31';
  return undefined;
}

/** True when a path has `.` or `..` parts or empty parts between slashes: the Explorer never gives one. */
function isOddPath(path: string): boolean {
  return path.split('/').slice(1).some((part, i, all) => part === '.' || part === '..' || (part === '' && i < all.length - 1));
}

/** The root a path lies in (the root itself or below it), compared part by part after refusing `..`. */
export function rootOf(path: string, roots: readonly string[]): string | undefined {
  if (isOddPath(path)) return undefined;
  const clean = posix.normalize(path).replace(/\/$/, '');
  return roots.find((root) => {
    const r = posix.normalize(root).replace(/\/$/, '');
    return clean === r || clean.startsWith(`${r}/`);
  });
}

/** A file's type bits, or 'missing' when nothing is there; other failures throw. */
export type TypeOf = (path: string) => Promise<number | 'missing'>;

/**
 * Why `folder` (inside `root`) may not take a new record: a part from the root down that is a
 * link, or not a folder. Parts that do not exist yet are made as plain folders, so they pass.
 */
export async function folderProblem(root: string, folder: string, typeOf: TypeOf): Promise<string | undefined> {
  const r = posix.normalize(root).replace(/\/$/, '');
  if (rootOf(folder, [r]) === undefined) return 'it is not inside the folders open in this window';
  const parts = posix.normalize(folder).slice(r.length).split('/').filter(Boolean);
  let path = r;
  for (const part of parts) {
    path = `${path}/${part}`;
    let type: number | 'missing';
    try {
      type = await typeOf(path);
    } catch {
      return `${part} could not be read`;
    }
    if (type === 'missing') return undefined;
    if (type & SYMBOLIC_LINK) return `${part} is a link to somewhere else`;
    if (!(type & DIRECTORY)) return `${part} is not a folder`;
  }
  return undefined;
}

