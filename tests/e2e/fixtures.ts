// Shared test setup: every test fails on a console error or warning, an uncaught page error or
// a CSP violation, the service worker's too where a test lets it in, and
// `expectNoAxeViolations` runs axe-core on the page as it is.
import { test as base, expect, type BrowserContext, type ConsoleMessage, type Page, type Worker } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { STATUS_CODES } from "node:http";
import { join, resolve } from "node:path";

type Fixtures = {
  /** Console messages that a test expects (e.g. a simulated 500), by their text and, given an
   * address, only for that address (`isAddress`); others fail the test. */
  allowConsole: (pattern: RegExp, address?: string) => void;
};

/** What the browser prints when a load fails, exactly: answered with `status` ("… status of 404
 * (Not Found)"), or a network error by name (`net::ERR_NAME_NOT_RESOLVED`). For `allowConsole`,
 * with the address that fails. */
export function failedLoad(status: number | `net::${string}`): RegExp {
  const reason = typeof status === "number" ? `the server responded with a status of ${status} (${STATUS_CODES[status]})` : status;
  return new RegExp(`^${`Failed to load resource: ${reason}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/** Whether `url` (a console message's `location().url`) is `address`: the same absolute
 * address, or one whose path ends with it, whole segments only (`posts/x.json` is the site's
 * file wherever the site is served from, but never `posts/other-x.json`). */
function isAddress(url: string, address: string) {
  if (!url) return false;
  const path = url.split(/[?#]/)[0];
  if (url === address || path === address) return true;
  return path.endsWith(`/${address.replace(/^\//, "")}`);
}

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
  // The page's console and, where a test lets the service worker in, the worker's too.
  allowConsole: [
    async ({ page, context, serviceWorkers }, use) => {
      const allowed: { pattern: RegExp; address?: string }[] = [];
      const problems: string[] = [];
      /** Documents answered with 404: an unknown address gets the Not Found page with a real
       * 404 status, which the browser reports on the console, for that address only. */
      const missingPages = new Set<string>();
      const check = (type: string, text: string, url: string, from: string) => {
        // Every warning counts too: a page patients get logs nothing at all.
        if (type !== "error" && type !== "warning") return;
        if (/status of 404/.test(text) && missingPages.has(url)) return;
        // A wasm preload the app has not taken up within a few seconds of the load event: never
        // without script, and late on a machine busy enough to start the app slowly. Chromium
        // warns then; the file is still used once the app runs (parts.spec counts requests).
        if (/\.wasm was preloaded using link preload but not used within a few seconds/.test(text)) return;
        // Playwright's own word that it kept the service worker out (playwright.config.ts).
        if (text === "Service Worker registration blocked by Playwright") return;
        const expected = allowed.some(({ pattern, address }) => pattern.test(text) && (address === undefined || isAddress(url, address)));
        if (!expected) problems.push(`${from} ${type}: ${text}${url ? ` (${url})` : ""}`);
      };
      // A service worker's `console.*` calls reach the context, with `worker()` set and no page
      // (Playwright also hands them to each page in the worker's scope: counted once, here).
      const fromServiceWorker = (msg: ConsoleMessage) => !!msg.worker() && !msg.page();
      page.on("console", (msg) => {
        if (!fromServiceWorker(msg)) check(msg.type(), msg.text(), msg.location().url, "page");
      });
      context.on("console", (msg) => {
        if (fromServiceWorker(msg)) check(msg.type(), msg.text(), msg.location().url, `service worker ${msg.worker()!.url()}`);
      });
      const stopWatchingWorkers =
        serviceWorkers === "allow" ? await watchServiceWorkerErrors(context, (type, text, url, worker) => check(type, text, url, `service worker ${worker}`)) : null;
      page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
      page.on("response", (response) => {
        if (response.request().resourceType() === "document" && response.status() === 404) {
          missingPages.add(response.url());
        }
      });
      await use((pattern, address) => allowed.push({ pattern, address }));
      await stopWatchingWorkers?.();
      expect(problems, "the console shows no errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** What a service worker prints that Playwright does not pass on (it reads only the worker's
 * `console.*` calls): its uncaught errors and unhandled rejections (`Runtime.exceptionThrown`),
 * and the browser's own messages on its console (`Log.entryAdded`). Read over a browser-level
 * CDP session attached to each worker the context starts (Playwright's own session stays
 * as it is); enabling the two domains replays what the worker printed before the session was
 * attached, so nothing from its first moments is missed. Returns what ends the watch. */
async function watchServiceWorkerErrors(
  context: BrowserContext,
  report: (type: string, text: string, url: string, worker: string) => void,
) {
  const browser = context.browser();
  if (!browser) return async () => {};
  const cdp = await browser.newBrowserCDPSession();
  /** The worker's address, by the session attached to it. */
  const sessions = new Map<string, string>();
  const targets = new Set<string>();
  cdp.on("Target.receivedMessageFromTarget", ({ sessionId, message }) => {
    const worker = sessions.get(sessionId);
    if (worker === undefined) return;
    const { method, params } = JSON.parse(message);
    if (method === "Runtime.exceptionThrown") {
      const details = params.exceptionDetails;
      const url = details.url ?? details.stackTrace?.callFrames?.[0]?.url ?? "";
      report("error", `${details.text} ${details.exception?.description ?? ""}`.trim(), url, worker);
    } else if (method === "Log.entryAdded") {
      report(params.entry.level, params.entry.text, params.entry.url ?? "", worker);
    }
  });
  const attach = async (worker: Worker) => {
    const { targetInfos } = await cdp.send("Target.getTargets");
    for (const target of targetInfos) {
      if (target.type !== "service_worker" || target.url !== worker.url() || targets.has(target.targetId)) continue;
      targets.add(target.targetId);
      // Not `flatten`: Playwright's CDP session sends no commands to a child session's id; the
      // worker's messages come wrapped in `Target.receivedMessageFromTarget` instead.
      const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: target.targetId, flatten: false });
      sessions.set(sessionId, target.url);
      for (const [id, method] of [[1, "Runtime.enable"], [2, "Log.enable"]] as const) {
        await cdp.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method }) });
      }
    }
  };
  // A worker stopped before it could be attached to has nothing more to say.
  const attaching: Promise<void>[] = [];
  const watch = (worker: Worker) => attaching.push(attach(worker).catch(() => {}));
  context.on("serviceworker", watch);
  context.serviceWorkers().forEach(watch);
  return async () => {
    context.off("serviceworker", watch);
    await Promise.all(attaching);
    await cdp.detach().catch(() => {});
  };
}

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

/** Waits until the app's start-up is over: `clinic:idle` on the performance timeline, marked
 * once everything that hydrating (or mounting) spawned, every effect's first run, has been
 * started (src/main.rs, `startup::run_held`), with whatever those spawned in turn. The app
 * marks the page `data-app="ready"` in the first of those effects, so a check that something
 * did not happen (a second request, a loading text) waits for this, not for that. */
export async function waitForStartUpOver(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName("clinic:idle").length > 0, undefined, APP_START);
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
 * text in an element of its own after the data block), and the old contact endpoint replaced
 * where the HTML names it (the form's `action`). */
function rewritePage(html: string, edit: (config: SiteConfig) => void): string {
  const block = /<script type="application\/json" id="prerender-data">[\s\S]*?<\/script>/;
  const resource = /(<script type="application\/json" data-resource>)([\s\S]*?)(<\/script>)/g;
  if (!block.test(html)) return html;
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
 * address). `edit` also gets how many pages loaded before this one (0 for the first). Only for
 * a configuration the build would have rendered the same way (another endpoint, a shorter
 * timeout): one that changes the HTML (no endpoint at all) is a build of its own, served with
 * `serveFolder` (contact.spec.ts uses dist-minimal/). */
export async function routeSiteConfig(page: Page, edit: (config: SiteConfig, loadsBefore: number) => void) {
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
    const body = rewritePage(await response.text(), (config) => edit(config, n));
    // The body is new: its length and encoding are no longer the server's.
    const headers = { ...response.headers() };
    delete headers["content-length"];
    delete headers["content-encoding"];
    return route.fulfill({ status: response.status(), headers, body });
  });
}

/** Serves `dir` (a symlink, so a test can switch it like a host switches deploys) on a port
 * of its own (give each test its own base, plus `testInfo.parallelIndex`, which a retried
 * test keeps); `stop` ends the server and removes the folder. */
export async function serveFolder(page: Page, target: string, port: number, flags: string[] = []) {
  const site = `http://127.0.0.1:${port}/`;
  // A server left on the port (by an interrupted run) would answer in this one's place.
  const taken = await page.request.get(site).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`port ${port} is taken by another server: stop it, or give the test another port`);
  const work = mkdtempSync(join(tmpdir(), "site-"));
  const live = join(work, "live");
  symlinkSync(target, live);
  const server: ChildProcess = spawn("node", [join(resolve(__dirname, "../.."), "tests/server/static.mjs"), "--dir", live, "--port", String(port), ...flags], { stdio: "ignore" });
  await expect.poll(async () => (await page.request.get(site).catch(() => null))?.status(), { timeout: 20_000 }).toBe(200);
  return {
    site,
    /** The host serves `next` from now on, and only that. */
    deploy(next: string) {
      const link = join(work, "next");
      symlinkSync(next, link);
      renameSync(link, live);
    },
    /** Ends the server, and resolves once it has exited: the next test may take the port. */
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill();
        await exited;
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}
