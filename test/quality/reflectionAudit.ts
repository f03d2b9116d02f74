/**
 * How much of the supervision-reflection judgement is there for one source only, and how does it
 * do on writing it was not tuned on? Takes each cue entry out in turn and lists the labelled items
 * it makes right (its support) on the domain and dev sets; then estimates the dev score by
 * leave-one-source-out: for each dev source, the entries that source alone accounts for are taken
 * out (they would not be there had it been held out), and its items are judged without them.
 * "Accounts for" is read two ways, which bound the estimate:
 *
 * - support: every item the entry makes right is that source's (strict: a common word such as
 *   "worried" that only one item happens to need is taken out for that item's source);
 * - text: every item whose text the entry matches at all is that source's (lenient: only phrases
 *   written for that source go).
 *
 *   npx tsx test/quality/reflectionAudit.ts            # both estimates, and the entries one source alone needs
 *   npx tsx test/quality/reflectionAudit.ts --entries  # also every entry's support
 *   npx tsx test/quality/reflectionAudit.ts --changes  # the verdicts each estimate changes
 *
 * The domain set is written from DOMAIN.md, not a source: an entry it needs always stays. The blind
 * split is not read. Runs in a few seconds.
 */
import * as C from '../../server/src/service/prose/reflection/cues';
import { judgeReflection, resetCueCaches } from '../../server/src/service/prose/reflection';
import { counts } from './score';
import { Case, loadCases, loadFile } from './sets';

interface Row {
  case: Case;
  source: string;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const c of loadCases('supervision-reflection', 'domain')) out.push({ case: c, source: 'domain' });
  const dev = loadFile('supervision-reflection', 'dev')!;
  loadCases('supervision-reflection', 'dev').forEach((c, i) => out.push({ case: c, source: String(dev.items[i].source) }));
  return out;
}

type Doc = { reflection?: string; discussion?: string; actions?: unknown[]; decisions?: unknown[] };

/** The rule's verdict: thin, or no decision and no action. */
function flagged(c: Case): boolean {
  const d = c.doc as Doc;
  const direction = (d.actions?.length ?? 0) + (d.decisions?.length ?? 0) > 0;
  return judgeReflection({ reflection: d.reflection, discussion: d.discussion }).thin || !direction;
}

const FAMILIES: [string, C.Cue[]][] = [
  ['WHY', C.WHY as C.Cue[]],
  ['WORKING', C.WORKING as C.Cue[]],
  ['WORRY', C.WORRY as C.Cue[]],
  ['EXPERIENCE', C.EXPERIENCE as C.Cue[]],
  ['LIVED', C.LIVED as C.Cue[]],
  ['CHILD_WORDS', C.CHILD_WORDS as C.Cue[]],
  ['GENERIC', C.GENERIC as C.Cue[]],
  ['REPORT', C.REPORT as C.Cue[]],
  ['STANCE', C.STANCE as C.Cue[]],
];

interface Entry {
  family: string;
  cue: C.Cue;
  list: C.Cue[];
  /** Items right with the entry and wrong without it. */
  support: number[];
  /** Items wrong with it and right without it. */
  harms: number[];
  /** Items whose text it matches at all. */
  matches: number[];
}

function judgeAll(all: Row[], only?: number[]): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const i of only ?? all.map((_, j) => j)) out.set(i, flagged(all[i].case));
  return out;
}

/** Takes the entries out of their families for the length of `f`. */
function without<T>(entries: Entry[], f: () => T): T {
  const taken = entries.map((e) => ({ e, at: e.list.indexOf(e.cue) }));
  for (const t of [...taken].sort((a, b) => b.at - a.at)) if (t.at >= 0) t.e.list.splice(t.at, 1);
  resetCueCaches();
  try {
    return f();
  } finally {
    for (const t of [...taken].sort((a, b) => a.at - b.at)) if (t.at >= 0) t.e.list.splice(t.at, 0, t.e.cue);
    resetCueCaches();
  }
}

function main(): void {
  const all = rows();
  const base = judgeAll(all);
  const right = (i: number, v: boolean) => v === all[i].case.expected;
  const entries: Entry[] = [];
  for (const [family, list] of FAMILIES) {
    for (const cue of [...list]) {
      const re = new RegExp(cue.src.replace(/ /g, '\\s+'));
      const e: Entry = { family, cue, list, support: [], harms: [], matches: all.map((r, i) => (re.test(r.case.text.toLowerCase()) ? i : -1)).filter((i) => i >= 0) };
      const now = without([e], () => judgeAll(all));
      for (const [i, v] of now) {
        if (v === base.get(i)) continue;
        if (right(i, base.get(i)!)) e.support.push(i);
        else e.harms.push(i);
      }
      entries.push(e);
    }
  }

  const show = (e: Entry) => `${e.family} ${JSON.stringify(e.cue.src.length > 60 ? e.cue.src.slice(0, 59) + '…' : e.cue.src)}`;
  const sourcesOf = (items: number[]) => [...new Set(items.map((i) => all[i].source))];
  const unneeded = entries.filter((e) => e.support.length === 0);
  console.log(`${entries.length} entries; ${unneeded.length} make no labelled item right (most because another entry finds the same items):`);
  for (const e of unneeded) console.log(`  ${show(e)}${e.harms.length ? `  (and ${e.harms.length} wrong with it)` : ''}`);
  const single = entries.filter((e) => e.support.length > 0 && sourcesOf(e.support).length === 1 && sourcesOf(e.support)[0] !== 'domain');
  console.log(`\n${single.length} entries whose support is one dev source:`);
  for (const e of single) console.log(`  ${sourcesOf(e.support)[0].padEnd(5)} ${e.support.length} item(s)  ${show(e)}`);
  const narrow = entries.filter((e) => !sourcesOf(e.matches).includes('domain') && sourcesOf(e.matches).length <= 1);
  console.log(`\n${narrow.length} entries whose words appear in one dev source or none:`);
  for (const e of narrow) console.log(`  ${(sourcesOf(e.matches)[0] ?? '-').padEnd(5)} ${show(e)}`);
  if (process.argv.includes('--entries')) {
    console.log('\nevery entry: support (by source) / wrong with it');
    for (const e of entries) console.log(`  ${show(e)}: ${sourcesOf(e.support).join(' ') || '-'} / ${e.harms.length}`);
  }

  const devSources = [...new Set(all.filter((r) => r.source !== 'domain').map((r) => r.source))];
  const fmt = (c: ReturnType<typeof counts>) => `F1 ${c.f1.toFixed(3)}  P ${c.precision.toFixed(3)}  R ${c.recall.toFixed(3)}  (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`;
  const estimate = (name: string, own: (e: Entry, s: string) => boolean): string => {
    const verdicts: { case: Case; flagged: boolean }[] = [];
    let changed = 0;
    for (const s of devSources) {
      const mine = all.map((r, i) => (r.source === s ? i : -1)).filter((i) => i >= 0);
      const gone = entries.filter((e) => own(e, s));
      const judged = gone.length ? without(gone, () => judgeAll(all, mine)) : new Map(mine.map((i) => [i, base.get(i)!]));
      for (const i of mine) {
        if (judged.get(i) === base.get(i)) continue;
        changed++;
        if (process.argv.includes('--changes')) console.log(`  ${name}: ${s} now ${judged.get(i) === all[i].case.expected ? 'right' : 'WRONG'} without ${gone.map((e) => e.family).join(' ')}: ${all[i].case.text.slice(0, 100)}`);
      }
      for (const i of mine) verdicts.push({ case: all[i].case, flagged: judged.get(i)! });
    }
    return `${fmt(counts(verdicts))}  — ${changed} verdicts change across ${devSources.length} sources`;
  };
  const bySupport = estimate('support', (e, s) => e.support.length > 0 && e.support.every((i) => all[i].source === s));
  const byText = estimate('text', (e, s) => e.matches.length > 0 && e.matches.every((i) => all[i].source === s));
  console.log(`\ndev as tuned:                       ${fmt(counts(all.map((r, i) => ({ case: r.case, flagged: base.get(i)! })).filter((v) => v.case.set === 'dev')))}`);
  console.log(`leave-one-source-out, by support:   ${bySupport}`);
  console.log(`leave-one-source-out, by text:      ${byText}`);
}

main();
