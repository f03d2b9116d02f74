// "New care plan / review / supervision record": opens an untitled YAML document filled from a
// template in templates/, with the same tokens as `careplan new` (server/src/service/templates.ts).
import * as vscode from 'vscode';
import { fillTemplate } from '../../server/src/service/templates';
import { todayIso } from '../../server/src/service/clock';

export type TemplateKind = 'care-plan' | 'review' | 'supervision';

export async function newDocumentFromTemplate(context: vscode.ExtensionContext, kind: TemplateKind): Promise<void> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'templates', `${kind}.yaml`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  const content = fillTemplate(new TextDecoder().decode(bytes), { today: todayIso() });
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(doc);
}
