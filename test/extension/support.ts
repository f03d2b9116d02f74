// Helpers for the extension tests: open a sample, wait for careplan diagnostics through
// vscode.languages.onDidChangeDiagnostics (never a fixed sleep), read `# expect:` markers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SOURCE = 'careplan';
export const DIAGNOSTICS_TIMEOUT_MS = 30_000;

/** The workspace folder the tests run in: a temporary copy of samples/. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder (a copy of samples/)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openSample(...segments: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...segments));
  assert.equal(doc.languageId, 'yaml', `${segments.join('/')} should open as YAML`);
  return vscode.window.showTextDocument(doc);
}

/** The rule id of a diagnostic: `code` is a string or `{ value, target }`. */
export function ruleId(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function careplanDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the careplan diagnostics of `uri` as soon as `accept` holds for them: checks
 * the current ones first, then again on every onDidChangeDiagnostics for that uri.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diags = careplanDiagnostics(uri);
      if (!accept(diags)) return false;
      cleanup();
      resolve(diags);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describe(careplanDiagnostics(uri))}`));
    }, timeoutMs);
    function cleanup(): void { sub.dispose(); clearTimeout(timer); }
    check();
  });
}

/** `line:rule` keys (0-based lines) of the `# expect: a, b` markers in a document. */
export function expectedMarkers(doc: vscode.TextDocument, rules?: readonly string[]): string[] {
  const keys: string[] = [];
  for (let line = 0; line < doc.lineCount; line++) {
    const m = /#\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/.exec(doc.lineAt(line).text);
    if (!m) continue;
    for (const rule of m[1].split(',').map((s) => s.trim())) {
      if (!rules || rules.includes(rule)) keys.push(`${line}:${rule}`);
    }
  }
  return keys.sort(byKey);
}

/** `line:rule` keys of diagnostics, by the line where each starts. */
export function diagnosticKeys(diags: readonly vscode.Diagnostic[], rules?: readonly string[]): string[] {
  return diags
    .map((d) => ({ line: d.range.start.line, rule: ruleId(d) ?? '?' }))
    .filter((k) => !rules || rules.includes(k.rule))
    .map((k) => `${k.line}:${k.rule}`)
    .sort(byKey);
}

function byKey(a: string, b: string): number {
  return Number(a.split(':')[0]) - Number(b.split(':')[0]) || a.localeCompare(b);
}

export function describe(diags: readonly vscode.Diagnostic[]): string {
  if (!diags.length) return '(none)';
  return diags.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${ruleId(d)} ${d.message}`).join(' | ');
}

/** Hover contents as plain text. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .trim();
}

/** Closes every editor without saving, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  // Revert first: closing a dirty editor would ask "Save?" and the test would hang on the dialog.
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
