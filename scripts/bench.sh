#!/usr/bin/env bash
# Benchmark (not a test): release build times, dist/ sizes, first-load transfer per route and
# Lighthouse mobile scores in both throttling modes, and where the main thread goes while the
# article starts (a Chrome trace at 4x CPU), each printed against its budget.
#   bash scripts/bench.sh [--skip-cold] [--skip-lighthouse]
# BENCH_ROUNDS (default 5): rounds of the start-up trace and of the article comparison;
# BENCH_ROUTE_ROUNDS (default 3): Lighthouse runs per route and throttling method.
set -euo pipefail
cd "$(dirname "$0")/.."
skip_cold=0; skip_lh=0
for arg in "$@"; do
  case "$arg" in
    --skip-cold) skip_cold=1 ;;
    --skip-lighthouse) skip_lh=1 ;;
  esac
done
ROUNDS="${BENCH_ROUNDS:-5}"

bash scripts/setup.sh --browsers >/dev/null
# scripts/tools first: its wasm-bindgen splits the wasm before binding it (see that file).
export PATH="$PWD/scripts/tools:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
mkdir -p .bench
POST=blog/back-spasms-causes-and-relief
ROUTES=("" "blog" "$POST" "symptoms" "contact")

seconds() { local start=$SECONDS; "$@" >/dev/null 2>&1; echo $((SECONDS - start)); }

echo "== Release build times"
if [ "$skip_cold" = 0 ]; then
  rm -rf .bench/target
  cold=$(CARGO_TARGET_DIR=.bench/target seconds trunk build --release=true --offline --dist .bench/dist-cold)
  echo "cold (empty target dir, all dependencies): ${cold} s"
fi
seconds trunk build --release=true --offline >/dev/null
warm=$(seconds trunk build --release=true --offline)
echo "warm (nothing changed):                    ${warm} s"
touch src/lib.rs
edit=$(seconds trunk build --release=true --offline)
echo "warm after editing src/lib.rs:             ${edit} s"

echo
echo "== dist/ sizes"
node scripts/sizes.mjs dist

echo
echo "== Size guard (also run by scripts/test.sh)"
node scripts/size-guard.mjs dist || true

echo
echo "== Where the main wasm's bytes are (function bodies before wasm-opt: the main module as"
echo "   wasm-split-cli left it, from the release build above; the parts are listed under dist/ sizes)"
node scripts/wasm-size.mjs "${CARGO_TARGET_DIR:-target}/wasm-bindgen/release/split/main.wasm" --top 12

echo
echo "== First-load transfer per route (brotli, as served by tests/server/static.mjs)"
# The site as built, plus the article as plain static HTML (the same page and CSS, every script
# and preload removed) for the comparison below.
rm -rf .bench/site && cp -r dist .bench/site
node -e '
  const fs = require("fs"); const [from, to] = process.argv.slice(1);
  const html = fs.readFileSync(from, "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<link\b[^>]*rel=(?:"?)(?:modulepreload|preload)\b[^>]*>/g, "");
  fs.writeFileSync(to, html);' .bench/site/$POST.html .bench/site/plain-article.html
PORT=4199
# Refuse a port already taken: the figures would be another server's.
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "bench: port $PORT is already in use; stop what serves it first" >&2
  exit 1
fi
serve() { # dir: serves it on $PORT until the script ends, once it answers
  node tests/server/static.mjs --dir "$1" --port $PORT >/dev/null &
  server=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/"; do
    kill -0 $server 2>/dev/null || { echo "bench: the server for $1 did not start" >&2; exit 1; }
    sleep 0.2
  done
}
trap 'kill $server 2>/dev/null || true' EXIT
serve .bench/site
node scripts/first-load.mjs "http://127.0.0.1:$PORT/" "${ROUTES[@]}" | tee .bench/first-load.txt
echo "target: a post page <= 250 KB brotli on first load, images aside; guard in scripts/size-guard.mjs"

echo
echo "== Start-up of the article at 4x CPU (Chrome trace; scripts/startup-trace.mjs), $ROUNDS rounds"
echo "   The site as shipped:"
node scripts/startup-trace.mjs "http://127.0.0.1:$PORT/$POST" --rounds "$ROUNDS"
echo
echo "== Ticking a box on the checklist at 4x CPU (scripts/interaction.mjs)"
node scripts/interaction.mjs "http://127.0.0.1:$PORT/symptoms" --rounds "$ROUNDS"

if [ "$skip_lh" = 0 ]; then
  echo
  echo "== Lighthouse 12, mobile, every pre-rendered route (budgets: performance >= 95 in both modes;"
  echo "   TBT <= 100 ms with devtools throttling; accessibility, best practices, SEO = 100; CLS = 0)"
  echo "   Lighthouse's figures scale with the machine: simulated throttling charges the main-thread"
  echo "   time it measured here times four, so judge pages against each other within one run."
  if [ ! -x .bench/node_modules/.bin/lighthouse ]; then
    npm install --prefix .bench --no-audit --no-fund --loglevel=error lighthouse@12.8.2 >/dev/null
  fi
  export CHROME_PATH=/usr/bin/chromium
  TOPIC=$(node -e 'const i=require("./dist/posts/index.json"); const p=(i.posts??i)[0]; console.log(p.tags[0])')
  URL="http://127.0.0.1:$PORT"
  ROUTE_PAGES=("/=$URL/" "/blog=$URL/blog" "/$POST=$URL/$POST" "/blog/topic/$TOPIC=$URL/blog/topic/$TOPIC"
    "/symptoms=$URL/symptoms" "/contact=$URL/contact" "/visit=$URL/visit" "Not Found (/404.html)=$URL/404.html")
  for method in simulate devtools; do
    node scripts/lighthouse-rounds.mjs --method $method --rounds "${BENCH_ROUTE_ROUNDS:-3}" "${ROUTE_PAGES[@]}"
    echo
  done
  echo "== The article against the same article with every script and preload removed, $ROUNDS rounds"
  for method in simulate devtools; do
    node scripts/lighthouse-rounds.mjs --method $method --rounds "$ROUNDS" --ratio article/script-free \
      "article=$URL/$POST" "script-free=$URL/plain-article"
    echo
  done
fi

# Last, as it rebuilds the wasm with other features (the next build rebuilds it back): the
# hydration's parts, marked in a build of their own (feature `startup-marks`).
echo "== The hydration's parts at 4x CPU: the same site built with --features startup-marks, $ROUNDS rounds"
kill $server 2>/dev/null || true
wait $server 2>/dev/null || true
STARTUP_MARKS=1 trunk build --release=true --offline --features startup-marks --dist .bench/dist-marks >/dev/null 2>&1
serve .bench/dist-marks
node scripts/startup-trace.mjs "http://127.0.0.1:$PORT/$POST" --rounds "$ROUNDS"
