// The rule id beside a finding in the Problems panel and in hovers is a link (codeDescription.href):
// it opens the rule's page rendered, as "Show documentation" does, never the Markdown source as
// an editable file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, ruleId, waitForDiagnostics } from './support';

const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);

async function previewTab(page: string, timeoutMs = 15_000): Promise<vscode.Tab | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tab = tabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType) && t.label.includes(page));
    if (tab) return tab;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

describe('rule links in the Problems panel and hovers', () => {
  it("a finding's rule id links to a command that shows the rule page rendered", async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openSample('CH-000456', 'review-1.yaml');
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleId(x) === 'action-timescale'), 'action-timescale findings');
    const code = diags.find((x) => ruleId(x) === 'action-timescale')!.code;
    assert.ok(typeof code === 'object', 'the rule id carries a link');
    const link = code.target;
    assert.equal(link.scheme, 'command', `a command link, not the page's file: ${link.toString(true)}`);
    assert.equal(link.path, 'careplan.openRulePage');
    // Follow the link as VS Code's opener does for a command URI: its query is the JSON arguments.
    const args = JSON.parse(link.query) as unknown[];
    assert.deepEqual(args, ['action-timescale']);
    await vscode.commands.executeCommand(link.path, ...args);
    const tab = await previewTab('action-timescale');
    assert.ok(tab, `the rule page opened as the Markdown preview; tabs: ${tabs().map((t) => t.label).join(', ')}`);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/docs/rules/action-timescale.md')), 'the page is not open as text');
    // Each finding links to its own rule's page.
    for (const d of diags) {
      if (typeof d.code === 'object') assert.deepEqual(JSON.parse(d.code.target.query), [ruleId(d)]);
    }
  });
});
