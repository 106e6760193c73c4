// Shared test setup: every test fails on a console error, an uncaught page error or a CSP
// violation, and `expectNoAxeViolations` runs axe-core on the page as it is.
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

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
      /** Documents answered with 404: an unknown address gets the Not Found page with a real
       * 404 status, which the browser reports on the console, for that address only. */
      const missingPages = new Set<string>();
      page.on("console", (msg) => {
        // Every warning counts too: a page patients get logs nothing at all.
        if (msg.type() !== "error" && msg.type() !== "warning") return;
        const text = msg.text();
        if (/status of 404/.test(text) && missingPages.has(msg.location().url)) return;
        // A wasm preload the app has not taken up within a few seconds of the load event: never
        // without script, and late on a machine busy enough to start the app slowly. Chromium
        // warns then; the file is still used once the app runs (chunks.spec counts requests).
        if (/\.wasm was preloaded using link preload but not used within a few seconds/.test(text)) return;
        // Playwright's own word that it kept the service worker out (playwright.config.ts).
        if (text === "Service Worker registration blocked by Playwright") return;
        if (!allowed.some((re) => re.test(text))) problems.push(`${msg.type()}: ${text}`);
      });
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      page.on("response", (response) => {
        if (response.request().resourceType() === "document" && response.status() === 404) {
          missingPages.add(response.url());
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

type SiteConfig = Record<string, unknown>;

/** Finds the clinic's configuration inside a decoded resource (it travels as `{"Ok": {…}}`). */
function findConfig(value: unknown): SiteConfig | null {
  if (!value || typeof value !== "object") return null;
  if ("clinic_name" in (value as object)) return value as SiteConfig;
  for (const inner of Object.values(value as object)) {
    const found = findConfig(inner);
    if (found) return found;
  }
  return null;
}

/** The page with its configuration edited where hydration reads it (each resource is a JSON
 * text in an element of its own after the data block), the old contact endpoint replaced where
 * the HTML names it (the form's `action`), or, with `mount`, the data removed. */
function rewritePage(html: string, edit: (config: SiteConfig) => void, mount: boolean): string {
  const block = /<script type="application\/json" id="prerender-data">[\s\S]*?<\/script>/;
  const resource = /(<script type="application\/json" data-resource>)([\s\S]*?)(<\/script>)/g;
  if (!block.test(html)) return html;
  if (mount) return html.replace(block, "").replace(resource, "");
  let before: unknown = null;
  let after: unknown = null;
  let page = html.replace(resource, (whole, open, json, close) => {
    let decoded: unknown;
    try {
      decoded = JSON.parse(json);
    } catch {
      return whole;
    }
    const config = findConfig(decoded);
    if (!config) return whole;
    before = config.contact_endpoint;
    edit(config);
    after = config.contact_endpoint;
    return open + JSON.stringify(decoded).replace(/</g, "\\u003c") + close;
  });
  if (typeof before === "string" && typeof after === "string" && before !== after) {
    page = page.replaceAll(`action="${before}"`, `action="${after}"`);
  }
  return page;
}

/** Gives the app another configuration from outside, wherever it reads it: the data block of
 * every pre-rendered page it hydrates, and `site.json` for a page it mounts afresh (an unknown
 * address). `edit` also gets how many pages loaded before this one (0 for the first). With
 * `mount`, pages lose their data block, so the app mounts afresh and reads `site.json`: only
 * for a configuration that changes what the build would have rendered (no contact endpoint). */
export async function routeSiteConfig(
  page: Page,
  edit: (config: SiteConfig, loadsBefore: number) => void,
  options: { mount?: boolean } = {},
) {
  let loads = 0;
  // A page the test answers itself has no address of its own, so Chromium counts it as a
  // public site asking for the loopback receiver, which a real site never is: allow it.
  await page.context().grantPermissions(["local-network-access"]);
  await page.route("**/*", async (route) => {
    const request = route.request();
    const isSiteJson = new URL(request.url()).pathname.endsWith("/site.json");
    // Only the site's own reads: a form the browser posts goes to the receiver untouched.
    if (request.method() !== "GET" || (request.resourceType() !== "document" && !isSiteJson)) return route.fallback();
    const response = await route.fetch();
    const type = response.headers()["content-type"] ?? "";
    if (isSiteJson) {
      const json = await response.json();
      edit(json, loads++);
      return route.fulfill({ response, json });
    }
    if (!type.startsWith("text/html")) return route.fulfill({ response });
    const n = loads++;
    const body = rewritePage(await response.text(), (config) => edit(config, n), !!options.mount);
    // The body is new: its length and encoding are no longer the server's.
    const headers = { ...response.headers() };
    delete headers["content-length"];
    delete headers["content-encoding"];
    return route.fulfill({ status: response.status(), headers, body });
  });
}

/** Serves `dir` (a symlink, so a test can switch it like a host switches deploys) on a port
 * of its own; `stop` ends the server and removes the folder. */
export async function serveFolder(page: Page, target: string, port: number, flags: string[] = []) {
  const work = mkdtempSync(join(tmpdir(), "site-"));
  const live = join(work, "live");
  symlinkSync(target, live);
  const server: ChildProcess = spawn("node", [join(resolve(__dirname, "../.."), "tests/server/static.mjs"), "--dir", live, "--port", String(port), ...flags], { stdio: "ignore" });
  const site = `http://127.0.0.1:${port}/`;
  await expect.poll(async () => (await page.request.get(site).catch(() => null))?.status(), { timeout: 20_000 }).toBe(200);
  return {
    site,
    /** The host serves `next` from now on, and only that. */
    deploy(next: string) {
      const link = join(work, "next");
      symlinkSync(next, link);
      renameSync(link, live);
    },
    stop() {
      server.kill();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
