/**
 * A team's config as ESLint's cascade reads it (issue 13): the project root found from the files,
 * nested configs over their parents, `root: true`, `extends:` presets and files, `overrides:`
 * by glob, `--print-config`, and misspelt keys stopping the run with their line.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { action, CLI, futureReview, runCli, workspace } from '../support/cli';

// One vague timescale.
const reviewOf = (n: number) => futureReview(`CH-00090${n}`, action('A1', 'Book the review health assessment', 'timescale: ongoing'));
const REVIEW = reviewOf(9);
const repo = (files: Record<string, string>) => workspace(files, { git: true });

/** Each finding as "file rule severity", from the JSON report, paths from the repo root. */
function findings(dir: string, cwd: string, args: string[] = []): string[] {
  const r = runCli(['lint', '--format', 'json', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const out: string[] = [];
  for (const f of JSON.parse(r.stdout)) for (const m of f.findings) out.push(`${path.relative(dir, f.filePath)} ${m.ruleId} ${m.severity}`);
  return out.sort();
}

describe('team config (built CLI)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('finds the project root from the files, so a subfolder gives the same answer as the root', () => {
    const dir = repo({ '.careplan.yaml': 'rules:\n  action-timescale: error\n', 'records/CH-1/review.yaml': REVIEW });
    const fromRoot = findings(dir, dir);
    assert.deepEqual(fromRoot, ['records/CH-1/review.yaml action-timescale error']);
    assert.deepEqual(findings(dir, path.join(dir, 'records', 'CH-1')), fromRoot);
    // and a path argument from elsewhere finds the same project
    assert.deepEqual(findings(dir, os.tmpdir(), [path.join(dir, 'records')]), fromRoot);
  });

  it('merges a nested config over its parent instead of replacing it; root: true stops the search', () => {
    const dir = repo({
      '.careplan.yaml': 'rules:\n  action-timescale: error\n  child-voice: off\n',
      'records/.careplan.yaml': 'rules:\n  action-owner: off\n',
      'records/r.yaml': REVIEW.replace('    owner: Social worker\n', ''),
    });
    // the parent's error and the child's off both apply
    assert.deepEqual(findings(dir, dir), ['records/r.yaml action-timescale error']);
    fs.writeFileSync(path.join(dir, 'records', '.careplan.yaml'), 'root: true\nrules:\n  action-owner: off\n');
    assert.deepEqual(findings(dir, dir), ['records/r.yaml action-timescale warning']);
  });

  it('extends the built-in presets and a relative file, this file on top', () => {
    const dir = repo({ '.careplan.yaml': 'extends: careplan:strict\n', 'r.yaml': REVIEW });
    // strict also asks for every section of careplan's review template (required-fields)
    assert.deepEqual(findings(dir, dir), ['r.yaml action-timescale error', 'r.yaml required-fields error']);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'extends: [careplan:strict, team/base.yaml]\nrules:\n  action-owner: warning\n');
    fs.mkdirSync(path.join(dir, 'team'));
    fs.writeFileSync(path.join(dir, 'team', 'base.yaml'), 'rules:\n  action-timescale: off\n');
    assert.deepEqual(findings(dir, dir), ['r.yaml required-fields error']);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'extends: careplan:recommended\n');
    assert.deepEqual(findings(dir, dir), ['r.yaml action-timescale warning']);
  });

  it('stops with exit 2 on an extends loop, a missing extended file or an unknown preset', () => {
    const dir = repo({ '.careplan.yaml': 'extends: a.yaml\n', 'a.yaml': 'extends: .careplan.yaml\n', 'r.yaml': REVIEW });
    let r = runCli(['lint'], dir);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /extend each other in a loop \(\.careplan\.yaml → a\.yaml → \.careplan\.yaml\)/);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'extends: team/missing.yaml\n');
    r = runCli(['lint'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /In team\/missing\.yaml, which this file extends: The config file cannot be opened/);
    // only presets and YAML files: the editor's untrusted-workspace promise names what it reads
    for (const bad of ['careplan:lenient', '../outside/notes.txt']) {
      fs.writeFileSync(path.join(dir, '.careplan.yaml'), `extends: ${bad}\n`);
      r = runCli(['lint'], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /\.careplan\.yaml has problems/);
    }
  });

  it("extends a shared config installed as a package (its careplan.yaml, from the project's node_modules)", () => {
    const dir = repo({
      '.careplan.yaml': 'extends: "@council/careplan-config"\n',
      'node_modules/@council/careplan-config/careplan.yaml': 'rules:\n  action-timescale: error\n  required-fields: { fields: { review: [discussion] } }\n',
      'records/r.yaml': REVIEW,
    });
    assert.deepEqual(findings(dir, path.join(dir, 'records')), ['records/r.yaml action-timescale error', 'records/r.yaml required-fields warning']);
    fs.rmSync(path.join(dir, 'node_modules'), { recursive: true });
    const r = runCli(['lint'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /The shared config '@council\/careplan-config' is not installed in this project/);
    // a package linked from outside the project (npm install ../shared) is refused, and said so
    const outside = workspace({ 'careplan.yaml': 'rules:\n  action-owner: off\n' });
    fs.mkdirSync(path.join(dir, 'node_modules', '@council'), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, 'node_modules', '@council', 'careplan-config'));
    const linked = runCli(['lint'], dir);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /The shared config '@council\/careplan-config' cannot be used \(node_modules\/@council\/careplan-config\/careplan\.yaml\): This path leads outside the workspace/);
  });

  it('applies overrides to the files their globs match, relative to the config', () => {
    const dir = repo({
      'records/.careplan.yaml': 'overrides:\n  - files: "plans/**"\n    rules:\n      action-timescale: error\n  - files: old-*.yaml\n    rules:\n      action-timescale: off\n',
      'records/plans/r.yaml': reviewOf(1),
      'records/r.yaml': reviewOf(2),
      'records/x/old-r.yaml': reviewOf(3),
      'plans/r.yaml': reviewOf(4),
    });
    assert.deepEqual(findings(dir, dir), ['plans/r.yaml action-timescale warning', 'records/plans/r.yaml action-timescale error', 'records/r.yaml action-timescale warning']);
  });

  it('gives documents: globs of a parent config relative to that config', () => {
    const noKind = REVIEW.replace('kind: review\n', '');
    const dir = repo({ '.careplan.yaml': 'documents:\n  "records/**/rev-*.yaml": review\n', 'records/.careplan.yaml': 'rules: {}\n', 'records/CH-1/rev-1.yaml': noKind });
    // judged as a review (its timescale checked), and asked to say so itself
    assert.deepEqual(findings(dir, dir), ['records/CH-1/rev-1.yaml action-timescale warning', 'records/CH-1/rev-1.yaml schema error']);
  });

  it('prints the settings for a file and the configs they come from (--print-config)', () => {
    const dir = repo({
      '.careplan.yaml': 'extends: careplan:strict\nrules:\n  action-overdue: warning\n',
      'records/.careplan.yaml': 'overrides:\n  - files: r.yaml\n    rules:\n      child-voice: off\n',
      'records/r.yaml': REVIEW,
    });
    const r = runCli(['lint', '--print-config', 'r.yaml'], path.join(dir, 'records'));
    assert.equal(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    assert.deepEqual(printed.configFiles, ['careplan:strict', '../.careplan.yaml', '.careplan.yaml']);
    assert.equal(printed.rules['action-overdue'].severity, 'warning');
    assert.equal(printed.rules['child-voice'].severity, 'off');
    assert.equal(printed.rules['action-timescale'].severity, 'error');
    assert.deepEqual(printed.rules['reference-unlinked'], { severity: 'error', flag_listed_detail: true });
    assert.equal(printed.timescales.review_intervals.later_months, 6);
  });

  it('stops with exit 2 and the line on a misspelt key inside a rule or at the top', () => {
    const dir = repo({ '.careplan.yaml': 'rules:\n  action-timescale: { sevrity: off }\n', 'r.yaml': REVIEW });
    let r = runCli(['lint'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /2:\d+ +`sevrity` is not a field of a rule setting — did you mean `severity`\?/);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'rules:\n  reference-unlinked: { flag_listed_details: true }\n');
    r = runCli(['lint'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /did you mean `flag_listed_detail`/);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'expectations:\n  vague_phrase: [be good]\n');
    r = runCli(['lint'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, /2:3 /);
  });

  it('checks a piped text as the file --stdin-filename names: its config, its kind, in place of the disk copy', () => {
    const dir = repo({ '.careplan.yaml': 'rules:\n  action-timescale: error\n', 'records/r.yaml': 'kind: review\n' });
    const piped = (args: string[], input: string) => {
      const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', ...args], { cwd: path.join(dir, 'records'), input, encoding: 'utf8' });
      return { code: r.status, out: r.stdout ? JSON.parse(r.stdout) : undefined, stderr: r.stderr };
    };
    const r = piped(['--stdin', '--stdin-filename', 'r.yaml'], REVIEW);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.out.length, 1);
    assert.equal(r.out[0].filePath, path.join(dir, 'records', 'r.yaml'));
    assert.deepEqual(r.out[0].findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId} ${f.severity}`), ['action-timescale error']);
    // an empty text is no record: nothing to report
    assert.deepEqual(piped(['--stdin', '--stdin-filename', 'r.yaml'], ''), { code: 0, out: [], stderr: '' });
    // UTF-16 with a BOM, as Notepad saves, is read like a file
    const bom = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--stdin'], { cwd: dir, input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REVIEW, 'utf16le')]) });
    assert.equal(JSON.parse(bom.stdout.toString())[0].findings[0].ruleId, 'action-timescale');
    assert.equal(piped(['--stdin', 'r.yaml'], REVIEW).code, 2, 'paths and --stdin together');
    assert.equal(piped(['--stdin-filename', 'r.yaml'], REVIEW).code, 2, '--stdin-filename without --stdin');
  });
});
