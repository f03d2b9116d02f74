// Neovim, headless, as an independent LSP client: for each sample, the findings marked
// `# expect:` for the mission rules must arrive from `node dist/server.js --stdio`.
// Usage: node nvim.mjs <workspace>   (exit 0 = every sample passed)
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT, installExitHooks, isolate, log, spawnGroup, stopGroup } from './lib.mjs';

const [workspace] = process.argv.slice(2);
const RULES = ['action-timescale', 'expectation-generic', 'reference-missing'];
const SAMPLES = [['CH-000456', 'review-1.yaml'], ['CH-000456', 'care-plan.yaml'], ['CH-000456', 'review-3.yaml']];
isolate();
installExitHooks();
const dir = join(OUTPUT, 'nvim');
mkdirSync(dir, { recursive: true });

/** `line:rule` (0-based) for every marker of the mission rules. */
function markers(file) {
  const keys = [];
  readFileSync(file, 'utf8').split('\n').forEach((text, line) => {
    const m = /#\s*expect:\s*(.+)$/.exec(text);
    for (const rule of m ? m[1].split(',').map((s) => s.trim()) : []) if (RULES.includes(rule)) keys.push(`${line}:${rule}`);
  });
  return keys;
}

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
