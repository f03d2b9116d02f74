// Neovim, headless, as an independent LSP client: for each sample, the findings marked
// `# expect:` for the mission rules must arrive from `node dist/server.js --stdio`.
// Usage: node nvim.mjs <workspace>   (exit 0 = every sample passed)
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LSP_SAMPLES as SAMPLES, OUTPUT, ROOT, expectMarkers as markers, installExitHooks, isolate, log, spawnGroup, stopGroup } from './lib.mjs';

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
  const code = await new Promise((res) => {
    const kill = setTimeout(() => { stopGroup(nvim); res('timeout'); }, 60_000);
    nvim.on('exit', (c, s) => { clearTimeout(kill); res(c ?? s); });
  });
  const report = (() => { try { return readFileSync(out, 'utf8').trim(); } catch { return '(no report)'; } })();
  const ok = code === 0;
  if (!ok) failed++;
  log('nvim', `${ok ? 'PASS' : 'FAIL'} ${sample.join('/')}: ${expect.length} expected (${expect.join(', ')}), exit ${code}, ${Date.now() - t} ms`);
  if (!ok) console.log(report.split('\n').map((l) => `    ${l}`).join('\n'));
}
process.exit(failed ? 1 : 0);
