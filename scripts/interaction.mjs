// Interaction to next paint of ticking a box on the symptom checklist, at 4× CPU: loads the
// page in headless Chromium, waits for the start-up to end (`clinic:idle`, then the
// checklist's warm-up, `clinic:checklist-warm`), taps the first box with a touch sent through
// the DevTools protocol (Playwright's own tap runs its checks in the page, on the same slowed
// CPU, and they would count as the page's input delay), and reads the browser's own Event
// Timing entries for that tap (input to the next paint).
// A benchmark, not a test: the figures scale with the machine.
//   node scripts/interaction.mjs <url of /symptoms> [--rounds N] [--rate 4]
import { commandLine, launch, slowPhonePage } from "./bench-browser.mjs";

const { url, option } = commandLine();
const rounds = Number(option("--rounds", 5));
const rate = Number(option("--rate", 4));

const browser = await launch();
const results = [];
for (let i = 0; i < rounds; i++) {
  const { context, page, cdp } = await slowPhonePage(browser, rate);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => ["clinic:idle", "clinic:checklist-warm"].every((m) => performance.getEntriesByName(m).length > 0),
    null,
    { timeout: 0 },
  );
  // The first box's row in the middle of the screen, two frames later: where to touch.
  const { x, y } = await page.evaluate(() => new Promise((resolve) => {
    window.__events = [];
    window.__observer = new PerformanceObserver((list) => window.__events.push(...list.getEntries()));
    window.__observer.observe({ type: "event", durationThreshold: 16, buffered: false });
    const row = document.querySelector(".symptoms__form input[type=checkbox]").closest("label");
    row.scrollIntoView({ block: "center", behavior: "instant" });
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      const r = row.getBoundingClientRect();
      resolve({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    })));
  }));
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  // The tap's result on screen, then two frames later (the entry is queued after the paint
  // that followed the tap): every entry of the interaction the observer holds by then.
  const inp = await page.evaluate(() => new Promise((resolve) => {
    const status = document.querySelector(".symptom-result [role='status']");
    const read = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
      const taps = [...window.__events, ...window.__observer.takeRecords()].filter((e) => e.interactionId > 0);
      resolve(taps.length ? Math.max(...taps.map((e) => e.duration)) : null);
    })));
    if (status.textContent.includes("1 item ticked")) return read();
    new MutationObserver((_, observer) => {
      if (status.textContent.includes("1 item ticked")) { observer.disconnect(); read(); }
    }).observe(status, { childList: true, subtree: true, characterData: true });
  }));
  // Fewer than 16 ms leaves no entry: then the tap painted within a frame.
  results.push(inp ?? 16);
  await context.close();
}
await browser.close();
const sorted = [...results].sort((a, b) => a - b);
console.log(`ticking a box on ${url} at ${rate}× CPU, ${rounds} rounds: interaction to next paint median ${sorted[Math.floor((rounds - 1) / 2)].toFixed(0)} ms (${sorted[0].toFixed(0)}–${sorted[rounds - 1].toFixed(0)}; per round ${results.map((x) => x.toFixed(0)).join(", ")}; target <= 100 ms)`);
