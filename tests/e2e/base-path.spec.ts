// The site works wherever it is served: at the root, or under a folder such as /clinic/.
// scripts/test.sh runs these tests a second time against a build made with --public-url /clinic/.
import { test, expect, waitForApp } from "./fixtures";

const base = process.env.SITE_BASE ?? "/";

test("links, navigation, deep links and reloads stay under the base path", { tag: "@base-path" }, async ({ page }) => {
  await page.goto("");
  await waitForApp(page);
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const [name, path] of [["Symptom checklist", "symptoms"], ["Contact", "contact"], ["Blog", "blog"], ["Visit", "visit"]]) {
    await expect(nav.getByRole("link", { name })).toHaveAttribute("href", `${base}${path}`);
  }
  await nav.getByRole("link", { name: "Contact" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}contact$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/contact/i);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/contact/i);
  await page.goto("symptoms");
  await waitForApp(page);
  await expect(page).toHaveURL(new RegExp(`${base}symptoms$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/symptom/i);
});

test("an unknown path under the base shows the Not Found page with links that stay under it", { tag: "@base-path" }, async ({ page }) => {
  await page.goto("not/a/page");
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("main").getByRole("link", { name: "Read the blog" })).toHaveAttribute("href", `${base}blog`);
});

test("articles, their images and a reload work under the base path", { tag: "@base-path" }, async ({ page }) => {
  await page.goto("blog");
  await waitForApp(page);
  const firstCard = page.locator("article.post-card").first();
  const link = firstCard.getByRole("link").first();
  await expect(link).toHaveAttribute("href", new RegExp(`^${base}blog/`));
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${base}blog/[a-z0-9-]+$`));
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1 })).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toBeVisible();
  // The hero image resolves against the base too.
  const hero = page.getByRole("article").locator("img").first();
  await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});

test("the symptom checklist works under the base path", { tag: "@base-path" }, async ({ page }) => {
  await page.goto("symptoms");
  await waitForApp(page);
  await page.locator("#symptom-saddle-numbness").check();
  await expect(page.getByRole("alert")).toContainText("911");
  await expect(page.getByRole("link", { name: "Ask the clinic about this" })).toHaveAttribute(
    "href",
    `${base}contact?topic=back-pain`,
  );
});
