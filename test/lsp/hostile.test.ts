/**
 * The language server in a hostile workspace (issue 10): link loops, paths that try to leave
 * the workspace through `..`, encoded dots and links, and named pipes called *.yaml. Each test is
 * for one numbered defect and failed before the path policy (server/src/node/disk.ts).
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { CodeAction, CompletionList, DocumentLink, Location } from 'vscode-languageserver/node';
import { LspClient, pathToUri } from '../support/lspClient';
import { hostileWorkspace, HostileWorkspace, isUnderDir, RECORD } from '../support/hostile';

const WEAK = RECORD('weak-open').replace('due: 2030-05-09', 'timescale: ongoing');

/** Where a URI really leads on disk (links followed by the test, not the server); undefined when nothing is there. */
function realTarget(uri: string): string | undefined {
  try {
    return fs.realpathSync(path.resolve(URI.parse(uri.replace(/#L\d+$/, '')).fsPath));
  } catch {
    return undefined;
  }
}

describe('language server with link loops (issue 10, defect 1)', function () {
  this.timeout(60_000);
  let ws: HostileWorkspace;
  let client: LspClient;

  before(async () => {
    ws = hostileWorkspace({ loops: true });
    client = new LspClient();
    await client.initialize(ws.root);
  });
  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('a workspace with a -> . and b -> . still gets diagnostics for an opened record', async () => {
    const uri = pathToUri(path.join(ws.root, 'case', 'weak.yaml'));
    client.open(uri, WEAK, 1);
    const shown = await client.diagnosticsFor(uri, 1, 20_000);
    assert.ok(shown.diagnostics.some((d) => d.code === 'action-timescale'));
  });
});

describe('language server in a hostile workspace (issue 10, defects 2 and 7)', function () {
  this.timeout(60_000);
  let ws: HostileWorkspace;
  let client: LspClient;
  let reviewUri: string;
  let review: string;

  before(async () => {
    ws = hostileWorkspace();
    review = fs.readFileSync(path.join(ws.root, ws.review), 'utf8');
    reviewUri = pathToUri(path.join(ws.root, ws.review));
    client = new LspClient();
    await client.initialize(ws.root);
    client.open(reviewUri, review, 1);
    await client.diagnosticsFor(reviewUri, 1, 20_000);
  });
  after(async () => {
    await client?.stop();
    ws?.cleanup();
  });

  it('defect 2: document links and definitions never lead outside (.., %2e%2e, linked folder or file)', async () => {
    const links = await client.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri: reviewUri } });
    for (const link of links ?? []) {
      const real = link.target && realTarget(link.target);
      assert.ok(!real || isUnderDir(real, ws.root), `a link leads outside: ${link.target}`);
    }
    const lines = review.split('\n');
    for (const written of ['linked/secret.md', 'secret-link.md', '%2e%2e/outside']) {
      const line = lines.findIndex((l) => l.includes(written));
      const def = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: reviewUri }, position: { line, character: lines[line].indexOf(written) + 2 } });
      assert.equal(def, null, `go to definition leads outside from ${written}: ${JSON.stringify(def)}`);
    }
  });

  it('defect 2: no quick fix creates a file where a link would put it outside the workspace', async () => {
    const shown = await client.diagnosticsFor(reviewUri, 1);
    const line = review.split('\n').findIndex((l) => l.includes('linked/new.md'));
    const diagnostic = shown.diagnostics.find((d) => d.range.start.line === line && d.code === 'reference-missing');
    assert.ok(diagnostic, 'no finding for linked/new.md');
    const actions = await client.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri: reviewUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.ok(actions && actions.length > 0, 'no code actions at all');
    const creates = actions.flatMap((a) => (a.edit?.documentChanges ?? []).filter((c) => 'kind' in c && c.kind === 'create'));
    assert.deepEqual(creates, [], 'a quick fix would create a file outside the workspace');
  });

  it('defect 2: path completion lists no folder outside, and offers no link that leads outside', async () => {
    const uri = pathToUri(path.join(ws.root, 'case', 'completing.yaml'));
    const complete = async (prefix: string) => {
      const text = RECORD('completing', `references:\n  - id: r1\n    type: pep\n    path: ${prefix}\n`);
      client.open(uri, text, 1);
      await client.diagnosticsFor(uri, 1);
      const line = text.split('\n').findIndex((l) => l.startsWith('    path: '));
      const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line, character: 10 + prefix.length } });
      client.close(uri);
      return (list?.items ?? []).map((i) => i.label);
    };
    const here = await complete('');
    assert.ok(here.includes('inside.md'), `completion does not work at all: ${here.join(', ')}`);
    assert.ok(!here.includes('secret-link.md') && !here.includes('linked/'), here.join(', '));
    for (const prefix of ['linked/', '../../outside/', '../usr/', '%2e%2e/']) assert.deepEqual(await complete(prefix), [], `listed a folder outside for ${prefix}`);
  });

  it('defect 2: a watched-file event for a file outside the workspace is not read (plain, %2e%2e, via a link)', async () => {
    const rootUri = pathToUri(ws.root);
    const outsiders = [
      pathToUri(path.join(ws.outside, 'outside-record.yaml')),
      `${rootUri}/%2e%2e/outside/outside-record.yaml`,
      `${rootUri}/case/linked/outside-record.yaml`,
      `${rootUri}/usr/outside-record.yaml`,
    ];
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: outsiders.map((uri) => ({ uri, type: 1 })) });
    // A record created inside afterwards: once it is shown, the events before it were handled.
    fs.writeFileSync(path.join(ws.root, 'case', 'marker.yaml'), RECORD('marker').replace('due: 2030-05-09', 'timescale: ongoing'));
    const marker = pathToUri(path.join(ws.root, 'case', 'marker.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marker, type: 1 }] });
    await client.waitFor((p) => p.uri === marker, 20_000, from);
    const shownOutside = client.published.slice(from).filter((p) => p.diagnostics.some((d) => d.code === 'action-timescale') && p.uri !== marker);
    assert.deepEqual(shownOutside.map((p) => p.uri), [], 'a file outside the workspace was read and checked');
  });

  it('defect 7: named pipes called *.yaml are reported, never opened, and the server keeps answering', async () => {
    const pipes = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => path.join(ws.root, 'case', `pipe-${i}.yaml`));
    for (const p of pipes) execFileSync('mkfifo', [p]);
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: pipes.map((p) => ({ uri: pathToUri(p), type: 1 })) });
    for (const p of pipes) {
      const shown = await client.waitFor((x) => x.uri === pathToUri(p), 20_000, from);
      assert.match(shown.diagnostics[0]?.message ?? '', /named pipe \(FIFO\), not an ordinary file, so careplan did not open it/);
    }
    // Reads and config look-ups still answer (they share the thread pool a blocked pipe would hold).
    const uri = pathToUri(path.join(ws.root, 'case', 'after-pipes.yaml'));
    client.open(uri, WEAK, 1);
    const after = await client.diagnosticsFor(uri, 1, 20_000);
    assert.ok(after.diagnostics.some((d) => d.code === 'action-timescale'));
    client.close(uri);
  });
});
