// The VS Code client: starts the careplan language server and stays thin. Every check, fix,
// completion and hover comes from the server; this file only wires VS Code to it, plus the
// commands and the status item that live in the editor's UI. The server starts when the folder
// holds records (see activation.ts) or a record is opened or typed, and not in folders without.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { newRecord, type NewRecordOptions, type TeamTemplateAsker, type TemplateKind } from './templates';
import { commandOptions } from './recordPlace';
import { DOCUMENT_STATUS_REQUEST, TEMPLATE_FOR_REQUEST, type DocumentStatusParams, type TemplateForAnswer } from '../../shared/protocol';
import { FindingsStatus, type DocumentStatus } from './status';
import { isRecordDocument, workspaceHasRecords } from './activation';
import { OPEN_RULE_PAGE_COMMAND, openRulePage, ruleLinksRendered, showRuleDoc } from './ruleDocs';
import { snippetCodeActions, SnippetEditsFeature } from './fixes';
import { SERVER_NODE_ARGS } from '../../shared/serverArgs';
import { registerTracker } from './tracker';

const CLIENT_ID = 'careplan';
const CLIENT_NAME = 'careplan';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let extensionContext: vscode.ExtensionContext | undefined;
let status: FindingsStatus | undefined;
/** Listens for a record being opened or typed while the server is not running. */
let waitingForRecord: vscode.Disposable | undefined;
/** Cancelled when the extension stops, so a workspace scan still walking gives up. */
let scans: vscode.CancellationTokenSource | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('careplan');
  context.subscriptions.push(output);
  const scanSource = new vscode.CancellationTokenSource();
  scans = scanSource;
  context.subscriptions.push({ dispose: () => { scanSource.cancel(); scanSource.dispose(); } });

  context.subscriptions.push(
    vscode.commands.registerCommand('careplan.restartServer', restartServer),
    vscode.commands.registerCommand('careplan.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand(OPEN_RULE_PAGE_COMMAND, (ruleId: unknown) => openRulePage(context.extensionUri, ruleId)),
    vscode.commands.registerCommand('careplan.newRecord', (folder?: unknown, options?: unknown) => newRecord(context, folder, commandOptions(options) as NewRecordOptions | undefined, askTeamTemplate)),
    registerNew(context, 'careplan.newCarePlan', 'care-plan'),
    registerNew(context, 'careplan.newReview', 'review'),
    registerNew(context, 'careplan.newSupervision', 'supervision'),
    registerTracker(() => client),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('careplan.enable')) void (isEnabled() ? startWhenRecords(context) : stopServer());
    }),
    { dispose: () => waitingForRecord?.dispose() },
  );
  status = new FindingsStatus(undefined, isEnabled);
  context.subscriptions.push(status);

  if (isEnabled()) await startWhenRecords(context);
}

/** A New command with its kind fixed; from the explorer it gets the folder clicked. */
function registerNew(context: vscode.ExtensionContext, command: string, kind: TemplateKind): vscode.Disposable {
  return vscode.commands.registerCommand(command, (folder?: unknown, options?: NewRecordOptions) => newRecord(context, folder, { ...options, kind }, askTeamTemplate));
}

/** The team's template from the server, which knows the config; careplan's own when it is not running. */
const askTeamTemplate: TeamTemplateAsker = async (kind, folder) =>
  client ? client.sendRequest<TemplateForAnswer>(TEMPLATE_FOR_REQUEST, { kind, folderUri: folder.toString() }) : null;

/**
 * Starts the server if an open file or the workspace holds a record; otherwise waits for one to
 * be opened or typed, so a folder without records costs one bounded scan and no server.
 */
async function startWhenRecords(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  if (vscode.workspace.textDocuments.some(isRecordDocument) || (await workspaceHasRecords(scans?.token))) {
    await startServer(context);
    return;
  }
  output?.appendLine('careplan: no records in this folder yet; the checks start when one is opened or written.');
  waitingForRecord?.dispose();
  const startIf = (doc: vscode.TextDocument) => {
    if (client || !isEnabled() || !isRecordDocument(doc)) return;
    waitingForRecord?.dispose();
    waitingForRecord = undefined;
    void startServer(context);
  };
  const subs = [
    vscode.workspace.onDidOpenTextDocument(startIf),
    vscode.workspace.onDidChangeTextDocument((e) => startIf(e.document)),
    vscode.workspace.onDidCreateFiles(() => void workspaceHasRecords(scans?.token).then((yes) => { if (yes && !client && isEnabled()) void startServer(context); })),
  ];
  waitingForRecord = vscode.Disposable.from(...subs);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}

function isEnabled(): boolean {
  return vscode.workspace.getConfiguration('careplan').get<boolean>('enable', true);
}

async function startServer(context: vscode.ExtensionContext): Promise<void> {
  if (client) return;
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // The server decides per document: YAML without a care-plan `kind:` gets no findings.
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    // Sends `careplan.*` on every change (workspace/didChangeConfiguration); the server also asks
    // per resource (workspace/configuration) and registers its own file watchers.
    synchronize: { configurationSection: 'careplan' },
    outputChannel: output,
    traceOutputChannel: output,
    middleware: {
      // "Show documentation" opens the rule's page rendered, not the Markdown source as an editable file.
      executeCommand: async (command, args, next) => (command === 'careplan.showRuleDoc' ? showRuleDoc(args[0]) : next(command, args)),
      // So does the rule id in the Problems panel and in hovers (codeDescription.href made a command link).
      handleDiagnostics: (uri, diagnostics, next) => next(uri, ruleLinksRendered(diagnostics)),
      // Quick fixes put the cursor on the value they propose (snippet edits, client/src/fixes.ts).
      provideCodeActions: snippetCodeActions(() => client),
    },
  };
  const started = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  started.registerFeature(new SnippetEditsFeature());
  client = started;
  try {
    await started.start();
    // Offers "New careplan record…" on the explorer's folders where records are kept.
    void vscode.commands.executeCommand('setContext', 'careplan.recordsHere', true);
    status?.setAsker((uri) => started.sendRequest<DocumentStatus>(DOCUMENT_STATUS_REQUEST, { uri: uri.toString() } satisfies DocumentStatusParams));
  } catch (error) {
    client = undefined;
    output?.appendLine(`careplan: the language server did not start: ${String(error)}`);
    void vscode.window.showErrorMessage('careplan: the checks could not start. See the careplan output for details.', 'Show output')
      .then((choice) => { if (choice) output?.show(true); });
  }
}

async function stopServer(): Promise<void> {
  const running = client;
  client = undefined;
  status?.setAsker(undefined);
  if (running) await running.stop().catch(() => undefined);
}

async function restartServer(): Promise<void> {
  if (!isEnabled()) {
    void vscode.window.showInformationMessage('careplan is turned off (setting careplan.enable).');
    return;
  }
  if (client) await client.restart();
  else if (extensionContext) await startServer(extensionContext); // asked for: start even with no record yet
}
