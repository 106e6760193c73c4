// The back pain symptom checklist: keyboard use, the emergency alert, privacy (nothing leaves the
// page), the printed summary, and accessibility in every outcome.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, waitForApp } from "./fixtures";

const SADDLE = /bike saddle/i; // an emergency sign
const NECK = /^Neck pain or stiffness$/; // self-care
const SCIATICA = /sciatica/i; // soon
const FEVER = /high temperature/i; // urgent

async function openChecklist(page: Page) {
  await page.goto("symptoms");
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back pain symptom checklist");
}

/** The live region that announces the result. */
function result(page: Page) {
  return page.getByRole("region", { name: "What to do next" }).getByRole("status");
}

test("the checklist shows the emergency signs first, each group as a fieldset with a legend", async ({ page }) => {
  await openChecklist(page);
  const groups = page.getByRole("group");
  await expect(groups.first()).toHaveAccessibleName("Emergency signs");
  await expect(groups).toHaveCount(4);
  await expect(page.getByRole("checkbox", { name: SADDLE })).toBeVisible();
  await expect(page.getByText("This checklist is not a diagnosis.", { exact: true })).toBeVisible();
  await expect(page.getByText(/Your answers stay on this device/)).toBeVisible();
  await expect(result(page)).toHaveText(/Nothing is ticked yet/);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("every checkbox row is a large tap target", async ({ page }) => {
  await openChecklist(page);
  const heights = await page
    .locator(".symptom-check")
    .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(heights.length).toBeGreaterThan(20);
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
});

test("keyboard only: Tab reaches a checkbox, Space ticks it and the result is announced", async ({ page }) => {
  await openChecklist(page);
  let onCheckbox = false;
  for (let i = 0; i < 30 && !onCheckbox; i++) {
    await page.keyboard.press("Tab");
    onCheckbox = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === "checkbox");
  }
  expect(onCheckbox, "Tab reaches the first checkbox").toBe(true);
  const first = page.getByRole("checkbox", { name: SADDLE });
  await expect(first).toBeFocused();
  await page.keyboard.press("Space");
  await expect(first).toBeChecked();
  await expect(result(page)).toHaveText(/Get emergency help now/);
  await expect(first, "the alert does not steal focus").toBeFocused();
  await page.keyboard.press("Space");
  await expect(first).not.toBeChecked();
  await expect(result(page)).toHaveText(/Nothing is ticked yet/);

  // On to a muscle and joint item, by keyboard only.
  const neck = page.getByRole("checkbox", { name: NECK });
  for (let i = 0; i < 40; i++) {
    if (await neck.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(neck).toBeFocused();
  await page.keyboard.press("Space");
  await expect(result(page)).toHaveText(/look after this at home/i);
  await expect(result(page)).toHaveAttribute("aria-live", "polite");
});

test("an emergency tick shows an alert at the top with the emergency number as a tel: link", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: NECK }).check();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page.getByRole("checkbox", { name: SADDLE }).check();
  const alert = page.getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("nearest emergency department");
  await expect(alert.getByRole("link", { name: /Call 911/ })).toHaveAttribute("href", "tel:911");
  // Nothing above it in the page's content: it is the first element, above the heading.
  const firstRole = await page.evaluate(() => document.querySelector("main .symptoms")?.firstElementChild?.getAttribute("role"));
  expect(firstRole).toBe("alert");
  const alertBox = await alert.boundingBox();
  const headingBox = await page.getByRole("heading", { level: 1 }).boundingBox();
  expect(alertBox!.y).toBeLessThan(headingBox!.y);
  await expect(result(page)).toHaveText(/Get emergency help now\. Call 911 now/);
  // Unticking every emergency sign removes the alert; the milder result stays.
  await page.getByRole("checkbox", { name: SADDLE }).uncheck();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(result(page)).toHaveText(/look after this at home/i);
});

test("each outcome says what to do next with links to posts, the contact page and the clinic phone", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: FEVER }).check();
  const region = page.getByRole("region", { name: "What to do next" });
  await expect(result(page)).toHaveText(/See a doctor today/);
  await expect(region.getByRole("listitem").filter({ hasText: /high temperature/ })).toBeVisible();
  await expect(region.getByRole("link", { name: /555-0142/ })).toHaveAttribute("href", "tel:+15035550142");
  const ask = region.getByRole("link", { name: "Ask the clinic about this" });
  await expect(ask).toHaveAttribute("href", /\/contact\?topic=back-pain$/);
  await expect(region.getByRole("link", { name: "When to see a professional for back pain" })).toHaveAttribute(
    "href",
    /\/blog\/when-to-see-a-professional-for-back-pain$/,
  );
  await page.getByRole("checkbox", { name: FEVER }).uncheck();
  await page.getByRole("checkbox", { name: SCIATICA }).check();
  await expect(result(page)).toHaveText(/Book an appointment within the next few days/);
});

test("Clear all unticks everything and returns to the neutral state", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: SADDLE }).check();
  await page.getByRole("checkbox", { name: SCIATICA }).check();
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(result(page)).toHaveText(/Nothing is ticked yet/);
});

test("ticking sends nothing and changes no storage, cookie or address", async ({ page, context }) => {
  await page.addInitScript(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed += 1;
    };
  });
  await openChecklist(page);
  await page.waitForLoadState("networkidle");
  const snapshot = async () => ({
    url: page.url(),
    local: await page.evaluate(() => JSON.stringify(Object.entries(localStorage))),
    session: await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage))),
    cookies: JSON.stringify(await context.cookies()),
    documentCookie: await page.evaluate(() => document.cookie),
  });
  const before = await snapshot();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));

  for (const name of [SADDLE, NECK, SCIATICA, FEVER]) await page.getByRole("checkbox", { name }).check();
  await page.getByRole("checkbox", { name: SADDLE }).uncheck();
  await expect(result(page)).toHaveText(/See a doctor today/);
  await page.getByRole("button", { name: "Print or save this summary" }).click();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(result(page)).toHaveText(/Nothing is ticked yet/);
  await page.waitForTimeout(300);

  expect(requests, "no request while ticking").toEqual([]);
  expect(await snapshot()).toEqual(before);
});

test("print shows a one-page summary of the ticked items and the outcome, and hides the form", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: SCIATICA }).check();
  await page.getByRole("checkbox", { name: NECK }).check();
  const summary = page.locator(".symptoms-print");
  await expect(summary).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("listitem").filter({ hasText: /sciatica/ })).toBeVisible();
  await expect(summary.getByRole("listitem").filter({ hasText: "Neck pain or stiffness" })).toBeVisible();
  await expect(summary).toContainText("Book an appointment within the next few days");
  await expect(summary).toContainText("not a diagnosis");
  await expect(page.getByRole("group").first()).toBeHidden();
  await expect(page.getByRole("region", { name: "What to do next" })).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  // One page: A4 at 96 dpi is about 1123 px tall.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(1123);
});

const states = [
  { name: "neutral", tick: [] as RegExp[], text: /Nothing is ticked yet/ },
  { name: "self-care", tick: [NECK], text: /look after this at home/i },
  { name: "soon", tick: [SCIATICA], text: /within the next few days/ },
  { name: "urgent", tick: [FEVER, NECK], text: /See a doctor today/ },
  { name: "emergency", tick: [SADDLE, FEVER], text: /Get emergency help now/ },
];

for (const state of states) {
  test(`no axe violations in the ${state.name} state`, async ({ page }) => {
    await openChecklist(page);
    for (const name of state.tick) await page.getByRole("checkbox", { name }).check();
    await expect(result(page)).toHaveText(state.text);
    await expectNoAxeViolations(page, `in the ${state.name} state`);
  });
}

test("no axe violations in dark mode with an emergency and a ticked row", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openChecklist(page);
  await page.getByRole("checkbox", { name: SADDLE }).check();
  await page.getByRole("checkbox", { name: NECK }).check();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoAxeViolations(page, "in dark mode");
});
