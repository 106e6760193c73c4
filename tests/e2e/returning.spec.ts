// A returning patient after a deploy, with the service worker in control: the patient first
// visits dist/ (the worker installs and takes over, an article is saved as it is read), the
// host then serves dist-next/ only (built by scripts/test.sh: the checklist's wording edited,
// a sentence of one article changed, another article withdrawn), and the patient comes back.
// Every page must be the new deploy's on its first load, and never mix in the old one's files.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test, expect, expectNoAxeViolations, failedLoad, serveFolder, waitForApp } from "./fixtures";
import type { Page } from "@playwright/test";
import { installsOver, installTried, ownVersionInCharge, savedPaths, workerControls } from "./worker";

// The worker installs a whole version while these journeys wait (tests/e2e/worker.ts).
test.slow();

test.use({ serviceWorkers: "allow" });

const REPO = resolve(__dirname, "../..");
const BEFORE = join(REPO, "dist");
const AFTER = join(REPO, "dist-next");
const OFF = join(REPO, "dist-minimal");

const SAVED = { slug: "back-spasm-symptoms", title: "Back spasm symptoms: what they feel like and which ones are urgent" };
const WITHDRAWN = { slug: "sleep-positions-for-back-pain", title: "Sleep positions that go easier on your back" };
// The sentence scripts/test.sh changes in SAVED for dist-next.
const OLD_SENTENCE = "Most of us have had a back spasm at some point.";
const NEW_SENTENCE = "Most people have a back spasm at some point in their lives.";

const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });
/** The app's script a page loads: which build it came from. */
const appOf = (page: Page) => page.locator("link[rel=modulepreload]").first().getAttribute("href");
/** The app's script a build's pages load. */
const appIn = (dist: string) => /<link[^>]*rel="?modulepreload"?[^>]*>/.exec(readFileSync(join(dist, "index.html"), "utf8"))![0].match(/href="?([^"\s>]+)/)![1];

/** The first visit: the listing, then two articles read in the app, both saved whole. The
 * worker in charge is dist/'s from here on. */
async function firstVisit(page: Page, site: string) {
  await page.goto(`${site}blog`);
  await workerControls(page);
  for (const article of [SAVED, WITHDRAWN]) {
    await nav(page).getByRole("link", { name: "Blog" }).click();
    await expect(heading(page)).toHaveText("Back care articles");
    await page.getByRole("link", { name: article.title }).click();
    await expect(heading(page)).toHaveText(article.title);
  }
  await expect
    .poll(() => savedPaths(page))
    .toEqual(expect.arrayContaining([`/blog/${SAVED.slug}`, `/posts/${SAVED.slug}.json`, `/blog/${WITHDRAWN.slug}`, `/posts/${WITHDRAWN.slug}.json`]));
}

test.beforeEach(() => {
  expect(existsSync(join(AFTER, "sw.js")), "dist-next/ is missing: scripts/test.sh builds it").toBe(true);
});

test("a shared article opened after a deploy is the new one, and its short-message form opens", async ({ page }, testInfo) => {
  const host = await serveFolder(page, BEFORE, 4220 + testInfo.parallelIndex);
  try {
    await firstVisit(page, host.site);
    host.deploy(AFTER);
    // Opened from a shared link, with the old version's worker in charge.
    await page.goto(`${host.site}blog/${SAVED.slug}`);
    const answeredByWorker = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).workerStart > 0);
    expect(answeredByWorker, "the old version's worker answered the page").toBe(true);
    await expect(heading(page)).toHaveText(SAVED.title);
    await expect(page.getByText(NEW_SENTENCE), "the new text, on the first load").toBeVisible();
    await expect(page.getByText(OLD_SENTENCE)).toHaveCount(0);
    expect(await appOf(page)).toBe(appIn(AFTER));
    // The form lives in a wasm part of its own: the new version's, never the old one's.
    const cta = page.locator(".post-cta");
    await cta.getByText("Or send a short message from here").click();
    await expect(cta.getByLabel("Your name")).toBeVisible();
    await cta.getByLabel("Your name").fill("Grace Hopper");
    await expect(cta.getByLabel("Your name")).toHaveValue("Grace Hopper");
    // Navigation preload is on: a page's request goes out while the worker starts.
    const preload = await page.evaluate(async () => (await navigator.serviceWorker.ready).navigationPreload.getState());
    expect(preload.enabled, "navigation preload").toBe(true);
    await expectNoAxeViolations(page, "an article after a deploy");
    await ownVersionInCharge(page);
  } finally {
    await host.stop();
  }
});

test("after a deploy, the listing's search, a topic page and the checklist are the new version's on the first load", async ({ page }, testInfo) => {
  const host = await serveFolder(page, BEFORE, 4230 + testInfo.parallelIndex);
  try {
    await firstVisit(page, host.site);
    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be checked.")).toBeVisible();
    host.deploy(AFTER);

    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be seen."), "the new wording, on the first load").toBeVisible();
    await page.locator("#symptom-neck-pain").check();
    await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");

    await page.goto(`${host.site}blog`);
    expect(await appOf(page)).toBe(appIn(AFTER));
    const cards = page.getByRole("main").getByRole("article");
    await expect(cards, "the withdrawn article is off the listing").toHaveCount(7);
    await page.getByRole("search").getByRole("searchbox", { name: "Search articles" }).fill("lifting");
    await expect(page).toHaveURL(/\?q=lifting$/);
    await expect(cards.filter({ hasText: "Lifting" }).first()).toBeVisible();

    // The new version's worker takes over once a page of its own version is open; a document
    // load started while it does can be aborted (once in about twenty runs), so it goes after.
    await ownVersionInCharge(page);
    await page.goto(`${host.site}blog/topic/back-spasms`);
    await expect(heading(page)).toContainText(/back spasms/i);
    expect(await appOf(page)).toBe(appIn(AFTER));
    await expect(cards.first()).toBeVisible();
    await expect(cards.filter({ hasText: WITHDRAWN.title }), "the withdrawn article is off its topic").toHaveCount(0);
    await cards.getByRole("link", { name: SAVED.title }).click();
    await expect(page.getByText(NEW_SENTENCE)).toBeVisible();
    await ownVersionInCharge(page);
  } finally {
    await host.stop();
  }
});

test("after a deploy, the contact page sends a message", async ({ page }, testInfo) => {
  const host = await serveFolder(page, BEFORE, 4240 + testInfo.parallelIndex);
  try {
    await page.goto(`${host.site}contact`);
    await workerControls(page);
    host.deploy(AFTER);
    await page.goto(`${host.site}contact`);
    expect(await appOf(page)).toBe(appIn(AFTER));
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Email address").fill("ada@example.com");
    await page.getByLabel("Your message").fill("May I book a first visit after the holidays?");
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.locator(".contact-form__sent")).toBeFocused();
    await ownVersionInCharge(page);
  } finally {
    await host.stop();
  }
});

test("after a deploy, the home and Visit pages are the new version's, with their wasm parts and today's status", async ({ page }, testInfo) => {
  const host = await serveFolder(page, BEFORE, 4340 + testInfo.parallelIndex);
  try {
    await page.goto(host.site);
    await workerControls(page);
    await expect(page.getByTestId("open-status")).toBeVisible();
    host.deploy(AFTER);

    // Opened again with the old version's worker in charge: the new pages, parts and status.
    await page.goto(host.site);
    expect(await appOf(page)).toBe(appIn(AFTER));
    await expect(heading(page)).toHaveText("Alder Creek Chiropractic");
    await expect(page.getByTestId("open-status"), "the home page's part ran").toBeVisible();
    await page.getByRole("main").getByRole("link", { name: "Opening hours and directions" }).click();
    await expect(heading(page)).toHaveText("Visit the clinic");
    await expect(page.getByRole("table", { name: /Opening hours/ })).toBeVisible();
    await expect(page.getByTestId("open-status"), "the Visit page's part ran").toBeVisible();

    // And the Visit page opened as a document, from a shared link.
    await page.goto(`${host.site}visit`);
    expect(await appOf(page)).toBe(appIn(AFTER));
    await expect(page.getByTestId("open-status")).toBeVisible();
    await expectNoAxeViolations(page, "the Visit page after a deploy");
    await ownVersionInCharge(page);
  } finally {
    await host.stop();
  }
});

test("an article the site withdrew is forgotten: not served offline, not listed as saved", async ({ page, context, allowConsole }, testInfo) => {
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  // The app, started afresh on the Not Found page at the article's address, asks for its data.
  allowConsole(failedLoad(404), `posts/${WITHDRAWN.slug}.json`);
  const host = await serveFolder(page, BEFORE, 4250 + testInfo.parallelIndex);
  try {
    await firstVisit(page, host.site);
    host.deploy(AFTER);
    await page.goto(`${host.site}blog/${WITHDRAWN.slug}`);
    await expect(heading(page)).toHaveText("We couldn't find that article");
    await expect.poll(() => savedPaths(page)).not.toContain(`/blog/${WITHDRAWN.slug}`);
    expect(await savedPaths(page)).not.toContain(`/posts/${WITHDRAWN.slug}.json`);
    // The article read before the deploy is brought up to date as it is read again.
    await page.goto(`${host.site}blog/${SAVED.slug}`);
    await expect(page.getByText(NEW_SENTENCE)).toBeVisible();
    await ownVersionInCharge(page);

    await context.setOffline(true);
    await page.goto(`${host.site}blog/${WITHDRAWN.slug}`, { waitUntil: "commit" });
    await expect(heading(page)).toHaveText("You're offline");
    const saved = page.getByRole("region", { name: "Articles saved on this device" });
    await expect(saved.getByRole("link", { name: SAVED.title })).toBeVisible();
    await expect(saved.getByRole("link", { name: WITHDRAWN.title })).toHaveCount(0);
    await page.goto(`${host.site}blog/${SAVED.slug}`);
    await expect(page.getByText(NEW_SENTENCE), "the saved copy is the one read last").toBeVisible();
  } finally {
    await context.setOffline(false);
    await host.stop();
  }
});

test("when the new version cannot install, the old one keeps working offline and pages online are the new ones", async ({ page, context, allowConsole }, testInfo) => {
  // dist-next/ with one file the worker precaches missing, as after a deploy cut short.
  const MISSING = "icons/maskable-512.png";
  allowConsole(failedLoad(404), MISSING);
  allowConsole(new RegExp(`Uncaught \\(in promise\\).*${MISSING.replace(".", "\\.")}: 404`));
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  // Each page load may ask for the new version again: a try the connection is cut under fails so.
  allowConsole(/^Uncaught \(in promise\) TypeError: Failed to fetch/, "sw.js");
  const work = mkdtempSync(join(tmpdir(), "site-broken-"));
  const broken = join(work, "dist");
  cpSync(AFTER, broken, { recursive: true });
  rmSync(join(broken, MISSING));
  const host = await serveFolder(page, BEFORE, 4275 + testInfo.parallelIndex);
  try {
    await page.goto(`${host.site}symptoms`);
    await workerControls(page);
    const precaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.includes(" precache ")));
    const before = await precaches();
    host.deploy(broken);
    // Online: the new text at once, although the new worker is not installed.
    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be seen.")).toBeVisible();
    // The new worker tries, fails, and leaves nothing behind; the old one is still in charge.
    expect(await installTried(page)).toBe("redundant");
    await installsOver(page, before);
    await expect(page.getByRole("region", { name: "Site update" })).toHaveCount(0);

    // Offline: the old version, whole.
    await context.setOffline(true);
    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be checked.")).toBeVisible();
    await page.getByRole("checkbox", { name: /bike saddle/i }).check();
    await expect(page.getByRole("alert").getByRole("link", { name: /Call 911/ })).toHaveAttribute("href", "tel:911");
  } finally {
    await context.setOffline(false);
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test("on a device out of room, the new version's install fails and the old one keeps working offline", async ({ page, context, allowConsole }, testInfo) => {
  allowConsole(/^Uncaught \(in promise\) QuotaExceededError/);
  allowConsole(/ERR_INTERNET_DISCONNECTED/);
  allowConsole(/^Uncaught \(in promise\) TypeError: Failed to fetch/, "sw.js");
  const host = await serveFolder(page, BEFORE, 4290 + testInfo.parallelIndex);
  const cdp = await context.newCDPSession(page);
  try {
    await page.goto(`${host.site}symptoms`);
    await workerControls(page);
    const precaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.includes(" precache ")));
    const before = await precaches();
    // Room for what is kept now and little more: not for a second version.
    const { usage } = await page.evaluate(() => navigator.storage.estimate());
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(host.site).origin, quotaSize: usage! + 200_000 });
    host.deploy(AFTER);
    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be seen."), "online, the new text").toBeVisible();
    expect(await installTried(page)).toBe("redundant");
    await installsOver(page, before);
    await expect(page.getByRole("region", { name: "Site update" })).toHaveCount(0);
    await context.setOffline(true);
    await page.goto(`${host.site}symptoms`);
    await expect(page.getByText("how soon you should be checked."), "offline, the old version, whole").toBeVisible();
    await page.getByRole("checkbox", { name: /bike saddle/i }).check();
    await expect(page.getByRole("alert").getByRole("link", { name: /Call 911/ })).toHaveAttribute("href", "tel:911");
  } finally {
    await context.setOffline(false);
    await cdp.send("Storage.overrideQuotaForOrigin", { origin: new URL(host.site).origin }).catch(() => {});
    await host.stop();
  }
});

test("a tab open before a deploy that adds fields to the site's data keeps working", async ({ page }, testInfo) => {
  // The same build, with one field more in site.json, in an article's JSON and in the list
  // of articles, as a later version of the site might add.
  const work = mkdtempSync(join(tmpdir(), "site-fields-"));
  const extra = join(work, "dist");
  cpSync(BEFORE, extra, { recursive: true });
  const addField = (file: string, edit: (json: any) => void) => {
    const json = JSON.parse(readFileSync(join(extra, file), "utf8"));
    edit(json);
    writeFileSync(join(extra, file), JSON.stringify(json));
  };
  addField("site.json", (site) => (site.opening_hours_note = "Closed on public holidays"));
  addField(`posts/${SAVED.slug}.json`, (post) => {
    post.series = "Understanding back spasms";
    post.hero.credit = "Clinic archive";
  });
  addField("posts/index.json", (list) => list.forEach((entry: any) => (entry.series = null)));
  const host = await serveFolder(page, BEFORE, 4260 + testInfo.parallelIndex);
  try {
    await page.goto(`${host.site}contact`);
    await workerControls(page);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    host.deploy(extra);
    // In the open tab: the list of articles, then the article, read by the app.
    await nav(page).getByRole("link", { name: "Blog" }).click();
    await expect(heading(page)).toHaveText("Back care articles");
    await page.getByRole("link", { name: SAVED.title }).click();
    await expect(heading(page)).toHaveText(SAVED.title);
    await expect(page.getByRole("article", { name: SAVED.title })).toContainText("Medically reviewed by");
    await expect(page.getByText("damaged")).toHaveCount(0);
    // A page the app starts afresh (an address the site has no page for) reads site.json.
    await page.goto(`${host.site}no-such-page`);
    await expect(heading(page)).toHaveText("Page not found");
    await expect(page.getByRole("contentinfo")).toContainText("(503) 555-0142");
    await waitForApp(page);
  } finally {
    await host.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test("the way out: a deploy with offline support off removes the worker and everything it saved", async ({ page }, testInfo) => {
  expect(existsSync(join(OFF, "index.html")), "dist-minimal/ is missing: scripts/test.sh builds it").toBe(true);
  expect(readFileSync(join(OFF, "index.html"), "utf8"), "no page registers a worker").not.toMatch(/register-[0-9a-f]+\.js/);
  const host = await serveFolder(page, BEFORE, 4270 + testInfo.parallelIndex);
  try {
    await firstVisit(page, host.site);
    expect((await page.evaluate(() => caches.keys())).length).toBeGreaterThan(0);
    host.deploy(OFF);
    // The next visit: the browser checks sw.js, and the retired worker removes itself.
    await page.goto(`${host.site}symptoms`);
    await expect(heading(page)).toContainText("checklist");
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), { timeout: 0 }).toBe(0);
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([]);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller), "no worker answers any more").toBeNull();
    await page.locator("#symptom-neck-pain").check();
    await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  } finally {
    await host.stop();
  }
});
