// `npm run test:e2e`: the packaged extension in a real VS Code, and the language server in Neovim and Emacs.
//   1. installs what is missing (scripts/e2e-setup.sh: Chromium, Neovim, Emacs + eglot, code-server 4.100.3)
//   2. packages the .vsix (scripts/package.mjs) and bundles test/extension
//   3. runs the stages, each in its own process group with a time limit:
//      exttests  test/extension in code-server's real extension host via @vscode/test-electron
//      ui        the .vsix installed into code-server, driven in Chromium; screenshots
//      nvim      headless Neovim's LSP client against `node dist/server.js --stdio`
//      emacs     batch Emacs with eglot, configured as docs/language-server.md says, against the server over stdio
//      report    `careplan report`'s HTML tracker for the samples opened in Chromium: rows, sorting, filters, charts
// Options: --only exttests,ui,nvim,emacs,report   --skip-setup   --keep (keep the run folder)
// Output: test-output/e2e/ (screenshots, logs). HOME, XDG_* and TMPDIR point into a temporary run
// folder; every process started is stopped at the end, leftovers found by a per-run token.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CACHE, OUTPUT, ROOT, isolate, leftoverPids, log } from '../test/e2e/lib.mjs';

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const STAGES = ['exttests', 'ui', 'nvim', 'emacs', 'report'];
const only = (opt('--only') ?? STAGES.join(',')).split(',');
const started = Date.now();

const token = randomUUID();
process.env.CAREPLAN_E2E_RUN = token; // inherited by every process of this run (see leftoverPids)
mkdirSync(CACHE, { recursive: true });
const runDir = mkdtempSync(join(CACHE, 'run-'));
const realTmp = process.env.TMPDIR;
isolate(runDir);
rmSync(OUTPUT, { recursive: true, force: true });
mkdirSync(join(OUTPUT, 'logs'), { recursive: true });

/** Runs a command in its own process group; resolves with its exit code, killing the group on timeout. */
function run(name, cmd, cmdArgs, { timeoutMs = 600_000, env = process.env } = {}) {
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, env, stdio: 'inherit', detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(name, `time limit ${timeoutMs / 1000} s reached: stopping process group ${child.pid}`);
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000).unref();
    }, timeoutMs);
    const onSignal = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } };
    process.once('SIGINT', onSignal); process.once('SIGTERM', onSignal);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal);
      const rc = timedOut ? 124 : code ?? (signal ? 128 : 1);
      resolve({ name, rc, seconds: (Date.now() - t) / 1000 });
    });
  });
}

const results = [];
let fatal = null;
try {
  if (!args.includes('--skip-setup')) {
    // The installer keeps its own cache (code-server, ripgrep seed) outside the per-run folder.
    const setup = await run('setup', 'bash', [join(ROOT, 'scripts/e2e-setup.sh')], {
      env: { ...process.env, TMPDIR: realTmp ?? '/tmp' },
    });
    log('setup', `rc=${setup.rc} in ${setup.seconds.toFixed(1)} s`);
    if (setup.rc !== 0) throw new Error(setup.rc === 3 ? 'missing system packages (see above)' : 'setup failed');
  }

  const vsix = join(runDir, 'careplan.vsix');
  const pack = await run('package', process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', vsix]);
  if (pack.rc !== 0) throw new Error('packaging the .vsix failed');
  log('package', `${pack.seconds.toFixed(1)} s`);

  // The extension tests run against the unpacked .vsix: what users install is what is tested.
  const unpacked = join(runDir, 'vsix');
  execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', unpacked]);
  const extensionPath = join(unpacked, 'extension');

  // test/extension -> out/extension-tests (inside the repo, so `require('mocha')` resolves).
  const testsOut = join(ROOT, 'out/extension-tests');
  rmSync(testsOut, { recursive: true, force: true });
  const esbuild = await import('esbuild');
  const testFiles = readdirSync(join(ROOT, 'test/extension')).filter((f) => f === 'index.ts' || f.endsWith('.ext.ts'));
  await esbuild.build({
    entryPoints: testFiles.map((f) => join(ROOT, 'test/extension', f)),
    outdir: testsOut, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline',
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  await esbuild.stop();

  // Each stage gets its own copy of the samples: tests edit documents and settings.
  const workspace = (name) => {
    const dir = join(runDir, `ws-${name}`);
    cpSync(join(ROOT, 'samples'), dir, { recursive: true });
    return dir;
  };

  if (only.includes('exttests')) {
    results.push(await run('exttests', process.execPath,
      [join(ROOT, 'test/e2e/run-extension-tests.mjs'), extensionPath, join(testsOut, 'index.js'), workspace('exttests')],
      { timeoutMs: 240_000 }));
  }
  if (only.includes('ui')) {
    let ui = await run('ui', process.execPath, [join(ROOT, 'test/e2e/ui.mjs'), vsix, workspace('ui')], { timeoutMs: 240_000 });
    if (ui.rc !== 0) {
      // The walk drives a browser: once in a few runs on these 2-core machines the editor takes focus
      // while the Problems filter is being typed (test/e2e/README.md). One more walk on a fresh copy;
      // the first run's failure stays in the log and the summary names the retry.
      console.log('[e2e] ui failed; walking it once more on a fresh copy of the samples (the first failure is above)');
      ui = { ...(await run('ui', process.execPath, [join(ROOT, 'test/e2e/ui.mjs'), vsix, workspace('ui-2')], { timeoutMs: 240_000 })), name: 'ui (2nd)' };
    }
    results.push(ui);
  }
  if (only.includes('nvim')) {
    results.push(await run('nvim', process.execPath, [join(ROOT, 'test/e2e/nvim.mjs'), workspace('nvim')], { timeoutMs: 180_000 }));
  }
  if (only.includes('emacs')) {
    results.push(await run('emacs', process.execPath, [join(ROOT, 'test/e2e/emacs.mjs'), workspace('emacs')], { timeoutMs: 180_000 }));
  }
  if (only.includes('report')) {
    results.push(await run('report', process.execPath, [join(ROOT, 'test/e2e/report.mjs'), workspace('report')], { timeoutMs: 120_000 }));
  }
} catch (e) {
  fatal = e;
  console.error(`[e2e] ${e.message ?? e}`);
} finally {
  // Anything of this run still alive (it should not be) is stopped by its pid.
  const left = leftoverPids(token);
  if (left.length) {
    for (const pid of left) {
      let cmd = '?';
      try { cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').slice(0, 160); } catch { /* gone */ }
      log('e2e', `stopping leftover process ${pid}: ${cmd}`);
      try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
  }
  if (!args.includes('--keep')) rmSync(runDir, { recursive: true, force: true });
}

const shots = existsSync(OUTPUT) ? readdirSync(OUTPUT).filter((f) => f.endsWith('.png')).sort() : [];
console.log('\n== real-editor tests');
for (const r of results) console.log(`  ${r.rc === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(10)} ${r.seconds.toFixed(1).padStart(6)} s${r.rc === 0 ? '' : `  (exit ${r.rc})`}`);
console.log(`  screenshots: ${shots.length ? shots.map((s) => `test-output/e2e/${s}`).join(', ') : '(none)'}`);
console.log(`  wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
const passed = results.filter((r) => r.rc === 0).length;
const failed = results.length - passed + (fatal ? 1 : 0);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
