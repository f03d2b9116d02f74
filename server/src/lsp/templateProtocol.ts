// The `careplan/templateFor` request, as both the server (lsp/templates.ts) and the editor's New
// commands (client/src/templates.ts) speak it; nothing here touches the disk.

export const TEMPLATE_FOR_REQUEST = 'careplan/templateFor';

export interface TemplateForParams {
  kind: string;
  /** The folder the new record is going to be saved in. */
  folderUri: string;
}

/** The team's template as written (not filled in), why it cannot be used, or null: careplan's own is used. */
export type TemplateForAnswer = { text: string; uri: string } | { problem: string; uri: string } | null;
