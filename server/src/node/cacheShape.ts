/**
 * What a `.careplancache` may hold, checked before anything in it is used: the file sits in the
 * repository, where a mistake or a hostile commit can put anything, and a result or an index
 * entry of the wrong shape would crash the run or put a record in the index under another file's
 * name. An entry that fails is treated as absent (the record is read and checked again).
 */
import { DOCUMENT_KINDS } from '../service';
import type { DocumentKind, Finding, IndexedDocument, Severity } from '../service';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isString = (x: unknown): x is string => typeof x === 'string';
const optional = (x: unknown, test: (y: unknown) => boolean) => x === undefined || test(x);
const isKind = (x: unknown) => (DOCUMENT_KINDS as readonly unknown[]).includes(x);

/** A related place as stored: `[URI's number, start line, start character, end line, end character, message's number]`. */
type StoredRelated = [number, number, number, number, number, number];

/**
 * A finding as stored: `[ruleId, severity, message's number, start line, start character, end
 * line, end character, pointer, related places?]`. Stored as objects, the key names, the ranges'
 * nesting and the related places' URIs were two thirds of a 10 MB cache for 2,000 records, which
 * a warm run reads, parses and writes whole. A finding's `data` (what an editor's quick fix
 * needs) is not stored: no report shows it, and `--fix` does not use the cache.
 */
export type StoredFinding = [string, string, number, number, number, number, number, string, StoredRelated[]?];

/** A result as stored: the other records it read name theirs by number in the cache's list of URIs. */
export interface StoredEntry {
  key: string;
  exists: [uri: string, exists: boolean][];
  uses: [uriNumber: number, facts: string][];
  result: { kind?: DocumentKind; findings: StoredFinding[] };
}

/** A result as the run uses it. */
export interface Entry {
  key: string;
  exists: [uri: string, exists: boolean][];
  uses: [uri: string, facts: string][];
  result: { kind: DocumentKind | undefined; findings: Finding[] };
}

/** The entry as stored, with each message and URI its number in the lists `messageNo` and `uriNo` keep. */
export function encodeEntry(entry: Entry, messageNo: (message: string) => number, uriNo: (uri: string) => number): StoredEntry {
  const findings = entry.result.findings.map((f): StoredFinding => {
    const { start, end } = f.range;
    const stored: StoredFinding = [f.ruleId, f.severity, messageNo(f.message), start.line, start.character, end.line, end.character, f.pointer];
    if (f.related) stored.push(f.related.map((r): StoredRelated => [uriNo(r.uri), r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character, messageNo(r.message)]));
    return stored;
  });
  return { key: entry.key, exists: entry.exists, uses: entry.uses.map(([uri, facts]) => [uriNo(uri), facts]), result: { ...(entry.result.kind ? { kind: entry.result.kind } : {}), findings } };
}

/** The stored entry as the run uses it; undefined when anything in it is of the wrong shape or names a message or URI the lists lack. */
export function decodeEntry(x: unknown, messages: readonly string[], uris: readonly string[]): Entry | undefined {
  if (!isObj(x) || !isString(x.key) || !isObj(x.result)) return undefined;
  const { exists, uses } = x;
  const { kind, findings } = x.result;
  const ok =
    Array.isArray(exists) &&
    exists.every((e) => Array.isArray(e) && e.length === 2 && isString(e[0]) && typeof e[1] === 'boolean') &&
    Array.isArray(uses) &&
    uses.every((u) => Array.isArray(u) && u.length === 2 && isNumberIn(u[0], uris) && isString(u[1])) &&
    optional(kind, isKind) &&
    Array.isArray(findings);
  if (!ok) return undefined;
  const decoded: Finding[] = [];
  for (const f of findings) {
    const finding = decodeFinding(f, messages, uris);
    if (!finding) return undefined;
    decoded.push(finding);
  }
  return {
    key: x.key,
    exists: exists as Entry['exists'],
    uses: (uses as [number, string][]).map(([n, facts]) => [uris[n], facts]),
    result: { kind: kind as DocumentKind | undefined, findings: decoded },
  };
}

const isNumberIn = (n: unknown, list: readonly unknown[]): n is number => isCount(n) && n < list.length;

const rangeOf = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function decodeFinding(x: unknown, messages: readonly string[], uris: readonly string[]): Finding | undefined {
  if (!Array.isArray(x) || x.length < 8 || x.length > 9) return undefined;
  const [ruleId, severity, n, sl, sc, el, ec, pointer, related] = x as unknown[];
  if (!isString(ruleId) || !SEVERITIES.includes(severity as string) || !isNumberIn(n, messages) || !isCount(sl) || !isCount(sc) || !isCount(el) || !isCount(ec) || !isString(pointer)) return undefined;
  const finding: Finding = { ruleId, severity: severity as Severity, message: messages[n], range: rangeOf(sl, sc, el, ec), pointer };
  if (related === undefined) return finding;
  if (!Array.isArray(related)) return undefined;
  finding.related = [];
  for (const r of related) {
    if (!Array.isArray(r) || r.length !== 6 || !isNumberIn(r[0], uris) || !r.slice(1, 5).every(isCount) || !isNumberIn(r[5], messages)) return undefined;
    finding.related.push({ uri: uris[r[0]], range: rangeOf(r[1], r[2], r[3], r[4]), message: messages[r[5]] });
  }
  return finding;
}

/** What was read from the file at `uri` last time: its index entry must be of that file. */
export function isKnownFile(x: unknown, uri: string): boolean {
  if (!isObj(x) || !isString(x.meta) || !isString(x.hash) || !isCount(x.length) || !optional(x.facts, isString)) return false;
  return x.entry === null || isIndexEntry(x.entry, uri);
}

function isIndexEntry(x: unknown, uri: string): x is IndexedDocument {
  return (
    isObj(x) &&
    x.uri === uri &&
    optional(x.id, isString) &&
    optional(x.kind, isKind) &&
    optional(x.idLine, isCount) &&
    optional(x.children, (c) => Array.isArray(c) && c.every(isString)) &&
    optional(x.textHash, isCount)
  );
}
