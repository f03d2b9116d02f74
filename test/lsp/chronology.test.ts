/**
 * Protocol test of the checks across a child's records (issue 11): one record open, its findings
 * depend on the child's other records, and a change to another record — on disk or in an
 * unsaved buffer — changes them. A change to another child's record does not recheck it.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, SERVER, pathToUri } from '../support/lspClient';

const review1 = (a2Status: string, date = '2025-02-07') => `kind: review
id: rev-CH800001-1
child: CH-800001
date: ${date}
review: { number: 1, next_review_due: 2025-05-07 }
wishes_and_feelings: { child: K says she likes her school. }
actions:
  - { id: A1, action: Book the health assessment, owner: Social worker, due: 2025-03-01, status: done }
  - { id: A2, action: Refer Mother to the parenting programme, owner: Social worker, due: 2025-03-14, status: ${a2Status} }
`;

const REVIEW_2 = `kind: review
id: rev-CH800001-2
child: CH-800001
date: 2025-05-01
review: { number: 2, previous_review_date: 2025-02-07, next_review_due: 2025-10-30 }
wishes_and_feelings: { child: K says she wants to stay with her carers. }
permanence: { plan: long-term-fostering }
previous_actions:
  - { id: A1, outcome: done }
`;

const OTHER_CHILD = `kind: review
id: rev-CH800002-1
child: CH-800002
date: 2025-02-07
review: { number: 1, next_review_due: 2026-02-07 }
wishes_and_feelings: { child: L is happy at school. }
`;

describe('language server: a child’s records checked together (protocol)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  const file = (rel: string) => path.join(dir, rel);
  const uriOf = (rel: string) => pathToUri(file(rel));
  const codes = (d: { code?: string | number }[]) => d.map((x) => String(x.code));

  before(async () => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-chronology-'));
    mkdirSync(file('k'));
    writeFileSync(file('.careplan.yaml'), 'today: 2025-06-01\n');
    writeFileSync(file('k/review-1.yaml'), review1('open'));
    writeFileSync(file('k/review-2.yaml'), REVIEW_2);
    writeFileSync(file('other.yaml'), OTHER_CHILD);
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an open review shows the previous review’s open action it does not account for, linked to that review', async () => {
    client.open(uriOf('k/review-2.yaml'), REVIEW_2);
    const p = await client.diagnosticsFor(uriOf('k/review-2.yaml'), 1);
    const d = p.diagnostics.find((x) => x.code === 'previous-actions');
    assert.ok(d, JSON.stringify(codes(p.diagnostics)));
    assert.match(d.message, /Action A2 'Refer Mother to the parenting programme' from review 1 held on 7 February 2025 \(review-1\.yaml\)/);
    assert.equal(d.relatedInformation?.[0].location.uri, uriOf('k/review-1.yaml'));
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 3, 'the date: line of review 1');
  });

  it('a change to the other record on disk rechecks the open one', async () => {
    const from = client.published.length;
    writeFileSync(file('k/review-1.yaml'), review1('open', '2025-01-31'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('k/review-1.yaml'), type: 2 }] });
    const p = await client.waitFor((x) => x.uri === uriOf('k/review-2.yaml') && x.diagnostics.some((d) => d.code === 'review-sequence'), 10_000, from);
    const said = p.diagnostics.filter((d) => d.code === 'review-sequence').map((d) => d.message);
    assert.ok(said.some((m) => /previous review record for CH-800001 was held on 31 January 2025/.test(m)), said.join('\n'));
  });

  it('an unsaved edit of the other record, open beside it, changes the findings at once', async () => {
    client.open(uriOf('k/review-1.yaml'), review1('open', '2025-01-31'));
    await client.diagnosticsFor(uriOf('k/review-1.yaml'), 1);
    const from = client.published.length;
    client.change(uriOf('k/review-1.yaml'), review1('done'));
    const p = await client.waitFor((x) => x.uri === uriOf('k/review-2.yaml') && !x.diagnostics.some((d) => d.code === 'previous-actions'), 10_000, from);
    assert.deepEqual(codes(p.diagnostics).filter((c) => c === 'review-sequence' || c === 'previous-actions'), [], 'A2 done, dates agree');
  });

  it("a change to another child's record does not recheck this child's", async () => {
    client.open(uriOf('other.yaml'), OTHER_CHILD);
    await client.diagnosticsFor(uriOf('other.yaml'), 1);
    // the rechecks the test before set off may still be arriving on a loaded machine: wait until nothing has come for 400 ms
    for (let seen = -1, waited = 0; seen !== client.published.length && waited < 10_000; waited += 400) {
      seen = client.published.length;
      await new Promise((r) => setTimeout(r, 400));
    }
    const from = client.published.length;
    const v = client.change(uriOf('other.yaml'), OTHER_CHILD.replace('2025-02-07', '2025-02-10'));
    await client.diagnosticsFor(uriOf('other.yaml'), v);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(client.published.slice(from).filter((x) => x.uri.includes('/k/')).map((x) => x.uri), []);
  });
});
