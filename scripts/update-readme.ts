/** Rewrites the README's rule table from the registry: `npx tsx scripts/update-readme.ts`. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_INFO } from '../server/src/service';

export function ruleTable(): string {
  const rows = RULE_INFO.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${r.description} |`);
  return ['## Rules', '', '| id | default | what it finds |', '|---|---|---|', ...rows].join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const [before, rest] = text.split('<!-- rules:start -->');
  const after = rest.split('<!-- rules:end -->')[1];
  fs.writeFileSync(file, `${before}<!-- rules:start -->\n${ruleTable()}\n<!-- rules:end -->${after}`);
}
