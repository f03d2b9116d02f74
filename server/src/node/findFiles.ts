import fg from 'fast-glob';
import ignore, { Ignore } from 'ignore';
import { promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';

const YAML_GLOB = '**/*.{yaml,yml}';
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * Expands paths, directories and globs to YAML files, honouring `.gitignore` files from the
 * root down and the config's `ignore` globs. Files named explicitly are always kept.
 */
export async function findYamlFiles(args: readonly string[], root: string, extraIgnores: readonly string[] = []): Promise<string[]> {
  const gitignores = await loadGitignores(root);
  const extra = ignore().add([...extraIgnores]);
  const isIgnored = (abs: string) => {
    const rel = path.relative(root, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    if (extra.ignores(toPosix(rel))) return true;
    for (const { dir, ig } of gitignores) {
      const within = path.relative(dir, abs);
      if (within && !within.startsWith('..') && ig.ignores(toPosix(within))) return true;
    }
    return false;
  };
  const found = new Set<string>();
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(arg);
    const stat = safeStat(abs);
    if (stat?.isFile()) {
      found.add(abs);
      continue;
    }
    const pattern = stat?.isDirectory() ? YAML_GLOB : toPosix(arg);
    const cwd = stat?.isDirectory() ? abs : process.cwd();
    const entries = await fg(pattern, { cwd, absolute: true, dot: true, ignore: ALWAYS_IGNORED, onlyFiles: true, followSymbolicLinks: false });
    for (const e of entries) {
      const file = path.normalize(e);
      if (!isIgnored(file)) found.add(file);
    }
  }
  return [...found].sort();
}

async function loadGitignores(root: string): Promise<{ dir: string; ig: Ignore }[]> {
  const files = await fg('**/.gitignore', { cwd: root, absolute: true, dot: true, ignore: ALWAYS_IGNORED });
  const out: { dir: string; ig: Ignore }[] = [];
  for (const f of files) {
    out.push({ dir: path.dirname(path.normalize(f)), ig: ignore().add(await fs.readFile(f, 'utf8')) });
  }
  return out;
}

function safeStat(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
