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
import type { CancellationSignal, Engine } from '../service';
import { toDiagnostic } from './convert';
import type { DocumentSettings } from './settings';

export interface ClosedFilesDeps {
  engine: Engine;
  isOpen(uri: string): boolean;
  /** The file's text on disk; undefined when it is gone, too large or not text (the CLI says which). */
  read(uri: string): Promise<string | undefined>;
  settings(uri: string): Promise<DocumentSettings>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** True while open documents are waiting to be checked: background work waits for them. */
  busy(): boolean;
  log(message: string): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ClosedFiles {
  private readonly queue = new Set<string>();
  private readonly published = new Set<string>();
  private draining: Promise<void> | undefined;
  /** The file being checked; `stale` once it was deleted or opened meanwhile. */
  private current: { uri: string; stale: boolean } | undefined;

  constructor(private readonly deps: ClosedFilesDeps) {}

  /** Checks these files from disk (again), in the background. */
  request(uris: Iterable<string>): void {
    for (const uri of uris) if (!this.deps.isOpen(uri)) this.queue.add(uri);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  /** The file is gone (deleted, or no longer in the workspace): clears what was shown for it. */
  forget(uri: string): void {
    this.queue.delete(uri);
    if (this.current?.uri === uri) this.current.stale = true;
    if (this.published.delete(uri)) this.deps.publish(uri, []);
  }

  /** The document was opened: from now on the validator publishes for it. */
  opened(uri: string): void {
    this.queue.delete(uri);
    if (this.current?.uri === uri) this.current.stale = true;
    this.published.delete(uri);
  }

  private async drain(): Promise<void> {
    await nextTurn();
    while (this.queue.size) {
      while (this.deps.busy()) await pause(20);
      const [uri] = this.queue;
      this.queue.delete(uri);
      const current = (this.current = { uri, stale: false });
      try {
        if (!(await this.check(current))) this.queue.add(uri); // gave way to typing: later
      } catch (err) {
        this.deps.log(`careplan: checking ${uri} from disk failed: ${(err as Error).stack ?? err}`);
      } finally {
        this.current = undefined;
      }
    }
  }

  /** False when the check gave way to typing. */
  private async check(current: { uri: string; stale: boolean }): Promise<boolean> {
    const uri = current.uri;
    if (this.deps.isOpen(uri)) return true;
    const settings = await this.deps.settings(uri);
    const text = settings.enabled && settings.checkClosedFiles ? await this.deps.read(uri) : undefined;
    if (current.stale) return true;
    if (text === undefined) {
      this.forget(uri);
      return true;
    }
    const deps = this.deps;
    const signal: CancellationSignal = {
      get isCancellationRequested() {
        return deps.busy();
      },
    };
    const result = await this.deps.engine.check({ uri, text, kindHint: settings.kindHint }, settings.config, signal);
    if (result.cancelled) return false;
    const diagnostics = result.kind === undefined ? [] : result.findings.map(toDiagnostic);
    if (current.stale) return true; // deleted or opened meanwhile: what we found no longer applies
    if (diagnostics.length || this.published.has(uri)) {
      this.published.add(uri);
      this.deps.publish(uri, diagnostics);
    }
    return true;
  }
}
