/**
 * `careplan lint` in a hostile workspace: link loops, `..` and encoded dots, links leading
 * outside, named pipes, unreadable folders and roots that cannot be used. Each test is for one
 * numbered defect of issue 10 and failed before the path policy (server/src/node/disk.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI } from '../support/cli';
import { hostileReferences, hostileWorkspace, HostileWorkspace, RECORD } from '../support/hostile';

/** Runs the built CLI; a run that has not ended after `killAfterMs` is killed and reported as hung (a guard, not a timing). */
function lint(args: string[], cwd: string, asUser?: number): { code: number | null; hung: boolean; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    timeout: 60_000,
    killSignal: 'SIGKILL',
    ...(asUser === undefined ? {} : { uid: asUser, gid: asUser }),
  });
  return { code: r.status, hung: r.signal === 'SIGKILL', stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

type JsonResult = { filePath: string; findings: { ruleId: string; message: string; range: { start: { line: number } } }[] };

describe('careplan lint with link loops (issue 10, defect 1)', function () {
  this.timeout(150_000);

  it('link loops (a -> ., b -> .) and a link to a folder outside do not hang the search', () => {
    const ws = hostileWorkspace({ loops: true });
    try {
      const one = lint(['--format', 'json', ws.review], ws.root);
      assert.equal(one.hung, false, 'careplan lint review.yaml never ended');
      const all = lint(['--format', 'json'], ws.root);
      assert.equal(all.hung, false, 'careplan lint never ended');
      assert.equal(all.code, 1, all.stderr);
      const files = (JSON.parse(all.stdout) as JsonResult[]).map((r) => path.relative(ws.root, r.filePath));
      // Records are found once, under their real path: none through a/, b/ or usr/.
      assert.ok(files.includes('case/review.yaml'), files.join(', '));
      assert.ok(!files.some((f) => /^(a|b|usr)\//.test(f) || f.startsWith('..')), files.join(', '));
    } finally {
      ws.cleanup();
    }
  });
});

describe('careplan lint in a hostile workspace (issue 10)', function () {
  this.timeout(60_000);
  let ws: HostileWorkspace;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run npm run build first');
    ws = hostileWorkspace({ fifos: true });
  });
  after(() => ws?.cleanup());

  it('defect 2: no spelling of a path outside (.., %2e%2e, //../, linked folder or file) passes as an existing file', () => {
    const r = lint(['--format', 'json', ws.review], ws.root);
    const [result] = JSON.parse(r.stdout) as JsonResult[];
    const flagged = new Set(result.findings.filter((f) => f.ruleId === 'reference-missing').map((f) => f.range.start.line));
    for (const ref of hostileReferences(ws.base)) assert.ok(flagged.has(ref.line), `no finding for path: ${ref.written}\n${r.stdout}`);
  });

  it('defect 2: a link named like a record that leads outside is reported, and what it points at is not checked', () => {
    const r = lint(['--format', 'json'], ws.root);
    const results = JSON.parse(r.stdout) as JsonResult[];
    const link = results.find((x) => x.filePath === path.join(ws.root, 'linked-record.yaml'));
    assert.ok(link, r.stdout);
    assert.match(link.findings[0].message, /outside the workspace/);
    assert.ok(!results.some((x) => x.filePath.startsWith(ws.outside)));
    assert.ok(!r.stdout.includes('outside-record'), 'the record outside was read');
  });

  it('defect 2: a file named on the command line outside --root is reported, not opened', () => {
    const r = lint(['--format', 'json', '../outside/outside-record.yaml', 'usr/deep/deep.yaml'], ws.root);
    assert.equal(r.hung, false);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(results.length, 2, r.stdout);
    for (const x of results) assert.match(x.findings[0].message, /outside the workspace/);
    assert.ok(!r.stdout.includes('outside-deep') && !r.stdout.includes('"kind":"review"'), r.stdout);
  });

  it('defect 7: a named pipe called *.yaml is reported and never opened, found by the search or named', () => {
    for (const args of [[], ['case/pipe.yaml'], ['case']]) {
      const r = lint(['--format', 'json', ...args], ws.root);
      assert.equal(r.hung, false, `careplan lint ${args.join(' ')} blocked on the pipe`);
      const pipe = (JSON.parse(r.stdout) as JsonResult[]).find((x) => x.filePath === path.join(ws.root, 'case', 'pipe.yaml'));
      assert.ok(pipe, `no finding for the pipe with: lint ${args.join(' ')}\n${r.stdout}`);
      assert.match(pipe.findings[0].message, /named pipe \(FIFO\), not an ordinary file, so careplan did not open it/);
    }
  });
});

describe('careplan lint: ordinary file-system errors are clear messages (issue 10, defect 8)', function () {
  this.timeout(60_000);

  it('--root that is a file, the whole disk, or missing: exit 2 and one sentence, no internal error', () => {
    const ws = hostileWorkspace();
    try {
      const cases: [string, RegExp][] = [
        [path.join(ws.root, ws.review), /is a file, not a folder/],
        ['/', /whole file system/],
        [path.join(ws.base, 'nonexistent'), /does not exist/],
      ];
      for (const [root, message] of cases) {
        const r = lint(['--root', root], ws.root);
        assert.equal(r.hung, false);
        assert.equal(r.code, 2, `--root ${root}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, message);
        assert.doesNotMatch(r.stderr, /internal error/);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('an unreadable folder under the root is skipped with a finding; the other records are still checked', () => {
    const ws = hostileWorkspace({ locked: true });
    try {
      fs.writeFileSync(path.join(ws.root, 'case', 'weak.yaml'), RECORD('weak').replace('due: 2030-05-09', 'timescale: ongoing'));
      // As root, chmod 000 does not stop a read: run the CLI as an unprivileged user instead, so
      // the folder really is unreadable. Elsewhere the current user already cannot read it.
      const runAs = process.getuid?.() === 0 ? 65534 : undefined;
      assert.ok(ws.lockedIsUnreadable || runAs !== undefined, 'the locked folder is readable and there is no other user to run as');
      const r = lint(['--format', 'json'], ws.root, runAs);
      assert.doesNotMatch(r.stderr, /internal error/);
      assert.equal(r.code, 1, r.stderr);
      const results = JSON.parse(r.stdout) as JsonResult[];
      const locked = results.find((x) => x.filePath === path.join(ws.root, 'locked'));
      assert.ok(locked, r.stdout);
      assert.match(locked.findings[0].message, /This folder cannot be read \(permission denied\)/);
      const weak = results.find((x) => x.filePath === path.join(ws.root, 'case', 'weak.yaml'));
      assert.ok(weak?.findings.some((f) => f.ruleId === 'action-timescale'), 'the readable records were not checked');
    } finally {
      ws.cleanup();
    }
  });
});
