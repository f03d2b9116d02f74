/**
 * What the audits of a prose judgement's lists share (reflectionAudit.ts, pointerLoso.ts): the
 * labelled domain and dev items with their sources, each list entry's support (the items it makes
 * right) and harms, and the leave-one-source-out estimate — for each dev source, the entries only
 * that source's items need are taken out (they would not be there had it been held out) and its
 * items judged without them. The blind split is never read.
 */
import { counts } from './score';
import { Case, loadCases, loadFile, type ProseRule } from './sets';

export interface Row {
  case: Case;
  /** The item's source id, or 'domain' for the set written from DOMAIN.md (an entry it needs always stays). */
  source: string;
}

/** An entry of one of the judgement's lists, which can be taken out and put back. */
export interface Removable {
  take(): void;
  put(): void;
}

export interface Audited {
  /** Items right with the entry and wrong without it. */
  support: number[];
  /** Items wrong with it and right without it. */
  harms: number[];
}

/** The domain and dev items of a rule, each with its source. */
export function labelledRows(rule: ProseRule): Row[] {
  const out: Row[] = loadCases(rule, 'domain').map((c) => ({ case: c, source: 'domain' }));
  const dev = loadFile(rule, 'dev')!;
  loadCases(rule, 'dev').forEach((c, i) => out.push({ case: c, source: String(dev.items[i].source) }));
  return out;
}

export const formatCounts = (c: ReturnType<typeof counts>) => `F1 ${c.f1.toFixed(3)}  P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`;

/** The judgement of a set of items; `reset` rebuilds what the lists were compiled into. */
export class EntryAudit<E extends Removable & Audited> {
  readonly base: Map<number, boolean>;

  constructor(
    readonly all: Row[],
    private readonly flagged: (c: Case) => boolean,
    private readonly reset: () => void,
  ) {
    this.base = this.judge();
  }

  judge(only?: number[]): Map<number, boolean> {
    const out = new Map<number, boolean>();
    for (const i of only ?? this.all.map((_, j) => j)) out.set(i, this.flagged(this.all[i].case));
    return out;
  }

  /** Takes the entries out for the length of `f` (put back in reverse order, each where it was). */
  without<T>(gone: E[], f: () => T): T {
    for (const e of gone) e.take();
    this.reset();
    try {
      return f();
    } finally {
      for (const e of [...gone].reverse()) e.put();
      this.reset();
    }
  }

  /** Fills each entry's support and harms. */
  weigh(entries: E[]): void {
    for (const e of entries) {
      for (const [i, v] of this.without([e], () => this.judge())) {
        if (v === this.base.get(i)) continue;
        if (v !== this.all[i].case.expected) e.support.push(i);
        else e.harms.push(i);
      }
    }
  }

  sourcesOf(items: number[]): string[] {
    return [...new Set(items.map((i) => this.all[i].source))];
  }

  /** The dev score as tuned. */
  devScore(): string {
    return formatCounts(counts(this.all.map((r, i) => ({ case: r.case, flagged: this.base.get(i)! })).filter((v) => v.case.set === 'dev')));
  }

  /**
   * The leave-one-source-out estimate: each dev source judged without the entries `own` gives it.
   * `onChange` hears of each verdict that changes.
   */
  leaveOneSourceOut(entries: E[], own: (e: E, source: string) => boolean, onChange?: (i: number, now: boolean, gone: E[]) => void): string {
    const devSources = [...new Set(this.all.filter((r) => r.source !== 'domain').map((r) => r.source))];
    const verdicts: { case: Case; flagged: boolean }[] = [];
    let changed = 0;
    for (const s of devSources) {
      const mine = this.all.map((r, i) => (r.source === s ? i : -1)).filter((i) => i >= 0);
      const gone = entries.filter((e) => own(e, s));
      const judged = gone.length ? this.without(gone, () => this.judge(mine)) : new Map(mine.map((i) => [i, this.base.get(i)!]));
      for (const i of mine) {
        if (judged.get(i) !== this.base.get(i)) {
          changed++;
          onChange?.(i, judged.get(i)!, gone);
        }
        verdicts.push({ case: this.all[i].case, flagged: judged.get(i)! });
      }
    }
    return `${formatCounts(counts(verdicts))}  — ${changed} verdicts change across ${devSources.length} sources`;
  }

  /** Entries whose support is all in this source. */
  ownedBySupport(e: E, source: string): boolean {
    return e.support.length > 0 && e.support.every((i) => this.all[i].source === source);
  }
}

/** An entry that is an item of a list: taken out by splicing, put back where it was. */
export function listEntry<T>(list: T[], item: T): Removable {
  let at = -1;
  return {
    take: () => {
      at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    },
    put: () => {
      if (at >= 0) list.splice(at, 0, item);
    },
  };
}
