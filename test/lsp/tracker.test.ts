/**
 * Protocol test of `careplan/tracker` (issue 12): the server answers with the report's JSON for
 * the workspace's records, the same figures as `careplan report`, and an unsaved edit to an open
 * record shows in the next answer.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, SERVER, pathToUri } from '../support/lspClient';
import type { Tracker } from '../../server/src/service/tracker';

const REVIEW_1 = `kind: review
id: rev-CH810001-1
child: CH-810001
date: 2025-02-07
looked_after_since: 2025-01-13
placement: { type: foster-care, start_date: 2025-01-13 }
review: { number: 1, next_review_due: 2025-05-07 }
wishes_and_feelings: { child: K says she likes her school. }
actions:
  - { id: A1, action: Book the health assessment, owner: Social worker, due: 2025-03-01, status: open }
`;
const REVIEW_2 = `kind: review
id: rev-CH810001-2
child: CH-810001
date: 2025-05-01
review: { number: 2, previous_review_date: 2025-02-07, next_review_due: 2025-10-30 }
wishes_and_feelings: { child: K says she wants to stay with her carers. }
permanence: { plan: long-term-fostering, agreed_at_review: 2 }
`;
const OTHER = `kind: care-plan
id: cp-CH810002
child: CH-810002
date: 2025-03-01
looked_after_since: 2025-02-20
`;

describe('language server: the permanence tracker request (protocol)', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;
  const file = (rel: string) => path.join(dir, rel);

  before(async () => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-tracker-'));
    mkdirSync(file('k'));
    writeFileSync(file('.careplan.yaml'), 'today: 2025-06-01\n');
    writeFileSync(file('k/review-1.yaml'), REVIEW_1);
    writeFileSync(file('k/review-2.yaml'), REVIEW_2);
    writeFileSync(file('other.yaml'), OTHER);
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with a row per child, the summary and the records by URI', async () => {
    const t = await client.request<Tracker>('careplan/tracker', {});
    assert.equal(t.today, '2025-06-01');
    assert.deepEqual(t.rows.map((r) => r.child), ['CH-810001', 'CH-810002']);
    const k = t.rows[0]!;
    assert.deepEqual(k.records, [pathToUri(file('k/review-1.yaml')), pathToUri(file('k/review-2.yaml'))]);
    assert.equal(k.plan, 'long-term-fostering');
    assert.equal(k.daysToPlan, 108); // 13 January to 1 May
    assert.equal(k.planBySecondReview, true);
    assert.deepEqual(k.flags, { 'previous-actions': 1 }); // review 2 does not account for A1
    assert.deepEqual(t.summary.reviewsOverdue, ['CH-810002']); // its first review was due 20 working days after 20 February
  });

  it('counts an unsaved edit to an open record', async () => {
    client.open(pathToUri(file('k/review-2.yaml')), REVIEW_2);
    client.change(pathToUri(file('k/review-2.yaml')), REVIEW_2.replace('permanence: { plan: long-term-fostering, agreed_at_review: 2 }\n', 'previous_actions:\n  - { id: A1, outcome: done }\n'));
    const t = await client.request<Tracker>('careplan/tracker', {});
    const k = t.rows[0]!;
    assert.equal(k.plan, undefined);
    assert.deepEqual(k.flags, {});
    assert.deepEqual(t.summary.byPlanType, { none: 2 });
  });
});
