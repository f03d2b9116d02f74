/**
 * The requests the careplan extension and language server exchange beyond LSP: their names and
 * what they carry. Both sides import this file (client/src, server/src); it holds constants and
 * types only, so the client's bundle takes nothing else with it, and nothing here touches the disk.
 */

/** `careplan/templateFor`: the team's template for a new record made in a folder (server: lsp/templates.ts). */
export const TEMPLATE_FOR_REQUEST = 'careplan/templateFor';

export interface TemplateForParams {
  kind: string;
  /** The folder the new record is going to be saved in. */
  folderUri: string;
}

/** The team's template as written (not filled in), why it cannot be used, or null: careplan's own is used. */
export type TemplateForAnswer = { text: string; uri: string } | { problem: string; uri: string } | null;

/** `careplan/documentStatus`: what careplan makes of an open document, for the editor's status item. */
export const DOCUMENT_STATUS_REQUEST = 'careplan/documentStatus';

export interface DocumentStatusParams {
  uri: string;
}

/** What the language server says about a document: a record (and whether this version is checked), not one, or checks off. */
export interface DocumentStatus {
  state: 'record' | 'not-record' | 'off' | 'unknown';
  kind?: string;
  /** For a record: whether this version's check has finished (its findings are in). */
  checked?: boolean;
}

/** `careplan/tracker`: the workspace's permanence tracker, the report's JSON with records named by URI (server: lsp/tracker.ts). */
export const TRACKER_REQUEST = 'careplan/tracker';
