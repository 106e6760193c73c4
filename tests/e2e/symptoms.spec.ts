// The back pain symptom checklist: keyboard use, the emergency alert, privacy (nothing leaves the
// page), the printed summary, and accessibility in every outcome.
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, waitForApp } from "./fixtures";

const SADDLE = /bike saddle/i; // an emergency sign
const BLADDER = /bladder or bowels/i; // an emergency sign
const NECK = /^Neck pain or stiffness$/; // self-care
const SCIATICA = /sciatica/i; // soon
const FEVER = /high temperature/i; // urgent
const NIGHT_PAIN = /worse at night/i; // urgent, near the end of the list
const NOT_IMPROVING = /not started to ease/i; // soon, the last item of the list

// Item wording, word for word.
const SADDLE_TEXT =
  "Numbness or tingling around your bottom, genitals or inner thighs (where you would sit on a bike saddle)";
const BLADDER_TEXT = "Loss of control of your bladder or bowels, such as leaking or not knowing when you need to go";

const WHEN_TO_SEE = ["When to see a professional for back pain", "/blog/when-to-see-a-professional-for-back-pain"];
const SPASM_SYMPTOMS = ["Back spasm symptoms", "/blog/back-spasm-symptoms"];

async function openChecklist(page: Page) {
  await page.goto("symptoms");
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back pain symptom checklist");
}

/** The live region that announces the result. */
function result(page: Page) {
  return page.getByRole("region", { name: "What to do next" }).getByRole("status");
}

/** The compact result that stays in view while ticking. */
function bar(page: Page) {
  return page.getByRole("group", { name: "Result so far" });
}

/** Where the focused checkbox and the result bar are, in viewport pixels. */
async function focusedCheckboxAndBar(page: Page) {
  return page.evaluate(() => {
    const box = document.activeElement as HTMLInputElement | null;
    const bar = document.querySelector(".symptoms-bar")!.getBoundingClientRect();
    if (box?.type !== "checkbox") return null;
    const rect = box.getBoundingClientRect();
    const row = box.closest("label")!.getBoundingClientRect();
    return {
      id: box.id,
      top: rect.top,
      bottom: rect.bottom,
      rowBottom: row.bottom,
      barTop: bar.top,
      barBottom: bar.bottom,
      viewport: window.innerHeight,
    };
  });
}

test("the checklist shows the emergency signs first, each group as a fieldset with a legend", async ({ page }) => {
  await openChecklist(page);
  const groups = page.getByRole("form", { name: "Symptoms" }).getByRole("group");
  await expect(groups.first()).toHaveAccessibleName("Emergency signs");
  const legends = ["Emergency signs", "Nerve symptoms", "Muscle and joint symptoms", "About you and your pain"];
  await expect(groups).toHaveCount(legends.length);
  for (const [i, legend] of legends.entries()) await expect(groups.nth(i)).toHaveAccessibleName(legend);
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

const outcomes = [
  {
    tier: "self-care",
    tick: NECK,
    reason: "Neck pain or stiffness",
    heading: "You can probably look after this at home for now",
    firstStep: "Keep moving as normally as you can. Long rest in bed tends to slow recovery.",
    posts: [
      ["Gentle stretches for low back pain", "/blog/gentle-stretches-for-low-back-pain"],
      ["Staying active with back pain", "/blog/staying-active-with-back-pain"],
      ["Back spasms: causes and relief", "/blog/back-spasms-causes-and-relief"],
      SPASM_SYMPTOMS,
    ],
  },
  {
    tier: "soon",
    tick: SCIATICA,
    reason: "Shooting pain that starts in your back and runs down the back of one leg (sciatica)",
    heading: "Book an appointment within the next few days",
    firstStep: "Book a visit with a doctor, physiotherapist or chiropractor in the next few days.",
    posts: [WHEN_TO_SEE, SPASM_SYMPTOMS],
  },
  {
    tier: "urgent",
    tick: FEVER,
    reason: "You have a high temperature, feel hot and shivery, or feel sick along with your back pain",
    heading: "See a doctor today",
    firstStep: "Call your doctor's office and ask for a same-day appointment, or go to an urgent care clinic.",
    posts: [WHEN_TO_SEE],
  },
  {
    tier: "emergency",
    tick: SADDLE,
    reason: SADDLE_TEXT,
    heading: "Get emergency help now",
    firstStep: "Call the emergency number now, or have someone take you to the nearest emergency department.",
    posts: [WHEN_TO_SEE],
  },
];

test("each outcome says what to do next with links to posts, the contact page and the clinic phone", async ({ page }) => {
  await openChecklist(page);
  const region = page.getByRole("region", { name: "What to do next" });
  expect(outcomes.map((o) => o.tier)).toEqual(["self-care", "soon", "urgent", "emergency"]);
  for (const outcome of outcomes) {
    await test.step(outcome.tier, async () => {
      await page.getByRole("button", { name: "Clear all" }).click();
      await expect(result(page)).toHaveText(/^Nothing is ticked yet/);
      await page.getByRole("checkbox", { name: outcome.tick }).check();
      await expect(result(page)).toHaveText(new RegExp(`^${outcome.heading}\\.`));
      await expect(region.getByRole("list", { name: "Because you ticked" }).getByRole("listitem")).toHaveText([
        outcome.reason,
      ]);
      await expect(region.getByRole("list", { name: "Next steps" }).getByRole("listitem").first()).toHaveText(
        outcome.firstStep,
      );
      const talk = region.getByRole("list", { name: "Talk to us" });
      await expect(talk.getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
      await expect(talk.getByRole("link", { name: "Ask the clinic about this" })).toHaveAttribute(
        "href",
        /\/contact\?topic=back-pain$/,
      );
      const posts = region.getByRole("list", { name: "Read more" }).getByRole("link");
      await expect(posts).toHaveText(outcome.posts.map(([title]) => title));
      for (const [i, [, path]] of outcome.posts.entries()) {
        await expect(posts.nth(i)).toHaveAttribute("href", new RegExp(`${path}$`));
      }
      // Only an emergency offers the emergency number, in the result and in the compact bar.
      const calls = outcome.tier === "emergency" ? 1 : 0;
      await expect(region.getByRole("link", { name: "Call 911" })).toHaveCount(calls);
      if (calls) await expect(region.getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
      await expect(bar(page).getByRole("paragraph").first()).toHaveText(`Result: ${outcome.heading}`);
      await expect(bar(page).getByRole("link", { name: "Call 911" })).toHaveCount(calls);
    });
  }
});

test("the reasons list names exactly what is ticked as items of one tier are ticked and unticked", async ({ page }) => {
  await openChecklist(page);
  const reasons = page
    .getByRole("region", { name: "What to do next" })
    .getByRole("list", { name: "Because you ticked" })
    .getByRole("listitem");
  await page.getByRole("checkbox", { name: SADDLE }).check();
  await expect(reasons).toHaveText([SADDLE_TEXT]);
  await page.getByRole("checkbox", { name: BLADDER }).check();
  await expect(reasons).toHaveText([SADDLE_TEXT, BLADDER_TEXT]);
  await page.getByRole("checkbox", { name: SADDLE }).uncheck();
  await expect(reasons).toHaveText([BLADDER_TEXT]);
  await expect(result(page)).toHaveText(/^Get emergency help now\..*\(1 item ticked\.\)$/);
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
  // The one clock wait, on purpose: it proves an absence (no debounced send or write shortly
  // after ticking), which has no condition to wait on.
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
  await expect(bar(page)).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  // One page: printed on A4 by the browser itself, the PDF has a single page.
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page(?!s)/g), "pages printed").toHaveLength(1);
});

for (const size of [
  { name: "320 px", width: 320, height: 640 },
  { name: "phone size", width: 390, height: 844 },
]) {
  test(`at ${size.name} the result bar stays in view while ticking far down the list, follows the tier, never covers the focused checkbox and passes axe`, async ({
    page,
  }) => {
    // Instant scrolling, so positions are read where focus leaves them, not mid-animation.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.setViewportSize({ width: size.width, height: size.height });
    await openChecklist(page);
    const summary = bar(page);
    const outcome = summary.getByRole("paragraph").first();

    // Neutral, as soon as the list is on screen.
    await page.getByRole("checkbox", { name: SADDLE }).scrollIntoViewIfNeeded();
    await expect(summary).toBeInViewport({ ratio: 1 });
    await expect(outcome).toHaveText("Result: Nothing ticked yet");
    await expect(summary.getByRole("link", { name: "Call 911" })).toHaveCount(0);
    await expectNoAxeViolations(page, `with the bar neutral at ${size.name}`);

    // The last item of the list (soon), then one just above it (urgent).
    for (const [name, heading] of [
      [NOT_IMPROVING, "Book an appointment within the next few days"],
      [NIGHT_PAIN, "See a doctor today"],
    ] as const) {
      const box = page.getByRole("checkbox", { name });
      await box.check();
      await expect(box).toBeInViewport({ ratio: 1 });
      await expect(summary).toBeInViewport({ ratio: 1 });
      await expect(outcome).toHaveText(`Result: ${heading}`);
      const boxRect = (await box.boundingBox())!;
      const barRect = (await summary.boundingBox())!;
      expect(boxRect.y + boxRect.height, "the ticked checkbox is above the bar").toBeLessThanOrEqual(barRect.y);
      await expectNoAxeViolations(page, `with the bar saying "${heading}" at ${size.name}`);
    }

    // An emergency sign, ticked by keyboard: the bar offers the emergency number at once.
    const saddle = page.getByRole("checkbox", { name: SADDLE });
    await saddle.focus();
    await page.keyboard.press("Space");
    await expect(saddle).toBeChecked();
    await expect(outcome).toHaveText("Result: Get emergency help now");
    const call = summary.getByRole("link", { name: "Call 911" });
    await expect(call).toHaveAttribute("href", "tel:911");
    await expect(summary).toBeInViewport({ ratio: 1 });
    for (const target of [call, summary.getByRole("link", { name: "See the full result" })]) {
      const rect = (await target.boundingBox())!;
      expect(rect.height, "bar links are tall enough to tap").toBeGreaterThanOrEqual(44);
      expect(rect.width, "bar links are wide enough to tap").toBeGreaterThanOrEqual(44);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `with the bar in an emergency at ${size.name}`);

    // Tab through every checkbox: each one, label and all, lands clear of the bar.
    const checkboxes = await page.getByRole("checkbox").count();
    await saddle.focus();
    for (let i = 0; i < checkboxes; i++) {
      if (i > 0) await page.keyboard.press("Tab");
      const found = await focusedCheckboxAndBar(page);
      expect(found, `Tab ${i} reaches a checkbox`).not.toBeNull();
      const at = found!;
      expect(at.top, `${at.id} is on screen`).toBeGreaterThanOrEqual(0);
      expect(at.rowBottom, `${at.id} and its label are clear of the bar`).toBeLessThanOrEqual(at.barTop);
      expect(at.barBottom, "the bar is in view").toBeLessThanOrEqual(at.viewport);
    }

    // "See the full result" takes focus to the result, where the bar settles above it.
    await summary.getByRole("link", { name: "See the full result" }).click();
    await expect(page.getByRole("heading", { name: "What to do next" })).toBeFocused();
    await expect(page).toHaveURL(/\/symptoms$/);
  });
}

test("the result bar only summarises: the result region stays the one live region", async ({ page }) => {
  await openChecklist(page);
  await page.getByRole("checkbox", { name: FEVER }).check();
  await expect(bar(page)).toContainText("See a doctor today");
  await expect(bar(page)).not.toHaveAttribute("aria-live");
  await expect(bar(page).locator("[aria-live], [role=status], [role=alert]")).toHaveCount(0);
  await expect(page.getByRole("main").locator("[aria-live]")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("status")).toHaveCount(1);
});

test("on a short screen the result bar stays in the flow instead of covering the list", async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 360 });
  await openChecklist(page);
  await expect(bar(page)).toHaveCSS("position", "static");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(bar(page)).toHaveCSS("position", "sticky");
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

test("no axe violations in dark mode in every state, with ticked rows and the result bar in view", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await openChecklist(page);
  for (const state of states) {
    await test.step(state.name, async () => {
      await page.getByRole("button", { name: "Clear all" }).click();
      for (const name of state.tick) await page.getByRole("checkbox", { name }).check();
      await expect(result(page)).toHaveText(state.text);
      await expect(bar(page)).toBeInViewport();
      await expectNoAxeViolations(page, `in dark mode in the ${state.name} state`);
    });
  }
  await expect(page.getByRole("alert")).toBeVisible();
});
