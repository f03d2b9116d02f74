import assert from 'node:assert/strict';
import { DocumentIndex, scanDocument } from '../../../server/src/service';

describe('document index', () => {
  it('reads top-level kind and id cheaply', () => {
    assert.deepEqual(scanDocument('u', '# c\nkind: review\nid: "rev-1"  # note\n'), { uri: 'u', kind: 'review', id: 'rev-1', idLine: 2 });
    assert.deepEqual(scanDocument('u', 'kind: other\nid: x\n'), { uri: 'u', kind: undefined, id: 'x', idLine: 1 });
    assert.equal(scanDocument('u', 'kind: review\nreview:\n  id: nested\n').id, undefined);
  });

  it('tracks ids as documents change and go', () => {
    const [a, b, c] = ['file:///ws/a.yaml', 'file:///ws/b.yaml', 'file:///ws/c.yaml'];
    const index = new DocumentIndex();
    assert.equal(index.set(a, 'kind: review\nid: r1\n'), true);
    assert.equal(index.set(a, 'kind: review\nid: r1\n# edit\n'), false);
    index.set(b, 'kind: care-plan\nid: r1\n');
    assert.deepEqual(index.findById('r1').map((d) => d.uri).sort(), [a, b]);
    index.set(a, 'kind: review\nid: r2\n');
    assert.deepEqual(index.findById('r1').map((d) => d.uri), [b]);
    index.remove(b);
    assert.deepEqual(index.findById('r1'), []);
    assert.deepEqual(index.allIds(), ['r2']);
    index.set(c, 'just: yaml\nid: r2\n');
    assert.deepEqual(index.findById('r2').map((d) => d.uri), [a]);
  });

  it('keeps one entry per file however the client spells its URI', () => {
    const index = new DocumentIndex();
    index.set("file:///ws/O'Brien%20(J)/a.yaml", 'kind: review\nid: r1\n');
    index.set('file:///ws/O%27Brien%20%28J%29/a.yaml', 'kind: review\nid: r1\n');
    assert.equal(index.findById('r1').length, 1);
    assert.ok(index.get("file:///ws/O'Brien%20(J)/a.yaml"));
    assert.equal(index.remove('file:///ws/O%27Brien%20%28J%29/a.yaml'), true);
    assert.deepEqual(index.allIds(), []);
  });
});
