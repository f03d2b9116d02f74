import { strict as assert } from 'node:assert';
import { DocumentIndex, parseCarePlanDocument } from '../../../server/src/service';
import { Chronology, factsOf } from '../../../server/src/service/chronology';

const review = (n: number, date: string, child = 'CH-300001') => `kind: review
id: rev-${n}
child: ${child}
date: ${date}
review: { number: ${n}, next_review_due: 2026-01-01 }
actions:
  - id: A1
    action: Book the health assessment
    status: open
    due: ${date}
`;

/** An index and a chronology over texts held in memory, counting how often a record is read. */
function workspace(files: Record<string, string>) {
  const texts = new Map(Object.entries(files));
  const index = new DocumentIndex();
  for (const [uri, text] of texts) index.set(uri, text);
  const reads: string[] = [];
  const chronology = new Chronology(index, async (uri) => {
    reads.push(uri);
    const text = texts.get(uri);
    return text === undefined ? undefined : factsOf(uri, parseCarePlanDocument(text));
  });
  const edit = (uri: string, text: string) => {
    texts.set(uri, text);
    index.set(uri, text);
  };
  return { index, chronology, reads, edit };
}

describe('chronology: a child’s records as a whole', () => {
  it('lists a child’s records in date order, care plan before review on the same day, others’ records left out', async () => {
    const ws = workspace({
      'file:///ws/r2.yaml': review(2, '2025-08-01'),
      'file:///ws/r1.yaml': review(1, '2025-05-01'),
      'file:///ws/cp.yaml': 'kind: care-plan\nid: cp\nchild: CH-300001\ndate: 2025-05-01\n',
      'file:///ws/other.yaml': review(1, '2025-01-01', 'CH-999999'),
      'file:///ws/sup.yaml': 'kind: supervision\nchildren: [CH-300001, CH-300002]\ndate: 2025-06-01\nnext_supervision: 2025-07-01\n',
    });
    const records = await ws.chronology.recordsOf('CH-300001');
    assert.deepEqual(records.map((r) => r.uri.slice('file:///ws/'.length)), ['cp.yaml', 'r1.yaml', 'sup.yaml', 'r2.yaml']);
    assert.deepEqual(records[1].review, { number: 1, nextDue: '2026-01-01' });
    assert.deepEqual(records[1].actions, [{ id: 'A1', status: 'open', due: '2025-05-01', text: 'Book the health assessment' }]);
    assert.equal(records[2].nextSupervision, '2025-07-01');
    assert.equal(records[1].line, 3, 'the line of date:, for related information');
  });

  it('tells which other records’ facts a timeline read, with their keys, for a cache to know when it still holds', async () => {
    const ws = workspace({ 'file:///ws/r1.yaml': review(1, '2025-05-01'), 'file:///ws/r2.yaml': review(2, '2025-08-01'), 'file:///ws/o.yaml': review(1, '2025-01-01', 'CH-999999') });
    const self = factsOf('file:///ws/r2.yaml', parseCarePlanDocument(review(2, '2025-08-01')))!;
    const used = new Map<string, string>();
    await ws.chronology.timelinesOf(self, used);
    assert.deepEqual([...used.keys()], ['file:///ws/r1.yaml'], 'the other record of the child, not itself nor another child’s');
    const key = used.get('file:///ws/r1.yaml');
    // words the facts do not hold leave the key as it was; a date changes it
    ws.edit('file:///ws/r1.yaml', review(1, '2025-05-01') + 'discussion: Words only.\n');
    await ws.chronology.timelinesOf(self, used);
    assert.equal(used.get('file:///ws/r1.yaml'), key);
    ws.edit('file:///ws/r1.yaml', review(1, '2025-05-02'));
    await ws.chronology.timelinesOf(self, used);
    assert.notEqual(used.get('file:///ws/r1.yaml'), key);
  });

  it('reads each record once, and again only when its text changed', async () => {
    const ws = workspace({ 'file:///ws/r1.yaml': review(1, '2025-05-01'), 'file:///ws/r2.yaml': review(2, '2025-08-01') });
    await ws.chronology.recordsOf('CH-300001');
    await ws.chronology.recordsOf('CH-300001');
    assert.equal(ws.reads.length, 2);
    ws.edit('file:///ws/r2.yaml', review(2, '2025-09-01'));
    const records = await ws.chronology.recordsOf('CH-300001');
    assert.deepEqual(ws.reads, ['file:///ws/r1.yaml', 'file:///ws/r2.yaml', 'file:///ws/r2.yaml']);
    assert.equal(records[1].date, '2025-09-01');
  });

  it('says which children changed when a checked record’s facts change, and nothing when only words changed', () => {
    const ws = workspace({});
    const facts = (text: string) => factsOf('file:///ws/r.yaml', parseCarePlanDocument(text));
    assert.deepEqual(ws.chronology.observe('file:///ws/r.yaml', facts(review(1, '2025-05-01')), 1), [], 'first seen: nothing depends on it yet');
    assert.deepEqual(ws.chronology.observe('file:///ws/r.yaml', facts(review(1, '2025-05-01') + 'discussion: more words\n'), 2), []);
    assert.deepEqual(ws.chronology.observe('file:///ws/r.yaml', facts(review(1, '2025-06-01')), 3), ['CH-300001']);
    assert.deepEqual(ws.chronology.observe('file:///ws/r.yaml', facts(review(1, '2025-06-01', 'CH-300002')), 4), ['CH-300001', 'CH-300002']);
    assert.deepEqual(ws.chronology.forget('file:///ws/r.yaml'), ['CH-300002']);
  });

  it('1,000 records across 100 children: each record is read once', async () => {
    const files: Record<string, string> = {};
    for (let c = 0; c < 100; c++) for (let r = 0; r < 10; r++) files[`file:///ws/c${c}/r${r}.yaml`] = review(r + 1, `2025-01-${String(r + 10)}`, `CH-${300000 + c}`);
    const ws = workspace(files);
    for (let c = 0; c < 100; c++) assert.equal((await ws.chronology.recordsOf(`CH-${300000 + c}`)).length, 10);
    assert.equal(ws.reads.length, 1_000, 'each record read once');
  });
});
