/**
 * What the extension uses of the core, in one place: pure functions and types (no fs, no LSP),
 * bundled into the client. Everything else the client learns from the language server through
 * shared/protocol.ts. A new need of the client's is added here, so the seam stays visible.
 */
export { createUnderFreeName, fillTemplate, isCaseReference, recordFileName, takenNames } from '../server/src/service/templates';
export { isCheckableDate } from '../server/src/service/dates/calendar';
export { todayIso } from '../server/src/service/clock';
export type { DocumentKind, IsoDate } from '../server/src/service/types';
export type { Tracker, TrackerRow } from '../server/src/service/tracker';
export { formatReportHtml } from '../server/src/formatters/report/html';
export { words } from '../server/src/formatters/report/notice';
