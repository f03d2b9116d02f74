/**
 * Issue 14, items 2 and 7 through the real server: `careplan/documentStatus` tells a record from
 * a YAML file careplan does not check (so the status item never says "no findings" of a file it
 * did not check), and completion reads the team's roles from .careplan.yaml and offers snippets
 * only to a client that takes them.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CompletionList } from 'vscode-languageserver/node';
import { LspClient, SERVER, pathToUri } from '../support/lspClient';
import { REVIEW } from '../unit/features/fixture';

const WORKFLOW = 'name: build\non:\n  push:\n    branches: [main]\n';

describe('language server: document status and completion settings', function () {
  this.timeout(30_000);
  let dir: string;
  const clients: LspClient[] = [];
  const uriOf = (rel: string) => pathToUri(path.join(dir, rel));

  before(() => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-status-'));
    mkdirSync(path.join(dir, 'case'));
    writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\nroles: [Edge of care worker]\n');
    writeFileSync(path.join(dir, 'case/review-2.yaml'), REVIEW);
    writeFileSync(path.join(dir, 'workflow.yaml'), WORKFLOW);
  });

  after(async () => {
    for (const c of clients) await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(capabilities: Record<string, unknown> = {}): Promise<LspClient> {
    const client = new LspClient();
    clients.push(client);
    await client.initialize(dir, capabilities);
    return client;
  }

  it('says a YAML file without a careplan kind is not a record, and a record is one once checked', async () => {
    const client = await start();
    client.open(uriOf('workflow.yaml'), WORKFLOW);
    assert.deepEqual(await client.connection.sendRequest('careplan/documentStatus', { uri: uriOf('workflow.yaml') }), { state: 'not-record' });
    client.open(uriOf('case/review-2.yaml'), REVIEW);
    await client.diagnosticsFor(uriOf('case/review-2.yaml'), 1);
    assert.deepEqual(await client.connection.sendRequest('careplan/documentStatus', { uri: uriOf('case/review-2.yaml') }), { state: 'record', kind: 'review', checked: true });
    assert.deepEqual(await client.connection.sendRequest('careplan/documentStatus', { uri: uriOf('case/not-open.yaml') }), { state: 'unknown' });
    assert.deepEqual(await client.connection.sendRequest('careplan/documentStatus', {}), { state: 'unknown' });
  });

  it("offers the team's roles from .careplan.yaml for an owner, and a snippet only to a client that takes snippets", async () => {
    const text = REVIEW.replace('    owner: IRO\n', '    owner: \n').replace('parent_expectations:', '  - \nparent_expectations:');
    const lines = text.split('\n');
    const ownerLine = lines.indexOf('    owner: ');
    const dashLine = lines.indexOf('  - ');
    for (const snippetSupport of [false, true]) {
      const client = await start({ textDocument: { completion: { completionItem: { snippetSupport } } } });
      const uri = uriOf('case/review-2.yaml');
      client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      const owners = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: ownerLine, character: 11 } })) as CompletionList;
      assert.ok(owners.items.some((i) => i.label === 'Edge of care worker'), owners.items.map((i) => i.label).join());
      const entry = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: dashLine, character: 4 } })) as CompletionList;
      const snippets = entry.items.filter((i) => i.insertTextFormat === 2);
      assert.deepEqual(snippets.map((i) => i.label), snippetSupport ? ['new action'] : [], `snippetSupport ${snippetSupport}`);
    }
  });
});
