// Neovim, headless, as an independent LSP client: for each sample, the findings marked
// `# expect:` for the mission rules must arrive from `node dist/server.js --stdio`.
// Usage: node nvim.mjs <workspace>   (exit 0 = every sample passed)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LSP_SAMPLES as SAMPLES, OUTPUT, ROOT, awaitSampleRun, expectMarkers as markers, installExitHooks, isolate, spawnGroup } from './lib.mjs';

const [workspace] = process.argv.slice(2);
isolate();
installExitHooks();
const dir = join(OUTPUT, 'nvim');
mkdirSync(dir, { recursive: true });

let failed = 0;
for (const sample of SAMPLES) {
  const file = join(workspace, ...sample);
  const expect = markers(file);
  const out = join(dir, `${sample.join('-').replace(/\.yaml$/, '')}.txt`);
  const t = Date.now();
  const nvim = spawnGroup('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n',
    '-c', `luafile ${join(ROOT, 'test/e2e/nvim-diagnostics.lua')}`, file], {
    env: { ...process.env, CAREPLAN_LSP_CMD: `node ${join(ROOT, 'dist/server.js')} --stdio`, CAREPLAN_EXPECT: expect.join(','),
      CAREPLAN_ROOT: workspace, CAREPLAN_OUT: out },
    logFile: join(dir, `${sample.join('-').replace(/\.yaml$/, '')}.log`),
  });
  if (!(await awaitSampleRun('nvim', nvim, { sample, expect, out, started: t }))) failed++;
}
process.exit(failed ? 1 : 0);
