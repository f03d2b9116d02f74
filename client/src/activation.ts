// When to start the language server. The extension activates on folders holding YAML
// (workspaceContains) so the Problems panel fills without opening a file, but a folder of GitHub
// workflows or Kubernetes manifests should cost nothing: the server starts only when a settings
// file exists or a YAML file's top lines name a careplan kind. Until then, opening or typing a
// record starts it.
import * as vscode from 'vscode';
import { HEAD_BYTES, looksLikeRecord } from './recordSniff';
import { readFileHead } from './fileHead';
import { SCAN_LIMITS, oneWalkAtATime, treeHasRecords } from './workspaceScan';

/** Files looked at before giving up: a folder with more YAML than this and no record in it is not a case folder. */
export const MAX_FILES_SCANNED = SCAN_LIMITS.maxFilesRead;
export function isRecordDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'yaml') return false;
  // The first lines only, so typing in a long file does not copy its whole text each time.
  return looksLikeRecord(doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 100), 0)).slice(0, HEAD_BYTES));
}

/**
 * Whether the workspace holds a careplan settings file or a record; reads at most HEAD_BYTES of
 * MAX_FILES_SCANNED files, within SCAN_LIMITS, never through a link (workspaceScan.ts says why).
 */
export function workspaceHasRecords(token?: vscode.CancellationToken): Promise<boolean> {
  return scanOnce(token);
}

// A burst of created files (a git checkout) asks many times at once: one walk at a time.
const scanOnce = oneWalkAtATime(scanWorkspace);

async function scanWorkspace(token?: vscode.CancellationToken): Promise<boolean> {
  const started = Date.now();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = folder.uri;
    const at = (path: string) => root.with({ path });
    // One time budget for all the workspace folders together.
    const maxMs = SCAN_LIMITS.maxMs - (Date.now() - started);
    if (maxMs <= 0) return false;
    const found = await treeHasRecords([root.path], {
      list: (path) => vscode.workspace.fs.readDirectory(at(path)),
      startsLikeRecord: (path) => fileStartsLikeRecord(at(path)),
      isCancelled: () => token?.isCancellationRequested === true,
    }, { ...SCAN_LIMITS, maxMs });
    if (found) return true;
  }
  return false;
}

async function fileStartsLikeRecord(uri: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type !== vscode.FileType.File) return false; // no links out, no devices
    if (uri.scheme === 'file') return looksLikeRecord(await readFileHead(uri.fsPath, HEAD_BYTES));
    // The workspace fs reads whole files; records are small, and bigger files are skipped.
    if (stat.size > 512 * 1024) return false;
    const bytes = await vscode.workspace.fs.readFile(uri);
    return looksLikeRecord(new TextDecoder().decode(bytes.subarray(0, HEAD_BYTES)));
  } catch {
    return false;
  }
}
