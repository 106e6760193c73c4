// The posts editor at /admin/ (Decap CMS), end to end on real files: the release build's editor,
// under the policy `_headers` gives it, saving through the local backend (decap-server) into a
// temporary copy of the repository's content. What it writes is read back from disk, built by
// the content build, and shown by the release app. The editor is not the app: these journeys
// use Playwright's own `test` (the fixtures' waits for the app do not apply), with the console
// and the policy's violations watched here.
import { test, expect, type Page } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectNoAxeViolations } from "./fixtures";

const ROOT = process.cwd();
const DIST = process.env.SITE_DIST ?? "dist";
const BACKEND_PORT = 8082;
const PHOTO = join(ROOT, "tests/fixtures/photo-site/content/images/treatment-room.jpg");

// One copy of the repository's content for the whole file, edited by one journey after another.
test.describe.configure({ mode: "serial" });
// The editor is a desktop tool; its journeys run once, at desktop size.
test.skip(({ isMobile }) => isMobile, "the editor's journeys run at desktop size");

let repo = "";
let backend: ChildProcess | undefined;
let localConfig = "";

/** The content build (crates/content) on the copy: its status and what it printed. */
function contentBuild(...args: string[]): { ok: boolean; output: string } {
  try {
    const output = execFileSync(
      "cargo",
      ["run", "--quiet", "--offline", "-p", "clinic-content", "--bin", "content", "--target-dir", "target/prerender", "--", ...args],
      { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return { ok: true, output };
  } catch (e: any) {
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.email=editor@test", "-c", "user.name=Editor", ...args], { cwd: repo, encoding: "utf8" });
}

test.beforeAll(async ({ baseURL }) => {
  repo = mkdtempSync(join(tmpdir(), "cms-repo-"));
  cpSync(join(ROOT, "content"), join(repo, "content"), { recursive: true });
  cpSync(join(ROOT, "public"), join(repo, "public"), { recursive: true });
  git("init", "-q");
  git("add", "-A");
  git("commit", "-qm", "the content as shipped");
  // The local backend on the copy, as scripts/serve.sh starts it on the working tree.
  backend = spawn("node", [join(ROOT, "node_modules/decap-server/dist/index.js")], {
    env: { ...process.env, GIT_REPO_DIRECTORY: repo, PORT: String(BACKEND_PORT), BIND_HOST: "127.0.0.1", MODE: "fs", LOG_LEVEL: "warn" },
    stdio: "inherit",
  });
  await expect
    .poll(async () => {
      try {
        const r = await fetch(`http://127.0.0.1:${BACKEND_PORT}/api/v1`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"action":"info"}' });
        return r.status;
      } catch {
        return 0;
      }
    }, { timeout: 30_000 })
    .toBe(200);
  // The development build's configuration (the local backend), made by the same generator.
  const file = join(repo, "config.yml");
  const made = contentBuild("cms-config", "--local-at", new URL("api/v1", baseURL).href, "--root", repo, "--out", file);
  expect(made.ok, made.output).toBe(true);
  localConfig = readFileSync(file, "utf8");
});

test.afterAll(() => {
  backend?.kill();
  if (repo) rmSync(repo, { recursive: true, force: true });
});

/** The release build's editor, saving to the local backend: its configuration swapped for the
 * development one with the backend at the page's own origin (`/api/v1`), passed on to
 * decap-server here, so the editor works under the policy `_headers` gives it in production.
 * Collects what the policy blocks and what the page throws. */
async function openEditor(page: Page, hash = "") {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as any).__violations = [...((window as any).__violations ?? []), `${e.effectiveDirective} ${e.blockedURI}`];
    });
  });
  await page.route("**/admin/config.yml", (route) => route.fulfill({ body: localConfig, contentType: "text/yaml" }));
  await page.route("**/api/v1", async (route) => {
    try {
      const response = await route.fetch({ url: `http://127.0.0.1:${BACKEND_PORT}/api/v1` });
      await route.fulfill({ response });
    } catch (e) {
      // The page closed while the editor was still asking (its background refresh).
      if (!page.isClosed()) throw e;
    }
  });
  await page.goto(`admin/${hash}`);
  await page.getByRole("button", { name: "Login" }).click();
  return problems;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__violations ?? []);
}

async function publish(page: Page) {
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now", { exact: true }).click();
}

const POST = "heat-or-ice-for-a-sore-back";
const POST_FILE = () => join(repo, "content/posts", `${POST}.md`);

async function fillNewPost(page: Page, { alt = true, draft = false, title = "Heat or ice for a sore back?" } = {}) {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Description", { exact: true }).fill(
    "When a warm pack helps, when a cold one does, and how long to use each without hurting your skin.",
  );
  await page.getByLabel("Author", { exact: true }).fill("Dr. Maya Okafor, DC");
  await page.getByLabel("Published", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Add tags" }).click();
  await page.getByLabel("Tag", { exact: true }).last().fill("self-care");
  await page.getByRole("button", { name: "Add tags" }).click();
  await page.getByLabel("Tag", { exact: true }).last().fill("low-back-pain");
  if (draft) await page.getByLabel("Draft (optional)", { exact: true }).click();
  await page.getByRole("button", { name: /choose an image/i }).click();
  await page.locator('input[type="file"]').setInputFiles(PHOTO);
  await page.getByRole("button", { name: /choose selected/i }).click();
  if (alt) await page.getByLabel("Alt text", { exact: true }).fill("A warm pack resting on a patient's lower back");
  await page.getByLabel("Caption (optional)", { exact: true }).fill("A warm pack for twenty minutes");
  await page.getByLabel("Attribution (optional)", { exact: true }).fill("Alder Creek Chiropractic");
  await page.getByLabel("Reviewer (optional)", { exact: true }).fill("Dr. Samuel Ortiz, MD");
  await page.getByLabel("Reviewed on (optional)", { exact: true }).fill("2026-11-30");
  const body = page.locator('[data-slate-editor="true"]').last();
  await body.click();
  await page.keyboard.type("Heat relaxes tight muscles after the first day.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Ice can ease a fresh strain. Wrap it in a towel.");
}

test("the editor's sign-in page: its own policy, never indexed, and accessible", async ({ page, request }) => {
  const violated: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`violation ${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (m.text().startsWith("violation")) violated.push(m.text());
  });
  const response = await page.goto("admin/");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("connect-src 'self' blob: https://api.github.com");
  expect(headers["content-security-policy"]).not.toContain("sha256-");
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin-allow-popups");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");
  // Production signs in with GitHub through the OAuth helper (content/cms.toml).
  await expect(page.getByRole("button", { name: "Login with GitHub" })).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page, "on the editor's sign-in page");
  expect(violated).toEqual([]);

  // A patient's page keeps the site's policy, and nothing of the editor reaches it.
  const home = await request.get("./");
  expect(home.headers()["content-security-policy"]).toContain("style-src 'self';");
  expect(home.headers()["x-robots-tag"]).toBeUndefined();
  expect(await home.text()).not.toContain("admin");
  for (const file of ["sw.js", "sitemap.xml"]) {
    expect(readFileSync(join(ROOT, DIST, file), "utf8"), file).not.toContain("admin");
  }
});

test("a new post with a photo and its alt text is saved as the content build reads it, built, and shown", async ({ page }) => {
  const problems = await openEditor(page, "#/collections/posts/new");
  await fillNewPost(page);
  await publish(page);
  await expect.poll(() => existsSync(POST_FILE()), { timeout: 20_000 }).toBe(true);
  // Saved where the content build makes clean copies of photos.
  expect(readdirSync(join(repo, "content/images"))).toContain("treatment-room.jpg");

  const text = readFileSync(POST_FILE(), "utf8");
  const [, front, body] = text.split(/^\+\+\+$/m);
  expect(front.trim().split("\n")).toEqual([
    'title = "Heat or ice for a sore back?"',
    'lang = "en"',
    'description = "When a warm pack helps, when a cold one does, and how long to use each without hurting your skin."',
    'author = "Dr. Maya Okafor, DC"',
    'published = "2026-12-01"',
    'tags = ["self-care", "low-back-pain"]',
    "draft = false",
    "",
    "[hero]",
    'src = "images/treatment-room.jpg"',
    'alt = "A warm pack resting on a patient\'s lower back"',
    'caption = "A warm pack for twenty minutes"',
    'attribution = "Alder Creek Chiropractic"',
    "",
    "[review]",
    'by = "Dr. Samuel Ortiz, MD"',
    'on = "2026-11-30"',
  ]);
  expect(body.trim()).toBe("Heat relaxes tight muscles after the first day.\n\nIce can ease a fresh strain. Wrap it in a towel.");
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);

  // The content build accepts it as written, with a clean copy of the photo...
  const built = contentBuild("--root", repo);
  expect(built.ok, built.output).toBe(true);
  const json = JSON.parse(readFileSync(join(repo, "public/posts", `${POST}.json`), "utf8"));
  expect(json.hero.src).toMatch(/^images\/generated\/treatment-room-[0-9a-f]{16}\.jpg$/);
  expect(json.hero.caption).toBe("A warm pack for twenty minutes. Photo: Alder Creek Chiropractic");

  // ...and the release app shows it, from what the build wrote. Not a pre-rendered page of
  // this build: the host answers with the Not Found page until the app takes over and fetches
  // the post, as for a post published after the build (photos.spec.ts does the same).
  const site = await page.context().newPage();
  await site.route(/\/posts\/[a-z0-9-]+\.json$/, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop()!;
    return route.fulfill({ path: join(repo, "public/posts", name), contentType: "application/json" });
  });
  await site.route(/\/images\/generated\/treatment-room-[^/]+$/, (route) => {
    const name = new URL(route.request().url()).pathname.split("/").pop()!;
    return route.fulfill({ path: join(repo, "public/images/generated", name) });
  });
  await site.goto(`blog/${POST}`);
  await expect(site.getByRole("heading", { level: 1 })).toHaveText("Heat or ice for a sore back?", { timeout: 30_000 });
  await expect(site.locator(".post__hero img")).toHaveAttribute("alt", "A warm pack resting on a patient's lower back");
  await expect(site.getByText("A warm pack for twenty minutes. Photo: Alder Creek Chiropractic")).toBeVisible();
  await expect(site.getByText("Ice can ease a fresh strain. Wrap it in a towel.")).toBeVisible();
});

test("editing an existing post's title changes that one line of its file", async ({ page }) => {
  const problems = await openEditor(page, "#/collections/posts/entries/lifting-safely");
  // The first: an image in the body has a "Title" of its own.
  const title = page.getByLabel("Title", { exact: true }).first();
  await expect(title).toHaveValue("Lifting safely: protect your back at home and at work");
  await title.fill("Lifting safely at home and at work");
  await publish(page);
  await expect.poll(() => git("diff", "--numstat", "--", "content/posts/lifting-safely.md"), { timeout: 20_000 }).toBe(
    "1\t1\tcontent/posts/lifting-safely.md\n",
  );
  const diff = git("diff", "-U0", "--", "content/posts/lifting-safely.md");
  expect(diff).toContain('\n-title = "Lifting safely: protect your back at home and at work"\n+title = "Lifting safely at home and at work"\n');
  expect(git("status", "--porcelain", "--", "content/posts")).toBe(" M content/posts/lifting-safely.md\n?? content/posts/" + POST + ".md\n");
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("a post without alt text for its image cannot be saved", async ({ page }) => {
  await openEditor(page, "#/collections/posts/new");
  await fillNewPost(page, { alt: false, title: "Walking after a back spasm" });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByText("Publish now", { exact: true }).click();
  await expect(page.getByText(/Alt text is required/i)).toBeVisible();
  // Still unsaved, and nothing on disk.
  await expect(page.getByText(/unsaved changes/i)).toBeVisible();
  expect(existsSync(join(repo, "content/posts/walking-after-a-back-spasm.md"))).toBe(false);
});

test("the Spanish collection lists the Spanish posts only, each with the English post it translates", async ({ page }) => {
  const problems = await openEditor(page, "#/collections/posts-es");
  for (const title of ["Cuándo consultar a un profesional por el dolor de espalda", "Síntomas de los espasmos de espalda"]) {
    await expect(page.getByText(title, { exact: false }).first()).toBeVisible();
  }
  await expect(page.getByText("When to see a professional for back pain")).toHaveCount(0);
  await page.getByText("Cuándo consultar a un profesional por el dolor de espalda").first().click();
  // The pair, chosen among the English posts by title.
  await expect(page.getByText("When to see a professional for back pain").first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test("what only the content build can check is refused with its file and line, as the deploy's log shows it", async ({ page }) => {
  await openEditor(page, "#/collections/posts/new");
  await fillNewPost(page, { title: "Spinal decompression explained" });
  // Prose the editor takes, and the reading-level check refuses (above grade 8).
  const body = page.locator('[data-slate-editor="true"]').last();
  await body.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(
    "Nonsurgical intervertebral decompression theoretically generates intradiscal negative pressure, " +
      "potentially facilitating retraction of herniated nuclear material, notwithstanding considerable " +
      "methodological heterogeneity characterizing contemporary investigational literature.",
  );
  await publish(page);
  const file = join(repo, "content/posts/spinal-decompression-explained.md");
  await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
  const refused = contentBuild("--root", repo);
  expect(refused.ok).toBe(false);
  expect(refused.output).toMatch(/^content\/posts\/spinal-decompression-explained\.md:\d+: .*grade/m);
  expect(refused.output).toContain("nothing was written");
  rmSync(file);
});

test("a draft is built for development and left out of a release build", async ({ page }) => {
  await openEditor(page, "#/collections/posts/new");
  await fillNewPost(page, { draft: true, title: "Sitting at a desk with sciatica" });
  await publish(page);
  const file = join(repo, "content/posts/sitting-at-a-desk-with-sciatica.md");
  await expect.poll(() => existsSync(file), { timeout: 20_000 }).toBe(true);
  expect(readFileSync(file, "utf8")).toContain("\ndraft = true\n");

  const index = () => readFileSync(join(repo, "public/posts/index.json"), "utf8");
  const json = join(repo, "public/posts/sitting-at-a-desk-with-sciatica.json");
  const development = contentBuild("--root", repo, "--drafts");
  expect(development.ok, development.output).toBe(true);
  expect(existsSync(json)).toBe(true);
  expect(index()).toContain('"sitting-at-a-desk-with-sciatica"');
  const release = contentBuild("--root", repo);
  expect(release.ok, release.output).toBe(true);
  expect(existsSync(json), "deleted by the release build").toBe(false);
  expect(index()).not.toContain("sitting-at-a-desk");
});

test("a release build with a draft in it publishes no trace of the draft", () => {
  // scripts/test.sh builds dist-next/ with a draft added (draft-for-the-release-test.md).
  const next = join(ROOT, "dist-next");
  test.skip(!existsSync(join(next, "sw.js")), "dist-next/ is built by scripts/test.sh");
  const slug = "a-draft-never-published";
  expect(existsSync(join(next, "posts", `${slug}.json`))).toBe(false);
  expect(existsSync(join(next, "blog", `${slug}.html`))).toBe(false);
  for (const file of ["posts/index.json", "sitemap.xml", "feed.xml", "sw.js"]) {
    expect(readFileSync(join(next, file), "utf8"), file).not.toContain(slug);
  }
});

// The editor's configuration for the release build is the one the repository's generator
// writes; the copy of it served here must be what a fresh build wrote.
test("the built editor's configuration is the generator's, saving to GitHub", () => {
  const config = JSON.parse(readFileSync(join(ROOT, DIST, "admin/config.yml"), "utf8"));
  expect(config.backend.name).toBe("github");
  expect(config.local_backend).toBeUndefined();
  expect(JSON.parse(localConfig).local_backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
  const { local_backend: _, ...withoutLocal } = JSON.parse(localConfig);
  expect(withoutLocal).toEqual(config);
});
