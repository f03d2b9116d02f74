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

  it('"careplan: New review record" opens a filled-in review from the template', async () => {
    await vscode.commands.executeCommand('careplan.newReview');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'an editor opened');
    assert.equal(doc.languageId, 'yaml');
    assert.match(doc.getText(), /^kind: review\n/);
    assert.ok(!doc.getText().includes('{{'), 'every template token is filled in');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    assert.ok(doc.getText().includes(`date: ${iso}`), 'dated today');
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
