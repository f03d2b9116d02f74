/**
 * What a `.careplancache` may hold, checked before anything in it is used: the file sits in the
 * repository, where a mistake or a hostile commit can put anything, and a result or an index
 * entry of the wrong shape would crash the run or put a record in the index under another file's
 * name. An entry that fails is treated as absent (the record is read and checked again).
 */
import { DOCUMENT_KINDS } from '../service';
import type { IndexedDocument } from '../service';

const SEVERITIES = ['error', 'warning', 'info', 'hint'];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isString = (x: unknown): x is string => typeof x === 'string';
const optional = (x: unknown, test: (y: unknown) => boolean) => x === undefined || test(x);
const isKind = (x: unknown) => (DOCUMENT_KINDS as readonly unknown[]).includes(x);

function isPosition(x: unknown): boolean {
  return isObj(x) && isCount(x.line) && isCount(x.character);
}

function isRange(x: unknown): boolean {
  return isObj(x) && isPosition(x.start) && isPosition(x.end);
}

function isFinding(x: unknown): boolean {
  if (!isObj(x)) return false;
  const related = x.related;
  return (
    isString(x.ruleId) &&
    SEVERITIES.includes(x.severity as string) &&
    isString(x.message) &&
    isRange(x.range) &&
    isString(x.pointer) &&
    optional(related, (r) => Array.isArray(r) && r.every((l) => isObj(l) && isString(l.uri) && isRange(l.range) && isString(l.message))) &&
    optional(x.data, isObj)
  );
}

/** A stored result of a record: its kind, findings, what its check asked of the disk and the other records' facts it read. */
export function isStoredEntry(x: unknown): boolean {
  if (!isObj(x) || !isString(x.key) || !isObj(x.result)) return false;
  const { exists, uses } = x;
  const { kind, findings } = x.result;
  return (
    Array.isArray(exists) &&
    exists.every((e) => Array.isArray(e) && e.length === 2 && isString(e[0]) && typeof e[1] === 'boolean') &&
    Array.isArray(uses) &&
    uses.every((u) => Array.isArray(u) && u.length === 2 && isString(u[0]) && isString(u[1])) &&
    optional(kind, isKind) &&
    Array.isArray(findings) &&
    findings.every(isFinding)
  );
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
