/**
 * Turns the core's fixes into LSP code actions for the diagnostics the editor sent back.
 *
 * LSP 3.17 has no snippets in code actions. As rust-analyzer does, a client that declares the
 * experimental capability `snippetTextEdit` gets an edit that has tab stops as a snippet text
 * edit (`insertTextFormat: 2`, the snippet as `newText`); its middleware inserts it as a snippet
 * (client/src/fixes.ts). Every other client gets the plain text, the same the CLI's --fix writes.
 * A fix that creates a file opens it afterwards with `window/showDocument`, through a command.
 */
import { CodeActionKind, CreateFile, InsertTextFormat, TextDocumentEdit } from 'vscode-languageserver/node';
import type { ClientCapabilities, CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../service';
import type { CodeFix, FindingRef, TextEdit as CoreTextEdit } from '../service/features';
import type { Range } from '../service';
import type { DiagnosticData } from './convert';

/** The command that shows a document the fix created (the server implements it with window/showDocument). */
export const OPEN_DOCUMENT_COMMAND = 'careplan.openDocument';

/** What the client can take: file creation, snippet edits, showing a document. */
export interface ActionSupport {
  documentChanges: boolean;
  createFiles: boolean;
  snippets: boolean;
  showDocument: boolean;
}

export function actionSupport(capabilities: ClientCapabilities): ActionSupport {
  const ws = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: ws?.documentChanges === true,
    createFiles: ws?.documentChanges === true && (ws.resourceOperations?.includes('create') ?? false),
    snippets: (capabilities.experimental as { snippetTextEdit?: unknown } | undefined)?.snippetTextEdit === true,
    showDocument: capabilities.window?.showDocument?.support === true,
  };
}

/** Where the fixes come from: the careplan service, for this document. */
export interface FixSource {
  fixes(finding: FindingRef): Promise<CodeFix[]>;
  refactorings(range: Range): Promise<CodeFix[]>;
}

/** Quick fixes for each careplan diagnostic in the request, then refactorings for the range. */
export async function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  source: FixSource,
  cached: readonly Finding[],
  support: ActionSupport,
): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'careplan' || typeof diagnostic.code !== 'string') continue;
    let data = diagnostic.data as DiagnosticData | undefined;
    if (!data) {
      // A client that does not send `data` back: take it from the last check of this version.
      const f = cached.find((c) => c.ruleId === diagnostic.code && sameRange(c.range, diagnostic.range));
      if (f) data = { ...f.data, pointer: f.pointer };
    }
    const { pointer, ...rest } = data ?? { pointer: '' };
    const finding: FindingRef = { ruleId: diagnostic.code, range: diagnostic.range, pointer: String(pointer ?? ''), message: diagnostic.message, data: rest };
    for (const fix of await source.fixes(finding)) {
      if (!wants(fix.kind) || seen.has(fix.title)) continue;
      const action = toCodeAction(fix, doc, [diagnostic], support);
      if (action) {
        seen.add(fix.title);
        out.push(action);
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    for (const fix of await source.refactorings(params.range)) {
      if (seen.has(fix.title)) continue;
      const action = toCodeAction(fix, doc, [], support);
      if (action) out.push(action);
    }
  }
  return out;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One fix as a code action; undefined when the client cannot apply it (file creation). */
function toCodeAction(fix: CodeFix, doc: TextDocument, diagnostics: Diagnostic[], support: ActionSupport): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: fix.kind, isPreferred: fix.isPreferred, diagnostics: diagnostics.length ? diagnostics : undefined };
  if (fix.createFile) {
    if (!support.createFiles) return undefined;
    const start = { line: 0, character: 0 };
    action.edit = {
      documentChanges: [
        // Never overwrite: if the file appeared meanwhile, the editor refuses the whole edit.
        CreateFile.create(fix.createFile.uri, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri: fix.createFile.uri, version: null }, [{ range: { start, end: start }, newText: fix.createFile.text }]),
      ],
    };
  } else if (fix.edits?.length) {
    const edits = fix.edits.map((e) => toTextEdit(e, support.snippets));
    action.edit = support.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, edits)] }
      : { changes: { [doc.uri]: edits } };
  }
  if (fix.command) action.command = fix.command;
  else if (fix.open && action.edit && support.showDocument) {
    // Run by the editor after the edit is made: the new file is there to show.
    action.command = { title: 'Open the new file', command: OPEN_DOCUMENT_COMMAND, arguments: [fix.open] };
  }
  return action.edit || action.command ? action : undefined;
}

/** rust-analyzer's SnippetTextEdit: a TextEdit whose text is a snippet when `insertTextFormat` says so. */
type SnippetTextEdit = TextEdit & { insertTextFormat?: InsertTextFormat };

function toTextEdit(e: CoreTextEdit, snippets: boolean): SnippetTextEdit {
  if (snippets && e.snippet !== undefined) return { range: e.range, newText: e.snippet, insertTextFormat: InsertTextFormat.Snippet };
  return { range: e.range, newText: e.newText };
}
