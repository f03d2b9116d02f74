import ignore, { Ignore } from 'ignore';
import * as path from 'node:path';
import type { Disk, Entry } from './disk';
import { readTextFile, unreadablePlaceReason } from './readText';

const YAML_NAME = /\.(yaml|yml)$/;
const ALWAYS_IGNORED = new Set(['node_modules', '.git']);

/** Something met while searching that is not checked, and why (said on that path). */
export interface Skipped {
  path: string;
  reason: string;
}

export interface FoundFiles {
  /** YAML files to check, by real path, sorted. */
  files: string[];
  /** Special files, links that leave the workspace and folders that cannot be read. */
  skipped: Skipped[];
}

/**
 * Every YAML file under a workspace root, honouring `.gitignore` files from the root down and
 * the config's `ignore` globs. The search never follows a link: a linked record is checked where
 * it really lives, a link named like a record that leads outside the workspace is reported, and
 * so are pipes, sockets and devices named like records (never opened) and folders that cannot be
 * read (skipped).
 */
export async function findYamlFiles(disk: Disk, root: string, extraIgnores: readonly string[] = []): Promise<FoundFiles> {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const extra = ignore().add([...extraIgnores]);
  const gitignores = new Map<string, Ignore>();
  let realRoot: string | undefined; // the first folder the search visits: the root's real path
  const isIgnored = (abs: string, isDir: boolean) => {
    if (realRoot === undefined) return false;
    const rel = toPosix(path.relative(realRoot, abs));
    if (!rel || rel.startsWith('..')) return false;
    const asked = isDir ? rel + '/' : rel;
    if (extra.ignores(asked)) return true;
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      const ig = gitignores.get(dir);
      if (ig) {
        const within = toPosix(path.relative(dir, abs));
        if (ig.ignores(isDir ? within + '/' : within)) return true;
      }
      if (dir === realRoot || dir === path.dirname(dir)) return false;
    }
  };
  const place = await disk.walk(
    root,
    async (dir, entries) => {
      realRoot ??= dir;
      const gitignore = entries.find((e) => e.name === '.gitignore' && e.type !== 'directory');
      if (gitignore) {
        const text = await readTextFile(disk, gitignore.path);
        if (text?.ok) gitignores.set(dir, ignore().add(text.text));
      }
      const into: Entry[] = [];
      for (const e of entries) {
        if (e.type === 'directory') {
          if (!ALWAYS_IGNORED.has(e.name) && !isIgnored(e.path, true)) into.push(e);
          continue;
        }
        if (!YAML_NAME.test(e.name) || isIgnored(e.path, false)) continue;
        if (e.type === 'file') files.push(e.path);
        else if (e.type === 'special') skipped.push({ path: e.path, reason: unreadablePlaceReason({ kind: 'special', real: e.path, what: e.what ?? 'not an ordinary file' })! });
        else {
          // A link is not followed by the search: its record is checked where it lives, unless that is outside.
          const target = await disk.locate(e.path);
          if (target.kind === 'outside' || target.kind === 'loop' || target.kind === 'special') skipped.push({ path: e.path, reason: unreadablePlaceReason(target)! });
        }
      }
      return into;
    },
    (dir, message) => {
      if (!isIgnored(dir, true)) skipped.push({ path: dir, reason: `This folder cannot be read (${message}), so the records in it were not checked — check its permissions.` });
    },
  );
  if (place.kind !== 'directory') {
    const reason = unreadablePlaceReason(place);
    if (reason) skipped.push({ path: path.resolve(root), reason });
  }
  return { files: files.sort(), skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
