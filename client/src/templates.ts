// "New care plan / review / supervision record": opens an untitled YAML document filled from a
// template in templates/. Tokens {{today}} and {{today+N}} (N days) become ISO dates; nothing else
// is filled in -- templates name roles, never people.
import * as vscode from 'vscode';
import { addDays } from '../../server/src/service/dates/calendar';
import { todayIso } from '../../server/src/service/clock';

export type TemplateKind = 'care-plan' | 'review' | 'supervision';

/** Replaces {{today}} and {{today+N}} with ISO dates counted from `today`. */
export function fillTemplate(text: string, today: Date): string {
  const start = todayIso(today);
  return text.replace(/\{\{today(?:\+(\d+))?\}\}/g, (_m, days: string | undefined) => addDays(start, Number(days ?? 0)));
}

export async function newDocumentFromTemplate(context: vscode.ExtensionContext, kind: TemplateKind): Promise<void> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'templates', `${kind}.yaml`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  const content = fillTemplate(new TextDecoder().decode(bytes), new Date());
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  await vscode.window.showTextDocument(doc);
}
