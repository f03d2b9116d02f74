// The activation scan walks the workspace itself: links are never entered or read,
// node_modules and .git are skipped, and entries, depth, time and cancellation bound the walk.
import { strict as assert } from 'node:assert';
import { DIRECTORY, FILE, SYMBOLIC_LINK } from '../../../client/src/recordPlace';
import { SCAN_LIMITS, oneWalkAtATime, treeHasRecords, type ScanWork } from '../../../client/src/workspaceScan';

type Tree = { [name: string]: Tree | string | { link: number } };

/** A folder tree in memory: strings are files' text, `{ link }` a link with those type bits. */
function fakeWorkspace(tree: Tree, extra: Partial<ScanWork> = {}): ScanWork & { listed: string[]; read: string[] } {
  const listed: string[] = [];
  const read: string[] = [];
  const at = (path: string): Tree | string | { link: number } | undefined => {
    let node: Tree | string | { link: number } | undefined = tree;
    for (const part of path.replace(/^\/ws/, '').split('/').filter(Boolean)) node = node && typeof node === 'object' && !('link' in node) ? (node as Tree)[part] : undefined;
    return node;
  };
  return {
    listed, read,
    list: async (path) => {
      listed.push(path);
      const node = at(path);
      if (!node || typeof node !== 'object' || 'link' in node) throw new Error(`not a folder: ${path}`);
      return Object.entries(node).map(([name, v]): [string, number] => [name, typeof v === 'string' ? FILE : 'link' in v ? (v.link as number) : DIRECTORY]);
    },
    startsLikeRecord: async (path) => { read.push(path); return /^kind: review/m.test(String(at(path))); },
    ...extra,
  };
}

const RECORD = 'kind: review\nchild: CH-000123\n';
const WORKFLOW = 'name: build\non: push\n';

describe('client: the activation scan of the workspace', () => {
  it('finds a record or a settings file, and nothing in a folder of other YAML', async () => {
    assert.ok(await treeHasRecords(['/ws'], fakeWorkspace({ cases: { 'CH-000123': { 'review-1.yaml': RECORD } } })));
    assert.ok(await treeHasRecords(['/ws'], fakeWorkspace({ east: { '.careplan.yaml': 'templates: t\n' } })));
    assert.ok(!(await treeHasRecords(['/ws'], fakeWorkspace({ '.github': { workflows: { 'ci.yml': WORKFLOW } }, 'k8s.yaml': 'kind: Deployment\n' }))));
  });

  it('never enters or reads a link, to a folder or to a file', async () => {
    const link = (bits: number) => ({ link: bits });
    const ws = fakeWorkspace({ root: link(DIRECTORY | SYMBOLIC_LINK), 'review.yaml': link(FILE | SYMBOLIC_LINK), '.careplan.yaml': link(FILE | SYMBOLIC_LINK), 'a.yaml': WORKFLOW });
    assert.ok(!(await treeHasRecords(['/ws'], ws)));
    assert.deepEqual(ws.listed, ['/ws']);
    assert.deepEqual(ws.read, ['/ws/a.yaml']);
  });

  it('skips node_modules and .git', async () => {
    const ws = fakeWorkspace({ node_modules: { pkg: { 'r.yaml': RECORD } }, '.git': { 'r.yaml': RECORD } });
    assert.ok(!(await treeHasRecords(['/ws'], ws)));
    assert.deepEqual(ws.listed, ['/ws']);
  });

  it('stops after the entry cap and the depth cap', async () => {
    const wide: Tree = {};
    for (let i = 0; i < 50; i++) wide[`f${i}.txt`] = 'x';
    wide['z.yaml'] = RECORD;
    assert.ok(await treeHasRecords(['/ws'], fakeWorkspace(wide)));
    assert.ok(!(await treeHasRecords(['/ws'], fakeWorkspace(wide), { ...SCAN_LIMITS, maxEntries: 20 })));

    let deep: Tree = { 'r.yaml': RECORD };
    for (let i = 0; i < 12; i++) deep = { [`d${i}`]: deep };
    const ws = fakeWorkspace(deep);
    assert.ok(!(await treeHasRecords(['/ws'], ws, { ...SCAN_LIMITS, maxDepth: 5 })));
    assert.equal(ws.listed.length, 6, 'the root and five levels below');
    assert.ok(await treeHasRecords(['/ws'], fakeWorkspace(deep), { ...SCAN_LIMITS, maxDepth: 12 }));
  });

  it('stops when the time is up or the scan is cancelled', async () => {
    const tree: Tree = { a: { b: { c: { 'r.yaml': RECORD } } } };
    let clock = 0;
    const slow = fakeWorkspace(tree, { now: () => (clock += 1000) });
    assert.ok(!(await treeHasRecords(['/ws'], slow)));
    assert.ok(slow.listed.length < 4, slow.listed.join(' '));

    let calls = 0;
    const cancelled = fakeWorkspace(tree, { isCancelled: () => ++calls > 2 });
    assert.ok(!(await treeHasRecords(['/ws'], cancelled)));
    assert.ok(cancelled.listed.length < 4);
  });

  it('reads at most maxFilesRead YAML files', async () => {
    const many: Tree = {};
    for (let i = 0; i < 30; i++) many[`w${i}.yaml`] = WORKFLOW;
    const ws = fakeWorkspace(many);
    assert.ok(!(await treeHasRecords(['/ws'], ws, { ...SCAN_LIMITS, maxFilesRead: 10 })));
    assert.equal(ws.read.length, 10);
  });
});

describe('client: workspace scans one at a time', () => {
  it('runs one walk at a time; the calls meanwhile share one more walk after it', async () => {
    let walks = 0;
    let active = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const walk = oneWalkAtATime(async () => {
      walks++;
      most = Math.max(most, ++active);
      await new Promise<void>((resolve) => release.push(resolve));
      active--;
      return walks === 2;
    });
    const first = walk();
    const later = [walk(), walk(), walk()];
    release.shift()!();
    assert.equal(await first, false);
    while (!release.length) await new Promise((r) => setImmediate(r));
    release.shift()!();
    assert.deepEqual(await Promise.all(later), [true, true, true], 'the later calls see the second walk');
    assert.equal(walks, 2);
    assert.equal(most, 1);
  });

  it('skips the further walk when the running one found records', async () => {
    let walks = 0;
    const walk = oneWalkAtATime(async () => { walks++; await new Promise((r) => setImmediate(r)); return true; });
    assert.deepEqual(await Promise.all([walk(), walk(), walk()]), [true, true, true]);
    assert.equal(walks, 1);
  });
});
