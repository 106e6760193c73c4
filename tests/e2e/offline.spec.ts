// Offline and installable: the service worker (src/web/sw.js, written into the build by
// crates/build) and the manifest. Every other journey blocks the worker (see
// playwright.config.ts); these let it in, read online, then cut the connection
// (`context.setOffline`), which cuts the worker's own requests too.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { test, expect, expectNoAxeViolations, failedLoad, serveFolder as serve, waitForApp } from "./fixtures";
import type { Page } from "@playwright/test";
import { cacheEntries, ownVersionInCharge, savedPaths, versions, workerControls } from "./worker";

// The worker installs a whole version while these journeys wait (tests/e2e/worker.ts).
test.slow();

test.use({ serviceWorkers: "allow" });

const SAVED = { slug: "back-spasm-symptoms", title: "Back spasm symptoms: what they feel like and which ones are urgent" };
const UNVISITED = "lifting-safely";
const SADDLE = /bike saddle/i; // an emergency sign

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

test("an article read online reloads offline, the checklist triages, and an unvisited article gives the offline page", async ({ page, context, allowConsole, baseURL }) => {
  // What the browser says about requests that meet no connection.
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  const base = new URL(baseURL!).pathname;
  await page.goto("blog");
  await workerControls(page);
  // Opened by the app (its JSON only): the worker saves the page with it.
  await page.getByRole("link", { name: SAVED.title }).click();
  await expect(heading(page)).toHaveText(SAVED.title);
  await nav(page).getByRole("link", { name: "Symptom checklist" }).click();
  await expect(heading(page)).toContainText("checklist");
  await expect.poll(() => savedPaths(page)).toEqual(expect.arrayContaining([`${base}blog/${SAVED.slug}`, `${base}posts/${SAVED.slug}.json`]));

  await context.setOffline(true);
  // The saved article reloads and reads normally, app and all.
  await page.goto(`blog/${SAVED.slug}`);
  await expect(heading(page)).toHaveText(SAVED.title);
  await expect(page.getByRole("article", { name: SAVED.title })).toContainText("Medically reviewed by");
  await expectNoAxeViolations(page, "a saved article, offline");

  // The checklist, opened in the app: an emergency sign gives the alert and its call link.
  await nav(page).getByRole("link", { name: "Symptom checklist" }).click();
  await page.getByRole("checkbox", { name: SADDLE }).check();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("nearest emergency department");
  await expect(alert.getByRole("link", { name: /Call 911/ })).toHaveAttribute("href", "tel:911");

  // Between saved pages in the app: the blog, then the saved article.
  await nav(page).getByRole("link", { name: "Blog" }).click();
  await expect(heading(page)).toHaveText("Back care articles");
  await page.getByRole("link", { name: SAVED.title }).click();
  await expect(heading(page)).toHaveText(SAVED.title);

  // An article never opened: the offline page, with the saved one and what still works.
  await page.goto(`blog/${UNVISITED}`, { waitUntil: "commit" });
  await expect(heading(page)).toHaveText("You're offline");
  await expect(page).toHaveTitle("You're offline · Alder Creek Chiropractic");
  const saved = page.getByRole("region", { name: "Articles saved on this device" });
  const link = saved.getByRole("link", { name: SAVED.title });
  await expect(link).toHaveAttribute("href", `blog/${SAVED.slug}`);
  await expect(saved.getByRole("listitem").filter({ hasText: SAVED.title })).toContainText(/Medically reviewed [A-Z][a-z]+ \d{1,2}, \d{4}/);
  await expect(page.getByRole("link", { name: "The back pain symptom checklist" })).toHaveAttribute("href", `${base}symptoms`);
  await expect(page.getByRole("main").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expectNoAxeViolations(page, "the offline page");
  // Its link opens the saved article, which the app takes over.
  await link.click();
  await expect(heading(page)).toHaveText(SAVED.title);
  await waitForApp(page);
  await context.setOffline(false);
});

test("offline, the contact form keeps the draft and says it cannot send until there is a connection", async ({ page, context, allowConsole }) => {
  // The send the patient tries while offline.
  allowConsole(failedLoad("net::ERR_INTERNET_DISCONNECTED"), "http://127.0.0.1:8787/f/contact");
  await page.goto("contact");
  await workerControls(page);
  await context.setOffline(true);
  await page.reload();
  // Said as the patient starts to write, before any attempt to send.
  await page.getByLabel("Your name").focus();
  await expect(page.locator(".contact-form__offline")).toHaveText(
    "You're offline. You can write your message now: it stays on this page, and you can send it once you're connected.",
  );
  await expect(page.locator(".contact-form__offline")).toHaveAttribute("role", "status");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Email address").fill("ada@example.com");
  await page.getByLabel("Your message").fill("Could I book a first visit next week?");
  await page.getByRole("button", { name: "Send message" }).click();
  const failed = page.locator(".contact-form__failed");
  await expect(failed).toBeFocused();
  await expect(failed).toContainText("Your message was not sent");
  await expect(failed).toContainText("you may be offline");
  await expect(failed).toContainText("send it again once you're connected");
  await expect(page.getByLabel("Your message")).toHaveValue("Could I book a first visit next week?");
  await expectNoAxeViolations(page, "the contact form, offline");
  // Still there after a reload without a connection.
  await page.reload();
  await expect(page.getByLabel("Your name")).toHaveValue("Ada Lovelace");
  await expect(page.getByLabel("Your message")).toHaveValue("Could I book a first visit next week?");
  // Back online, the note goes as soon as the patient is back in the form.
  await context.setOffline(false);
  await page.getByLabel("Your message").focus();
  await expect(page.locator(".contact-form__offline")).toHaveText("");
});

test("nothing posted or typed is kept in any cache", async ({ page }) => {
  const typed = "Zebulon Quartermaine";
  await page.goto("blog");
  await workerControls(page);
  await page.getByLabel("Search articles").fill("quartermaine sciatica");
  // A search sent as an address (as without script) is answered, not kept.
  await page.goto("blog?q=quartermaine+sciatica");
  await page.goto("contact");
  await page.getByLabel("Your name").fill(typed);
  await page.getByLabel("Email address").fill("zebulon@example.com");
  await page.getByLabel("Your message").fill(`A message from ${typed}.`);
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.locator(".contact-form__sent")).toBeFocused();
  // Then an article, saved as it is read: once it is, the worker has had its chance to keep
  // anything of the above too.
  await page.goto(`blog/${SAVED.slug}`);
  await expect.poll(() => savedPaths(page)).toContain(`${new URL(page.url()).pathname}`);

  const entries = await cacheEntries(page);
  expect(entries.length, "the worker has precached the site").toBeGreaterThan(20);
  for (const entry of entries) {
    expect(entry.method, entry.url).toBe("GET");
    expect(new URL(entry.url).search, `${entry.url} is kept without its query`).toBe("");
    expect(new URL(entry.url).port, `${entry.url}: the form endpoint is never cached`).not.toBe("8787");
    for (const word of ["Zebulon", "zebulon@", "quartermaine", "Quartermaine"]) {
      expect(entry.url.includes(word) || entry.body.includes(word), `${entry.url} holds "${word}"`).toBe(false);
    }
  }
});

test("the manifest names the clinic, honours the base path and lists icons of the sizes it says @base-path", async ({ page, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  await page.goto("symptoms");
  for (const [selector, href] of [
    ["link[rel=manifest]", "manifest.webmanifest"],
    ["link[rel=icon][type='image/svg+xml']", "icon.svg"],
    ["link[rel=icon][type='image/png']", "icons/favicon-32.png"],
    ["link[rel=apple-touch-icon]", "icons/apple-touch-icon.png"],
  ]) {
    await expect(page.locator(selector)).toHaveAttribute("href", href);
  }
  await expect(page.locator("meta[name=theme-color]")).toHaveAttribute("content", "#0b5e63");
  const response = await page.request.get("manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  expect(response.headers()["cache-control"]).toBe("no-cache");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Alder Creek Chiropractic",
    short_name: "Alder Creek",
    start_url: base,
    scope: base,
    display: "standalone",
    theme_color: "#0b5e63",
    background_color: "#fbfaf7",
  });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(manifest.icons.some((icon: { purpose: string }) => icon.purpose === "maskable")).toBe(true);
  for (const icon of [...manifest.icons, { src: `${base}icons/apple-touch-icon.png`, sizes: "180x180" }, { src: `${base}icons/favicon-32.png`, sizes: "32x32" }]) {
    const png = await page.request.get(new URL(icon.src, baseURL).href);
    expect(png.headers()["content-type"], icon.src).toBe("image/png");
    const bytes = await png.body();
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  const worker = await page.request.get("sw.js");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
  expect(worker.headers()["content-security-policy"]).toContain("worker-src 'self'");
});

test("the worker registers with the site's own scope, and a saved article opens offline @base-path", async ({ page, context, baseURL, allowConsole }) => {
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  // When the app had started and when the worker was registered, in the page's own clock.
  await page.addInitScript(() => {
    const times = ((window as any).__times = {} as Record<string, number>);
    new MutationObserver(() => {
      if (document.documentElement?.getAttribute("data-app") === "ready") times.started ??= performance.now();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app"] });
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      times.registered ??= performance.now();
      return register(...args);
    };
  });
  // Opened directly: the article open when the worker first takes over is saved too.
  await page.goto(`blog/${SAVED.slug}`);
  await workerControls(page);
  const times = await page.evaluate(() => (window as any).__times);
  expect(times.registered, "registered only once the app has started").toBeGreaterThanOrEqual(times.started);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
  expect(scope).toBe(baseURL);
  await expect.poll(() => savedPaths(page)).toContain(`${new URL(baseURL!).pathname}blog/${SAVED.slug}`);
  await context.setOffline(true);
  await page.reload();
  await expect(heading(page)).toHaveText(SAVED.title);
  await page.goto("symptoms");
  await expect(heading(page)).toContainText("checklist");
  await context.setOffline(false);
});

const REPO = resolve(__dirname, "../..");

test("on a host that drops .html from addresses, the offline page still opens", async ({ page, context, allowConsole }, testInfo) => {
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  const host = await serve(page, join(REPO, "dist"), 4210 + testInfo.parallelIndex, ["--pretty-urls"]);
  try {
    await page.goto(`${host.site}blog`);
    await workerControls(page);
    await context.setOffline(true);
    await page.goto(`${host.site}blog/${UNVISITED}`, { waitUntil: "commit" });
    await expect(heading(page)).toHaveText("You're offline");
    await page.goto(`${host.site}no-such-page`, { waitUntil: "commit" });
    await expect(heading(page)).toHaveText("Page not found");
  } finally {
    await context.setOffline(false);
    await host.stop();
  }
});

test("a tab left open over a deploy is offered a reload into the new version, and reloading keeps what was typed", async ({ page, context }, testInfo) => {
  const after = join(REPO, "dist-next");
  expect(existsSync(join(after, "sw.js")), "dist-next/ is missing: scripts/test.sh builds it").toBe(true);
  const host = await serve(page, join(REPO, "dist"), 4200 + testInfo.parallelIndex);
  try {
    const site = host.site;
    await page.goto(`${site}contact`);
    await workerControls(page);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    const app = (tab: Page) => tab.locator("link[rel=modulepreload]").first().getAttribute("href");
    const oldApp = await app(page);
    // A second tab of the same version, whose console is watched too.
    const other = await context.newPage();
    const otherProblems: string[] = [];
    other.on("console", (msg) => ["error", "warning"].includes(msg.type()) && otherProblems.push(msg.text()));
    other.on("pageerror", (error) => otherProblems.push(error.message));
    await other.goto(`${site}blog`);
    await expect(other.locator("html")).toHaveAttribute("data-app", "ready", { timeout: 20_000 });

    // The deploy: the host serves the new build only.
    host.deploy(after);

    // The patient comes back to the tab: it checks for a new version, which installs and
    // waits, and the tab offers the reload.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const notice = page.getByRole("region", { name: "Site update" });
    await expect(notice.getByRole("status")).toHaveText("A new version of the site is ready.", { timeout: 0 });
    await expect(page.getByLabel("Your name"), "focus stays where the patient was").toBeFocused();
    expect(await app(page), "nothing changed under the patient").toBe(oldApp);
    await expectNoAxeViolations(page, "with the update notice");

    await notice.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => app(page), { timeout: 0 }).not.toBe(oldApp);
    await waitForApp(page);
    await expect(notice).toHaveCount(0);
    await expect(page.getByLabel("Your name")).toHaveValue("Ada Lovelace");
    await nav(page).getByRole("link", { name: "Symptom checklist" }).click();
    await expect(page.getByText("how soon you should be seen.")).toBeVisible();
    // The old version's precache is gone; one version is kept at a time.
    const precaches = (await page.evaluate(() => caches.keys())).filter((name) => name.includes(" precache "));
    expect(precaches).toHaveLength(1);

    // The other tab, whose version's files are gone now, is offered the reload too.
    const otherNotice = other.getByRole("region", { name: "Site update" });
    await expect(otherNotice.getByRole("status")).toHaveText("A new version of the site is ready.");
    await otherNotice.getByRole("button", { name: "Reload" }).click();
    await expect.poll(() => app(other), { timeout: 0 }).not.toBe(oldApp);
    await expect(other.locator("html")).toHaveAttribute("data-app", "ready", { timeout: 20_000 });
    expect(otherProblems, "the other tab's console").toEqual([]);
  } finally {
    await host.stop();
  }
});

test("a page opened after a deploy lets the new version take over at once, and only the tab left open is offered the reload", async ({ page, context }, testInfo) => {
  const host = await serve(page, join(REPO, "dist"), 4215 + testInfo.parallelIndex);
  try {
    await page.goto(`${host.site}symptoms`);
    await workerControls(page);
    const oldVersion = (await versions(page)).page;
    host.deploy(join(REPO, "dist-next"));
    // Opened from a link after the deploy: the new version's page, from the network.
    const fresh = await context.newPage();
    await fresh.goto(`${host.site}symptoms`);
    await expect(fresh.getByText("how soon you should be seen.")).toBeVisible();
    await expect(fresh.locator("html")).toHaveAttribute("data-app", "ready", { timeout: 20_000 });
    const newVersion = (await versions(fresh)).page;
    expect(newVersion).not.toBe(oldVersion);
    // Its worker takes over without asking anyone: the fresh page is already its version.
    await ownVersionInCharge(fresh);
    // The tab from before the deploy is told; the fresh one is not.
    const notice = page.getByRole("region", { name: "Site update" });
    await expect(notice.getByRole("status")).toHaveText("A new version of the site is ready.", { timeout: 0 });
    await expect(fresh.getByRole("region", { name: "Site update" })).toHaveCount(0);
    await notice.getByRole("button", { name: "Reload" }).click();
    await expect(page.getByText("how soon you should be seen.")).toBeVisible({ timeout: 0 });
    expect((await versions(page)).page).toBe(newVersion);
    await expect(fresh.getByRole("region", { name: "Site update" }), "the fresh tab, still, after the other reloaded").toHaveCount(0);
    await fresh.close();
  } finally {
    await host.stop();
  }
});
