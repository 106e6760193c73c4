// Shared test setup: every test fails on a console error, an uncaught page error or a CSP
// violation, and `expectNoAxeViolations` runs axe-core on the page as it is.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

type Fixtures = {
  /** Console messages that a test expects (e.g. a simulated 500); others fail the test. */
  allowConsole: (pattern: RegExp) => void;
};

export const test = base.extend<Fixtures>({
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

/** Waits until the app has mounted (the site header is shown). */
export async function waitForApp(page: Page) {
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
