/**
 * Problems in records that are not open. Every record in the workspace folders is checked from
 * disk in the background, so the Problems panel lists what `careplan lint` would report for the
 * folder, and a reviewer sees a child's whole file without opening each record.
 *
 * Open documents belong to the validator: nothing is published here for a document while it is
 * open, and it is checked from disk again when it is closed. Background checks give way to
 * typing: they stop at the engine's next yield when the validator has work, and start again later.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { CancellationSignal, Engine, Finding } from '../service';
import { canonicalUri } from '../service/paths';
import { fileFinding, type DecodedText } from '../node/readText';
import type { DocumentSettings } from './settings';

export interface ClosedFilesDeps {
  engine: Engine;
  isOpen(uri: string): boolean;
  /** The file's text on disk, or why it cannot be read (as the CLI says it); undefined when it is gone. */
  read(uri: string): Promise<DecodedText | undefined>;
  settings(uri: string): Promise<DocumentSettings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A finding as the client takes it. */
  toDiagnostic(finding: Finding): Diagnostic;
  /** Diagnostics for files that are not records (a broken `.careplan.yaml`), as the validator has. */
  extraDiagnostics?(uri: string, text: string): Diagnostic[] | undefined;
  /** A check found that this record's dated facts changed: the children's other records need checking again. */
  childrenChanged?(uri: string, children: string[]): void;
  /** True while open documents are waiting to be checked: background work waits for them. */
  busy(): boolean;
  log(message: string): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A file on its way through the queue; `stale` once it was deleted or opened meanwhile. */
interface Job {
  uri: string;
  stale: boolean;
  /** Its settings and text, read ahead while the file before it is checked. */
  input: Promise<{ settings: DocumentSettings; file: DecodedText | undefined }>;
}

export class ClosedFiles {
  private readonly queue = new Set<string>();
  /** A fingerprint of what is on show for each closed file, so an unchanged result is not sent again. */
  private readonly published = new Map<string, number>();
  private draining: Promise<void> | undefined;
  /** The file being checked and the one read ahead. */
  private readonly jobs = new Set<Job>();

  constructor(private readonly deps: ClosedFilesDeps) {}

  /** Checks these files from disk (again), in the background. */
  request(uris: Iterable<string>): void {
    for (const uri of uris) if (!this.deps.isOpen(uri)) this.queue.add(canonicalUri(uri));
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** The file is gone (deleted, or no longer in the workspace): clears what was shown for it. */
  forget(given: string): void {
    const uri = canonicalUri(given);
    this.queue.delete(uri);
    this.markStale(uri);
    this.clear(uri);
  }

  /**
   * The document was opened: from now on the validator publishes for it. True when findings
   * from disk are on show, which the validator must then replace or clear.
   */
  opened(given: string): boolean {
    const uri = canonicalUri(given);
    this.queue.delete(uri);
    this.markStale(uri);
    return this.published.delete(uri);
  }

  private clear(uri: string): void {
    if (this.published.delete(uri)) this.deps.publish(uri, []);
  }

  private markStale(uri: string): void {
    for (const job of this.jobs) if (job.uri === uri) job.stale = true;
  }

  /** Takes the next file off the queue and starts reading it. */
  private take(): Job | undefined {
    const [uri] = this.queue;
    if (uri === undefined) return undefined;
    this.queue.delete(uri);
    const input = this.deps.settings(uri).then(async (settings) => ({
      settings,
      file: settings.enabled && settings.checkClosedFiles && !this.deps.isOpen(uri) ? await this.deps.read(uri) : undefined,
    }));
    input.catch(() => undefined); // reported when the job runs
    const job: Job = { uri, stale: false, input };
    this.jobs.add(job);
    return job;
  }

  private async drain(): Promise<void> {
    await nextTurn();
    let job = this.take();
    while (job) {
      while (this.deps.busy()) await pause(20);
      const next = this.take();
      try {
        if (!(await this.check(job))) this.queue.add(job.uri); // gave way to typing: later
      } catch (err) {
        this.deps.log(`careplan: checking ${job.uri} from disk failed: ${(err as Error).stack ?? err}`);
      } finally {
        this.jobs.delete(job);
      }
      job = next ?? this.take();
    }
  }

  /** False when the check gave way to typing. */
  private async check(job: Job): Promise<boolean> {
    const { uri } = job;
    const { settings, file } = await job.input;
    if (job.stale || this.deps.isOpen(uri)) return true;
    if (file === undefined) {
      // Gone, unreadable, or not to be checked: clear what is shown, but leave the queue alone
      // (a newer request, say after an atomic save, must still run).
      this.clear(uri);
      return true;
    }
    if (!file.ok) {
      // Too large, binary, unreadable: said on the file, as `careplan lint` says it.
      this.show(uri, [this.deps.toDiagnostic(fileFinding(file.reason))]);
      return true;
    }
    const text = file.text;
    let diagnostics = this.deps.extraDiagnostics?.(uri, text);
    if (!diagnostics) {
      const deps = this.deps;
      const signal: CancellationSignal = {
        get isCancellationRequested() {
          return deps.busy();
        },
      };
      const result = await this.deps.engine.check({ uri, text, kindHint: settings.kindHint }, settings.config, signal);
      if (result.childrenChanged.length) this.deps.childrenChanged?.(uri, result.childrenChanged);
      if (result.cancelled) return false;
      const findings = result.kind === undefined ? [] : file.note ? [fileFinding(file.note, 'warning'), ...result.findings] : result.findings;
      diagnostics = findings.map((f) => this.deps.toDiagnostic(f));
    }
    if (job.stale) return true; // deleted or opened meanwhile: what we found no longer applies
    this.show(uri, diagnostics);
    return true;
  }

  /** Publishes unless nothing changed (or nothing was ever shown and there is nothing to show). */
  private show(uri: string, diagnostics: Diagnostic[]): void {
    const shown = this.published.get(uri);
    if (!diagnostics.length && shown === undefined) return;
    const fingerprint = fnv1a(JSON.stringify(diagnostics));
    if (fingerprint === shown) return; // rechecked (another record changed), nothing new to show
    this.published.set(uri, fingerprint);
    this.deps.publish(uri, diagnostics);
  }
}

/** 32-bit FNV-1a: a small fingerprint instead of keeping every published list in memory. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
