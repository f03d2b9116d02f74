/**
 * Bursts of workspace changes (issue 10, defect 4): closing many unsaved records changes the
 * workspace index once per close. Each change used to recheck every open record, so closing
 * n buffers cost n² checks and the server stopped answering. The rechecks are now coalesced:
 * a burst costs a pass or two, however long it is.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, pathToUri } from '../support/lspClient';
import { RECORD } from '../support/hostile';

const COUNT = 120;

describe('language server: a burst of closes (issue 10, defect 4)', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-burst-'));
    client = new LspClient({ settings: { today: '2025-05-01' } });
    await client.initialize(root);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it(`closing ${COUNT} unsaved records rechecks the others a few times, not once per close`, async () => {
    // Unsaved records (nothing on disk): reviews, each naming a care plan, and the care plans, so
    // every close of a care plan changes what the reviews can resolve.
    const half = COUNT / 2;
    const keep = Array.from({ length: half }, (_, i) => pathToUri(path.join(root, `review-${i}.yaml`)));
    const plans = Array.from({ length: half }, (_, i) => pathToUri(path.join(root, `plan-${i}.yaml`)));
    for (const [i, uri] of keep.entries()) client.open(uri, RECORD(`R-${i}`).replace('review: { ', `review: { care_plan: CP-${i}, `));
    for (const [i, uri] of plans.entries()) client.open(uri, `kind: care-plan\nid: CP-${i}\nchild: CH-000999\ndate: 2025-04-01\n`);
    await Promise.all([...keep, ...plans].map((u) => client.diagnosticsFor(u, 1, 60_000)));
    // Let any pass the opens started finish before counting.
    await quiet(client, 1_000);
    const shownBefore = lastFor(client, keep[half - 1]);
    assert.ok(!shownBefore.some((d) => d.code === 'reference-missing'), JSON.stringify(shownBefore));

    const before = client.published.length;
    for (const uri of plans) client.close(uri);
    await quiet(client, 1_500);
    const forKept = client.published.slice(before).filter((p) => keep.includes(p.uri)).length;

    // One recheck of each kept record per pass; once per close would be COUNT/2 passes (1,800 publications).
    assert.ok(forKept <= keep.length * 3, `${forKept} publications for ${keep.length} open records after ${COUNT / 2} closes`);
    // …and the last pass saw every close: the kept record whose care plan was closed now says it is missing.
    const last = lastFor(client, keep[half - 1]);
    assert.ok(last.some((d) => d.code === 'reference-missing'), JSON.stringify(last.map((d) => d.code)));
  });
});

function lastFor(client: LspClient, uri: string) {
  return [...client.published].reverse().find((p) => p.uri === uri)!.diagnostics;
}

/** Resolves once nothing has been published for `ms`. */
async function quiet(client: LspClient, ms: number): Promise<void> {
  let seen = -1;
  while (seen !== client.published.length) {
    seen = client.published.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}
