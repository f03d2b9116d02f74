import type { Finding } from './types';
import type { RawConfig } from './config';
import { rangeOf, readYaml, unreadableBecause } from './parse';
import { locate, toPointer } from './locate';
import { validateAgainstSchema } from './schema';
import { SCHEMA_RULE_ID, SYNTAX_RULE_ID } from './rules';

/**
 * Reads a `.careplan.yaml` config. Problems come back as findings against the config file,
 * and the config is only used when it is valid, so a typo never silently changes the rules.
 * It is read with the same guards as a record (a config is a file from the workspace too).
 */
export function parseConfigText(source: string): { config: RawConfig | undefined; findings: Finding[] } {
  const { text, doc, lineCounter, problems, unread } = readYaml(source, (reason) => `The config file cannot be read: ${reason}.`);
  const findings: Finding[] = problems.map((p) => ({ ruleId: SYNTAX_RULE_ID, severity: 'error', message: p.message, range: p.range, pointer: '' }));
  if (findings.length || unread) return { config: undefined, findings };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    return { config: undefined, findings: [{ ruleId: SYNTAX_RULE_ID, severity: 'error', message: `The config file cannot be read: ${unreadableBecause(err)}.`, range: rangeOf(lineCounter, 0, 0), pointer: '' }] };
  }
  const parsed = { text, doc, lineCounter, kind: undefined, value, problems: [], unread: [] };
  for (const p of validateAgainstSchema('config', value)) {
    findings.push({ ruleId: SCHEMA_RULE_ID, severity: 'error', message: p.message, range: locate(parsed, p.path, p.target), pointer: toPointer(p.path) });
  }
  return { config: findings.length ? undefined : (value as RawConfig), findings };
}
