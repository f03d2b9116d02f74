/** SARIF that code scanning shows well (issue 13): help from the rule pages, no local paths, stable fingerprints. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { action, CLI, futureReview, runCli, workspace } from '../support/cli';
import { RULE_INFO } from '../../server/src/service';

const REVIEW = futureReview(
  'CH-000997',
  action('A1', 'Book the review health assessment', 'timescale: ongoing') + action('A2', 'Share the plan with the school', 'timescale: ongoing'),
);

/** Every string value in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

function sarifFor(text: string): { runs: { tool: { driver: { rules: Record<string, unknown>[] } }; results: Record<string, any>[] }[] } {
  const dir = workspace({ 'r.yaml': text });
  const r = runCli(['lint', '-f', 'sarif', '.'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const log = JSON.parse(r.stdout);
  assert.deepEqual(strings(log).filter((v) => /^file:/.test(v) || v.includes(dir) || v.includes(os.tmpdir())), [], 'no address on the machine that ran the lint');
  return log;
}

describe('careplan lint -f sarif', () => {
  it('gives paths from the project root, wherever the lint ran', () => {
    const dir = workspace({ 'records/r.yaml': REVIEW }, { git: true });
    const r = runCli(['lint', '-f', 'sarif', '.'], path.join(dir, 'records'));
    const uris = JSON.parse(r.stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(uris.length > 0);
    for (const u of uris) assert.equal(u, 'records/r.yaml');
  });

  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('gives every rule its page as help (text and markdown) and no local help address', () => {
    const { rules } = sarifFor(REVIEW).runs[0].tool.driver;
    assert.deepEqual(rules.map((r) => r.id), RULE_INFO.map((r) => r.id));
    for (const r of rules as { id: string; help: { text: string; markdown: string }; helpUri?: string }[]) {
      assert.equal(r.helpUri, undefined, r.id);
      assert.match(r.help.markdown, new RegExp(`^# ${r.id}\\n`), r.id);
      assert.ok(r.help.text.length > 30 && !r.help.text.includes('\n') && !r.help.text.startsWith('#'), `${r.id}: ${r.help.text}`);
    }
  });

  it('fingerprints each finding so that lines added above it do not make it a new alert', () => {
    const before = sarifFor(REVIEW).runs[0].results;
    const after = sarifFor(REVIEW.replace('actions:\n', 'x-note: added\nx-other: added\nactions:\n')).runs[0].results;
    const prints = (rs: Record<string, any>[]) => rs.filter((r) => r.ruleId === 'action-timescale').map((r) => r.partialFingerprints['careplanFinding/v1']);
    assert.equal(prints(before).length, 2);
    assert.notEqual(prints(before)[0], prints(before)[1], 'two findings, two fingerprints');
    assert.deepEqual(prints(after), prints(before));
    assert.notDeepEqual(after.map((r) => r.locations[0].physicalLocation.region.startLine), before.map((r) => r.locations[0].physicalLocation.region.startLine));
  });
});
