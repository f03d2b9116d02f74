/**
 * A snapshot of every labelled item's verdict, one file per rule in test/quality/verdicts/, so that
 * any flip — right to wrong or wrong to right — fails the suite with a readable diff until the
 * snapshot is updated on purpose (`npm run quality -- --update`). Blind items are listed by key only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from './score';
import { isBlind, ProseRule, RULES } from './sets';

const DIR = path.join(__dirname, 'verdicts');

export function fileFor(rule: ProseRule): string {
  return path.join(DIR, `${rule}.txt`);
}

function excerpt(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 90 ? one.slice(0, 89) + '…' : one;
}

function line(v: Verdict): string {
  const right = v.flagged === v.case.expected ? 'right' : 'WRONG';
  const head = `${v.case.set} ${v.case.key} ${v.flagged ? 'flagged' : 'clean  '} ${right}`;
  return isBlind(v.case.set) ? head : `${head}  ${excerpt(v.case.text)}`;
}

export function render(rule: ProseRule, verdicts: Verdict[]): string {
  const header = `# ${rule}: the verdict on every labelled item (set, key, verdict, right or WRONG against the label).\n# Regenerate with \`npm run quality -- --update\` after checking the flips it reports.\n`;
  return header + verdicts.filter((v) => v.case.rule === rule).map(line).join('\n') + '\n';
}

export function write(verdicts: Verdict[], rules: readonly ProseRule[] = RULES): void {
  fs.mkdirSync(DIR, { recursive: true });
  for (const rule of rules) fs.writeFileSync(fileFor(rule), render(rule, verdicts));
}

/** The verdicts that differ from the snapshot, as readable lines (empty when none). */
export function flips(rule: ProseRule, verdicts: Verdict[]): string[] {
  const file = fileFor(rule);
  const before = new Map<string, string>();
  if (fs.existsSync(file)) {
    for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
      const m = /^([\w-]+) (\w+) (flagged|clean)/.exec(l);
      if (m) before.set(`${m[1]} ${m[2]}`, m[3]);
    }
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of verdicts.filter((x) => x.case.rule === rule)) {
    const id = `${v.case.set} ${v.case.key}`;
    seen.add(id);
    const was = before.get(id);
    const now = v.flagged ? 'flagged' : 'clean';
    if (was === now) continue;
    const what = was ? `was ${was}, now ${now}` : `new item, ${now}`;
    const verdict = v.flagged === v.case.expected ? 'now right' : 'now WRONG';
    out.push(`${id}: ${what} (${verdict})${isBlind(v.case.set) ? '' : `  ${excerpt(v.case.text)}`}`);
  }
  for (const id of before.keys()) if (!seen.has(id)) out.push(`${id}: no longer in the set`);
  return out;
}
