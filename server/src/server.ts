#!/usr/bin/env node
/**
 * `careplan-language-server`: the LSP adapter over the careplan service (service/service.ts).
 * It wires the editor's events to the service and the service's answers back; the features
 * themselves are the service's (pure), the scheduling is lsp/validator.ts's.
 *
 *   careplan-language-server --stdio        (Neovim, Emacs, Helix …)
 *   node dist/server.js --node-ipc          (the VS Code extension)
 */
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, Diagnostic, Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { createCarePlanService, parseConfigText } from './service';
import { canonicalUri, isInsideRoots } from './service/paths';
import { CONFIG_FILE_NAMES } from './node/loadConfig';
import type { Finding, ServiceDocument, WorkspaceHost } from './service';
import { SHOW_RULE_DOC_COMMAND, type FindingRef } from './service/features';
import { ArrivedVersions, createTransport } from './lsp/transport';
import { limitHeapGrowth } from './node/heapGrowth';
import { Settings, ClientSettings } from './lsp/settings';
import { isConfigFile, Workspace } from './lsp/workspace';
import { Validator } from './lsp/validator';
import { createIdleCollector } from './lsp/idleCollector';
import { ClosedFiles } from './lsp/closedFiles';
import { CoalescedRecheck } from './lsp/coalescedRecheck';
import { ALL_DIAGNOSTIC_FIELDS, diagnosticFieldsFor, ruleDocUrl, toCompletionItem, toDiagnostic as convertFinding, toDocumentSymbol } from './lsp/convert';
import { actionSupport, codeActions, OPEN_DOCUMENT_COMMAND } from './lsp/codeActions';
import { TEMPLATE_FOR_REQUEST, templateFor } from './lsp/templates';
import { registerTrackerRequest } from './lsp/tracker';
import { DOCUMENT_STATUS_REQUEST, type DocumentStatus } from '../../shared/protocol';
import { version } from '../../package.json';

// the heap kept near what the server holds, not what it has thrown away (see heapGrowth.ts)
limitHeapGrowth();

const arrived = new ArrivedVersions();
const transport = createTransport(process.argv.slice(2), arrived);
const connection = createConnection(ProposedFeatures.all, transport.reader, transport.writer);
const log = (message: string) => connection.console.log(message);
const logError = (message: string) => connection.console.error(message);

if (transport.stdio) {
  // stdout carries the protocol: anything printed by a library goes to the client's log instead.
  console.log = console.info = console.debug = (...args: unknown[]) => log(args.map(String).join(' '));
  console.warn = console.error = (...args: unknown[]) => logError(args.map(String).join(' '));
}
let shutdownRequested = false;
transport.reader.onClose(() => process.exit(shutdownRequested ? 0 : 1));
process.on('uncaughtException', (err) => logError(`careplan: unexpected error (the server keeps running): ${err.stack ?? err}`));
process.on('unhandledRejection', (err) => logError(`careplan: unexpected error (the server keeps running): ${(err as Error)?.stack ?? err}`));

const documents = new TextDocuments(TextDocument);
/** Open documents, by canonical URI: the disk scan and the client may spell one file differently. */
const openFiles = new Set<string>();
const isOpen = (uri: string) => openFiles.has(canonicalUri(uri));
let workspace: Workspace;
// The service's host is the workspace's, which needs the service's index: tie the knot lazily.
const host: WorkspaceHost = {
  get roots() {
    return workspace.host.roots;
  },
  fileExists: (uri) => workspace.host.fileExists(uri),
  readText: (uri) => workspace.host.readText!(uri),
  listDirectory: (uri) => workspace.host.listDirectory!(uri),
  leadsInside: (uri) => workspace.host.leadsInside!(uri),
};
const service = createCarePlanService({ host, ruleDocUrl, log: logError });
workspace = new Workspace(
  service.index,
  {
    has: (uri) => isOpen(uri),
    text: (uri) => documents.get(uri)?.getText(),
    uris: () => documents.keys(),
  },
  logError,
);

let capabilities: ClientCapabilities = {};
/** What diagnostics carry for this client, from its capabilities (set on initialize). */
let diagnosticFields = ALL_DIAGNOSTIC_FIELDS;
const toDiagnostic = (f: Finding) => convertFinding(f, diagnosticFields);
const settings = new Settings({
  fetch: async (uri) => {
    if (!capabilities.workspace?.configuration) return undefined;
    return (await connection.workspace.getConfiguration({ scopeUri: uri, section: 'careplan' })) as ClientSettings | undefined;
  },
  roots: () => workspace.folderPaths(),
  disk: () => workspace.disk(),
  log: logError,
  // Its problems go in the Problems panel on the config file itself, open or not, so nobody
  // works on believing their team's settings apply: checked from disk like any closed file.
  brokenConfig: (file) => closedFiles.request([URI.file(file).toString()]),
});

/** Problems of a config file, open (as typed) or closed (from disk); undefined for any other file. */
function configProblems(uri: string, text: string): Diagnostic[] | undefined {
  return isConfigFile(uri) ? parseConfigText(text.replace(/^\uFEFF/, '')).findings.map(toDiagnostic) : undefined;
}

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));

const idleCollector = createIdleCollector();
const validator = new Validator({
  engine: service,
  arrived,
  ready,
  document: (uri) => documents.get(uri),
  settings: (uri) => settings.for(uri),
  publish: (uri, v, diagnostics) => void connection.sendDiagnostics({ uri, version: v, diagnostics }),
  toDiagnostic,
  // Anything the client sent since the check began may be waiting in the queue: then no GC.
  checked: (begun) => idleCollector.collectSoon(() => arrived.lastReadAt >= begun || validator.busy),
  childrenChanged: (uri, children) => recheckChildren(children, uri),
  extraDiagnostics: configProblems,
  log: logError,
  trace: (message) => connection.tracer.log(message),
});

/**
 * How long the client must have been quiet before records that are not open are checked: a
 * parse cannot be interrupted, so a long record checked between two keystrokes would hold up
 * the second one.
 */
const QUIET_MS = 400;
const closedFiles = new ClosedFiles({
  engine: service,
  isOpen,
  read: (uri) => workspace.readFromDisk(uri),
  settings: (uri) => settings.for(uri),
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  toDiagnostic,
  extraDiagnostics: configProblems,
  // Background work waits until the author has paused (see QUIET_MS).
  busy: () => validator.busy || performance.now() - arrived.lastReadAt < QUIET_MS,
  childrenChanged: (uri, children) => recheckChildren(children, uri),
  log: logError,
});

/**
 * Rechecks every open document, and every record on disk that is not open, when the
 * workspace's ids, files or settings changed: once per burst of changes, behind typing.
 */
const recheck = new CoalescedRecheck({
  run: (except) => {
    validator.requestAll(documents.keys().filter((u) => u !== except));
    closedFiles.request([...service.index.all()].map((d) => d.uri));
  },
  busy: () => validator.busy,
});
const recheckAll = (except?: string) => recheck.request(except);

/** Settings or config files changed: checks already under way must not publish what they found. */
function settingsChanged(): void {
  settings.reset();
  validator.invalidate();
}

/**
 * A record's dates, numbers or actions changed: the other records of its children are checked
 * again (only theirs: a change to one child's record never rechecks another child's). Coalesced
 * like the workspace rechecks: a burst of changes (typing a date, closing many buffers) costs one
 * pass, once the author pauses.
 */
const childrenToRecheck = new Set<string>();
const childRecheck = new CoalescedRecheck({
  run: (except) => {
    const children = [...childrenToRecheck];
    childrenToRecheck.clear();
    recheckRecordsOf(children, except);
  },
  busy: () => validator.busy,
});

function recheckChildren(children: readonly string[], changed: string): void {
  if (!children.length) return;
  for (const c of children) childrenToRecheck.add(c);
  childRecheck.request(canonicalUri(changed));
}

function recheckRecordsOf(children: readonly string[], except: string | undefined): void {
  const others = new Set<string>();
  for (const child of children) for (const d of service.index.recordsOf(child)) if (d.uri !== except) others.add(d.uri);
  const closed: string[] = [];
  for (const uri of others) {
    const open = documents.get(uri) ?? documents.keys().map((k) => documents.get(k)!).find((d) => canonicalUri(d.uri) === uri);
    if (open) validator.request(open.uri, true);
    else closed.push(uri);
  }
  if (closed.length) closedFiles.request(closed);
}

/** A record changed on disk (or its unsaved buffer was closed): what the chronology read from it is renewed. */
async function refreshFacts(uri: string): Promise<void> {
  if (isOpen(uri) || !service.chronology.has(uri)) return;
  const file = await workspace.readFromDisk(uri);
  recheckChildren(service.observe(uri, file?.ok ? file.text : undefined), uri);
}

function afterIndexChange(before: number, except?: string): void {
  if (service.index.generation !== before) recheckAll(except);
}

/** Wraps a handler so a bug answers with nothing instead of taking the server down. */
function guard<P, R>(name: string, fallback: R, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await fn(params);
    } catch (err) {
      logError(`careplan: ${name} failed: ${(err as Error).stack ?? err}`);
      return fallback;
    }
  };
}

/** The open document and the record the service sees in it — undefined for anything that is not a record. */
async function record(uri: string): Promise<{ doc: TextDocument; view: ServiceDocument } | undefined> {
  const doc = documents.get(uri);
  if (!doc) return undefined;
  const s = await settings.for(uri);
  if (!s.enabled) return undefined;
  const parsed = validator.parsedFor(doc);
  if (!parsed.kind) return undefined;
  return { doc, view: { uri: doc.uri, parsed, config: s.config } };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  capabilities = params.capabilities;
  diagnosticFields = diagnosticFieldsFor(capabilities.textDocument?.publishDiagnostics);
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspace.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      completionProvider: { triggerCharacters: [':', ' ', '/'], resolveProvider: false },
      hoverProvider: true,
      definitionProvider: true,
      documentLinkProvider: { resolveProvider: false },
      documentSymbolProvider: { label: 'careplan' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      executeCommandProvider: { commands: [SHOW_RULE_DOC_COMMAND, OPEN_DOCUMENT_COMMAND] },
      inlayHintProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'careplan', version },
  };
});

connection.onInitialized(async () => {
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'careplan' });
  }
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.{yaml,yml}' },
        { globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` },
        // Files that records point at with `path:`, so creating one clears its finding.
        { globPattern: '**/*.{md,pdf,doc,docx,odt,txt,rtf,png,jpg,jpeg}', kind: 1 | 4 },
      ],
    });
  }
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(
      guard('workspace folders', undefined, async (e) => {
        workspace.setFolders([...workspace.folderUris.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)]);
        const removed = e.removed.map((r) => r.uri);
        for (const d of [...service.index.all()]) {
          if (!isInsideRoots(URI.parse(d.uri), removed)) continue;
          workspace.remove(d.uri);
          closedFiles.forget(d.uri);
        }
        settingsChanged();
        const added = e.added.map((a) => URI.parse(a.uri)).filter((u) => u.scheme === 'file').map((u) => u.fsPath);
        await workspace.scan(added, (folder) => settings.ignoresFor(folder), skippedInScan);
        recheckAll();
      }),
    );
  }
  const started = Date.now();
  try {
    const count = await workspace.scan(undefined, (folder) => settings.ignoresFor(folder), skippedInScan);
    log(`careplan ${version}: indexed ${count} records in ${workspace.folderPaths().length} folder(s) in ${Date.now() - started} ms`);
  } catch (err) {
    logError(`careplan: indexing the workspace failed: ${(err as Error).stack ?? err}`);
  } finally {
    markReady();
  }
  recheckAll();
});

/** A record-named file the scan did not open (a pipe, a link leading outside) is shown with its reason; an unreadable folder is logged. */
function skippedInScan(uri: string, reason: string): void {
  if (/\.ya?ml$/i.test(uri)) closedFiles.request([uri]);
  else logError(`careplan: ${URI.parse(uri).fsPath}: ${reason}`);
}

connection.onShutdown(() => {
  shutdownRequested = true;
  recheck.dispose();
  childRecheck.dispose();
});

documents.onDidChangeContent((e) => {
  const before = service.index.generation;
  service.index.set(e.document.uri, e.document.getText());
  validator.request(e.document.uri);
  afterIndexChange(before, e.document.uri);
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  openFiles.delete(canonicalUri(uri));
  validator.forget(uri);
  settings.forget(uri);
  const before = service.index.generation;
  // The buffer no longer overrides the disk: index what is saved (or drop an unsaved file).
  void workspace.refreshFromDisk(uri).then((changed) => {
    if (!changed && URI.parse(uri).scheme !== 'file') service.index.remove(uri);
    afterIndexChange(before);
    closedFiles.request([uri]); // what is on disk now shows in the Problems panel
    void refreshFacts(uri);
  });
});

documents.onDidOpen((e) => {
  openFiles.add(canonicalUri(e.document.uri));
  if (closedFiles.opened(e.document.uri)) validator.adopt(e.document.uri);
});

connection.onDidChangeWatchedFiles(
  guard('watched files', undefined, async (params) => {
    const before = service.index.generation;
    let filesCameOrWent = false;
    let configChanged = false;
    for (const change of params.changes) {
      // Nothing outside the workspace is read, whatever the client reports.
      if (!workspace.isInside(change.uri)) continue;
      if (isConfigFile(change.uri) || (change.uri.startsWith('file:') && settings.usesConfigFile(URI.parse(change.uri).fsPath))) {
        configChanged = true;
        if (change.type === FileChangeType.Deleted) closedFiles.forget(change.uri);
        else closedFiles.request([change.uri]); // its own problems, if any
        continue;
      }
      if (change.type !== FileChangeType.Changed) filesCameOrWent = true;
      if (change.type === FileChangeType.Deleted) {
        workspace.remove(change.uri);
        closedFiles.forget(change.uri);
      } else {
        await workspace.refreshFromDisk(change.uri);
        if (/\.ya?ml$/i.test(change.uri)) closedFiles.request([change.uri]);
      }
      await refreshFacts(change.uri);
    }
    if (configChanged) settingsChanged();
    if (configChanged || filesCameOrWent) recheckAll();
    else afterIndexChange(before);
  }),
);

connection.onDidChangeConfiguration(
  guard('settings change', undefined, (params) => {
    const pushed = (params.settings as { careplan?: ClientSettings } | undefined)?.careplan;
    if (pushed) settings.global = pushed;
    settingsChanged();
    recheckAll();
    if (capabilities.workspace?.inlayHint?.refreshSupport) void connection.languages.inlayHint.refresh();
  }),
);

documents.listen(connection);

connection.onCompletion(
  guard('completion', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    const items = await service.completions(r.view, params.position, {
      snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    });
    return { isIncomplete: false, items: items.map(toCompletionItem) };
  }),
);

connection.onHover(
  guard('hover', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    return service.hover(r.view, params.position) ?? null;
  }),
);

connection.onDefinition(
  guard('definition', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    return (await service.definition(r.view, params.position)) ?? null;
  }),
);

connection.onDocumentLinks(
  guard('document links', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    return service.links(r.view);
  }),
);

connection.onDocumentSymbol(
  guard('document symbols', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    return service.symbols(r.view).map(toDocumentSymbol);
  }),
);

connection.languages.inlayHint.on(
  guard('inlay hints', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    return service.inlayHints(r.view, params.range).map((h) => ({
      position: h.position,
      label: h.label,
      tooltip: h.tooltip,
      paddingLeft: h.paddingLeft,
    }));
  }),
);

connection.onCodeAction(
  guard('code actions', null, async (params) => {
    const r = await record(params.textDocument.uri);
    if (!r) return null;
    const cached = validator.resultFor(r.doc.uri, r.doc.version)?.result.findings ?? [];
    // The service never offers a file to create where a link would put it outside the workspace.
    const source = { fixes: (f: FindingRef) => service.fixes(r.view, f), refactorings: (range: Range) => service.refactorings(r.view, range) };
    return codeActions(params, r.doc, source, cached, actionSupport(capabilities));
  }),
);

/**
 * `careplan/documentStatus`: what careplan makes of an open document, for the editor's status
 * item — a record (and whether this version has been checked yet), a file careplan does not
 * check, or checks turned off — so "no findings" is never said of a file that was not checked.
 */
connection.onRequest(
  DOCUMENT_STATUS_REQUEST,
  guard('document status', { state: 'unknown' }, async (params: { uri?: unknown }): Promise<DocumentStatus> => {
    const doc = typeof params?.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return { state: 'unknown' };
    const s = await settings.for(doc.uri);
    if (!s.enabled) return { state: 'off' };
    const kind = validator.parsedFor(doc).kind;
    if (!kind) return { state: 'not-record' };
    return { state: 'record', kind, checked: validator.resultFor(doc.uri, doc.version) !== undefined };
  }),
);

/** `careplan/templateFor`: the team's template for a new record made in a folder (lsp/templates.ts). */
connection.onRequest(
  TEMPLATE_FOR_REQUEST,
  guard('team template', null, (params: unknown) => templateFor(params, { roots: () => workspace.host.roots, settings: (uri) => settings.for(uri), disk: () => workspace.disk() })),
);

registerTrackerRequest(connection, { engine: service, ready, settings: (uri) => settings.for(uri), readText: (uri) => host.readText!(uri), log: logError });

connection.onExecuteCommand(
  guard('command', null, async (params) => {
    if (params.command === OPEN_DOCUMENT_COMMAND) {
      // The file a quick fix just created; only ever one inside the workspace.
      const uri = params.arguments?.[0];
      if (typeof uri === 'string' && uri.startsWith('file:') && capabilities.window?.showDocument?.support && (await workspace.leadsInside(uri))) {
        await connection.window.showDocument({ uri, external: false, takeFocus: true });
      }
      return null;
    }
    if (params.command !== SHOW_RULE_DOC_COMMAND) return null;
    const url = params.arguments?.[0];
    if (typeof url !== 'string') return null;
    if (capabilities.window?.showDocument?.support) {
      await connection.window.showDocument({ uri: url, external: false, takeFocus: true });
    } else {
      connection.window.showInformationMessage(`The rule's documentation is at ${url}`);
    }
    return null;
  }),
);

connection.listen();
