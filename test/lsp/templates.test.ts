/**
 * Issue 14, new records: `careplan/templateFor` answers the editor's New commands with the team's
 * template (`templates:` in the .careplan.yaml that applies where the record goes), through the
 * real server, and never reads a template from outside the workspace folder.
 */
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, SERVER, pathToUri } from '../support/lspClient';

const TEAM_REVIEW = '# The Fostering team review template\nkind: review\nchild: {{child}}\ndate: {{today}}\n';
const EAST_REVIEW = '# The East team review template\nkind: review\nchild: {{child}}\n';
const OUTSIDE_REVIEW = '# A template outside the workspace\nkind: review\n';

describe("language server: the team's templates for new records", function () {
  this.timeout(30_000);
  let top: string;
  let dir: string;
  let client: LspClient;
  const folderUri = (rel: string) => pathToUri(path.join(dir, rel));
  const ask = (params: unknown) => client.connection.sendRequest('careplan/templateFor', params);

  before(async () => {
    assert.ok(existsSync(SERVER), 'run `npm run build` first: dist/server.js is missing');
    top = mkdtempSync(path.join(os.tmpdir(), 'careplan-templates-'));
    dir = path.join(top, 'records');
    const outside = path.join(top, 'elsewhere');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'review.yaml'), OUTSIDE_REVIEW);
    writeFileSync(path.join(outside, 'care-plan.yaml'), OUTSIDE_REVIEW);
    mkdirSync(path.join(dir, 'team-templates'), { recursive: true });
    writeFileSync(path.join(dir, '.careplan.yaml'), 'templates: team-templates\n');
    writeFileSync(path.join(dir, 'team-templates/review.yaml'), TEAM_REVIEW);
    writeFileSync(path.join(dir, 'team-templates/supervision.yaml'), Buffer.from([0x6b, 0, 0, 0x01, 0x02, 0xff]));
    // A link in the team's folder leading outside the workspace: not followed.
    symlinkSync(path.join(outside, 'care-plan.yaml'), path.join(dir, 'team-templates/care-plan.yaml'));
    // A sub-team with its own templates, and one whose config points outside the workspace.
    mkdirSync(path.join(dir, 'east/templates'), { recursive: true });
    writeFileSync(path.join(dir, 'east/.careplan.yaml'), 'templates: templates\n');
    writeFileSync(path.join(dir, 'east/templates/review.yaml'), EAST_REVIEW);
    mkdirSync(path.join(dir, 'west'));
    writeFileSync(path.join(dir, 'west/.careplan.yaml'), 'templates: ../../elsewhere\n');
    client = new LspClient();
    await client.initialize(dir);
  });

  after(async () => {
    await client.stop();
    rmSync(top, { recursive: true, force: true });
  });

  it("answers with the team's template for a folder under its config, one that does not exist yet included", async () => {
    const uri = pathToUri(path.join(dir, 'team-templates/review.yaml'));
    assert.deepEqual(await ask({ kind: 'review', folderUri: folderUri('CH-000123') }), { text: TEAM_REVIEW, uri });
    assert.deepEqual(await ask({ kind: 'review', folderUri: pathToUri(dir) }), { text: TEAM_REVIEW, uri });
  });

  it("takes the templates of the config nearest the folder", async () => {
    const answer = await ask({ kind: 'review', folderUri: folderUri('east/CH-000456') });
    assert.deepEqual(answer, { text: EAST_REVIEW, uri: pathToUri(path.join(dir, 'east/templates/review.yaml')) });
  });

  it('answers null where the team has no template of that kind, so the built-in one is used', async () => {
    assert.equal(await ask({ kind: 'supervision', folderUri: folderUri('east/CH-000456') }), null);
  });

  it('says why a team template cannot be used instead of handing over its bytes', async () => {
    const answer = (await ask({ kind: 'supervision', folderUri: folderUri('CH-000123') })) as { problem?: string; text?: string };
    assert.equal(answer.text, undefined);
    assert.match(answer.problem ?? '', /not text/);
  });

  it('never reads a template outside the workspace folder, by a link or by the config', async () => {
    const linked = (await ask({ kind: 'care-plan', folderUri: folderUri('CH-000123') })) as { problem?: string; text?: string };
    assert.equal(linked.text, undefined);
    assert.match(linked.problem ?? '', /outside the workspace/);
    const configured = (await ask({ kind: 'review', folderUri: folderUri('west/CH-000789') })) as { problem?: string; text?: string };
    assert.equal(configured.text, undefined);
    assert.match(configured.problem ?? '', /outside the folders open/);
    // A folder outside the workspace gets nothing, not even the config there.
    assert.equal(await ask({ kind: 'review', folderUri: pathToUri(path.join(top, 'elsewhere')) }), null);
  });

  it('answers null to a request it cannot make sense of', async () => {
    for (const params of [{}, null, { kind: 'letter', folderUri: folderUri('CH-000123') }, { kind: 'review' }, { kind: 'review', folderUri: 42 }, { kind: 'review', folderUri: 'not a uri' }, { kind: 'review', folderUri: 'untitled:Untitled-1' }]) {
      assert.equal(await ask(params), null, JSON.stringify(params));
    }
  });
});
