import assert from 'node:assert/strict';
import { DocumentIndex, scanDocument } from '../../../server/src/service';

describe('document index', () => {
  it('reads top-level kind and id cheaply', () => {
    const { textHash, ...read } = scanDocument('u', '# c\nkind: review\nid: "rev-1"  # note\n');
    assert.deepEqual(read, { uri: 'u', kind: 'review', id: 'rev-1', idLine: 2 });
    assert.equal(typeof textHash, 'number');
    assert.deepEqual(scanDocument('u', 'kind: other\nid: x\n'), { uri: 'u', kind: undefined, id: 'x', idLine: 1 });
    assert.equal(scanDocument('u', 'kind: review\nreview:\n  id: nested\n').id, undefined);
  });

  it("reads the children a record is about: `child:`, or `children:` as a flow or block list", () => {
    assert.deepEqual(scanDocument('u', 'kind: review\nchild: CH-000123  # J\n').children, ['CH-000123']);
    assert.deepEqual(scanDocument('u', 'kind: supervision\nchildren: [CH-000123, "CH-000124"]\n').children, ['CH-000123', 'CH-000124']);
    assert.deepEqual(scanDocument('u', 'kind: supervision\nchildren:\n  - CH-000123\n  - CH-000124 # sister\ndate: 2025-01-01\n').children, ['CH-000123', 'CH-000124']);
    assert.equal(scanDocument('u', 'kind: review\nreview:\n  child: CH-1\n').children, undefined);
  });

  it("keeps each child's records, and tells a change of text from a change of what links records", () => {
    const [a, b] = ['file:///ws/a.yaml', 'file:///ws/b.yaml'];
    const index = new DocumentIndex();
    index.set(a, 'kind: review\nid: r1\nchild: CH-1\n');
    index.set(b, 'kind: supervision\nchildren: [CH-1, CH-2]\n');
    assert.deepEqual(index.recordsOf('CH-1').map((d) => d.uri).sort(), [a, b]);
    assert.deepEqual(index.allChildren().sort(), ['CH-1', 'CH-2']);
    const generation = index.generation;
    const hash = index.get(a)!.textHash;
    assert.equal(index.set(a, 'kind: review\nid: r1\nchild: CH-1\ndate: 2025-01-01\n'), false, 'only the text changed');
    assert.equal(index.generation, generation);
    assert.notEqual(index.get(a)!.textHash, hash, 'but the entry says the text is new');
    assert.equal(index.set(a, 'kind: review\nid: r1\nchild: CH-3\n'), true, 'moved to another child');
    assert.deepEqual(index.recordsOf('CH-1').map((d) => d.uri), [b]);
    index.remove(b);
    assert.deepEqual(index.allChildren(), ['CH-3']);
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
