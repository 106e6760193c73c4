// Where the main thread goes while a pre-rendered page starts the app, on a phone-speed CPU:
// loads the page in headless Chromium with the CPU slowed 4× (as Lighthouse's devtools
// throttling does), records a Chrome trace, and prints the start-up's tasks and phases in ms.
// A benchmark, not a test: the figures scale with the machine, so judge them against each
// other (and across rounds), not against another machine's.
//   node scripts/startup-trace.mjs <url> [--rounds N] [--rate 4] [--save trace.json] [--json]
import fs from "node:fs";
import { commandLine, launch, slowPhonePage } from "./bench-browser.mjs";

const { url, option, flag } = commandLine();
const rounds = Number(option("--rounds", 5));
const rate = Number(option("--rate", 4));
const save = option("--save", null);
const asJson = flag("--json");

const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
  "v8.execute",
  "v8.wasm",
  "disabled-by-default-v8.compile",
  "loading",
  "toplevel",
].join(",");

// The parts in the order they hydrate, for an article: the shell hands over the header's
// contents, the page and the footer's contents; the page then hands over what is below the article.
const PART_NAMES = ["header", "the page (article: hero and body)", "footer", "article header", "article footer (share)", "head tags, call to action and more posts"];

const browser = await launch();

/** One traced load: resolves to the trace's events. */
async function traceOnce() {
  const { context, page, cdp } = await slowPhonePage(browser, rate);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { categories: CATEGORIES, transferMode: "ReportEvents" });
  await page.goto(url, { waitUntil: "load" });
  // The start-up is over when the app has marked its last phase (work put off to idle time
  // included), whatever that takes on this machine. Asked through the DevTools protocol: a
  // Playwright wait would inject its own script into the page, and the trace would show it.
  await cdp.send("Runtime.evaluate", {
    awaitPromise: true,
    expression: `new Promise((resolve) => {
      if (performance.getEntriesByName("clinic:idle").length) return resolve();
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((e) => e.name === "clinic:idle")) { observer.disconnect(); resolve(); }
      }).observe({ type: "mark" });
    })`,
  });
  await cdp.send("Tracing.end");
  await done;
  await context.close();
  return events;
}

/** The start-up's figures from one trace. */
function analyse(events) {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" &&
    events.some((m) => m.pid === e.pid && m.cat?.includes("blink.user_timing") && m.name?.startsWith("clinic:")));
  if (!main) throw new Error("no renderer main thread with the app's marks in the trace");
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const nav = onMain.find((e) => e.name === "navigationStart") ?? events.find((e) => e.name === "navigationStart");
  const t0 = nav.ts;
  const ms = (us) => us / 1000;
  const marks = new Map();
  for (const e of events.filter((e) => e.pid === main.pid && e.cat?.includes("blink.user_timing") && e.name.startsWith("clinic:"))) {
    if (!marks.has(e.name)) marks.set(e.name, ms(e.ts - t0));
  }
  // Each part hydrated after the shell marks `clinic:part` (src/startup.rs), in this order.
  const parts = events
    .filter((e) => e.pid === main.pid && e.cat?.includes("blink.user_timing") && e.name === "clinic:part")
    .map((e) => ms(e.ts - t0))
    .sort((a, b) => a - b);
  const end = marks.get("clinic:idle");
  // Top-level tasks of the main thread, from the navigation to the last mark.
  // (Chromium nests one task event in another: only the outermost counts.)
  const tasks = [];
  for (const e of onMain
    .filter((e) => e.ph === "X" && (e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask") && e.dur)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.end) continue;
    tasks.push({ start: ms(e.ts - t0), dur: ms(e.dur), ts: e.ts, end: e.ts + e.dur });
  }
  tasks.splice(0, tasks.length, ...tasks.filter((t) => t.start >= 0 && t.start <= end + 1));
  const sum = (xs) => xs.reduce((a, e) => a + ms(e.dur ?? 0), 0);
  const longest = tasks.reduce((a, t) => (t.dur > a.dur ? t : a), { dur: 0, start: 0 });
  const at = (name) => marks.get(`clinic:${name}`);
  const taskAt = (t) => tasks.find((task) => task.start <= t && t <= task.start + task.dur);
  // A phase's cost: from its first mark (or the start of the task its last mark is in, when
  // the two are in different tasks: the wait between is the browser's) to its last mark.
  const phase = (from, to) => {
    const [a, b] = [at(from), at(to)];
    if (a === undefined || b === undefined) return NaN;
    const task = taskAt(b);
    return task && task.start > a ? b - task.start : b - a;
  };
  const between = (from, to) => tasks.filter((t) => t.start >= at(from) && t.start + t.dur <= at(to));
  const held = at("hydrated") !== undefined && at("idle") !== undefined ? between("hydrated", "idle") : [];
  const wasm = (name) => events.filter((e) => e.ph === "X" && e.pid === main.pid && e.tid === main.tid && e.name === name);
  const longTasks = tasks.filter((t) => t.dur > 50);
  const ours = (t) => t.start + t.dur >= at("start");
  return {
    "longest task, navigation to idle": longest.dur,
    "longest task running the app (from main())": tasks.filter(ours).reduce((a, t) => Math.max(a, t.dur), 0),
    "tasks over 50 ms (all / the app's)": `${longTasks.length} / ${longTasks.filter(ours).length}`,
    "blocking time (task time over 50 ms)": longTasks.reduce((a, t) => a + t.dur - 50, 0),
    "main thread busy, navigation to idle": tasks.reduce((a, t) => a + t.dur, 0),
    "wasm ready: navigation to main() (wall clock)": at("start"),
    "wasm streaming compile on the main thread": sum(wasm("wasm.OnBytesReceived")) + sum(wasm("wasm.FinishStreaming")),
    "wasm instantiate": sum(wasm("wasm.SyncInstantiate")),
    "wasm functions compiled on first call (all phases)": sum(wasm("wasm.CompileLazy")),
    "install the pre-rendered data": phase("start", "data"),
    "hydration, first task: the shell": phase("data", "shell"),
    "  reactive graph and router set-up": phase("data", "router"),
    "  skip link and the header element": phase("router", "header"),
    "  route announcer, <main> and <footer> stepped over": phase("header", "shell"),
    "hydration, parts after the shell: tasks": parts.length,
    "hydration, parts after the shell: longest task": parts.reduce((a, t) => Math.max(a, taskAt(t)?.dur ?? 0), 0),
    ...Object.fromEntries(PART_NAMES.map((name, i) => [`  part ${i + 1}: ${name}`, parts[i] === undefined ? NaN : (taskAt(parts[i])?.dur ?? NaN)])),
    "  in the page's part: the article, to its end": phase("shell", "article"),
    "    the article page's resources, read from the page": phase("post-page", "post-resources"),
    "  in part 6: the head tags (title, description, link preview)": phase("post-head", "post-meta"),
    "effects after hydration: tasks": held.length,
    "effects after hydration: busy in all": held.reduce((a, t) => a + t.dur, 0),
    "effects after hydration: longest task": held.reduce((a, t) => Math.max(a, t.dur), 0),
    tasks: tasks.filter((t) => t.dur >= 5).map((t) => [Math.round(t.start), Number(t.dur.toFixed(1))]),
  };
}

// One load first, not counted: the browser's own start-up would land in round 1.
await traceOnce();
const results = [];
for (let i = 0; i < rounds; i++) {
  const events = await traceOnce();
  if (save && i === 0) fs.writeFileSync(save, JSON.stringify({ traceEvents: events }));
  results.push(analyse(events));
}
await browser.close();

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const median = (xs) => {
    const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
  };
  const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : "-");
  console.log(`${"start-up of " + url + " at " + rate + "× CPU, " + rounds + " rounds"}`);
  console.log(`${"ms".padStart(52)}${"median".padStart(9)}${"min".padStart(8)}${"max".padStart(8)}`);
  for (const key of Object.keys(results[0])) {
    if (key === "tasks") continue;
    const xs = results.map((r) => r[key]);
    if (typeof xs[0] === "string") {
      console.log(`${key.padEnd(52)}${xs.join(", ").padStart(25)}`);
      continue;
    }
    const ok = xs.filter(Number.isFinite);
    console.log(`${key.padEnd(52)}${f(median(xs)).padStart(9)}${f(Math.min(...ok)).padStart(8)}${f(Math.max(...ok)).padStart(8)}`);
  }
  console.log("tasks of 5 ms or more, round 1 ([start ms, duration ms]):", JSON.stringify(results[0].tasks));
}
