// Whole journeys against the release build, served like a CDN would (tests/server/static.mjs),
// at phone and desktop sizes, in Debian's Chromium. The form receiver runs beside it.
import { defineConfig } from "@playwright/test";

const base = process.env.SITE_BASE ?? "/";
const dist = process.env.SITE_DIST ?? "dist";
const sitePort = Number(process.env.SITE_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Generous for a busy 2-core machine: a test may start the app twice (a reload) and hold a
  // send back for seconds; a failing wait still fails at its own, shorter limit.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${sitePort}${base}`,
    trace: "off",
    // The site's service worker answers from its caches, out of reach of `page.route`, which
    // many journeys use to fake a slow or failing network: it is kept out of them.
    // tests/e2e/offline.spec.ts lets it in.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  ],
  webServer: [
    {
      command: `node tests/server/static.mjs --dir ${dist} --port ${sitePort}`,
      url: `http://127.0.0.1:${sitePort}${base}`,
      reuseExistingServer: !process.env.CI,
    },
    {
      command: "node tests/server/form-receiver.mjs --port 8787",
      url: "http://127.0.0.1:8787/_submissions",
      reuseExistingServer: !process.env.CI,
    },
  ],
});
