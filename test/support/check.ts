import { applyConfig, createEngine, createMemoryHost, defaultConfig, Finding, RawConfig } from '../../server/src/service';

export const ROOT = 'file:///ws/';
export const DOC_URI = 'file:///ws/case/doc.yaml';

export interface CheckOptions {
  /** Other workspace documents (uri → text), indexed before the check. */
  documents?: Record<string, string>;
  /** Other files that exist (for `path:` references). */
  files?: string[];
  config?: RawConfig;
  /** Only these rules run (the table tests switch on the rule under test). */
  only?: string[];
  uri?: string;
}

/** Checks YAML text with an in-memory workspace, as the table tests and golden tests do. */
export async function check(text: string, options: CheckOptions = {}): Promise<Finding[]> {
  const uri = options.uri ?? DOC_URI;
  const docs = options.documents ?? {};
  const engine = createEngine(createMemoryHost([ROOT], options.files ?? [], new Map(Object.entries(docs))));
  for (const [u, t] of Object.entries(docs)) engine.index.set(u, t);
  engine.index.set(uri, text);
  let config = applyConfig(defaultConfig(), { today: '2025-11-01', ...options.config });
  if (options.only) {
    const rules = Object.fromEntries(['yaml-syntax', 'schema', ...engine.rules.map((r) => r.id)].map((id) => [id, 'off' as const]));
    for (const id of options.only) delete rules[id];
    config = applyConfig(config, { rules });
  }
  return (await engine.check({ uri, text }, config)).findings;
}

/** Compact view of findings for assertions: `line:rule`. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);
}
