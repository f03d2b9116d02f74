// Root hook, run before every suite: the extension activates and its language server answers.
// If it does not (a broken package, a server that cannot start), every test is skipped at once
// with that one reason instead of each timing out on its own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, ruleId, waitForDiagnostics, closeAll } from './support';

before(async function () {
  this.timeout(60_000);
  const ext = vscode.extensions.getExtension('careplan.careplan');
  assert.ok(ext, 'the careplan extension is installed');
  await ext.activate();
  assert.ok(ext.isActive, 'the careplan extension activates');
  const editor = await openSample('CH-000456', 'review-1.yaml');
  await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleId(x) !== undefined), 'the first careplan diagnostics (is the language server running?)', 45_000);
  await closeAll();
});
