import * as path from 'node:path';
import picomatch from 'picomatch';
import type { DocumentKind, ResolvedConfig } from '../service';

/** The kind the config's `documents:` globs give a file, matched relative to the config's folder. */
export function kindFromGlobs(file: string, config: ResolvedConfig, base: string): DocumentKind | undefined {
  const rel = path.relative(base, file).split(path.sep).join('/');
  for (const [glob, kind] of Object.entries(config.documents)) {
    if (picomatch(glob, { dot: true })(rel) || picomatch(glob, { dot: true, basename: !glob.includes('/') })(path.basename(file))) return kind;
  }
  return undefined;
}
