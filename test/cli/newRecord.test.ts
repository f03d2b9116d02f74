import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, workspace } from '../support/cli';

describe('careplan new and careplan init (built CLI)', function () {
  this.timeout(60_000);

  it("uses the team's template when --dir reaches the folder through a link", () => {
    const dir = workspace(
      { '.careplan.yaml': 'templates: templates\nignore: [templates/**]\n', 'templates/review.yaml': 'kind: review\n# TEAM\nid: r-{{child}}\nchild: {{child}}\ndate: {{today}}\nnext: {{today+99999m}}\n', 'CH-000123/.keep': '' },
      { git: true },
    );
    const link = `${dir}-link`;
    fs.symlinkSync(dir, link);
    const r = runCli(['new', 'review', '--child', 'CH-000123', '--dir', path.join(link, 'CH-000123'), '--date', '2026-12-06', '--stdout'], path.dirname(dir));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /# TEAM/);
    // a date past the calendar is left as written, for template-placeholder to report, not a crash
    assert.match(r.stdout, /next: \{\{today\+99999m\}\}/);
  });

  it("names a new record as the editor's New command does: a name taken in another case is taken", () => {
    const dir = workspace({ 'CH-000123/Review-2026-12-06.yaml': 'kind: review\n' }, { git: true });
    const made = () => {
      const r = runCli(['new', 'review', '--child', 'CH-000123', '--dir', 'CH-000123', '--date', '2026-12-06'], dir);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout;
    };
    // on Windows and macOS review-… and Review-… are one file: the first free name is -2, then -3
    assert.match(made(), /review-2026-12-06-2\.yaml/);
    assert.match(made(), /review-2026-12-06-3\.yaml/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'CH-000123')).sort(), ['Review-2026-12-06.yaml', 'review-2026-12-06-2.yaml', 'review-2026-12-06-3.yaml']);
    assert.equal(fs.readFileSync(path.join(dir, 'CH-000123', 'Review-2026-12-06.yaml'), 'utf8'), 'kind: review\n', 'never written over');
  });

  it('says which files it could not write, and exits 2; a file already there is skipped, and exits 0', () => {
    const dir = workspace({ '.git/HEAD': 'ref: refs/heads/main\n', templates: 'a file where the folder would go\n' });
    const r = runCli(['init', '--no-ci'], dir);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stdout, /could not write templates\/review\.yaml: templates is not a folder inside the project/);
    assert.match(r.stdout, /wrote {3}\.careplan\.yaml/);
    fs.rmSync(path.join(dir, 'templates'));
    const again = runCli(['init', '--no-ci'], dir);
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /skipped \.careplan\.yaml: it already exists/);
    assert.match(again.stdout, /wrote {3}templates\/review\.yaml/);
  });

  it('in a git worktree (.git is a file) writes the .gitignore but no hook, and says why', () => {
    const dir = workspace({ '.git': 'gitdir: /elsewhere/.git/worktrees/w\n' });
    const r = runCli(['init', '--no-templates', '--no-ci'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(dir, '.gitignore')));
    assert.match(r.stdout, /no git hook: this is a git worktree or submodule/);
  });
});
