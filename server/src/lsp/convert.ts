/** Core shapes to LSP shapes. No logic beyond the mapping of names and numbers. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionItemKind,
  Diagnostic,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
} from 'vscode-languageserver/node';
import type { CompletionItem, DocumentSymbol, PublishDiagnosticsClientCapabilities } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../service';
import type * as F from '../service/features';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const docUrls = new Map<string, string>();

/** Where the rule pages are in the installed package: `docs/rules/` beside `dist/`. */
export function ruleDocUrl(ruleId: string): string {
  let url = docUrls.get(ruleId);
  if (!url) docUrls.set(ruleId, (url = pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href));
  return url;
}

/** What a diagnostic carries for quick fixes: the finding's pointer and data. */
export interface DiagnosticData {
  pointer: string;
  [key: string]: unknown;
}

/** The optional parts of a diagnostic a client takes (its `textDocument.publishDiagnostics` capabilities). */
export interface DiagnosticFields {
  data: boolean;
  codeDescription: boolean;
  relatedInformation: boolean;
}

export const ALL_DIAGNOSTIC_FIELDS: DiagnosticFields = { data: true, codeDescription: true, relatedInformation: true };

/** Only what the client said it supports: nothing it would drop is sent to it. */
export function diagnosticFieldsFor(caps: PublishDiagnosticsClientCapabilities | undefined): DiagnosticFields {
  return { data: caps?.dataSupport === true, codeDescription: caps?.codeDescriptionSupport === true, relatedInformation: caps?.relatedInformation === true };
}

export function toDiagnostic(f: Finding, fields: DiagnosticFields = ALL_DIAGNOSTIC_FIELDS): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: 'careplan',
    message: f.message,
  };
  if (fields.codeDescription) d.codeDescription = { href: ruleDocUrl(f.ruleId) };
  if (fields.data) d.data = { ...f.data, pointer: f.pointer } satisfies DiagnosticData;
  if (fields.relatedInformation && f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  return d;
}

const COMPLETION_KIND: Record<F.CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionItem(c: F.CompletionItem): CompletionItem {
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation && { kind: MarkupKind.Markdown, value: c.documentation.value },
    textEdit: c.textEdit,
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: c.sortText,
    filterText: c.filterText,
  };
}

const SYMBOL_KIND: Record<F.SymbolKind, SymbolKind> = {
  file: SymbolKind.File,
  module: SymbolKind.Module,
  namespace: SymbolKind.Namespace,
  field: SymbolKind.Field,
  event: SymbolKind.Event,
  object: SymbolKind.Object,
  key: SymbolKind.Key,
  array: SymbolKind.Array,
  string: SymbolKind.String,
};

export function toDocumentSymbol(s: F.DocumentSymbol): DocumentSymbol {
  return {
    name: s.name || ' ',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children?.map(toDocumentSymbol),
  };
}
