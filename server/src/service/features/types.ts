/**
 * Plain shapes returned by the editor features. They match the LSP types field for field
 * (positions are 0-based, UTF-16), so the server passes them through without knowing any logic,
 * but nothing here imports an LSP library.
 */
import type { Position, Range } from '../types';

export type { Position, Range };

/** A replacement of `range` by `newText` in one document. */
export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * The same text as a snippet (`${1:2025-05-22}` tab stops over the values the author should
   * check, `$0` the final cursor). Editors that take snippets insert this; everything else — the
   * CLI's --fix, other clients — writes `newText`, which is the snippet with each tab stop's value.
   */
  snippet?: string;
}

export interface Location {
  uri: string;
  range: Range;
}

/** Markdown shown in a hover or a completion's documentation. */
export interface Markdown {
  kind: 'markdown';
  value: string;
}

export type CompletionKind = 'property' | 'value' | 'enum' | 'reference' | 'file' | 'folder' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** One line beside the label: the field's title, the document's kind. */
  detail?: string;
  documentation?: Markdown;
  /** Replaces `range` (the partial word at the cursor). */
  textEdit: TextEdit;
  /** Orders required fields before optional ones. */
  sortText?: string;
  filterText?: string;
  /** `textEdit.newText` is a snippet (tab stops, choices), not plain text. */
  snippet?: boolean;
}

export interface Hover {
  contents: Markdown;
  range: Range;
}

export interface DocumentLink {
  range: Range;
  target: string;
  tooltip?: string;
}

export type SymbolKind = 'file' | 'module' | 'namespace' | 'field' | 'event' | 'object' | 'key' | 'array' | 'string';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: string;
  paddingLeft?: boolean;
}

/** A command the editor runs (for example opening a rule's documentation). */
export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}

/**
 * A quick fix or refactoring. `edits` change the current document; `createFile` makes a new
 * file with the given text (the server turns both into one WorkspaceEdit).
 */
export interface CodeFix {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  /** The rule whose finding this fixes (undefined for refactorings offered without a finding). */
  ruleId?: string;
  isPreferred?: boolean;
  /**
   * Applied by `careplan lint --fix` without asking: everything the edit writes comes from the
   * record itself (a date its timescale comes to, its own date in ISO form, the one field name a
   * misspelling can mean), never a blank or a guess the author must judge.
   */
  safe?: boolean;
  edits?: TextEdit[];
  createFile?: { uri: string; text: string };
  /** A document to show once the edits are made (the file the fix created). */
  open?: string;
  command?: Command;
}
