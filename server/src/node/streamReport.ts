/**
 * Writing a report while the records are checked, so the results need not all be held: the JSON
 * format is an array with one entry per file, so each entry can be written as it comes (formatted
 * by the JSON formatter itself, one file at a time: the bytes are those of the whole array
 * formatted at once). The other formats are written at the end from every result.
 */
import { closeSync, writeSync } from 'node:fs';
import { openOutputFile } from './outputFile';
import type { FormatContext, Formatter } from '../formatters';
import type { LintResult } from './checkFile';

export interface ReportStream {
  /** The text to write for this file's result. */
  add(result: LintResult): string;
  /** The text that ends the report. */
  end(): string;
}

/** A stream for the formats that can be written file by file; undefined for the others. */
export function streamFor(format: string, formatter: Formatter, ctx: FormatContext): ReportStream | undefined {
  if (format !== 'json') return undefined;
  let any = false;
  return {
    add(result) {
      // `[\n  {…}\n]\n` for one file: the entry, indented as in the whole array
      const one = formatter([result], ctx);
      const entry = one.slice(2, one.length - 3);
      const text = (any ? ',\n' : '[\n') + entry;
      any = true;
      return text;
    },
    end: () => (any ? '\n]\n' : formatter([], ctx)),
  };
}

/**
 * Where a streamed report goes: the file of -o (opened at the first write), else stdout. A write
 * that fails is kept, not thrown (writes happen while the workers' results arrive), and said by
 * `failure` once the run is over.
 */
export class ReportWriter {
  private fd: number | undefined;
  failure: unknown;

  constructor(private readonly file: string | undefined) {}

  write(text: string): void {
    if (this.failure !== undefined || !text) return;
    try {
      if (this.file === undefined) {
        process.stdout.write(text);
        return;
      }
      this.fd ??= openOutputFile(this.file);
      writeSync(this.fd, text);
    } catch (err) {
      this.failure = err;
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
