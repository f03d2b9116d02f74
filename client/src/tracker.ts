// The permanence tracker in the editor (issue 12): the command "careplan: Open permanence
// tracker" shows the same page as `careplan report` in a webview (scripts allowed by hash only,
// no remote content, no local resources), refreshed as records change, whose rows open the
// child's records; and a "Children" tree listing each child with their records and flags. The
// figures come from the language server (`careplan/tracker`), so they are the CLI's.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatReportHtml, words } from '../../shared/core';
import type { Tracker, TrackerRow } from '../../shared/core';
import { TRACKER_REQUEST } from '../../shared/protocol';

export const OPEN_TRACKER_COMMAND = 'careplan.openTracker';
export const CHILDREN_VIEW = 'careplan.children';
/** Typing is not a reason to rebuild the tracker on every key: once it pauses. */
const REFRESH_AFTER_MS = 800;

/** In the page, before its own script: a row asks the extension to open the child's records. */
const HOST_SCRIPT = `(function () { var vscode = acquireVsCodeApi(); window.careplanOpen = function (child, records) { vscode.postMessage({ type: 'open', child: child, records: records }); }; })();`;

/** The tracker with records named from the workspace (as people see them), and the way back to their URIs. */
function named(t: Tracker): { tracker: Tracker; uris: Map<string, string> } {
  const uris = new Map<string, string>();
  const name = (uri: string): string => {
    const shown = vscode.workspace.asRelativePath(vscode.Uri.parse(uri), true);
    uris.set(shown, uri);
    return shown;
  };
  return {
    uris,
    tracker: {
      ...t,
      rows: t.rows.map((r) => ({ ...r, records: r.records.map(name) })),
      completeness: t.completeness.map((c) => ({ ...c, missing: c.missing.map((m) => (m.record ? { ...m, record: name(m.record) } : m)) })),
    },
  };
}

class TrackerSource {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async get(): Promise<Tracker | undefined> {
    const c = this.client();
    if (!c) return undefined;
    return (await c.sendRequest<Tracker | null>(TRACKER_REQUEST, {})) ?? undefined;
  }

  /** A record changed: tell the views, once typing pauses. */
  poke(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), REFRESH_AFTER_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** Opens a child's records: the one, or a choice among several (latest first). */
async function openRecords(records: readonly string[], uris: ReadonlyMap<string, string>, child: string): Promise<void> {
  const known = records.flatMap((r) => (uris.has(r) ? [r] : []));
  if (!known.length) return;
  const pick = known.length === 1 ? known[0] : await vscode.window.showQuickPick([...known].reverse(), { title: `${child}: open a record`, placeHolder: 'latest first' });
  if (pick) await vscode.window.showTextDocument(vscode.Uri.parse(uris.get(pick)!));
}

class TrackerPanel {
  private panel: vscode.WebviewPanel | undefined;
  private uris = new Map<string, string>();

  constructor(private readonly source: TrackerSource) {
    source.onDidChange(() => {
      if (this.panel?.visible) void this.render();
    });
  }

  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) this.panel.reveal();
    else {
      this.panel = vscode.window.createWebviewPanel('careplan.tracker', 'Permanence tracker', vscode.ViewColumn.Active, {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) void this.render();
      });
      this.panel.webview.onDidReceiveMessage((m: { type?: unknown; child?: unknown; records?: unknown }) => {
        if (m?.type === 'open' && Array.isArray(m.records)) void openRecords(m.records.filter((r): r is string => typeof r === 'string'), this.uris, String(m.child ?? ''));
      });
    }
    await this.render();
    return this.panel!;
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    let tracker: Tracker | undefined;
    try {
      tracker = await this.source.get();
    } catch (err) {
      panel.webview.html = message(`The tracker could not be built: ${String(err)}`);
      return;
    }
    if (!tracker) {
      panel.webview.html = message('careplan is not running in this folder yet: open or create a care plan, review or supervision record.');
      return;
    }
    const { tracker: shown, uris } = named(tracker);
    this.uris = uris;
    panel.webview.html = formatReportHtml(shown, { hostScript: HOST_SCRIPT });
  }
}

/** A page that only says something (no script at all). */
function message(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${esc}</p></body></html>`;
}

type Node = { kind: 'child'; row: TrackerRow } | { kind: 'record'; name: string; uri: string } | { kind: 'flag'; text: string };

/** The Children tree: each child (plan and how many flags), then their records and flags. */
class ChildrenTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private uris = new Map<string, string>();

  constructor(private readonly source: TrackerSource) {
    source.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'child') {
      const r = node.row;
      const flags = Object.values(r.flags).reduce((a, b) => a + b, 0);
      const item = new vscode.TreeItem(r.child, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${r.plan ? words(r.plan) : 'no plan'}${flags ? ` · ${flags} flag${flags === 1 ? '' : 's'}` : ''}`;
      item.iconPath = new vscode.ThemeIcon(flags || r.reviewOverdue || r.supervisionOverdue ? 'warning' : 'person');
      item.contextValue = 'careplan.child';
      return item;
    }
    if (node.kind === 'record') {
      const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(node.uri)] };
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('flag');
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const t = await this.source.get().catch(() => undefined);
      if (!t) return [];
      const { tracker, uris } = named(t);
      this.uris = uris;
      return tracker.rows.map((row) => ({ kind: 'child' as const, row }));
    }
    if (node.kind !== 'child') return [];
    const r = node.row;
    const flags: Node[] = Object.entries(r.flags).map(([id, n]) => ({ kind: 'flag', text: `${id}${n > 1 ? ` ×${n}` : ''}` }));
    if (r.reviewOverdue && r.nextReviewDue) flags.unshift({ kind: 'flag', text: `next review overdue (due ${r.nextReviewDue})` });
    if (r.waiting) flags.unshift({ kind: 'flag', text: `waiting for ${r.waiting.step.replace(/-/g, ' ')} since ${r.waiting.since}` });
    const records: Node[] = r.records.flatMap((name) => (this.uris.has(name) ? [{ kind: 'record' as const, name, uri: this.uris.get(name)! }] : []));
    return [...flags, ...records];
  }
}

/** The tracker command, the Children tree, and the refresh when a record changes. */
export function registerTracker(client: () => LanguageClient | undefined): vscode.Disposable {
  const source = new TrackerSource(client);
  const panel = new TrackerPanel(source);
  const isRecordFile = (uri: vscode.Uri) => /\.ya?ml$/i.test(uri.path);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  return vscode.Disposable.from(
    source,
    watcher,
    vscode.commands.registerCommand(OPEN_TRACKER_COMMAND, () => panel.show()),
    vscode.window.registerTreeDataProvider(CHILDREN_VIEW, new ChildrenTree(source)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isRecordFile(e.document.uri) && e.contentChanges.length) source.poke();
    }),
    // The server has taken a change in once it publishes the record's findings: ask again then too.
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some(isRecordFile)) source.poke();
    }),
    watcher.onDidCreate(() => source.poke()),
    watcher.onDidChange(() => source.poke()),
    watcher.onDidDelete(() => source.poke()),
  );
}
