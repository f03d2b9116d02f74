#!/usr/bin/env bash
# A "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): turns the
# Electron command line (--extensionDevelopmentPath=, --extensionTestsPath=, a workspace folder)
# into a code-server + headless Chromium run (run-exttests.mjs) and exits with the tests' exit
# code. Used because these machines cannot download VS Code; elsewhere runTests can use the real one.
set -u
dev='' ; tests='' ; ws=''
for a in "$@"; do
  case "$a" in
    --extensionDevelopmentPath=*) [ -z "$dev" ] && dev="${a#*=}" ;;
    --extensionTestsPath=*) tests="${a#*=}" ;;
    --*) ;;  # Electron-only flags (--no-sandbox, --disable-extensions, ...) mean nothing here
    *) ws="$a" ;;
  esac
done
[ -n "$dev" ] && [ -n "$tests" ] || { echo "[code-shim] need --extensionDevelopmentPath and --extensionTestsPath" >&2; exit 2; }
exec node "$(dirname "$0")/run-exttests.mjs" "$dev" "$tests" "$ws"
