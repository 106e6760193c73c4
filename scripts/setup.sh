#!/usr/bin/env bash
# Installs what the site needs to build and test, at pinned versions, skipping what is
# already there. Safe to run again and again. Usage: scripts/setup.sh [--browsers]
#   --browsers  also install Debian's chromium + chromium-driver (tests need them)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_browsers=0
[ "${1:-}" = "--browsers" ] && want_browsers=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- Rust target and components -------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# --- Trunk (0.22 needs a newer Rust than this machine has) ----------------------------
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# --- wasm-bindgen CLI: must equal the wasm-bindgen in Cargo.lock -------------------------
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB_VERSION" ]; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # --locked fails on this registry (webpki-roots); without it the install works.
  cargo install --force "wasm-bindgen-cli@$WB_VERSION"
fi
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen does not match Cargo.lock ($WB_VERSION)" >&2
  exit 1
fi

# --- wasm_split_cli: splits the app's parts into wasm files of their own ----------------------
# (scripts/tools/wasm-bindgen runs it). 0.2.4 or later: it keeps wasm-bindgen's casts (0.2.128
# and later describe them as generic imports) in the main module, where a part calls them; a
# part holding one fails at run time with "function signature mismatch".
SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$SPLIT_VERSION:"; then
  say "installing wasm-split-cli $SPLIT_VERSION (about 1 minute)"
  cargo install --force wasm_split_cli_support@$SPLIT_VERSION --features build-binary
fi

# --- Node packages: wasm-opt (binaryen 132), Playwright, axe-core ----------------------
if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  apt_install nodejs npm
fi
stamp=node_modules/.package-lock.sha
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "installing npm devDependencies from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
if ! wasm-opt --version | grep -q "version 132"; then
  echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi

# --- Browsers for the tests ----------------------------------------------------------
if [ "$want_browsers" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
fi

# Trunk runs offline (so it never downloads tools), which makes cargo offline too.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
say "ready"
