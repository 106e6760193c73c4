// Posts are written in Markdown (content/posts/*.md) and built by `trunk build` alone: every
// one of them reaches the listing, its own page, the Atom feed and the sitemap. The feed is read
// by a real feed parser (@rowanmanning/feed-parser), as a feed reader would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./fixtures";

const SITE = "https://aldercreek.example";
const POSTS = join(__dirname, "../../content/posts");
/** The Markdown posts of each language (a Spanish post says `lang = "es"`): each language has
 * its own index, listing and feed. */
const markdown = readdirSync(POSTS).filter((f) => f.endsWith(".md"));
const isSpanish = (file: string) => /^lang\s*=\s*"es"\s*$/m.test(readFileSync(join(POSTS, file), "utf8"));
const slugs = (files: string[]) => files.map((f) => f.replace(/\.md$/, "")).sort();
const sources = slugs(markdown.filter((f) => !isSpanish(f)));
const sourcesEs = slugs(markdown.filter(isSpanish));
type Summary = { slug: string; title: string; description: string; author: string; published: string; updated?: string; hero: { src: string; alt?: string } };
type Previews = Record<string, { src: string; type: string }>;

/** The post index and the heroes' raster copies (crates/model/src/blog/preview.rs) as the served build has
 * them, not as the source tree does: what the feed and the sitemap were built from. Every
 * Markdown post is in it, so an empty or stale index fails here. */
async function served(request: APIRequestContext): Promise<{ index: Summary[]; previews: Previews }> {
  const index: Summary[] = await (await request.get("posts/index.json")).json();
  const previews: Previews = await (await request.get("images/previews/previews.json")).json();
  expect(index.map((p) => p.slug).sort(), "the served index has every Markdown post").toEqual(sources);
  return { index, previews };
}

test("every Markdown post is built into the index, the listing and a page of its own", async ({ page, request }) => {
  expect(sources.length).toBeGreaterThan(0);
  const { index } = await served(request);
  await page.goto("blog");
  const cards = page.getByRole("main").getByRole("article");
  await expect(cards).toHaveCount(sources.length);
  for (const post of index) {
    await expect(cards.getByRole("link", { name: post.title })).toHaveAttribute("href", `/blog/${post.slug}`);
    const html = await (await request.get(`blog/${post.slug}`)).text();
    expect(html, post.slug).toContain(`<title>${post.title.replace(/&/g, "&amp;")} · Alder Creek Chiropractic</title>`);
  }
});

test("the Atom feed parses, and lists every post with its title, link, dates, author, summary and picture", { tag: "@base-path" }, async ({ request, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  const { index, previews } = await served(request);
  const response = await request.get("feed.xml");
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe("atom");
  // Atom requires an id and an updated date on the feed and on every entry (the parser would
  // make up what is missing, so count them in the file).
  const entries = xml.match(/<entry>/g)?.length ?? 0;
  expect(entries).toBe(sources.length);
  expect(xml.match(/<id>[^<]+<\/id>/g)).toHaveLength(entries + 1);
  expect(xml.match(/<updated>\d{4}-\d\d-\d\dT00:00:00Z<\/updated>/g)).toHaveLength(entries + 1);
  expect(feed.title).toBe("Alder Creek Chiropractic: articles");
  expect(feed.url).toBe(`${SITE}${base}blog`);
  expect(feed.self).toBe(`${SITE}${base}feed.xml`);
  expect(feed.items.map((item) => item.url).sort()).toEqual(sources.map((slug) => `${SITE}${base}blog/${slug}`));
  for (const post of index) {
    const item = feed.items.find((i) => i.url === `${SITE}${base}blog/${post.slug}`)!;
    expect(item.id, "an entry's id is its address").toBe(item.url);
    expect(item.title).toBe(post.title);
    expect(item.description).toBe(post.description);
    expect(item.authors.map((a) => a.name)).toEqual([post.author]);
    expect(item.published?.toISOString().slice(0, 10)).toBe(post.published);
    expect(item.updated?.toISOString().slice(0, 10)).toBe(post.updated ?? post.published);
    // The raster copy of the hero, which feed readers can show (many would not show an SVG).
    expect(item.image?.url).toBe(`${SITE}${base}${previews[post.slug].src}`);
    expect(item.image?.title).toBe(post.hero.alt ?? "");
    expect(xml).toContain(`<link rel="enclosure" type="image/png" href="${SITE}${base}${previews[post.slug].src}"`);
  }
  // The feed's own date is its newest change.
  const latest = index.map((p) => p.updated ?? p.published).sort().at(-1);
  expect(feed.updated?.toISOString().slice(0, 10)).toBe(latest);
});

// Text with markup characters in every field of an entry: the build's own test of its writer
// (crates/build/src/feed.rs, `text_with_markup_characters_stays_text_…`).

test("every page links the feed for autodiscovery, and the listing links it for people", { tag: "@base-path" }, async ({ page, request, baseURL }) => {
  const base = new URL(baseURL!).pathname;
  for (const path of ["", "blog", "symptoms", "contact", `blog/${sources[0]}`]) {
    const html = await (await request.get(path)).text();
    // The minifier writes attributes in its own order, without quotes where none are needed.
    const feedLinks = [...html.matchAll(/<link\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /\brel="?alternate\b/.test(tag) && /\btype="?application\/atom\+xml\b/.test(tag));
    expect(feedLinks, `/${path}`).toHaveLength(1);
    expect(feedLinks[0]).toMatch(/\bhref="?feed\.xml\b/);
    expect(feedLinks[0]).toMatch(/\btitle="?Articles\b/);
  }
  await page.goto("blog");
  const link = page.getByRole("link", { name: "Follow new articles (Atom feed)" });
  await expect(link).toHaveAttribute("href", `${base}feed.xml`);
  await expectNoAxeViolations(page, "with the feed link");
  // A file, not a page of the app: the browser fetches it instead of the router. Shown as an
  // XML document, it has no icon link, so the browser asks for /favicon.ico, which the site
  // does not have (its pages say `rel=icon href=data:,`).
  await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
  const [response] = await Promise.all([page.waitForResponse(/feed\.xml$/), link.click()]);
  expect(response.status()).toBe(200);
});

test("the sitemap gives each post the date it last changed", async ({ request }) => {
  const { index } = await served(request);
  const sitemap = await (await request.get("sitemap.xml")).text();
  for (const post of index) {
    expect(sitemap).toContain(`<url><loc>${SITE}/blog/${post.slug}</loc><lastmod>${post.updated ?? post.published}</lastmod>`);
  }
  const spanish: Summary[] = await (await request.get("posts/index.es.json")).json();
  expect(spanish.map((p) => p.slug).sort()).toEqual(sourcesEs);
  for (const post of spanish) {
    expect(sitemap).toContain(`<url><loc>${SITE}/es/blog/${post.slug}</loc><lastmod>${post.updated ?? post.published}</lastmod>`);
  }
});

test("the Spanish posts have their own feed, linked from every Spanish page", async ({ request }) => {
  expect(sourcesEs.length).toBeGreaterThan(0);
  const spanish: Summary[] = await (await request.get("posts/index.es.json")).json();
  expect(spanish.map((p) => p.slug).sort(), "the Spanish index has every Spanish post").toEqual(sourcesEs);
  const xml = await (await request.get("es/feed.xml")).text();
  const feed = parseFeed(xml);
  expect(xml).toContain('xml:lang="es"');
  expect(feed.title).toBe("Alder Creek Chiropractic: artículos");
  expect(feed.url).toBe(`${SITE}/es/blog`);
  expect(feed.self).toBe(`${SITE}/es/feed.xml`);
  expect(feed.items.map((item) => item.url).sort()).toEqual(sourcesEs.map((slug) => `${SITE}/es/blog/${slug}`));
  // The English feed has none of them.
  const english = await (await request.get("feed.xml")).text();
  for (const slug of sourcesEs) expect(english).not.toContain(`/blog/${slug}<`);
  for (const path of ["es", "es/blog", "es/sintomas", `es/blog/${sourcesEs[0]}`]) {
    const html = await (await request.get(path)).text();
    const feedLinks = [...html.matchAll(/<link\b[^>]*>/g)]
      .map((m) => m[0])
      .filter((tag) => /\brel="?alternate\b/.test(tag) && /\btype="?application\/atom\+xml\b/.test(tag));
    expect(feedLinks, `/${path}`).toHaveLength(1);
    expect(feedLinks[0]).toMatch(/\bhref="?es\/feed\.xml\b/);
    expect(feedLinks[0]).toMatch(/\btitle="?Artículos\b/);
  }
});

test("a reviewed post says who reviewed it, when, and when the next review is due", async ({ page }) => {
  await page.goto("blog/back-spasms-causes-and-relief");
  const dates = page.locator(".post__dates");
  await expect(dates.getByRole("listitem").filter({ hasText: "Medically reviewed by" })).toContainText(/^Medically reviewed by Dr\. Samuel Ortiz, MD on .*2025$/);
  await expect(dates.getByRole("listitem").filter({ hasText: "Next review due" })).toContainText(/^Next review due .*2026$/);
  await expect(dates.locator("time[datetime='2026-03-01']")).toBeVisible();
});
