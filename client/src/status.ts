// The careplan item in the status bar, always in view beside the problem counts: what careplan
// makes of the active YAML file. "No findings" only for a record that was checked and is clean;
// a YAML file careplan does not check says so, instead of a reassuring tick.
import * as vscode from 'vscode';
import { statusText, type DocumentStatus } from './statusText';

export type { DocumentStatus };

const SOURCE = 'careplan';

export type StatusAsker = (uri: vscode.Uri) => Promise<DocumentStatus | undefined>;

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
  readonly item = vscode.window.createStatusBarItem('careplan.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  /** `ask` is undefined while the language server is not running. */
  constructor(private ask: StatusAsker | undefined, private readonly enabled: () => boolean) {
    this.item.name = 'careplan';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      // Typing `kind: review` makes a file a record: look again once typing pauses.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
    );
    void this.refresh();
  }

  setAsker(ask: StatusAsker | undefined): void {
    this.ask = ask;
    void this.refresh();
  }

  refreshSoon(ms = 300): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), ms);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'yaml') {
      this.item.hide();
      return;
    }
    const uri = editor.document.uri;
    const ticket = ++this.asked;
    const status: DocumentStatus = !this.enabled()
      ? { state: 'off' }
      : this.ask
        ? ((await this.ask(uri).catch(() => undefined)) ?? { state: 'unknown' })
        : { state: 'not-record' }; // no server: nothing in this folder or file looked like a record
    if (ticket !== this.asked || vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) return; // a newer refresh won
    const { text, tooltip } = statusText(status, countFindings(uri));
    // A clean check publishes nothing new: ask again until this version's check is in.
    if (status.state === 'unknown' || (status.state === 'record' && status.checked === false)) this.refreshSoon(500);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = status.state === 'record' ? { title: 'Show problems', command: 'workbench.actions.view.problems' } : undefined;
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
