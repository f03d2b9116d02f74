import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../../server/src/service';
import { ClosedFiles } from '../../../server/src/lsp/closedFiles';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import type { DocumentSettings } from '../../../server/src/lsp/settings';
import type { DecodedText } from '../../../server/src/node/readText';

const FLAWED = 'kind: review\nid: r-1\nchild: CH-000001\ndate: 2025-01-01\nwishes_and_feelings: { child: K says she is happy. }\nactions:\n  - action: Do it\n    owner: Social worker\n';
const SETTINGS: DocumentSettings = { enabled: true, checkClosedFiles: true, config: applyConfig(defaultConfig(), { today: '2025-11-01' }) };

function setup(files: Record<string, string | DecodedText>) {
  const published: { uri: string; codes: string[] }[] = [];
  const messages: string[] = [];
  const open = new Set<string>();
  const state = { busy: false, reads: 0, onRead: (_uri: string) => {} };
  const closed = new ClosedFiles({
    engine: createEngine(createMemoryHost(['file:///ws/'], [])),
    isOpen: (uri) => open.has(uri),
    read: async (uri) => {
      state.reads++;
      state.onRead(uri);
      const file = files[uri];
      return typeof file === 'string' ? { ok: true, text: file } : file;
    },
    settings: async () => SETTINGS,
    publish: (uri: string, diagnostics: Diagnostic[]) => {
      published.push({ uri, codes: diagnostics.map((d) => String(d.code)) });
      messages.push(...diagnostics.map((d) => `${d.code}: ${d.message.slice(0, 30)}`));
    },
    toDiagnostic: (f) => toDiagnostic(f),
    busy: () => state.busy,
    log: (m) => assert.fail(m),
  });
  return { closed, published, messages, open, state };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

describe('closed records, checked from disk', () => {
  it('publishes the findings of records, and nothing for clean files or YAML that is not a record', async () => {
    const t = setup({ 'file:///ws/a.yaml': FLAWED, 'file:///ws/b.yaml': 'name: build\n', 'file:///ws/c.yaml': FLAWED.replace('    owner', '    due: 2025-12-01\n    owner') });
    t.closed.request(['file:///ws/a.yaml', 'file:///ws/b.yaml', 'file:///ws/c.yaml']);
    await settle();
    assert.deepEqual(t.published, [{ uri: 'file:///ws/a.yaml', codes: ['action-timescale'] }]);
  });

  it('clears what it showed when the file goes, and shows nothing found by a check the deletion overtook', async () => {
    const files: Record<string, string | undefined> = { 'file:///ws/a.yaml': FLAWED };
    const t = setup(files as Record<string, string>);
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    // Deleted while the next check is reading it.
    t.state.onRead = () => t.closed.forget('file:///ws/a.yaml');
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    assert.deepEqual(t.published, [
      { uri: 'file:///ws/a.yaml', codes: ['action-timescale'] },
      { uri: 'file:///ws/a.yaml', codes: [] },
    ]);
  });

  it('never publishes for an open document, not even when it was opened during the check', async () => {
    const t = setup({ 'file:///ws/a.yaml': FLAWED, 'file:///ws/b.yaml': FLAWED });
    t.open.add('file:///ws/a.yaml');
    t.state.onRead = (uri) => {
      t.open.add(uri);
      t.closed.opened(uri);
    };
    t.closed.request(['file:///ws/a.yaml', 'file:///ws/b.yaml']);
    await settle();
    assert.deepEqual(t.published, []);
    assert.equal(t.state.reads, 1, 'an open document is not even read');
  });

  it('says why a file cannot be read, and passes on a note about its encoding, as careplan lint does', async () => {
    const t = setup({
      'file:///ws/big.yaml': { ok: false, reason: 'This file is 25.0 MB, larger than careplan checks (20 MB) — split it into one record per file.' },
      'file:///ws/old.yaml': { ok: true, text: FLAWED, note: 'This file is not UTF-8 (it looks like a Windows export) — save it as UTF-8 so every tool reads it the same way.' },
    });
    t.closed.request(['file:///ws/big.yaml', 'file:///ws/old.yaml']);
    await settle();
    assert.deepEqual(t.messages, ['yaml-syntax: This file is 25.0 MB, larger t', 'yaml-syntax: This file is not UTF-8 (it loo', 'action-timescale: This action has no timescale —']);
  });

  it('a file missing for a moment (an atomic save) is checked again when asked meanwhile', async () => {
    const files: Record<string, string> = {};
    const t = setup(files);
    t.state.onRead = (uri) => {
      t.state.onRead = () => {};
      files[uri] = FLAWED; // saved again, and the watcher says so while the first read comes back empty
      t.closed.request([uri]);
    };
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    assert.deepEqual(t.published, [{ uri: 'file:///ws/a.yaml', codes: ['action-timescale'] }]);
  });

  it('does not send the same findings again when a file is rechecked', async () => {
    const t = setup({ 'file:///ws/a.yaml': FLAWED });
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    assert.equal(t.published.length, 1);
    assert.equal(t.state.reads, 2);
  });

  it('says when findings from disk were on show for a document being opened', async () => {
    const t = setup({ 'file:///ws/a.yaml': FLAWED });
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    assert.equal(t.closed.opened('file:///ws/a.yaml'), true);
    assert.equal(t.closed.opened('file:///ws/b.yaml'), false);
  });

  it('waits while open documents are being checked, then catches up', async () => {
    const t = setup({ 'file:///ws/a.yaml': FLAWED });
    t.state.busy = true;
    t.closed.request(['file:///ws/a.yaml']);
    await settle();
    assert.deepEqual(t.published, []);
    t.state.busy = false;
    await settle();
    assert.deepEqual(t.published, [{ uri: 'file:///ws/a.yaml', codes: ['action-timescale'] }]);
  });
});
