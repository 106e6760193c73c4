// The release build as a static host serves it: security headers, caching, fallbacks, compression.
import { test, expect, waitForApp } from "./fixtures";

test("the document is served with a strict CSP and the other security headers", { tag: "@base-path" }, async ({ page }) => {
  const response = await page.goto("contact");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).toContain("'wasm-unsafe-eval'");
  expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The app still starts under that policy (the inline loader is allowed by its hash)...
  await waitForApp(page);
});

test("the CSP really is enforced: an injected inline script does not run", async ({ page, allowConsole }) => {
  allowConsole(/Content Security Policy|Refused to execute inline script/);
  await page.goto("");
  await waitForApp(page);
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined();
});

test("hashed assets are cached forever, HTML and JSON are revalidated, and text is compressed", async ({ page, request }) => {
  const assets: Record<string, { cache?: string; encoding?: string }> = {};
  page.on("response", (r) => {
    const path = new URL(r.url()).pathname;
    assets[path] = { cache: r.headers()["cache-control"], encoding: r.headers()["content-encoding"] };
  });
  const doc = await page.goto("");
  await waitForApp(page);
  expect(doc!.headers()["cache-control"]).toBe("no-cache");
  const wasm = Object.entries(assets).find(([p]) => p.endsWith(".wasm"))!;
  expect(wasm[1].cache).toContain("immutable");
  expect(wasm[1].encoding).toBe("br");
  const js = Object.entries(assets).find(([p]) => p.endsWith(".js"))!;
  expect(js[1].cache).toContain("immutable");
  const site = await request.get("site.json");
  expect(site.headers()["cache-control"]).toContain("max-age=300");
});

test("static hosts get their fallbacks: 404.html, _redirects, robots.txt and a sitemap", { tag: "@base-path" }, async ({ request, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  // Hosts answer unknown paths with 404.html and status 404: the pre-rendered Not Found page.
  const unknown = await request.get("not/a/page");
  expect(unknown.status()).toBe(404);
  const notFound = await unknown.text();
  expect(notFound).toContain("Page not found");
  expect(notFound).toMatch(new RegExp(`<base href="?${base}"?>`));
  // No catch-all rewrite: it would hide the pre-rendered pages on Cloudflare Pages.
  const redirects = await (await request.get("_redirects")).text();
  expect(redirects).not.toMatch(/^[^#].*index\.html/m);
  const robots = await (await request.get("robots.txt")).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
  const sitemap = await (await request.get("sitemap.xml")).text();
  expect(sitemap).toContain("/symptoms</loc>");
  // Addresses have one form, without a trailing slash: the sitemap, the canonical links and
  // the server agree.
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toContain(`https://aldercreek.example${base}blog/topic/posture`);
  for (const loc of locs) expect(loc, loc).not.toMatch(/\/$/);
  const slashed = await request.get("blog/", { maxRedirects: 0 });
  expect(slashed.status()).toBe(308);
  expect(slashed.headers()["location"]).toBe(`${base}blog`);
});
