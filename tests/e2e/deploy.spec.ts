// Deploy skew: a tab opened before a deploy keeps the old app, whose own wasm files (the
// checklist's) an atomic deploy deletes. Two real builds: dist/ and dist-next/ (the same site
// after an edit to the checklist, built by scripts/test.sh), served from one folder that is
// switched from the first to the second, as a host switches deploys.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { test, expect, failedLoad, serveFolder, waitForApp } from "./fixtures";

const REPO = resolve(__dirname, "../..");
const BEFORE = join(REPO, "dist");
const AFTER = join(REPO, "dist-next");

test("a tab from before a deploy reloads once into the new version when it needs a file the deploy removed, keeping the draft", async ({ page, allowConsole }, testInfo) => {
  expect(existsSync(join(AFTER, "symptoms.html")), "dist-next/ is missing: scripts/test.sh builds it").toBe(true);
  // The old tab asks for its checklist file once, the host answers 404 (it is gone), and the
  // old app's loader reports the failed compile before the tab reloads.
  const oldChecklist = readdirSync(BEFORE).find((file) => /^split_checklist-[0-9a-f]+\.wasm$/.test(file))!;
  allowConsole(failedLoad(404), oldChecklist);
  // And the code it shares with other parts (wasm-split's `chunk-…`), where the edit changed it.
  const after = new Set(readdirSync(AFTER));
  for (const chunk of readdirSync(BEFORE).filter((file) => /^chunk-[0-9a-f]+\.wasm$/.test(file) && !after.has(file))) {
    allowConsole(failedLoad(404), chunk);
  }
  const oldLoader = readdirSync(BEFORE).find((file) => /^__wasm_split-[0-9a-f]+\.js$/.test(file))!;
  allowConsole(/^TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok$/, oldLoader);
  const host = await serveFolder(page, BEFORE, 4190 + testInfo.parallelIndex);
  try {
    const site = host.site;
    await page.goto(`${site}contact`);
    await waitForApp(page);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Blog" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back care articles");

    // The deploy: the folder the host serves now holds the new build, and only that.
    host.deploy(AFTER);

    const documents: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "document") documents.push(new URL(r.url()).pathname);
    });
    await nav.getByRole("link", { name: "Symptom checklist" }).click();
    // The new version's checklist, live: the page was reloaded into it.
    await expect(page.getByText("how soon you should be seen.")).toBeVisible({ timeout: 20_000 });
    await waitForApp(page);
    expect(documents, "one reload, of the page asked for").toEqual(["/symptoms"]);
    await page.locator("#symptom-neck-pain").check();
    await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
    await expect(page.getByText("We couldn't load")).toHaveCount(0);

    // What was typed before the deploy is still there.
    await nav.getByRole("link", { name: "Contact" }).click();
    await expect(page.getByLabel("Your name")).toHaveValue("Ada Lovelace");
  } finally {
    await host.stop();
  }
});
