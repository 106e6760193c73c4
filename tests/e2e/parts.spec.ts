// The app's parts (the symptom checklist, the contact form, the blog listing, the home and Visit
// pages) are each their own wasm file (src/components/part.rs): an article loads without them,
// the pages that show one preload it (and the code it shares with other parts), and when one cannot be fetched the patient is told and can try again, with
// the clinic's phone number at hand.
import { test, expect, expectAppStarted, waitForApp } from "./fixtures";

const PART = /\/split_checklist-[0-9a-f]+\.wasm$/;
const CONTACT_PART = /\/split_contact-[0-9a-f]+\.wasm$/;
const LISTING_CHUNK = /\/split_listing-[0-9a-f]+\.wasm$/;
const MAIN_WASM = /\/clinic-site-[0-9a-f]+_bg\.wasm$/;

/** Settles once the app's wasm has started (`main` has run): Trunk's loader sets
 * `window.wasmBindings` after `init`. A page's part is then on its way, and anything typed
 * from now on is typed into a running app that has not yet hydrated. */
const appStarted = (page: import("@playwright/test").Page) =>
  page.waitForFunction(() => "wasmBindings" in window);

/** Holds every request for `url` until `release()`; `requested` settles at the first one. */
async function holdBack(page: import("@playwright/test").Page, url: RegExp) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  let arrived: () => void = () => {};
  const requested = new Promise<void>((resolve) => (arrived = resolve));
  await page.route(url, async (route) => {
    arrived();
    await gate;
    await route.continue();
  });
  return { requested, release };
}
const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

test("an article loads without the checklist's wasm, which arrives once the checklist is opened", async ({ page }) => {
  const partRequests: string[] = [];
  page.on("request", (r) => {
    if (PART.test(new URL(r.url()).pathname)) partRequests.push(r.url());
  });
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Lifting safely");
  expect(partRequests, "an article does not fetch the checklist").toEqual([]);

  await nav(page).getByRole("link", { name: "Symptom checklist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back pain symptom checklist" })).toBeVisible();
  await page.locator("#symptom-neck-pain").check();
  await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
  expect(partRequests).toHaveLength(1);
});

test("the checklist page preloads its wasm, and hydrates with it", async ({ page }) => {
  const response = await page.request.get("symptoms");
  const html = await response.text();
  const preload = /<link rel="preload" href="[^"]*(split_checklist-[0-9a-f]+\.wasm)" as="fetch" type="application\/wasm" crossorigin>/.exec(html);
  expect(preload, "symptoms.html preloads the checklist's wasm").not.toBeNull();
  const part = await page.request.get(preload![1]);
  expect(part.headers()["content-type"]).toBe("application/wasm");

  const partRequests: string[] = [];
  page.on("request", (r) => {
    if (PART.test(new URL(r.url()).pathname)) partRequests.push(r.url());
  });
  await page.goto("symptoms");
  await waitForApp(page);
  await page.locator("#symptom-neck-pain").check();
  await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
  // The app takes the preloaded file: a loader that missed the preload would fetch it again.
  expect(partRequests, "the checklist's wasm is downloaded once").toHaveLength(1);
});

test("an article loads without the listing's wasm; the listing preloads it with the code it shares, and hydrates with it", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  expect(requests.filter((p) => LISTING_CHUNK.test(p)), "an article does not fetch the listing").toEqual([]);

  for (const route of ["blog", "blog/topic/exercise"]) {
    const html = await (await page.request.get(route)).text();
    const preloads = [...html.matchAll(/<link rel="preload" href="[^"]*\/((?:split_listing|chunk)-[0-9a-f]+\.wasm)" as="fetch" type="application\/wasm" crossorigin>/g)].map((m) => m[1]);
    expect(preloads.filter((f) => f.startsWith("split_listing")), `/${route} preloads the listing`).toHaveLength(1);
    // Every wasm the loader fetches for the listing is preloaded: nothing waits for the loader.
    requests.length = 0;
    await page.goto(route);
    await waitForApp(page);
    // The listing works: search narrows it to nothing, and says so.
    await page.getByRole("searchbox", { name: "Search articles" }).fill("zebra crossing");
    await expect(page.getByRole("heading", { name: "No articles match" })).toBeVisible();
    const fetched = [...new Set(requests.filter((p) => /\/(split_listing|chunk)-[0-9a-f]+\.wasm$/.test(p)).map((p) => p.slice(1)))];
    expect(fetched.sort(), `/${route} fetches only what it preloads`).toEqual([...preloads].sort());
  }
});

test("when the checklist's wasm cannot be fetched, the page says so, offers the phone, and Try again brings it", async ({ page, allowConsole }) => {
  // The split loader logs the failed fetch; the browser logs the aborted request.
  allowConsole(/Failed to fetch|net::ERR_FAILED/);
  await page.goto("blog");
  await waitForApp(page);
  await page.route(PART, (route) => route.abort());
  await nav(page).getByRole("link", { name: "Symptom checklist" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "We couldn't load the checklist" });
  await expect(alert).toContainText("Your connection may have dropped");
  await expect(page.locator(".fetch-error").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");

  await page.unroute(PART);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back pain symptom checklist" })).toBeVisible();
  await page.locator("#symptom-neck-pain").check();
  await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
});

test("opened directly while the checklist's wasm is out of reach, the page stays as readable HTML with its emergency advice", async ({ page, allowConsole }) => {
  allowConsole(/Failed to fetch|net::ERR_FAILED|part of the app could not be fetched/);
  await page.route(PART, (route) => route.abort());
  const gaveUp = page.waitForEvent("console", (m) => /could not be fetched/.test(m.text()));
  await page.goto("symptoms", { waitUntil: "commit" });
  await gaveUp;
  await expect(page.getByRole("heading", { level: 1, name: "Back pain symptom checklist" })).toBeVisible();
  await expect(page.locator(".symptom-result__before-app")).toBeVisible();
  await expect(page.locator(".symptom-result__before-app")).toContainText("911");
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
});

test("a box ticked while the checklist's wasm is still arriving stays ticked and counts", async ({ page }) => {
  const part = await holdBack(page, PART);
  await page.goto("symptoms", { waitUntil: "commit" });
  await part.requested;
  await appStarted(page);
  await page.locator("#symptom-neck-pain").check();
  part.release();
  await expectAppStarted(page);
  await expect(page.locator("#symptom-neck-pain")).toBeChecked();
  await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
});

test("an article loads without the contact form's wasm, which arrives when the patient opens the short form", async ({ page }) => {
  const contactRequests: string[] = [];
  page.on("request", (r) => {
    if (CONTACT_PART.test(new URL(r.url()).pathname)) contactRequests.push(r.url());
  });
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  expect(contactRequests, "an article does not fetch the contact form").toEqual([]);

  const cta = page.locator(".post-cta");
  await cta.getByText("Or send a short message from here").click();
  await expect(cta.getByLabel("Your name")).toBeVisible();
  await cta.getByLabel("Your name").fill("Grace Hopper");
  // Closed and opened again, the form and what was typed stay; nothing is fetched twice.
  const details = cta.locator("details");
  await cta.getByText("Or send a short message from here").click();
  await expect(details).not.toHaveAttribute("open");
  // The app reacts to the toggle event, which comes after the click: listen before clicking,
  // then wait until it has run.
  await details.evaluate((d) => {
    (d as any).__reopened = new Promise<void>((resolve) =>
      d.addEventListener("toggle", (e) => {
        if ((e as ToggleEvent).newState === "open") resolve();
      }),
    );
  });
  await cta.getByText("Or send a short message from here").click();
  await details.evaluate((d) => (d as any).__reopened);
  await expect(cta.getByLabel("Your name")).toHaveValue("Grace Hopper");
  expect(contactRequests).toHaveLength(1);
});

test("the contact page preloads its wasm, and a message typed while it arrives is kept", async ({ page }) => {
  const html = await (await page.request.get("contact")).text();
  expect(html, "contact.html preloads the contact form's wasm").toMatch(
    /<link rel="preload" href="[^"]*split_contact-[0-9a-f]+\.wasm" as="fetch" type="application\/wasm" crossorigin>/,
  );

  const part = await holdBack(page, CONTACT_PART);
  await page.goto("contact", { waitUntil: "commit" });
  await part.requested;
  await appStarted(page);
  await page.locator("#contact-message").fill("Typed before the form's wasm arrived");
  part.release();
  await expectAppStarted(page);
  await expect(page.locator("#contact-message")).toHaveValue("Typed before the form's wasm arrived");
  // The app has it, not only the page: it is the stored draft now.
  await expect
    .poll(() => page.evaluate(() => sessionStorage.getItem("contact-draft")))
    .toContain("Typed before the form's wasm arrived");
});

test("when the contact form's wasm cannot be fetched, the article's short form says so, offers the phone, and Try again brings it", async ({ page, allowConsole }) => {
  allowConsole(/Failed to fetch|net::ERR_FAILED/);
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  await page.route(CONTACT_PART, (route) => route.abort());
  const cta = page.locator(".post-cta");
  await cta.getByText("Or send a short message from here").click();

  const alert = cta.getByRole("alert").filter({ hasText: "We couldn't load the form" });
  await expect(alert).toContainText("Your connection may have dropped");
  await expect(cta.locator(".fetch-error").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");

  await page.unroute(CONTACT_PART);
  await cta.getByRole("button", { name: "Try again" }).click();
  await expect(cta.getByLabel("Your name")).toBeVisible();
});

test("the short form opened before the app has started points to the contact page, then appears", async ({ page }) => {
  const app = await holdBack(page, MAIN_WASM);
  await page.goto("blog/lifting-safely", { waitUntil: "commit" });
  const cta = page.locator(".post-cta");
  // The page has asked for the app's wasm, which is held until release(): the app cannot start.
  await app.requested;
  await cta.getByText("Or send a short message from here").click();
  await expect(cta.getByRole("link", { name: "write to us from the contact page" })).toBeVisible();
  expect(await page.evaluate(() => "wasmBindings" in window), "the app had not started").toBe(false);
  app.release();
  await expectAppStarted(page);
  await expect(cta.getByLabel("Your name")).toBeVisible();
});
