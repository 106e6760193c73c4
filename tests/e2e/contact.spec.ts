// The contact form end to end, against the local form receiver (tests/server/form-receiver.mjs),
// on the page patients get: the pre-rendered /contact, hydrated. Each test points the app at
// its own form name (/f/<name>) from outside, by rewriting the configuration the page carries
// (and site.json), so the phone and desktop projects can run in parallel without seeing each
// other's submissions.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { test, expect, expectNoAxeViolations, failedLoad, routeSiteConfig, serveFolder, waitForApp } from "./fixtures";

const RECEIVER = "http://127.0.0.1:8787";
/** The site's public address, which the endpoint sends the browser back to (`_next`). */
const PUBLIC_SITE = "https://aldercreek.example";
const REPO = resolve(__dirname, "../..");

type Received = {
  attempts: number;
  /** Every POST, failed or not, with its key and the answer it got (a status or "stalled"). */
  tries: { key: string | null; answer: number | "stalled" | "trapped" | null }[];
  /** The messages recorded: one per idempotency key. */
  submissions: { key: string | null; fields: Record<string, unknown>; posted?: boolean }[];
};

type Receiver = {
  form: string;
  /** Where the app posts the test's messages. */
  endpoint: string;
  mode: (body: Record<string, unknown>) => Promise<void>;
  received: () => Promise<Received>;
};

/** Gives the test its own form on the receiver and points the app's configuration at it. */
async function useReceiver(
  page: Page,
  testInfo: TestInfo,
  options: { /** for the first page load only */ timeoutMs?: number } = {},
): Promise<Receiver> {
  const slug = testInfo.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40);
  const form = `${testInfo.project.name}-${slug}-${testInfo.retry}-${Date.now()}`;
  await page.request.delete(`${RECEIVER}/_submissions?form=${form}`);
  const endpoint = `${RECEIVER}/f/${form}`;
  await routeSiteConfig(page, (config, loadsBefore) => {
    config.contact_endpoint = endpoint;
    // Only the first page load gets the short timeout: a retry after a reload must not race
    // a clock the test set for the first attempt.
    if (options.timeoutMs && loadsBefore === 0) config.contact_timeout_ms = options.timeoutMs;
  });
  return {
    form,
    endpoint,
    mode: async (body) => {
      const r = await page.request.post(`${RECEIVER}/_mode?form=${form}`, { data: body });
      expect(r.ok()).toBe(true);
    },
    received: async () => (await page.request.get(`${RECEIVER}/_submissions?form=${form}`)).json(),
  };
}

async function openContact(page: Page, path = "contact") {
  await page.goto(path);
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1, name: "Contact the clinic" })).toBeVisible();
}

const field = {
  name: (page: Page) => page.getByLabel("Your name"),
  email: (page: Page) => page.getByLabel("Email address"),
  phone: (page: Page) => page.getByLabel("Phone number"),
  message: (page: Page) => page.getByLabel("Your message"),
};

async function fillValid(page: Page) {
  await field.name(page).fill("Ada Lovelace");
  await field.email(page).fill("ada@example.com");
  await field.message(page).fill("Could I book a first visit next week?");
}

const sendButton = (page: Page) => page.getByRole("button", { name: /^(Send message|Sending…)$/ });
const sentPanel = (page: Page) => page.locator(".contact-form__sent");
const failedPanel = (page: Page) => page.locator(".contact-form__failed");
const summary = (page: Page) => page.locator(".contact-form__summary");
const storedDraft = (page: Page) => page.evaluate(() => sessionStorage.getItem("contact-draft"));

/** The receiver saw these answers, in order, every attempt carried one and the same key, and
 * the one message it recorded carries that key: a retry is the same message, not a new one. */
async function expectRetriedWithOneKey(receiver: Receiver, answers: Received["tries"][number]["answer"][]) {
  const { tries, submissions } = await receiver.received();
  expect(tries.map((t) => t.answer)).toEqual(answers);
  const key = tries[0].key;
  expect(key).toMatch(/^msg-/);
  expect(tries.map((t) => t.key)).toEqual(answers.map(() => key));
  expect(submissions).toHaveLength(1);
  expect(submissions[0].key).toBe(key);
}

test("@base-path the phone comes first, and a valid message reaches the clinic exactly once", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await openContact(page);
  const main = page.getByRole("main");
  // The phone is offered before the form, as the faster way.
  const call = main.getByRole("link", { name: /Call \(503\) 555-0142/ });
  await expect(call).toHaveAttribute("href", "tel:+15035550142");
  const callBox = await call.boundingBox();
  const nameBox = await field.name(page).boundingBox();
  expect(callBox!.y).toBeLessThan(nameBox!.y);
  await expect(main).toContainText("don't use this form to cancel or change an appointment");
  await expect(main).toContainText("don't include detailed medical information");
  const consent = page.getByRole("checkbox", { name: /text messages/ });
  await expect(consent).not.toBeChecked();
  await expect(main).toContainText("Msg & data rates may apply");
  await expect(main).toContainText("Reply STOP to opt out and HELP for help");
  await expect(main).toContainText("not a condition of service");
  await expect(main).toContainText("third parties for marketing");
  await expectNoAxeViolations(page, "while editing");

  await fillValid(page);
  await page.getByRole("radio", { name: "Text message" }).check();
  await field.phone(page).fill("(503) 555-0142");
  await consent.check();
  await sendButton(page).click();

  await expect(sentPanel(page)).toBeFocused();
  await expect(sentPanel(page)).toContainText("your message has been sent");
  await expect(sentPanel(page)).toContainText("within one working day, by text message");
  await expectNoAxeViolations(page, "after sending");
  const { attempts, submissions } = await receiver.received();
  expect(attempts, "one request, not a retry that the key merged").toBe(1);
  expect(submissions).toHaveLength(1);
  expect(submissions[0].fields).toEqual({
    name: "Ada Lovelace",
    email: "ada@example.com",
    phone: "+15035550142",
    preferred_contact: "text",
    message: "Could I book a first visit next week?",
    sms_consent: true,
    language: "en",
  });
  expect(submissions[0].key).toMatch(/^msg-/);
  expect(await storedDraft(page)).toBeNull();

  await page.getByRole("button", { name: "Write another message" }).click();
  await expect(field.name(page)).toBeFocused();
  await expect(field.name(page)).toHaveValue("");
});

test("an empty submit focuses a summary that links to each field in error", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await openContact(page);
  // The app checks the form itself now, with its own messages, not the browser's bubbles.
  await expect(page.locator("form.contact-form__form")).toHaveAttribute("novalidate", "");
  await sendButton(page).click();
  await expect(summary(page)).toBeFocused();
  const links = summary(page).getByRole("link");
  await expect(links).toHaveCount(3);
  await expect(links.nth(0)).toHaveText(/name/i);
  await expect(links.nth(1)).toHaveText(/email/i);
  await expect(links.nth(2)).toHaveText(/message/i);
  for (const f of [field.name, field.email, field.message]) {
    await expect(f(page)).toHaveAttribute("aria-invalid", "true");
    await expect(f(page)).toHaveAccessibleDescription(/Enter/);
  }
  await expect(field.phone(page)).not.toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "with errors");

  await links.nth(1).click();
  await expect(field.email(page)).toBeFocused();
  await expect(page).toHaveURL(/\/contact$/);

  // Live for fields already in error: fixing the email clears its error at once...
  await field.email(page).fill("not-an-address");
  await expect(field.email(page)).toHaveAccessibleDescription(/name@example\.com, with no spaces/);
  await field.email(page).fill("ada@example.com");
  await expect(field.email(page)).not.toHaveAttribute("aria-invalid", "true");
  await expect(links).toHaveCount(2);
  // ...but a field that was fine gets no error before the next submit.
  await page.getByRole("radio", { name: "Phone call" }).check();
  await expect(field.phone(page)).not.toHaveAttribute("aria-invalid", "true");
  await sendButton(page).click();
  await expect(field.phone(page)).toHaveAttribute("aria-invalid", "true");
  await expect(field.phone(page)).toHaveAccessibleDescription(/Enter your phone number/);
  expect((await receiver.received()).attempts).toBe(0);
});

test("a 422 from the service lands on the right field, and sending again works", async ({ page, allowConsole }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  allowConsole(failedLoad(422), receiver.endpoint);
  await receiver.mode({ mode: "422", times: 1 });
  await openContact(page);
  await fillValid(page);
  await sendButton(page).click();
  await expect(summary(page)).toBeFocused();
  await expect(field.email(page)).toHaveAttribute("aria-invalid", "true");
  await expect(field.email(page)).toHaveAccessibleDescription(/should be an email/);
  await expect(field.name(page)).not.toHaveAttribute("aria-invalid", "true");
  await expect(field.message(page)).toHaveValue("Could I book a first visit next week?");
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  await expectRetriedWithOneKey(receiver, [422, 200]);
});

test("a server error keeps everything typed, and a retry sends it once", async ({ page, allowConsole }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  allowConsole(failedLoad(500), receiver.endpoint);
  await receiver.mode({ mode: "500", times: 1 });
  await openContact(page);
  await fillValid(page);
  await sendButton(page).click();
  await expect(failedPanel(page)).toBeFocused();
  await expect(failedPanel(page)).toContainText("Your message was not sent");
  await expect(failedPanel(page)).toContainText("error 500");
  await expect(failedPanel(page).getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
  await expect(field.name(page)).toHaveValue("Ada Lovelace");
  await expect(field.message(page)).toHaveValue("Could I book a first visit next week?");
  expect(await storedDraft(page)).toContain("Ada Lovelace");
  await expectNoAxeViolations(page, "after a failure");

  await page.getByRole("button", { name: "Try sending again" }).click();
  await expect(sentPanel(page)).toBeFocused();
  expect((await receiver.received()).attempts).toBe(2);
  await expectRetriedWithOneKey(receiver, [500, 200]);
});

// A send the app gives up on is aborted, which the browser does not print: nothing is allowed.
test("a send that times out keeps the draft, and a retry after a reload is the same message", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo, { timeoutMs: 1500 });
  await receiver.mode({ mode: "stall", times: 1 });
  await openContact(page);
  await fillValid(page);
  await sendButton(page).click();
  await expect(failedPanel(page)).toBeFocused({ timeout: 10_000 });
  await expect(failedPanel(page)).toContainText("took too long");
  await expect(field.email(page)).toHaveValue("ada@example.com");
  await page.reload();
  await waitForApp(page);
  await expect(field.email(page)).toHaveValue("ada@example.com");
  await expect(field.message(page)).toHaveValue("Could I book a first visit next week?");
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  await expectRetriedWithOneKey(receiver, ["stalled", 200]);
});

test("each new message gets its own idempotency key", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await openContact(page);
  await fillValid(page);
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  await page.getByRole("button", { name: "Write another message" }).click();
  await field.name(page).fill("Ada Lovelace");
  await field.email(page).fill("ada@example.com");
  await field.message(page).fill("And one more question.");
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  const { tries, submissions } = await receiver.received();
  expect(tries.map((t) => t.answer)).toEqual([200, 200]);
  expect(submissions).toHaveLength(2);
  expect(submissions[1].fields.message).toBe("And one more question.");
  expect(submissions[0].key).toMatch(/^msg-/);
  expect(submissions[1].key).toMatch(/^msg-/);
  expect(submissions[1].key).not.toBe(submissions[0].key);
});

test("while sending the button says so, and a double click sends only once", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  // Slow enough that the checks below run while the send is still under way, even on a busy machine.
  await receiver.mode({ mode: "slow", ms: 8000, times: 5 });
  await openContact(page);
  await fillValid(page);
  await sendButton(page).dblclick();
  // Even a script submitting twice in one go is held off by the state guard.
  await page.evaluate(() => {
    const form = document.querySelector("form.contact-form__form") as HTMLFormElement;
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(sendButton(page)).toHaveText("Sending…");
  await expect(sendButton(page)).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: "Sending your message" })).toBeVisible();
  await expectNoAxeViolations(page, "while sending");
  await expect(sentPanel(page)).toBeFocused({ timeout: 15_000 });
  const { attempts, submissions } = await receiver.received();
  expect(attempts).toBe(1);
  expect(submissions).toHaveLength(1);
});

test("the draft survives a reload and moving around the site, until it is cleared", async ({ page }, testInfo) => {
  await useReceiver(page, testInfo);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await openContact(page);
  await field.name(page).fill("نور 🌿 <b>bold</b>");
  await page.getByRole("radio", { name: "Phone call" }).check();
  await field.phone(page).fill("503.555.0142");
  await field.message(page).fill("<script>alert(1)</script>\nSecond line");
  await page.reload();
  await waitForApp(page);
  await expect(field.name(page)).toHaveValue("نور 🌿 <b>bold</b>");
  await expect(page.getByRole("radio", { name: "Phone call" })).toBeChecked();
  await expect(field.phone(page)).toHaveValue("503.555.0142");
  await expect(field.message(page)).toHaveValue("<script>alert(1)</script>\nSecond line");
  expect(dialogs, "markup typed into the form is never run").toBe(0);

  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Blog" }).click();
  await expect(page).toHaveURL(/\/blog$/);
  await nav.getByRole("link", { name: "Contact" }).click();
  await expect(field.name(page)).toHaveValue("نور 🌿 <b>bold</b>");

  await page.getByRole("button", { name: "Clear form" }).click();
  await expect(field.name(page)).toHaveValue("");
  await expect(field.message(page)).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Email" })).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "cleared" })).toBeVisible();
  expect(await storedDraft(page)).toBeNull();
});

test("a filled honeypot looks like success but sends nothing", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await openContact(page);
  await fillValid(page);
  const trap = page.locator('input[name="_gotcha"]');
  await expect(trap).toHaveAttribute("tabindex", "-1");
  await expect(trap).toHaveAttribute("autocomplete", "off");
  await trap.fill("https://spam.example", { force: true });
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  await expect(sentPanel(page)).toContainText("your message has been sent");
  // Nothing to wait for if nothing is sent: instead, a real message follows, and once it has
  // arrived, anything the bot's submit had sent would have arrived before it.
  await page.getByRole("button", { name: "Write another message" }).click();
  await expect(field.name(page)).toBeFocused();
  await expect(field.name(page)).toHaveValue("");
  await expect(trap).toHaveValue("");
  await field.name(page).fill("Grace Hopper");
  await field.email(page).fill("grace@example.com");
  await field.message(page).fill("A real question.");
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  const { attempts, submissions } = await receiver.received();
  expect(attempts).toBe(1);
  expect(submissions[0].fields).toMatchObject({ name: "Grace Hopper", message: "A real question." });
});

test("the form can be completed with the keyboard alone", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await openContact(page);
  // Tab from the top of the page through the header to the phone link, the first stop in main.
  const call = page.getByRole("main").getByRole("link", { name: /Call \(503\)/ });
  for (let i = 0; i < 12 && !(await call.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(call).toBeFocused();
  // The way to the opening hours, in the sentence under it; then the form.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "opening hours" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(field.name(page)).toBeFocused();
  await page.keyboard.type("Grace Hopper");
  await page.keyboard.press("Tab");
  await expect(field.email(page)).toBeFocused();
  await page.keyboard.type("grace@example.com");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: "Email" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("radio", { name: "Phone call" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(field.phone(page)).toBeFocused();
  await page.keyboard.type("+1 503 555 0142");
  await page.keyboard.press("Tab");
  await expect(field.message(page)).toBeFocused();
  await page.keyboard.type("Please call me about opening hours.");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: /text messages/ })).toBeFocused();
  // The honeypot is skipped: the next stop is the send button.
  await page.keyboard.press("Tab");
  await expect(sendButton(page)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(sentPanel(page)).toBeFocused();
  const { submissions } = await receiver.received();
  expect(submissions).toHaveLength(1);
  expect(submissions[0].fields).toMatchObject({ name: "Grace Hopper", phone: "+15035550142", preferred_contact: "phone", sms_consent: false });
});

// A clinic without a form endpoint gets another form from the build (scripts/test.sh builds that
// site as dist-minimal/: the same site without `contact_endpoint`), which the app hydrates.
test("without an endpoint the form, as built and hydrated, says so and offers the phone and a prefilled email", async ({ page }, testInfo) => {
  const minimal = join(REPO, "dist-minimal");
  expect(existsSync(join(minimal, "contact.html")), "dist-minimal/ is missing: scripts/test.sh builds it").toBe(true);
  const host = await serveFolder(page, minimal, 4280 + testInfo.parallelIndex);
  try {
    // The heading as the build wrote it, kept from the first byte: hydrating keeps the page's
    // own elements, where mounting afresh would have replaced them.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const heading = document.querySelector("main h1");
        if (!heading) return;
        (window as any).__builtHeading = heading;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await openContact(page, `${host.site}contact`);
    expect(await page.evaluate(() => document.querySelector("main h1") === (window as any).__builtHeading), "hydrated, not mounted").toBe(true);
    const main = page.getByRole("main");
    await expect(main).toContainText("Online messages are not set up on this site yet");
    await expect(sendButton(page)).toHaveCount(0);
    await field.name(page).fill("Ada");
    await field.message(page).fill("Hello & thanks");
    const mail = main.getByRole("link", { name: "Send with your email app" });
    await expect(mail).toHaveAttribute("href", /^mailto:frontdesk@aldercreek\.example\?subject=Message%20from%20the%20website%3A%20Ada&body=Hello%20%26%20thanks/);
    await expect(main.locator(".contact-form__unconfigured").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
    await expectNoAxeViolations(page, "without an endpoint");
  } finally {
    await host.stop();
  }
});

test("arriving from the symptom checklist starts a neutral, editable message", async ({ page }, testInfo) => {
  await useReceiver(page, testInfo);
  await openContact(page, "contact?topic=back-pain");
  await expect(field.message(page)).toHaveValue(/ask about back pain/);
  await field.message(page).fill("My own words");
  await page.reload();
  await waitForApp(page);
  await expect(field.message(page)).toHaveValue("My own words");
});

test("an article's call to action offers a compact form that sends like the full one", async ({ page }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  await page.goto("blog/lifting-safely");
  await waitForApp(page);
  const cta = page.locator(".post-cta");
  await cta.getByText("Or send a short message from here").click();
  await cta.getByLabel("Your name").fill("Grace Hopper");
  await cta.getByLabel("Email address").fill("grace@example.com");
  await cta.getByLabel("Your message").fill("Could someone call me about lifting at work?");
  await expectNoAxeViolations(page, "with the compact form open");
  await cta.getByRole("button", { name: "Send message" }).click();
  // The panel is always in the page, hidden until a message is sent (its text is there all
  // along): wait for it to be shown and focused, which only happens once the receiver answered.
  const sent = cta.locator(".contact-form__sent");
  await expect(sent).toBeVisible();
  await expect(sent).toBeFocused();
  await expect(sent).toContainText("your message has been sent");
  const { attempts, submissions } = await receiver.received();
  expect(attempts).toBe(1);
  expect(submissions).toHaveLength(1);
  expect(submissions[0].key).toMatch(/^msg-/);
  expect(submissions[0].fields).toMatchObject({ name: "Grace Hopper", email: "grace@example.com" });
});

test("editing the message after a failed send sends it as a new message, with its own key", async ({ page, allowConsole }, testInfo) => {
  const receiver = await useReceiver(page, testInfo);
  allowConsole(failedLoad(500), receiver.endpoint);
  await receiver.mode({ mode: "500", times: 1 });
  await openContact(page);
  await fillValid(page);
  await sendButton(page).click();
  await expect(failedPanel(page)).toBeFocused();
  await field.message(page).fill("Could I book a first visit on Friday instead?");
  await sendButton(page).click();
  await expect(sentPanel(page)).toBeFocused();
  const { tries, submissions } = await receiver.received();
  expect(tries.map((t) => t.answer)).toEqual([500, 200]);
  expect(tries[1].key, "an edited message is another message").not.toBe(tries[0].key);
  expect(submissions).toHaveLength(1);
  expect(submissions[0].fields.message).toBe("Could I book a first visit on Friday instead?");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  // A page without script may still be loading what the thank-you page asks for (its stylesheet)
  // when the test ends; that request's handler then failed with "Test ended", and the failure
  // landed on the next test of the worker. Route handlers still running are dropped instead.
  test.afterEach(async ({ page }) => {
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
  // The public address (`PUBLIC_SITE`) exists only through `serveThePublicSite`'s
  // route, which sees only the page's own requests. Chromium asks for the thank-you page's icons
  // by itself, and once for the page itself (every run: `requestfailed` for /message-sent), out
  // of the route's sight, and now and then for its stylesheet (once in some hundred runs):
  // those meet a name that does not resolve, which it reports on the console. Allowed for
  // those addresses only.
  test.beforeEach(async ({ allowConsole, request }) => {
    const html = await (await request.get("message-sent")).text();
    const stylesheet = /href=["']?[^"'\s>]*?([\w-]+\.css)/.exec(html)?.[1];
    for (const address of ["message-sent", "icon.svg", "icons/favicon-32.png", ...(stylesheet ? [stylesheet] : [])]) {
      allowConsole(failedLoad("net::ERR_NAME_NOT_RESOLVED"), `${PUBLIC_SITE}/${address}`);
    }
    // Chromium's own error page for that request (origin null, not a page of the site) may then
    // ask the local server for its favicon, which Chromium blocks (private network access).
    allowConsole(/blocked by CORS policy/, "chrome-error://chromewebdata/");
    allowConsole(failedLoad("net::ERR_FAILED"), "icons/favicon-32.png");
  });

  /** The endpoint sends the browser to the site's own thank-you page at its public address
   * (`_next`); that address is answered by the local build. */
  async function serveThePublicSite(page: Page, baseURL: string) {
    await page.route(`${PUBLIC_SITE}/**`, async (route) => {
      const url = new URL(route.request().url());
      // Without script the page's wasm preloads are never used: answered at once, so none is
      // still on its way when the test ends.
      if (url.pathname.endsWith(".wasm")) return route.fulfill({ contentType: "application/wasm", body: "" });
      const local = new URL(url.pathname.replace(/^\//, "") + url.search, baseURL);
      await route.fulfill({ response: await route.fetch({ url: local.href }) });
    });
  }

  test("the form posts to the endpoint by itself and lands on the thank-you page", async ({ page, baseURL }, testInfo) => {
    const receiver = await useReceiver(page, testInfo);
    await serveThePublicSite(page, baseURL!);
    await page.goto("contact");
    // The browser stops an empty form itself: nothing is posted, the page stays.
    for (const f of [field.name, field.email, field.message]) await expect(f(page)).toHaveAttribute("required", "");
    await sendButton(page).click();
    await expect(page).toHaveURL(/\/contact$/);
    expect((await receiver.received()).attempts).toBe(0);

    await fillValid(page);
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes(`/f/${receiver.form}`));
    await sendButton(page).click();
    // What the site controls: the browser posts the fields, urlencoded, with where to land.
    const body = new URLSearchParams((await posted).postData() ?? "");
    expect(body.get("_next")).toBe(`${PUBLIC_SITE}/message-sent`);
    expect(body.get("name")).toBe("Ada Lovelace");
    expect(body.get("_gotcha")).toBe("");
    await expect(page).toHaveURL(`${PUBLIC_SITE}/message-sent`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you, your message has been sent");
    await expect(page.getByRole("main").getByRole("link", { name: "(503) 555-0142" })).toHaveAttribute("href", "tel:+15035550142");
    const { submissions } = await receiver.received();
    expect(submissions).toHaveLength(1);
    expect(submissions[0].posted).toBe(true);
    expect(submissions[0].fields).toMatchObject({
      name: "Ada Lovelace",
      email: "ada@example.com",
      message: "Could I book a first visit next week?",
    });
  });

  // Dropping it is the endpoint's part (Formspree's, here the local receiver's); the site's
  // part is to post the honeypot under the name the endpoint knows.
  test("a filled honeypot is posted as _gotcha, for the endpoint to drop", async ({ page, baseURL }, testInfo) => {
    const receiver = await useReceiver(page, testInfo);
    await serveThePublicSite(page, baseURL!);
    await page.goto("contact");
    await fillValid(page);
    await page.locator('input[name="_gotcha"]').fill("https://spam.example", { force: true });
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes(`/f/${receiver.form}`));
    await sendButton(page).click();
    expect(new URLSearchParams((await posted).postData() ?? "").get("_gotcha")).toBe("https://spam.example");
    await expect(page).toHaveURL(`${PUBLIC_SITE}/message-sent`);
    const { tries, submissions } = await receiver.received();
    expect(tries.map((t) => t.answer)).toEqual(["trapped"]);
    expect(submissions).toEqual([]);
  });
});
