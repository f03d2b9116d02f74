/**
 * The careplan service: one object over a workspace host that checks records and answers the
 * editor's questions about them — completion, hover, fixes, refactorings, symbols, inlay hints,
 * definitions and links — as vscode-markdown-languageservice's `createLanguageService` does for
 * Markdown. The language server and the CLI are adapters around it; nothing here knows LSP,
 * VS Code or the file system (the host does the looking).
 */
import { createEngine, type CheckInput, type CheckResult, type Engine, type EngineLimits } from './engine';
import type { WorkspaceHost } from './host';
import type { ParsedDocument } from './parse';
import type { ResolvedConfig } from './config';
import type { Position, Range } from './types';
import type { Rule } from './rules/rule';
import { RULES } from './rules';
import { todayIso } from './clock';
import { completionsAt } from './features/completion';
import { hoverAt } from './features/hover';
import { definitionAt, documentLinks, referenceSites, type ReferenceSite } from './features/references';
import { documentSymbols } from './features/symbols';
import { inlayHints } from './features/inlayHints';
import { fixesFor, refactoringsAt } from './features/codeActions';
import type { FindingRef, FixContext } from './features/fixKit';
import { fixRecord } from './features/fixAll';
import type { CodeFix, CompletionItem, DocumentLink, DocumentSymbol, Hover, InlayHint, Location } from './features/types';

/** A record as the editor features see it: its parse and the settings that apply to it. */
export interface ServiceDocument {
  uri: string;
  parsed: ParsedDocument;
  config: ResolvedConfig;
}

export interface CarePlanServiceOptions {
  host: WorkspaceHost;
  rules?: readonly Rule[];
  /** The URL of a rule's page; without it, no "show documentation" action is offered. */
  ruleDocUrl?: (ruleId: string) => string;
  /** Told when working out a fix failed (a bug): the other actions are still offered. */
  log?: (message: string) => void;
  /** How much the engine keeps between checks (the editor's defaults unless given). */
  limits?: EngineLimits;
}

/** The engine's checking, plus every editor feature over the engine's index and the host. */
export interface CarePlanService extends Engine {
  readonly host: WorkspaceHost;
  /** Completions at a position; `snippets` when the client inserts tab stops. */
  completions(doc: ServiceDocument, position: Position, options?: { snippets?: boolean }): Promise<CompletionItem[]>;
  hover(doc: ServiceDocument, position: Position): Hover | undefined;
  /** Quick fixes for one finding (or a diagnostic sent back), best first; none creating a file outside the workspace. */
  fixes(doc: ServiceDocument, finding: FindingRef): Promise<CodeFix[]>;
  /** Rewrites offered for a range without a finding (a bounded timescale's date). */
  refactorings(doc: ServiceDocument, range: Range): Promise<CodeFix[]>;
  symbols(doc: ServiceDocument): DocumentSymbol[];
  inlayHints(doc: ServiceDocument, range?: Range): InlayHint[];
  /** Where the reference at a position leads, when it stays inside the workspace. */
  definition(doc: ServiceDocument, position: Position): Promise<Location | undefined>;
  /** The record's references as links; those leading outside the workspace have no target. */
  links(doc: ServiceDocument): Promise<DocumentLink[]>;
  /**
   * The safe fixes of a record applied pass by pass (`careplan lint --fix`): the fixed text, how
   * many fixes were made and the check of the text returned.
   */
  fixAll(input: CheckInput, config: ResolvedConfig): Promise<{ text: string; fixed: number; last: CheckResult }>;
}

export function createCarePlanService(options: CarePlanServiceOptions): CarePlanService {
  const { host, ruleDocUrl, log } = options;
  const engine = createEngine(host, options.rules ?? RULES, options.limits);
  const today = (doc: ServiceDocument) => doc.config.today ?? todayIso();
  const leadsInside = (uri: string) => host.leadsInside?.(uri) ?? Promise.resolve(true);

  const fixContext = (doc: ServiceDocument): FixContext => ({
    uri: doc.uri,
    parsed: doc.parsed,
    today: today(doc),
    timescales: doc.config.timescales,
    index: engine.index,
    ruleDocUrl,
    fixFailed: (ruleId, err) => log?.(`careplan: working out the quick fix for ${ruleId} failed: ${(err as Error)?.stack ?? err}`),
  });

  /** A file is never offered for creation where a link would put it outside the workspace. */
  async function createsInside(fixes: CodeFix[]): Promise<CodeFix[]> {
    const kept = await Promise.all(fixes.map(async (f) => (!f.createFile || (await leadsInside(f.createFile.uri)) ? f : undefined)));
    return kept.filter((f) => f !== undefined);
  }

  /** Reference sites whose `path:` targets stay inside the workspace once links are followed; the others lead nowhere. */
  async function sites(doc: ServiceDocument): Promise<ReferenceSite[]> {
    const all = referenceSites(doc.parsed, doc.uri, engine.index, host.roots);
    return Promise.all(all.map(async (s) => (s.via === 'path' && s.target && !(await leadsInside(s.target.uri)) ? { ...s, target: undefined } : s)));
  }

  return {
    index: engine.index,
    chronology: engine.chronology,
    rules: engine.rules,
    check: (input, config, signal) => engine.check(input, config, signal),
    parse: (uri, text, kindHint) => engine.parse(uri, text, kindHint),
    observe: (uri, text) => engine.observe(uri, text),
    host,
    completions: (doc, position, opts = {}) =>
      completionsAt(doc.parsed, position, {
        uri: doc.uri,
        index: engine.index,
        roots: host.roots,
        listDirectory: host.listDirectory ? (folder) => host.listDirectory!(folder) : undefined,
        today: today(doc),
        timescales: doc.config.timescales,
        roles: doc.config.roles,
        snippets: opts.snippets === true,
      }),
    hover: (doc, position) => hoverAt(doc.parsed, position, { today: today(doc), timescales: doc.config.timescales, index: engine.index }),
    fixes: (doc, finding) => createsInside(fixesFor(finding, fixContext(doc))),
    refactorings: (doc, range) => createsInside(refactoringsAt(range, fixContext(doc))),
    symbols: (doc) => documentSymbols(doc.parsed),
    inlayHints: (doc, range) => inlayHints(doc.parsed, range, doc.config.timescales),
    definition: async (doc, position) => definitionAt(await sites(doc), position.line, position.character),
    links: async (doc) => documentLinks(await sites(doc), doc.uri),
    fixAll: (input, config) =>
      fixRecord(
        input.text,
        (text) => engine.check({ ...input, text }, config),
        () => ({ uri: input.uri, today: config.today ?? todayIso(), timescales: config.timescales, index: engine.index }),
      ),
  };
}
