/** careplan lint --fix and --fix-dry-run (issue 13): the editor's safe edits, saved or shown. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli, workspace } from '../support/cli';

const REVIEW = `# Review 1 (fictional) — comments stay where they are
kind: review
id: review-CH000993-2099-10-24
child: CH-000993
date: 24/10/2099   # as typed in the meeting
review: { number: 1, chair: IRO, next_review_due: 2099-11-21 }
actions:
  - id: A1
    action: Book the review health assessment
    ownr: Social worker      # who
    due: 2099-11-07
    status: open
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
`;
const FIXED = REVIEW.replace('date: 24/10/2099', 'date: 2099-10-24').replace('ownr:', 'owner:');

describe('careplan lint --fix', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('--fix-dry-run shows the fixed text and leaves the file alone', () => {
    const dir = workspace({ 'r.yaml': REVIEW });
    const r = runCli(['lint', '--fix-dry-run', '--format', 'json', '.'], dir);
    assert.equal(r.code, 0, r.stderr);
    const [file] = JSON.parse(r.stdout);
    assert.equal(file.output, FIXED);
    assert.equal(file.fixedCount, 2);
    assert.deepEqual(file.findings, []);
    assert.equal(fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), REVIEW);
  });

  it('--fix saves the fixes (every other byte kept, a UTF-8 BOM too) and a second lint is clean', () => {
    const dir = workspace({ 'r.yaml': `\ufeff${REVIEW}` });
    const r = runCli(['lint', '--fix', '.'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✔ 2 problems fixed in 1 record/);
    assert.equal(fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), `\ufeff${FIXED}`);
    assert.match(runCli(['lint', '.'], dir).stdout, /1 record checked, no problems found/);
  });

  it('leaves a file alone when nothing is safe to fix, and refuses --fix with --stdin', () => {
    const vague = REVIEW.replace('    due: 2099-11-07\n', '    timescale: ongoing\n').replace('date: 24/10/2099', 'date: 2099-10-24').replace('ownr:', 'owner:');
    const dir = workspace({ 'r.yaml': vague });
    const before = fs.statSync(path.join(dir, 'r.yaml')).mtimeMs;
    const r = runCli(['lint', '--fix', '.'], dir);
    assert.match(r.stdout, /action-timescale/);
    assert.doesNotMatch(r.stdout, /fixed/);
    assert.equal(fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), vague);
    assert.equal(fs.statSync(path.join(dir, 'r.yaml')).mtimeMs, before, 'not even rewritten');
    assert.equal(runCli(['lint', '--fix', '--stdin'], dir).code, 2);
  });
});
