/**
 * Checks open documents as they change, with no fixed delay. A check starts as soon as the
 * event loop is free; a newer version that has already been read off the wire makes an older
 * check stop at the next rule boundary (or never start), and a result is published only if the
 * document is still at the version that was checked.
 */
import { fileFinding, MAX_FILE_BYTES, tooLargeReason } from '../node/readText';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { CancellationSignal, CheckResult, Engine, Finding } from '../service';
import { parseCarePlanDocument } from '../service';
import type { ParsedDocument } from '../service';
import type { ArrivedVersions } from './transport';
import type { DocumentSettings } from './settings';

/** How long a check waits, at most, for the client's requests to be answered before it starts. */
const ANSWERS_FIRST_MAX_MS = 150;
/** Text longer than this is reported instead of parsed, as the CLI refuses larger files. */
const MAX_CHARS = MAX_FILE_BYTES;

export interface ValidatorDeps {
  engine: Engine;
  arrived: ArrivedVersions;
  document(uri: string): TextDocument | undefined;
  settings(uri: string): Promise<DocumentSettings>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** A finding as the client takes it. */
  toDiagnostic(finding: Finding): Diagnostic;
  /** Called when a check's diagnostics have been handed to the transport; `begun` is when the check started. */
  checked?(begun: number): void;
  /** A check found that this record's dated facts changed: the children's other records need checking again. */
  childrenChanged?(uri: string, children: string[]): void;
  /** Extra diagnostics for files that are not records (a broken `.careplan.yaml`). */
  extraDiagnostics?(uri: string, text: string): Diagnostic[] | undefined;
  /** Resolves once the workspace index is ready (the first scan). */
  ready: Promise<void>;
  log(message: string): void;
  /** Per-check timings for `$/logTrace` (a no-op unless the client turned tracing on). */
  trace?(message: string): void;
}

interface InFlight {
  version: number;
  cancelled: boolean;
  again: boolean;
}

interface Checked {
  version: number;
  result: CheckResult;
  settings: DocumentSettings;
}

export class Validator {
  private readonly parsedOnDemand = new Map<string, { version: number; parsed: ParsedDocument }>();
  private readonly queue = new Map<string, boolean>();
  private scheduled = false;
  private readonly latest = new Map<string, Checked>();
  /** Documents we published diagnostics for (to clear them when they stop being records). */
  private readonly published = new Set<string>();
  /** The check running per document; `again` asks for one more check once it ends. */
  private readonly inFlight = new Map<string, InFlight>();

  constructor(private readonly deps: ValidatorDeps) {}

  /** Findings for this document are on show from elsewhere (its file on disk): the next check replaces or clears them. */
  adopt(uri: string): void {
    this.published.add(uri);
  }

  /** Whether checks are queued or running. */
  get busy(): boolean {
    return this.scheduled || this.inFlight.size > 0;
  }

  /** Queues a check; `force` rechecks even when this version was already published. */
  request(uri: string, force = false): void {
    this.queue.set(uri, (this.queue.get(uri) ?? false) || force);
    if (this.scheduled) return;
    this.scheduled = true;
    // Requests read with the keystroke (completion, code actions) are answered first: they are
    // what the author waits on, and they share this version's parse with the check.
    setImmediate(() => this.deps.arrived.afterAnswers(() => this.flush(), ANSWERS_FIRST_MAX_MS));
  }

  requestAll(uris: Iterable<string>, force = true): void {
    for (const uri of uris) this.request(uri, force);
  }

  /**
   * Checks under way were started with settings that no longer hold: none of them may publish.
   * (A check that is merely behind the index is left to finish and is then run again, so a
   * record whose check is slower than the rechecks arriving still gets its findings.)
   */
  invalidate(except?: string): void {
    for (const [uri, running] of this.inFlight) if (uri !== except) running.cancelled = true;
  }

  private flush(): void {
    this.scheduled = false;
    const batch = [...this.queue];
    this.queue.clear();
    for (const [uri, force] of batch) void this.run(uri, force);
  }

  /** The last check of the document, when it is for the given version. */
  resultFor(uri: string, version: number): Checked | undefined {
    const c = this.latest.get(uri);
    return c && c.version === version ? c : undefined;
  }

  /** The parse of the current text, reusing the last check's when it is for this version. */
  parsedFor(doc: TextDocument): ParsedDocument {
    const checked = this.resultFor(doc.uri, doc.version)?.result.parsed;
    if (checked) return checked;
    // Requests for a version no check has finished for (or never will: disabled, oversized)
    // parse once per version, and never parse text the checker refuses as too large.
    const cached = this.parsedOnDemand.get(doc.uri);
    if (cached?.version === doc.version) return cached.parsed;
    const text = doc.getText();
    const kindHint = this.latest.get(doc.uri)?.settings.kindHint;
    // Through the engine's recent parses, so the check of this version reuses this parse.
    const parsed = text.length > MAX_CHARS ? parseCarePlanDocument('', kindHint) : this.deps.engine.parse(doc.uri, text, kindHint);
    this.parsedOnDemand.set(doc.uri, { version: doc.version, parsed });
    return parsed;
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.parsedOnDemand.delete(uri);
    const running = this.inFlight.get(uri);
    if (running) running.cancelled = true;
    this.queue.delete(uri);
    if (this.published.delete(uri)) this.deps.publish(uri, undefined, []);
  }

  private async run(uri: string, force: boolean): Promise<void> {
    const begun = performance.now();
    const doc = this.deps.document(uri);
    if (!doc) return;
    const version = doc.version;
    if (this.deps.arrived.newerThan(uri, version)) return; // a newer edit is queued; it will come
    if (!force && this.latest.get(uri)?.version === version) return;
    const running = this.inFlight.get(uri);
    if (running && !running.cancelled) {
      if (running.version === version) {
        // Cancelling it here would starve a record whose check takes longer than the gap
        // between rechecks: let it finish, then check once more.
        if (force) running.again = true;
        return;
      }
      running.cancelled = true;
    }
    const mine: InFlight = { version, cancelled: false, again: false };
    const deps = this.deps;
    const signal: CancellationSignal = {
      get isCancellationRequested() {
        return mine.cancelled || deps.arrived.newerThan(uri, version) || deps.document(uri)?.version !== version;
      },
    };
    this.inFlight.set(uri, mine);
    try {
      await this.deps.ready;
      const settings = await this.deps.settings(uri);
      if (signal.isCancellationRequested) return;
      const text = doc.getText();
      if (!settings.enabled) {
        this.latest.delete(uri);
        this.publishIfChanged(uri, version, [], false);
        return;
      }
      const extra = this.deps.extraDiagnostics?.(uri, text);
      if (extra) {
        this.publishIfChanged(uri, version, extra, true);
        return;
      }
      if (text.length > MAX_CHARS) {
        this.publishIfChanged(uri, version, [this.deps.toDiagnostic(fileFinding(tooLargeReason(text.length)))], true);
        return;
      }
      const started = performance.now();
      const result = await this.deps.engine.check({ uri, text, kindHint: settings.kindHint }, settings.config, signal);
      const checked = performance.now();
      // Said even when this check was cancelled: the chronology already holds the new facts.
      if (result.childrenChanged.length) this.deps.childrenChanged?.(uri, result.childrenChanged);
      if (result.cancelled || signal.isCancellationRequested) return;
      this.latest.set(uri, { version, result, settings });
      this.publishIfChanged(uri, version, result.findings.map((f) => this.deps.toDiagnostic(f)), result.kind !== undefined);
      this.deps.checked?.(begun);
      const read = this.deps.arrived.readTime(uri, version);
      if (this.deps.trace && read !== undefined) {
        const engineMs = checked - started;
        const serverMs = performance.now() - read - engineMs;
        this.deps.trace(`checked ${uri} version ${version}: engine ${engineMs.toFixed(2)} ms, server ${serverMs.toFixed(2)} ms, ${result.findings.length} findings, read at ${(performance.timeOrigin + read).toFixed(2)}, sent at ${(performance.timeOrigin + performance.now()).toFixed(2)}`);
      }
    } catch (err) {
      this.deps.log(`careplan: checking ${uri} failed: ${(err as Error).stack ?? err}`);
    } finally {
      if (this.inFlight.get(uri) === mine) {
        this.inFlight.delete(uri);
        if (mine.again) this.request(uri, true);
      }
    }
  }

  private publishIfChanged(uri: string, version: number, diagnostics: Diagnostic[], isRecord: boolean): void {
    // Files that are not records get nothing — not even an empty list — unless something
    // published earlier has to be cleared.
    if (!isRecord && !diagnostics.length) {
      if (this.published.delete(uri)) this.deps.publish(uri, version, []);
      return;
    }
    this.published.add(uri);
    this.deps.publish(uri, version, diagnostics);
  }
}
