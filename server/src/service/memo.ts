/**
 * A bounded cache of results of pure text analysis (timescales, expectations, pointers). While an
 * author types, almost every item in the document is unchanged, so each keystroke re-analyses
 * only what changed. Keys are two-level — a scope (the rule and its options) and the text — so no
 * long key strings are built per lookup.
 *
 * Bounded in entries and in bytes: typing in one long field makes a new key per keystroke, each
 * as long as the field, so a count alone would let a 200 KB field hold a gigabyte. Oldest first
 * goes once either bound is passed.
 */
export interface CacheBounds {
  entries: number;
  /** An estimate: UTF-16 keys, and results that grow with their text (spans, tokens). */
  bytes: number;
}

const DEFAULT_BOUNDS: CacheBounds = { entries: 5_000, bytes: 16 * 1024 * 1024 };

/** Bytes an entry is taken to hold: its key, a result of about the same size, and a fixed overhead. */
export function costOf(key: string): number {
  return key.length * 4 + 128;
}

export class BoundedCache {
  private readonly scopes = new Map<string, Map<string, unknown>>();
  private entries = 0;
  private held = 0;
  private readonly bounds: CacheBounds;

  constructor(bounds: Partial<CacheBounds> = {}) {
    this.bounds = { ...DEFAULT_BOUNDS, ...bounds };
  }

  get<T>(scope: string, key: string, compute: () => T): T {
    let inner = this.scopes.get(scope);
    if (inner?.has(key)) return inner.get(key) as T;
    const value = compute();
    const cost = costOf(key);
    if (cost > this.bounds.bytes) return value; // larger than the whole cache: not kept
    if (!inner) this.scopes.set(scope, (inner = new Map()));
    inner.set(key, value);
    this.entries++;
    this.held += cost;
    if (this.entries > this.bounds.entries || this.held > this.bounds.bytes) this.evict();
    return value;
  }

  /** Drops the oldest entries until a quarter of each bound is free, so eviction is rare and amortised. */
  private evict(): void {
    const entries = this.bounds.entries * 0.75;
    const bytes = this.bounds.bytes * 0.75;
    for (const [scope, inner] of this.scopes) {
      for (const key of inner.keys()) {
        if (this.entries <= entries && this.held <= bytes) break;
        inner.delete(key);
        this.entries--;
        this.held -= costOf(key);
      }
      if (inner.size === 0) this.scopes.delete(scope);
      if (this.entries <= entries && this.held <= bytes) return;
    }
  }

  get size(): number {
    return this.entries;
  }

  /** The estimated bytes held (see `costOf`). */
  get bytes(): number {
    return this.held;
  }
}
