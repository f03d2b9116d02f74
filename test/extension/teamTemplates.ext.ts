// The editor's New commands start from the team's template (`templates:` in the .careplan.yaml
// that applies to the folder), as `careplan new` does, and from careplan's own elsewhere.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, workspaceUri } from './support';

const TEAM_REVIEW = [
  '# The East team review template',
  'kind: review',
  'child: {{child}}',
  'date: {{today}}',
  'review:',
  '  number: 1',
  '  chair: ‹the IRO›',
  '',
].join('\n');

describe("New records from the team's templates", () => {
  const team = () => workspaceUri('east-team');
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(team(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it("a new review in a folder under the team's .careplan.yaml starts from the team's review template", async () => {
    await openSample('CH-000456', 'review-1.yaml'); // the language server is running
    await write(vscode.Uri.joinPath(team(), '.careplan.yaml'), 'templates: team-templates\n');
    await write(vscode.Uri.joinPath(team(), 'team-templates', 'review.yaml'), TEAM_REVIEW);
    const child = vscode.Uri.joinPath(team(), 'CH-000999');
    await vscode.workspace.fs.createDirectory(child);

    const made = await vscode.commands.executeCommand<vscode.Uri>('careplan.newReview', child);
    assert.ok(made, 'the command returns the new file');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(made));
    assert.match(text, /^# The East team review template\n/, `the team's template, not careplan's: ${text.slice(0, 200)}`);
    assert.match(text, /^child: CH-000999$/m, 'filled in with the child of the folder');
    assert.ok(!text.includes('{{'), 'every template token is filled in');
    const selected = vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection);
    assert.equal(selected, '‹the IRO›', "the team template's first placeholder is selected");

    // A folder the team's config does not cover gets careplan's own template.
    const elsewhere = await vscode.commands.executeCommand<vscode.Uri>('careplan.newReview', workspaceUri('CH-000123'));
    const own = new TextDecoder().decode(await vscode.workspace.fs.readFile(elsewhere));
    assert.ok(!own.includes('East team'), 'outside the team folder the built-in template is used');
    assert.match(own, /^kind: review$/m);
    await vscode.workspace.fs.delete(elsewhere);
  });
});
