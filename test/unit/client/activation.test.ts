// Issue 14, item 1: opening a folder of records fills the Problems panel without opening a file,
// and a folder without records costs no language server. The extension activates on YAML in the
// workspace; the cheap sniff of each file's first lines decides whether the server starts.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeRecord, HEAD_BYTES } from '../../../client/src/recordSniff';

const ROOT = join(__dirname, '../../..');

describe('client: when the extension starts the checks', () => {
  it('activates on a folder holding YAML, not only on a settings file or an opened YAML file', () => {
    const events: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).activationEvents;
    assert.ok(events.includes('workspaceContains:**/*.yaml'), JSON.stringify(events));
    assert.ok(events.includes('workspaceContains:**/*.yml'), JSON.stringify(events));
    assert.ok(events.includes('workspaceContains:**/.careplan.yaml'));
  });

  it('takes every sample record for a record, by its first lines', () => {
    const dirs = readdirSync(join(ROOT, 'samples'), { withFileTypes: true }).filter((d) => d.isDirectory());
    let n = 0;
    for (const d of dirs) {
      for (const f of readdirSync(join(ROOT, 'samples', d.name)).filter((f) => f.endsWith('.yaml'))) {
        assert.ok(looksLikeRecord(readFileSync(join(ROOT, 'samples', d.name, f), 'utf8')), `${d.name}/${f}`);
        n++;
      }
    }
    assert.ok(n >= 10, `${n} sample records`);
  });

  it('takes a near-miss kind for a record (the server reports the typo)', () => {
    for (const kind of ['Review', 'care plan', 'care_plan', '"review"', 'Supervision', 'reviews']) {
      assert.ok(looksLikeRecord(`# a record\nkind: ${kind}\nid: r1\n`), kind);
    }
  });

  it('leaves other YAML alone: workflows, Kubernetes, Compose, a kind: further down or indented', () => {
    const others = [
      'name: build\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'kind: ReviewPolicy\n',
      'kind: reviewer\n',
      'services:\n  web:\n    kind: review\n',
      'x: 1\n' + '#\n'.repeat(HEAD_BYTES) + 'kind: review\n',
    ];
    for (const text of others) assert.ok(!looksLikeRecord(text), text.slice(0, 40));
  });
});
