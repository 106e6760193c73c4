// How long an edit takes to reach the page `bash scripts/serve.sh` serves: a post's Markdown
// (the content build, then Trunk's build and the renderer) and a component (the wasm and the
// renderer). Prints each round and the median with its spread, in seconds.
//
//   node scripts/edit-to-served.mjs [--rounds 3]
//
// It starts scripts/serve.sh itself (port 8080, form receiver on 8787), edits a sentence in
// content/posts/lifting-safely.md and in the site footer, and times from the write until the
// served pre-rendered page holds the new text. Every edit is undone, and Trunk is idle, before
// the next one; the files are restored however the script ends. A benchmark, not a test: run it on a quiet
// machine, with nothing else building.
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 3;
const ORIGIN = "http://127.0.0.1:8080";

const edits = [
  {
    name: "post edit",
    file: "content/posts/lifting-safely.md",
    text: "Lifting the wrong way is one of the most common reasons",
    page: "/blog/lifting-safely.html",
  },
  {
    name: "component edit",
    file: "src/components/shell.rs",
    text: "This site offers general information, not a diagnosis",
    page: "/",
  },
];

const originals = new Map(edits.map((e) => [e.file, readFileSync(e.file, "utf8")]));
const restore = () => {
  for (const [file, text] of originals) writeFileSync(file, text);
};

const server = spawn("bash", ["scripts/serve.sh"], { stdio: ["ignore", "pipe", "pipe"], detached: true });
// Trunk's log says when a build starts and ends: an edit is made only when none is running (or
// about to: one edit can wake the watcher twice), so a round never waits for the last one's.
const builds = { started: 0, ended: 0, last: performance.now() };
// The server's own log, with the time of each piece, for a figure that needs explaining.
const LOG = "target/edit-to-served.log";
mkdirSync("target", { recursive: true });
writeFileSync(LOG, "");
for (const stream of [server.stdout, server.stderr]) {
  stream.setEncoding("utf8");
  stream.on("data", (text) => {
    builds.started += text.match(/starting build/g)?.length ?? 0;
    builds.ended += text.match(/✅ success|❌|ERROR/g)?.length ?? 0;
    builds.last = performance.now();
    appendFileSync(LOG, `[${(builds.last / 1000).toFixed(1)} s]\n${text}`);
  });
}
const stop = () => {
  restore();
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {}
};
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function page(path) {
  try {
    const response = await fetch(ORIGIN + path, { cache: "no-store" });
    return response.ok ? await response.text() : "";
  } catch {
    return "";
  }
}
// Polls until the page satisfies `ready`; the cap only ends a run that is stuck.
async function until(path, ready) {
  const start = performance.now();
  while (!ready(await page(path))) {
    if (performance.now() - start > 600_000) throw new Error(`${path} never reached the expected state`);
    await sleep(100);
  }
}

async function idle() {
  while (builds.started > builds.ended || performance.now() - builds.last < 2000) await sleep(100);
}

await until("/", (html) => html.includes("site-footer"));
await idle();

const results = Object.fromEntries(edits.map((e) => [e.name, []]));
for (let round = 1; round <= rounds; round++) {
  for (const edit of edits) {
    const marker = `${edit.text} (edit ${round}-${Date.now() % 100000})`;
    const original = originals.get(edit.file);
    if (!original.includes(edit.text)) throw new Error(`${edit.file} no longer holds "${edit.text}"`);
    const start = performance.now();
    appendFileSync(LOG, `[${(start / 1000).toFixed(1)} s] ${edit.name}\n`);
    writeFileSync(edit.file, original.replace(edit.text, marker));
    await until(edit.page, (html) => html.includes(marker));
    const seconds = (performance.now() - start) / 1000;
    results[edit.name].push(seconds);
    console.log(`round ${round}: ${edit.name} served after ${seconds.toFixed(1)} s`);
    writeFileSync(edit.file, original);
    await until(edit.page, (html) => html.includes(edit.text) && !html.includes(marker));
    await idle();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`\n| edit | median s | min–max | rounds |\n|---|---|---|---|`);
for (const [name, xs] of Object.entries(results)) {
  console.log(`| ${name} | ${median(xs).toFixed(1)} | ${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} | ${xs.length} |`);
}
process.exit(0);
