/**
 * `npm run quality`: precision, recall and F1 of each prose rule on the domain, dev, blind and
 * domain-blind sets, all items and clear-cut ones; the domain and dev misses; and the flips against
 * the verdict snapshot. `--update` rewrites the snapshot. `--no-blind` hides both blind splits while
 * you work on a change: score them once, when the change is done. `--by-file` adds a row for each file of a set
 * made of several (counts only).
 */
import { counts, Counts, describeMiss, judgeAll, scores } from './score';
import { flips, write } from './snapshot';
import { isBlind, RULES } from './sets';

/** Wide enough for the longest rule id. */
const RULE_WIDTH = Math.max(...RULES.map((r) => r.length)) + 1;

function row(c: Counts): string {
  return `${String(c.items).padStart(5)} ${[c.tp, c.fp, c.fn, c.tn].map((n) => String(n).padStart(4)).join(' ')}  ${c.precision.toFixed(3)}  ${c.recall.toFixed(3)}  ${c.f1.toFixed(3)}`;
}

async function main(): Promise<void> {
  const update = process.argv.includes('--update');
  const quiet = process.argv.includes('--quiet');
  const hideBlind = process.argv.includes('--no-blind');
  const byFile = process.argv.includes('--by-file');
  // --rule <id>: report and update one rule only (several people can tune different rules at once)
  const ruleArg = process.argv.indexOf('--rule');
  const only = ruleArg >= 0 ? process.argv[ruleArg + 1] : undefined;
  const rules = RULES.filter((r) => !only || r === only);
  const verdicts = await judgeAll();
  console.log(`${'rule'.padEnd(RULE_WIDTH)} set     scope      items   TP   FP   FN   TN  prec   recall F1`);
  for (const s of scores(verdicts).filter((x) => rules.includes(x.rule) && !(hideBlind && isBlind(x.set)))) {
    console.log(`${s.rule.padEnd(RULE_WIDTH)} ${s.set.padEnd(7)} all       ${row(s.all)}`);
    console.log(`${''.padEnd(RULE_WIDTH)} ${''.padEnd(7)} clear-cut ${row(s.clearCut)}`);
    const these = verdicts.filter((v) => v.case.rule === s.rule && v.case.set === s.set);
    const files = [...new Set(these.map((v) => v.case.file))];
    if (byFile && files.length > 1) {
      for (const f of files) console.log(`${''.padEnd(RULE_WIDTH)} ${''.padEnd(7)} ${f}\n${''.padEnd(RULE_WIDTH)} ${''.padEnd(7)} all       ${row(counts(these.filter((v) => v.case.file === f)))}`);
    }
  }
  if (!quiet) {
    for (const rule of rules) {
      const wrong = verdicts.filter((v) => v.case.rule === rule && !isBlind(v.case.set) && v.flagged !== v.case.expected);
      if (!wrong.length) continue;
      console.log(`\n${rule}: ${wrong.length} wrong (domain and dev)`);
      for (const v of wrong) console.log(`  ${v.case.set.padEnd(6)} ${describeMiss(v)}`);
    }
  }
  let flipped = 0;
  for (const rule of rules) {
    const f = flips(rule, verdicts).filter((line) => !(hideBlind && /^(?:domain-)?blind\b/.test(line)));
    flipped += f.length;
    if (f.length) console.log(`\n${rule}: ${f.length} verdicts differ from the snapshot\n  ${f.join('\n  ')}`);
  }
  if (update) {
    write(verdicts, rules);
    console.log('\nsnapshot updated: test/quality/verdicts/');
  } else if (flipped) {
    console.log('\nrun `npm run quality -- --update` to accept these');
  }
}

void main();
