/**
 * The files the CLI writes for itself (a report with -o, the --cache file) sit where a repository
 * can put a link or a pipe of the same name: never written through, never waited on.
 */
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, action, futureReview, workspace } from '../support/cli';

function lint(args: string[], cwd: string): { code: number | null; stderr: string; signal: string | null } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stderr: r.stderr, signal: r.signal };
}

describe('files the CLI writes for itself: never through a link, never into a pipe', function () {
  this.timeout(120_000);
  const record = futureReview('CH-000123', action('A1', 'Book the review health assessment', 'due: 2099-11-01'));

  it('-o refuses a link (the file it leads to is untouched) and a pipe (no hang)', () => {
    const outside = workspace({ 'victim.txt': 'keep me\n' });
    const dir = workspace({ 'r.yaml': record }, { git: true });
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(dir, 'careplan.sarif'));
    let r = lint(['--format', 'sarif', '--output-file', 'careplan.sarif', '.'], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot write the report to careplan\.sarif: it is a link/);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8'), 'keep me\n');
    fs.unlinkSync(path.join(dir, 'careplan.sarif'));
    execFileSync('mkfifo', [path.join(dir, 'careplan.sarif')]);
    r = lint(['--format', 'sarif', '--output-file', 'careplan.sarif', '.'], dir);
    assert.equal(r.signal, null, 'it must not wait on the pipe');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /a pipe or a device/);
    // the same for a JSON report, which is written as it goes
    r = lint(['--format', 'json', '--output-file', 'careplan.sarif', '.'], dir);
    assert.equal(r.signal, null);
    assert.equal(r.code, 2, r.stderr);
  });

  it('--cache replaces a link at the cache location instead of writing through it, and reads no pipe', () => {
    const outside = workspace({ 'victim.txt': 'keep me\n' });
    const dir = workspace({ 'r.yaml': record }, { git: true });
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(dir, '.careplancache'));
    let r = lint(['--cache', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8'), 'keep me\n');
    assert.ok(fs.lstatSync(path.join(dir, '.careplancache')).isFile(), 'the link was replaced by the cache itself');
    fs.unlinkSync(path.join(dir, '.careplancache'));
    execFileSync('mkfifo', [path.join(dir, '.careplancache')]);
    r = lint(['--cache', '.'], dir);
    assert.equal(r.signal, null, 'it must not wait on the pipe');
    assert.equal(r.code, 0, r.stderr);
  });
});
