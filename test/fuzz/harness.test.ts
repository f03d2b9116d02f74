/**
 * CI's small fixed-seed run of the fuzz and soak harness (`npm run fuzz`, `npm run soak`; see
 * README "Fuzzing and soak"). Each must finish with zero failures: a failure here names the
 * saved reproduction under .fuzz-failures/ and the command that rebuilds it.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { CLI } from './cliBatch';
import { formatSummary, runFuzz } from './fuzz';
import { formatSoakSummary, runSoak } from './soak';
import { SERVER } from '../support/lspClient';

const SEED = 20251201;

describe('fuzz and soak harness (small fixed seed)', function () {
  this.timeout(180_000);

  before(() => {
    assert.ok(existsSync(CLI) && existsSync(SERVER), 'run `npm run build` first: dist/cli.js or dist/server.js is missing');
  });

  it('fuzz: 300 records through the engine, every editor feature and the CLI', async () => {
    const s = await runFuzz({ count: 300, seed: SEED });
    assert.equal(s.records, 300);
    assert.equal(s.failures, 0, formatSummary(s));
  });

  it('soak: 300 edits through the language server, then diagnostics equal to the CLI', async () => {
    const s = await runSoak({ edits: 300, seed: SEED });
    assert.equal(s.failures, 0, formatSoakSummary(s));
  });
});
