// The walking skeleton: every route loads, is accessible, announces navigation and survives reloads.
import { test, expect, expectNoAxeViolations, failedLoad, waitForApp, waitForStartUpOver } from "./fixtures";

const routes = [
  { path: "", heading: "Alder Creek Chiropractic" },
  { path: "visit", heading: "Visit the clinic" },
  { path: "blog", heading: /./ },
  { path: "symptoms", heading: /symptom/i },
  { path: "contact", heading: /contact/i },
  { path: "message-sent", heading: /your message has been sent/i },
  { path: "no-such-page", heading: /page not found/i },
];

for (const route of routes) {
  test(`/${route.path} loads with a main heading and no axe violations`, async ({ page }) => {
    await page.goto(route.path);
    await waitForApp(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(route.heading);
    await expect(page.getByRole("main")).toBeVisible();
    // One description per page, set by the page itself (none is left over from another route,
    // none is added by the start-up's effects, which run after `ready`).
    await waitForStartUpOver(page);
    await expect(page.locator('meta[name="description"]')).toHaveCount(1);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: /555-01/ })).toHaveAttribute("href", /^tel:\+1/);
    await expectNoAxeViolations(page, `on /${route.path}`);
  });
}

test("the shell offers a skip link to the main content", async ({ page }) => {
  await page.goto("contact");
  await waitForApp(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("client-side navigation announces the new page and moves focus to its heading", async ({ page }) => {
  await page.goto("contact");
  await waitForApp(page);
  const announcer = page.locator("#route-announcer");
  await expect(announcer).toHaveText("");
  // The app is loaded once: navigation must not reload the document.
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Symptom checklist" }).click();
  await expect(page).toHaveURL(/\/symptoms$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toBeFocused();
  await expect(announcer).toHaveText(new RegExp(`Navigated to ${await page.title()}`));
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await expect(page.getByRole("link", { name: "Symptom checklist" })).toHaveAttribute("aria-current", "page");
});

test("each page has its own title", async ({ page }) => {
  await page.goto("symptoms");
  await waitForApp(page);
  await expect(page).toHaveTitle(/symptom/i);
  await page.goto("contact");
  await waitForApp(page);
  await expect(page).toHaveTitle(/contact/i);
  await page.goto("nowhere");
  await waitForApp(page);
  await expect(page).toHaveTitle(/not found/i);
});

test("a deep link and a reload keep the page", async ({ page }) => {
  await page.goto("symptoms");
  await waitForApp(page);
  await page.reload();
  await waitForApp(page);
  await expect(page).toHaveURL(/\/symptoms$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/symptom/i);
});

test("a missing configuration shows a clear error instead of a blank page", async ({ page, allowConsole }) => {
  // The address's own 404 (the Not Found page) is allowed by the fixture; this is the file's.
  allowConsole(failedLoad(404), "site.json");
  await page.route("**/site.json", (route) => route.fulfill({ status: 404, body: "nope" }));
  // An unknown address gets the Not Found page, rendered for another address: the app mounts
  // afresh there and loads site.json (a pre-rendered page carries its configuration).
  await page.goto("no/such/page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/not set up correctly/i);
  await expect(page.getByRole("alert")).toContainText("site.json");
});

test("a malformed configuration names the problem", async ({ page }) => {
  await page.route("**/site.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"clinic_name": "X"}' }),
  );
  await page.goto("no/such/page");
  await expect(page.getByRole("alert")).toContainText(/missing field/);
});

test("every route is readable at 320 px wide without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of routes) {
    await page.goto(route.path);
    await waitForApp(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on /${route.path}`).toBeLessThanOrEqual(0);
  }
});

test("primary controls in the shell are at least 44 by 44 px", async ({ page }) => {
  await page.goto("contact");
  await waitForApp(page);
  const targets = page.locator("header a, footer a");
  for (let i = 0; i < (await targets.count()); i++) {
    const box = (await targets.nth(i).boundingBox())!;
    const name = await targets.nth(i).textContent();
    expect(box.height, `height of "${name}"`).toBeGreaterThanOrEqual(44);
    expect(box.width, `width of "${name}"`).toBeGreaterThanOrEqual(44);
  }
});

test("printing drops the navigation and footer chrome", async ({ page }) => {
  await page.goto("contact");
  await waitForApp(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("contentinfo")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
