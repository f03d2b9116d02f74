// Language status item: the careplan finding counts of the active document, from the
// diagnostics VS Code already holds (no second check, no server round trip).
import * as vscode from 'vscode';

const SOURCE = 'careplan';

/** Counts of careplan findings by severity for one document. */
export function countFindings(uri: vscode.Uri): { errors: number; warnings: number; others: number } {
  let errors = 0, warnings = 0, others = 0;
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== SOURCE) continue;
    if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
    else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    else others++;
  }
  return { errors, warnings, others };
}

export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('careplan.findings', { language: 'yaml' });
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'careplan findings';
    this.item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'yaml') return;
    const { errors, warnings, others } = countFindings(editor.document.uri);
    const total = errors + warnings + others;
    this.item.text = total === 0 ? '$(check) careplan: no findings' : `$(checklist) careplan: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${others ? `, ${others} other` : ''}`;
    this.item.detail = total === 0 ? 'Nothing to fix in this document' : 'Open the Problems panel';
    this.item.severity = errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
