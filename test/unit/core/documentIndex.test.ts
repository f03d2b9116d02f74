import assert from 'node:assert/strict';
import { DocumentIndex, scanDocument } from '../../../server/src/service';

describe('document index', () => {
  it('reads top-level kind and id cheaply', () => {
    assert.deepEqual(scanDocument('u', '# c\nkind: review\nid: "rev-1"  # note\n'), { uri: 'u', kind: 'review', id: 'rev-1', idLine: 2 });
    assert.deepEqual(scanDocument('u', 'kind: other\nid: x\n'), { uri: 'u', kind: undefined, id: 'x', idLine: 1 });
    assert.equal(scanDocument('u', 'kind: review\nreview:\n  id: nested\n').id, undefined);
  });

  it('tracks ids as documents change and go', () => {
    const index = new DocumentIndex();
    assert.equal(index.set('a', 'kind: review\nid: r1\n'), true);
    assert.equal(index.set('a', 'kind: review\nid: r1\n# edit\n'), false);
    index.set('b', 'kind: care-plan\nid: r1\n');
    assert.deepEqual(index.findById('r1').map((d) => d.uri).sort(), ['a', 'b']);
    index.set('a', 'kind: review\nid: r2\n');
    assert.deepEqual(index.findById('r1').map((d) => d.uri), ['b']);
    index.remove('b');
    assert.deepEqual(index.findById('r1'), []);
    assert.deepEqual(index.allIds(), ['r2']);
    index.set('c', 'just: yaml\nid: r2\n');
    assert.deepEqual(index.findById('r2').map((d) => d.uri), ['a']);
  });
});
