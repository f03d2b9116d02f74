/**
 * The editor and CI never disagree: every sample record opened in the language server gets
 * exactly the findings `careplan lint` reports for it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintPaths } from '../../server/src/node/lint';
import { LspClient, pathToUri } from '../support/lspClient';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

describe('language server and CLI agree on every sample', function () {
  this.timeout(60_000);
  let client: LspClient;

  before(async () => {
    client = new LspClient();
    await client.initialize(SAMPLES);
  });

  after(async () => {
    await client?.stop();
  });

  it('each sample record: the same rule, range and message as `careplan lint`', async () => {
    const results = await lintPaths([SAMPLES], { root: SAMPLES });
    assert.ok(results.length >= 5, 'samples are there');
    for (const r of results) {
      const uri = pathToUri(r.filePath);
      client.open(uri, readFileSync(r.filePath, 'utf8'));
      const { diagnostics } = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
        r.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.message]),
        path.relative(SAMPLES, r.filePath),
      );
    }
  });
});
