#!/usr/bin/env bash
# Installs what the real-editor tests need, only what is missing (idempotent):
#   - Debian: chromium, neovim, emacs-nox with elpa-eglot and elpa-yaml-mode, ripgrep, and the
#     packages code-server's native modules build with (apt-get when run as root; otherwise a clear
#     message and exit 3)
#   - code-server 4.100.3 (the newest whose engines accept Node 20) from npm into a local cache folder
# Usage: scripts/e2e-setup.sh            (cache folder: $CAREPLAN_E2E_CACHE or <repo>/.cache/e2e)
# Nothing is written to the real home: HOME, XDG_* and TMPDIR point into the cache folder.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${CAREPLAN_E2E_CACHE:-$ROOT/.cache/e2e}
CS_VERSION=4.100.3
CS_DIR=$CACHE/code-server-$CS_VERSION
mkdir -p "$CACHE/home" "$CACHE/tmp"
export HOME=$CACHE/home TMPDIR=$CACHE/tmp XDG_CACHE_HOME=$CACHE/home/.cache XDG_CONFIG_HOME=$CACHE/home/.config \
       XDG_DATA_HOME=$CACHE/home/.local/share XDG_STATE_HOME=$CACHE/home/.local/state
log() { echo "[e2e-setup] $*"; }

# --- Debian packages ------------------------------------------------------------------------------
need_cmd=()
command -v chromium >/dev/null || need_cmd+=(chromium)
command -v nvim >/dev/null || need_cmd+=(neovim)
command -v emacs >/dev/null || need_cmd+=(emacs-nox)
# eglot is built into Emacs 29+; Debian's Emacs 28 gets it (1.9) from elpa-eglot. yaml-mode is never built in.
emacs_has_eglot() { command -v emacs >/dev/null && emacs --batch -Q --eval '(kill-emacs (if (locate-library "eglot") 0 1))' >/dev/null 2>&1; }
dpkg -s elpa-eglot >/dev/null 2>&1 || emacs_has_eglot || need_cmd+=(elpa-eglot)
dpkg -s elpa-yaml-mode >/dev/null 2>&1 || need_cmd+=(elpa-yaml-mode)
command -v rg >/dev/null || need_cmd+=(ripgrep)
command -v unzip >/dev/null || need_cmd+=(unzip)
build_pkgs=(build-essential pkg-config python3 libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev)
need_build=()
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  for p in "${build_pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || need_build+=("$p"); done
fi
if [ ${#need_cmd[@]} -gt 0 ] || [ ${#need_build[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "[e2e-setup] missing Debian packages: ${need_cmd[*]} ${need_build[*]}" >&2
    echo "[e2e-setup] run as root, or install them yourself:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${need_cmd[*]} ${need_build[*]}" >&2
    exit 3
  fi
  log "apt-get install ${need_cmd[*]} ${need_build[*]}"
  t=$SECONDS
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_build[@]}" \
    $(printf '%s\n' "${need_cmd[@]}" | grep -v '^chromium$' || true) >/dev/null
  # chromium wants its recommends (fonts) for readable screenshots
  if printf '%s\n' "${need_cmd[@]}" | grep -qx chromium; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  log "apt done in $((SECONDS - t))s"
fi

# --- code-server from npm, into the cache folder ----------------------------------------------------
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "installing code-server@$CS_VERSION into $CS_DIR (about 2 minutes, 300 MB; once per cache folder)"
  t=$SECONDS
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable): pre-seed its cache with Debian's rg.
  rgcache=$TMPDIR/vscode-ripgrep-cache-1.15.11
  mkdir -p "$rgcache" "$TMPDIR/rgpack"
  cp "$(command -v rg)" "$TMPDIR/rgpack/rg"
  for target in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl ripgrep-v13.0.0-4-x86_64-unknown-linux-musl; do
    tar czf "$rgcache/$target.tar.gz" -C "$TMPDIR/rgpack" rg
  done
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{"name":"careplan-e2e-code-server","private":true}' > "$CS_DIR/package.json"
  # Local headers (no download), npx without a prompt (node-pty), root-run postinstall (--unsafe-perm),
  # and never -g: the nested install in lib/vscode would inherit global mode and break.
  # Recent npm 11 releases skip dependencies' install scripts unless allowed; code-server is nothing without its
  # postinstall (the nested install of lib/vscode and its native modules), so allow them for this
  # throw-away cache folder only -- the env var reaches the nested npm too.
  (cd "$CS_DIR" && npm_config_nodedir=/usr npm_config_yes=true npm_config_global=false \
     npm_config_dangerously_allow_all_scripts=true \
     npm install --unsafe-perm --foreground-scripts --no-audit --no-fund --no-save "code-server@$CS_VERSION" \
     > "$CACHE/code-server-install.log" 2>&1) || {
       echo "[e2e-setup] code-server install failed; last lines of $CACHE/code-server-install.log:" >&2
       tail -40 "$CACHE/code-server-install.log" >&2; rm -rf "$CS_DIR/node_modules"; exit 1; }
  log "code-server installed in $((SECONDS - t))s"
fi
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' > "$CACHE/code-server-config.yaml"
log "ready: code-server $("$CS_DIR/node_modules/.bin/code-server" --config "$CACHE/code-server-config.yaml" --version 2>/dev/null | tail -1), $(chromium --version 2>/dev/null), $(nvim --version | head -1), $(emacs --version | head -1)"
