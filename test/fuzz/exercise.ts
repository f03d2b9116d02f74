/**
 * One record through the engine and every editor feature the core offers, as the server would
 * call them: diagnostics, code actions for every finding, refactorings, completion, hover,
 * definition, links, symbols, inlay hints and the cursor helpers, at several positions. Each
 * call is timed; one over HANG_MS is a hang.
 */
import { RULE_INFO, parseConfigText } from '../../server/src/service';
import type { DocumentKind, Engine, Finding, Position, ResolvedConfig } from '../../server/src/service';
import * as features from '../../server/src/service/features';
import type { FixContext } from '../../server/src/service/features';
import { Rng } from '../support/mutants';
import type { Check } from './failures';
import { editsProblem, isBefore, lspLines, posProblem, randomPosition, rangeProblem, symbolRanges } from './positions';

export const HANG_MS = 1_000;
/** Fixes are worked out for every finding, up to this many (a record with 2,000 actions has 4,000). */
const MAX_FIXES = 150;
const POSITIONS = 4;
const RULE_IDS = new Set(RULE_INFO.map((r) => r.id));

export interface Problem {
  check: Check;
  detail: string;
}

export interface Slowest {
  ms: number;
  what: string;
  label: string;
}

/** Milliseconds spent per kind of call (the first word of its name), summed over a run. */
export const timeByCall = new Map<string, number>();

export interface Exercised {
  kind: DocumentKind | undefined;
  findings: Finding[] | undefined;
  problems: Problem[];
  calls: number;
  slowest: Slowest;
}

export interface ExerciseOptions {
  engine: Engine;
  config: ResolvedConfig;
  today: string;
  roots: string[];
  /** Called around every call, so a watchdog sees progress. */
  tick: () => void;
}

export async function exercise(uri: string, text: string, label: string, seed: number, o: ExerciseOptions): Promise<Exercised> {
  const problems: Problem[] = [];
  const lines = lspLines(text);
  const r = new Rng(seed);
  const slowest: Slowest = { ms: 0, what: '', label };
  let calls = 0;
  const fail = (check: Check, detail: string) => problems.push({ check, detail });
  const range = (what: string, rg: features.Range | undefined) => {
    const bad = rangeProblem(rg, lines);
    if (bad) fail('range', `${what}: ${bad}`);
  };
  const call = async <T>(what: string, f: () => T | Promise<T>): Promise<T | undefined> => {
    o.tick();
    calls++;
    const t0 = performance.now();
    try {
      return await f();
    } catch (err) {
      fail('exception', `${what} threw: ${((err as Error)?.stack ?? String(err)).split('\n').slice(0, 6).join('\n')}`);
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      const name = what.split(' ')[0];
      timeByCall.set(name, (timeByCall.get(name) ?? 0) + ms);
      if (ms > slowest.ms) Object.assign(slowest, { ms, what });
      if (ms > HANG_MS) fail('hang', `${what} took ${Math.round(ms)} ms`);
      o.tick();
    }
  };

  await call('parseConfigText', () => parseConfigText(text));
  const result = await call('engine.check', () => o.engine.check({ uri, text }, o.config));
  if (!result) return { kind: undefined, findings: undefined, problems, calls, slowest };

  for (const f of result.findings) {
    if (!RULE_IDS.has(f.ruleId)) fail('other', `unknown rule id ${JSON.stringify(f.ruleId)}`);
    if (typeof f.message !== 'string' || !f.message.trim()) fail('other', `empty message for ${f.ruleId}`);
    else if (/could not run/.test(f.message)) fail('rule-crash', `${f.ruleId}: ${f.message.slice(0, 300)}`);
    range(`finding ${f.ruleId}`, f.range);
  }

  const parsed = result.parsed;
  const fixFailed = (ruleId: string, err: unknown) => fail('exception', `a ${ruleId} fix threw: ${((err as Error)?.stack ?? String(err)).split('\n').slice(0, 6).join('\n')}`);
  const ctx: FixContext = { uri, parsed, today: o.today, timescales: o.config.timescales, index: o.engine.index, ruleDocUrl: (id) => `file:///docs/rules/${id}.md`, fixFailed };

  // Code actions for every finding, as a client asks for them over the whole Problems list.
  const fixable = result.findings.length > MAX_FIXES ? Array.from({ length: MAX_FIXES }, () => r.pick(result.findings)) : result.findings;
  for (const f of fixable) {
    for (const fix of (await call(`fixesFor ${f.ruleId}`, () => features.fixesFor(f, ctx))) ?? []) {
      if (!fix.title) fail('other', `a ${f.ruleId} fix without a title`);
      const bad = fix.edits && editsProblem(fix.edits, lines);
      if (bad) fail('range', `fix '${fix.title}' for ${f.ruleId}: ${bad}`);
    }
  }

  const sites = await call('referenceSites', () => features.referenceSites(parsed, uri, o.engine.index, o.roots));
  for (const s of sites ?? []) range(`reference site ${s.path.join('/')}`, s.range);
  if (sites) for (const link of (await call('documentLinks', () => features.documentLinks(sites, uri))) ?? []) range('document link', link.range);
  for (const [name, rg] of symbolRanges((await call('documentSymbols', () => features.documentSymbols(parsed))) ?? [])) range(name, rg);
  const visible = { start: { line: 0, character: 0 }, end: { line: Math.max(0, lines.length - 1), character: 0 } };
  for (const rg of [undefined, visible]) {
    for (const hint of (await call('inlayHints', () => features.inlayHints(parsed, rg, o.config.timescales))) ?? []) {
      const bad = posProblem(hint.position, lines);
      if (bad) fail('range', `inlay hint ${hint.label}: ${bad}`);
    }
  }

  for (let n = 0; n < POSITIONS; n++) {
    const pos = randomPosition(lines, r);
    const at = JSON.stringify(pos);
    await call(`cursorContext at ${at}`, () => features.cursorContext(text, pos));
    await call(`nodeAt at ${at}`, () => features.nodeAt(parsed, features.offsetAt(parsed, pos)));
    const listDirectory = async () => [
      { name: 'education', isDirectory: true },
      { name: 'pep.md', isDirectory: false },
    ];
    for (const item of (await call(`completion at ${at}`, () => features.completionsAt(parsed, pos, { uri, index: o.engine.index, listDirectory }))) ?? []) {
      range(`completion ${item.label} at ${at}`, item.textEdit?.range);
    }
    const hover = await call(`hover at ${at}`, () => features.hoverAt(parsed, pos, { today: o.today, timescales: o.config.timescales, index: o.engine.index }));
    if (hover) {
      range(`hover at ${at}`, hover.range ?? visible);
      if (!hover.contents?.value) fail('other', `empty hover at ${at}`);
    }
    if (sites) {
      const def = await call(`definition at ${at}`, () => features.definitionAt(sites, pos.line, pos.character));
      if (def && def.uri === uri) range(`definition at ${at}`, def.range);
    }
    const end = r.chance(0.5) ? pos : randomPosition(lines, r);
    const sel = isBefore(end, pos) ? { start: end, end: pos } : { start: pos, end };
    for (const fix of (await call(`refactorings at ${at}`, () => features.refactoringsAt(sel, ctx))) ?? []) {
      const bad = fix.edits && editsProblem(fix.edits, lines);
      if (bad) fail('range', `refactoring '${fix.title}': ${bad}`);
    }
  }
  return { kind: result.kind, findings: result.findings, problems, calls, slowest };
}
