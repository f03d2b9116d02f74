/**
 * Rechecks after the workspace changed (ids came or went, files, settings), coalesced. Each change
 * used to recheck every record at once, so a burst of n changes — closing n unsaved buffers, a
 * branch switch — cost n full passes. Now a burst costs one pass, started once the changes have
 * stopped for a moment and the author is not typing (or, under constant typing, after `maxWaitMs`).
 */
export interface CoalescedRecheckDeps {
  /** One pass over every record; `except` is already being checked (the buffer being typed in). */
  run(except: string | undefined): void;
  /** True while the author's own edits are waiting or being checked. */
  busy(): boolean;
  settleMs?: number;
  maxWaitMs?: number;
}

export class CoalescedRecheck {
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  /** The document every request in this burst left out, if they all agree on one. */
  private except: string | undefined;

  constructor(private readonly deps: CoalescedRecheckDeps) {}

  request(except?: string): void {
    if (this.timer === undefined) {
      this.firstAt = performance.now();
      this.except = except;
    } else {
      if (this.except !== except) this.except = undefined;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.fire(), this.deps.settleMs ?? 30);
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }

  private fire(): void {
    const waited = performance.now() - this.firstAt;
    if (this.deps.busy() && waited < (this.deps.maxWaitMs ?? 2_000)) {
      this.timer = setTimeout(() => this.fire(), this.deps.settleMs ?? 30);
      return;
    }
    const except = this.except;
    this.timer = undefined;
    this.except = undefined;
    this.deps.run(except);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
