/** Turns the core's fixes into LSP code actions for the diagnostics the editor sent back. */
import { CodeActionKind, CreateFile, TextDocumentEdit } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEditClientCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../service';
import * as features from '../service/features';
import type { DiagnosticData } from './convert';

/** Quick fixes for each careplan diagnostic in the request, then refactorings for the range. */
export function codeActions(
  params: CodeActionParams,
  doc: TextDocument,
  ctx: features.FixContext,
  cached: readonly Finding[],
  workspaceEdit: WorkspaceEditClientCapabilities | undefined,
): CodeAction[] {
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
    const finding: features.FindingRef = { ruleId: diagnostic.code, range: diagnostic.range, pointer: String(pointer ?? ''), message: diagnostic.message, data: rest };
    for (const fix of features.fixesFor(finding, ctx)) {
      if (!wants(fix.kind) || seen.has(fix.title)) continue;
      const action = toCodeAction(fix, doc, [diagnostic], workspaceEdit);
      if (action) {
        seen.add(fix.title);
        out.push(action);
      }
    }
  }
  if (wants(CodeActionKind.RefactorRewrite)) {
    for (const fix of features.refactoringsAt(params.range, ctx)) {
      if (seen.has(fix.title)) continue;
      const action = toCodeAction(fix, doc, [], workspaceEdit);
      if (action) out.push(action);
    }
  }
  return out;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One fix as a code action; undefined when the client cannot apply it (file creation). */
function toCodeAction(fix: features.CodeFix, doc: TextDocument, diagnostics: Diagnostic[], ws: WorkspaceEditClientCapabilities | undefined): CodeAction | undefined {
  const action: CodeAction = { title: fix.title, kind: fix.kind, isPreferred: fix.isPreferred, diagnostics: diagnostics.length ? diagnostics : undefined };
  if (fix.createFile) {
    if (!ws?.documentChanges || !ws.resourceOperations?.includes('create')) return undefined;
    const start = { line: 0, character: 0 };
    action.edit = {
      documentChanges: [
        // Never overwrite: if the file appeared meanwhile, the editor refuses the whole edit.
        CreateFile.create(fix.createFile.uri, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri: fix.createFile.uri, version: null }, [{ range: { start, end: start }, newText: fix.createFile.text }]),
      ],
    };
  } else if (fix.edits?.length) {
    action.edit = ws?.documentChanges
      ? { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, fix.edits)] }
      : { changes: { [doc.uri]: fix.edits } };
  }
  if (fix.command) action.command = fix.command;
  return action.edit || action.command ? action : undefined;
}
