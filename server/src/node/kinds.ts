import * as path from 'node:path';
import picomatch from 'picomatch';
import type { DocumentKind } from '../service';

/**
 * Whether a config glob matches a file, relative to the config's folder `base`: a pattern with a
 * `/` matches the path from there, one without matches the file name in any folder below (as
 * in .gitignore and ESLint).
 */
export function matchesGlob(glob: string, file: string, base: string): boolean {
  const rel = path.relative(base, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const posix = rel.split(path.sep).join('/');
  return picomatch(glob, { dot: true })(posix) || (!glob.includes('/') && picomatch(glob, { dot: true })(path.basename(file)));
}

/** The kind a config's `documents:` globs give a file, matched relative to the config's folder. */
export function kindFromGlobs(file: string, documents: Readonly<Record<string, DocumentKind>>, base: string): DocumentKind | undefined {
  for (const [glob, kind] of Object.entries(documents)) if (matchesGlob(glob, file, base)) return kind;
  return undefined;
}
