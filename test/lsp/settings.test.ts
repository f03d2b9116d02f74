import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { applyConfig, defaultConfig } from '../../server/src/service';
import { clientLayer } from '../../server/src/lsp/settings';
import { kindFromGlobs } from '../../server/src/node/kinds';

describe('language server settings (careplan.*)', () => {
  it('keeps valid rule severities and a YYYY-MM-DD today; drops anything else', () => {
    assert.deepEqual(clientLayer({ enable: true, today: '2025-11-01', rules: { 'action-overdue': 'off', schema: 'loud' as never } }), {
      today: '2025-11-01',
      rules: { 'action-overdue': 'off' },
    });
    assert.deepEqual(clientLayer({ today: 'yesterday' }), {});
    assert.deepEqual(clientLayer(undefined), {});
  });

  it('editor settings win over the config file', () => {
    const file = applyConfig(defaultConfig(), { today: '2025-01-01', rules: { 'action-owner': 'error' } });
    const merged = applyConfig(file, clientLayer({ rules: { 'action-owner': 'hint' } }));
    assert.equal(merged.rules['action-owner'].severity, 'hint');
    assert.equal(merged.today, '2025-01-01');
  });

  it('`documents:` globs give a kind to files without `kind:`, relative to the config folder', () => {
    const base = path.join(path.sep, 'ws');
    const config = { 'reviews/**/*.yaml': 'review', 'cp-*.yml': 'care-plan' } as const;
    assert.equal(kindFromGlobs(path.join(base, 'reviews', '2025', 'r1.yaml'), config, base), 'review');
    assert.equal(kindFromGlobs(path.join(base, 'any', 'cp-1.yml'), config, base), 'care-plan');
    assert.equal(kindFromGlobs(path.join(base, 'notes.yaml'), config, base), undefined);
  });
});
