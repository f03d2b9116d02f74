// Runs the extension tests (test/extension, bundled to out/extension-tests) through
// @vscode/test-electron's runTests, unchanged. Here VS Code is code-server + Chromium behind
// code-shim.sh; with CAREPLAN_E2E_VSCODE=download (a machine that can download VS Code) runTests
// fetches desktop VS Code and runs the very same tests in it.
// Usage: node run-extension-tests.mjs <extensionDevelopmentPath> <extensionTestsPath> <workspace>
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { ROOT, isolate } from './lib.mjs';

const [extensionDevelopmentPath, extensionTestsPath, workspace] = process.argv.slice(2);
isolate();
const useShim = process.env.CAREPLAN_E2E_VSCODE !== 'download';
try {
  await runTests({
    ...(useShim ? { vscodeExecutablePath: join(ROOT, 'test/e2e/code-shim.sh') } : {}),
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(0);
} catch (e) {
  console.error(`extension tests failed: ${e.message ?? e}`);
  process.exit(1);
}
