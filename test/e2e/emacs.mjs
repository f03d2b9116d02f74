// Emacs (batch) with eglot as an independent LSP client, configured exactly as
// docs/language-server.md says ("Emacs (eglot)"): for each sample, the findings marked `# expect:`
// for the mission rules must arrive from the server over stdio, in the raw publishDiagnostics and
// in Flymake, and the server must receive the documented `eglot-workspace-configuration`.
// The documented command `careplan-language-server` is put on PATH as npm's bin link would:
// a symlink to dist/server.js (CAREPLAN_LSP_SERVER overrides the target).
// Usage: node emacs.mjs <workspace>   (exit 0 = every sample passed)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LSP_SAMPLES, OUTPUT, ROOT, awaitSampleRun, expectMarkers, installExitHooks, isolate, log, spawnGroup, tempDir } from './lib.mjs';

const [workspace] = process.argv.slice(2);
isolate();
installExitHooks();
const dir = join(OUTPUT, 'emacs');
mkdirSync(dir, { recursive: true });

const version = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
if (version.status !== 0) {
  log('emacs', 'FAIL: no `emacs` on PATH; run scripts/e2e-setup.sh (Debian: emacs-nox elpa-eglot elpa-yaml-mode)');
  process.exit(1);
}

// The user configuration: the elisp block of the docs' Emacs section, unchanged.
const docs = readFileSync(join(ROOT, 'docs/language-server.md'), 'utf8');
const section = /^## Emacs \(eglot\)\n([\s\S]*?)(?=^## )/m.exec(docs)?.[1];
const snippet = section && /```elisp\n([\s\S]*?)```/.exec(section)?.[1];
if (!snippet) {
  log('emacs', 'FAIL: no ```elisp block under "## Emacs (eglot)" in docs/language-server.md');
  process.exit(1);
}
const config = join(dir, 'docs-config.el');
writeFileSync(config, `;; from docs/language-server.md, "Emacs (eglot)"\n${snippet}`);

const bin = tempDir('emacs-bin');
const server = process.env.CAREPLAN_LSP_SERVER || join(ROOT, 'dist/server.js');
symlinkSync(server, join(bin, 'careplan-language-server'));

let failed = 0;
for (const sample of LSP_SAMPLES) {
  const file = join(workspace, ...sample);
  const expect = expectMarkers(file);
  const name = sample.join('-').replace(/\.yaml$/, '');
  const out = join(dir, `${name}.txt`);
  const t = Date.now();
  const emacs = spawnGroup('emacs', ['--batch', '-Q', '-l', join(ROOT, 'test/e2e/emacs-diagnostics.el')], {
    cwd: workspace,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CAREPLAN_EMACS_CONFIG: config, CAREPLAN_FILE: file,
      CAREPLAN_EXPECT: expect.join(','), CAREPLAN_ROOT: workspace, CAREPLAN_OUT: out,
      CAREPLAN_EMACS_DIR: tempDir('emacs-user') },
    logFile: join(dir, `${name}.log`),
  });
  if (!(await awaitSampleRun('emacs', emacs, { sample, expect, out, started: t }))) failed++;
}
process.exit(failed ? 1 : 0);
