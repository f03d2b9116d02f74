import { URI, Utils } from 'vscode-uri';

export type ResolvedPath = { uri: string; inside: true } | { uri: string; inside: false };

/**
 * Resolves a `path:` written in a document, relative to that document. A path that leaves
 * every workspace root is reported and never read.
 */
export function resolveDocumentPath(documentUri: string, written: string, roots: readonly string[]): ResolvedPath {
  const base = Utils.dirname(URI.parse(documentUri));
  const target = /^[a-z][a-z0-9+.-]*:\/\//i.test(written) ? URI.parse(written) : Utils.resolvePath(base, written.replace(/\\/g, '/'));
  const uri = target.toString();
  return { uri, inside: isInsideRoots(target, roots) };
}

/**
 * One spelling per file. Clients percent-encode URIs differently (`O'Brien%20(J)` or
 * `O%27Brien%20%28J%29`); comparing and indexing the canonical form keeps one file one entry.
 */
export function canonicalUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** Whether `target` is one of the roots or lies under one. */
export function isInsideRoots(target: URI, roots: readonly string[]): boolean {
  return roots.some((r) => {
    const root = URI.parse(r);
    if (root.scheme !== target.scheme || root.authority !== target.authority) return false;
    const rootPath = root.path.endsWith('/') ? root.path : root.path + '/';
    return target.path.startsWith(rootPath) || target.path === rootPath.slice(0, -1); // the root folder itself
  });
}
