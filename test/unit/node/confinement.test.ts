/**
 * The path policy, proved by recording every system call the node adapters make (lint, the
 * server's workspace and settings) over hostile workspaces: nothing outside the workspace root
 * is stat'ed, listed, read or opened — only the root's own path is resolved.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DocumentIndex } from '../../../server/src/service';
import { Disk, DiskCalls, nodeDiskCalls, nodeDiskCallsSync } from '../../../server/src/node/disk';
import { lintPaths } from '../../../server/src/node/lint';
import { Workspace } from '../../../server/src/lsp/workspace';
import { Settings } from '../../../server/src/lsp/settings';
import { CONFIG_FILE_NAMES } from '../../../server/src/node/loadConfig';
import { hostileReferences, hostileWorkspace, HostileWorkspace, isUnderDir } from '../../support/hostile';

interface Call {
  op: keyof DiskCalls;
  path: string;
}

/** The real calls (`base`), each recorded; `fail` makes chosen calls fail as the disk would. */
function recording(fail?: (op: keyof DiskCalls, p: string) => NodeJS.ErrnoException | undefined, base: DiskCalls = nodeDiskCalls): { calls: DiskCalls; log: Call[] } {
  const log: Call[] = [];
  const wrap =
    <A extends unknown[], R>(op: keyof DiskCalls, fn: (p: string, ...rest: A) => Promise<R>) =>
    async (p: string, ...rest: A): Promise<R> => {
      log.push({ op, path: p });
      const err = fail?.(op, p);
      if (err) throw err;
      return fn(p, ...rest);
    };
  return {
    log,
    calls: {
      realpath: wrap('realpath', base.realpath),
      lstat: wrap('lstat', base.lstat),
      readdir: wrap('readdir', base.readdir),
      readlink: wrap('readlink', base.readlink),
      read: wrap('read', base.read),
      write: wrap('write', base.write),
    },
  };
}

/** Every call but resolving the root itself stays under the root. */
function assertConfined(log: Call[], root: string): void {
  const strays = log.filter((c) => !(c.op === 'realpath' && c.path === root) && !isUnderDir(c.path, root));
  assert.deepEqual(strays, [], 'touched outside the workspace root');
  assert.ok(log.length > 0, 'nothing was recorded: the adapters went round the Disk');
}

/** The untrusted-workspace description in package.json names every kind of file the server opens. */
function assertReadsAsDescribed(log: Call[]): void {
  const description: string = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')).capabilities.untrustedWorkspaces.description;
  const named = ['*.yaml', '*.yml', '.gitignore', ...CONFIG_FILE_NAMES];
  for (const name of named) assert.ok(description.includes(name), `package.json's untrusted-workspace description does not name ${name}`);
  const read = log.filter((c) => c.op === 'read').map((c) => path.basename(c.path));
  assert.ok(read.length > 0);
  const unexpected = read.filter((name) => !/\.ya?ml$/.test(name) && name !== '.gitignore');
  assert.deepEqual(unexpected, [], 'the server read a kind of file its untrusted-workspace description does not name');
  assert.match(description, /only inside the workspace folders/);
}

describe('path policy: nothing outside the roots is touched (issue 10, defects 1, 2, 7, 8)', function () {
  this.timeout(60_000);
  let ws: HostileWorkspace;
  const cwd = process.cwd();

  before(() => {
    ws = hostileWorkspace({ loops: true, fifos: true, locked: true });
    process.chdir(ws.root);
  });
  after(() => {
    process.chdir(cwd);
    ws?.cleanup();
  });

  // the CLI reads synchronously, the language server asynchronously: the one policy over both
  for (const [name, base] of [['synchronous', nodeDiskCallsSync], ['asynchronous', nodeDiskCalls]] as const)
  it(`careplan lint of the whole root and of hostile arguments (${name} calls)`, async () => {
    const { calls, log } = recording(undefined, base);
    const results = await lintPaths(['.', ws.review, '../outside/secret.md', 'usr/deep/deep.yaml', 'case/linked/secret.md', 'a/b/a/case/review.yaml'], { root: ws.root, calls });
    assertConfined(log, ws.root);
    assert.ok(!log.some((c) => c.op === 'read' && c.path.endsWith('pipe.yaml')), 'the pipe was opened');
    const byPath = new Map(results.map((r) => [path.relative(ws.root, r.filePath), r]));
    assert.match(byPath.get('case/pipe.yaml')!.findings[0].message, /named pipe/);
    assert.match(byPath.get('linked-record.yaml')!.findings[0].message, /outside the workspace/);
    for (const p of ['../outside/secret.md', 'usr/deep/deep.yaml', 'case/linked/secret.md']) assert.match(byPath.get(p)?.findings[0].message ?? `nothing for ${p}`, /outside the workspace root/);
    const review = byPath.get('case/review.yaml')!;
    const flagged = new Set(review.findings.filter((f) => f.ruleId === 'reference-missing').map((f) => f.range.start.line));
    for (const ref of hostileReferences(ws.base)) assert.ok(flagged.has(ref.line), `no finding for ${ref.written}`);
    // Root can read a chmod 000 folder: then its record is checked; anyone else gets a finding for the folder.
    if (ws.lockedIsUnreadable) assert.match(byPath.get('locked')!.findings[0].message, /cannot be read \(permission denied\)/);
    else assert.ok(byPath.has('locked/hidden.yaml'), 'running as root, the locked folder is readable and its record is checked');
  });

  it('an unreadable folder is skipped with a finding whoever runs the tests (the error injected)', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const { calls, log } = recording((op, p) => (op === 'readdir' && p === path.join(ws.root, 'case') ? denied : undefined));
    const results = await lintPaths([], { root: ws.root, calls });
    assertConfined(log, ws.root);
    const folder = results.find((r) => r.filePath === path.join(ws.root, 'case'));
    assert.match(folder?.findings[0].message ?? 'no finding', /This folder cannot be read \(permission denied\), so the records in it were not checked/);
  });

  it("the language server's workspace: scan, reads for watched files, path completion, links, existence checks", async () => {
    const { calls, log } = recording();
    const index = new DocumentIndex();
    const workspace = new Workspace(index, { has: () => false, text: () => undefined, uris: () => [] }, () => undefined, calls);
    workspace.setFolders([URI.file(ws.root).toString()]);
    const skipped: string[] = [];
    await workspace.scan(undefined, async () => [], (uri) => skipped.push(path.relative(ws.root, URI.parse(uri).fsPath)));
    assert.ok(skipped.includes('case/pipe.yaml') && skipped.includes('linked-record.yaml'), skipped.join(', '));
    assert.deepEqual([...index.all()].map((d) => path.relative(ws.root, URI.parse(d.uri).fsPath)).sort(), ws.lockedIsUnreadable ? ['case/review.yaml'] : ['case/review.yaml', 'locked/hidden.yaml']);

    const rootUri = URI.file(ws.root).toString();
    const outsideUris = [
      URI.file(path.join(ws.outside, 'outside-record.yaml')).toString(),
      `${rootUri}/%2e%2e/outside/outside-record.yaml`,
      `${rootUri}/.%2e/outside/outside-record.yaml`,
      `${rootUri}/case/..//../outside/outside-record.yaml`,
      `${rootUri}/usr/outside-record.yaml`,
      `${rootUri}/case/linked/outside-record.yaml`,
      `${rootUri}/linked-record.yaml`,
    ];
    for (const uri of outsideUris) {
      const text = await workspace.readFromDisk(uri);
      assert.ok(!text?.ok, `read ${uri}`);
      assert.equal(await workspace.refreshFromDisk(uri), false, `indexed ${uri}`);
      assert.equal(await workspace.host.fileExists(uri), false, `exists: ${uri}`);
    }
    for (const dir of [`${rootUri}/case/linked/`, `${rootUri}/usr/`, `${rootUri}/%2e%2e/`, `${rootUri}/case/../../outside/`]) {
      assert.deepEqual(await workspace.listDirectory(dir), [], `listed ${dir}`);
    }
    const listed = (await workspace.listDirectory(`${rootUri}/case/`)).map((e) => e.name).sort();
    assert.deepEqual(listed, ['inside.md', 'review.yaml'], 'links leading outside and the pipe are not offered');
    assert.equal(await workspace.leadsInside(`${rootUri}/case/linked/secret.md`), false);
    assert.equal(await workspace.leadsInside(`${rootUri}/case/secret-link.md`), false);
    assert.equal(await workspace.leadsInside(`${rootUri}/case/inside.md`), true);
    assert.equal(await workspace.leadsInside(`${rootUri}/a/b/case/inside.md`), true, 'a self-link stays inside');
    assert.equal(await workspace.leadsInside(`${rootUri}/self/x.md`), false, 'a link loop leads nowhere');
    const pipe = await workspace.readFromDisk(`${rootUri}/case/pipe.yaml`);
    assert.ok(pipe && !pipe.ok && /named pipe/.test(pipe.reason));

    // Settings: a record outside the folders gets no config read from disk.
    const settings = new Settings({ fetch: async () => undefined, roots: () => workspace.folderPaths(), disk: () => workspace.disk(), log: () => undefined });
    await settings.for(URI.file(path.join(ws.outside, 'outside-record.yaml')).toString());
    await settings.for(`${rootUri}/%2e%2e/outside/outside-record.yaml`);
    await settings.for(`${rootUri}/case/review.yaml`);
    assertConfined(log, ws.root);
    assert.ok(!log.some((c) => c.op === 'read' && c.path.endsWith('pipe.yaml')), 'the pipe was opened');
    assertReadsAsDescribed(log);
  });

  it('a Disk answers "outside" for every spelling of a path outside, and "loop" for a link to itself', async () => {
    const { calls, log } = recording();
    const disk = new Disk([ws.root], calls);
    for (const p of ['../outside/secret.md', `${ws.root}/../outside`, `${ws.root}/usr`, `${ws.root}/usr/deep`, `${ws.root}/case/linked/secret.md`, `${ws.root}/case/secret-link.md`, '/etc/passwd']) {
      assert.equal((await disk.locate(path.resolve(ws.root, p))).kind, 'outside', p);
    }
    assert.equal((await disk.locate(`${ws.root}/self`)).kind, 'loop');
    assert.equal((await disk.locate(`${ws.root}/a/b/a/b/case/review.yaml`)).kind, 'file');
    assertConfined(log, ws.root);
  });
});
