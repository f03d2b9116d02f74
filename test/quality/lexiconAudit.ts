/**
 * Which word-list entries of the expectation analysis does a labelled item need? Takes each entry
 * out in turn and lists those whose removal changes no verdict on the domain and dev sets: each of
 * them needs an example row that fails without it, or should go.
 *
 *   npx tsx test/quality/lexiconAudit.ts
 *
 * Most entries are listed today because another word of the same item catches it too ("manage his
 * anger": 'anger' is vague whatever 'manage' is); the list shows where rows are missing, not what
 * to delete blindly. Runs in about half a minute.
 */
import * as L from '../../server/src/service/prose/lexicon';
import { resetWordCaches } from '../../server/src/service/prose/expectation/grammar';
import { analyseExpectation, type ExpectationFields } from '../../server/src/service/prose';
import { loadCases } from './sets';

/** The labelled items, as the fields the analysis reads (the blind split is not read). */
function items(): ExpectationFields[] {
  const out: ExpectationFields[] = [];
  for (const set of ['domain', 'dev'] as const) {
    for (const c of loadCases('expectation-generic', set)) {
      const e = (c.doc as { parent_expectations?: { parent?: string }[] }).parent_expectations?.[0];
      out.push({ expectation: c.text, parent: e?.parent ?? 'Parent' });
    }
  }
  return out;
}

function main(): void {
  const rows = items();
  const verdicts = () => rows.map((f) => analyseExpectation(f, { scorer: false }).generic);
  const base = verdicts();
  const unchanged = () => verdicts().every((g, i) => g === base[i]);
  const lists: [string, Set<string>][] = [
    ['EVALUATIVE', L.EVALUATIVE as Set<string>],
    ['VAGUE_NOUNS', L.VAGUE_NOUNS as Set<string>],
    ['ABSTRACT_OBJECTS', L.ABSTRACT_OBJECTS as Set<string>],
    ['MEASURABLE_NOUNS', L.MEASURABLE_NOUNS as Set<string>],
    ['VAGUE_PARTICIPLES', L.VAGUE_PARTICIPLES as Set<string>],
    ['STATE_NOUNS', L.STATE_NOUNS as Set<string>],
  ];
  for (const [name, list] of lists) {
    const unneeded: string[] = [];
    for (const w of [...list]) {
      list.delete(w);
      if (unchanged()) unneeded.push(w);
      list.add(w);
    }
    console.log(`${name}: ${unneeded.length} of ${list.size} needed by no item: ${unneeded.join(' ')}`);
  }
  const verbs = L.VERB_CLASS as Map<string, L.VerbClass>;
  const byClass = new Map<string, string[]>();
  for (const [w, cls] of [...verbs]) {
    verbs.delete(w);
    resetWordCaches();
    if (unchanged()) byClass.set(cls, [...(byClass.get(cls) ?? []), w]);
    verbs.set(w, cls);
  }
  resetWordCaches();
  for (const [cls, ws] of byClass) console.log(`VERB_CLASS ${cls}: ${ws.length} needed by no item: ${ws.join(' ')}`);
}

main();
