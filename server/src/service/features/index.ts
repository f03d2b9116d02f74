/** Editor features as pure functions over a parsed document; the LSP adapter only wires them up. */
export * from './types';
export { completionsAt } from './completion';
export type { CompletionOptions, DirectoryEntry } from './completion';
export { hoverAt, fromToday } from './hover';
export type { HoverOptions } from './hover';
export { referenceSites, definitionAt, documentLinks } from './references';
export type { ReferenceSite } from './references';
export { documentSymbols } from './symbols';
export { inlayHints } from './inlayHints';
export { fixesFor, refactoringsAt, SHOW_RULE_DOC_COMMAND } from './codeActions';
export type { FindingRef, FixContext } from './codeActions';
export { cursorContext } from './textContext';
export { nodeAt, offsetAt } from './nodeAt';
export { fixRecord, safeEdits, applySpans, MAX_FIX_PASSES } from './fixAll';
