// The New commands never write outside the folders open (docs/new-records.md): not through a
// folder in the Explorer that is a link to somewhere else, not through options that name a path,
// and never over a record already there.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, workspaceUri } from './support';

describe('New records stay inside the folders open', () => {
  let outside: string;
  const cleanups: (() => void)[] = [];

  before(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-outside-'));
  });

  after(async () => {
    await closeAll();
    for (const clean of cleanups) clean();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('refuses a folder in the Explorer that is a link to a folder outside, and writes nothing there', async () => {
    const link = workspaceUri('CH-000777');
    fs.symlinkSync(outside, link.fsPath, 'dir');
    cleanups.push(() => fs.rmSync(link.fsPath, { force: true }));

    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('careplan.newReview', link, { today: '2026-01-05' });
    assert.equal(made, undefined, `no record is made through the link (made ${made?.fsPath})`);
    assert.deepEqual(fs.readdirSync(outside), [], 'nothing is written in the folder the link leads to');
  });

  it('refuses a folder under a linked folder', async () => {
    const link = workspaceUri('linked-team');
    fs.mkdirSync(path.join(outside, 'CH-000778'));
    fs.symlinkSync(outside, link.fsPath, 'dir');
    cleanups.push(() => fs.rmSync(link.fsPath, { force: true }));

    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('careplan.newSupervision', vscode.Uri.joinPath(link, 'CH-000778'), { today: '2026-01-05' });
    assert.equal(made, undefined);
    assert.deepEqual(fs.readdirSync(path.join(outside, 'CH-000778')), []);
  });

  it('refuses a date or a child that is not one, so options cannot name a path', async () => {
    const folder = workspaceUri('CH-000123');
    const escaped = vscode.Uri.joinPath(folder, 'review-..', '..', '..', '..', 'careplan-escaped.yaml');
    cleanups.push(() => fs.rmSync(escaped.fsPath, { force: true }));

    const made = await vscode.commands.executeCommand<vscode.Uri | undefined>('careplan.newReview', folder, { today: '../../../../careplan-escaped' });
    assert.equal(made, undefined, `made ${made?.fsPath}`);
    assert.ok(!fs.existsSync(escaped.fsPath), `nothing written at ${escaped.fsPath}`);

    const child = await vscode.commands.executeCommand<vscode.Uri | undefined>('careplan.newRecord', undefined, { kind: 'review', child: '../../careplan-escaped', today: '2026-01-05' });
    assert.equal(child, undefined);
    const kind = await vscode.commands.executeCommand<vscode.Uri | undefined>('careplan.newRecord', folder, { kind: '../x', today: '2026-01-05' });
    assert.equal(kind, undefined);
  });

  it('never replaces a record already there: the next name is made and the old one is untouched', async () => {
    const folder = workspaceUri('CH-000123');
    const existing = vscode.Uri.joinPath(folder, 'supervision-2026-01-06.yaml');
    fs.writeFileSync(existing.fsPath, '# kept\n');
    cleanups.push(() => fs.rmSync(existing.fsPath, { force: true }));

    const made = await vscode.commands.executeCommand<vscode.Uri>('careplan.newSupervision', folder, { today: '2026-01-06' });
    assert.ok(made);
    cleanups.push(() => fs.rmSync(made.fsPath, { force: true }));
    assert.equal(path.basename(made.fsPath), 'supervision-2026-01-06-2.yaml');
    assert.equal(fs.readFileSync(existing.fsPath, 'utf8'), '# kept\n');
  });
});
