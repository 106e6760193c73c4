// What the benchmark's browser scripts share: their command line, Debian's Chromium, and a
// phone-sized page with its CPU slowed as Lighthouse's devtools throttling does.
import { chromium } from "@playwright/test";

/** The script's arguments: the URL first, then `--name value` options. */
export function commandLine() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  return { url: args[0], option, flag: (name) => args.includes(name) };
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
}

/** A fresh phone-sized page, its CPU slowed `rate` times; `cdp` is its DevTools session. */
export async function slowPhonePage(browser, rate) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  return { context, page, cdp };
}
