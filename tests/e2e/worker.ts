// What the journeys that let the service worker in ask of it: whether it controls the page,
// which deploy it serves, and what it keeps.
import { expect, type Page } from "@playwright/test";

/** Waits until the worker (registered once the app has started) controls the page. */
export async function workerControls(page: Page) {
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 30_000 }).toBe(true);
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
  await expect.poll(async () => { const v = await versions(page); return v.worker === v.page; }, { timeout: 30_000 }).toBe(true);
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
