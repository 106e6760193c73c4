// The clinic's front door: the home page's first screen holds what patients come for, the Visit
// page answers when and where (readable without script), "open now" is worked out on the
// clinic's own clock whatever the device's zone, and search engines get the clinic's hours.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, serveFolder, waitForApp, waitForStartUpOver } from "./fixtures";

const config = JSON.parse(readFileSync("public/site.json", "utf8"));
const status = (page: Page) => page.getByTestId("open-status");

/** The instant (ms) of a local time in Los Angeles: "2026-11-23T14:30" with its UTC offset. */
const inLosAngeles = (local: string, offsetHours: number) => Date.parse(`${local}:00Z`) + offsetHours * 3_600_000;
const pstOrPdt = (date: string) => {
  // The second Sunday of March to the first Sunday of November is PDT (UTC-7).
  const [y] = date.split("-").map(Number);
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month, 1)).getUTCDay();
    return 1 + ((7 - first) % 7) + 7 * (n - 1);
  };
  const day = Date.parse(`${date}T12:00:00Z`);
  const start = Date.UTC(y, 2, nthSunday(2, 2), 12);
  const end = Date.UTC(y, 10, nthSunday(10, 1), 12);
  return day >= start && day < end ? 7 : 8;
};
const at = (date: string, time: string) => inLosAngeles(`${date}T${time}`, pstOrPdt(date));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => isoDay(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000);

/** A Monday long before any build: the build drops closures already past, so the week's hours
 * alone apply (the demo's holidays fall on Mondays too). */
const MONDAY = "2020-01-06";

const REPO = resolve(__dirname, "../..");
/** dist-minimal/ has closures dated from the day it was built (scripts/test.sh). */
const MINIMAL = join(REPO, "dist-minimal");
const minimalClosures = () => {
  expect(existsSync(join(MINIMAL, "site.json")), "dist-minimal/ is missing: scripts/test.sh builds it").toBe(true);
  // Each reason is written in English and Spanish; the journeys read the English.
  const closures: { date: string; hours?: string[]; reason: string }[] = JSON.parse(readFileSync(join(MINIMAL, "site.json"), "utf8")).visit.closures.map(
    (closure: { reason: { en: string } }) => ({ ...closure, reason: closure.reason.en }),
  );
  const named = (reason: string) => closures.find((c) => c.reason === reason)!;
  return { training: named("Staff training"), short: named("Short day"), far: named("Far-off closure") };
};
/** Leaves the page (what it still loads, the favicon or a wasm part, is cancelled, not failed),
 * then stops the host. */
async function leave(page: Page, host: { stop(): Promise<void> }) {
  // `commit`: the blank page has no app to wait for (see the fixture's `goto`).
  await page.goto("about:blank", { waitUntil: "commit" });
  await host.stop();
}
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.describe("on the clinic's clock", () => {
  // A patient abroad (or a phone set to another zone): Tokyo is 17 hours ahead of the clinic.
  test.use({ timezoneId: "Asia/Tokyo" });

  test("the home page says the clinic is open in its own zone, and says closed when closing time passes, without a reload", async ({ page }) => {
    // 14:30 on a Monday at the clinic; 07:30 on Tuesday in Tokyo, before the clinic would open.
    await page.clock.install({ time: at(MONDAY, "14:30") });
    await page.goto("");
    await waitForApp(page);
    await expect(status(page)).toHaveText("Open now · closes at 6:00 pm");
    await page.evaluate(() => ((window as any).__sameDocument = true));
    await page.clock.fastForward("03:31:00");
    await expect(status(page)).toHaveText("Closed · opens Tuesday at 8:00 am");
    expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  });

  test("the lunch break and the Visit and contact pages follow the same clock", async ({ page }) => {
    await page.clock.install({ time: at(MONDAY, "12:15") });
    await page.goto("visit");
    await waitForApp(page);
    await expect(status(page)).toHaveText("Closed · opens at 1:00 pm");
    await page.goto("contact");
    await waitForApp(page);
    await expect(status(page)).toHaveText("Closed · opens at 1:00 pm");
  });

  test("a closure day says why the clinic is closed and when it opens next; a short day says it is open on its own hours", async ({ page }, testInfo) => {
    const { training, short } = minimalClosures();
    const host = await serveFolder(page, MINIMAL, 4310 + testInfo.parallelIndex);
    try {
      await page.clock.install({ time: at(training.date, "10:00") });
      await page.goto(`${host.site}visit`);
      await waitForApp(page);
      await expect(status(page)).toHaveText(new RegExp(`^Closed today \\(${escaped(training.reason)}\\) · opens \\S`));
      await page.clock.setSystemTime(at(short.date, "10:00"));
      await page.goto(`${host.site}`);
      await waitForApp(page);
      await expect(status(page)).toHaveText("Open now (Short day hours) · closes at 11:00 am");
    } finally {
      await leave(page, host);
    }
  });

  test("the Visit page lists the closures of the next 60 days only, and follows the days as they pass", async ({ page }, testInfo) => {
    const { training, far } = minimalClosures();
    const host = await serveFolder(page, MINIMAL, 4320 + testInfo.parallelIndex);
    try {
      const closures = page.getByRole("region", { name: "Closures and holiday hours" });
      await page.clock.install({ time: at(plusDays(far.date, -61), "10:00") });
      await page.goto(`${host.site}visit`);
      await waitForApp(page);
      await expect(status(page)).toBeVisible();
      await expect(closures).not.toContainText(far.reason);
      // Two days later, in the same page: the far closure is within 60 days, the training day past.
      await page.clock.fastForward(`${2 * 24}:00:00`);
      await expect(closures).toContainText(far.reason);
      if (plusDays(far.date, -59) > training.date) await expect(closures).not.toContainText(training.reason);
    } finally {
      await leave(page, host);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Visit page shows the hours as a table, the address with directions and how to book", async ({ page }) => {
    await page.goto("visit");
    const table = page.getByRole("table", { name: /Opening hours/ });
    await expect(table).toBeVisible();
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]) {
      await expect(table.getByRole("rowheader", { name: day })).toBeVisible();
    }
    const monday = table.getByRole("row", { name: /Monday/ });
    await expect(monday).toContainText("8:00 am – 12:00 pm, 1:00 pm – 6:00 pm");
    await expect(monday.locator("time").first()).toHaveAttribute("datetime", "08:00");
    await expect(table.getByRole("row", { name: /Sunday/ })).toContainText("Closed");
    await expect(page.getByRole("main")).toContainText(config.address.street);
    const directions = page.getByRole("link", { name: /Get directions/ });
    await expect(directions).toHaveAttribute("href", /^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=/);
    await expect(page.getByRole("heading", { name: "Parking" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /555-01/ })).toHaveAttribute("href", `tel:${config.phone.tel}`);
    await expect(page.getByRole("link", { name: "Book online" })).toHaveAttribute("href", config.visit.booking_url);
    // No embedded map and no third party: nothing but the site's own files.
    await expect(page.locator("iframe")).toHaveCount(0);
  });

  test("the Visit page's HTML lists the closures of the 60 days from the day it was built", async ({ page }, testInfo) => {
    const { training, short, far } = minimalClosures();
    const host = await serveFolder(page, MINIMAL, 4330 + testInfo.parallelIndex);
    try {
      await page.goto(`${host.site}visit`);
      const closures = page.getByRole("region", { name: "Closures and holiday hours" });
      await expect(closures.getByRole("listitem")).toHaveCount(2);
      await expect(closures).toContainText(`${training.reason}, closed all day`);
      await expect(closures).toContainText(`${short.reason}, open 9:00 am – 11:00 am only`);
      await expect(closures).not.toContainText(far.reason);
      await expect(closures.locator("time").first()).toHaveAttribute("datetime", training.date);
    } finally {
      await leave(page, host);
    }
  });

  test("no page carries an opening status in its HTML, which would go stale", async ({ request }) => {
    for (const path of ["", "visit", "contact"]) {
      const html = await (await request.get(path)).text();
      expect(html, path || "/").not.toMatch(/Open now|Closed ·|open-status/);
    }
  });
});

test("the home page and the Visit page have no axe violations", async ({ page }) => {
  await page.goto("");
  await waitForApp(page);
  await waitForStartUpOver(page);
  await expect(status(page)).toBeVisible();
  await expectNoAxeViolations(page, "on the home page");
  await page.goto("visit");
  await waitForApp(page);
  await expect(status(page)).toBeVisible();
  await expectNoAxeViolations(page, "on the Visit page");
});

test("the home page's first screen holds calling, booking, today's status and the way to the Visit page", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the first screen of a phone");
  await page.goto("");
  await waitForApp(page);
  const main = page.getByRole("main");
  const targets = [
    page.getByRole("heading", { level: 1, name: config.clinic_name }),
    main.getByRole("link", { name: `Call ${config.phone.display}` }),
    main.getByRole("link", { name: "Book online" }),
    status(page),
    main.getByRole("link", { name: "Opening hours and directions" }),
  ];
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box, `${target}`).not.toBeNull();
    expect(box!.y + box!.height, `${target} ends within the first screen`).toBeLessThanOrEqual(844);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  // Then the checklist, the newest articles and the clinic's introduction.
  await expect(main.getByRole("link", { name: "Start the symptom checklist" })).toHaveAttribute("href", /\/symptoms$/);
  await expect(main.getByRole("region", { name: "Latest articles" }).getByRole("article")).toHaveCount(3);
  await expect(main).toContainText(config.visit.intro.en);
});

test("the phone header is at most 120 px tall, with every destination and the phone one tap away", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the phone's header");
  for (const path of ["", "blog/lifting-safely", "symptoms"]) {
    await page.goto(path);
    await waitForApp(page);
    const header = page.getByRole("banner");
    const box = (await header.boundingBox())!;
    expect(box.height, `/${path}`).toBeLessThanOrEqual(120);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Blog", "Symptom checklist", "Visit", "Contact"]) {
      const link = (await nav.getByRole("link", { name }).boundingBox())!;
      expect(link.y + link.height, name).toBeLessThanOrEqual(box.y + box.height);
      expect(link.height, `${name} is tall enough to tap`).toBeGreaterThanOrEqual(44);
    }
    const call = header.getByRole("link", { name: `Call ${config.phone.display}` });
    await expect(call).toHaveAttribute("href", `tel:${config.phone.tel}`);
    const callBox = (await call.boundingBox())!;
    expect(callBox.height).toBeGreaterThanOrEqual(44);
    expect(callBox.y + callBox.height).toBeLessThanOrEqual(box.y + box.height);
  }
});

test("links inside a sentence keep the lines evenly spaced and are still large enough to tap", async ({ page }) => {
  await page.goto("symptoms");
  await waitForApp(page);
  const paragraphs = [
    page.getByRole("main").locator(".symptoms__notice"),
    page.getByRole("contentinfo").locator("p", { hasText: "not a diagnosis or medical advice" }),
  ];
  for (const paragraph of paragraphs) {
    await expect(paragraph.getByRole("link", { name: /555-01|911/ }).first()).toBeVisible();
    // Every line box of the paragraph is the same height: its height is a whole number of lines.
    const { height, lineHeight, text } = await paragraph.evaluate((p) => ({
      height: p.getBoundingClientRect().height - parseFloat(getComputedStyle(p).paddingTop) - parseFloat(getComputedStyle(p).paddingBottom),
      lineHeight: parseFloat(getComputedStyle(p).lineHeight),
      text: p.textContent,
    }));
    const lines = Math.round(height / lineHeight);
    expect(Math.abs(height - lines * lineHeight), `${text}: ${height} px for ${lines} lines of ${lineHeight} px`).toBeLessThan(1);
    for (const link of await paragraph.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.height, await link.textContent() ?? "").toBeGreaterThanOrEqual(44);
    }
  }
});

test("the contact page's empty status regions take no space", async ({ page }) => {
  await page.goto("contact");
  await waitForApp(page);
  const regions = await page.locator(".contact-form [role=status]").all();
  expect(regions.length, "the form's status regions").toBeGreaterThan(1);
  for (const region of regions) {
    await expect(region).toHaveText("");
    const space = await region.evaluate((el) => {
      const style = getComputedStyle(el);
      return el.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    });
    expect(space).toBe(0);
  }
});

test("the home and Visit pages describe the clinic as a Chiropractor with its hours", async ({ request }) => {
  for (const path of ["", "visit"]) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const clinic = scripts.find((s) => s["@type"] === "Chiropractor");
    expect(clinic, path || "/").toBeTruthy();
    expect(clinic.name).toBe(config.clinic_name);
    expect(clinic.telephone).toBe(config.phone.tel);
    expect(clinic.address.streetAddress).toBe(config.address.street);
    expect(clinic.geo).toEqual({ "@type": "GeoCoordinates", ...config.visit.geo });
    expect(clinic.url).toBe(`${config.base_url}/`);
    const monday = clinic.openingHoursSpecification.filter((h: any) => h.dayOfWeek === "https://schema.org/Monday");
    expect(monday.map((h: any) => [h.opens, h.closes])).toEqual([["08:00", "12:00"], ["13:00", "18:00"]]);
    for (const special of clinic.specialOpeningHoursSpecification) {
      expect(special.validFrom).toBe(special.validThrough);
    }
    // The closures from the day of the build (the day before it, for the Americas), one entry per
    // range; a day closed throughout, one entry opening and closing at 00:00.
    const special = clinic.specialOpeningHoursSpecification.map((s: any) => s.validFrom);
    const expected = (from: string) =>
      config.visit.closures.filter((c: any) => c.date >= from).flatMap((c: any) => (c.hours ?? [null]).map(() => c.date));
    const built = new Date(statSync(join(REPO, "dist", "index.html")).mtimeMs);
    expect(special).toEqual(expected(isoDay(built.getTime() - 86_400_000)));
    const closed = clinic.specialOpeningHoursSpecification.find((s: any) => !config.visit.closures.find((c: any) => c.date === s.validFrom).hours);
    if (closed) expect([closed.opens, closed.closes]).toEqual(["00:00", "00:00"]);
  }
});

test("every page's footer gives the address and the way to the hours and directions", async ({ page }) => {
  for (const path of ["blog/lifting-safely", "symptoms"]) {
    await page.goto(path);
    await waitForApp(page);
    const footer = page.getByRole("contentinfo");
    await expect(footer).toContainText(config.address.street);
    await footer.getByRole("link", { name: "Opening hours and directions" }).click();
    await expect(page).toHaveURL(/\/visit$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Visit the clinic");
  }
});

test("without online booking the home page offers writing to the clinic instead", async ({ page }, testInfo) => {
  expect(existsSync(join(MINIMAL, "index.html")), "dist-minimal/ is missing: scripts/test.sh builds it").toBe(true);
  const host = await serveFolder(page, MINIMAL, 4300 + testInfo.parallelIndex);
  try {
    await page.goto(host.site);
    await waitForApp(page);
    const main = page.getByRole("main");
    await expect(main.getByRole("link", { name: "Book online" })).toHaveCount(0);
    await main.getByRole("link", { name: "Write to us" }).first().click();
    await expect(page).toHaveURL(/\/contact$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact the clinic");
    await expect(page.getByRole("heading", { name: "Send us a message" })).toBeVisible();
  } finally {
    await leave(page, host);
  }
});

test("the home page, the Visit page and every article pass the structured-data checks of Google, Twitter and Facebook", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "the same HTML at both sizes");
  const { structuredDataTest } = require("structured-data-testing-tool");
  const { Google, Twitter, Facebook } = require("structured-data-testing-tool/presets");
  const index: { slug: string }[] = await (await request.get("posts/index.json")).json();
  for (const path of ["", "visit", ...index.map((p) => `blog/${p.slug}`)]) {
    const html = await (await request.get(path)).text();
    const result = await structuredDataTest(html, { presets: [Google, Twitter, Facebook] }).catch((error: any) => {
      if (error.type === "VALIDATION_FAILED") return error.res;
      throw error;
    });
    const failed = result.failed.map((t: any) => `${(t.groups ?? [t.group]).join(" > ")}: ${t.description ?? t.test}`);
    expect(failed, `/${path}`).toEqual([]);
  }
});
