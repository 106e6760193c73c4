// The blog: listing, topic filter and search in the URL, articles, related posts, sharing,
// head metadata, caching, and a clear message for every kind of failure.
import { test, expect, expectNoAxeViolations, failedLoad, routeSiteConfig, waitForApp, waitForStartUpOver } from "./fixtures";

const h1 = (page) => page.getByRole("heading", { level: 1 });
const cards = (page) => page.getByRole("main").getByRole("article");

test("listing → filter by topic → article → related article → back", async ({ page }) => {
  await page.goto("blog");
  await waitForApp(page);
  await expect(h1(page)).toHaveText("Back care articles");
  await expect(cards(page)).toHaveCount(8);
  const first = cards(page).first();
  await expect(first.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
  await expect(first.locator("img")).toHaveAttribute("alt", /\w/);

  await page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: /^posture/ }).click();
  await expect(page).toHaveURL(/\/blog\/topic\/posture$/);
  await expect(h1(page)).toHaveText("Articles about posture");
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle(/^Articles about posture · /);
  await expect(cards(page)).toHaveCount(2);
  await expect(page.getByRole("status").filter({ hasText: "match" })).toHaveText("2 of 8 articles match");

  await page.getByRole("link", { name: "Desk posture for a healthier back" }).click();
  await expect(page).toHaveURL(/\/blog\/desk-posture-for-a-healthier-back$/);
  await expect(h1(page)).toHaveText("Desk posture for a healthier back");
  await expect(page).toHaveTitle(/^Desk posture for a healthier back · /);

  const more = page.getByRole("region", { name: "More posts" });
  await expect(more.getByRole("article")).toHaveCount(3);
  await expect(more.getByRole("link", { name: "Desk posture for a healthier back" })).toHaveCount(0);
  await more.getByRole("link", { name: /^Lifting safely/ }).click();
  await expect(page).toHaveURL(/\/blog\/lifting-safely$/);
  await expect(h1(page)).toHaveText(/^Lifting safely/);

  await page.goBack();
  await expect(h1(page)).toHaveText("Desk posture for a healthier back");
  await page.goBack();
  await expect(page).toHaveURL(/\/blog\/topic\/posture$/);
  await expect(cards(page)).toHaveCount(2);
});

test("search is kept in the URL, survives reload, and an empty result offers a way back", async ({ page }) => {
  await page.goto("blog");
  await waitForApp(page);
  const search = page.getByRole("search").getByRole("searchbox", { name: "Search articles" });
  await search.fill("pillow");
  await expect(page).toHaveURL(/\?q=pillow$/);
  await expect(cards(page)).toHaveCount(1);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole("searchbox", { name: "Search articles" })).toHaveValue("pillow");
  await expect(cards(page)).toHaveCount(1);

  await page.getByRole("searchbox", { name: "Search articles" }).fill("zebra crossing");
  await expect(page.getByRole("heading", { name: "No articles match" })).toBeVisible();
  await expectNoAxeViolations(page, "on the empty state");
  await page.getByRole("link", { name: "Show all posts" }).click();
  await expect(page).toHaveURL(/\/blog$/);
  await expect(cards(page)).toHaveCount(8);
});

test("a deep link to an article survives reload and fills the head", async ({ page }) => {
  await page.goto("blog/back-spasms-causes-and-relief");
  await waitForApp(page);
  await page.reload();
  await waitForApp(page);
  // "Only that one" holds once the start-up's effects have run too, not only at `ready`.
  await waitForStartUpOver(page);
  const article = page.getByRole("article", { name: /^Back spasms: what causes them/ });
  await expect(article).toBeVisible();
  await expect(article.getByText("Goertz CM, Long CR, Vining RD, et al.")).toBeVisible();
  await expect(article.getByRole("link", { name: "doi:10.1001/jamanetworkopen.2018.0105" })).toHaveAttribute(
    "href",
    "https://doi.org/10.1001/jamanetworkopen.2018.0105",
  );
  await expect(article.getByText(/Medically reviewed by Dr\. Samuel Ortiz, MD/)).toBeVisible();
  const cta = page.getByRole("region", { name: "Questions about your back?" });
  await expect(cta.getByRole("link", { name: /^Call / })).toHaveAttribute("href", /^tel:\+1/);
  await expect(cta.getByRole("link", { name: "Write to us" })).toHaveAttribute("href", "/contact");

  // The article's own description, and only that one.
  await expect(page.locator('head meta[name="description"]')).toHaveCount(1);
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", /back muscles suddenly lock up/);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", /^Back spasms/);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    "https://aldercreek.example/blog/back-spasms-causes-and-relief",
  );
  const ld = JSON.parse(await page.locator('head script[type="application/ld+json"]').textContent());
  expect(ld["@type"]).toBe("BlogPosting");
  expect(ld.headline).toMatch(/^Back spasms/);
});

test("the index is fetched once and a revisited article is not fetched again", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/posts/")) requests.push(new URL(r.url()).pathname);
  });
  await page.goto("blog");
  await waitForApp(page);
  await page.getByRole("link", { name: "Lifting safely: protect your back at home and at work" }).click();
  await expect(h1(page)).toHaveText(/^Lifting safely/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
  await expect(cards(page)).toHaveCount(8);
  await page.getByRole("link", { name: "Lifting safely: protect your back at home and at work" }).click();
  await expect(h1(page)).toHaveText(/^Lifting safely/);
  expect(requests.filter((p) => p.endsWith("/index.json"))).toHaveLength(1);
  expect(requests.filter((p) => p.endsWith("/lifting-safely.json"))).toHaveLength(1);
});

test("an unknown article shows a not-found message with a way back", async ({ page, allowConsole }) => {
  // The address's own 404 (the Not Found page) is allowed by the fixture; this is the article's.
  allowConsole(failedLoad(404), "posts/no-such-article.json");
  await page.goto("blog/no-such-article");
  await waitForApp(page);
  await expect(h1(page)).toHaveText("We couldn't find that article");
  await page.getByRole("link", { name: "Back to all articles" }).click();
  await expect(cards(page)).toHaveCount(8);
});

test("a corrupted article file shows the damaged-data message naming the field", async ({ page }) => {
  await page.route("**/posts/lifting-safely.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"slug": "lifting-safely", "title": 42' }),
  );
  // A pre-rendered article carries its data; opened from the listing, the app loads it.
  await page.goto("blog");
  await waitForApp(page);
  await page.getByRole("link", { name: "Lifting safely: protect your back at home and at work" }).click();
  await expect(h1(page)).toHaveText("This article's data is damaged");
  await page.unroute("**/posts/lifting-safely.json");
  await page.route("**/posts/lifting-safely.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"slug": "lifting-safely"}' }),
  );
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert")).toContainText("missing field `title`");
  await expect(page.getByRole("link", { name: "Back to all articles" })).toBeVisible();
});

test("a server error shows the server message and Try again recovers", async ({ page, allowConsole }) => {
  allowConsole(failedLoad(500), "posts/sleep-positions-for-back-pain.json");
  let failures = 1;
  await page.route("**/posts/sleep-positions-for-back-pain.json", (route) =>
    failures-- > 0 ? route.fulfill({ status: 500, body: "boom" }) : route.continue(),
  );
  await page.goto("blog");
  await waitForApp(page);
  await page.getByRole("link", { name: "Sleep positions that go easier on your back" }).click();
  await expect(h1(page)).toHaveText("Our website is having trouble");
  await expect(page.getByRole("alert")).toContainText("error 500");
  await expectNoAxeViolations(page, "on the server error");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(h1(page)).toHaveText("Sleep positions that go easier on your back");
});

test("copy link copies the article's address when the browser has no share sheet", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Whatever this browser offers, take the share sheet away, so the copy path always runs.
  await page.addInitScript(() => {
    delete (Navigator.prototype as any).share;
    delete (navigator as any).share;
  });
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await expect(page.getByRole("link", { name: "Email this article" })).toHaveAttribute("href", /^mailto:\?subject=Lifting/);
  const share = page.getByRole("region", { name: "Share this article" });
  await share.getByRole("button", { name: "Copy link" }).click();
  await expect(share.getByRole("status")).toHaveText(/Link copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("https://aldercreek.example/blog/lifting-safely");
});

test("Share opens the browser's share sheet with the article's title and address", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__shared = [];
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: async (data: ShareData) => {
        (window as any).__shared.push({ title: data.title, url: data.url });
      },
    });
  });
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await page.evaluate(() => navigator.clipboard.writeText("left alone"));
  const share = page.getByRole("region", { name: "Share this article" });
  await share.getByRole("button", { name: "Share…" }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__shared)).toEqual([
    { title: "Lifting safely: protect your back at home and at work", url: "https://aldercreek.example/blog/lifting-safely" },
  ]);
  // A completed share needs no message; nothing was copied.
  await expect(share.getByRole("status")).toHaveText("");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("left alone");
});

test("the listing and an article have no axe violations", async ({ page }) => {
  await page.goto("blog");
  await waitForApp(page);
  await expect(cards(page)).toHaveCount(8);
  await expectNoAxeViolations(page, "on the listing");
  await page.goto("blog/back-spasm-symptoms");
  await waitForApp(page);
  await expect(page.getByRole("region", { name: "More posts" }).getByRole("article")).toHaveCount(3);
  await expectNoAxeViolations(page, "on an article");
});

/** Records every text the route announcer says and every "Loading the article…" shown. */
async function recordAnnouncements(page) {
  await page.addInitScript(() => {
    const w = window as any;
    w.__said = [];
    w.__loadingShown = false;
    w.__headings = [];
    new MutationObserver(() => {
      const said = (document.getElementById("route-announcer")?.textContent ?? "").trim();
      if (said && w.__said[w.__said.length - 1] !== said) w.__said.push(said);
      const h1 = document.querySelector("main h1")?.textContent ?? "";
      if (h1 && w.__headings[w.__headings.length - 1] !== h1) w.__headings.push(h1);
      const loading = [...document.querySelectorAll("main [role=status]")].some(
        (e) => /Loading the article/.test(e.textContent ?? "") && e.checkVisibility({ visibilityProperty: true }),
      );
      if (loading) w.__loadingShown = true;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

test("on a slow connection, opening an article announces its title and focuses its heading once it arrives", async ({ page }) => {
  await recordAnnouncements(page);
  await page.goto("blog");
  await expect(h1(page)).toHaveText("Back care articles");
  // A weak mobile signal: the article takes several seconds.
  let release: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/posts/lifting-safely.json", async (route) => {
    await arrived;
    await route.continue();
  });
  await page.locator('a[href$="/blog/lifting-safely"]').first().click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Loading the article…");
  // Held for longer than any fixed wait the announcer might have had.
  await page.waitForTimeout(3_000);
  expect(await page.evaluate(() => (window as any).__said)).toEqual([]);
  release();
  const heading = h1(page);
  await expect(heading).toHaveText(/^Lifting safely/);
  await expect(heading).toBeFocused();
  const title = await page.title();
  expect(title).toMatch(/^Lifting safely/);
  await expect(page.locator("#route-announcer")).toHaveText(`Navigated to ${title}`);
  // Said once, and never the loading text.
  expect(await page.evaluate(() => (window as any).__said)).toEqual([`Navigated to ${title}`]);
});

test("an article that fails after a navigation announces and focuses the error's heading", async ({ page, allowConsole }) => {
  allowConsole(failedLoad(500), "posts/lifting-safely.json");
  await page.route("**/posts/lifting-safely.json", (route) => route.fulfill({ status: 500, body: "down" }));
  await page.goto("blog");
  await expect(h1(page)).toHaveText("Back care articles");
  await page.locator('a[href$="/blog/lifting-safely"]').first().click();
  await expect(h1(page)).toHaveText("Our website is having trouble");
  await expect(h1(page)).toBeFocused();
  await expect(page.locator("#route-announcer")).toHaveText(/^Navigated to Article unavailable/);
});

// A read the app gives up on is aborted, which the browser does not print: nothing is allowed.
test("an article that never arrives says it is taking too long, offers the phone, and Try again loads it", async ({ page }) => {
  await routeSiteConfig(page, (config) => {
    config.fetch_timeout_ms = 3000;
  });
  // The server accepts the first request and never answers it; the retry is answered at
  // once from memory, so only the stalled read depends on the read timeout.
  const article = await (await page.request.get("posts/sleep-positions-for-back-pain.json")).text();
  let requests = 0;
  await page.route("**/posts/sleep-positions-for-back-pain.json", (route) => {
    if (requests++ > 0) route.fulfill({ status: 200, contentType: "application/json", body: article });
  });
  await page.goto("blog");
  await waitForApp(page);
  await page.getByRole("link", { name: "Sleep positions that go easier on your back" }).click();
  await expect(h1(page)).toHaveText("This is taking too long");
  await expect(page.getByRole("alert")).toContainText("did not arrive within 3 seconds");
  await expect(page.getByRole("main").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
  await expectNoAxeViolations(page, "on the timeout message");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(h1(page)).toHaveText("Sleep positions that go easier on your back");
});

test("the article list that never arrives says it is taking too long, and Try again loads it", async ({ page }) => {
  await routeSiteConfig(page, (config) => {
    config.fetch_timeout_ms = 2000;
  });
  const index = await (await page.request.get("posts/index.json")).text();
  let requests = 0;
  await page.route("**/posts/index.json", (route) => {
    if (requests++ > 0) route.fulfill({ status: 200, contentType: "application/json", body: index });
  });
  // An article carries no index: the listing, opened from it, loads the index.
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "This is taking too long" })).toBeVisible();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(cards(page)).toHaveCount(8);
});

test("hopping between articles already read never flashes the loading text or the previous article", async ({ page }) => {
  await recordAnnouncements(page);
  await page.goto("blog/desk-posture-for-a-healthier-back");
  await expect(h1(page)).toHaveText("Desk posture for a healthier back");
  // Hops inside the app: a click before it has started would load the next page as a document.
  await waitForApp(page);
  const more = page.getByRole("region", { name: "More posts" });
  await more.getByRole("link", { name: /^Lifting safely/ }).click();
  await expect(h1(page)).toHaveText(/^Lifting safely/);
  await page.getByRole("region", { name: "More posts" }).getByRole("link", { name: "Desk posture for a healthier back" }).click();
  await expect(h1(page)).toHaveText("Desk posture for a healthier back");
  // Both are cached now: hop once more and watch every heading shown on the way.
  await page.evaluate(() => {
    (window as any).__headings = [];
    (window as any).__loadingShown = false;
  });
  await page.getByRole("region", { name: "More posts" }).getByRole("link", { name: /^Lifting safely/ }).click();
  await expect(h1(page)).toHaveText(/^Lifting safely/);
  await expect(h1(page)).toBeFocused();
  expect(await page.evaluate(() => (window as any).__loadingShown)).toBe(false);
  // The old article until the new one is ready, then only the new one: never back again.
  const shown: string[] = await page.evaluate(() => (window as any).__headings);
  const arrived = shown.findIndex((h) => /^Lifting safely/.test(h));
  expect(shown.slice(0, arrived).every((h) => h === "Desk posture for a healthier back")).toBe(true);
  expect(shown.slice(arrived)).toEqual([shown[arrived]]);
});
