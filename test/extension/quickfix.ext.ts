// Quick fixes applied the way the light bulb applies them: ask the code action providers for the
// finding's range, apply the fix's edit, then check the text and the diagnostics that follow.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, describe as list, diagnosticKeys, expectedMarkers, openSample, ruleId, waitForDiagnostics } from './support';

/** Quick fixes offered for a range, by title. */
async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
}

/** Applies `fix`; returns the lines it added (it must only add lines) and where. */
async function applyAndDiff(doc: vscode.TextDocument, fix: vscode.CodeAction): Promise<{ at: number; added: string[] }> {
  const before = doc.getText().split('\n');
  assert.ok(fix.edit, `"${fix.title}" carries an edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" applies`);
  const after = doc.getText().split('\n');
  const n = after.length - before.length;
  assert.ok(n >= 1, `"${fix.title}" adds at least a line`);
  const at = after.findIndex((l, i) => l !== before[i]);
  assert.deepEqual([...after.slice(0, at), ...after.slice(at + n)], before, 'every other line is unchanged, comments included');
  return { at, added: after.slice(at, at + n) };
}

describe('careplan quick fixes', () => {
  afterEach(closeAll);

  it('action-timescale: "Add due:" puts `due:` into the action; once dated, the finding goes away', async () => {
    const editor = await openSample('CH-000456', 'review-1.yaml');
    const doc = editor.document;
    const lines = doc.getText().split('\n');
    const itemLine = lines.findIndex((l) => /^\s*- id: A1\b/.test(l));
    const nextItemLine = lines.findIndex((l, i) => i > itemLine && /^\s*- id: /.test(l));
    assert.ok(itemLine >= 0 && nextItemLine > itemLine, 'review-1.yaml has actions A1 and A2');

    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleId(x) === 'action-timescale' && x.range.start.line === itemLine), 'action-timescale on A1');
    const finding = diags.find((x) => ruleId(x) === 'action-timescale' && x.range.start.line === itemLine)!;
    const actions = await quickFixes(doc.uri, finding.range);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => /^Add 'due:/.test(a.title));
    assert.ok(fix, `an "Add due:" fix for A1; offered: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => /^Disable action-timescale for this line/.test(t)), `"disable for this line" is offered: ${JSON.stringify(titles)}`);
    assert.ok(titles.some((t) => /^Show documentation for action-timescale/.test(t)), `"show documentation" is offered: ${JSON.stringify(titles)}`);

    const { at, added } = await applyAndDiff(doc, fix);
    assert.ok(at > itemLine && at < nextItemLine, `inserted inside A1 (lines ${itemLine + 1}-${nextItemLine}), at line ${at + 1}`);
    assert.equal(added.length, 1);
    const m = /^(\s+due:\s?)/.exec(added[0]);
    assert.ok(m && m[1].length === lines[itemLine + 1].indexOf('action:') + 'due: '.length, `a \`due:\` line indented like the item's fields: ${JSON.stringify(added[0])}`);

    // The author types the date (after the samples' `today: 2025-11-01`, so it is not overdue).
    await editor.edit((b) => b.replace(new vscode.Range(at, m[1].length, at, added[0].length), '2025-12-05'));
    assert.equal(doc.lineAt(at).text, `${m[1]}2025-12-05`);

    // A1's finding is gone; the other marked action-timescale findings stay, one line further down.
    const stillExpected = expectedMarkers(doc, ['action-timescale']).filter((k) => k !== `${itemLine}:action-timescale`);
    const now = await waitForDiagnostics(doc.uri,
      // the fix already writes a date (the one proposed): wait for the diagnostics of the date typed over it
      (d) => !d.some((x) => ruleId(x) === 'action-timescale' && x.range.start.line === itemLine) && !d.some((x) => x.range.start.line === at) && diagnosticKeys(d, ['action-timescale']).length === stillExpected.length,
      'the diagnostics after the fix');
    assert.deepEqual(diagnosticKeys(now, ['action-timescale']), stillExpected, `after the fix: ${list(now)}`);
    assert.ok(!now.some((x) => x.range.start.line === at), `no finding on the new due line: ${list(now)}`);
  });

  it('action-timescale: the due fix replaces the vague timescale with the proposed date, the cursor on the date (a snippet)', async () => {
    const editor = await openSample('CH-000456', 'review-1.yaml');
    const doc = editor.document;
    const line = doc.getText().split('\n').findIndex((l) => /^\s*timescale: ongoing\b/.test(l));
    assert.ok(line >= 0, 'review-1.yaml has an action with timescale: ongoing');
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleId(x) === 'action-timescale' && x.range.start.line === line), 'action-timescale on ongoing');
    const finding = diags.find((x) => ruleId(x) === 'action-timescale' && x.range.start.line === line)!;
    const date = /due: (\d{4}-\d{2}-\d{2})/.exec(finding.message)?.[1];
    assert.ok(date, `the message proposes a date: ${finding.message}`);
    const actions = await quickFixes(doc.uri, finding.range);
    const fix = actions.find((a) => a.title.startsWith(`Replace 'ongoing' with 'due: ${date}'`));
    assert.ok(fix?.edit, `the due fix; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    const before = doc.lineAt(line).text;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applies');
    // the vague timescale is replaced (its comment kept), and no `${1:` is left in the text
    assert.equal(doc.lineAt(line).text, before.replace('timescale: ongoing', `due: ${date}`));
    assert.equal(doc.getText(editor.selection), date, 'the date is selected, ready to type over');
  });

  it('expectation-generic: "Disable for this line" adds a suppression comment and only that finding goes away', async () => {
    const editor = await openSample('CH-000456', 'care-plan.yaml');
    const doc = editor.document;
    const expected = expectedMarkers(doc, ['expectation-generic']);
    const diags = await waitForDiagnostics(doc.uri, (d) => diagnosticKeys(d, ['expectation-generic']).length === expected.length, 'the expectation-generic findings');
    const first = diags.filter((x) => ruleId(x) === 'expectation-generic').sort((a, b) => a.range.start.line - b.range.start.line)[0];
    const line = first.range.start.line;

    const actions = await quickFixes(doc.uri, first.range);
    const fix = actions.find((a) => /^Disable expectation-generic for this line/.test(a.title));
    assert.ok(fix, `"disable for this line"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
    const { at, added } = await applyAndDiff(doc, fix);
    assert.equal(at, line, 'the comment goes on the line above the finding');
    assert.match(added.join('\n'), /^\s*# careplan-disable-next-line expectation-generic\s*$/);

    const rest = expected.filter((k) => k !== `${line}:expectation-generic`).map((k) => `${Number(k.split(':')[0]) + added.length}:expectation-generic`);
    const now = await waitForDiagnostics(doc.uri, (d) => diagnosticKeys(d, ['expectation-generic']).length === rest.length, 'the diagnostics after the fix');
    assert.deepEqual(diagnosticKeys(now, ['expectation-generic']), rest, `after the fix: ${list(now)}`);
  });
});
