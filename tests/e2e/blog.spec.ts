// The blog: listing, topic filter and search in the URL, articles, related posts, sharing,
// head metadata, caching, and a clear message for every kind of failure.
import { test, expect, expectNoAxeViolations, waitForApp } from "./fixtures";

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
  await expect(page).toHaveURL(/\/blog\?tag=posture$/);
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
  await expect(page).toHaveURL(/\/blog\?tag=posture$/);
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
  allowConsole(/404|Failed to load resource/);
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
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
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
  allowConsole(/500|Failed to load resource/);
  let failures = 1;
  await page.route("**/posts/sleep-positions-for-back-pain.json", (route) =>
    failures-- > 0 ? route.fulfill({ status: 500, body: "boom" }) : route.continue(),
  );
  await page.goto("blog/sleep-positions-for-back-pain");
  await waitForApp(page);
  await expect(h1(page)).toHaveText("Our website is having trouble");
  await expect(page.getByRole("alert")).toContainText("error 500");
  await expectNoAxeViolations(page, "on the server error");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(h1(page)).toHaveText("Sleep positions that go easier on your back");
});

test("copy link says so when the browser has no share sheet", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await expect(page.getByRole("link", { name: "Email this article" })).toHaveAttribute("href", /^mailto:\?subject=Lifting/);
  const button = page.getByRole("region", { name: "Share this article" }).getByRole("button");
  if ((await button.textContent()) === "Copy link") {
    await button.click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("https://aldercreek.example/blog/lifting-safely");
  }
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

test("opening an article from the listing announces its title and focuses its heading", async ({ page }) => {
  await page.goto("blog");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Slow the article down so the announcement has to wait for it.
  await page.route("**/posts/lifting-safely.json", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.locator('a[href$="/blog/lifting-safely"]').first().click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/lift/i);
  await expect(heading).toBeFocused();
  const title = await page.title();
  expect(title).toMatch(/lift/i);
  await expect(page.locator("#route-announcer")).toHaveText(`Navigated to ${title}`);
});
