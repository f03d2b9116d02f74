import assert from 'node:assert/strict';
import { parseCarePlanDocument, locate, toPointer, fromPointer } from '../../../server/src/service';
import { locateInScalar } from '../../../server/src/service/locate';

describe('parse and locate', () => {
  it('recognises only our kinds', () => {
    assert.equal(parseCarePlanDocument('kind: review\nid: x\n').kind, 'review');
    assert.equal(parseCarePlanDocument('kind: Deployment\n').kind, undefined);
    assert.equal(parseCarePlanDocument('name: just yaml\n').kind, undefined);
    assert.equal(parseCarePlanDocument('- a\n- b\n').kind, undefined);
    assert.equal(parseCarePlanDocument('name: x\n', 'care-plan').kind, 'care-plan');
  });

  it('turns duplicate keys and tabs into problems, not exceptions', () => {
    const dup = parseCarePlanDocument('kind: review\nid: a\nid: b\n');
    assert.equal(dup.problems.length, 1);
    assert.match(dup.problems[0].message, /appears twice/);
    assert.equal(dup.problems[0].range.start.line, 2);
    const tab = parseCarePlanDocument('kind: review\nactions:\n\t- id: A1\n');
    assert.ok(tab.problems.length >= 1);
  });

  it('refuses alias bombs with a problem', () => {
    const lines = ['kind: review', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    const p = parseCarePlanDocument(lines.join('\n'));
    assert.equal(p.value, undefined);
    assert.match(p.problems.at(-1)!.message, /aliases/);
  });

  it('locates values, keys, items and missing fields', () => {
    const text = 'kind: review\nactions:\n  - id: A1\n    action: Refer Mother\n    timescale: ongoing\n';
    const p = parseCarePlanDocument(text);
    assert.deepEqual(locate(p, ['actions', 0, 'timescale']), { start: { line: 4, character: 15 }, end: { line: 4, character: 22 } });
    assert.deepEqual(locate(p, ['actions', 0, 'timescale'], 'key'), { start: { line: 4, character: 4 }, end: { line: 4, character: 13 } });
    assert.deepEqual(locate(p, ['actions', 0]), { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
    // a missing field underlines the first line of the item that lacks it
    assert.deepEqual(locate(p, ['actions', 0, 'owner']).start, { line: 2, character: 4 });
  });

  it('locates an empty value at its key', () => {
    const p = parseCarePlanDocument('kind: review\ndue:\n');
    assert.deepEqual(locate(p, ['due']), { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  });

  it('finds a phrase inside a block scalar across a line break', () => {
    const text = 'kind: review\ndiscussion: |\n  Health is fine; see the\n  PEP dated 14/01/2025.\n';
    const p = parseCarePlanDocument(text);
    const value = 'Health is fine; see the\nPEP dated 14/01/2025.\n';
    const start = value.indexOf('see');
    const r = locateInScalar(p, ['discussion'], start, value.indexOf('2025') + 4)!;
    assert.deepEqual(r.start, { line: 2, character: 18 });
    assert.deepEqual(r.end, { line: 3, character: 22 });
  });

  it('keeps CRLF out of ranges and counts a BOM as a character', () => {
    const p = parseCarePlanDocument('kind: review\r\nchild: CH-1\r\n');
    assert.deepEqual(locate(p, ['child']), { start: { line: 1, character: 7 }, end: { line: 1, character: 11 } });
    const b = parseCarePlanDocument('\uFEFFkind: review\n');
    assert.equal(b.kind, 'review');
  });

  it('round-trips JSON pointers', () => {
    assert.equal(toPointer(['parent_expectations', 3, 'expectation']), '/parent_expectations/3/expectation');
    assert.deepEqual(fromPointer('/a~1b/0/c~0d'), ['a/b', 0, 'c~d']);
  });
});
