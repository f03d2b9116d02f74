/** The command-line defects a team lead met (issue 13), each shown fixed. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { action, CLI, futureReview, runCli, workspace } from '../support/cli';

// A reference whose path carries escape sequences (clear screen, retitle, red) and a form feed;
// careplan quotes the path in its finding.
const HOSTILE = futureReview(
  'CH-000998',
  action('A1', '"Call the school \\e[2J\\e]0;pwned\\a \\f now"', 'timescale: "ongoing \\e[31m"'),
  'references:\n  - { id: R1, type: other, title: Notes, path: "notes\\e[2J\\e]0;pwned\\a\\e[31m\\f.md" }\n',
);

describe('careplan lint: defects of the command line (issue 13)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('rejects --today that is not a real date, and a negative --max-warnings', () => {
    const dir = workspace({ 'r.yaml': HOSTILE });
    for (const args of [['--today', '2025-02-30'], ['--today', '2025-13-01'], ['--max-warnings', '-5'], ['--max-warnings', '1.5']]) {
      const r = runCli(['lint', ...args, '.'], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /careplan: --(today takes a real date|max-warnings takes a whole number, 0 or more)/);
    }
    assert.equal(runCli(['lint', '--today', '2024-02-29', '--max-warnings', '5', '.'], dir).code, 1, 'a real date and a count are taken: exit 1 for the missing file');
  });

  it('says plainly when the report file cannot be written (no stack trace), exit 2', () => {
    const dir = workspace({ 'r.yaml': HOSTILE });
    const r = runCli(['lint', '-f', 'sarif', '-o', 'nodir/x.sarif', '.'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'careplan: cannot write the report to nodir/x.sarif: its folder does not exist.\n');
  });

  it('never sends control characters from a record to the terminal, with or without colour', () => {
    const dir = workspace({ 'r.yaml': HOSTILE });
    for (const color of [['--no-color'], []]) {
      const r = runCli(['lint', ...color, '.'], dir);
      assert.doesNotMatch(r.stdout.replace(/\u001b\[[0-9;]*m/g, color.length ? '\u0000' : ''), /[\u0000-\u0008\u000b-\u001f\u007f]/);
      assert.match(r.stdout, /\\u001b\[31m/, 'shown as a visible escape');
    }
    const gh = runCli(['lint', '-f', 'github', '.'], dir);
    assert.doesNotMatch(gh.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('writes JUnit XML that an XML parser reads, whatever characters the record holds', () => {
    const dir = workspace({ 'r.yaml': HOSTILE });
    const r = runCli(['lint', '-f', 'junit', '.'], dir);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no character XML 1.0 forbids');
    assert.match(r.stdout, /\\u001b/);
  });

  it('reports disable comments naming unknown checks, and with --report-unused-disable-directives those hiding nothing', () => {
    const review = HOSTILE.replace(/references:\n.*\n/, '').replace('timescale: "ongoing \\e[31m"', 'timescale: ongoing   # careplan-disable-line action-timescal').replace(
      '    status: open',
      '    status: open   # careplan-disable-line action-owner',
    );
    const dir = workspace({ 'r.yaml': review });
    const plain = runCli(['lint', '.'], dir);
    assert.match(plain.stdout, /'action-timescal' is not a careplan check.*did you mean 'action-timescale'\?\s+disable-comment/);
    assert.match(plain.stdout, /action-timescale\n/, 'the misspelt comment hides nothing');
    assert.doesNotMatch(plain.stdout, /hides no finding/);
    const asked = runCli(['lint', '--report-unused-disable-directives', '.'], dir);
    assert.match(asked.stdout, /This careplan-disable-line comment hides no finding — remove it\.\s+disable-comment/);
  });

  it('--fix writes the one check id a misspelt disable comment can mean', () => {
    const dir = workspace({ 'r.yaml': `# careplan-disable-file action-ownr\n${futureReview('CH-000123', action('A1', 'Book the review health assessment', 'due: 2099-11-01'))}` });
    const r = runCli(['lint', '--fix', '.'], dir);
    assert.match(r.stdout, /1 problem fixed/);
    assert.match(fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), /^# careplan-disable-file action-owner\n/);
  });
});
