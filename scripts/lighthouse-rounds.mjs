// Lighthouse 12 (mobile) over several pages in alternating rounds, with one throttling method,
// printing each figure's median and its spread (min–max) across the rounds. A benchmark, not a
// test: the figures scale with the machine (simulated throttling multiplies the main-thread
// time it measured by four), so compare pages within one run, not with another machine's.
//   node scripts/lighthouse-rounds.mjs --method simulate|devtools --rounds N [--ratio a/b] label=url ...
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const method = opt("--method", "simulate");
const rounds = Number(opt("--rounds", 3));
const ratio = opt("--ratio", null);
const pages = args.map((a) => {
  const at = a.indexOf("=");
  return { label: a.slice(0, at), url: a.slice(at + 1), runs: [] };
});
const lighthouse = process.env.LIGHTHOUSE ?? ".bench/node_modules/.bin/lighthouse";
mkdirSync(".bench", { recursive: true });

function run(url) {
  const out = `.bench/lh-${method}.json`;
  try {
    execFileSync(lighthouse, [
      url, "--quiet", "--output=json", `--output-path=${out}`, `--throttling-method=${method}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update",
    ], { stdio: "ignore" });
  } catch {
    return null;
  }
  const r = JSON.parse(readFileSync(out, "utf8"));
  const a = r.audits, c = r.categories;
  const score = (k) => (c[k]?.score == null ? NaN : Math.round(c[k].score * 100));
  const failed = ["accessibility", "best-practices", "seo"].flatMap((k) =>
    (c[k]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && a[ref.id].score !== null && a[ref.id].score < 1).map((ref) => `${k}: ${ref.id}`));
  return {
    perf: score("performance"), a11y: score("accessibility"), bp: score("best-practices"), seo: score("seo"),
    fcp: a["first-contentful-paint"].numericValue, lcp: a["largest-contentful-paint"].numericValue,
    tbt: a["total-blocking-time"].numericValue, cls: a["cumulative-layout-shift"].numericValue,
    longest: Math.max(0, ...(a["long-tasks"]?.details?.items ?? []).map((t) => t.duration)),
    failed,
  };
}

for (let round = 0; round < rounds; round++) {
  for (const page of pages) page.runs.push(run(page.url));
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const spread = (xs, digits = 0) => {
  const ok = xs.filter(Number.isFinite);
  if (!ok.length) return "-";
  const f = (x) => x.toFixed(digits);
  return `${f(median(ok))} (${f(Math.min(...ok))}–${f(Math.max(...ok))})`;
};
console.log(`Lighthouse 12 mobile, ${method} throttling, ${rounds} rounds alternating: median (min–max)`);
console.log(`${"page".padEnd(34)}${"perf".padEnd(14)}${"LCP ms".padEnd(20)}${"TBT ms".padEnd(16)}${"longest task ms".padEnd(18)}${"CLS".padEnd(8)}a11y bp seo`);
for (const page of pages) {
  const runs = page.runs.filter(Boolean);
  if (!runs.length) {
    console.log(`${page.label.padEnd(34)}lighthouse failed`);
    continue;
  }
  const col = (k, d) => spread(runs.map((r) => r[k]), d);
  const first = runs[0];
  console.log(`${page.label.padEnd(34)}${col("perf").padEnd(14)}${col("lcp").padEnd(20)}${col("tbt").padEnd(16)}${col("longest").padEnd(18)}${median(runs.map((r) => r.cls)).toFixed(3).padEnd(8)}${first.a11y} ${first.bp} ${first.seo}${runs.length < rounds ? `  (${rounds - runs.length} runs failed)` : ""}`);
  for (const f of new Set(runs.flatMap((r) => r.failed))) console.log(`    ${f}`);
}
if (ratio) {
  const [a, b] = ratio.split("/").map((l) => pages.find((p) => p.label === l));
  const lcp = (p) => median(p.runs.filter(Boolean).map((r) => r.lcp));
  const perRound = a.runs.map((r, i) => (r && b.runs[i] ? (r.lcp / b.runs[i].lcp).toFixed(2) : "-"));
  console.log(`LCP ratio ${a.label} / ${b.label}: ${(lcp(a) / lcp(b)).toFixed(2)} (per round: ${perRound.join(", ")}; target <= 1.30 with simulated throttling)`);
}
