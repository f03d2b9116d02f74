import { URI, Utils } from 'vscode-uri';

export type ResolvedPath = { uri: string; inside: true } | { uri: string; inside: false };

/**
 * Resolves a `path:` written in a document, relative to that document. A path that leaves
 * every workspace root is reported and never read. The comparison is made on normalised paths
 * (`.`/`..` segments, percent-encoded dots and doubled slashes resolved first), so no spelling
 * of a path outside passes as inside; links are the disk adapter's business (it resolves them
 * against the real roots).
 */
export function resolveDocumentPath(documentUri: string, written: string, roots: readonly string[]): ResolvedPath {
  const base = Utils.dirname(normalized(URI.parse(documentUri)));
  const target = normalized(/^[a-z][a-z0-9+.-]*:\/\//i.test(written) ? URI.parse(written) : Utils.resolvePath(base, written.replace(/\\/g, '/')));
  const uri = target.toString();
  return { uri, inside: isInsideRoots(target, roots) };
}

/**
 * One spelling per file. Clients percent-encode URIs differently (`O'Brien%20(J)` or
 * `O%27Brien%20%28J%29`) and may send `.`/`..` segments; comparing and indexing the canonical
 * form keeps one file one entry.
 */
export function canonicalUri(uri: string): string {
  return normalizeUri(uri);
}

/** The URI with its path normalised: `.` and `..` segments resolved (never above `/`), repeated slashes made one. */
export function normalizeUri(uri: string): string {
  return normalized(URI.parse(uri)).toString();
}

function normalized(u: URI): URI {
  const path = normalizePath(u.path);
  return path === u.path ? u : u.with({ path });
}

/** A URI path with `.`/`..` segments resolved and slashes collapsed; `..` never climbs above the start. */
export function normalizePath(p: string): string {
  if (!/(^|\/)\.\.?(\/|$)|\/\//.test(p)) return p;
  const absolute = p.startsWith('/');
  const out: string[] = [];
  const parts = p.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const trailing = parts.length > 1 && (parts[parts.length - 1] === '' || parts[parts.length - 1] === '.' || parts[parts.length - 1] === '..');
  const joined = out.join('/');
  return (absolute ? '/' : '') + joined + (trailing && joined ? '/' : '');
}

/** Whether `target` is one of the roots or lies under one, both taken normalised. */
export function isInsideRoots(target: URI, roots: readonly string[]): boolean {
  const t = normalized(target);
  return roots.some((r) => {
    const root = normalized(URI.parse(r));
    if (root.scheme !== t.scheme || root.authority !== t.authority) return false;
    const rootPath = root.path.endsWith('/') ? root.path : root.path + '/';
    return t.path.startsWith(rootPath) || t.path === rootPath.slice(0, -1); // the root folder itself
  });
}
