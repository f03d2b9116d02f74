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
import { judge } from './score';
import { Case } from './sets';
import { EntryAudit, labelledRows, listEntry, type Audited, type Removable } from './entryAudit';

/** The rule's verdict on a labelled item, with its default options. */
function flagged(c: Case): boolean {
  const doc = c.doc as { discussion?: string; references?: unknown };
  const listed = listedReferences(doc.references);
  return findDocumentPointers(doc.discussion ?? '').some((p) => p.strength === 'pointer' && !matchListed(listed, p).match);
}

/** An entry of one of the scan's lists. */
type Entry = Removable & Audited & { name: string };

function entries(): Entry[] {
  const out: Entry[] = [];
  const short = (s: string) => JSON.stringify(s.length > 60 ? s.slice(0, 59) + '…' : s);
  const add = <T>(name: string, list: T[], item: T) => out.push({ name, ...listEntry(list, item), support: [], harms: [] });
  for (const [kind, list] of CUE_GROUPS) for (const e of list) add(`cue ${kind} ${short(e.src)}`, list as typeof e[], e);
  for (const h of DOCUMENT_HEADS) add(`head ${short(h.src)}`, DOCUMENT_HEADS as typeof h[], h);
  for (const [id, t] of Object.entries(DOCUMENT_TYPES)) for (const a of t.aliases) add(`alias ${id} ${short(a)}`, t.aliases, a);
  return out;
}

async function main(): Promise<void> {
  const audit = new EntryAudit<Entry>(labelledRows('reference-unlinked'), flagged, resetPointerTables);
  const { all, base } = audit;
  // the shortcut must be the rule: any difference makes every figure below wrong
  for (let i = 0; i < all.length; i++) {
    const v = await judge(all[i].case);
    if (v.flagged !== base.get(i)) throw new Error(`the audit's verdict differs from the engine's on: ${all[i].case.text}`);
  }
  const list = entries();
  audit.weigh(list);
  const unneeded = list.filter((e) => e.support.length === 0);
  console.log(`${list.length} entries; ${unneeded.length} make no labelled item right (most because another entry finds the same items)`);
  if (process.argv.includes('--unneeded')) for (const e of unneeded) console.log(`  ${e.name}${e.harms.length ? `  (and ${e.harms.length} wrong with it)` : ''}`);
  const harmful = list.filter((e) => e.harms.length > e.support.length);
  if (harmful.length) {
    console.log(`\n${harmful.length} entries that make more items wrong than right:`);
    for (const e of harmful) console.log(`  ${e.name}: right ${e.support.length}, wrong ${e.harms.length}`);
  }
  const single = list.filter((e) => e.support.length > 0 && audit.sourcesOf(e.support).length === 1 && audit.sourcesOf(e.support)[0] !== 'domain');
  console.log(`\n${single.length} entries whose support is one dev source:`);
  for (const e of single) console.log(`  ${audit.sourcesOf(e.support)[0].padEnd(5)} ${e.support.length} item(s)  ${e.name}`);

  const loso = audit.leaveOneSourceOut(
    list,
    (e, s) => audit.ownedBySupport(e, s),
    (i, now) => {
      if (process.argv.includes('--changes')) console.log(`  ${all[i].source} now ${now === all[i].case.expected ? 'right' : 'WRONG'}: ${all[i].case.text.slice(0, 110)}`);
    },
  );
  console.log(`\ndev as tuned:           ${audit.devScore()}`);
  console.log(`leave-one-source-out:   ${loso}`);
}

void main();
