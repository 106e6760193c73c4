// The release build as a static host serves it: security headers, caching, fallbacks, compression.
import { createHash } from "node:crypto";
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
  // HTTPS only, for a year, subdomains included.
  const hsts = headers["strict-transport-security"] ?? "";
  expect(Number(hsts.match(/max-age=(\d+)/)?.[1])).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts).toContain("includeSubDomains");
  // The form may be posted by the browser itself (no script yet): to the site and the endpoint.
  const formAction = csp.split(";").find((d) => d.trim().startsWith("form-action"))!;
  expect(formAction.trim().split(/\s+/).slice(1)).toEqual(["'self'", "https://aldercreek.example", "http://127.0.0.1:8787"]);
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

// Compression is the host's (here the test server's) doing, not the build's: not tested here.
test("hashed assets are cached forever, pages are revalidated, and data is kept five minutes", async ({ page, request }) => {
  const assets: Record<string, string | undefined> = {};
  page.on("response", (r) => {
    assets[new URL(r.url()).pathname] = r.headers()["cache-control"];
  });
  const doc = await page.goto("");
  await waitForApp(page);
  expect(doc!.headers()["cache-control"]).toBe("no-cache");
  const hashed = Object.entries(assets).filter(([p]) => /-[0-9a-f]{16}(_bg)?\.(wasm|js|css)$/.test(p));
  // The app's wasm, script and stylesheet, and the home page's own wasm with the code it shares.
  expect([...new Set(hashed.map(([p]) => p.split(".").pop()))].sort(), "the page's wasm, script and stylesheet").toEqual(["css", "js", "wasm"]);
  expect(hashed.map(([p]) => p).filter((p) => /\/split_home-/.test(p)), "the home page's wasm").toHaveLength(1);
  for (const [path, cache] of hashed) expect(cache, path).toBe("public, max-age=31536000, immutable");
  // Every script, wasm and stylesheet the page loads is named after its bytes, the part loader
  // included: nothing a page loads can be another build's file under the same name.
  const loaded = Object.keys(assets).filter((p) => /\.(wasm|js|css)$/.test(p));
  expect(loaded.filter((p) => !hashed.some(([h]) => h === p)), "files without a hash in their name").toEqual([]);
  expect(loaded.filter((p) => /\/__wasm_split-[0-9a-f]{16}\.js$/.test(p)), "the part loader").toHaveLength(1);
  // Trunk's names (a hash of cargo's wasm) are replaced by hashes of the files' own bytes.
  for (const path of loaded) {
    const bytes = await (await request.get(path.replace(/^\//, ""), { headers: { "accept-encoding": "identity" } })).body();
    const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
    if (!/\/(clinic-site|__wasm_split)-[0-9a-f]+\.js$/.test(path)) expect(path, "named after its bytes").toContain(`-${hash}`);
  }
  for (const path of ["site.json", "posts/index.json"]) {
    expect((await request.get(path)).headers()["cache-control"], path).toBe("public, max-age=300, must-revalidate");
  }
});

test("static hosts get their fallbacks: 404.html, _redirects, robots.txt and a sitemap", { tag: "@base-path" }, async ({ request, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  // Hosts answer unknown paths with 404.html and status 404: the pre-rendered Not Found page.
  const unknown = await request.get("not/a/page");
  expect(unknown.status()).toBe(404);
  const notFound = await unknown.text();
  expect(notFound).toContain("Page not found");
  expect(notFound).toMatch(new RegExp(`<base href="?${base}"?>`));
  // Hosts read _redirects and _headers at the publish root only, whatever the base path.
  const redirectsFile = await request.get("/_redirects");
  expect(redirectsFile.status()).toBe(200);
  const redirects = await redirectsFile.text();
  expect(redirects).toMatch(/^# Generated by the build \(crates\/build\)/);
  // No catch-all rewrite: it would hide the pre-rendered pages on Cloudflare Pages.
  expect(redirects).not.toMatch(/^[^#].*index\.html/m);
  const headersFile = await request.get("/_headers");
  expect(headersFile.status()).toBe(200);
  // Its security rule covers the whole host, the root's Not Found page included.
  expect(await headersFile.text()).toMatch(/^\/\*\n  Content-Security-Policy: /m);
  expect(unknown.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // Crawlers look for robots.txt at the host's root.
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/);
  const sitemap = await (await request.get("sitemap.xml")).text();
  expect(sitemap).toContain("/symptoms</loc>");
  // Addresses have one form, without a trailing slash, as the canonical links write them.
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  expect(locs).toContain(`https://aldercreek.example${base}blog/topic/posture`);
  // The home page is the one address that is its folder.
  expect(locs).toContain(`https://aldercreek.example${base}`);
  for (const loc of locs.filter((l) => l !== `https://aldercreek.example${base}`)) expect(loc, loc).not.toMatch(/\/$/);
  // (Redirecting "/blog/" to "/blog" is the host's doing, here the test server's: not tested.)
});
