/**
 * A child's records as a whole: every care plan, review and supervision record with the same
 * `child:`, in date order. Which records belong to a child comes from the index (a cheap scan of
 * each text); the facts of each record come from a parse, kept per record and read again only
 * when its text changed. Pure: the adapters load a record's text, tests build it in memory.
 */
import type { DocumentIndex } from '../documentIndex';
import { canonicalUri } from '../paths';
import { factsKey, type RecordFacts } from './facts';

/** The facts of a record from its current text, or undefined when it cannot be read or is not a record. */
export type FactsLoader = (uri: string) => Promise<RecordFacts | undefined>;

interface Known {
  facts: RecordFacts | undefined;
  /** The index entry's text fingerprint the facts were read from. */
  textHash: number | undefined;
  key: string;
}

const KIND_ORDER = { 'care-plan': 0, review: 1, supervision: 2 } as const;

/** Date order; a record with no date last; on one day care plan, review, supervision; then by URI, so the order is stable. */
export function byDate(a: RecordFacts, b: RecordFacts): number {
  if (a.date !== b.date) return a.date === undefined ? 1 : b.date === undefined ? -1 : a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** One child's records in date order, with the record being checked among them. */
export interface Timeline {
  readonly child: string;
  readonly records: readonly RecordFacts[];
  /** The record being checked, as the chronology sees it. */
  readonly self: RecordFacts;
}

export class Chronology {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly index: DocumentIndex,
    private readonly load: FactsLoader,
  ) {}

  /**
   * Records the facts read from a record's text (the engine calls this after each check). Returns
   * the children whose chronology changed, whose other records must then be checked again.
   */
  observe(uri: string, facts: RecordFacts | undefined, textHash: number | undefined): string[] {
    const canonical = canonicalUri(uri);
    const key = facts ? factsKey(facts) : '';
    const old = this.known.get(canonical);
    this.known.set(canonical, { facts, textHash, key });
    // A record no check has read yet is one no finding depends on (a new file changes the index,
    // which rechecks everything anyway).
    if (!old || old.key === key) return [];
    return [...new Set([...(old?.facts?.children ?? []), ...(facts?.children ?? [])])];
  }

  /** Whether facts of this record are held. */
  has(uri: string): boolean {
    return this.known.has(canonicalUri(uri));
  }

  /** Forgets a record that went (its children's chronology changed). */
  forget(uri: string): string[] {
    const canonical = canonicalUri(uri);
    const old = this.known.get(canonical);
    this.known.delete(canonical);
    return [...(old?.facts?.children ?? [])];
  }

  /**
   * The child's records in date order, reading any whose facts are missing or older than the text
   * the index has. `used` hears the facts key of every record looked at (those of other children
   * too: that they are not this child's is itself read from their facts).
   */
  async recordsOf(child: string, used?: Map<string, string>): Promise<RecordFacts[]> {
    const out: RecordFacts[] = [];
    for (const entry of this.index.recordsOf(child)) {
      let known = this.known.get(entry.uri);
      if (!known || known.textHash !== entry.textHash) {
        const facts = await this.load(entry.uri);
        known = { facts, textHash: entry.textHash, key: facts ? factsKey(facts) : '' };
        this.known.set(entry.uri, known);
      }
      used?.set(entry.uri, known.key);
      // Facts read from a text that moved the record to another child since do not count here.
      if (known.facts?.children.includes(child)) out.push(known.facts);
    }
    return out.sort(byDate);
  }

  /**
   * A record's place in each of its children's chronologies, taken from `self` (the text being
   * checked, whatever the index last saw, so an unsaved edit counts at once). `used` hears the
   * facts key of each other record read (see recordsOf): the timelines are the same while those are.
   */
  async timelinesOf(self: RecordFacts, used?: Map<string, string>): Promise<Timeline[]> {
    if (!self.date) return [];
    const canonical = canonicalUri(self.uri);
    const out: Timeline[] = [];
    for (const child of self.children) {
      const others = (await this.recordsOf(child, used)).filter((r) => canonicalUri(r.uri) !== canonical);
      out.push({ child, records: [...others, self].sort(byDate), self });
    }
    used?.delete(canonical);
    return out;
  }

  /** Drops facts of records the index no longer has (memory stays in step with the workspace). */
  prune(): void {
    for (const uri of this.known.keys()) if (!this.index.get(uri)) this.known.delete(uri);
  }
}
