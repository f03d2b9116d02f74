// When to start the language server. The extension activates on folders holding YAML
// (workspaceContains) so the Problems panel fills without opening a file, but a folder of GitHub
// workflows or Kubernetes manifests should cost nothing: the server starts only when a settings
// file exists or a YAML file's top lines name a careplan kind. Until then, opening or typing a
// record starts it.
import * as vscode from 'vscode';
import { HEAD_BYTES, looksLikeRecord } from './recordSniff';

/** Settings files that make a folder a careplan folder (their `documents:` globs name records without `kind:`). */
export const CONFIG_GLOB = '**/{.careplan.yaml,.careplan.yml,careplan.config.yaml}';
const YAML_GLOB = '**/*.{yaml,yml}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** Files looked at before giving up: a folder with more YAML than this and no record in it is not a case folder. */
export const MAX_FILES_SCANNED = 500;
export function isRecordDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'yaml') return false;
  // The first lines only, so typing in a long file does not copy its whole text each time.
  return looksLikeRecord(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 100), 0)).slice(0, HEAD_BYTES));
}

/** Whether the workspace holds a careplan settings file or a record; reads at most HEAD_BYTES of MAX_FILES_SCANNED files. */
export async function workspaceHasRecords(token?: vscode.CancellationToken): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  if ((await vscode.workspace.findFiles(CONFIG_GLOB, EXCLUDE, 1, token)).length) return true;
  const files = await vscode.workspace.findFiles(YAML_GLOB, EXCLUDE, MAX_FILES_SCANNED, token);
  for (const uri of files) {
    if (token?.isCancellationRequested) return false;
    if (await fileStartsLikeRecord(uri)) return true;
  }
  return false;
}

async function fileStartsLikeRecord(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File) return false; // no links out, no devices
    // The workspace fs reads whole files; records are small, and bigger files are skipped.
    if (stat.size > 512 * 1024) return false;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return looksLikeRecord(new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)));
  } catch {
    return false;
  }
}
