// Runs VS Code extension tests (an extensionTestsPath module with run()) in code-server's real
// Node extension host, the way @vscode/test-electron does in desktop VS Code: the workbench URL's
// `payload` carries extensionDevelopmentPath and extensionTestsPath, and the exit code comes back
// through window.codeAutomationExit (the hook VS Code's own browser integration tests use).
// Usage: node run-exttests.mjs <extensionDevelopmentPath> <extensionTestsPath> [workspace]
import { format } from 'node:util';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, installExitHooks, isolate, launchChromium, log, startCodeServer, stopAll, stopGroup, tempDir } from './lib.mjs';

const [devPath, testsPath, workspaceArg] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.CAREPLAN_EXTTESTS_TIMEOUT_MS || 180_000);
isolate();
installExitHooks();
mkdirSync(OUTPUT, { recursive: true });
const logs = join(OUTPUT, 'logs');
mkdirSync(logs, { recursive: true });
const workspace = workspaceArg || tempDir('exttests-ws');

let server, browser, exitCode = 1;
const timer = setTimeout(async () => {
  log('exttests', `TIMEOUT after ${TIMEOUT_MS} ms`);
  try { await browser?.pages()[0]?.screenshot({ path: join(OUTPUT, 'exttests-timeout.png') }); } catch { /* best effort */ }
  await browser?.close().catch(() => {});
  stopAll('SIGKILL');
  process.exit(124);
}, TIMEOUT_MS);

try {
  // Empty extensions dir: only the extension under development is loaded (like --disable-extensions).
  server = await startCodeServer({ extensionsDir: tempDir('cs-exts'), logFile: join(logs, 'exttests-code-server.log') });
  log('exttests', `code-server ready on port ${server.port}`);
  browser = await launchChromium();
  const page = browser.pages()[0] || (await browser.newPage());
  const consoleLog = join(logs, 'exttests-browser-console.log');
  page.on('console', (m) => appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  const done = new Promise((resolve) => {
    page.exposeFunction('codeAutomationLog', (_type, args) => console.log(format(...(args || []))));
    page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  const authority = `127.0.0.1:${server.port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ]);
  await page.goto(`http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  log('exttests', 'workbench loading; the tests report through codeAutomationExit');
  exitCode = await done;
  log('exttests', `extension tests exit code ${exitCode}`);
  await page.screenshot({ path: join(OUTPUT, 'exttests-final.png') }).catch(() => {});
} catch (e) {
  log('exttests', 'ERROR', e);
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => {});
  await stopGroup(server?.child);
}
process.exit(exitCode);
