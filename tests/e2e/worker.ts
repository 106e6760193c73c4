// What the journeys that let the service worker in ask of it: whether it controls the page,
// which deploy it serves, and what it keeps. The waits for the worker (`timeout: 0`) last as
// long as the test may: installing a version fetches and stores every precached file, which on
// a busy 2-core machine took more than 30 seconds now and then; the journeys that use them are
// marked slow (three times the usual limit).
import { expect, type Page } from "@playwright/test";

/** Waits until the worker (registered once the app has started) controls the page. */
export async function workerControls(page: Page) {
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 0 }).toBe(true);
}

/** The deploy the page came from, and the one the worker in charge serves (null: none). */
export function versions(page: Page) {
  return page.evaluate(async () => {
    const own = document.querySelector<HTMLMetaElement>('meta[name="build-version"]')?.content ?? null;
    const controller = navigator.serviceWorker.controller;
    if (!controller) return { page: own, worker: null };
    const channel = new MessageChannel();
    const worker = await new Promise<string>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
      controller.postMessage({ type: "version" }, [channel.port2]);
    });
    return { page: own, worker };
  });
}

/** Waits until the worker in charge is of the page's own version (a page opened after a deploy
 * lets the new version's worker take over once it has installed). */
export async function ownVersionInCharge(page: Page) {
  await expect.poll(async () => { const v = await versions(page); return v.worker === v.page; }, { timeout: 0 }).toBe(true);
}

/** Every entry of the site's caches: the cache, the address, and the text of the body. */
export async function cacheEntries(page: Page) {
  return page.evaluate(async () => {
    const entries: { cache: string; url: string; method: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response?.headers.get("content-type") ?? "";
        const body = /text|json|javascript|xml/.test(type) ? await response!.text() : "";
        entries.push({ cache: name, url: request.url, method: request.method, body });
      }
    }
    return entries;
  });
}

/** The paths saved for reading (article pages and their JSON). */
export async function savedPaths(page: Page) {
  return (await cacheEntries(page)).filter((e) => e.cache.endsWith(" articles")).map((e) => new URL(e.url).pathname);
}

/** Has the browser try to install the newest version once more, watched from the start, and
 * says how that try ended: "redundant" when it failed (an earlier try under way is let end
 * first, since the next starts only then). */
export async function installTried(page: Page) {
  return page.evaluate(async () => {
    const registration = (await navigator.serviceWorker.getRegistration())!;
    const ended = (worker: ServiceWorker) =>
      new Promise<string>((resolve) => {
        const done = () => ["redundant", "installed", "activated"].includes(worker.state);
        if (done()) resolve(worker.state);
        worker.addEventListener("statechange", () => done() && resolve(worker.state));
      });
    if (registration.installing) await ended(registration.installing);
    const found = new Promise<ServiceWorker>((resolve) => registration.addEventListener("updatefound", () => resolve(registration.installing!), { once: true }));
    await registration.update();
    return ended(await found);
  });
}

/** Waits until no try to install is under way (each page load may queue one) and the site's
 * precaches are `precaches`. */
export async function installsOver(page: Page, precaches: string[]) {
  const state = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        precaches: (await caches.keys()).filter((name) => name.includes(" precache ")),
        trying: !!(registration?.installing || registration?.waiting),
      };
    });
  await expect.poll(state, { timeout: 0 }).toEqual({ precaches, trying: false });
}
