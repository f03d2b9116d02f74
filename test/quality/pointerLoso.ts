/**
 * How much of the reference-unlinked judgement is there for one source only, and how does it do on
 * writing it was not tuned on? Takes each list entry of the pointer scan out in turn (a cue, a
 * document word, a document type's alias) and lists the labelled items it makes right (its
 * support) on the domain and dev sets; then estimates the dev score by leave-one-source-out: for
 * each dev source, the entries only that source's items need are taken out (they would not be there
 * had it been held out), and its items are judged without them.
 *
 *   npx tsx test/quality/pointerLoso.ts            # the estimate, and the entries one source alone needs
 *   npx tsx test/quality/pointerLoso.ts --unneeded # also the entries no labelled item needs
 *   npx tsx test/quality/pointerLoso.ts --changes  # the verdicts the estimate changes
 *
 * The domain set is written from DOMAIN.md, not a source: an entry it needs always stays. The blind
 * split is not read. The verdict is the rule's with its default options (citations pass, a listed
 * document excuses its pointer), read from the scan directly; the script checks it agrees with the
 * engine on every item first.
 */
import { CUE_GROUPS } from '../../server/src/service/prose/pointers/cues';
import { DOCUMENT_HEADS } from '../../server/src/service/prose/pointers/targets';
import { DOCUMENT_TYPES } from '../../server/src/service/prose/documentTypes';
import { findDocumentPointers, resetPointerTables } from '../../server/src/service/prose/pointers';
import { listedReferences, matchListed } from '../../server/src/service/rules/listedReferences';
import { counts, judge } from './score';
import { Case, loadCases, loadFile } from './sets';

interface Row {
  case: Case;
  source: string;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const c of loadCases('reference-unlinked', 'domain')) out.push({ case: c, source: 'domain' });
  const dev = loadFile('reference-unlinked', 'dev')!;
  loadCases('reference-unlinked', 'dev').forEach((c, i) => out.push({ case: c, source: String(dev.items[i].source) }));
  return out;
}

/** The rule's verdict on a labelled item, with its default options. */
function flagged(c: Case): boolean {
  const doc = c.doc as { discussion?: string; references?: unknown };
  const listed = listedReferences(doc.references);
  return findDocumentPointers(doc.discussion ?? '').some((p) => p.strength === 'pointer' && !matchListed(listed, p).match);
}

/** An entry of one of the scan's lists, and how to take it out and put it back. */
interface Entry {
  name: string;
  take(): void;
  put(): void;
  support: number[];
  harms: number[];
}

function arrayEntry<T>(name: string, list: T[], item: T): Omit<Entry, 'support' | 'harms'> {
  let at = -1;
  return {
    name,
    take: () => {
      at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    },
    put: () => {
      if (at >= 0) list.splice(at, 0, item);
    },
  };
}

function entries(): Entry[] {
  const out: Omit<Entry, 'support' | 'harms'>[] = [];
  const short = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 59) + '…' : s);
  for (const [kind, list] of CUE_GROUPS) for (const e of list) out.push(arrayEntry(`cue ${kind} ${short(e.src)}`, list as typeof e[], e));
  for (const h of DOCUMENT_HEADS) out.push(arrayEntry(`head ${short(h.src)}`, DOCUMENT_HEADS as typeof h[], h));
  for (const [id, t] of Object.entries(DOCUMENT_TYPES)) for (const a of t.aliases) out.push(arrayEntry(`alias ${id} ${short(a)}`, t.aliases, a));
  return out.map((e) => ({ ...e, support: [], harms: [] }));
}

function judgeAll(all: Row[], only?: number[]): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const i of only ?? all.map((_, j) => j)) out.set(i, flagged(all[i].case));
  return out;
}

/** Takes the entries out for the length of `f` (in reverse order, so each goes back where it was). */
function without<T>(gone: Entry[], f: () => T): T {
  for (const e of gone) e.take();
  resetPointerTables();
  try {
    return f();
  } finally {
    for (const e of [...gone].reverse()) e.put();
    resetPointerTables();
  }
}

async function main(): Promise<void> {
  const all = rows();
  const base = judgeAll(all);
  // the shortcut must be the rule: any difference makes every figure below wrong
  for (let i = 0; i < all.length; i++) {
    const v = await judge(all[i].case);
    if (v.flagged !== base.get(i)) throw new Error(`the audit's verdict differs from the engine's on: ${all[i].case.text}`);
  }
  const right = (i: number, v: boolean) => v === all[i].case.expected;
  const list = entries();
  for (const e of list) {
    const now = without([e], () => judgeAll(all));
    for (const [i, v] of now) {
      if (v === base.get(i)) continue;
      if (right(i, base.get(i)!)) e.support.push(i);
      else e.harms.push(i);
    }
  }
  const sourcesOf = (items: number[]) => [...new Set(items.map((i) => all[i].source))];
  const unneeded = list.filter((e) => e.support.length === 0);
  console.log(`${list.length} entries; ${unneeded.length} make no labelled item right (most because another entry finds the same items)`);
  if (process.argv.includes('--unneeded')) for (const e of unneeded) console.log(`  ${e.name}${e.harms.length ? `  (and ${e.harms.length} wrong with it)` : ''}`);
  const harmful = list.filter((e) => e.harms.length > e.support.length);
  if (harmful.length) {
    console.log(`\n${harmful.length} entries that make more items wrong than right:`);
    for (const e of harmful) console.log(`  ${e.name}: right ${e.support.length}, wrong ${e.harms.length}`);
  }
  const single = list.filter((e) => e.support.length > 0 && sourcesOf(e.support).length === 1 && sourcesOf(e.support)[0] !== 'domain');
  console.log(`\n${single.length} entries whose support is one dev source:`);
  for (const e of single) console.log(`  ${sourcesOf(e.support)[0].padEnd(5)} ${e.support.length} item(s)  ${e.name}`);

  const devSources = [...new Set(all.filter((r) => r.source !== 'domain').map((r) => r.source))];
  const verdicts: { case: Case; flagged: boolean }[] = [];
  let changed = 0;
  for (const s of devSources) {
    const mine = all.map((r, i) => (r.source === s ? i : -1)).filter((i) => i >= 0);
    const gone = list.filter((e) => e.support.length > 0 && e.support.every((i) => all[i].source === s));
    const judged = gone.length ? without(gone, () => judgeAll(all, mine)) : new Map(mine.map((i) => [i, base.get(i)!]));
    for (const i of mine) {
      if (judged.get(i) !== base.get(i)) {
        changed++;
        if (process.argv.includes('--changes')) console.log(`  ${s} now ${right(i, judged.get(i)!) ? 'right' : 'WRONG'}: ${all[i].case.text.slice(0, 110)}`);
      }
      verdicts.push({ case: all[i].case, flagged: judged.get(i)! });
    }
  }
  const fmt = (c: ReturnType<typeof counts>) => `F1 ${c.f1.toFixed(3)}  P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`;
  console.log(`\ndev as tuned:           ${fmt(counts(all.map((r, i) => ({ case: r.case, flagged: base.get(i)! })).filter((v) => v.case.set === 'dev')))}`);
  console.log(`leave-one-source-out:   ${fmt(counts(verdicts))}  — ${changed} verdicts change across ${devSources.length} sources`);
}

void main();
