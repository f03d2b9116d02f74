import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, CLI, workspace } from '../support/cli';

// Dated far ahead so the real today never makes the clean record overdue.
const GOOD_REVIEW = `kind: review
id: review-CH000999-2025-04-24
child: CH-000999
date: 2099-10-24
review: { number: 1, chair: IRO, next_review_due: 2100-01-24 }
actions:
  - id: A1
    action: Book the review health assessment
    owner: Social worker
    due: 2100-05-09
    status: open
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
`;
const WEAK_REVIEW = GOOD_REVIEW.replace('due: 2100-05-09', 'timescale: ongoing');

describe('careplan lint (built CLI)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('exits 0 with a summary on a clean record', () => {
    const dir = workspace({ 'r.yaml': GOOD_REVIEW });
    const r = runCli(['lint', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 record checked, no problems found/);
  });

  it('prints stylish findings with line:col, severity, message and rule id', () => {
    const dir = workspace({ 'r.yaml': WEAK_REVIEW });
    const r = runCli(['lint', 'r.yaml'], dir);
    assert.equal(r.code, 0, 'warnings alone do not fail');
    assert.match(r.stdout, /^r\.yaml$/m);
    assert.match(r.stdout, /^\s+10:16\s+warning\s+.*ongoing.*\s+action-timescale$/m);
    assert.match(r.stdout, /1 problem \(0 errors, 1 warning\) in 1 record checked/);
  });

  it('exits 1 when there is an error, and 1 when warnings pass --max-warnings', () => {
    const dir = workspace({ 'r.yaml': WEAK_REVIEW.replace('child: CH-000999\n', '') });
    assert.equal(runCli(['lint', '.'], dir).code, 1);
    const warn = workspace({ 'r.yaml': WEAK_REVIEW });
    assert.equal(runCli(['lint', '--max-warnings', '0', '.'], warn).code, 1);
    assert.equal(runCli(['lint', '--max-warnings', '1', '.'], warn).code, 0);
  });

  it('writes the documented JSON contract', () => {
    const dir = workspace({ 'r.yaml': WEAK_REVIEW });
    const r = runCli(['lint', '--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 1);
    assert.equal(out[0].filePath, path.join(fs.realpathSync(dir), 'r.yaml'));
    assert.equal(out[0].kind, 'review');
    assert.equal(out[0].warningCount, 1);
    assert.deepEqual(out[0].findings[0], {
      ruleId: 'action-timescale',
      severity: 'warning',
      message: out[0].findings[0].message,
      range: { start: { line: 9, character: 15 }, end: { line: 9, character: 22 } },
      pointer: '/actions/0/timescale',
    });
  });

  it('writes SARIF, GitHub annotations and JUnit', () => {
    const dir = workspace({ 'r.yaml': WEAK_REVIEW });
    const sarif = JSON.parse(runCli(['lint', '-f', 'sarif', '.'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const res = sarif.runs[0].results[0];
    assert.equal(res.ruleId, 'action-timescale');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 10, startColumn: 16, endLine: 10, endColumn: 23 });
    assert.ok(sarif.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'expectation-generic'));
    const gh = runCli(['lint', '-f', 'github', '.'], dir).stdout;
    assert.match(gh, /^::warning file=r\.yaml,line=10,col=16,endLine=10,endColumn=23,title=careplan \(action-timescale\)::/m);
    const junit = runCli(['lint', '-f', 'junit', '.'], dir).stdout;
    assert.match(junit, /<testsuite name="r.yaml" tests="1" failures="1"/);
    assert.match(junit, /<failure type="warning"/);
  });

  it('uses --today for overdue actions', () => {
    const dir = workspace({ 'r.yaml': GOOD_REVIEW });
    const late = runCli(['lint', '--today', '2100-06-01', '-f', 'json', '.'], dir);
    // The next review and the action are both overdue by then.
    assert.deepEqual(JSON.parse(late.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId), ['review-sequence', 'action-overdue']);
    const early = runCli(['lint', '--today', '2100-01-01', '-f', 'json', '.'], dir);
    assert.deepEqual(JSON.parse(early.stdout)[0].findings, []);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(runCli(['lint', '--format', 'nope']).code, 2);
    const bad = runCli(['lint', '--today', '1/2/2025', 'samples']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--today takes a real date/);
    assert.equal(runCli(['frobnicate']).code, 2);
  });

  it('exits 2 when a path or glob matches nothing, unless told to carry on (issue 10)', () => {
    const dir = workspace({ 'r.yaml': GOOD_REVIEW });
    const typo = runCli(['lint', 'r.yml', 'nothing/**/*.yaml'], dir);
    assert.equal(typo.code, 2, typo.stdout);
    assert.match(typo.stderr, /'r\.yml', 'nothing\/\*\*\/\*\.yaml' match no file or folder/);
    assert.equal(runCli(['lint', 'r.yaml', 'r.yml'], dir).code, 2, 'one good path does not excuse a typo');
    const allowed = runCli(['lint', '--no-error-on-unmatched-pattern', 'r.yaml', 'r.yml'], dir);
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /1 record/);
  });

  it('respects .gitignore and the config ignore list', () => {
    const dir = workspace({
      '.gitignore': 'drafts/\n',
      '.careplan.yaml': 'ignore: ["archive/**"]\n',
      'drafts/r.yaml': WEAK_REVIEW,
      'archive/r.yaml': WEAK_REVIEW,
      'live/r.yaml': GOOD_REVIEW,
    });
    const out = JSON.parse(runCli(['lint', '-f', 'json', '.'], dir).stdout);
    assert.deepEqual(out.map((x: { filePath: string }) => path.basename(path.dirname(x.filePath))), ['live']);
  });

  it('applies the nearest .careplan.yaml and rejects an invalid one with exit 2', () => {
    const dir = workspace({ '.careplan.yaml': 'rules:\n  action-timescale: off\n', 'r.yaml': WEAK_REVIEW });
    assert.deepEqual(JSON.parse(runCli(['lint', '-f', 'json', '.'], dir).stdout)[0].findings, []);
    const bad = workspace({ '.careplan.yaml': 'rules:\n  action-timescal: off\n', 'r.yaml': WEAK_REVIEW });
    const r = runCli(['lint', '.'], bad);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /config file .* has problems/);
  });

  it('honours suppression comments', () => {
    const dir = workspace({ 'r.yaml': WEAK_REVIEW.replace('timescale: ongoing', 'timescale: ongoing # careplan-disable-line action-timescale') });
    assert.deepEqual(JSON.parse(runCli(['lint', '-f', 'json', '.'], dir).stdout)[0].findings, []);
  });

  it('leaves YAML files that are not care-plan records alone', () => {
    const dir = workspace({ 'ci.yaml': 'name: build\non: push\n', 'r.yaml': GOOD_REVIEW });
    const out = JSON.parse(runCli(['lint', '-f', 'json', '.'], dir).stdout);
    assert.equal(out.length, 1);
  });

  it('lists the rules', () => {
    const r = runCli(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^expectation-generic\s+warning\s+/m);
  });
});
