// Photos end to end: a post written in Markdown with two JPEG photos uploaded to
// tests/fixtures/photo-site/content/images, built by the content build itself (global-setup.ts),
// served beside the release build, and read in the browser. The uploads are never published:
// the build writes clean copies (no camera metadata) and WebP copies to public/images/generated.
// The browser must choose one of the WebP copies, and lay the page out before any photo arrives.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations, waitForApp } from "./fixtures";
import { PHOTO_SITE } from "./global-setup";

const PUBLIC = join(PHOTO_SITE, "public");
const UPLOADS = join(PHOTO_SITE, "content/images");

/** Every file under `dir`, as paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Serves the fixture's post, index and images as if the site shipped them; records every
 * image the page asks for. */
async function serveFixture(page: Page, { index = false, photosArrive = Promise.resolve() } = {}) {
  const images: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "image") images.push(new URL(r.url()).pathname);
  });
  await page.route("**/posts/photo-test.json", (route) => route.fulfill({ path: join(PUBLIC, "posts/photo-test.json") }));
  if (index) await page.route("**/posts/index.json", (route) => route.fulfill({ path: join(PUBLIC, "posts/index.json") }));
  await page.route(/\/images\/generated\/(treatment-room|stretch-portrait)[^/]*\.(jpg|webp)$/, async (route) => {
    await photosArrive;
    const path = new URL(route.request().url()).pathname;
    return route.fulfill({
      path: join(PUBLIC, path.slice(path.indexOf("images/"))),
      contentType: path.endsWith(".webp") ? "image/webp" : "image/jpeg",
    });
  });
  return images;
}

type Shown = { currentSrc: string; /** the chosen file's pixel width */ naturalWidth: number; width: number; height: number; srcset: string };

/** Waits until `img` has loaded, and says which file the browser chose and how it is laid out. */
async function loaded(page: Page, selector: string): Promise<Shown> {
  const img = page.locator(selector);
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  return img.evaluate(async (i: HTMLImageElement) => {
    const box = i.getBoundingClientRect();
    // An image chosen from a `w` srcset reports its width divided by its density; the file's
    // own pixel width is what a plain image of the same file decodes to.
    const file = new Image();
    file.src = i.currentSrc;
    await file.decode();
    return { currentSrc: i.currentSrc, naturalWidth: file.naturalWidth, width: box.width, height: box.height, srcset: i.srcset };
  });
}

/** The `w` descriptors of a srcset, by file name. */
function candidates(srcset: string): Map<string, number> {
  return new Map(
    srcset.split(",").map((c) => {
      const [url, w] = c.trim().split(/\s+/);
      return [url.split("/").pop()!, Number(w.slice(0, -1))];
    }),
  );
}

test("the uploaded photos are not published: the post points at clean copies without metadata", () => {
  const published = filesUnder(PUBLIC);
  const uploads = readdirSync(UPLOADS);
  expect(uploads.sort()).toEqual(["stretch-portrait.jpg", "treatment-room.jpg"]);
  // What a camera leaves in a photo: the uploads carry EXIF (maker, a serial number) and XMP.
  const camera = ["Exif\0\0", "http://ns.adobe.com/xap/1.0/", "SERIAL-1234567"];
  for (const upload of uploads) {
    const bytes = readFileSync(join(UPLOADS, upload));
    for (const mark of camera) expect(bytes.includes(mark), `the upload ${upload} carries ${mark}`).toBe(true);
    expect(published.filter((p) => basename(p) === upload), `${upload} is not in the output`).toEqual([]);
  }
  // None of it reaches any published copy, JPEG or WebP.
  const copies = published.filter((p) => /\/images\/generated\/(treatment-room|stretch-portrait)-/.test(p));
  expect(copies.length).toBeGreaterThanOrEqual(8);
  for (const copy of copies) {
    const bytes = readFileSync(copy);
    for (const mark of camera) expect(bytes.includes(mark), `${basename(copy)} carries ${mark}`).toBe(false);
  }
  const post = JSON.parse(readFileSync(join(PUBLIC, "posts/photo-test.json"), "utf8"));
  const srcs: string[] = [post.hero.src, ...post.body.filter((b: any) => b.type === "image").map((b: any) => b.src)];
  expect(srcs).toHaveLength(2);
  for (const src of srcs) {
    expect(src).toMatch(/^images\/generated\/(treatment-room|stretch-portrait)-[0-9a-f]{16}\.jpg$/);
    const bytes = readFileSync(join(PUBLIC, src));
    expect(bytes.includes("Exif\0\0"), `${src} carries no EXIF`).toBe(false);
    expect(bytes.includes("http://ns.adobe.com/xap/1.0/"), `${src} carries no XMP`).toBe(false);
  }
});

test("a photo post offers WebP copies, and the browser loads one of them, never the original", async ({ page, allowConsole }, testInfo) => {
  // Not a pre-rendered page: the server answers with the Not Found page (and 404) until the
  // app takes over and fetches the post, as it would for a post added after the build.
  allowConsole(/status of 404/);
  let release: () => void = () => {};
  const images = await serveFixture(page, { photosArrive: new Promise<void>((resolve) => (release = resolve)) });
  await page.goto("blog/photo-test");
  await waitForApp(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A post with photos");

  const hero = page.locator(".post__hero img");
  await expect(hero).toHaveAttribute("alt", "Soft morning light in warm bands across a wall");
  // The fallback for browsers without WebP is the clean copy, never the upload.
  await expect(hero).toHaveAttribute("src", /images\/generated\/treatment-room-[0-9a-f]{16}\.jpg$/);
  await expect(hero).toHaveAttribute("width", "1600");
  await expect(hero).toHaveAttribute("height", "1000");
  await expect(hero).toHaveAttribute("fetchpriority", "high");
  await expect(hero).toHaveAttribute("loading", "eager");
  await expect(hero).toHaveAttribute("sizes", "(min-width: 45rem) 42rem, 100vw");
  const heroCopies = candidates((await hero.getAttribute("srcset")) ?? "");
  expect([...heroCopies.values()]).toEqual([480, 800, 1280]);

  const body = page.getByRole("img", { name: "A tall test photo in warm light" });
  await expect(body).toHaveAttribute("loading", "lazy");
  await expect(body).toHaveAttribute("src", /images\/generated\/stretch-portrait-[0-9a-f]{16}\.jpg$/);
  await expect(body).toHaveAttribute("width", "900");
  await expect(body).toHaveAttribute("height", "1200");
  // Never a copy wider than the photo: the widest is the photo's own width.
  expect([...candidates((await body.getAttribute("srcset")) ?? "").values()]).toEqual([480, 800, 900]);

  // Laid out from width and height before any photo has arrived, at the photos' proportions.
  for (const [img, ratio] of [[hero, 1000 / 1600], [body, 1200 / 900]] as const) {
    await img.scrollIntoViewIfNeeded();
    const box = (await img.boundingBox())!;
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), "not arrived yet").toBe(false);
    expect(Math.abs(box.height - box.width * ratio), "laid out at the photo's proportions").toBeLessThan(2);
  }
  release();

  for (const [name, selector, copies] of [
    ["hero", ".post__hero img", heroCopies],
    ["body", 'img[alt="A tall test photo in warm light"]', null],
  ] as const) {
    const shown = await loaded(page, selector);
    const file = shown.currentSrc.split("/").pop()!;
    const offered = copies ?? candidates(shown.srcset);
    expect(offered.has(file), `${name}: ${file} is one of the WebP copies`).toBe(true);
    expect(file).toMatch(/-[0-9a-f]{16}-\d+\.webp$/);
    // The file really is that copy: decoded at the width its descriptor promises.
    expect(shown.naturalWidth, `${name}: ${file} decodes at its width`).toBe(offered.get(file));
    if (testInfo.project.name === "phone") {
      expect(offered.get(file), `${name}: a phone gets a smaller copy than the widest`).toBeLessThan(Math.max(...offered.values()));
    }
  }
  expect(images.filter((p) => p.endsWith(".jpg")), "only WebP copies are downloaded, not even the clean JPEG").toEqual([]);
  await expectNoAxeViolations(page, "on a photo post");
});

test("the listing's card asks for a photo no wider than its column", async ({ page }) => {
  const images = await serveFixture(page, { index: true });
  // The app starts afresh on an unknown address (no pre-rendered data), and the listing it
  // opens from there loads the (fixture's) index. Not from the post: its larger hero copy in
  // the browser's cache would be taken for the card too.
  await page.goto("no-such-page");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
  const card = page.getByRole("main").getByRole("article");
  await expect(card).toHaveCount(1);
  const img = card.locator("img");
  await expect(img).toHaveAttribute("sizes", "(min-width: 62rem) 23rem, (min-width: 42rem) 50vw, 100vw");
  await expect(img).toHaveAttribute("loading", "lazy");
  const shown = await loaded(page, "main article img");
  const offered = candidates(shown.srcset);
  const file = shown.currentSrc.split("/").pop()!;
  expect(offered.get(file)).toBe(shown.naturalWidth);
  // No wider than the card's column needs on this screen: the smallest copy that covers the
  // column's width in device pixels, or a smaller one.
  const needed = shown.width * (await page.evaluate(() => window.devicePixelRatio));
  const widths = [...offered.values()].sort((a, b) => a - b);
  const enough = widths.find((w) => w >= needed) ?? widths.at(-1)!;
  expect(shown.naturalWidth, `a ${Math.round(shown.width)} px column at this density needs ${Math.round(needed)} px`).toBeLessThanOrEqual(enough);
  expect(images.filter((p) => p.endsWith(".jpg")), "only WebP copies are downloaded, not even the clean JPEG").toEqual([]);
  await expectNoAxeViolations(page, "on a listing with a photo");
});
