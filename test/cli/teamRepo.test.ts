/**
 * A team lead's path, scripted: every command block of docs/teams.md, in order, in a fresh git
 * repository, with careplan installed offline from the `npm pack` tarball (as `npm install` from
 * the registry would install it); thirty records; a commit stopped by the hook; lint from a
 * subfolder equal to lint from the root; --fix, then a clean lint; SARIF valid against its schema.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { REPO } from '../support/cli';

/** The shell blocks of docs/teams.md, in order. */
function docSteps(): string[] {
  const doc = fs.readFileSync(path.join(REPO, 'docs', 'teams.md'), 'utf8');
  return [...doc.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
}

const GIT_ENV = { GIT_AUTHOR_NAME: 'Team lead', GIT_AUTHOR_EMAIL: 'lead@example.invalid', GIT_COMMITTER_NAME: 'Team lead', GIT_COMMITTER_EMAIL: 'lead@example.invalid' };

function sh(script: string, cwd: string): { code: number; out: string; stdout: string } {
  const env = { ...process.env, ...GIT_ENV, NO_COLOR: '1', FORCE_COLOR: '', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const r = spawnSync('sh', ['-c', script], { cwd, encoding: 'utf8', env, timeout: 300_000 });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

/** A clean first review of a fictional child, far ahead of the real today; `due` as written. */
function review(n: number, due: string): string {
  const child = `CH-${String(100000 + n)}`;
  return `kind: review
id: review-${child.replace('-', '')}-2099-10-24
child: ${child}
date: 2099-10-24
review: { number: 1, chair: IRO, next_review_due: 2100-01-24 }
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
discussion: Contact with his sister is going well; school reports good attendance this term.
actions:
  - id: A1
    action: Book J's review health assessment with the looked after children nurse
    owner: Social worker
    due: ${due}
    status: open
`;
}

/** Each finding as "file rule line", paths from the repository root. */
function findings(json: string, dir: string): string[] {
  const out: string[] = [];
  for (const f of JSON.parse(json)) for (const m of f.findings) out.push(`${path.relative(dir, f.filePath)} ${m.ruleId} ${m.range.start.line}`);
  return out.sort();
}

describe('a team repository, set up as docs/teams.md says (packed, installed offline)', function () {
  this.timeout(600_000);
  let dir: string;
  let tarball: string;
  const steps = docSteps();
  const run = (script: string, cwd = dir) => sh(script, cwd);

  before(() => {
    const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-pack-'));
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: REPO, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(packDir, fs.readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-team-')));
  });

  it('docs/teams.md has fewer than ten steps, each a command block', () => {
    const headings = fs.readFileSync(path.join(REPO, 'docs', 'teams.md'), 'utf8').match(/^## \d+\./gm) ?? [];
    assert.ok(headings.length > 0 && headings.length < 10, `${headings.length} steps`);
    assert.equal(steps.length, 8);
  });

  it('1. installs careplan from its tarball with no network and no other package', () => {
    assert.match(steps[0], /npm install --save-dev careplan/);
    const r = run(steps[0].replace('npm install --save-dev careplan', `npm install --save-dev --offline ${JSON.stringify(tarball)}`));
    assert.equal(r.code, 0, r.out);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'node_modules')).filter((n) => !n.startsWith('.')), ['careplan']);
    const v = run('npx --no-install careplan --version');
    assert.equal(v.code, 0, v.out);
  });

  it('2. init writes the config, the templates, the workflow and the hook, and never writes over them', () => {
    const r = run(steps[1]);
    assert.equal(r.code, 0, r.out);
    for (const f of ['.careplan.yaml', 'templates/review.yaml', '.github/workflows/careplan.yml', '.git/hooks/pre-commit', '.gitignore']) assert.ok(fs.existsSync(path.join(dir, f)), f);
    assert.ok(fs.statSync(path.join(dir, '.git/hooks/pre-commit')).mode & 0o100, 'the hook is executable');
    fs.appendFileSync(path.join(dir, 'templates/review.yaml'), '# the team edited this\n');
    const again = run(steps[1]);
    assert.match(again.out, /skipped \.careplan\.yaml: it already exists/);
    assert.match(fs.readFileSync(path.join(dir, 'templates/review.yaml'), 'utf8'), /the team edited this/);
  });

  it('3. the team asks for its own sections, and thirty records are added', () => {
    assert.equal(run(steps[2]).code, 0);
    for (let n = 1; n <= 30; n++) {
      const file = path.join(dir, 'records', `CH-${100000 + n}`, 'review-2099-10-24.yaml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // a third of them with the date written the British way, for --fix
      fs.writeFileSync(file, review(n, n % 3 === 0 ? '14/11/2099' : '2099-11-14'));
    }
    const r = run('npx --no-install careplan lint --format json');
    assert.deepEqual(
      findings(r.stdout, dir).filter((f) => !f.includes('schema 11')),
      [],
      'only the British dates are flagged',
    );
  });

  it("4. starts a record from the team's template, named by kind and date", () => {
    const r = run(steps[3]);
    assert.equal(r.code, 0, r.out);
    const made = fs.readdirSync(path.join(dir, 'records', 'CH-000123'));
    assert.equal(made.length, 1);
    assert.match(made[0], /^review-\d{4}-\d{2}-\d{2}\.yaml$/);
    const text = fs.readFileSync(path.join(dir, 'records', 'CH-000123', made[0]), 'utf8');
    assert.match(text, /the team edited this/);
    assert.match(text, /child: CH-000123/);
  });

  it('5. lint from a subfolder gives the same findings as from the root', () => {
    const r = run(steps[4]);
    assert.match(r.out, /template-placeholder/);
    const fromRoot = findings(run('npx --no-install careplan lint --format json records/CH-000123').stdout, dir);
    const fromSub = findings(run('npx --no-install careplan lint --format json', path.join(dir, 'records', 'CH-000123')).stdout, dir);
    assert.ok(fromRoot.some((f) => f.includes('template-placeholder')), fromRoot.join('\n'));
    assert.deepEqual(fromSub, fromRoot);
  });

  it('6. --fix makes the safe fixes, and once the author has written the placeholders the lint is clean', () => {
    const r = run(steps[5]);
    assert.ok(r.code === 0 || r.code === 1, r.out);
    const folder = path.join(dir, 'records', 'CH-000123');
    const file = path.join(folder, fs.readdirSync(folder)[0]);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/‹[^›]*›/g, 'J met the IRO alone and said he is happy at school.'));
    const clean = run('npx --no-install careplan lint --format json');
    assert.equal(clean.code, 0, clean.stdout);
    assert.deepEqual(findings(clean.stdout, dir), []);
    assert.match(fs.readFileSync(path.join(dir, 'records', 'CH-100003', 'review-2099-10-24.yaml'), 'utf8'), /due: 2099-11-14/);
  });

  it('7. the hook stops a commit with an error, and lets a clean one through', () => {
    const bad = path.join(dir, 'records', 'CH-100031', 'review-2099-10-24.yaml');
    fs.mkdirSync(path.dirname(bad), { recursive: true });
    fs.writeFileSync(bad, review(31, '2099-02-30'));
    const stopped = run(steps[6]);
    assert.notEqual(stopped.code, 0, stopped.out);
    assert.match(stopped.out, /CH-100031[\\/]review-2099-10-24\.yaml/);
    assert.notEqual(run('git rev-parse --verify HEAD').code, 0, 'nothing was committed');
    fs.rmSync(path.dirname(bad), { recursive: true });
    const done = run(steps[6]);
    assert.equal(done.code, 0, done.out);
    assert.equal(run('git rev-parse --verify HEAD').code, 0);
    // the hook keeps its cache (so a commit in a large repository reads only what changed), never committed
    assert.ok(fs.existsSync(path.join(dir, '.careplancache')), 'the hook ran with --cache');
    assert.doesNotMatch(run('git ls-files').out, /careplancache/);
  });

  it('8. the SARIF report is valid SARIF 2.1.0', () => {
    fs.writeFileSync(path.join(dir, 'records', 'CH-100001', 'review-2099-10-24.yaml'), review(1, 'as soon as possible').replace('    due:', '    timescale:'));
    const r = run(steps[7]);
    assert.equal(r.code, 0, r.out);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // the schema's language-tag pattern is not valid as a Unicode regular expression
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'careplan.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    assert.ok(sarif.runs[0].results.length > 0, 'the report holds the finding');
  });
});
