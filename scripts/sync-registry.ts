/**
 * Writes what the rule registry implies, so nothing about the rules is copied by hand: the
 * README's rule table, the index of rule pages (docs/rules/README.md), the rule ids listed in docs/format.md, the editor's `careplan.rules`
 * setting (package.json) and the `rules:` part of the config schema source
 * (schemas/src/config.json, options included).
 *
 *   npm run sync          rewrite them (and the schemas built from schemas/src)
 *
 * test/unit/core/registry.test.ts fails when any of them is out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_INFO, RULES } from '../server/src/service';
import type { RuleOption } from '../server/src/service/rules';

const ROOT = path.join(__dirname, '..');
const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'];

export function ruleTable(): string {
  const rows = RULE_INFO.map((r) => `| \`${r.id}\` | ${r.defaultSeverity} | ${r.description} |`);
  return ['## Rules', '', '| id | default | what it finds |', '|---|---|---|', ...rows].join('\n');
}

export function readmeWithTable(readme: string): string {
  const [before, rest] = readme.split('<!-- rules:start -->');
  const after = rest.split('<!-- rules:end -->')[1];
  return `${before}<!-- rules:start -->\n${ruleTable()}\n<!-- rules:end -->${after}`;
}

/** The list of rule ids in docs/format.md's settings section. */
export function formatDocWithIds(doc: string): string {
  const [before, rest] = doc.split('<!-- rule-ids:start -->');
  const after = rest.split('<!-- rule-ids:end -->')[1];
  const ids = `Rule ids: ${RULE_INFO.map((r) => `\`${r.id}\``).join(', ')}.`;
  return `${before}<!-- rule-ids:start -->\n${ids}\n<!-- rule-ids:end -->${after}`;
}

/** The editor setting takes a severity per rule; options live in `.careplan.yaml`. */
export function editorRuleSettings(): Record<string, unknown> {
  return Object.fromEntries(
    RULE_INFO.map((r) => [r.id, { type: 'string', enum: SEVERITIES, markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.` }]),
  );
}

/** The schema of one rule option. */
function optionSchema(o: RuleOption): Record<string, unknown> {
  switch (o.type) {
    case 'integer':
      return { type: 'integer', minimum: o.minimum, maximum: o.maximum, default: o.default, description: o.description };
    case 'boolean':
      return { type: 'boolean', default: o.default, description: o.description };
    case 'phrases':
      return { $ref: '#/$defs/phrases', description: o.description };
    case 'document-types':
      return { type: 'object', additionalProperties: { $ref: '#/$defs/phrases' }, description: o.description };
    case 'fields-by-kind': {
      const fields = { type: 'array', items: { type: 'string', pattern: '^[a-z_]+(\\.[a-z_]+)*$' }, uniqueItems: true };
      return { type: 'object', properties: { 'care-plan': fields, review: fields, supervision: fields }, additionalProperties: false, description: o.description };
    }
  }
}

/** The config schema's `rules.properties`: a rule with options takes them beside `severity:`. */
export function configRuleProperties(): Record<string, unknown> {
  const options = new Map(RULES.map((r) => [r.id, r.options]));
  return Object.fromEntries(
    RULE_INFO.map((r) => {
      const opts = options.get(r.id);
      if (!opts) return [r.id, { $ref: '#/$defs/ruleSetting', title: r.id, description: r.description }];
      const props: Record<string, unknown> = { severity: { $ref: '#/$defs/severity' } };
      for (const [name, o] of Object.entries(opts)) props[name] = optionSchema(o);
      return [
        r.id,
        {
          title: r.id,
          description: r.description,
          if: { type: 'string' },
          then: { $ref: '#/$defs/severity' },
          else: { type: 'object', 'x-label': 'rule setting', properties: props, additionalProperties: false },
          examples: ['off', { severity: 'warning', ...Object.fromEntries(Object.entries(opts).flatMap(([n, o]) => ('default' in o ? [[n, o.default]] : []))) }],
        },
      ];
    }),
  );
}

export function packageJsonSynced(text: string): string {
  const pkg = JSON.parse(text);
  pkg.contributes.configuration.properties['careplan.rules'].properties = editorRuleSettings();
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function configSchemaSynced(text: string): string {
  const schema = JSON.parse(text);
  schema.$defs.rules.propertyNames = { enum: RULE_INFO.map((r) => r.id) };
  schema.$defs.rules.properties = configRuleProperties();
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** docs/rules/README.md: the index of the rule pages, one line per rule in the registry's order. */
export function rulesIndex(): string {
  const lines = RULE_INFO.map((r) => `- [\`${r.id}\`](${r.id}.md) (${r.defaultSeverity}): ${r.description}`);
  return ['# Rules', '', 'Generated from the rule registry by `npm run sync`; each page says what the rule finds, why it', 'matters, and shows examples.', '', ...lines, ''].join('\n');
}

export const SYNCED: readonly { file: string; sync: (text: string) => string }[] = [
  { file: 'docs/rules/README.md', sync: () => rulesIndex() },
  { file: 'README.md', sync: readmeWithTable },
  { file: 'docs/format.md', sync: formatDocWithIds },
  { file: 'package.json', sync: packageJsonSynced },
  { file: 'schemas/src/config.json', sync: configSchemaSynced },
];

if (require.main === module) {
  for (const { file, sync } of SYNCED) {
    const full = path.join(ROOT, file);
    const text = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : '';
    const next = sync(text);
    if (next !== text) {
      fs.writeFileSync(full, next);
      console.log(`wrote ${file}`);
    }
  }
}
