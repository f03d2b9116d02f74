/**
 * Protocol tests: the real bundled server (dist/server.js, run `npm run build` first) spawned
 * over stdio, driven with LSP messages. Waits are on notifications with timeouts.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver/node';
import { applyConfig, createEngine, createMemoryHost, defaultConfig } from '../../server/src/service';
import { LspClient, SERVER, applyEdits, messages, pathToUri } from '../support/lspClient';
import { REVIEW } from '../unit/features/fixture';

const CARE_PLAN = `kind: care-plan
id: cp-CH000123-2025-01
child: CH-000123
date: 2025-01-10
`;

describe('language server over stdio (protocol)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  let reviewUri: string;
  const file = (rel: string) => path.join(dir, rel);
  const uriOf = (rel: string) => pathToUri(file(rel));

  before(async () => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-'));
    mkdirSync(file('case'));
    mkdirSync(file('education'));
    writeFileSync(file('.careplan.yaml'), 'today: 2025-11-01\n');
    writeFileSync(file('case/review-2.yaml'), REVIEW);
    writeFileSync(file('case/care-plan.yaml'), CARE_PLAN);
    writeFileSync(file('education/pep-2025-01.md'), '# PEP\n');
    writeFileSync(file('workflow.yaml'), 'name: build\non:\n  push:\n    branches: [main]\n');
    reviewUri = uriOf('case/review-2.yaml');
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers file watchers for YAML and config files, and for settings changes', async () => {
    // The registrations are sent after `initialized`; the first diagnostics prove it ran.
    client.open(uriOf('case/care-plan.yaml'), CARE_PLAN);
    await client.diagnosticsFor(uriOf('case/care-plan.yaml'), 1);
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as {
      watchers: { globPattern: string }[];
    };
    assert.deepEqual(watchers.watchers.slice(0, 2).map((w) => w.globPattern), ['**/*.{yaml,yml}', '**/{.careplan.yaml,.careplan.yml,careplan.config.yaml}']);
    assert.ok(client.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
    client.close(uriOf('case/care-plan.yaml'));
  });

  it('publishes diagnostics for an unsaved buffer on open: rule id, doc link, source, data', async () => {
    client.open(reviewUri, REVIEW);
    const { diagnostics } = await client.diagnosticsFor(reviewUri, 1);
    assert.deepEqual(messages(diagnostics), [
      '1:child-voice',
      '1:permanence-plan',
      '10:review-sequence',
      '14:reference-unlinked',
      '27:action-timescale',
      '30:expectation-incomplete',
      '32:expectation-generic',
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'careplan');
      const page = fileURLToPath(d.codeDescription!.href);
      assert.equal(path.basename(page), `${d.code}.md`);
      assert.ok(existsSync(page), `${page} exists`);
      assert.equal(typeof (d.data as { pointer: string }).pointer, 'string');
    }
    const timescale = diagnostics.find((d) => d.code === 'action-timescale')!;
    assert.deepEqual(timescale.data, { status: 'vague', proposedDue: '2025-05-22', pointer: '/actions/1/timescale' });
    assert.equal(timescale.severity, 2);
  });

  it('uses the workspace index: a closed file on disk satisfies `care_plan:`, an open buffer satisfies `path:`', async () => {
    // review-2 names cp-CH000123-2025-01, which only exists in a closed file: no reference-missing above.
    const uri = uriOf('case/notes.yaml');
    const text = REVIEW.replace('../education/pep-2025-01.md', 'draft.yaml').replace('id: review-CH000123-2025-04-24', 'id: notes-1');
    client.open(uri, text);
    let d = await client.diagnosticsFor(uri, 1);
    assert.ok(messages(d.diagnostics).includes('37:reference-missing'), 'draft.yaml does not exist yet');
    client.open(uriOf('case/draft.yaml'), 'kind: review\nid: draft\n');
    const v = client.change(uri, text + '\n');
    d = await client.diagnosticsFor(uri, v);
    assert.ok(!messages(d.diagnostics).includes('37:reference-missing'), 'an unsaved buffer counts as a file');
    client.close(uri);
    client.close(uriOf('case/draft.yaml'));
  });

  it('on change: diagnostics for the new version', async () => {
    const version = client.edit(reviewUri, [
      { range: { start: { line: 27, character: 0 }, end: { line: 27, character: 0 } }, newText: '  - id: A3\n    action: Book the dentist\n    owner: Mother\n' },
    ]);
    const { diagnostics } = await client.diagnosticsFor(reviewUri, version);
    assert.ok(messages(diagnostics).includes('28:action-timescale'), messages(diagnostics).join());
  });

  it('a burst of 20 rapid edits: published versions only go up, and the last is for the final text', async () => {
    const from = client.published.length;
    const text = REVIEW;
    let version = client.change(reviewUri, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('    timescale: ongoing'));
    let expectedText = text;
    for (let i = 0; i < 20; i++) {
      // Type "TBC " one character at a time in front of "ongoing", then more.
      const ch = 'within 3 weeks, TBC '[i];
      const character = '    timescale: '.length + i;
      version = client.edit(reviewUri, [{ range: { start: { line, character }, end: { line, character } }, newText: ch }]);
      expectedText = applyEdits(expectedText, [{ range: { start: { line, character }, end: { line, character } }, newText: ch }]);
    }
    const final = await client.diagnosticsFor(reviewUri, version);
    // A round trip after the final publish: anything stale would have been sent by now.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: reviewUri } });
    const burst = client.published.slice(from).filter((p) => p.uri === reviewUri);
    const versions = burst.map((p) => p.version!);
    assert.deepEqual([...versions].sort((a, b) => a - b), versions, `versions in order: ${versions}`);
    assert.equal(versions[versions.length - 1], version, `the last publish is for version ${version}`);
    assert.ok(versions.length <= 21);
    if (process.env.CAREPLAN_LSP_VERBOSE) console.log(`      burst: published versions ${versions.join(', ')}`);
    // The content is the engine's answer for the final text.
    const engine = createEngine(createMemoryHost([pathToUri(dir) + '/'], [pathToUri(file('education/pep-2025-01.md'))]));
    engine.index.set(uriOf('case/care-plan.yaml'), CARE_PLAN);
    const expected = await engine.check({ uri: reviewUri, text: expectedText }, applyConfig(defaultConfig(), { today: '2025-11-01' }));
    assert.deepEqual(
      final.diagnostics.map((d) => [d.code, d.message, d.range]),
      expected.findings.map((f) => [f.ruleId, f.message, f.range]),
    );
    assert.ok(expectedText.includes('timescale: within 3 weeks, TBC ongoing'));
  });

  it('code action: add `due:` for a vague timescale, applied byte-for-byte', async () => {
    const version = client.change(reviewUri, REVIEW);
    const { diagnostics } = await client.diagnosticsFor(reviewUri, version);
    const diagnostic = diagnostics.find((d) => d.code === 'action-timescale')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: reviewUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.deepEqual(actions.map((a) => a.title), [
      "Replace 'ongoing' with 'due: 2025-05-22' (22 May 2025) — change the date if another was agreed",
      'Disable action-timescale for this line',
      'Show documentation for action-timescale',
    ]);
    const change = actions[0].edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri: reviewUri, version });
    // this client did not ask for snippets: the plain text, as the CLI's --fix writes it
    assert.equal(applyEdits(REVIEW, change.edits as TextEdit[]), REVIEW.replace('    timescale: ongoing\n', '    due: 2025-05-22\n'));
    assert.ok(change.edits.every((e) => !('insertTextFormat' in e)));
    const disable = actions[1].edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(
      applyEdits(REVIEW, disable.edits as TextEdit[]),
      REVIEW.replace('    timescale: ongoing\n', '    # careplan-disable-next-line action-timescale\n    timescale: ongoing\n'),
    );
    assert.equal(actions[2].command?.command, 'careplan.showRuleDoc');
  });

  it('code action: the relative timescale refactoring writes its date as `due:`', async () => {
    const line = REVIEW.split('\n').findIndex((l) => l.includes('within 10 working days'));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: reviewUri },
      range: { start: { line, character: 5 }, end: { line, character: 5 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => a.kind === 'refactor.rewrite')!;
    assert.equal(fix.title, "Add 'due: 2025-05-09' (9 May 2025, what the timescale comes to)");
    const edits = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[];
    assert.equal(
      applyEdits(REVIEW, edits),
      REVIEW.replace('of this review   # agreed at the meeting\n', 'of this review   # agreed at the meeting\n    due: 2025-05-09\n'),
    );
  });

  it('code actions: structured expectation, references entry, and creating a missing document', async () => {
    const text = REVIEW.replace('care_plan: cp-CH000123-2025-01', 'care_plan: cp-CH000123-2026-01');
    const version = client.change(reviewUri, text);
    const { diagnostics } = await client.diagnosticsFor(reviewUri, version);
    const all = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: reviewUri },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
      context: { diagnostics, only: ['quickfix'] },
    });
    const structured = all.find((a) => a.title.startsWith('Write the expectation in full'))!;
    const out = applyEdits(text, (structured.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
    assert.ok(out.includes('    expectation: Mother will engage with services\n    evidence: ‹who checks it'));
    assert.equal(out.replace(/\n *(?:evidence:.*|by:.*|support:.*|if_not_met:.*)(?=\n)/g, ''), text);

    const reference = all.find((a) => a.title === "Add the Health assessment (IHA / RHA) to 'references:'")!;
    const withRef = applyEdits(text, (reference.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
    assert.equal(withRef.slice(0, text.length), text);
    assert.match(withRef.slice(text.length), /^  - id: health-assessment\n    type: health-assessment\n/);

    const create = all.find((a) => a.title.startsWith("Create the care-plan document 'cp-CH000123-2026-01'"))!;
    const [op, insert] = create.edit!.documentChanges! as [{ kind: string; uri: string }, TextDocumentEdit];
    assert.deepEqual(op, { kind: 'create', uri: uriOf('case/cp-CH000123-2026-01.yaml'), options: { overwrite: false, ignoreIfExists: false } });
    assert.match((insert.edits[0] as TextEdit).newText, /^kind: care-plan\n[^]*id: cp-CH000123-2026-01\n/);
    // once the editor has made the file, it is shown
    assert.deepEqual(create.command, { title: 'Open the new file', command: 'careplan.openDocument', arguments: [op.uri] });
    writeFileSync(file('case/cp-CH000123-2026-01.yaml'), (insert.edits[0] as TextEdit).newText);
    await client.request('workspace/executeCommand', create.command);
    assert.deepEqual(client.shownDocuments.pop(), { uri: op.uri, external: false, takeFocus: true });
    rmSync(file('case/cp-CH000123-2026-01.yaml'));
  });

  it('the open command shows nothing outside the workspace', async () => {
    const before = client.shownDocuments.length;
    await client.request('workspace/executeCommand', { command: 'careplan.openDocument', arguments: [pathToUri(path.join(os.tmpdir(), 'elsewhere.yaml'))] });
    assert.equal(client.shownDocuments.length, before);
  });

  it('the show-documentation command opens the rule page in the editor', async () => {
    const url = pathToUri(path.join(__dirname, '..', '..', 'docs', 'rules', 'action-timescale.md'));
    await client.request('workspace/executeCommand', { command: 'careplan.showRuleDoc', arguments: [url] });
    assert.deepEqual(client.shownDocuments.pop(), { uri: url, external: false, takeFocus: true });
  });

  it('completion: fields with descriptions, choices, and document ids', async () => {
    const text = REVIEW.replace('    timescale: ongoing\n    status: open\n', '    timescale: ongoing\n    status: \n    \n').replace(
      'care_plan: cp-CH000123-2025-01',
      'care_plan: cp',
    );
    const version = client.change(reviewUri, text);
    await client.diagnosticsFor(reviewUri, version);
    const lines = text.split('\n');
    const statusLine = lines.findIndex((l) => l === '    status: ');
    const status = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: reviewUri }, position: { line: statusLine, character: 12 } });
    assert.deepEqual(status.items.map((i) => i.label), ['open', 'done', 'dropped']);
    const keys = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: reviewUri }, position: { line: statusLine + 1, character: 4 } });
    const due = keys.items.find((i) => i.label === 'due')!;
    assert.equal(due.detail, 'Due date');
    assert.equal((due.documentation as { kind: string }).kind, 'markdown');
    assert.ok(!keys.items.some((i) => i.label === 'status'));
    const ids = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: reviewUri },
      position: { line: lines.findIndex((l) => l.includes('care_plan: cp')), character: 15 },
    });
    assert.deepEqual(ids.items.map((i) => i.label), ['cp-CH000123-2025-01']);
  });

  it('hover on a timescale: the date it comes to and how; on a key: its description', async () => {
    const version = client.change(reviewUri, REVIEW);
    await client.diagnosticsFor(reviewUri, version);
    const line = REVIEW.split('\n').findIndex((l) => l.includes('within 10 working days'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: reviewUri }, position: { line, character: 20 } });
    assert.match((hover.contents as { value: string }).value, /Comes to Friday 9 May 2025/);
    const key = await client.request<Hover>('textDocument/hover', { textDocument: { uri: reviewUri }, position: { line: 6, character: 3 } });
    assert.match((key.contents as { value: string }).value, /^\*\*Review number\*\*/);
  });

  it('definition and document links for `care_plan:` and `path:`', async () => {
    const line = REVIEW.split('\n').findIndex((l) => l.includes('care_plan:'));
    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri: reviewUri }, position: { line, character: 16 } });
    assert.deepEqual(def, { uri: uriOf('case/care-plan.yaml'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } });
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: reviewUri } });
    assert.deepEqual(links.map((l) => l.target), [uriOf('education/pep-2025-01.md'), uriOf('case/care-plan.yaml') + '#L2']);
  });

  it('document symbols: the outline of actions, expectations and references', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: reviewUri } });
    const actions = symbols.find((s) => s.name === 'actions')!;
    assert.deepEqual(actions.children!.map((c) => c.name.split(' — ')[0]), ['A1', 'A2']);
    assert.ok(symbols.find((s) => s.name === 'references')!.children!.length === 1);
  });

  it('inlay hints: the resolved date beside a relative timescale', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: reviewUri },
      range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } },
    });
    assert.deepEqual(hints.map((h) => h.label), ['→ Friday 9 May 2025']);
  });

  it('settings per resource: a rule switched off and a different "today" recheck open documents', async () => {
    const from = client.published.length;
    client.settings = { rules: { 'action-timescale': 'off', 'expectation-generic': 'error' }, today: '2025-05-01' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitFor((x) => x.uri === reviewUri, 10_000, from);
    assert.ok(!messages(p.diagnostics).some((m) => m.endsWith('action-timescale')));
    assert.equal(p.diagnostics.find((d) => d.code === 'expectation-generic')!.severity, 1);
    client.settings = {};
    const again = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const back = await client.waitFor((x) => x.uri === reviewUri, 10_000, again);
    assert.ok(messages(back.diagnostics).some((m) => m.endsWith('action-timescale')));
  });

  it('`careplan.enable: false` clears the diagnostics', async () => {
    const from = client.published.length;
    client.settings = { enable: false };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitFor((x) => x.uri === reviewUri, 10_000, from);
    assert.deepEqual(p.diagnostics, []);
    client.settings = {};
    const again = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor((x) => x.uri === reviewUri && x.diagnostics.length > 0, 10_000, again);
  });

  it('a created file on disk (watched) makes an open record that names it clean', async () => {
    const text = REVIEW.replace('care_plan: cp-CH000123-2025-01', 'care_plan: cp-new');
    const version = client.change(reviewUri, text);
    const before = await client.diagnosticsFor(reviewUri, version);
    assert.ok(messages(before.diagnostics).includes('9:reference-missing'));
    writeFileSync(file('case/cp-new.yaml'), CARE_PLAN.replace('cp-CH000123-2025-01', 'cp-new'));
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('case/cp-new.yaml'), type: 1 }] });
    const after = await client.waitFor((p) => p.uri === reviewUri, 10_000, from);
    assert.ok(!messages(after.diagnostics).includes('9:reference-missing'));
  });

  it('a broken config file shows its problems on the file itself, even closed, until it is mended', async () => {
    mkdirSync(file('strict'));
    writeFileSync(file('strict/.careplan.yaml'), 'today: 2025-11-01\nrules:\n  action-owner: loud\n');
    const configUri = uriOf('strict/.careplan.yaml');
    const record = uriOf('strict/r.yaml');
    const from = client.published.length;
    client.open(record, 'kind: review\nid: strict-1\nchild: CH-1\ndate: 2025-01-01\nactions:\n  - action: Do it\n');
    const shown = await client.waitFor((p) => p.uri === configUri, 10_000, from);
    assert.deepEqual(messages(shown.diagnostics), ['3:schema']);
    assert.match(shown.diagnostics[0].message, /'loud' is not one of the choices/);
    // The record is still checked, with the defaults.
    const checked = await client.waitFor((p) => p.uri === record, 10_000, from);
    assert.ok(messages(checked.diagnostics).includes('6:action-timescale'));

    writeFileSync(file('strict/.careplan.yaml'), 'today: 2025-11-01\nrules:\n  action-owner: error\n');
    const mended = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    const cleared = await client.waitFor((p) => p.uri === configUri, 10_000, mended);
    assert.deepEqual(cleared.diagnostics, []);
    // And the mended settings apply: a missing owner is now an error.
    const after = await client.waitFor((p) => p.uri === record && p.diagnostics.some((d) => d.code === 'action-owner'), 10_000, mended);
    assert.equal(after.diagnostics.find((d) => d.code === 'action-owner')?.severity, 1);

    // Broken again, then deleted: shown, then cleared.
    writeFileSync(file('strict/.careplan.yaml'), 'todya: 2025-11-01\n');
    let from2 = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    assert.deepEqual(messages((await client.waitFor((p) => p.uri === configUri, 10_000, from2)).diagnostics), ['1:schema']);
    rmSync(file('strict/.careplan.yaml'));
    from2 = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
    assert.deepEqual((await client.waitFor((p) => p.uri === configUri, 10_000, from2)).diagnostics, []);
    client.close(record);
  });

  it('a nested config adds to the one above it, and a change to a config it extends applies at once (issue 13)', async () => {
    mkdirSync(file('team'));
    mkdirSync(file('cascade'));
    writeFileSync(file('team/base.yaml'), 'rules:\n  action-owner: error\n');
    writeFileSync(file('cascade/.careplan.yaml'), 'extends: ../team/base.yaml\nrules:\n  action-timescale: off\n');
    const record = uriOf('cascade/r.yaml');
    const from = client.published.length;
    client.open(record, 'kind: review\nid: cascade-1\nchild: CH-2\ndate: 2025-01-01\nactions:\n  - action: Do it\n');
    const first = await client.waitFor((p) => p.uri === record, 10_000, from);
    // the extended file's error, this file's off, and the root config's today (no overdue action in 2025-11)
    assert.equal(first.diagnostics.find((d) => d.code === 'action-owner')?.severity, 1);
    assert.ok(!messages(first.diagnostics).includes('6:action-timescale'));

    writeFileSync(file('team/base.yaml'), 'rules:\n  action-owner: hint\n');
    const changed = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('team/base.yaml'), type: 2 }] });
    const after = await client.waitFor((p) => p.uri === record && p.diagnostics.some((d) => d.code === 'action-owner' && d.severity === 4), 10_000, changed);
    assert.ok(!messages(after.diagnostics).includes('6:action-timescale'));
    client.close(record);
  });

  it("changing one open buffer's id rechecks the open records that name it (unsaved, nothing on disk)", async () => {
    const a = uriOf('case/a.yaml');
    const b = uriOf('case/b.yaml');
    client.open(a, 'kind: review\nid: a-1\nchild: CH-1\ndate: 2025-01-01\nreview:\n  care_plan: cp-draft\n');
    const first = await client.diagnosticsFor(a, 1);
    assert.ok(messages(first.diagnostics).includes('6:reference-missing'));
    client.open(b, 'kind: care-plan\nid: cp-other\nchild: CH-1\ndate: 2025-01-01\n');
    await client.diagnosticsFor(b, 1);
    const from = client.published.length;
    client.change(b, 'kind: care-plan\nid: cp-draft\nchild: CH-1\ndate: 2025-01-01\n');
    const again = await client.waitFor((p) => p.uri === a, 10_000, from);
    assert.equal(again.version, 1);
    assert.ok(!messages(again.diagnostics).includes('6:reference-missing'));
    client.close(a);
    client.close(b);
  });

  it('duplicate ids point at the other document (relatedInformation)', async () => {
    const uri = uriOf('case/copy.yaml');
    client.open(uri, CARE_PLAN);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const dup = diagnostics.find((d: Diagnostic) => d.code === 'duplicate-id')!;
    assert.equal(dup.relatedInformation![0].location.uri, uriOf('case/care-plan.yaml'));
    client.close(uri);
  });

  it('YAML that is not a care-plan record gets nothing', async () => {
    const other = uriOf('workflow.yaml');
    const from = client.published.length;
    client.open(other, 'name: build\non:\n  push:\n    \n');
    const completion = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: other }, position: { line: 3, character: 4 } });
    const hover = await client.request('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 1 } });
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.equal(completion, null);
    assert.equal(hover, null);
    assert.equal(symbols, null);
    // A record opened after it gets its diagnostics; the workflow file got none.
    client.open(uriOf('case/later.yaml'), 'kind: review\nid: later\n');
    await client.diagnosticsFor(uriOf('case/later.yaml'), 1);
    assert.ok(!client.published.slice(from).some((p) => p.uri === other));
  });

  it('keeps serving after hostile input (binary-ish text, an alias bomb, broken YAML)', async () => {
    const bomb = 'kind: review\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const cases = { 'bomb.yaml': bomb, 'broken.yaml': 'kind: review\nid: [unclosed\n  - : :\n\t- tab', 'nul.yaml': 'kind: review\n\u0000\u0001\uFFFD' };
    for (const [name, text] of Object.entries(cases)) {
      client.open(uriOf(name), text);
      const { diagnostics } = await client.diagnosticsFor(uriOf(name), 1);
      assert.ok(diagnostics.length > 0, name);
      await client.request('textDocument/hover', { textDocument: { uri: uriOf(name) }, position: { line: 1, character: 2 } });
      await client.request('textDocument/completion', { textDocument: { uri: uriOf(name) }, position: { line: 1, character: 2 } });
    }
    assert.equal(client.proc.exitCode, null);
  });
});

describe('language server over node IPC', function () {
  this.timeout(20_000);
  it('initializes and publishes diagnostics, as the VS Code client uses it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<{ uri: string; diagnostics: Diagnostic[] }>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', resolve),
    );
    connection.listen();
    try {
      const init = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null })) as {
        serverInfo: { name: string };
      };
      assert.equal(init.serverInfo.name, 'careplan');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'untitled:Untitled-1', languageId: 'yaml', version: 1, text: 'kind: review\nid: x\nchild: CH-1\ndate: 2025-01-01\nactions:\n  - action: Do it\n' },
      });
      const p = await published;
      assert.ok(p.diagnostics.some((d) => d.code === 'action-timescale'));
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

describe('language server: records that are not open', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  const FLAWED = 'kind: review\nid: r-1\nchild: CH-1\ndate: 2025-01-01\nactions:\n  - action: Do it\n    owner: Social worker\n';
  const file = (rel: string) => path.join(dir, rel);
  const uriOf = (rel: string) => pathToUri(file(rel));

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-closed-'));
    mkdirSync(file('a'));
    writeFileSync(file('.careplan.yaml'), 'today: 2025-11-01\n');
    writeFileSync(file('a/review.yaml'), FLAWED);
    writeFileSync(file('a/notes.yaml'), 'title: not a record\nitems: [1, 2]\n');
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are checked from disk, so the Problems panel lists their findings; opening and closing hands them over', async () => {
    const review = uriOf('a/review.yaml');
    const fromDisk = await client.waitFor((p) => p.uri === review);
    assert.equal(fromDisk.version, undefined, 'a closed file has no version');
    assert.ok(messages(fromDisk.diagnostics).includes('6:action-timescale'), messages(fromDisk.diagnostics).join(', '));

    // Open with the timescale added in the buffer: the as-you-type check takes over.
    const opened = client.published.length;
    client.open(review, FLAWED.replace('    owner: Social worker\n', '    owner: Social worker\n    due: 2025-12-01\n'), 1);
    const buffer = await client.diagnosticsFor(review, 1);
    assert.ok(!messages(buffer.diagnostics).includes('6:action-timescale'));

    // Closed unsaved: what is on disk shows again.
    client.close(review);
    const again = await client.waitFor((p) => p.uri === review && p.version === undefined && p.diagnostics.length > 0, 10_000, opened);
    assert.ok(messages(again.diagnostics).includes('6:action-timescale'));

    // Opened as something that is not a record (say, restored unsaved text): the findings from disk go.
    const notRecord = client.published.length;
    client.open(review, 'title: a draft\n', 2);
    const clearedOnOpen = await client.waitFor((p) => p.uri === review, 10_000, notRecord);
    assert.deepEqual(clearedOnOpen.diagnostics, []);
    client.close(review);
  });

  it('YAML that is not a record gets nothing, open or closed', async () => {
    const notes = uriOf('a/notes.yaml');
    client.open(notes, 'title: not a record\nitems: [1, 2]\n', 1);
    client.close(notes); // now checked from disk, queued before the record below
    const marker = uriOf('a/marker.yaml');
    writeFileSync(file('a/marker.yaml'), FLAWED.replace('id: r-1', 'id: r-marker'));
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marker, type: 1 }] });
    await client.waitFor((p) => p.uri === marker, 10_000, from);
    assert.ok(!client.published.some((p) => p.uri === notes));
  });

  it('follow the disk: a created record is checked, a deleted one is cleared', async () => {
    const created = uriOf('a/new.yaml');
    writeFileSync(file('a/new.yaml'), FLAWED.replace('id: r-1', 'id: r-2'));
    let from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 1 }] });
    const shown = await client.waitFor((p) => p.uri === created, 10_000, from);
    assert.ok(messages(shown.diagnostics).includes('6:action-timescale'));

    rmSync(file('a/new.yaml'));
    from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: created, type: 3 }] });
    const cleared = await client.waitFor((p) => p.uri === created, 10_000, from);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('`careplan.checkClosedFiles: false` clears them', async () => {
    const review = uriOf('a/review.yaml');
    client.settings = { checkClosedFiles: false };
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor((p) => p.uri === review && p.diagnostics.length === 0, 10_000, from);
  });
});

describe('language server: a client that takes only plain diagnostics', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-plain-'));
    writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
    client = new LspClient();
    // As Neovim 0.7 and eglot 1.9 declare it: no data, no codeDescription, no relatedInformation.
    await client.initialize(dir, {
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } } },
      },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets no fields it did not ask for, and quick fixes still work (from the last check)', async () => {
    const uri = pathToUri(path.join(dir, 'review.yaml'));
    client.open(uri, REVIEW, 1);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.data, undefined);
      assert.equal(d.codeDescription, undefined);
      assert.equal(d.relatedInformation, undefined);
      assert.equal(d.source, 'careplan');
    }
    const diagnostic = diagnostics.find((d) => d.code === 'action-timescale')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    assert.equal(actions[0].title, "Replace 'ongoing' with 'due: 2025-05-22' (22 May 2025) — change the date if another was agreed");
  });
});

describe('language server: a client that takes snippet edits (rust-analyzer\'s experimental snippetTextEdit)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-snippets-'));
    writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
    client = new LspClient();
    await client.initialize(dir, { experimental: { snippetTextEdit: true } });
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the due fix inserts the proposed date as a snippet: the cursor lands on the date, the vague timescale goes', async () => {
    const uri = pathToUri(path.join(dir, 'review.yaml'));
    client.open(uri, REVIEW, 1);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const diagnostic = diagnostics.find((d) => d.code === 'action-timescale')!;
    assert.match(diagnostic.message, /due: 2025-05-22/);
    const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const [edit] = (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as (TextEdit & { insertTextFormat?: number })[];
    assert.equal(edit.insertTextFormat, 2);
    assert.equal(edit.newText, 'due: ${1:2025-05-22}');
    assert.equal(REVIEW.split('\n')[edit.range.start.line].slice(edit.range.start.character, edit.range.end.character), 'timescale: ongoing');
  });

  it('a record with kind: Review is checked, with a finding on the kind and a fix that writes kind: review', async () => {
    const uri = pathToUri(path.join(dir, 'near-miss.yaml'));
    const text = REVIEW.replace(/^kind: review$/m, 'kind: Review');
    client.open(uri, text, 1);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const kind = diagnostics.find((d) => d.code === 'schema' && d.range.start.line === 0)!;
    assert.match(kind?.message ?? '', /careplan knows this kind of record as `review`/);
    assert.ok(diagnostics.some((d) => d.code === 'action-timescale'), 'the rest of the record is checked too');
    const [fix] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: kind.range, context: { diagnostics: [kind] } });
    assert.equal(fix.title, "Write 'kind: review'");
    assert.equal(applyEdits(text, (fix.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]), REVIEW);
  });
});

describe('language server: one file, two spellings of its URI', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  const FLAWED = 'kind: review\nid: r-1\nchild: CH-1\ndate: 2025-01-01\nwishes_and_feelings: { child: K says she is happy. }\nactions:\n  - action: Do it\n    owner: Social worker\n';

  before(async () => {
    // Node's pathToFileURL (the test client) leaves ' ( ) as they are; the server's own spelling escapes them.
    dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-uri-')), "O'Brien (J)");
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
    writeFileSync(path.join(dir, 'review.yaml'), FLAWED);
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('an open record is one document: no findings from disk on top, no duplicate of itself', async () => {
    const asClientSpellsIt = pathToUri(path.join(dir, 'review.yaml'));
    assert.ok(asClientSpellsIt.includes("O'Brien%20(J)"), asClientSpellsIt);
    await client.waitFor((p) => p.version === undefined && p.diagnostics.length > 0); // the disk copy, shown closed
    client.open(asClientSpellsIt, FLAWED.replace('    owner', '    due: 2025-12-01\n    owner'), 1);
    const open = await client.diagnosticsFor(asClientSpellsIt, 1);
    assert.deepEqual(messages(open.diagnostics).filter((m) => !m.endsWith(':schema')), []);

    // Everything is rechecked; the marker file is checked after the record would be.
    const from = client.published.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    writeFileSync(path.join(dir, 'marker.yaml'), FLAWED.replace('id: r-1', 'id: r-marker'));
    const marker = pathToUri(path.join(dir, 'marker.yaml'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: marker, type: 1 }] });
    await client.waitFor((p) => p.uri.endsWith('marker.yaml') && p.diagnostics.length > 0, 10_000, from);
    const later = client.published.slice(from).filter((p) => /\/review\.yaml$/.test(p.uri));
    assert.ok(later.every((p) => p.version !== undefined), 'nothing from disk for the open record');
    assert.ok(later.every((p) => !messages(p.diagnostics).some((m) => /action-timescale|duplicate-id/.test(m))), JSON.stringify(later.map((p) => messages(p.diagnostics))));
  });
});
