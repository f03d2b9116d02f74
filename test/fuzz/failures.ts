/**
 * Failures of a fuzz or soak run: counted per check, and the first few of each distinct kind
 * saved to a folder (default `.fuzz-failures/`, gitignored) as files that reproduce them.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const CHECKS = ['exception', 'hang', 'range', 'rule-crash', 'cli-mismatch', 'cli-json', 'cli-exit-2', 'server-exit', 'rss', 'other'] as const;
export type Check = (typeof CHECKS)[number];

export interface FailedRecord {
  index: number;
  label: string;
  text: string;
}

/** Distinct problems saved per check; the rest are only counted. */
const SAVE_PER_CHECK = 40;

export class FailureLog {
  readonly counts = Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<Check, number>;
  readonly examples: string[] = [];
  private seen = new Set<string>();
  private saved = new Map<Check, number>();

  constructor(
    readonly dir: string,
    readonly tool: 'fuzz' | 'soak',
    readonly seed: number,
    /** How to rebuild record i (shown in the saved files). */
    readonly reproduce: (index: number) => string,
  ) {}

  get total(): number {
    return CHECKS.reduce((n, c) => n + this.counts[c], 0);
  }

  /** Counts a failure; saves it when it is the first of its kind. Returns the saved file's path, if any. */
  add(check: Check, detail: string, record?: FailedRecord, extraDir?: string): string | undefined {
    this.counts[check]++;
    // Numbers vary between instances of one bug; the kind is the check plus the wording.
    // A detail may name its kind before ' :: ' (one bug, many places).
    const kind = check + ':' + (detail.includes(' :: ') ? detail.split(' :: ')[0] : detail.replace(/\d+/g, 'N').slice(0, 160));
    if (this.seen.has(kind)) return undefined;
    this.seen.add(kind);
    if (this.examples.length < 30) this.examples.push(`${check}: ${record ? record.label + ': ' : ''}${detail.slice(0, 400)}`);
    const n = this.saved.get(check) ?? 0;
    if (n >= SAVE_PER_CHECK) return undefined;
    this.saved.set(check, n + 1);
    mkdirSync(this.dir, { recursive: true });
    let base = path.join(this.dir, `${this.tool}-${check}-seed${this.seed}-${record ? 'r' + record.index : 'n' + n}`);
    // Two kinds of failure on one record keep both files.
    if (existsSync(base + '.json')) base += `-${n}`;
    const info = {
      check,
      detail,
      seed: this.seed,
      ...(record ? { index: record.index, label: record.label, reproduce: this.reproduce(record.index) } : {}),
      // JSON keeps what a .yaml file cannot: lone surrogates, exact line ends.
      ...(record ? { text: record.text } : {}),
    };
    writeFileSync(base + '.json', JSON.stringify(info, null, 2) + '\n');
    if (record) writeFileSync(base + '.yaml', record.text);
    if (extraDir) cpSync(extraDir, base + '.workspace', { recursive: true });
    return base + '.json';
  }
}
