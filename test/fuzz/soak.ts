/**
 * `npm run soak -- [--edits N] [--seed S] [--rss-every K] [--big-kb 200]`
 *
 * Random edits through the real language server over stdio (test/support/lspClient.ts): typing
 * into a ~200 KB field, structural edits in a care plan, each edit followed by a request an
 * editor would send (completion, hover, code actions, symbols, links, inlay hints). Checks: no
 * answer over 1 s, no error logged by the server, no crash, every range inside its text; at the
 * end the server's diagnostics must equal the CLI's on the same text (a document whose edits
 * have left it no record — its `kind:` typed over — must show none, as the CLI reports none).
 * RSS is read from /proc/<pid>/status every 10 edits (every K are printed). The server's RSS
 * saws up and down by a quarter or more as garbage builds up between collections, so one reading
 * says little; the bound is on the high-water marks: the highest RSS over the last 500 edits must
 * stay within 1.3× the highest over the 500 edits around the 500th.
 */
import { copyFileSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { LspClient, pathToUri } from '../support/lspClient';
import { Rng, SAMPLES_DIR } from '../support/mutants';
import { intFlag, parseFlags } from './args';
import { CLI } from './cliBatch';
import { FailureLog } from './failures';
import { DEFAULT_OUT, TODAY } from './fuzz';
import { lspLines, posProblem, rangeProblem, editsProblem } from './positions';
import { Mirror, Typist, bigRecord, randomEdit } from './soakText';
import { parseCarePlanDocument } from '../../server/src/service';
import { spawnSync } from 'node:child_process';

const HANG_MS = 1_000;
/** A request not answered in this long is given up on (and counted as a hang). */
const GIVE_UP_MS = 30_000;
const MAX_RSS_RATIO = 1.3;
/** RSS is read this often (in edits) for the high-water marks. */
const RSS_READ_EVERY = 10;
/** Edits over which each high-water mark is taken. */
const RSS_WINDOW = 500;
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export interface SoakOptions {
  edits: number;
  seed: number;
  rssEvery?: number;
  bigKb?: number;
  out?: string;
  log?: (line: string) => void;
}

export interface SoakSummary {
  edits: number;
  seed: number;
  requests: number;
  counts: FailureLog['counts'];
  failures: number;
  examples: string[];
  /** RSS in MB: after the baseline edit (500, or half the run when shorter), the highest, the last. */
  rssBaselineAt: number;
  rssBaseline: number;
  rssMax: number;
  rssFinal: number;
  /** The highest RSS over the RSS_WINDOW edits around the baseline edit, and over the last RSS_WINDOW edits. */
  rssHighBaseline: number;
  rssHighEnd: number;
  /** rssHighEnd / rssHighBaseline: the bound. */
  ratio: number;
  /** rssFinal / rssBaseline, single readings (reported only: it moves with the collector). */
  pointRatio: number;
  rssSamples: [number, number][];
  slowest: { ms: number; what: string };
  ms: number;
  out: string;
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export async function runSoak(o: SoakOptions): Promise<SoakSummary> {
  const log = o.log ?? (() => {});
  const out = o.out ?? DEFAULT_OUT;
  const r = new Rng(o.seed);
  const failures = new FailureLog(out, 'soak', o.seed, () => `npm run soak -- --edits ${o.edits} --seed ${o.seed}`);
  const ws = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'careplan-soak-')));
  writeFileSync(path.join(ws, '.careplan.yaml'), `today: ${TODAY}\n`);
  copyFileSync(path.join(SAMPLES_DIR, 'CH-000456', 'review-1.yaml'), path.join(ws, 'closed.yaml'));
  const planText = readFileSync(path.join(SAMPLES_DIR, 'CH-000123', 'care-plan.yaml'), 'utf8');
  const docs = {
    big: { file: path.join(ws, 'big.yaml'), mirror: new Mirror(bigRecord((o.bigKb ?? 200) * 1024)) },
    plan: { file: path.join(ws, 'plan.yaml'), mirror: new Mirror(planText) },
  };
  for (const d of Object.values(docs)) writeFileSync(d.file, d.mirror.text);
  const uriOf = (file: string) => pathToUri(file);
  const record = (what: string, text: string) => ({ index: 0, label: what, text });

  const t0 = performance.now();
  const client = new LspClient({ settings: { today: TODAY } });
  const pid = client.proc.pid!;
  // Errors the server logs (window/logMessage type 1) or writes to stderr are exceptions.
  const errors: string[] = [];
  client.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    client.logs.push(p.message);
    if (p.type === 1) errors.push(p.message);
  });
  client.proc.stderr!.on('data', (d) => errors.push(String(d)));
  // A message still being written when the server exits at the end is of no interest.
  client.proc.stdin!.on('error', () => undefined);
  let exited = false;
  client.proc.on('exit', (code, signal) => {
    exited = true;
    errors.push(`the server exited (code ${code}, signal ${signal})`);
  });

  // Every published diagnostic is checked against the text of the version it is for.
  const history = new Map<string, Map<number, string>>();
  const remember = (uri: string, version: number, text: string) => {
    const h = history.get(uri) ?? new Map<number, string>();
    history.set(uri, h);
    h.set(version, text);
    if (h.size > 40) h.delete(h.keys().next().value!);
  };
  let checkedPublished = 0;
  const checkPublished = () => {
    for (; checkedPublished < client.published.length; checkedPublished++) {
      const p = client.published[checkedPublished];
      const text = p.version !== undefined ? history.get(p.uri)?.get(p.version) : undefined;
      if (text === undefined) continue;
      const lines = lspLines(text);
      for (const d of p.diagnostics) {
        const bad = rangeProblem(d.range, lines);
        if (bad) failures.add('range', `diagnostic ${d.code} v${p.version}: ${bad}`, record(`${path.basename(p.uri)} v${p.version}`, text));
      }
    }
    // Published diagnostics are only needed for the last version of each document.
    if (client.published.length > 2_000) {
      const keep = new Set(client.published.slice(-50));
      for (const uri of history.keys()) {
        const last = [...client.published].reverse().find((p) => p.uri === uri);
        if (last) keep.add(last);
      }
      const kept = client.published.filter((p) => keep.has(p));
      client.published.splice(0, client.published.length, ...kept);
      checkedPublished = client.published.length;
    }
  };

  let requests = 0;
  const slowest = { ms: 0, what: '' };
  const timed = async <R>(method: string, params: unknown, what: string, text: string): Promise<R | undefined> => {
    requests++;
    const t = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        client.request<R>(method, params),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${GIVE_UP_MS} ms`)), GIVE_UP_MS))),
      ]);
    } catch (err) {
      failures.add(/no answer/.test(String(err)) ? 'hang' : 'exception', `${method} (${what}): ${(err as Error).message}`, record(what, text));
      return undefined;
    } finally {
      clearTimeout(timer);
      const ms = performance.now() - t;
      if (ms > slowest.ms) Object.assign(slowest, { ms, what: `${method} (${what})` });
      if (ms > HANG_MS) failures.add('hang', `${method} took ${Math.round(ms)} ms (${what})`, record(what, text));
    }
  };

  const rssSamples: [number, number][] = [];
  const rssReads: [number, number][] = [];
  const baselineAt = Math.min(500, Math.max(1, Math.floor(o.edits / 2)));
  let baseline = NaN;
  try {
    await client.initialize(ws);
    const versions = new Map<string, number>();
    for (const d of Object.values(docs)) {
      client.open(uriOf(d.file), d.mirror.text);
      versions.set(uriOf(d.file), 1);
      remember(uriOf(d.file), 1, d.mirror.text);
    }
    await client.diagnosticsFor(uriOf(docs.big.file), 1, GIVE_UP_MS);
    const typist = new Typist(docs.big.mirror, r);
    const rssEvery = o.rssEvery ?? 100;
    const requestKinds = ['completion', 'completion', 'hover', 'codeAction', 'documentSymbol', 'inlayHint', 'documentLink', 'definition'];

    for (let e = 1; e <= o.edits && !exited; e++) {
      const onBig = r.chance(0.7);
      const d = onBig ? docs.big : docs.plan;
      const uri = uriOf(d.file);
      const edit = onBig ? typist.next() : randomEdit(d.mirror, planText, r);
      let version: number;
      if (edit) version = client.edit(uri, [edit]);
      else {
        d.mirror.text = planText;
        version = client.change(uri, planText);
      }
      versions.set(uri, version);
      const text = d.mirror.text;
      remember(uri, version, text);
      const what = `edit ${e} of ${path.basename(d.file)} v${version}`;
      const lines = lspLines(text);
      const at = onBig ? d.mirror.positionAt(typist.cursor) : edit ? { line: edit.range.start.line, character: edit.range.start.character + edit.newText.length } : { line: 0, character: 0 };
      const textDocument = { uri };
      const kind = r.pick(requestKinds);
      if (kind === 'completion') {
        const res = await timed<{ items?: { textEdit?: { range: never } }[] } | { textEdit?: { range: never } }[] | null>('textDocument/completion', { textDocument, position: at }, what, text);
        const items = Array.isArray(res) ? res : (res?.items ?? []);
        for (const i of items) if (i.textEdit) { const bad = rangeProblem(i.textEdit.range, lines); if (bad) failures.add('range', `completion: ${bad}`, record(what, text)); }
      } else if (kind === 'hover') {
        const h = await timed<{ range?: never } | null>('textDocument/hover', { textDocument, position: at }, what, text);
        if (h?.range) { const bad = rangeProblem(h.range, lines); if (bad) failures.add('range', `hover: ${bad}`, record(what, text)); }
      } else if (kind === 'codeAction') {
        const last = [...client.published].reverse().find((p) => p.uri === uri);
        const diagnostics: Diagnostic[] = (last?.diagnostics ?? []).slice(0, 20);
        const actions = (await timed<CodeAction[] | null>('textDocument/codeAction', { textDocument, range: { start: at, end: at }, context: { diagnostics } }, what, text)) ?? [];
        for (const a of actions) for (const c of (a.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
          if (c.textDocument?.uri !== uri || last?.version !== version) continue;
          const bad = editsProblem(c.edits, lines);
          if (bad) failures.add('range', `code action '${a.title}': ${bad}`, record(what, text));
        }
      } else if (kind === 'documentSymbol') {
        const walk = (ss: { range: never; selectionRange: never; children?: unknown[] }[]) => {
          for (const s of ss) {
            const bad = rangeProblem(s.range, lines) ?? rangeProblem(s.selectionRange, lines);
            if (bad) failures.add('range', `symbol: ${bad}`, record(what, text));
            walk((s.children ?? []) as never);
          }
        };
        walk((await timed<never[] | null>('textDocument/documentSymbol', { textDocument }, what, text)) ?? []);
      } else if (kind === 'inlayHint') {
        const hints = (await timed<{ position: never }[] | null>('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: 0 } } }, what, text)) ?? [];
        for (const h of hints) { const bad = posProblem(h.position, lines); if (bad) failures.add('range', `inlay hint: ${bad}`, record(what, text)); }
      } else if (kind === 'documentLink') {
        const links = (await timed<{ range: never }[] | null>('textDocument/documentLink', { textDocument }, what, text)) ?? [];
        for (const l of links) { const bad = rangeProblem(l.range, lines); if (bad) failures.add('range', `document link: ${bad}`, record(what, text)); }
      } else {
        await timed('textDocument/definition', { textDocument, position: at }, what, text);
      }
      checkPublished();
      if (e % RSS_READ_EVERY === 0) rssReads.push([e, rssMb(pid)]);
      if (e % rssEvery === 0 || e === baselineAt) {
        const mb = rssMb(pid);
        rssSamples.push([e, mb]);
        if (e === baselineAt) baseline = mb;
        if (e % (rssEvery * 10) === 0) log(`${e}/${o.edits} edits, RSS ${mb.toFixed(0)} MB, ${failures.total} failures, ${Math.round((performance.now() - t0) / 1000)} s`);
      }
    }

    // The end state: the server's diagnostics for the last versions against the CLI on the same text.
    const finals = new Map<string, Diagnostic[]>();
    for (const d of Object.values(docs)) {
      const uri = uriOf(d.file);
      const lastPublished = () => [...client.published].reverse().find((p) => p.uri === uri);
      try {
        if (parseCarePlanDocument(d.mirror.text).kind) {
          finals.set(d.file, (await client.diagnosticsFor(uri, versions.get(uri)!, GIVE_UP_MS)).diagnostics);
        } else {
          // No longer a record: the server publishes nothing for its versions, only an empty list
          // to clear what it showed (the CLI does not list it). What is shown must end up empty.
          const last = lastPublished();
          if (last?.diagnostics.length) await client.waitFor((p) => p.uri === uri && p.diagnostics.length === 0, GIVE_UP_MS, client.published.indexOf(last) + 1);
          finals.set(d.file, []);
        }
      } catch (err) {
        const last = lastPublished();
        failures.add('hang', `no diagnostics within ${GIVE_UP_MS} ms for the last version (${versions.get(uri)}) of ${path.basename(d.file)}; the last published was version ${last?.version} (${last?.diagnostics.length} diagnostics)`, record('final', d.mirror.text));
      }
      writeFileSync(d.file, d.mirror.text);
    }
    checkPublished();
    const report = path.join(ws, 'report.json');
    const cli = spawnSync(process.execPath, [CLI, 'lint', '.', '--format', 'json', '--root', ws, '-o', report], { cwd: ws, encoding: 'utf8' });
    if (cli.status === 2) failures.add('cli-exit-2', cli.stderr.slice(0, 500));
    const files = JSON.parse(readFileSync(report, 'utf8')) as { filePath: string; findings: { ruleId: string; severity: string; message: string; range: unknown }[] }[];
    for (const d of Object.values(docs)) {
      const got = finals.get(d.file);
      if (!got) continue;
      const server = got.map((x) => JSON.stringify([x.code, SEVERITY[x.severity ?? 0], x.message, x.range]));
      const want = (files.find((f) => f.filePath === d.file)?.findings ?? []).map((f) => JSON.stringify([f.ruleId, f.severity, f.message, f.range]));
      const i = server.findIndex((s, k) => s !== want[k]);
      if (i !== -1 || server.length !== want.length) {
        const k = i === -1 ? Math.min(server.length, want.length) : i;
        failures.add('cli-mismatch', `${path.basename(d.file)}: diagnostic ${k}: server ${server[k]?.slice(0, 300) ?? 'none'} / CLI ${want[k]?.slice(0, 300) ?? 'none'} (${server.length} vs ${want.length})`, record(path.basename(d.file), d.mirror.text));
      }
    }
  } finally {
    var rssFinal = exited ? NaN : rssMb(pid);
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  }
  for (const m of errors) failures.add(/exited/.test(m) ? 'server-exit' : 'exception', m.slice(0, 1_000));
  const rssMax = Math.max(...rssSamples.map(([, mb]) => mb), ...rssReads.map(([, mb]) => mb), rssFinal);
  const highIn = (from: number, to: number) => Math.max(...rssReads.filter(([e]) => e > from && e <= to).map(([, mb]) => mb));
  const rssHighBaseline = highIn(baselineAt - RSS_WINDOW / 2, baselineAt + RSS_WINDOW / 2);
  const rssHighEnd = highIn(o.edits - RSS_WINDOW, o.edits);
  const ratio = rssHighEnd / rssHighBaseline;
  // The bound is defined against the RSS around 500 edits; shorter runs (CI's) only report it, as
  // the windows overlap and one major collection more or less moves a short run's ratio.
  if (o.edits >= 1_000 && !(ratio <= MAX_RSS_RATIO)) {
    failures.add('rss', `the highest RSS over the last ${RSS_WINDOW} edits, ${rssHighEnd.toFixed(0)} MB, is ${ratio.toFixed(2)}× the highest around edit ${baselineAt}, ${rssHighBaseline.toFixed(0)} MB (at most ${MAX_RSS_RATIO}×)`);
  }
  return {
    edits: o.edits,
    seed: o.seed,
    requests,
    counts: failures.counts,
    failures: failures.total,
    examples: failures.examples,
    rssBaselineAt: baselineAt,
    rssBaseline: baseline,
    rssMax,
    rssFinal,
    rssHighBaseline,
    rssHighEnd,
    ratio,
    pointRatio: rssFinal / baseline,
    rssSamples,
    slowest,
    ms: performance.now() - t0,
    out,
  };
}

export function formatSoakSummary(s: SoakSummary): string {
  const c = s.counts;
  return [
    `soak: ${s.edits} edits (seed ${s.seed}), ${s.requests} requests, ${(s.ms / 1000).toFixed(1)} s`,
    `  hangs over 1 s ${c.hang}, exceptions ${c.exception + c['server-exit']}, out-of-range positions ${c.range}, mismatches with the CLI ${c['cli-mismatch'] + c['cli-exit-2']}`,
    `  RSS after ${s.rssBaselineAt} edits ${s.rssBaseline.toFixed(0)} MB, max ${s.rssMax.toFixed(0)} MB, final ${s.rssFinal.toFixed(0)} MB, final/after-${s.rssBaselineAt} ${s.pointRatio.toFixed(2)}`,
    `  RSS high-water around edit ${s.rssBaselineAt} ${s.rssHighBaseline.toFixed(0)} MB, over the last ${RSS_WINDOW} edits ${s.rssHighEnd.toFixed(0)} MB, ratio ${s.ratio.toFixed(2)} (at most ${MAX_RSS_RATIO})`,
    `  RSS samples: ${s.rssSamples.map(([e, mb]) => `${e}:${mb.toFixed(0)}`).join(' ')}`,
    `  slowest request: ${s.slowest.what} ${Math.round(s.slowest.ms)} ms`,
    s.failures ? `FAILED: ${s.failures} failures; reproductions in ${s.out}` : 'OK: no failures',
    ...s.examples.map((e) => '  - ' + e.replace(/\n/g, '\n    ')),
  ].join('\n');
}

if (require.main === module) {
  const flags = parseFlags(process.argv.slice(2));
  runSoak({
    edits: intFlag(flags, 'edits', 10_000),
    seed: intFlag(flags, 'seed', 1),
    rssEvery: intFlag(flags, 'rss-every', 100),
    bigKb: intFlag(flags, 'big-kb', 200),
    out: flags.get('out'),
    log: (l) => console.log(l),
  }).then(
    (s) => {
      console.log(formatSoakSummary(s));
      process.exitCode = s.failures ? 1 : 0;
    },
    (err) => {
      console.error(err);
      process.exitCode = 2;
    },
  );
}
