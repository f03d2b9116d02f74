// Completion, hover, the "new document" commands and the settings, through the real VS Code API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, hoverText, openSample, ruleId, waitForDiagnostics, workspaceUri } from './support';

describe('careplan editor features', () => {
  afterEach(closeAll);

  it('completion offers the values of a fixed list (legal_status)', async () => {
    const uri = workspaceUri('scratch', 'completion.yaml');
    const text = 'kind: review\nid: review-completion\nchild: CH-000999\ndate: 2025-10-01\nlegal_status: \n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider', uri, new vscode.Position(4, 'legal_status: '.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const value of ['care-order', 'interim-care-order', 'section-20']) {
      assert.ok(labels.includes(value), `completion offers ${value}; got ${JSON.stringify(labels.slice(0, 30))}`);
    }
  });

  it('hover explains a field and the date a relative timescale resolves to', async () => {
    const editor = await openSample('CH-000123', 'review-2.yaml');
    const doc = editor.document;
    const lines = doc.getText().split('\n');
    const keyLine = lines.findIndex((l) => l.startsWith('legal_status:'));
    const fieldHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', doc.uri, new vscode.Position(keyLine, 2)));
    assert.ok(fieldHover.length > 20, `hover on legal_status says what it is: ${JSON.stringify(fieldHover)}`);

    const tsLine = lines.findIndex((l) => /^\s+timescale: /.test(l));
    assert.ok(tsLine >= 0, 'review-2.yaml has a relative timescale');
    const col = lines[tsLine].indexOf('timescale: ') + 'timescale: '.length + 2;
    const tsHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', doc.uri, new vscode.Position(tsLine, col)));
    assert.match(tsHover, /\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}/, `hover on a timescale names the date it comes to: ${JSON.stringify(tsHover)}`);
    console.log(`      hover on ${JSON.stringify(lines[tsLine].trim())}: ${JSON.stringify(tsHover)}`);
  });

  it('"New review record" from a child\'s folder saves review-<date>.yaml there, filled in, and selects the first placeholder', async () => {
    const folder = workspaceUri('CH-000456');
    const made = await vscode.commands.executeCommand<vscode.Uri>('careplan.newReview', folder);
    assert.ok(made, 'the command returns the new file');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.match(made.path, new RegExp(`/CH-000456/review-${iso}(-\\d+)?\\.yaml$`));
    await vscode.workspace.fs.stat(made); // on disk, not an untitled buffer
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc && !doc.isUntitled && doc.uri.toString() === made.toString(), 'the saved file is the one open');
    const text = doc.getText();
    assert.match(text, /^kind: review\n/);
    assert.ok(!text.includes('{{'), 'every template token is filled in');
    assert.match(text, /^child: CH-000456$/m, 'the child of the folder');
    assert.match(text, /^  number: 4$/m, 'after reviews 1 to 3 in that folder');
    assert.ok(text.includes(`date: ${iso}`), 'dated today');
    const selected = doc.getText(vscode.window.activeTextEditor!.selection);
    assert.match(selected, /^‹[^›]+›$/, `the first placeholder is selected: ${JSON.stringify(selected)}`);
    const selectedLine = doc.lineAt(vscode.window.activeTextEditor!.selection.start.line).text;
    assert.ok(!selectedLine.trimStart().startsWith('#'), `a placeholder to write over, not the one the header comment mentions: ${selectedLine}`);
    // A second record the same day does not overwrite the first.
    const second = await vscode.commands.executeCommand<vscode.Uri>('careplan.newRecord', folder, { kind: 'review' });
    assert.notEqual(second.toString(), made.toString());
    assert.match(second.path, new RegExp(`review-${iso}-2\\.yaml$`));
    for (const u of [made, second]) await vscode.workspace.fs.delete(u);
  });

  it('"Show documentation" opens the rule page rendered (Markdown preview), not as an editable file', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'careplan');
    assert.ok(ext, 'the careplan extension is installed');
    const page = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'action-timescale.md');
    await openSample('CH-000456', 'review-1.yaml'); // the language server is running
    await vscode.commands.executeCommand('careplan.showRuleDoc', page.toString());
    const deadline = Date.now() + 15_000;
    let input: unknown;
    while (Date.now() < deadline) {
      input = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown/i.test(t.input.viewType))?.input;
      if (input) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(input, `a Markdown preview opened; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label).join(', ')}`);
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/docs/rules/action-timescale.md')), 'the page is not open as text');
  });

  it('careplan.rules changes a rule\'s severity without a restart', async () => {
    const editor = await openSample('CH-000456', 'review-1.yaml');
    const uri = editor.document.uri;
    const config = vscode.workspace.getConfiguration('careplan', uri);
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleId(x) === 'action-timescale'), 'action-timescale findings');
    try {
      await config.update('rules', { 'action-timescale': 'error' }, vscode.ConfigurationTarget.Workspace);
      const diags = await waitForDiagnostics(uri,
        (d) => d.some((x) => ruleId(x) === 'action-timescale') && d.filter((x) => ruleId(x) === 'action-timescale').every((x) => x.severity === vscode.DiagnosticSeverity.Error),
        'action-timescale at error severity');
      assert.ok(diags.length > 0);
      await config.update('rules', { 'action-timescale': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleId(x) === 'action-timescale'), 'action-timescale turned off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
