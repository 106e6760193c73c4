// Shared test setup: every test fails on a console error, an uncaught page error or a CSP
// violation, and `expectNoAxeViolations` runs axe-core on the page as it is.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type Fixtures = {
  /** Console messages that a test expects (e.g. a simulated 500); others fail the test. */
  allowConsole: (pattern: RegExp) => void;
};

export const test = base.extend<Fixtures>({
  // Every page arrives as pre-rendered HTML and looks ready before the app has taken it
  // over; after each document load, wait for the app (unless the test runs without script).
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const ready = () => expectAppStarted(page);
      for (const name of ["goto", "reload"] as const) {
        const original = page[name].bind(page) as (...args: unknown[]) => Promise<unknown>;
        (page as any)[name] = async (...args: unknown[]) => {
          const response = await original(...args);
          // `waitUntil: "commit"` is a test's way of acting before the app has loaded.
          if ((args[name === "goto" ? 1 : 0] as any)?.waitUntil !== "commit") await ready();
          return response;
        };
      }
    }
    await use(page);
  },
  allowConsole: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() !== "error" && msg.type() !== "warning") return;
        const text = msg.text();
        if (msg.type() === "warning" && !/Content Security Policy|Refused/i.test(text)) return;
        if (!allowed.some((re) => re.test(text))) problems.push(`${msg.type()}: ${text}`);
      });
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      // An unknown address is answered with the Not Found page and a real 404 status, which
      // the browser reports on the console.
      page.on("response", (response) => {
        if (response.request().resourceType() === "document" && response.status() === 404) {
          allowed.push(/Failed to load resource: the server responded with a status of 404/);
        }
      });
      await use((pattern) => allowed.push(pattern));
      expect(problems, "the console shows no errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe-core on the whole page and expects no violations of any rule. */
export async function expectNoAxeViolations(page: Page, state = "") {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(summary, `axe violations ${state}`).toEqual([]);
}

/** Starting the app means fetching and compiling the wasm (and a chunk), which on a busy
 * 2-core machine can take longer than the usual assertion wait; the test's own timeout is
 * still the limit. */
const APP_START = { timeout: 20_000 };

/** Waits until the app has started: `data-app="ready"` on the root element. */
export async function expectAppStarted(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready", APP_START);
}

/** Waits until the app has taken over the page (hydrated the pre-rendered HTML, or mounted):
 *  the HTML shows the header long before the app can react to anything. */
export async function waitForApp(page: Page) {
  await expectAppStarted(page);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
