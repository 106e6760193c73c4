// The start-up's structure, not its speed (speed is scripts/bench.sh's): a pre-rendered page
// starts the app in separate tasks, so a slow phone can handle a tap or paint between them.
// Each phase is marked on the performance timeline (src/startup.rs). A timer queued when a
// phase is marked fires in the next task at the earliest: if it fires before the next phase's
// mark, the two phases ran in different tasks. Nothing here measures a time.
import { test, expect, waitForStartUpOver } from "./fixtures";

const ARTICLE = "blog/back-spasms-causes-and-relief";

// The parts hydrated after the shell, each in a task of its own (`startup::later`): the header's
// contents, the page, the footer's; an article also leaves its header, its footer and what is
// below it for later.
const PARTS: Record<string, number> = { [ARTICLE]: 6, symptoms: 3, contact: 3, blog: 3 };

for (const route of [ARTICLE, "symptoms", "contact", "blog"]) {
  test(`/${route}: data, the shell's hydration, each later part's, and the effects' first runs each wait for a task of their own`, async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __startup: string[] }).__startup = seen;
      const mark = performance.mark.bind(performance);
      performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
        if (name.startsWith("clinic:")) {
          seen.push(name);
          setTimeout(() => seen.push(`after ${name}`));
        }
        return mark(name, options);
      }) as typeof performance.mark;
      // The app's one start-up effect marks the document: the first of the held-back effects.
      // (The script runs before the document has its root element: watch the document.)
      new MutationObserver(() => {
        if (document.documentElement?.dataset.app === "ready" && !seen.includes("effect")) seen.push("effect");
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app"] });
    });
    await page.goto(route);
    await waitForStartUpOver(page);
    const seen = await page.evaluate(() => (window as unknown as { __startup: string[] }).__startup);
    const order = (name: string) => {
      expect(seen, `${name} in ${seen.join(", ")}`).toContain(name);
      return seen.indexOf(name);
    };
    // main() ran, then (a task later) the data was read, then (a task later) the shell hydrated,
    // then (a task later) the page inside it, then (a task later) the first effect ran; the end
    // came last.
    expect(order("after clinic:start")).toBeLessThan(order("clinic:data"));
    expect(order("after clinic:data")).toBeLessThan(order("clinic:shell"));
    expect(order("after clinic:shell")).toBeLessThan(order("clinic:hydrated"));
    // Between the shell and the end of hydration: the parts, a task between each two.
    const during = seen.slice(order("clinic:shell"), order("clinic:hydrated"));
    expect(during.filter((name) => name === "clinic:part"), during.join(", ")).toHaveLength(PARTS[route]);
    let part = -1;
    during.forEach((name, at) => {
      if (name !== "clinic:part") return;
      const since = during.slice(part + 1, at);
      expect(since, `a task between ${part < 0 ? "the shell" : "two parts"}: ${during.join(", ")}`).toContain(part < 0 ? "after clinic:shell" : "after clinic:part");
      part = at;
    });
    expect(order("after clinic:hydrated")).toBeLessThan(order("effect"));
    expect(order("effect")).toBeLessThan(order("clinic:idle"));
  });
}

// Dates are written in the reader's language once the app runs. Where that language writes them
// as the pre-rendered page does (American English), the app makes no formatter at all: making
// the first one is a long task on a slow phone.
test.describe("dates in the reader's language", () => {
  test.describe("German", () => {
    test.use({ locale: "de-DE" });
    test("the article's dates are rewritten in German once the app runs", async ({ page }) => {
      await page.goto(ARTICLE);
      const published = page.locator(".post__dates time").first();
      await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
      const iso = await published.getAttribute("datetime");
      const german = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(iso!));
      await expect(published).toHaveText(german);
    });
  });
  test.describe("American English", () => {
    test.use({ locale: "en-US" });
    test("the article's dates stay as the page was rendered", async ({ page }) => {
      await page.goto(ARTICLE);
      const published = page.locator(".post__dates time").first();
      const rendered = await published.textContent();
      await waitForStartUpOver(page);
      await expect(published).toHaveText(rendered!);
      expect(rendered).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
    });
  });
});

test("a link followed after the shell has hydrated and before the page has loads the new page, whole", async ({ page }) => {
  // The moment the shell is hydrated (its links now handled by the router), the patient taps
  // "Contact": the page inside <main> is still the article's HTML, not yet hydrated, which the
  // router cannot take over, so the browser loads the contact page (no panic, no mixed page).
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      if (name === "clinic:shell") document.querySelector<HTMLAnchorElement>("nav a[href$='/contact']")?.click();
      return entry;
    }) as typeof performance.mark;
  });
  await page.goto(ARTICLE);
  await expect(page).toHaveURL(/\/contact$/);
  await expect(page.getByRole("heading", { level: 1, name: "Contact the clinic" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  // One page, whole, once the start-up is over too: nothing of the article comes back late.
  await waitForStartUpOver(page);
  await expect(page.locator("main h1")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1, name: /^Back spasms/ })).toHaveCount(0);
  // The form is the app's (its fields are checked as the patient goes), not the HTML's.
  await expect(page.locator("form")).toHaveAttribute("novalidate", "");
});

test("a box ticked after the header's part has hydrated and before the page's is kept, and counts", async ({ page }) => {
  // The moment the first part after the shell (the header's contents) is hydrated, the patient
  // ticks the first box: the checklist inside <main> is still the HTML's, not yet hydrated.
  // Hydrating it must keep the tick (the page's part reads what was ticked just before it).
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    let parts = 0;
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      const entry = mark(name, options);
      if (name === "clinic:part" && ++parts === 1) {
        document.querySelector<HTMLInputElement>("main input[type=checkbox]")?.click();
      }
      return entry;
    }) as typeof performance.mark;
  });
  await page.goto("symptoms");
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  // Kept once the start-up's effects have run too, not only when `ready` appears.
  await waitForStartUpOver(page);
  await expect(page.locator("main input[type=checkbox]").first()).toBeChecked();
  await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
});
