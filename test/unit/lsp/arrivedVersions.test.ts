import { strict as assert } from 'node:assert';
import { ArrivedVersions } from '../../../server/src/lsp/transport';

describe('arrived versions: what the client has sent, as it is read', () => {
  it('counts requests and notifications as the client being active, not answers to the server', () => {
    const arrived = new ArrivedVersions();
    assert.equal(arrived.lastReadAt, -Infinity);
    // The client answering workspace/configuration must not hold back background work.
    arrived.note({ jsonrpc: '2.0', id: 1, result: [{ enable: true }] } as never);
    assert.equal(arrived.lastReadAt, -Infinity);
    const before = performance.now();
    arrived.note({ jsonrpc: '2.0', method: 'textDocument/hover', id: 7, params: {} } as never);
    assert.ok(arrived.lastReadAt >= before);
    const afterRequest = arrived.lastReadAt;
    arrived.note({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id: 7 } } as never);
    assert.ok(arrived.lastReadAt >= afterRequest);
  });

  it('knows a newer version of a document has been read before it is applied', () => {
    const arrived = new ArrivedVersions();
    const change = (version: number) => ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///a.yaml', version }, contentChanges: [] } });
    arrived.note(change(2) as never);
    assert.equal(arrived.newerThan('file:///a.yaml', 1), true);
    assert.equal(arrived.newerThan('file:///a.yaml', 2), false);
    assert.notEqual(arrived.readTime('file:///a.yaml', 2), undefined);
    arrived.note({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///a.yaml' } } } as never);
    assert.equal(arrived.newerThan('file:///a.yaml', 1), false);
  });

  it("waits for the client's requests to be answered, and for no longer than it is told", async () => {
    const arrived = new ArrivedVersions();
    const ran: string[] = [];
    arrived.afterAnswers(() => ran.push('none waiting'), 1000);
    assert.deepEqual(ran, ['none waiting'], 'runs at once when nothing is waiting');

    arrived.note({ jsonrpc: '2.0', method: 'textDocument/completion', id: 3, params: {} } as never);
    arrived.note({ jsonrpc: '2.0', method: 'textDocument/codeAction', id: 'b', params: {} } as never);
    arrived.afterAnswers(() => ran.push('after answers'), 1000);
    arrived.sent({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: {} } as never); // not an answer
    arrived.sent({ jsonrpc: '2.0', id: 3, result: null } as never);
    assert.deepEqual(ran, ['none waiting'], 'one request is still unanswered');
    arrived.sent({ jsonrpc: '2.0', id: 'b', result: [] } as never);
    assert.deepEqual(ran, ['none waiting', 'after answers']);

    // A request that is never answered holds nothing back for longer than the limit.
    arrived.note({ jsonrpc: '2.0', method: 'careplan/tracker', id: 9, params: {} } as never);
    arrived.afterAnswers(() => ran.push('after the limit'), 30);
    await new Promise((r) => setTimeout(r, 80));
    assert.deepEqual(ran, ['none waiting', 'after answers', 'after the limit']);
    arrived.sent({ jsonrpc: '2.0', id: 9, result: null } as never);
    assert.equal(ran.length, 3, 'run once, not again when the answer comes');
  });
});
