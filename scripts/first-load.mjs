// Measures what a first visit to each route transfers, as a browser sees it: loads the route
// in headless Chromium from the CDN-like local server (brotli), then sums the encoded bytes of
// the document and every resource, with images counted apart.
//   node scripts/first-load.mjs <base-url> <route> [<route> ...]
import { chromium } from "@playwright/test";

const [baseUrl, ...routes] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
});
console.log(`${"route".padEnd(48)}${"requests".padStart(9)}${"KB (no images)".padStart(16)}${"KB images".padStart(11)}`);
for (const route of routes) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const sizes = [];
  page.on("requestfinished", async (request) => {
    const s = await request.sizes().catch(() => null);
    if (s) sizes.push({ type: request.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize });
  });
  await page.goto(baseUrl + route, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const images = sizes.filter((s) => s.type === "image").reduce((t, s) => t + s.bytes, 0);
  const rest = sizes.filter((s) => s.type !== "image").reduce((t, s) => t + s.bytes, 0);
  console.log(`${("/" + route).padEnd(48)}${String(sizes.length).padStart(9)}${(rest / 1024).toFixed(1).padStart(16)}${(images / 1024).toFixed(1).padStart(11)}`);
  await context.close();
}
await browser.close();
