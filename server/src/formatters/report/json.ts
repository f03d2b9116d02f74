import type { Tracker } from '../../service/tracker';
import { CASE_DATA_NOTICE } from './notice';

/** The tracker as JSON (docs/report.md): the notice first, then the tracker's own fields. */
export function formatReportJson(tracker: Tracker): string {
  return `${JSON.stringify({ notice: CASE_DATA_NOTICE, ...tracker }, null, 2)}\n`;
}
