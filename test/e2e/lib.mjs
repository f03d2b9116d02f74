// Shared pieces of the real-editor tests: an isolated environment (HOME, XDG_*, TMPDIR in a temp
// folder), processes started in their own process group and always stopped, code-server, and
// Chromium through playwright-core. Plain Node ESM, no build step.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.CAREPLAN_E2E_CACHE || join(ROOT, '.cache/e2e');
export const CS_VERSION = '4.100.3';
export const CODE_SERVER = process.env.CAREPLAN_CODE_SERVER || join(CACHE, `code-server-${CS_VERSION}/node_modules/.bin/code-server`);
export const CHROMIUM = process.env.CAREPLAN_CHROMIUM || '/usr/bin/chromium';
export const OUTPUT = process.env.CAREPLAN_E2E_OUTPUT || join(ROOT, 'test-output/e2e');

const t0 = Date.now();
export const log = (tag, ...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] [${tag}]`, ...a);

/**
 * Points HOME, XDG_* and TMPDIR of this process (and so of everything it starts) at `base`,
 * so that nothing lands in the real home. Idempotent: a child that inherited it keeps it.
 */
export function isolate(base = process.env.CAREPLAN_E2E_RUN_DIR) {
  if (!base) throw new Error('isolate(): no run folder (CAREPLAN_E2E_RUN_DIR)');
  const home = join(base, 'home');
  const dirs = {
    HOME: home,
    TMPDIR: join(base, 'tmp'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_STATE_HOME: join(home, '.local/state'),
    XDG_RUNTIME_DIR: join(base, 'run'),
  };
  for (const [k, v] of Object.entries(dirs)) { mkdirSync(v, { recursive: true, mode: 0o700 }); process.env[k] = v; }
  process.env.CAREPLAN_E2E_RUN_DIR = base;
  return dirs;
}

/**
 * What the independent LSP clients (nvim, emacs) check: the mission rules, in these samples
 * (relative to the workspace), at the lines marked `# expect:`.
 */
export const LSP_RULES = ['action-timescale', 'expectation-generic', 'reference-missing'];
export const LSP_SAMPLES = [['CH-000456', 'review-1.yaml'], ['CH-000456', 'care-plan.yaml'], ['CH-000456', 'review-3.yaml']];

/**
 * Waits for an editor checking one sample (stopped after 60 s), then logs PASS or FAIL with the
 * report it wrote to `out`. Resolves true when it exited 0.
 */
export async function awaitSampleRun(stage, child, { sample, expect, out, started }) {
  const code = await new Promise((res) => {
    const kill = setTimeout(() => { stopGroup(child); res('timeout'); }, 60_000);
    child.on('exit', (c, s) => { clearTimeout(kill); res(c ?? s); });
  });
  const report = (() => { try { return readFileSync(out, 'utf8').trim(); } catch { return '(no report)'; } })();
  const ok = code === 0;
  log(stage, `${ok ? 'PASS' : 'FAIL'} ${sample.join('/')}: ${expect.length} expected (${expect.join(', ')}), exit ${code}, ${Date.now() - started} ms`);
  if (!ok) console.log(report.split('\n').map((l) => `    ${l}`).join('\n'));
  return ok;
}

/** `line:rule` (0-based) for every `# expect:` marker of `rules` in `file`. */
export function expectMarkers(file, rules = LSP_RULES) {
  const keys = [];
  readFileSync(file, 'utf8').split('\n').forEach((text, line) => {
    const m = /#\s*expect:\s*(.+)$/.exec(text);
    for (const rule of m ? m[1].split(',').map((s) => s.trim()) : []) if (rules.includes(rule)) keys.push(`${line}:${rule}`);
  });
  return keys;
}

/** A fresh folder under the isolated TMPDIR. */
export const tempDir = (prefix) => mkdtempSync(join(process.env.TMPDIR, `${prefix}-`));

const groups = new Set();
/**
 * Starts a process in its own process group (detached) and remembers it, so stopAll() -- run on
 * every exit path of this process -- can stop the whole group.
 */
export function spawnGroup(cmd, args, { logFile, ...options } = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options });
  groups.add(child.pid);
  child.on('exit', () => groups.delete(child.pid));
  if (logFile) {
    const out = createWriteStream(logFile);
    child.stdout?.pipe(out); child.stderr?.pipe(out);
  }
  return child;
}

/** Sends `signal` to every process group this process started. */
export function stopAll(signal = 'SIGTERM') {
  for (const pid of groups) { try { process.kill(-pid, signal); } catch { /* already gone */ } }
}

/** Stops a group: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child, graceMs = 3000) {
  if (!child?.pid) return;
  try { process.kill(-child.pid, 'SIGTERM'); } catch { groups.delete(child.pid); return; }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    try { process.kill(-child.pid, 0); } catch { groups.delete(child.pid); return; }
    await sleepPoll(100);
  }
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  groups.delete(child.pid);
}

let exitHooksInstalled = false;
/** Makes sure stopAll() runs on exit, on signals, and on uncaught errors. */
export function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => stopAll('SIGKILL'));
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { stopAll('SIGTERM'); process.exit(130); });
  process.on('uncaughtException', (e) => { console.error(e); stopAll('SIGTERM'); process.exit(1); });
  process.on('unhandledRejection', (e) => { console.error(e); stopAll('SIGTERM'); process.exit(1); });
}

/**
 * Pids of processes still running with CAREPLAN_E2E_RUN=<token> in their environment: every
 * process a run started inherits it, Chromium and the language server included.
 */
export function leftoverPids(token) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1');
      if (env.split('\0').includes(`CAREPLAN_E2E_RUN=${token}`)) pids.push(Number(name));
    } catch { /* gone, or not ours to read */ }
  }
  return pids;
}

/** Resolves when `check()` is truthy; polls every `everyMs` (for readiness checks, not for results). */
export async function until(check, { timeoutMs, everyMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleepPoll(everyMs);
  }
}
const sleepPoll = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

/** Nothing leaves the machine: no gallery look-ups, update checks, recommendations or telemetry. */
const QUIET_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false, // the test workspaces sit inside the repository: no "open the parent repo?" prompt
  'git.openRepositoryInParentFolders': 'never',
};
// code-server's extension gallery (open-vsx by default), pointed at a closed loopback port.
const NO_GALLERY = JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item', resourceUrlTemplate: 'http://127.0.0.1:9/resource' });

const healthz = (port) => new Promise((res) => {
  http.get(`http://127.0.0.1:${port}/healthz`, (r) => { r.resume(); res(r.statusCode === 200); }).on('error', () => res(false));
});

/**
 * Starts code-server on a free loopback port with a fresh user-data dir and the given extensions
 * dir; resolves when it answers /healthz.
 */
export async function startCodeServer({ extensionsDir, logFile, extraArgs = [] }) {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server is not installed at ${CODE_SERVER}; run scripts/e2e-setup.sh`);
  const port = await freePort();
  const userDataDir = tempDir('cs-user');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  const config = join(tempDir('cs-config'), 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n'); // keeps code-server from writing ~/.config
  const child = spawnGroup(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--config', config,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...extraArgs,
  ], { env: { ...process.env, EXTENSIONS_GALLERY: NO_GALLERY }, logFile });
  let exited = null;
  child.on('exit', (code, signal) => { exited = `code-server exited (${code ?? signal}); see ${logFile}`; });
  await until(async () => { if (exited) throw new Error(exited); return healthz(port); }, { timeoutMs: 60_000, what: 'code-server /healthz' });
  return { child, port, userDataDir };
}

/** Installs a .vsix into an extensions dir with code-server's own CLI. */
export async function installVsix(vsix, extensionsDir, logFile) {
  const child = spawnGroup(CODE_SERVER, [
    '--user-data-dir', tempDir('cs-install'), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force',
  ], { env: { ...process.env, EXTENSIONS_GALLERY: NO_GALLERY }, logFile });
  const code = await new Promise((res) => child.on('exit', (c) => res(c)));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsix} exited ${code}; see ${logFile}`);
}

/** Debian's Chromium, headless, in a fresh profile (playwright refuses --user-data-dir in args). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(tempDir('chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // a document served through page.route() has no address space; let it reach ws://127.0.0.1
      '--disable-features=LocalNetworkAccessChecks'],
  });
}
