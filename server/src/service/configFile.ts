import type { Finding } from './types';
import type { RawConfig } from './config';
import { Document, parseDocument, LineCounter } from 'yaml';
import { lineRange, rangeOf } from './parse';
import { locate, toPointer } from './locate';
import { validateAgainstSchema } from './schema';
import { SCHEMA_RULE_ID, SYNTAX_RULE_ID } from './rules';

/**
 * Reads a `.careplan.yaml` config. Problems come back as findings against the config file,
 * and the config is only used when it is valid, so a typo never silently changes the rules.
 */
export function parseConfigText(text: string): { config: RawConfig | undefined; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const cannotRead = (message: string) => ({
    config: undefined,
    findings: [{ ruleId: SYNTAX_RULE_ID, severity: 'error' as const, message: `The config file cannot be read: ${message}`, range: rangeOf(lineCounter, 0, 0), pointer: '' }],
  });
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  } catch (err) {
    // Thousands of nested levels overflow the parser's stack.
    return cannotRead(err instanceof RangeError ? 'it is nested too deeply' : (err as Error).message);
  }
  const findings: Finding[] = doc.errors.map((e) => ({
    ruleId: SYNTAX_RULE_ID,
    severity: 'error',
    message: `The config file cannot be read: ${e.message.split('\n')[0]}`,
    range: lineRange(text, lineCounter, e.pos[0], e.pos[1]),
    pointer: '',
  }));
  if (findings.length) return { config: undefined, findings };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (err) {
    return cannotRead((err as Error).message);
  }
  const parsed = { text, doc, lineCounter, kind: undefined, value, problems: [] };
  for (const p of validateAgainstSchema('config', value)) {
    findings.push({ ruleId: SCHEMA_RULE_ID, severity: 'error', message: p.message, range: locate(parsed, p.path, p.target), pointer: toPointer(p.path) });
  }
  return { config: findings.length ? undefined : (value as RawConfig), findings };
}
