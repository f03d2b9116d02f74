/**
 * careplan lint --cache (issue 15): a result is reused only while nothing it depends on changed —
 * its text, its settings, careplan's version, the ids of the workspace, the other records of the
 * same child, the files its references name. Every warm run is compared with a run without the
 * cache on the same files, and each change is checked to have changed what the run reports.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, REPO, runCli, workspace } from '../support/cli';
import type { StoredFinding } from '../../server/src/node/cacheShape';

/** Where a stored finding keeps its message's number. */
const MESSAGE = 2;

function samplesWorkspace(): string {
  const dir = workspace({ '.careplan.yaml': 'today: 2025-11-01\n' }, { git: true });
  fs.cpSync(path.join(REPO, 'samples'), path.join(dir, 'samples'), { recursive: true });
  return dir;
}

const lint = (dir: string, ...extra: string[]) => {
  const r = runCli(['lint', '.', '--format', 'json', '--concurrency', 'off', ...extra], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return r.stdout;
};
const cached = (dir: string) => lint(dir, '--cache', '--cache-location', path.join(dir, 'cache', 'lint.json'));
type Result = { filePath: string; findings: { ruleId: string; message: string }[] };

/** The cache file as one object: its first line, and `entries` from each later line (`"path"<TAB>{result}`), to look at or change by hand. */
function readCache<T = any>(file: string): T {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  const entries = Object.fromEntries(lines.map((line) => line.split('\t')).map(([p, e]) => [JSON.parse(p) as string, JSON.parse(e) as unknown]));
  return { ...(JSON.parse(header) as object), entries } as T;
}

/** Writes a cache changed by hand back in the file's lines. */
function writeCache(file: string, stored: { entries: Record<string, unknown> }): void {
  writeRawCache(file, { ...stored, entries: Object.fromEntries(Object.entries(stored.entries).map(([p, e]) => [p, JSON.stringify(e)])) });
}

type RawCache = { messages: string[]; uris: string[]; entries: Record<string, string>; renumberedAt: number };

/** The cache file with each result as the text of its line after the tab. */
function readRawCache(file: string): RawCache {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  const entries = Object.fromEntries(lines.map((line) => line.split('\t')).map(([p, e]) => [JSON.parse(p) as string, e]));
  return { ...(JSON.parse(header) as RawCache), entries };
}

/** Writes a cache whose results are given as the text of their lines. */
function writeRawCache(file: string, { entries, ...header }: { entries: Record<string, string>; [part: string]: unknown }): void {
  fs.writeFileSync(file, [JSON.stringify(header), ...Object.entries(entries).map(([p, e]) => `${JSON.stringify(p)}\t${e}`)].join('\n'));
}
const findingsOf = (out: string, file: string) => (JSON.parse(out) as Result[]).find((r) => r.filePath.endsWith(file))?.findings ?? [];

describe('careplan lint --cache', function () {
  // several runs of the built CLI each: slow on a busy 2-core machine, not a hang
  this.timeout(300_000);
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('reports what a run without the cache reports, cold and warm, and writes the cache file', () => {
    const dir = samplesWorkspace();
    const fresh = lint(dir);
    assert.equal(cached(dir), fresh);
    assert.equal(cached(dir), fresh);
    // what the warm run reported came from the cache: a stored message marked by hand shows through
    const file = path.join(dir, 'cache', 'lint.json');
    const stored = readCache<{ messages: string[]; entries: Record<string, { result: { findings: StoredFinding[] } }> }>(file);
    // each message is stored once, and the findings and their related places name theirs by number
    assert.equal(new Set(stored.messages).size, stored.messages.length);
    const numbers = Object.values(stored.entries).flatMap((e) => e.result.findings.flatMap((f) => [f[MESSAGE], ...(f[8] ?? []).map((r) => r[5])]));
    assert.ok(numbers.length > stored.messages.length && numbers.every((n) => typeof n === 'number' && stored.messages[n] !== undefined));
    const [reviewPath, entry] = Object.entries(stored.entries).find(([p, e]) => p.endsWith('CH-000456/review-2.yaml') && e.result.findings.length)!;
    entry.result.findings[0][MESSAGE] = stored.messages.push('MARKED IN THE CACHE') - 1;
    writeCache(file, stored);
    assert.equal(findingsOf(cached(dir), 'CH-000456/review-2.yaml')[0].message, 'MARKED IN THE CACHE', reviewPath);
    // and one changed byte of that record's text is enough to check it again
    fs.appendFileSync(reviewPath, '\n');
    assert.notEqual(findingsOf(cached(dir), 'CH-000456/review-2.yaml')[0].message, 'MARKED IN THE CACHE');
  });

  it('rechecks a review when the previous review of the same child changes (the checks across records)', () => {
    const dir = samplesWorkspace();
    const before = cached(dir);
    const review1 = path.join(dir, 'samples/CH-000456/review-1.yaml');
    // a new open action at review 1 that review 2 does not account for
    fs.writeFileSync(
      review1,
      fs.readFileSync(review1, 'utf8').replace('actions:\n', 'actions:\n  - id: A9\n    action: Book a dental check for K\n    owner: Social worker\n    due: 2025-02-21\n    status: open\n'),
    );
    const after = cached(dir);
    assert.equal(after, lint(dir), 'the warm run reports what a run without the cache does');
    assert.notDeepEqual(findingsOf(after, 'CH-000456/review-2.yaml'), findingsOf(before, 'CH-000456/review-2.yaml'), 'review 2 depends on review 1');
    assert.ok(findingsOf(after, 'CH-000456/review-2.yaml').some((f) => f.ruleId === 'previous-actions' && f.message.includes('A9')));
  });

  it('keeps the results of a child’s other records when a change leaves the facts they read the same, and rechecks them when it does not', () => {
    const dir = samplesWorkspace();
    const fresh = cached(dir);
    const file = path.join(dir, 'cache', 'lint.json');
    // review 2's stored findings marked by hand: they show through while its result is reused
    const mark = () => {
      const stored = readCache<{ messages: string[]; entries: Record<string, { uses: unknown[]; result: { findings: StoredFinding[] } }> }>(file);
      const [, entry] = Object.entries(stored.entries).find(([p]) => p.endsWith('CH-000456/review-2.yaml'))!;
      assert.ok(entry.uses.length > 0, 'review 2 read the facts of its child’s other records');
      for (const f of entry.result.findings) f[MESSAGE] = stored.messages.push('MARKED IN THE CACHE') - 1;
      writeCache(file, stored);
    };
    const marked = (out: string) => findingsOf(out, 'CH-000456/review-2.yaml').every((f) => f.message === 'MARKED IN THE CACHE');
    mark();
    // words of review 1 that no check of review 2 reads: review 1 is checked again, review 2 is not
    const review1 = path.join(dir, 'samples/CH-000456/review-1.yaml');
    const original = fs.readFileSync(review1, 'utf8');
    fs.writeFileSync(review1, original.replace('discussion: |\n', 'discussion: |\n  A sentence added to the discussion.\n'));
    const words = cached(dir);
    assert.ok(marked(words), 'review 2 was checked again though nothing it reads changed');
    assert.notEqual(words, fresh, 'review 1 was not checked again');
    // a line added above review 1's date moves the place review 2's findings point at: rechecked
    fs.writeFileSync(review1, `# a comment\n${original}`);
    const moved = cached(dir);
    assert.ok(!marked(moved), 'review 2 was not checked again though review 1’s date moved');
    assert.equal(moved, lint(dir), 'the warm run reports what a run without the cache does');
    // the same when only review 2 is linted and review 1 changed since: its facts are read for the key
    mark();
    fs.writeFileSync(review1, `# a comment\n${original.replace(/^date: 2025-02-07/m, 'date: 2025-01-07')}`);
    const one = runCli(['lint', 'samples/CH-000456/review-2.yaml', '--format', 'json', '--concurrency', 'off', '--cache', '--cache-location', file], dir);
    assert.ok(!marked(one.stdout), 'review 2 was not checked again though review 1’s date changed');
    assert.equal(one.stdout, runCli(['lint', 'samples/CH-000456/review-2.yaml', '--format', 'json', '--concurrency', 'off'], dir).stdout);
  });

  it('rechecks a record when the document its reference names changes its id, or the file it names goes', () => {
    const dir = samplesWorkspace();
    const before = cached(dir);
    const carePlan = path.join(dir, 'samples/CH-000456/care-plan.yaml');
    fs.writeFileSync(carePlan, fs.readFileSync(carePlan, 'utf8').replace(/^id: .*$/m, 'id: cp-CH000456-renamed'));
    fs.rmSync(path.join(dir, 'samples/CH-000123/health/iha-2025-06.md'));
    const after = cached(dir);
    assert.equal(after, lint(dir));
    const missing = (out: string, file: string) => findingsOf(out, file).filter((f) => f.ruleId === 'reference-missing').length;
    assert.ok(missing(after, 'CH-000456/review-2.yaml') > missing(before, 'CH-000456/review-2.yaml'), 'the id it names is gone');
    assert.ok(missing(after, 'CH-000123/care-plan.yaml') > missing(before, 'CH-000123/care-plan.yaml'), 'the file it names is gone');
  });

  it('rechecks when the settings change, and starts afresh from a cache file that is not careplan’s', () => {
    const dir = samplesWorkspace();
    const before = cached(dir);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\nrules:\n  action-timescale: off\n');
    const after = cached(dir);
    assert.equal(after, lint(dir));
    assert.notEqual(after, before);
    fs.writeFileSync(path.join(dir, 'cache', 'lint.json'), '{ not json');
    assert.equal(cached(dir), after);
    fs.writeFileSync(path.join(dir, 'cache', 'lint.json'), JSON.stringify({ format: 1, version: '0.0.0-other', entries: { x: 1 } }));
    assert.equal(cached(dir), after);
  });

  it('writes the cache only when the run found something new: a warm run with nothing changed leaves the file as it was', () => {
    const dir = samplesWorkspace();
    const file = path.join(dir, 'cache', 'lint.json');
    const fresh = lint(dir);
    assert.equal(cached(dir), fresh);
    const written = fs.statSync(file);
    assert.equal(cached(dir), fresh);
    // the cache is replaced by renaming a new file onto it: the same inode means it was not written
    assert.equal(fs.statSync(file).ino, written.ino, 'rewritten though nothing changed');
    fs.appendFileSync(path.join(dir, 'samples', 'CH-000456', 'review-2.yaml'), '\n');
    cached(dir);
    assert.notEqual(fs.statSync(file).ino, written.ino, 'a changed record is not in the cache');
    const afterChange = fs.statSync(file).ino;
    fs.rmSync(path.join(dir, 'samples', 'CH-000456', 'review-3.yaml'));
    cached(dir);
    assert.notEqual(fs.statSync(file).ino, afterChange, 'a record gone is still in the cache');
    const stored = readCache<{ entries: object; files: object }>(file);
    for (const part of [stored.entries, stored.files]) assert.ok(!Object.keys(part).some((f) => f.endsWith(path.join('CH-000456', 'review-3.yaml'))));
  });

  it('does not use a stored result or index entry of the wrong shape (a cache committed by mistake or on purpose)', () => {
    const dir = samplesWorkspace();
    const fresh = lint(dir);
    cached(dir);
    const file = path.join(dir, 'cache', 'lint.json');
    type Stored = { entries: Record<string, Record<string, any>>; files: Record<string, Record<string, any>> };
    const pristine = fs.readFileSync(file, 'utf8');
    const spoil = (change: (stored: Stored, paths: string[]) => void) => {
      fs.writeFileSync(file, pristine);
      const stored = readCache<Stored>(file);
      change(stored, Object.keys(stored.entries).sort());
      writeCache(file, stored);
      const r = runCli(['lint', '.', '--format', 'json', '--concurrency', 'off', '--cache', '--cache-location', file], dir);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.equal(r.stdout, fresh);
    };
    // each of these crashed the run, or reported what was stored, before the shapes were checked
    spoil((s, [a]) => (s.entries[a].exists = 'nothing'));
    spoil((s, [a]) => (s.entries[a].result.findings = [{ ruleId: 'schema', severity: 'error', message: 'forged' }]));
    spoil((s, [a]) => (s.entries[a].result.findings = { length: 1 }));
    spoil((s, [a]) => (s.entries[a].result.kind = 'letter'));
    const found = (s: Stored) => Object.values(s.entries).find((e) => e.result.findings.length)!.result.findings[0];
    spoil((s) => (found(s)[MESSAGE] = 1e6)); // no such message
    spoil((s) => (found(s)[MESSAGE] = 'constructor'));
    spoil((s) => (found(s)[3] = -1)); // a line before the first
    spoil((s) => found(s).push({ related: 'elsewhere' }));
    spoil((s) => ((s as unknown as { messages: unknown }).messages = { 0: 'not a list' }));
    spoil((s) => ((s as unknown as { uris: unknown }).uris = 'not a list'));
    spoil((s) => {
      // a record's index entry stored under another file's name, with another id: ids would clash
      const [first, second] = Object.keys(s.files).filter((f) => s.files[f].entry).sort();
      s.files[second].entry = { ...s.files[first].entry };
    });
    spoil((s) => {
      for (const f of Object.keys(s.files)) if (s.files[f].entry) s.files[f].entry.children = 'CH-000123';
    });
  });

  it('writes the results it did not check again as it read them, and renumbers the lists only when they have grown to twice what is used', () => {
    const dir = samplesWorkspace();
    const fresh = lint(dir);
    const file = path.join(dir, 'cache', 'lint.json');
    cached(dir);
    const raw = () => readRawCache(file);
    const before = raw();
    const review2 = path.join(dir, 'samples', 'CH-000456', 'review-2.yaml');
    fs.appendFileSync(review2, '\n');
    assert.equal(cached(dir), fresh);
    const after = raw();
    for (const [p, text] of Object.entries(before.entries)) if (p !== review2) assert.equal(after.entries[p], text, p);
    assert.deepEqual(after.messages.slice(0, before.messages.length), before.messages, 'a message kept its number');
    // a result that is not JSON text is checked again, not used; a line that is not a file and a result is skipped
    writeRawCache(file, { ...after, entries: { ...after.entries, [review2]: '{"key":' } });
    fs.appendFileSync(file, '\nnot a result\n\n{"x"}\t{}\n');
    assert.equal(cached(dir), fresh);
    // lists grown with what no result uses any more are renumbered at the next write
    const unused = Array.from({ length: 3000 }, (_, i) => `a message no result uses ${i}`);
    writeRawCache(file, { ...raw(), messages: [...raw().messages, ...unused], renumberedAt: 100 });
    fs.appendFileSync(review2, '\n');
    assert.equal(cached(dir), fresh);
    const renumbered = raw();
    assert.ok(!renumbered.messages.some((m) => m.startsWith('a message no result uses')));
    assert.equal(renumbered.renumberedAt, renumbered.messages.length + renumbered.uris.length);
    assert.equal(cached(dir), fresh);
  });

  it('keeps the cache in a folder given as --cache-location, and says plainly when it cannot write it', () => {
    const dir = samplesWorkspace();
    fs.mkdirSync(path.join(dir, 'folder'));
    const r = runCli(['lint', '.', '--cache', '--cache-location', 'folder', '--format', 'json'], dir);
    assert.ok(fs.existsSync(path.join(dir, 'folder', '.careplancache')), r.stderr);
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const bad = runCli(['lint', '.', '--cache', '--cache-location', 'a-file/cache.json', '--format', 'json'], dir);
    assert.equal(bad.stdout, lint(dir), 'the findings are still reported');
    assert.match(bad.stderr, /^careplan: the cache could not be written to .*a-file\/cache\.json \(part of that path is a file, not a folder\)/m);
    assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
  });
});
