// Quick fixes that fill in the answer with the cursor on it. LSP 3.17 has no snippets in code
// actions, so careplan does what rust-analyzer does: the client declares the experimental
// capability `snippetTextEdit`, the server then marks an edit whose text is a snippet with
// `insertTextFormat: 2`, and this middleware turns that edit into a vscode.SnippetTextEdit, which
// VS Code inserts as a snippet in the active editor (tab stops over the proposed date or role).
// The language client's own conversion would drop `insertTextFormat` and write the snippet's
// `${1:…}` as text, so careplan's code actions are requested and converted here.
import * as vscode from 'vscode';
import {
  CodeActionRequest,
  Command as LspCommand,
  InsertTextFormat,
  TextDocumentEdit,
  type BaseLanguageClient,
  type ClientCapabilities,
  type CodeAction as LspCodeAction,
  type CodeActionParams,
  type FeatureState,
  type Middleware,
  type StaticFeature,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit as LspWorkspaceEdit,
} from 'vscode-languageclient/node';

/** Declares that this client takes snippet edits in code actions. */
export class SnippetEditsFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.experimental = { ...(capabilities.experimental as object | undefined), snippetTextEdit: true };
  }

  initialize(): void {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {}
}

type SnippetTextEdit = LspTextEdit & { insertTextFormat?: InsertTextFormat };

function isSnippet(edit: SnippetTextEdit): boolean {
  return edit.insertTextFormat === InsertTextFormat.Snippet;
}

/**
 * The workspace edit with its snippet edits as vscode.SnippetTextEdit; undefined when it has
 * none (the client's own conversion is then exact).
 */
export function snippetWorkspaceEdit(edit: LspWorkspaceEdit | undefined, client: BaseLanguageClient): vscode.WorkspaceEdit | undefined {
  const changes = edit?.documentChanges;
  if (!changes?.length || !changes.every((c) => TextDocumentEdit.is(c))) return undefined;
  const docs = changes as TextDocumentEdit[];
  if (!docs.some((d) => (d.edits as SnippetTextEdit[]).some(isSnippet))) return undefined;
  const out = new vscode.WorkspaceEdit();
  const p2c = client.protocol2CodeConverter;
  for (const d of docs) {
    out.set(
      p2c.asUri(d.textDocument.uri),
      (d.edits as SnippetTextEdit[]).map((e) =>
        isSnippet(e) ? new vscode.SnippetTextEdit(p2c.asRange(e.range), new vscode.SnippetString(e.newText)) : vscode.TextEdit.replace(p2c.asRange(e.range), e.newText),
      ),
    );
  }
  return out;
}

/** The middleware that asks the server for code actions and keeps their snippets. */
export function snippetCodeActions(client: () => BaseLanguageClient | undefined): NonNullable<Middleware['provideCodeActions']> {
  return async (document, range, context, token, next) => {
    const c = client();
    if (!c) return next(document, range, context, token);
    const params: CodeActionParams = {
      textDocument: c.code2ProtocolConverter.asTextDocumentIdentifier(document),
      range: c.code2ProtocolConverter.asRange(range),
      context: await c.code2ProtocolConverter.asCodeActionContext(context, token),
    };
    const raw = await c.sendRequest(CodeActionRequest.type, params, token);
    if (!raw || token.isCancellationRequested) return undefined;
    return Promise.all(
      raw.map(async (item): Promise<vscode.Command | vscode.CodeAction> => {
        if (LspCommand.is(item)) return c.protocol2CodeConverter.asCommand(item);
        const action = await c.protocol2CodeConverter.asCodeAction(item as LspCodeAction, token);
        const snippets = snippetWorkspaceEdit((item as LspCodeAction).edit, c);
        if (snippets) action.edit = snippets;
        return action;
      }),
    );
  };
}
