// The permanence tracker in the editor (issue 12): the command opens a webview with the samples'
// tracker under a policy that allows nothing remote, and the page follows a new record.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openSample, waitForDiagnostics, workspaceUri } from './support';

/** Polls `read` until `accept` holds for it (the page is rebuilt after a pause in changes). */
async function eventually<T>(read: () => T, accept: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = read();
    if (accept(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('careplan permanence tracker view', () => {
  const extra = workspaceUri('CH-000999', 'review-1.yaml');
  after(async () => {
    await vscode.workspace.fs.delete(extra).then(undefined, () => undefined);
    await closeAll();
  });

  it('opens the tracker in a webview with every sample child, nothing remote allowed, and follows a new record', async () => {
    // The server is running once a sample has its findings.
    const editor = await openSample('CH-000456', 'review-1.yaml');
    await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'findings on CH-000456/review-1.yaml');

    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('careplan.openTracker');
    assert.ok(panel, 'the command returns its panel');
    assert.equal(panel.title, 'Permanence tracker');
    const html = await eventually(() => panel.webview.html, (h) => h.includes('CH-000789'), 'the tracker page');
    for (const child of ['CH-000123', 'CH-000456', 'CH-000789']) assert.ok(html.includes(`<th scope="row">${child}</th>`), `a row for ${child}`);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-/);
    assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(https?:|\/\/)/i, 'nothing fetched');
    assert.ok(html.includes('CH-000456/review-3.yaml'), 'records are named from the workspace folder');

    await vscode.workspace.fs.writeFile(
      extra,
      new TextEncoder().encode('kind: review\nid: rev-CH000999-1\nchild: CH-000999\ndate: 2025-10-01\nreview: { number: 1, next_review_due: 2025-12-01 }\n'),
    );
    await eventually(() => panel.webview.html, (h) => h.includes('<th scope="row">CH-000999</th>'), 'the new child in the tracker');
    panel.dispose();
  });
});
