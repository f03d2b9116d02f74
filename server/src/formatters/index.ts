import { wholeReport, type Formatter, type StreamingFormatter } from './types';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';
import { junit } from './junit';

/** Each format as a stream (the CLI writes reports file by file as the records are checked). */
export const REPORT_STREAMS: Record<string, StreamingFormatter> = { stylish, json, sarif, github, junit };
/** Each format as one call over every result. */
export const FORMATTERS: Record<string, Formatter> = Object.fromEntries(Object.entries(REPORT_STREAMS).map(([name, stream]) => [name, wholeReport(stream)]));
export type { Formatter, FormatContext, ReportStream, StreamingFormatter } from './types';
export { counts } from './types';
