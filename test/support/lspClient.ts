/**
 * A minimal LSP client for protocol tests and the benchmark: spawns the bundled server over
 * stdio and speaks JSON-RPC to it. Waits are on notifications, with timeouts, never sleeps.
 */
import { fork, spawn, ChildProcess } from 'node:child_process';
import { SERVER_NODE_ARGS } from '../../shared/serverArgs';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams, TextEdit } from 'vscode-languageserver/node';

/** dist/server.js, found from test/support (under tsx) or from dist/ (in the bundled benchmark). */
export const SERVER = [path.join(__dirname, 'server.js'), path.join(__dirname, '..', '..', 'dist', 'server.js')].find((p) => existsSync(p)) ?? path.join(__dirname, '..', '..', 'dist', 'server.js');

export type Transport = 'stdio' | 'ipc';

/** JSON-RPC to a child process over Node IPC or its stdin/stdout. */
export function connectToChild(transport: Transport, child: ChildProcess): MessageConnection {
  return transport === 'ipc'
    ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
}

/** JSON-RPC to this process's parent, the other end of connectToChild. */
export function connectToParent(transport: Transport): MessageConnection {
  return transport === 'ipc'
    ? createMessageConnection(new IPCMessageReader(process), new IPCMessageWriter(process))
    : createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
}

export interface Published extends PublishDiagnosticsParams {
  at: number;
}

export interface ClientOptions {
  /** careplan settings returned for workspace/configuration (mutable by the test). */
  settings?: Record<string, unknown>;
  /** Advertise dynamic registration, file creation and so on, as VS Code does. */
  capabilities?: Record<string, unknown>;
  /** How to talk to the server: stdio (as Neovim does) or Node IPC (as the VS Code client does). */
  transport?: Transport;
  /**
   * Over stdio, the Node arguments to start the server with instead of careplan's own (its Node
   * options, script and `--stdio`): a preload for the memory benchmark, or a reference server.
   */
  argv?: readonly string[];
  /** Settings returned for sections other than `careplan` (e.g. `yaml` for yaml-language-server). */
  sections?: Record<string, unknown>;
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly proc: ChildProcess;
  readonly published: Published[] = [];
  readonly logs: string[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly shownDocuments: unknown[] = [];
  /** `$/logTrace` messages (sent when initialize asked for trace 'verbose'). */
  readonly traces: string[] = [];
  settings: Record<string, unknown>;
  readonly sections: Record<string, unknown>;
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private versions = new Map<string, number>();

  constructor(options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.sections = options.sections ?? {};
    // Started with the Node options the VS Code extension uses.
    if (options.transport === 'ipc') {
      this.proc = fork(SERVER, ['--node-ipc'], { execArgv: [...SERVER_NODE_ARGS], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: process.env });
      this.proc.stdout!.on('data', (d) => this.logs.push(String(d)));
    } else {
      this.proc = spawn(process.execPath, options.argv ? [...options.argv] : [...SERVER_NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    }
    this.connection = connectToChild(options.transport ?? 'stdio', this.proc);
    this.proc.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const entry = { ...p, at: performance.now() };
      this.published.push(entry);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(entry)) return true;
        w.resolve(entry);
        return false;
      });
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onNotification('$/logTrace', (p: { message: string }) => this.traces.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === 'careplan' ? this.settings : (this.sections[i.section ?? ''] ?? null))),
    );
    this.connection.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.connection.onRequest('window/showDocument', (p: unknown) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    this.connection.onRequest('workspace/inlayHint/refresh', () => null);
    this.connection.listen();
  }

  async initialize(rootPath: string, capabilities: Record<string, unknown> = {}, trace: 'off' | 'messages' | 'verbose' = 'off'): Promise<Record<string, unknown>> {
    const rootUri = pathToUri(rootPath);
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      trace,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(rootPath) }],
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
          workspaceFolders: true,
          inlayHint: { refreshSupport: true },
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          inlayHint: {},
        },
        window: { showDocument: { support: true } },
        ...capabilities,
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  /** Resolves with the first publishDiagnostics (already received or future) that passes `test`. */
  waitFor(test: (p: Published) => boolean, timeoutMs = 10_000, fromIndex = 0): Promise<Published> {
    const hit = this.published.slice(fromIndex).find(test);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: (p: Published) => (clearTimeout(timer), resolve(p)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms; got ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.length]))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * Resolves once every one of `uris` has had diagnostics published, polling and emptying
   * `published` as it goes (a folder of thousands of records would otherwise keep them all).
   */
  waitForEvery(uris: Iterable<string>, timeoutMs: number): Promise<void> {
    const waiting = new Set(uris);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${waiting.size} records never got diagnostics`)), timeoutMs);
      const tick = () => {
        for (const p of this.published) waiting.delete(p.uri);
        this.published.length = 0;
        if (waiting.size) setTimeout(tick, 5);
        else {
          clearTimeout(timer);
          resolve();
        }
      };
      tick();
    });
  }

  /** Waits for diagnostics for `uri` at exactly `version`. */
  diagnosticsFor(uri: string, version: number, timeoutMs = 10_000): Promise<Published> {
    return this.waitFor((p) => p.uri === uri && p.version === version, timeoutMs);
  }

  open(uri: string, text: string, version = 1): void {
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Replaces the whole text; returns the new version. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Sends incremental edits; returns the new version. */
  edit(uri: string, edits: TextEdit[]): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // dispose() below may close the pipe before this is written; the server is killed then anyway.
      this.connection.sendNotification('exit').catch(() => undefined);
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Applies LSP TextEdits to a text (edits must not overlap), as an editor would. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < starts.length ? Math.min(starts[p.line] + p.character, text.length) : text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start) || offset(b.range.end) - offset(a.range.end));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

export function messages(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.code}`);
}
