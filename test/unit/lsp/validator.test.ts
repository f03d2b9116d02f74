import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import { Validator } from '../../../server/src/lsp/validator';
import { ArrivedVersions } from '../../../server/src/lsp/transport';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import type { DocumentSettings } from '../../../server/src/lsp/settings';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../../server/src/service';
import type { Engine } from '../../../server/src/service';

const RECORD = 'kind: review\nid: r-1\nchild: CH-000001\ndate: 2025-01-01\nactions:\n  - action: Do it\n    owner: Social worker\n';
const URI = 'file:///ws/review.yaml';
const settingsWith = (today: string): DocumentSettings => ({ enabled: true, checkClosedFiles: true, config: applyConfig(defaultConfig(), { today }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A validator over one open document, whose engine check takes `checkMs` (as a large record would). */
function setup(checkMs: number) {
  const real = createEngine(createMemoryHost(['file:///ws/'], []));
  let checks = 0;
  const engine: Engine = {
    ...real,
    check: async (...args) => {
      checks++;
      await sleep(checkMs);
      return real.check(...args);
    },
  };
  const doc = TextDocument.create(URI, 'yaml', 1, RECORD);
  const published: { version: number | undefined; diagnostics: Diagnostic[] }[] = [];
  const state = { settings: settingsWith('2025-02-01') };
  const validator = new Validator({
    engine,
    arrived: new ArrivedVersions(),
    document: (uri) => (uri === URI ? doc : undefined),
    settings: async () => state.settings,
    publish: (_uri, version, diagnostics) => published.push({ version, diagnostics }),
    toDiagnostic,
    ready: Promise.resolve(),
    log: (m) => assert.fail(m),
  });
  return { validator, published, state, checks: () => checks };
}

describe('validator: the keystroke first', () => {
  it("starts a check only once the requests read with the keystroke are answered, and reuses their parse", async () => {
    const real = createEngine(createMemoryHost(['file:///ws/'], []));
    const order: string[] = [];
    const engine: Engine = { ...real, check: async (...args) => (order.push('check'), real.check(...args)) };
    const doc = TextDocument.create(URI, 'yaml', 1, RECORD);
    const arrived = new ArrivedVersions();
    const validator = new Validator({
      engine,
      arrived,
      document: (uri) => (uri === URI ? doc : undefined),
      settings: async () => settingsWith('2025-02-01'),
      publish: () => order.push('publish'),
      toDiagnostic,
      ready: Promise.resolve(),
      log: (m) => assert.fail(m),
    });
    // The completion request was read with the didChange, and is answered a little later.
    arrived.note({ jsonrpc: '2.0', method: 'textDocument/completion', id: 1, params: {} } as never);
    validator.request(URI);
    await sleep(30);
    assert.equal(order.length, 0, 'no check while the completion list is being worked out');
    const parsed = validator.parsedFor(doc); // what the completion request reads
    order.push('answer');
    arrived.sent({ jsonrpc: '2.0', id: 1, result: null } as never);
    for (let i = 0; i < 500 && !order.includes('publish'); i++) await sleep(20); // the first check compiles the schemas
    assert.deepEqual(order, ['answer', 'check', 'publish']);
    assert.equal(validator.resultFor(URI, 1)?.result.parsed, parsed, 'the check reused the parse made for the request');
  });
});

describe('validator: forced rechecks', () => {
  it('a record whose check is slower than the rechecks arriving still gets its findings', async () => {
    const { validator, published, checks } = setup(120);
    validator.request(URI);
    // A workspace recheck every 40 ms: each used to cancel the check under way, so none ever finished.
    for (let i = 0; i < 25; i++) {
      await sleep(40);
      validator.requestAll([URI]);
    }
    assert.ok(published.length >= 1, 'diagnostics were published while the rechecks kept coming');
    assert.ok(published[0].diagnostics.some((d) => d.code === 'action-timescale'));
    // Requests that arrive during a check ask for one more check, not one each.
    assert.ok(checks() < 25 / 2, `${checks()} checks`);
  });

  it('a check started under old settings does not publish once the settings change', async () => {
    const { validator, published, state } = setup(60);
    validator.request(URI);
    await sleep(20);
    state.settings = { ...settingsWith('2025-02-01'), enabled: false };
    validator.invalidate();
    validator.requestAll([URI]);
    await sleep(300);
    assert.deepEqual(published.map((p) => p.diagnostics.length), [], 'a disabled record that never had findings gets none');
    state.settings = settingsWith('2025-02-01');
    validator.requestAll([URI]);
    await sleep(300);
    assert.equal(published.length, 1);
    assert.ok(published[0].diagnostics.length > 0);
  });
});
