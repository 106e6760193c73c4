// Every route arrives as complete HTML rendered at build time by the same components, and the
// browser hydrates it into the app: readable without script, with its own head, and taken
// over without a second request, a console error or a change of what is shown.
import type { Page } from "@playwright/test";
import { test, expect, expectAppStarted, waitForApp, waitForStartUpOver } from "./fixtures";

const posts: { slug: string; title: string }[] = [
  { slug: "lifting-safely", title: "Lifting safely: protect your back at home and at work" },
  { slug: "back-spasms-causes-and-relief", title: "Back spasms: what causes them and how to ease the pain" },
  { slug: "sleep-positions-for-back-pain", title: "Sleep positions that go easier on your back" },
];

const pages = [
  { path: "", h1: "Alder Creek Chiropractic", text: "Desk posture for a healthier back", canonical: "/" },
  { path: "visit", h1: "Visit the clinic", text: "Opening hours", canonical: "/visit" },
  { path: "blog", h1: "Back care articles", text: "Lifting safely", canonical: "/blog" },
  { path: "symptoms", h1: "Back pain symptom checklist", text: "This checklist is not a diagnosis.", canonical: "/symptoms" },
  { path: "contact", h1: "Contact the clinic", text: "(503) 555-0142", canonical: "/contact" },
  { path: "message-sent", h1: "Thank you, your message has been sent", text: "within one working day", canonical: "/message-sent" },
  ...posts.map((p) => ({ path: `blog/${p.slug}`, h1: p.title, text: "min read", canonical: `/blog/${p.slug}` })),
  { path: "blog/topic/posture", h1: "Articles about posture", text: "Desk posture for a healthier back", canonical: "/blog/topic/posture" },
];

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  for (const p of pages) {
    test(`/${p.path} is complete HTML with its heading, text and head tags`, async ({ page, request }) => {
      const response = await page.goto(p.path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
      await expect(page.getByRole("main")).toContainText(p.text);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      const head = page.locator("head");
      await expect(head.locator("title")).toHaveCount(1);
      await expect(page).toHaveTitle(/· Alder Creek Chiropractic$|^Alder Creek Chiropractic$/);
      for (const selector of [
        'meta[name="description"]',
        'link[rel="canonical"]',
        'meta[property="og:title"]',
        'meta[property="og:description"]',
        'meta[property="og:url"]',
        'meta[property="og:type"]',
        'meta[name="twitter:card"]',
      ]) {
        await expect(head.locator(selector), selector).toHaveCount(1);
      }
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${p.canonical}$`));
      // A link-preview client reads the same file without running anything.
      const html = await (await request.get(p.path)).text();
      expect(html).toContain(`<h1`);
      expect(html).not.toContain("<noscript>");
    });
  }

  test("an article's preview has its own title, description, image with alt, and BlogPosting JSON-LD", async ({ page }) => {
    await page.goto("blog/lifting-safely");
    const head = page.locator("head");
    await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", posts[0].title);
    await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(head.locator('meta[property="og:image"]')).toHaveAttribute(
      "content",
      /^https:\/\/aldercreek\.example\/images\/previews\/lifting-safely-[0-9a-f]{16}\.png$/,
    );
    await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute("content", /squatting/);
    const ld = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(ld["@type"]).toBe("BlogPosting");
  });

  test("every article's link preview is a PNG 1200 px wide that the site serves, also named by its JSON-LD", async ({ request }) => {
    // Messaging apps and social networks draw no SVG: the preview is the content build's
    // raster copy of the hero (src/content_build/previews.rs), never the drawing itself.
    const index: { slug: string }[] = await (await request.get("posts/index.json")).json();
    expect(index.length).toBeGreaterThan(0);
    for (const { slug } of index) {
      const html = await (await request.get(`blog/${slug}`)).text();
      const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1] ?? "";
      expect(image, slug).toMatch(new RegExp(`^https://aldercreek\\.example/images/previews/${slug}-[0-9a-f]{16}\\.png$`));
      const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1] ?? "{}");
      expect(ld.image, `${slug}: the JSON-LD names the same picture`).toBe(image);
      const file = await request.get(image.replace("https://aldercreek.example/", ""));
      expect(file.status(), image).toBe(200);
      expect(file.headers()["content-type"]).toBe("image/png");
      const png = await file.body();
      // A PNG's width and height are bytes 16–23, in its IHDR chunk. The demo drawings are 16:9.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 675]);
    }
  });

  test("the home, Visit and contact pages describe the clinic as a Chiropractor with address and phone", async ({ page }) => {
    for (const path of ["", "visit", "contact"]) {
      await page.goto(path);
      const scripts = page.locator('head script[type="application/ld+json"]');
      await expect(scripts).toHaveCount(1);
      const ld = JSON.parse((await scripts.textContent()) ?? "{}");
      expect(ld["@type"]).toBe("Chiropractor");
      expect(ld.telephone).toBe("+15035550142");
      expect(ld.address.postalCode).toBe("97000");
    }
  });

  test("topics filter the listing by themselves: each topic link opens its own page", async ({ page }) => {
    await page.goto("blog");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(8);
    await page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: /^posture/ }).click();
    await expect(page).toHaveURL(/\/blog\/topic\/posture$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles about posture");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(2);
    await expect(page.getByRole("navigation", { name: "Topics" }).getByRole("link", { name: /^posture/ })).toHaveAttribute("aria-current", "true");
    // A post's own topic links lead to the same pages.
    await page.goto("blog/lifting-safely");
    await page.locator(".post__tags").getByRole("link", { name: "prevention" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Articles about prevention");
  });

  test("the checklist says that ticking needs the page to finish loading, and where to turn meanwhile", async ({ page }) => {
    await page.goto("symptoms");
    const note = page.getByText("the page has not finished loading");
    await expect(note).toBeVisible();
    await expect(note.getByRole("link", { name: "call 911" })).toHaveAttribute("href", "tel:911");
  });

  // Posting it for real, and landing on the thank-you page, is in contact.spec.ts.
  test("the contact form names the endpoint, its required fields and the page to land on", async ({ page }) => {
    await page.goto("contact");
    const form = page.locator("form.contact-form__form");
    await expect(form).toHaveAttribute("action", "http://127.0.0.1:8787/f/contact");
    await expect(form).toHaveAttribute("method", "post");
    await expect(form).not.toHaveAttribute("novalidate");
    await expect(page.getByLabel("Your name")).toHaveAttribute("name", "name");
    await expect(page.getByLabel("Your name")).toHaveAttribute("required", "");
    await expect(form.locator('input[type="hidden"][name="_next"]')).toHaveAttribute("value", "https://aldercreek.example/message-sent");
  });
});

/** Opens `path` with the wasm held back until `release()` is called: the page as a patient on a
 * slow signal has it, readable and typeable before the app takes over. */
async function openWithTheAppHeldBack(page: Page, path: string): Promise<() => void> {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/*_bg.wasm", async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(path, { waitUntil: "commit" });
  return release;
}

test.describe("with JavaScript", () => {
  for (const p of pages) {
    test(`/${p.path} hydrates without a second request and shows its content once`, async ({ page }) => {
      const reads: string[] = [];
      page.on("request", (r) => {
        if (/\.json$/.test(new URL(r.url()).pathname)) reads.push(new URL(r.url()).pathname);
      });
      await page.goto(p.path);
      await waitForApp(page);
      // Counted once the start-up is over: a read by an effect's first run comes after `ready`.
      await waitForStartUpOver(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(p.h1);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("banner")).toHaveCount(1);
      await expect(page.getByRole("contentinfo")).toHaveCount(1);
      expect(reads, "no site.json, index or post JSON is fetched to hydrate").toEqual([]);
    });
  }

  test("after hydration the app is live: a tick updates the result, and navigation loads no document", async ({ page }) => {
    await page.goto("symptoms");
    await waitForApp(page);
    await expect(page.getByText("the page has not finished loading")).toBeHidden();
    await page.locator("#symptom-neck-pain").check();
    await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
    const documents: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "document") documents.push(r.url());
    });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Blog" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back care articles");
    await page.getByRole("link", { name: posts[0].title }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(posts[0].title);
    expect(documents).toEqual([]);
    await expect(page.locator('head link[rel="canonical"]')).toHaveCount(1);
    await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", posts[0].title);
  });

  test("boxes ticked on the checklist before the app has loaded stay ticked and count", async ({ page }) => {
    const release = await openWithTheAppHeldBack(page, "symptoms");
    await page.locator("#symptom-neck-pain").check();
    release();
    await expectAppStarted(page);
    // Kept means kept once the start-up's effects have run too, not only when `ready` appears.
    await waitForStartUpOver(page);
    await expect(page.locator("#symptom-neck-pain")).toBeChecked();
    await expect(page.locator(".symptom-result [role='status']")).toContainText("1 item ticked");
  });

  test("text typed into the contact form before the app has loaded is kept", async ({ page }) => {
    const release = await openWithTheAppHeldBack(page, "contact");
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Your message").fill("Typed before the app loaded.");
    await page.getByLabel("Text message", { exact: true }).check();
    release();
    await expectAppStarted(page);
    await waitForStartUpOver(page);
    await expect(page.getByLabel("Your name")).toHaveValue("Ada Lovelace");
    await expect(page.getByLabel("Your message")).toHaveValue("Typed before the app loaded.");
    await expect(page.getByLabel("Text message", { exact: true })).toBeChecked();
    // The app has them, not only the page: they are the stored draft now.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem("contact-draft"))).toContain("Ada Lovelace");
  });
});

/** Records, from the first byte of the page, every main heading shown and whether a loading
 * text ever appeared: what a patient would have seen flash past. */
async function watchWhatIsShown(page: Page) {
  await page.addInitScript(() => {
    const seen = { headings: [] as string[], loading: false };
    (window as any).__seen = seen;
    const look = () => {
      const h1 = document.querySelector("h1")?.textContent ?? "";
      if (h1 && seen.headings.at(-1) !== h1) seen.headings.push(h1);
      if (/Loading (the article|articles)/.test(document.body?.textContent ?? "")) seen.loading = true;
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as any).__seen as { headings: string[]; loading: boolean });
}

/** Holds every post and index read back for `ms`, as a weak signal would, and lists them. */
async function slowPostReads(page: Page, ms: number) {
  const reads: string[] = [];
  await page.route("**/posts/*.json", async (route) => {
    reads.push(new URL(route.request().url()).pathname);
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
  return reads;
}

test.describe("shared links and file addresses", () => {
  for (const query of ["fbclid=IwAR0abc", "utm_source=newsletter&utm_medium=email", "gclid=xyz&q=desk"]) {
    test(`an article opened with ?${query} hydrates in place: never refetched, never replaced by a loading text`, async ({ page }) => {
      const reads = await slowPostReads(page, 3000);
      const seen = await watchWhatIsShown(page);
      await page.goto(`blog/lifting-safely?${query}`);
      await waitForApp(page);
      // What the start-up's effects do comes after `ready`: judged once they have all run.
      await waitForStartUpOver(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(posts[0].title);
      expect(reads, "nothing is fetched for a parameter the page does not use").toEqual([]);
      expect(await seen()).toEqual({ headings: [posts[0].title], loading: false });
      await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", "https://aldercreek.example/blog/lifting-safely");
      await expect(page).toHaveURL(new RegExp(`/blog/lifting-safely\\?${query.replace(/[?]/g, "\\?")}$`));
    });
  }

  test("/blog?q= and ?tag= hydrate the listing, then narrow it, without fetching the index", async ({ page }) => {
    const reads = await slowPostReads(page, 3000);
    const seen = await watchWhatIsShown(page);
    await page.goto("blog?q=desk&utm_source=x");
    await waitForApp(page);
    await waitForStartUpOver(page);
    await expect(page.getByRole("searchbox", { name: "Search articles" })).toHaveValue("desk");
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("main").getByRole("article")).toContainText("Desk posture for a healthier back");
    await page.goto("blog?tag=posture");
    await waitForApp(page);
    await waitForStartUpOver(page);
    await expect(page.getByRole("main").getByRole("article")).toHaveCount(2);
    expect(reads).toEqual([]);
    expect((await seen()).loading).toBe(false);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", /\/blog(\/topic\/posture)?$/);
  });

  for (const [address, clean, h1] of [
    ["blog/lifting-safely.html", "/blog/lifting-safely", posts[0].title],
    ["blog.html", "/blog", "Back care articles"],
    ["index.html", "/", "Alder Creek Chiropractic"],
    ["symptoms.html?utm_source=x", "/symptoms?utm_source=x", "Back pain symptom checklist"],
  ]) {
    test(`the file address /${address} is the page at ${clean}`, async ({ page, baseURL }) => {
      await page.goto(address);
      await waitForApp(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
      expect(page.url()).toBe(new URL(clean.slice(1), baseURL).href);
      // The app is live there: its links lead on without a document load.
      const documents: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "document") documents.push(r.url());
      });
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contact" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contact the clinic");
      expect(documents).toEqual([]);
    });
  }
});
