/**
 * Checking on every core (issue 15): worker threads, each with the index built once on the main
 * thread, results in the order of the files. The output must be byte-identical to checking on
 * the main thread, whatever the number of workers and however the work is split.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Disk, nodeDiskCalls } from '../../server/src/node/disk';
import { createChecker, type CheckedFile, type FileTask } from '../../server/src/node/checkFile';
import { FILES_PER_WORKER, lintOnWorkers, workerCount } from '../../server/src/node/pool';
import { applyConfig, defaultConfig, scanDocument } from '../../server/src/service';
import { URI } from 'vscode-uri';
import { corpusRecord } from '../bench/cliBench';
import { CLI, REPO, runCli, workspace } from '../support/cli';

/** The samples (checks across records, references, duplicate ids) and generated children's reviews of varied size. */
function corpus(records: number): string {
  const files: Record<string, string> = { '.careplan.yaml': 'today: 2025-11-01\n' };
  for (let i = 0; i < records; i++) {
    const { file, text } = corpusRecord(i);
    files[file] = i % 7 === 0 ? text.replace(/^discussion: \|\n/m, `discussion: |\n${'  More minutes.\n'.repeat(i)}`) : text;
  }
  files['child-0/duplicate.yaml'] = corpusRecord(3).text; // an id written twice
  const dir = workspace(files, { git: true });
  fs.cpSync(path.join(REPO, 'samples'), path.join(dir, 'samples'), { recursive: true });
  return dir;
}

describe('careplan lint on worker threads', function () {
  // a dozen runs of the built CLI on 60 records each: minutes on a busy 2-core machine, not a hang
  this.timeout(300_000);
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('prints byte-identical output on 1, 2 and 3 threads and on the main thread, in every format', () => {
    const dir = corpus(60);
    // through -o: the reports are larger than a pipe's buffer
    const report = (format: string, concurrency: string) => {
      const out = path.join(dir, `report-${format}-${concurrency}.txt`);
      const r = runCli(['lint', '.', '--format', format, '--concurrency', concurrency, '-o', out], dir);
      return { code: r.code, stderr: r.stderr, text: fs.readFileSync(out, 'utf8') };
    };
    for (const format of ['json', 'stylish', 'sarif']) {
      const off = report(format, 'off');
      assert.ok(off.code === 0 || off.code === 1, off.stderr);
      assert.ok(off.text.length > 10_000);
      for (const threads of ['1', '2', '3', 'auto']) {
        const on = report(format, threads);
        assert.equal(on.stderr, off.stderr);
        assert.equal(on.code, off.code);
        assert.ok(on.text === off.text, `${format}, --concurrency ${threads}: output differs from the main thread's`);
      }
    }
  });

  it('gives each file the result the main thread gives it, in the order of the files, however many workers', async () => {
    const dir = corpus(40);
    const disk = new Disk([dir], nodeDiskCalls);
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('.'))
      .map((f) => path.join(dir, f))
      .sort();
    const entries = files.map((f) => scanDocument(URI.file(f).toString(), fs.readFileSync(f, 'utf8')));
    const config = applyConfig(defaultConfig(), { today: '2025-11-01' });
    const tasks: FileTask[] = files.map((file) => ({ file, config }));
    const checker = createChecker(disk, dir);
    for (const e of entries) checker.engine.index.put(e);
    const alone: CheckedFile[] = [];
    for (const t of tasks) alone.push(await checker.check(t));
    assert.ok(alone.some((c) => c.result.findings.some((f) => f.ruleId === 'duplicate-id')));
    assert.ok(alone.some((c) => c.exists.length > 0), 'the samples ask about the files their references name');
    for (const threads of [1, 2, 4]) {
      const pooled: CheckedFile[] = [];
      await lintOnWorkers(path.join(path.dirname(CLI), 'worker.js'), tasks, { givenRoot: dir, root: dir, entries }, threads, (c) => pooled.push(c));
      assert.deepEqual(pooled, alone, `${threads} workers`);
      // the main thread checking beside threads - 1 workers, with its own engine as lint gives it
      const here = createChecker(disk, dir);
      for (const e of entries) here.engine.index.put(e);
      const shared: CheckedFile[] = [];
      let onMain = 0;
      const checkHere = (t: FileTask) => (onMain++, here.check(t));
      await lintOnWorkers(path.join(path.dirname(CLI), 'worker.js'), tasks, { givenRoot: dir, root: dir, entries }, threads, (c) => shared.push(c), checkHere);
      assert.deepEqual(shared, alone, `the main thread and ${threads - 1} workers`);
      assert.ok(onMain > 0 && (threads === 1 ? onMain === tasks.length : onMain < tasks.length), `the main thread checked ${onMain} of ${tasks.length}`);
    }
  });

  it('starts no worker for a handful of files, and no more workers than there are cores or runs of files', () => {
    assert.equal(workerCount('auto', 1), 0);
    assert.equal(workerCount('auto', 2 * FILES_PER_WORKER - 1), 0);
    assert.equal(workerCount('off', 100_000), 0);
    assert.equal(workerCount(4, 3), 3);
    assert.equal(workerCount(1, 500), 1);
    const cores = require('node:os').availableParallelism() as number;
    assert.equal(workerCount('auto', 100_000), cores >= 2 ? cores : 0);
  });

  it('writes JSON record by record, one compact record to a line, none, one and two included', () => {
    const none = workspace({ 'notes.yaml': 'title: not a record\n' }, { git: true });
    assert.equal(runCli(['lint', '.', '--format', 'json'], none).stdout, '[]\n');
    for (const n of [1, 2]) {
      const files = Object.fromEntries(Array.from({ length: n }, (_, i) => [`r${i}.yaml`, corpusRecord(i).text]));
      const out = runCli(['lint', '.', '--format', 'json'], workspace(files, { git: true })).stdout;
      const entries = JSON.parse(out) as unknown[];
      assert.equal(entries.length, n);
      assert.equal(out, `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
    }
  });

  it('holds the young generation where V8 starts it on the main thread, and at 8 MiB semi-spaces on a worker, however long the run', () => {
    const dir = corpus(120);
    // reported at exit by each thread: V8's own figure of its young generation's size
    const probe = path.join(dir, 'young.js');
    fs.writeFileSync(
      probe,
      `const v8 = require('v8'); const wt = require('worker_threads'); let max = 0;
const t = setInterval(() => { max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size); }, 1); t.unref();
const say = () => require('fs').appendFileSync(${JSON.stringify(path.join(dir, 'young.txt'))}, (wt.isMainThread ? 'main' : 'worker') + ' ' + max / 1048576 + '\\n');
if (wt.isMainThread) process.on('exit', say); else setInterval(say, 50).unref();
`,
    );
    const r = spawnSync(process.execPath, ['-r', probe, CLI, 'lint', '.', '--format', 'json', '--concurrency', '2', '--no-error-on-unmatched-pattern'], { cwd: dir, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const sizes = fs.readFileSync(path.join(dir, 'young.txt'), 'utf8').trim().split('\n').map((l) => l.split(' '));
    const main = sizes.filter(([t]) => t === 'main').map(([, mb]) => Number(mb));
    const worker = sizes.filter(([t]) => t === 'worker').map(([, mb]) => Number(mb));
    assert.ok(main.length === 1 && worker.length > 0, sizes.join('; '));
    // V8's default lets each grow to 32 MiB (two semi-spaces of 16)
    assert.ok(main[0] <= 8, `main thread's young generation ${main[0]} MiB`);
    assert.ok(Math.max(...worker) <= 16, `worker's young generation ${Math.max(...worker)} MiB`);
  });

  it('refuses a --concurrency that is not a number of threads, auto or off', () => {
    const dir = workspace({ 'r.yaml': 'kind: review\n' });
    for (const bad of ['0', 'many', '-1', '2.5']) {
      const r = runCli(['lint', '.', '--concurrency', bad], dir);
      assert.equal(r.code, 2, bad);
      assert.match(r.stderr, /--concurrency takes a number of threads/);
    }
  });
});
