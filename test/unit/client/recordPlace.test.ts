// The New commands write only inside the folders open, never through a link, and never over an
// existing record (docs/new-records.md). The rules live in client/src/recordPlace.ts.
import { strict as assert } from 'node:assert';
import {
  DIRECTORY, FILE, SYMBOLIC_LINK, commandOptions, folderProblem, newRecordOptionsProblem, rootOf, type TypeOf,
} from '../../../client/src/recordPlace';
// the naming both the editor's New commands and `careplan new` use
import { createUnderFreeName, takenNames } from '../../../shared/core';

/** A file system of paths and their type bits; every stat is recorded. */
function fakeTypes(types: Record<string, number>): { typeOf: TypeOf; asked: string[] } {
  const asked: string[] = [];
  return { asked, typeOf: async (path) => { asked.push(path); return types[path] ?? 'missing'; } };
}

describe('client: where a new record may be written', () => {
  it("from the Explorer's menu, the selection VS Code passes after the folder is not options (the UI walk caught this)", () => {
    const selection = [{ scheme: 'file', path: '/ws/CH-000456' }];
    assert.equal(commandOptions(selection), undefined);
    assert.equal(newRecordOptionsProblem(commandOptions(selection)), undefined);
    assert.deepEqual(commandOptions({ kind: 'review' }), { kind: 'review' });
  });

  it('takes only a kind, a case reference and a calendar date as options', () => {
    assert.equal(newRecordOptionsProblem(undefined), undefined);
    assert.equal(newRecordOptionsProblem({ kind: 'review', child: 'CH-000123', today: '2026-01-05' }), undefined);
    for (const bad of [
      { today: '../../x' }, { today: '2026-02-30' }, { today: 20260105 }, { today: '2026-01-05/../../x' },
      { kind: '../x' }, { kind: 'Review' }, { child: '../../etc' }, { child: 'CH-000123/../..' }, 'today', [1],
    ]) {
      assert.ok(newRecordOptionsProblem(bad), JSON.stringify(bad));
    }
  });

  it('finds the root of a path only part by part, and never for a path with `..` or `.` parts', () => {
    assert.equal(rootOf('/ws/CH-000123', ['/ws']), '/ws');
    assert.equal(rootOf('/ws', ['/ws']), '/ws');
    assert.equal(rootOf('/ws-other/x', ['/ws']), undefined, 'a sibling whose name starts the same');
    assert.equal(rootOf('/ws/../etc', ['/ws']), undefined);
    assert.equal(rootOf('/ws/a/../../etc', ['/ws']), undefined);
    assert.equal(rootOf('/ws/./a', ['/ws']), undefined);
    assert.equal(rootOf('/ws//a', ['/ws']), undefined);
  });

  it('refuses a folder that is a link, or lies under one, checking each part from the root down', async () => {
    const fs = fakeTypes({ '/ws/CH-000123': DIRECTORY | SYMBOLIC_LINK, '/ws/team': DIRECTORY, '/ws/team/CH-000456': DIRECTORY });
    assert.match((await folderProblem('/ws', '/ws/CH-000123', fs.typeOf))!, /CH-000123 is a link/);
    assert.match((await folderProblem('/ws', '/ws/CH-000123/reviews', fs.typeOf))!, /CH-000123 is a link/);
    assert.equal(await folderProblem('/ws', '/ws/team/CH-000456', fs.typeOf), undefined);
    assert.deepEqual(fs.asked.slice(-2), ['/ws/team', '/ws/team/CH-000456']);
  });

  it('refuses a dangling link and a file on the way, and takes folders not made yet', async () => {
    const fs = fakeTypes({ '/ws/gone': SYMBOLIC_LINK, '/ws/notes.yaml': FILE, '/ws/east': DIRECTORY });
    assert.ok(await folderProblem('/ws', '/ws/gone', fs.typeOf));
    assert.ok(await folderProblem('/ws', '/ws/notes.yaml/x', fs.typeOf));
    assert.equal(await folderProblem('/ws', '/ws/east/CH-000999', fs.typeOf), undefined, 'a new child folder');
    assert.ok(await folderProblem('/ws', '/elsewhere/CH-000999', fs.typeOf), 'outside the root');
    assert.ok(await folderProblem('/ws', '/ws/east/../../etc', fs.typeOf));
  });

  it('takes names as taken whatever their case', () => {
    const taken = takenNames(['Review-2026-01-05.yaml']);
    assert.ok(taken('review-2026-01-05.yaml'));
    assert.ok(!taken('review-2026-01-05-2.yaml'));
  });

  it('never replaces a file: when the name is taken at creation, the next name is made', async () => {
    const onDisk = new Set(['review-2026-01-05.yaml', 'review-2026-01-05-2.yaml']); // -2 not in the listing
    const made: string[] = [];
    const create = async (name: string) => { if (onDisk.has(name)) return false; onDisk.add(name); made.push(name); return true; };
    const name = await createUnderFreeName('review', '2026-01-05', ['REVIEW-2026-01-05.yaml'], create);
    assert.equal(name, 'review-2026-01-05-3.yaml');
    assert.deepEqual(made, ['review-2026-01-05-3.yaml']);
  });

  it('gives up after a bounded number of tries', async () => {
    let tries = 0;
    assert.equal(await createUnderFreeName('supervision', '2026-01-05', [], async () => { tries++; return false; }), undefined);
    assert.ok(tries > 1 && tries <= 100, `${tries} tries`);
  });
});
