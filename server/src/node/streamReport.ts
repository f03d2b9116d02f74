/** Writing a report while the records are checked (see formatters/types.ts: every format is a stream). */
import { closeSync, writeSync } from 'node:fs';
import { openOutputFile } from './outputFile';

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
