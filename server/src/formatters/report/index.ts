/** The forms `careplan report` writes (docs/report.md). */
import type { Tracker } from '../../service/tracker';
import { formatReportCsv } from './csv';
import { formatReportHtml } from './html';
import { formatReportJson } from './json';
import { formatReportMarkdown } from './markdown';

export const REPORT_FORMATTERS: Readonly<Record<string, (t: Tracker) => string>> = {
  html: (t) => formatReportHtml(t),
  csv: formatReportCsv,
  json: formatReportJson,
  md: formatReportMarkdown,
};
export { CSV_COLUMNS } from './csv';
export { CASE_DATA_NOTICE } from './notice';
