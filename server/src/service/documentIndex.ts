import { DOCUMENT_KINDS, DocumentKind } from './types';
import { canonicalUri } from './paths';

/** What the workspace knows about one document without parsing it fully. */
export interface IndexedDocument {
  readonly uri: string;
  readonly id?: string;
  readonly kind?: DocumentKind;
  /** 0-based line of the top-level `id:` (for related information). */
  readonly idLine?: number;
}

// Top-level keys start in column 0; a cheap scan is enough and keeps indexing a large
// workspace far cheaper than parsing every file.
const TOP_ID = /^id:[ \t]*(['"]?)([^\s'"#]+)\1[ \t]*(?:#.*)?$/m;
const TOP_KIND = /^kind:[ \t]*(['"]?)([\w-]+)\1[ \t]*(?:#.*)?$/m;

/** Reads `kind:` and `id:` from the top level of a document's text. */
export function scanDocument(uri: string, text: string): IndexedDocument {
  const kindMatch = TOP_KIND.exec(text);
  const kind = kindMatch && (DOCUMENT_KINDS as readonly string[]).includes(kindMatch[2]) ? (kindMatch[2] as DocumentKind) : undefined;
  const idMatch = TOP_ID.exec(text);
  if (!idMatch) return { uri, kind };
  const idLine = countLines(text, idMatch.index);
  return { uri, kind, id: idMatch[2], idLine };
}

/** Line breaks before `end`: LF, CRLF, or a lone CR, as LSP clients count lines. */
function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  if (text.includes('\r')) for (let i = text.indexOf('\r'); i !== -1 && i < end; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') n++;
  return n;
}

/** The ids and kinds of every care-plan document in the workspace, kept up to date by adapters. */
export class DocumentIndex {
  private readonly byUri = new Map<string, IndexedDocument>();
  private readonly ids = new Map<string, Set<string>>();
  private version = 0;

  /** Adds or refreshes a document from its text; returns true when its id or kind changed. */
  set(uri: string, text: string): boolean {
    return this.put(scanDocument(uri, text));
  }

  /** Entries are kept under the canonical spelling of their URI (see canonicalUri). */
  put(given: IndexedDocument): boolean {
    const uri = canonicalUri(given.uri);
    const entry = uri === given.uri ? given : { ...given, uri };
    const old = this.byUri.get(entry.uri);
    if (old && old.id === entry.id && old.kind === entry.kind && old.idLine === entry.idLine) return false;
    this.remove(entry.uri);
    if (!entry.kind) return old !== undefined;
    this.byUri.set(entry.uri, entry);
    if (entry.id) {
      let set = this.ids.get(entry.id);
      if (!set) this.ids.set(entry.id, (set = new Set()));
      set.add(entry.uri);
    }
    this.version++;
    return true;
  }

  remove(given: string): boolean {
    const uri = canonicalUri(given);
    const old = this.byUri.get(uri);
    if (!old) return false;
    this.byUri.delete(uri);
    if (old.id) {
      const set = this.ids.get(old.id);
      set?.delete(uri);
      if (set && set.size === 0) this.ids.delete(old.id);
    }
    this.version++;
    return true;
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
