#!/usr/bin/env bash
# Benchmark (not a test): release build times, dist/ sizes, first-load transfer per route and
# Lighthouse mobile scores, each printed against its budget.
#   bash scripts/bench.sh [--skip-cold] [--skip-lighthouse]
set -euo pipefail
cd "$(dirname "$0")/.."
skip_cold=0; skip_lh=0
for arg in "$@"; do
  case "$arg" in
    --skip-cold) skip_cold=1 ;;
    --skip-lighthouse) skip_lh=1 ;;
  esac
done
# Rounds of the article-against-plain-HTML comparison (each round runs Lighthouse twice).
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
echo "   wasm-split-cli left it, from the release build above; the chunks are listed under dist/ sizes)"
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
node tests/server/static.mjs --dir .bench/site --port $PORT >/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 1
node scripts/first-load.mjs "http://127.0.0.1:$PORT/" "${ROUTES[@]}" | tee .bench/first-load.txt
echo "target: a post page <= 250 KB brotli on first load, images aside (issue 11); guard in scripts/size-guard.mjs"

if [ "$skip_lh" = 1 ]; then exit 0; fi
echo
echo "== Lighthouse 12, mobile (budgets: performance >= 95; accessibility, best practices, SEO = 100; CLS = 0)"
if [ ! -x .bench/node_modules/.bin/lighthouse ]; then
  npm install --prefix .bench --no-audit --no-fund --loglevel=error lighthouse@12.8.2 >/dev/null
fi
export CHROME_PATH=/usr/bin/chromium
printf '%-40s %5s %5s %5s %5s %8s %8s %7s %6s\n' route perf a11y bp seo "FCP ms" "LCP ms" "TBT ms" CLS
for route in "" "$POST" "symptoms" "contact"; do
  out=".bench/lh-$(echo "${route:-home}" | tr '/' '_').json"
  .bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT/$route" --quiet --output=json --output-path="$out" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
    >/dev/null 2>&1 || { echo "/$route: lighthouse failed"; continue; }
  node -e '
    const r = require(process.argv[1]); const c = r.categories, a = r.audits;
    const s = (k) => Math.round(c[k].score * 100);
    const ms = (k) => Math.round(a[k].numericValue);
    console.log(`${("/" + process.argv[2]).padEnd(40)} ${String(s("performance")).padStart(5)} ${String(s("accessibility")).padStart(5)} ${String(s("best-practices")).padStart(5)} ${String(s("seo")).padStart(5)} ${String(ms("first-contentful-paint")).padStart(8)} ${String(ms("largest-contentful-paint")).padStart(8)} ${String(ms("total-blocking-time")).padStart(7)} ${a["cumulative-layout-shift"].numericValue.toFixed(3).padStart(6)}`);
    for (const k of ["accessibility", "best-practices", "seo"]) for (const ref of c[k].auditRefs) {
      const au = a[ref.id]; if (ref.weight > 0 && au.score !== null && au.score < 1) console.log(`    ${k}: ${au.id} — ${au.title}`);
    }' "$PWD/$out" "$route"
done

echo
echo "== The article against the same article as plain HTML (Lighthouse mobile, $ROUNDS rounds, alternating)"
lh_metric() { # url out -> "perf lcp cls"
  .bench/node_modules/.bin/lighthouse "$1" --quiet --only-categories=performance --output=json --output-path="$2" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
    >/dev/null 2>&1 || { echo "- - -"; return; }
  node -e 'const r = require(process.argv[1]); const a = r.audits;
    console.log(Math.round(r.categories.performance.score * 100), Math.round(a["largest-contentful-paint"].numericValue), a["cumulative-layout-shift"].numericValue.toFixed(3));' "$PWD/$2"
}
: > .bench/compare.txt
for round in $(seq 1 "$ROUNDS"); do
  echo "app   $(lh_metric "http://127.0.0.1:$PORT/$POST" .bench/lh-cmp-app.json)" >> .bench/compare.txt
  echo "plain $(lh_metric "http://127.0.0.1:$PORT/plain-article" .bench/lh-cmp-plain.json)" >> .bench/compare.txt
done
node -e '
  const rows = require("fs").readFileSync(".bench/compare.txt", "utf8").trim().split("\n").map((l) => l.split(/\s+/));
  const median = (xs) => { const s = xs.filter((x) => !isNaN(x)).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
  const pick = (kind, i) => rows.filter((r) => r[0] === kind).map((r) => Number(r[i]));
  const show = (kind, label) => console.log(`${label.padEnd(34)} perf ${String(median(pick(kind, 1))).padStart(4)}   LCP ${String(median(pick(kind, 2))).padStart(5)} ms   CLS ${median(pick(kind, 3)).toFixed(3)}   (LCP per round: ${pick(kind, 2).join(", ")})`);
  show("app", "/'"$POST"' (medians)");
  show("plain", "the same article as plain HTML");
  const ratio = median(pick("app", 2)) / median(pick("plain", 2));
  console.log(`LCP ratio (article / plain HTML): ${ratio.toFixed(2)}  (target <= 1.30)`);'
