import type { DocumentKind, Finding, Path, Severity } from './types';
import { parseCarePlanDocument, ParsedDocument } from './parse';
import { locate, locateInScalar, toPointer } from './locate';
import { validateAgainstSchema } from './schema';
import { suppressWithReport } from './suppress';
import { defaultConfig, ResolvedConfig } from './config';
import { DocumentIndex, hashOf } from './documentIndex';
import { Chronology, factsOf, type Timeline } from './chronology';
import { canonicalUri } from './paths';
import type { WorkspaceHost } from './host';
import type { Rule, RuleContext, RuleReport } from './rules/rule';
import { DISABLE_RULE_ID, RULE_INFO, RULES, SCHEMA_RULE_ID, SYNTAX_RULE_ID } from './rules';

/** Every rule id there is: a suppression comment naming another is a mistake. */
const RULE_IDS = RULE_INFO.map((r) => r.id);
import { anchorsOf } from './rules/walk';
import { todayIso } from './clock';
import { BoundedCache, type CacheBounds } from './memo';

/** Lets a caller abandon a check whose result no longer matters (a newer keystroke). */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

export interface CheckInput {
  uri: string;
  text: string;
  /** Kind from config globs, for files that have no `kind:` line. */
  kindHint?: DocumentKind;
}

export interface CheckResult {
  /** Undefined when the file is not a care-plan document (then there are no findings). */
  kind: DocumentKind | undefined;
  findings: Finding[];
  /** The parse, kept so editor features can reuse it. */
  parsed: ParsedDocument;
  /** True when the check stopped early because it was cancelled. */
  cancelled: boolean;
  /**
   * Children whose chronology this record's text changed (a date, a review number, an action's
   * status): their other records need checking again. Empty when nothing they rely on changed.
   */
  childrenChanged: string[];
  /**
   * The other records whose facts the checks across records read (their URI and facts key, see
   * factsKey): the findings stay the same while those records say the same things. Empty when no
   * check across records ran (a record with no date, or none of those rules on).
   */
  usedFacts: ReadonlyMap<string, string>;
}

export interface Engine {
  readonly index: DocumentIndex;
  /** Each child's records as a whole, read through the host. */
  readonly chronology: Chronology;
  readonly rules: readonly Rule[];
  /** Checks one document: syntax, schema and every enabled rule. Never throws for bad input. */
  check(input: CheckInput, config?: ResolvedConfig, signal?: CancellationSignal): Promise<CheckResult>;
  /**
   * The document parsed as `check` parses it, from the same few recent parses: an editor's
   * request for a version not yet checked parses it here, and the check then reuses that parse.
   */
  parse(uri: string, text: string, kindHint?: DocumentKind): ParsedDocument;
  /**
   * A record's text changed outside a check (on disk, or a buffer closed): returns the children
   * whose other records must be checked again. Nothing is read for a record no check has used.
   */
  observe(uri: string, text: string | undefined): string[];
}

/**
 * How much an engine keeps between checks. An editor's engine re-checks the same few records as
 * their author types, so it keeps much; the CLI's checks each record once, child by child, so
 * what it keeps is mostly garbage it still holds (its memory grows with every thread).
 */
export interface EngineLimits {
  /** Parses kept, by document (a child's records read for the chronology, then checked). */
  parses?: number;
  /** The bounds of the memo of text analyses (see memo.ts). */
  memo?: Partial<CacheBounds>;
}

/** Builds the checking engine over a workspace. One engine serves the CLI, the server and tests. */
export function createEngine(host: WorkspaceHost, rules: readonly Rule[] = RULES, limits: EngineLimits = {}): Engine {
  const index = new DocumentIndex();
  const cache = new BoundedCache(limits.memo);
  const memo = <T>(scope: string, key: string, compute: () => T): T => cache.get(scope, key, compute);
  const parses = new RecentParses(limits.parses);
  const chronology = new Chronology(index, async (uri) => {
    const text = await host.readText?.(uri);
    return text === undefined ? undefined : factsOf(uri, parses.parse(uri, text));
  });

  async function check(input: CheckInput, config = defaultConfig(), signal?: CancellationSignal): Promise<CheckResult> {
    const parsed = parses.parse(input.uri, input.text, input.kindHint);
    const kind = parsed.kind;
    const facts = kind ? factsOf(input.uri, parsed) : undefined;
    const childrenChanged = kind || chronology.has(input.uri) ? chronology.observe(input.uri, facts, hashOf(input.text)) : [];
    // Shared by every check across records in this check: the child's records are read and sorted once.
    let timelines: Promise<readonly Timeline[]> | undefined;
    const usedFacts = new Map<string, string>();
    const timelinesOnce = () => (timelines ??= facts ? chronology.timelinesOf({ ...facts, uri: canonicalUri(input.uri) }, usedFacts) : Promise.resolve([]));
    const result: CheckResult = { kind, findings: [], parsed, cancelled: false, childrenChanged, usedFacts };
    if (!kind) return result;
    const findings: Finding[] = [];
    const severityOf = (id: string, fallback: Severity): Severity | 'off' => config.rules[id]?.severity ?? fallback;

    const syntaxSeverity = severityOf(SYNTAX_RULE_ID, 'error');
    if (syntaxSeverity !== 'off') {
      for (const p of parsed.problems) {
        findings.push({ ruleId: SYNTAX_RULE_ID, severity: syntaxSeverity, message: p.message, range: p.range, pointer: '' });
      }
    }

    const data = parsed.value;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const schemaSeverity = severityOf(SCHEMA_RULE_ID, 'error');
      if (schemaSeverity !== 'off') {
        for (const p of validateAgainstSchema(kind, data)) {
          findings.push({
            ruleId: SCHEMA_RULE_ID,
            severity: schemaSeverity,
            message: p.message,
            range: locate(parsed, p.path, p.target),
            pointer: toPointer(p.path),
            ...(p.data ? { data: p.data } : {}),
          });
        }
      }
      const today = config.today ?? todayIso();
      const anchors = anchorsOf(data as Record<string, unknown>);
      const selfUri = canonicalUri(input.uri); // as the index spells it, so "this document" is recognised
      let sliceStart = Date.now();
      for (const rule of rules) {
        if (signal) {
          // Every few milliseconds, let the event loop run so a newer keystroke can cancel this
          // check; yielding between every rule would add its own delay to every check.
          if (Date.now() - sliceStart >= YIELD_EVERY_MS) {
            await yieldToEventLoop();
            sliceStart = Date.now();
          }
          if (signal.isCancellationRequested) return { ...result, cancelled: true };
        }
        if (rule.kinds && !rule.kinds.includes(kind)) continue;
        const severity = severityOf(rule.id, rule.defaultSeverity);
        if (severity === 'off') continue;
        const reports: RuleReport[] = [];
        const ctx: RuleContext = {
          uri: selfUri,
          kind,
          parsed,
          data: data as Record<string, unknown>,
          config,
          options: config.rules[rule.id]?.options ?? {},
          today,
          anchors,
          index,
          chronology,
          timelines: timelinesOnce,
          host,
          report: (r) => reports.push(r),
          memo,
          item: (path, what, check) => {
            const failed = (err: unknown): void => {
              reports.push(couldNotCheck(path, `careplan could not check ${what}`, err));
            };
            try {
              const done = check();
              return done ? done.catch(failed) : undefined;
            } catch (err) {
              failed(err);
            }
          },
        };
        try {
          await rule.check(ctx);
        } catch (err) {
          // A rule bug must not take the whole check down: what the rule reported before it
          // stopped is kept, and the failure is said where it can be seen.
          reports.push(couldNotCheck([], `careplan could not run the ${rule.id} check on this file`, err));
        }
        for (const r of reports) findings.push(toFinding(parsed, rule.id, severity, r));
      }
    }
    if (signal?.isCancellationRequested) return { ...result, cancelled: true };
    dropKnockOnFindings(findings, parsed);
    for (const f of findings) f.message = boundMessage(f.message);
    // lines as the parse counted them
    const disableComments = { knownIds: RULE_IDS, severity: severityOf(DISABLE_RULE_ID, 'warning'), reportUnused: config.reportUnusedDisableDirectives };
    result.findings = sortFindings(suppressWithReport(findings, parsed.text, disableComments));
    return result;
  }

  function observe(uri: string, text: string | undefined): string[] {
    if (!chronology.has(uri)) return [];
    if (text === undefined) return chronology.forget(uri);
    return chronology.observe(uri, factsOf(uri, parses.parse(uri, text)), hashOf(text));
  }

  const parse = (uri: string, text: string, kindHint?: DocumentKind) => parses.parse(uri, text, kindHint);

  return Object.freeze({ index, chronology, rules, check, observe, parse });
}

/**
 * Drops, in place, findings that start on lines the YAML could not be read from: what the
 * parser built there is a guess (`owner Social worker` read as a field name), so they would
 * bury the one syntax finding that says what to do.
 */
function dropKnockOnFindings(findings: Finding[], parsed: ParsedDocument): void {
  if (!parsed.unread.length) return;
  // merged and sorted, so each finding is one binary search (a broken file can have thousands)
  const spans: { start: number; end: number }[] = [];
  for (const u of [...parsed.unread].sort((a, b) => a.start - b.start)) {
    const last = spans[spans.length - 1];
    if (last && u.start <= last.end + 1) last.end = Math.max(last.end, u.end);
    else spans.push({ start: u.start, end: u.end });
  }
  const inUnread = (line: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && line <= spans[lo - 1].end;
  };
  let kept = 0;
  for (const f of findings) if (f.ruleId === SYNTAX_RULE_ID || !inUnread(f.range.start.line)) findings[kept++] = f;
  findings.length = kept;
}

/**
 * The last few parses, by document: the chronology reads a child's other records, and checking
 * each of them next would parse the same text again. A handful is enough when records are
 * checked child by child (the CLI sorts them so).
 */
class RecentParses {
  private readonly byUri = new Map<string, { text: string; kindHint?: DocumentKind; parsed: ParsedDocument }>();
  private chars = 0;

  /** A parse holds many times its text, so large texts count against a bound in characters too. */
  constructor(
    private readonly limit = 64,
    private readonly maxChars = 4_000_000,
  ) {}

  parse(uri: string, text: string, kindHint?: DocumentKind): ParsedDocument {
    const key = canonicalUri(uri);
    const hit = this.byUri.get(key);
    if (hit && hit.text === text && hit.kindHint === kindHint) return hit.parsed;
    // the last parse of the same file lets an edit re-read only the field it changed
    const parsed = parseCarePlanDocument(text, kindHint, hit?.kindHint === kindHint ? hit?.parsed : undefined);
    this.drop(key);
    if (text.length > this.maxChars) return parsed;
    this.byUri.set(key, { text, kindHint, parsed });
    this.chars += text.length;
    while (this.byUri.size > this.limit || this.chars > this.maxChars) this.drop(this.byUri.keys().next().value!);
    return parsed;
  }

  private drop(key: string): void {
    const old = this.byUri.get(key);
    if (!old) return;
    this.byUri.delete(key);
    this.chars -= old.text.length;
  }
}

const YIELD_EVERY_MS = 8;

/** Longer messages quote a pasted paragraph or a huge key; real ones are under 300 characters. */
const MAX_MESSAGE = 600;

/** Keeps a message readable when it quotes something huge: its start, and the advice at its end. */
function boundMessage(m: string): string {
  if (m.length <= MAX_MESSAGE) return m;
  let head = m.slice(0, 300);
  let tail = m.slice(-250);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1); // not half a surrogate pair
  if (/^[\uDC00-\uDFFF]/.test(tail)) tail = tail.slice(1);
  return `${head} … ${tail}`;
}

// setImmediate lets pending I/O (a newer didChange) in; elsewhere fall back to a timer.
const schedule: (f: () => void) => void = typeof setImmediate === 'function' ? (f) => setImmediate(f) : (f) => setTimeout(f, 0);

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}

/** The finding for a check that threw: what could not be checked, and why, for a bug report. */
function couldNotCheck(path: Path, what: string, err: unknown): RuleReport {
  const why = err instanceof Error ? err.message : String(err);
  return { path, target: 'item', message: `${what} (${why}). Please report this.` };
}

function toFinding(parsed: ParsedDocument, ruleId: string, severity: Severity, r: RuleReport): Finding {
  const range = (r.span && locateInScalar(parsed, r.path, r.span.start, r.span.end)) || locate(parsed, r.path, r.target);
  const f: Finding = { ruleId, severity, message: r.message, range, pointer: toPointer(r.path) };
  if (r.related?.length) f.related = r.related;
  if (r.data) f.data = r.data;
  return f;
}

/**
 * Findings in document order, and equal ones in a fixed order: rules run concurrently, so the
 * order they finish in is not the same from run to run (the CLI and the editor must agree).
 */
function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      byText(a.ruleId, b.ruleId) ||
      a.range.end.line - b.range.end.line ||
      a.range.end.character - b.range.end.character ||
      byText(a.pointer, b.pointer) ||
      byText(a.message, b.message),
  );
}

/** Code-unit order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
