/**
 * A bounded cache of results of pure text analysis (timescales, expectations, pointers). While an
 * author types, almost every item in the document is unchanged, so each keystroke re-analyses
 * only what changed. Keys are two-level — a scope (the rule and its options) and the text — so no
 * long key strings are built per lookup. Oldest scopes go first once the bound is reached.
 */
export class BoundedCache {
  private readonly scopes = new Map<string, Map<string, unknown>>();
  private entries = 0;

  constructor(private readonly limit = 5_000) {}

  get<T>(scope: string, key: string, compute: () => T): T {
    let inner = this.scopes.get(scope);
    if (inner?.has(key)) return inner.get(key) as T;
    const value = compute();
    if (this.entries >= this.limit) this.evict();
    if (!inner) this.scopes.set(scope, (inner = new Map()));
    inner.set(key, value);
    this.entries++;
    return value;
  }

  private evict(): void {
    // Drop the oldest half of the oldest scope: cheap, and keeps what is in use.
    const [scope, inner] = this.scopes.entries().next().value as [string, Map<string, unknown>];
    let drop = Math.max(1, inner.size >> 1);
    for (const k of inner.keys()) {
      if (drop-- <= 0) break;
      inner.delete(k);
      this.entries--;
    }
    if (inner.size === 0) this.scopes.delete(scope);
  }

  get size(): number {
    return this.entries;
  }
}
