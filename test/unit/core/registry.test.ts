import { spawnSync } from 'node:child_process';
/** Meta-test of the rule registry: ids, docs, README table and samples agree with the code. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { RULE_INFO, RULES } from '../../../server/src/service';
import { SYNCED } from '../../../scripts/sync-registry';

const REPO = path.resolve(__dirname, '../../..');

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULE_INFO.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('gives every rule a one-sentence description and a doc page', () => {
    for (const r of RULE_INFO) {
      assert.match(r.description, /^[A-Z].*\.$/, r.id);
      const doc = path.join(REPO, 'docs', 'rules', `${r.id}.md`);
      assert.ok(fs.existsSync(doc), `missing ${doc}`);
      assert.match(fs.readFileSync(doc, 'utf8'), new RegExp(`^# ${r.id}\\n`));
    }
  });

  it('matches the README rule table', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const table = readme.split('<!-- rules:start -->')[1].split('<!-- rules:end -->')[0];
    const rows = [...table.matchAll(/^\| `([a-z-]+)` \| (\w+) \| (.*) \|$/gm)].map((m) => ({ id: m[1], defaultSeverity: m[2], description: m[3] }));
    assert.deepEqual(rows, RULE_INFO.map((r) => ({ id: r.id, defaultSeverity: r.defaultSeverity, description: r.description })));
  });

  it('the README table, the rule pages index, the editor setting and the config schema are generated from it (npm run sync)', () => {
    for (const { file, sync } of SYNCED) {
      const text = fs.existsSync(path.join(REPO, file)) ? fs.readFileSync(path.join(REPO, file), 'utf8') : '';
      assert.ok(sync(text) === text, `${file} is out of date: run npm run sync`);
    }
  });

  it('the schemas in schemas/ are built from schemas/src as committed (npm run sync)', () => {
    const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build-schemas.mjs'), '--check'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
  });

  it('every rule option is in the config schema, with its default and limits', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'config.schema.json'), 'utf8'));
    for (const r of RULES) {
      for (const [name, o] of Object.entries(r.options ?? {})) {
        const prop = schema.$defs.rules.properties[r.id].else.properties[name];
        assert.equal(prop.description, o.description, `${r.id}.${name}`);
        if (o.type === 'integer') assert.deepEqual([prop.default, prop.minimum, prop.maximum], [o.default, o.minimum, o.maximum], `${r.id}.${name}`);
        if (o.type === 'boolean') assert.deepEqual([prop.type, prop.default], ['boolean', o.default], `${r.id}.${name}`);
      }
    }
  });

  it('every option a rule reads is declared (so the config schema knows it and a misspelling stops the run)', () => {
    const dir = path.join(REPO, 'server', 'src', 'service', 'rules');
    for (const r of RULES) {
      const file = fs.readdirSync(dir).find((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes(`id: '${r.id}'`));
      assert.ok(file, `no source file for ${r.id}`);
      const read = [...fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/ctx\.options\.([a-z_]+)/g)].map((m) => m[1]);
      const undeclared = [...new Set(read)].filter((name) => !(name in (r.options ?? {})));
      assert.deepEqual(undeclared, [], `${r.id} reads options it does not declare`);
    }
  });

  it('has a sample that triggers every rule', () => {
    const marked = new Set<string>();
    for (const f of fg.sync('samples/**/*.{yaml,yml}', { cwd: REPO, dot: true })) {
      for (const m of fs.readFileSync(path.join(REPO, f), 'utf8').matchAll(/#\s*expect:\s*([a-z0-9,\s-]+)$/gm)) {
        for (const id of m[1].split(/[\s,]+/).filter(Boolean)) marked.add(id);
      }
    }
    const untriggered = RULES.map((r) => r.id).concat('schema').filter((id) => !marked.has(id));
    assert.deepEqual(untriggered, []);
  });
});
