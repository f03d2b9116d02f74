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
import { Case } from './sets';
import { EntryAudit, labelledRows, listEntry, type Audited, type Removable } from './entryAudit';

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

type Entry = Removable &
  Audited & {
    family: string;
    cue: C.Cue;
    /** Items whose text it matches at all. */
    matches: number[];
  };

function main(): void {
  const audit = new EntryAudit<Entry>(labelledRows('supervision-reflection'), flagged, resetCueCaches);
  const { all } = audit;
  const entries: Entry[] = [];
  for (const [family, list] of FAMILIES) {
    for (const cue of [...list]) {
      const re = new RegExp(cue.src.replace(/ /g, '\\s+'));
      const matches = all.map((r, i) => (re.test(r.case.text.toLowerCase()) ? i : -1)).filter((i) => i >= 0);
      entries.push({ family, cue, matches, ...listEntry(list, cue), support: [], harms: [] });
    }
  }
  audit.weigh(entries);

  const show = (e: Entry) => `${e.family} ${JSON.stringify(e.cue.src.length > 60 ? e.cue.src.slice(0, 59) + '…' : e.cue.src)}`;
  const sourcesOf = (items: number[]) => audit.sourcesOf(items);
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

  const estimate = (name: string, own: (e: Entry, s: string) => boolean): string =>
    audit.leaveOneSourceOut(entries, own, (i, now, gone) => {
      if (process.argv.includes('--changes')) console.log(`  ${name}: ${all[i].source} now ${now === all[i].case.expected ? 'right' : 'WRONG'} without ${gone.map((e) => e.family).join(' ')}: ${all[i].case.text.slice(0, 100)}`);
    });
  const bySupport = estimate('support', (e, s) => audit.ownedBySupport(e, s));
  const byText = estimate('text', (e, s) => e.matches.length > 0 && e.matches.every((i) => all[i].source === s));
  console.log(`\ndev as tuned:                       ${audit.devScore()}`);
  console.log(`leave-one-source-out, by support:   ${bySupport}`);
  console.log(`leave-one-source-out, by text:      ${byText}`);
}

main();
