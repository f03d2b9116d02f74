// The VS Code client: starts the careplan language server and stays thin. Every check, fix,
// completion and hover comes from the server; this file only wires VS Code to it, plus the
// commands and the status item that live in the editor's UI.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { newDocumentFromTemplate } from './templates';
import { FindingsStatus } from './status';
import { SERVER_NODE_ARGS } from '../../server/src/serverArgs';

const CLIENT_ID = 'careplan';
const CLIENT_NAME = 'careplan';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let extensionContext: vscode.ExtensionContext | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  output = vscode.window.createOutputChannel('careplan');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('careplan.restartServer', restartServer),
    vscode.commands.registerCommand('careplan.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('careplan.newCarePlan', () => newDocumentFromTemplate(context, 'care-plan')),
    vscode.commands.registerCommand('careplan.newReview', () => newDocumentFromTemplate(context, 'review')),
    vscode.commands.registerCommand('careplan.newSupervision', () => newDocumentFromTemplate(context, 'supervision')),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('careplan.enable')) void (isEnabled() ? startServer(context) : stopServer());
    }),
  );
  context.subscriptions.push(new FindingsStatus());

  if (isEnabled()) await startServer(context);
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
  };
  const started = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = started;
  try {
    await started.start();
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
  if (running) await running.stop().catch(() => undefined);
}

async function restartServer(): Promise<void> {
  if (!isEnabled()) {
    void vscode.window.showInformationMessage('careplan is turned off (setting careplan.enable).');
    return;
  }
  if (client) await client.restart();
  else if (extensionContext) await startServer(extensionContext);
}
