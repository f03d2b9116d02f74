import { strict as assert } from 'node:assert';
import { cursorContext } from '../../../server/src/service/features';
import { REVIEW, at } from './fixture';

function ctxAfter(text: string, needle: string, delta = needle.length) {
  return cursorContext(text, at(text, needle, delta));
}

describe('features: cursor context from indentation', () => {
  it('a blank line inside an action is a field of that action, with its siblings known', () => {
    const text = REVIEW.replace('    status: open\n    references', '    \n    status: open\n    references');
    const c = cursorContext(text, { line: at(text, '    \n    status: open').line, character: 4 });
    assert.equal(c.kind, 'key');
    if (c.kind !== 'key') return;
    assert.deepEqual(c.path, ['actions', 0]);
    assert.deepEqual([...c.siblings].sort(), ['action', 'id', 'owner', 'references', 'status', 'timescale']);
  });

  it('a partial word after `- ` starts a new list item', () => {
    const text = REVIEW.replace('parent_expectations:\n', 'parent_expectations:\n  - par\n');
    const c = ctxAfter(text, '  - par');
    assert.equal(c.kind, 'key');
    if (c.kind !== 'key') return;
    assert.deepEqual(c.path, ['parent_expectations', 0]);
    assert.equal(c.prefix, 'par');
    assert.equal(c.siblings.size, 0);
  });

  it('the value after `status: ` has the value path, in the second action', () => {
    const text = REVIEW.replace('    timescale: ongoing\n    status: open', '    timescale: ongoing\n    status: op');
    const c = ctxAfter(text, 'ongoing\n    status: op');
    assert.equal(c.kind, 'value');
    if (c.kind !== 'value') return;
    assert.deepEqual(c.path, ['actions', 1, 'status']);
    assert.equal(c.prefix, 'op');
  });

  it('an item of a flow list is a value with its index', () => {
    const text = REVIEW.replace('references: [pep-2025-01]', 'references: [pep-2025-01, pe');
    const c = ctxAfter(text, '[pep-2025-01, pe');
    assert.equal(c.kind, 'value');
    if (c.kind !== 'value') return;
    assert.deepEqual(c.path, ['actions', 0, 'references', 1]);
    assert.equal(c.prefix, 'pe');
  });

  it('lines of a block scalar are not fields', () => {
    const c = cursorContext(REVIEW, at(REVIEW, '  Education', 2));
    assert.equal(c.kind, 'none');
  });

  it('keys after a block scalar are at the top level again', () => {
    const text = REVIEW.replace('\nactions:', '\nact\nactions:');
    const c = ctxAfter(text, '\nact', 4);
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') assert.deepEqual(c.path, []);
  });

  it('nothing inside a comment', () => {
    const c = ctxAfter(REVIEW, '# the plan');
    assert.equal(c.kind, 'none');
  });
});

describe('features: cursor context in one-line flow mappings', () => {
  it('`placement: { type: pla` is the value of placement.type', () => {
    const text = REVIEW.replace('placement: { type: placed-with-parents, start_date: 2025-01-06 }', 'placement: { start_date: 2025-01-06, type: pla');
    const c = ctxAfter(text, 'type: pla');
    assert.equal(c.kind, 'value');
    if (c.kind === 'value') {
      assert.deepEqual(c.path, ['placement', 'type']);
      assert.equal(c.prefix, 'pla');
    }
  });

  it('`- { what: X, sta` in a list is a field of that item, with the earlier ones as siblings', () => {
    const text = REVIEW.replace('references:\n  - id: pep', 'references:\n  - { id: x, ty\n  - id: pep');
    const c = ctxAfter(text, '{ id: x, ty');
    assert.equal(c.kind, 'key');
    if (c.kind === 'key') {
      assert.deepEqual(c.path, ['references', 0]);
      assert.deepEqual([...c.siblings], ['id']);
      assert.equal(c.flow, true);
    }
  });
});
