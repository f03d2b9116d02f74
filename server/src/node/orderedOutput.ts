/**
 * The report's results in path order as they arrive in any order (the cache's first, then the
 * workers' as they finish): each is passed on as soon as every earlier one is in, then let go,
 * so a run over 50,000 records does not hold 50,000 results. The paths that were not read
 * (`skipped`) are merged in at their place.
 */
import type { LintResult } from './checkFile';

const byPath = (a: LintResult, b: LintResult) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0);

export class OrderedOutput {
  private readonly slots: (LintResult | undefined)[];
  private next = 0;
  private skippedNext = 0;
  private readonly skipped: LintResult[];

  /** `emit` gets the results in order; those of files that are not records and have no findings are left out. */
  constructor(
    count: number,
    skipped: readonly LintResult[],
    private readonly emit: (result: LintResult) => void,
  ) {
    this.slots = new Array(count);
    this.skipped = [...skipped].sort(byPath);
  }

  /** The result of the i-th file (files in path order). */
  put(i: number, result: LintResult): void {
    this.slots[i] = result;
    for (let r = this.slots[this.next]; r !== undefined; r = this.slots[this.next]) {
      this.slots[this.next++] = undefined;
      while (this.skippedNext < this.skipped.length && byPath(this.skipped[this.skippedNext], r) < 0) this.pass(this.skipped[this.skippedNext++]);
      this.pass(r);
    }
  }

  /** After the last result: what is left of the skipped paths. */
  finish(): void {
    while (this.skippedNext < this.skipped.length) this.pass(this.skipped[this.skippedNext++]);
  }

  private pass(r: LintResult): void {
    if (r.kind !== undefined || r.findings.length > 0) this.emit(r);
  }
}
