/** The README, the extension manifest and the config schema say what the code does. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_INFO } from '../../../server/src/service';
import { schemaFor } from '../../../server/src/service/schema';
import { buildProgram } from '../../../server/src/cli';

const REPO = path.resolve(__dirname, '../../..');
const read = (f: string) => fs.readFileSync(path.join(REPO, f), 'utf8');
const manifest = JSON.parse(read('package.json'));

describe('docs and manifests in sync with the code', () => {
  it('the careplan.rules setting lists every rule id with its default', () => {
    const props = manifest.contributes.configuration.properties['careplan.rules'].properties;
    assert.deepEqual(Object.keys(props), RULE_INFO.map((r) => r.id));
    for (const r of RULE_INFO) assert.match(props[r.id].markdownDescription, new RegExp(`Default: \`${r.defaultSeverity}\``));
  });

  it('the config schema accepts exactly the rule ids', () => {
    const rules = (schemaFor('config').$defs as Record<string, { propertyNames: { enum: string[] } }>).rules;
    assert.deepEqual([...rules.propertyNames.enum].sort(), RULE_INFO.map((r) => r.id).sort());
  });

  it('client/README.md describes every setting', () => {
    const readme = read('client/README.md');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) assert.ok(readme.includes(`\`${key}\``), key);
  });

  it('the README shows every option of careplan lint', () => {
    const readme = read('README.md');
    const lint = buildProgram().commands.find((c) => c.name() === 'lint')!;
    for (const o of lint.options) assert.ok(readme.includes(o.long!), `README lacks ${o.long}`);
  });
});
