/**
 * The language server under hostile edits: the nastiest fuzz mutants (test/support/mutants.ts)
 * sent over stdio as didOpen/didChange, each followed by completion, hover, code actions (with the
 * diagnostics last published, which may be stale, as real clients send them) and the other
 * requests. Afterwards the server must still answer normally and publish the right diagnostics.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit } from 'vscode-languageserver/node';
import { lintPaths } from '../../server/src/node/lint';
import { parseCarePlanDocument } from '../../server/src/service';
import { LspClient, SERVER, pathToUri } from '../support/lspClient';
import { Mutant, Rng, SAMPLES_DIR, mutate, nastyCases, yamlSamples } from '../support/mutants';

const SEED = 20251123;
/** A request that has not answered in this long means the server hangs. */
const ANSWER_WITHIN_MS = 10_000;

function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function inside(r: Range, lines: string[]): boolean {
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  return ok(r.start) && ok(r.end);
}

/** The hand-written worst cases, then the mutants with the most hostile mutations. */
function nastiest(count: number): Mutant[] {
  const samples = yamlSamples().filter((s) => s.text.includes('kind:'));
  const out = nastyCases(samples[0].text);
  const hostile = /deepNesting|deepBlock|longLine|lineEndings|controlChars|splitSurrogate|anchors|selfAlias|oddKey|wrongValue/;
  for (const [i, s] of samples.entries()) {
    for (const m of mutate(s, SEED + i, 12)) if (out.length < count && hostile.test(m.label) && m.label.split(',').length >= 2) out.push(m);
  }
  return out.slice(0, count);
}

describe('language server under fuzzed input (protocol)', function () {
  this.timeout(120_000);
  let client: LspClient;

  before(async () => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    client = new LspClient({ settings: { today: '2025-11-01' } });
    await client.initialize(SAMPLES_DIR);
  });

  after(async () => {
    await client?.stop();
  });

  it('answers every request on ~50 hostile documents, then serves a good sample correctly', async () => {
    const mutants = nastiest(50);
    assert.ok(mutants.length >= 45, `${mutants.length} mutants`);
    const r = new Rng(SEED);
    // Half go to one buffer as whole-text changes, half are opened as documents of their own.
    const changed = pathToUri(path.join(SAMPLES_DIR, 'fuzz', 'changed.yaml'));
    client.open(changed, yamlSamples()[1].text);
    const texts = new Map<string, string>();
    const versions = new Map<string, number>([[changed, 1]]);
    const request = async <R>(method: string, params: unknown, label: string): Promise<R> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${method} on ${label} did not answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
      });
      try {
        return await Promise.race([client.request<R>(method, params), timeout]);
      } finally {
        clearTimeout(timer);
      }
    };

    /** A record gets diagnostics for the version, inside its text; a file with no `kind:` gets none. */
    const expectDiagnostics = async (uri: string, version: number, text: string) => {
      if (!parseCarePlanDocument(text).kind) return;
      const { diagnostics } = await client.diagnosticsFor(uri, version, 20_000);
      const lines = lspLines(text);
      for (const d of diagnostics) assert.ok(inside(d.range, lines), `${uri} v${version}: ${d.code} at ${JSON.stringify(d.range)}`);
    };
    const editProblems: string[] = [];
    for (const [i, m] of mutants.entries()) {
      let uri: string;
      if (i % 2 === 0) {
        uri = changed;
        versions.set(uri, client.change(uri, m.text));
      } else {
        uri = pathToUri(path.join(SAMPLES_DIR, 'fuzz', `mutant-${i}.yaml`));
        client.open(uri, m.text);
        versions.set(uri, 1);
      }
      texts.set(uri, m.text);
      const lines = lspLines(m.text);
      const textDocument = { uri };
      const pos = () => {
        const line = r.int(lines.length + 1);
        return { line, character: r.int((lines[line]?.length ?? 0) + 3) };
      };
      const stale: Diagnostic[] = [...client.published].reverse().find((p) => p.uri === uri)?.diagnostics ?? [];
      const at = pos();
      await request('textDocument/completion', { textDocument, position: at }, m.label);
      await request('textDocument/hover', { textDocument, position: pos() }, m.label);
      await request('textDocument/definition', { textDocument, position: pos() }, m.label);
      await request('textDocument/documentSymbol', { textDocument }, m.label);
      await request('textDocument/documentLink', { textDocument }, m.label);
      await request('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } }, m.label);
      const actions =
        (await request<CodeAction[] | null>(
          'textDocument/codeAction',
          { textDocument, range: { start: at, end: at }, context: { diagnostics: stale.slice(0, 20) } },
          m.label,
        )) ?? [];
      for (const a of actions) {
        for (const change of (a.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
          if (change.textDocument?.uri !== uri) continue;
          for (const e of change.edits) if (!inside(e.range, lines)) editProblems.push(`${m.label}: '${a.title}' edits ${JSON.stringify(e.range)}`);
        }
      }
      if (uri !== changed) {
        // Checked on its own, then closed, so the open documents do not pile up.
        await expectDiagnostics(uri, 1, m.text);
        client.close(uri);
      }
    }
    assert.equal(client.proc.exitCode, null, 'the server exited');

    await expectDiagnostics(changed, versions.get(changed)!, texts.get(changed)!);
    assert.deepEqual(editProblems, []);
    const failures = client.logs.filter((l) => / failed: /.test(l));
    assert.deepEqual(failures, [], failures.join('\n').slice(0, 4000));

    // Still serving: a good sample is clean, a sample with findings gets exactly the CLI's.
    const good = path.join(SAMPLES_DIR, 'CH-000123', 'review-2.yaml');
    const bad = path.join(SAMPLES_DIR, 'CH-000456', 'care-plan.yaml');
    client.open(pathToUri(good), readFileSync(good, 'utf8'));
    assert.deepEqual((await client.diagnosticsFor(pathToUri(good), 1)).diagnostics, []);
    const hover = await request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: pathToUri(good) }, position: { line: 0, character: 1 } }, 'good sample');
    assert.ok(hover?.contents, 'hover on `kind` of a good sample');
    const [expected] = await lintPaths([bad], { root: SAMPLES_DIR });
    client.open(pathToUri(bad), readFileSync(bad, 'utf8'));
    const { diagnostics } = await client.diagnosticsFor(pathToUri(bad), 1);
    assert.ok(expected.findings.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      expected.findings.map((f) => [f.ruleId, f.range, f.message]),
    );
  });
});
