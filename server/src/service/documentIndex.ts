import type { DocumentKind } from './types';
import { kindNamed } from './kinds';
import { canonicalUri } from './paths';
import { detachedString } from './detach';

/** What the workspace knows about one document without parsing it fully. */
export interface IndexedDocument {
  readonly uri: string;
  readonly id?: string;
  readonly kind?: DocumentKind;
  /** 0-based line of the top-level `id:` (for related information). */
  readonly idLine?: number;
  /** The case references of the children the record is about (`child:`, or `children:`). */
  readonly children?: readonly string[];
  /** A fingerprint of the whole text, so what was read from an older text can be told apart. */
  readonly textHash?: number;
}

// Top-level keys start in column 0; a cheap scan is enough and keeps indexing a large
// workspace far cheaper than parsing every file.
const TOP_ID = /^id:[ \t]*(['"]?)([^\s'"#]+)\1[ \t]*(?:#.*)?$/m;
const TOP_KIND = /^kind:[ \t]*(['"]?)(\w[\w -]{0,40}?)\1[ \t]*(?:#.*)?$/m;
const TOP_CHILD = /^child:[ \t]*(['"]?)([^\s'"#]+)\1[ \t]*(?:#.*)?$/m;
/** `children: [A, B]` on one line, or `children:` followed by `- A` items. */
const TOP_CHILDREN = /^children:[ \t]*(?:\[([^\]\n]*)\]|(?:#.*)?((?:\r?\n[ \t]*-[ \t]*[^\n]*)+))/m;
const REFERENCE = /[A-Za-z0-9][\w./-]*/g;

/** The children a record is about, from its top-level `child:` or `children:`. */
function scanChildren(text: string): string[] | undefined {
  const one = TOP_CHILD.exec(text);
  if (one) return [detachedString(one[2])];
  const many = TOP_CHILDREN.exec(text);
  if (!many) return undefined;
  const list = many[1] ?? many[2].replace(/#[^\n]*/g, '').replace(/^[ \t]*-/gm, ',');
  const refs = list.match(REFERENCE);
  return refs ? [...new Set(refs)].map(detachedString) : undefined;
}

/** 32-bit FNV-1a of the text. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Reads `kind:`, `id:` and the children from the top level of a document's text. */
export function scanDocument(uri: string, text: string): IndexedDocument {
  const kindMatch = TOP_KIND.exec(text);
  // as parse.ts reads it: a near miss (`kind: Review`) is that kind, with a finding on the spelling
  const kind = kindMatch ? kindNamed(kindMatch[2]) : undefined;
  const idMatch = TOP_ID.exec(text);
  const found: IndexedDocument = idMatch ? { uri, kind, id: detachedString(idMatch[2]), idLine: countLines(text, idMatch.index) } : { uri, kind };
  if (!kind) return found;
  const children = scanChildren(text);
  return { ...found, ...(children ? { children } : {}), textHash: hashOf(text) };
}

/** Line breaks before `end`: LF, CRLF, or a lone CR, as LSP clients count lines. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  if (text.includes('\r')) for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n++;
  return n;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  set?.delete(uri);
  if (set && set.size === 0) map.delete(key);
}

/**
 * The ids, kinds and children of every care-plan document in the workspace, kept up to date by
 * adapters. `generation` counts changes that can change any record's findings (an id, a kind,
 * which child a record is about); a change of text alone only replaces the entry, so what was
 * read from the old text (the chronology's facts) can be told to be stale.
 */
export class DocumentIndex {
  private readonly byUri = new Map<string, IndexedDocument>();
  private readonly ids = new Map<string, Set<string>>();
  private readonly byChild = new Map<string, Set<string>>();
  private version = 0;

  /** Adds or refreshes a document from its text; returns true when its id, kind or children changed. */
  set(uri: string, text: string): boolean {
    return this.put(scanDocument(uri, text));
  }

  /** Entries are kept under the canonical spelling of their URI (see canonicalUri). */
  put(given: IndexedDocument): boolean {
    const uri = canonicalUri(given.uri);
    const entry = uri === given.uri ? given : { ...given, uri };
    const old = this.byUri.get(entry.uri);
    if (old && old.id === entry.id && old.kind === entry.kind && old.idLine === entry.idLine && sameList(old.children, entry.children)) {
      if (old.textHash !== entry.textHash) this.byUri.set(entry.uri, entry);
      return false;
    }
    this.remove(entry.uri);
    if (!entry.kind) return old !== undefined;
    this.byUri.set(entry.uri, entry);
    if (entry.id) addTo(this.ids, entry.id, entry.uri);
    for (const child of entry.children ?? []) addTo(this.byChild, child, entry.uri);
    this.version++;
    return true;
  }

  remove(given: string): boolean {
    const uri = canonicalUri(given);
    const old = this.byUri.get(uri);
    if (!old) return false;
    this.byUri.delete(uri);
    if (old.id) removeFrom(this.ids, old.id, uri);
    for (const child of old.children ?? []) removeFrom(this.byChild, child, uri);
    this.version++;
    return true;
  }

  /** The records about this child (by case reference), in no particular order. */
  recordsOf(child: string): IndexedDocument[] {
    const set = this.byChild.get(child);
    return set ? [...set].map((u) => this.byUri.get(u)!) : [];
  }

  /** Every child with at least one record. */
  allChildren(): string[] {
    return [...this.byChild.keys()];
  }

  /** Documents whose top-level `id:` is `id`. */
  findById(id: string): IndexedDocument[] {
    const set = this.ids.get(id);
    return set ? [...set].map((u) => this.byUri.get(u)!) : [];
  }

  get(uri: string): IndexedDocument | undefined {
    return this.byUri.get(canonicalUri(uri));
  }

  all(): IterableIterator<IndexedDocument> {
    return this.byUri.values();
  }

  /** All known ids, for completion. */
  allIds(): string[] {
    return [...this.ids.keys()];
  }

  /** Increases whenever an id or kind changes, so callers can tell when to recheck. */
  get generation(): number {
    return this.version;
  }
}
