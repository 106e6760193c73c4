#!/usr/bin/env bash
# Runs every check and test the project has; installs what it needs first.
# Layers: format + lint, native unit tests (incl. the content lint), components in headless
# Chromium (wasm-bindgen-test), then Playwright journeys against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --browsers
# scripts/tools first: its wasm-bindgen splits the wasm before binding it (see that file).
export PATH="$PWD/scripts/tools:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "the layering: the model and the content build never depend on Leptos or the browser"
# crates/model is plain Rust (serde and thiserror); crates/content adds Markdown and images.
for package in clinic-model clinic-content; do
  banned=$(cargo tree --offline -p "$package" -e normal,build --prefix none --format '{p}' \
    | grep -E '^(leptos|leptos_[a-z_]+|tachys|reactive_graph|web-sys|js-sys|wasm-bindgen|gloo-[a-z]+|clinic-site) ' \
    | sort -u || true)
  if [ -n "$banned" ]; then
    echo "$package depends on what it must not (move the code that needs it into the site):" >&2
    echo "$banned" >&2
    exit 1
  fi
done
# Inside each crate, no two modules import each other.
node scripts/module-cycles.mjs src --external blog,config,contact,paths,routes,symptoms \
  crates/model/src crates/content/src

step "cargo clippy (the model and the site, host)"
cargo clippy -p clinic-model -p clinic-site --all-targets -- -D warnings

step "cargo clippy (build-time renderer, feature ssr)"
cargo clippy -p clinic-site --no-default-features --features ssr --all-targets -- -D warnings

step "cargo clippy (content build)"
cargo clippy -p clinic-content --all-targets --target-dir target/prerender -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy -p clinic-site --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: the model, the site's pure helpers"
cargo test -p clinic-model -p clinic-site
# The build-time renderer's own helpers (in the target dir its Trunk hook uses, so the
# dependencies compile once for both).
cargo test --offline -p clinic-site --no-default-features --features ssr --bin prerender --target-dir target/prerender

step "content build: its tests and the shipped posts"
# Markdown to post JSON, reading level, review dates, and every shipped post's checks; then the
# committed JSON must be what the Markdown builds (trunk build would rebuild it silently).
cargo test --offline -p clinic-content --target-dir target/prerender
cargo run --quiet --offline -p clinic-content --bin content --target-dir target/prerender -- --check

step "browser tests: components in headless Chromium"
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
# Without the `split` feature: the test runner binds the wasm without splitting it.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p clinic-site --target wasm32-unknown-unknown --no-default-features --features hydrate "${web_tests[@]}"

step "release build (dist/)"
trunk build --release=true --offline

step "size guard: the wasm and a post page's first load against their budgets"
node scripts/size-guard.mjs dist

step "release build under a base path (dist-clinic/, served at /clinic/)"
trunk build --release=true --offline --public-url /clinic/ --dist dist-clinic

step "a later deploy (dist-next/): the same site after a reviewer's edit to the checklist"
# The deploy-skew journey (tests/e2e/deploy.spec.ts) opens dist/ in a tab, deploys this in its
# place, then opens the checklist in the old tab. The edit changes the checklist's wasm, so the
# old tab's file is gone, as after a real deploy. The rules file is restored however this ends.
rules=crates/model/src/symptoms/rules.json
if grep -q "how soon you should be seen." "$rules"; then
  echo "$rules still holds the deploy test's edit from an interrupted run: git checkout $rules" >&2
  exit 1
fi
cp "$rules" target/rules.json.before-deploy-test
trap 'cp target/rules.json.before-deploy-test "$rules"' EXIT
node -e '
  const fs = require("fs");
  const text = fs.readFileSync(process.argv[1], "utf8");
  const edited = text.replace("how soon you should be checked.", "how soon you should be seen.");
  if (edited === text) throw new Error("deploy test: the checklist text to edit has changed; update scripts/test.sh");
  fs.writeFileSync(process.argv[1], edited);
' "$rules"
trunk build --release=true --offline --dist dist-next
cp target/rules.json.before-deploy-test "$rules"
trap - EXIT

step "end-to-end journeys (Playwright + axe-core)"
npx playwright test
SITE_BASE=/clinic/ SITE_DIST=dist-clinic SITE_PORT=4174 npx playwright test --grep @base-path
