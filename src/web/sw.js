// The site's service worker: the site works offline once a patient has visited it.
// scripts/post-build.mjs writes dist/sw.js from this file, with `BUILD` (below) set for the
// build: what to precache, the pages the build rendered, and the site's read timeout.
//
//  - Precached when the worker installs, and then served from the cache (one version of the
//    whole site at a time): the shell pages (/, /blog, /symptoms, /contact, the Not Found page
//    and the offline page), the stylesheet, the scripts, the main wasm and every chunk (the
//    checklist's rules are inside its chunk), site.json, the manifest and icons, and the images
//    those pages show.
//  - Saved as a patient reads, network first: an article's page and its JSON (always as a
//    pair, however the article was opened) and the images it shows, at most MAX_ARTICLES
//    articles and MAX_IMAGES images, the oldest dropped first; and the list of articles. The
//    network has half the site's read timeout to answer before a saved copy is served, so
//    the saved copy arrives before the page would give up waiting.
//  - Never: anything but GET (the contact form's POST), other origins (the form endpoint),
//    and addresses with what a patient typed (a search's ?q=): every copy is saved under its
//    address without the query.
//  - A new deploy's worker installs beside this one and waits; the page offers to reload into
//    it (src/web/register.js), which then deletes this version's precache.
//
// Development builds (`trunk serve`) get `BUILD.cache === false`: a worker that caches
// nothing and removes what a release build served from the same address had saved.

const SCOPE = self.registration.scope;
const PREFIX = `clinic ${SCOPE} `;
const PRECACHE = `${PREFIX}precache ${BUILD.version}`;
const ARTICLES = `${PREFIX}articles`;
const IMAGES = `${PREFIX}images`;
const LISTING = `${PREFIX}listing`;
const MAX_ARTICLES = 30;
const MAX_IMAGES = 60;
const NETWORK_WAIT_MS = Math.round(BUILD.readTimeoutMs / 2);

const ARTICLE_PAGE = /^blog\/([a-z0-9-]+)$/;
const ARTICLE_DATA = /^posts\/([a-z0-9-]+)\.json$/;
const LIST_DATA = "posts/index.json";

/** An address of the site, from its path relative to the scope. */
const at = (path) => new URL(path, SCOPE).href;
/** The path of `url` relative to the scope (no query), or null outside it. */
function pathOf(url) {
  const u = new URL(url);
  const bare = u.origin + u.pathname;
  return bare.startsWith(SCOPE) ? bare.slice(SCOPE.length) : null;
}
const pagePath = (slug) => `blog/${slug}`;
const dataPath = (slug) => `posts/${slug}.json`;
const slugOf = (path) => (path.match(ARTICLE_PAGE) ?? path.match(ARTICLE_DATA))?.[1];

self.addEventListener("install", (event) => {
  if (!BUILD.cache) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE);
      await Promise.all(BUILD.precache.map((path) => precache(cache, path)));
      // The list of articles, so the blog opens offline from any page.
      await save(LISTING, at(LIST_DATA), "json").catch(() => {});
    })(),
  );
  // No skipWaiting: a new version waits until the patient chooses to reload into it.
});

/** One file of this version, under its own address. Hashed files (`name-<hash>.ext`) come
 * from the HTTP cache if the page has just loaded them; the others are revalidated. A host
 * that redirects `offline.html` to `offline` (pretty URLs) gets the page kept as a plain
 * answer: a browser refuses a redirected answer for a page it navigates to. */
async function precache(cache, path) {
  const hashed = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(path);
  const response = await fetch(at(path), { cache: hashed ? "default" : "no-cache" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  const plain = response.redirected
    ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;
  await cache.put(at(path), plain);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((key) => key.startsWith(PREFIX));
      if (!BUILD.cache) {
        await Promise.all(ours.map((key) => caches.delete(key)));
        await self.clients.claim();
        return;
      }
      await Promise.all(ours.filter((key) => key.startsWith(`${PREFIX}precache `) && key !== PRECACHE).map((key) => caches.delete(key)));
      // The pages open now are this version's from here on: the first visit included, so
      // what the patient reads next is saved too.
      await self.clients.claim();
    })(),
  );
  // After activating, not during it (a page waits for an activating worker): an article open
  // now is saved, and saved pages that name another version's files are fetched again.
  refreshSaved().catch(() => {});
});

/** Saves the articles open in a window, and fetches again each saved page that names files
 * this version does not have (offline it would load without its styles and scripts). A page
 * the site no longer has is forgotten; one that cannot be fetched now is kept as it is. */
async function refreshSaved() {
  if (!BUILD.cache) return;
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const slug = slugOf(pathOf(client.url) ?? "");
    if (slug) await saveArticle(slug).catch(() => {});
  }
  const articles = await caches.open(ARTICLES);
  const ours = new Set(BUILD.precache);
  for (const request of await articles.keys()) {
    const path = pathOf(request.url);
    if (!ARTICLE_PAGE.test(path)) continue;
    const page = await (await articles.match(request))?.text();
    const files = page?.match(/[\w-]+-[0-9a-f]{16}(?:_bg)?\.(?:js|css|wasm)/g) ?? [];
    if (files.every((file) => ours.has(file))) continue;
    try {
      const response = await fetch(request.url, { cache: "no-cache" });
      if (fits(response, "html")) await store(ARTICLES, request.url, response);
      else if (response.status === 404 || response.status === 410) await forget(slugOf(path));
    } catch {
      // No connection now: the page stays, still readable without its app.
    }
  }
}

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "skip-waiting") self.skipWaiting();
  if (data.type === "saved-articles" && event.ports[0]) {
    event.waitUntil(savedArticles().then((list) => event.ports[0].postMessage(list)));
  }
});

self.addEventListener("fetch", (event) => {
  if (!BUILD.cache) return;
  const { request } = event;
  if (request.method !== "GET") return;
  const path = pathOf(request.url);
  if (path === null) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, path));
  } else if (BUILD.precache.includes(path)) {
    event.respondWith(precached(path, request));
  } else if (ARTICLE_DATA.test(path) && path !== LIST_DATA) {
    event.respondWith(networkFirst(event, ARTICLES, request, "json", () => saveCompanion(path)));
  } else if (path === LIST_DATA) {
    event.respondWith(networkFirst(event, LISTING, request, "json"));
  } else if (path.startsWith("images/")) {
    event.respondWith(networkFirst(event, IMAGES, request, "image"));
  }
});

/** A page: a shell page from the precache; an article network first and saved; anything else
 * from the network. Offline, a page that is not saved gets the offline page, and an address
 * the site has no page for the Not Found page. */
async function navigate(event, path) {
  const shell = BUILD.shell[path];
  if (shell !== undefined) return precached(shell, event.request);
  try {
    if (ARTICLE_PAGE.test(path)) {
      return await networkFirst(event, ARTICLES, event.request, "html", () => saveCompanion(path));
    }
    return await fetch(event.request);
  } catch {
    const known = BUILD.pages.includes(path) || path.startsWith("blog/");
    return precached(known ? BUILD.offline : BUILD.notFound, event.request);
  }
}

async function precached(path, request) {
  const hit = await caches.match(at(path), { cacheName: PRECACHE });
  return hit ?? fetch(request);
}

/** The network's answer if it comes within NETWORK_WAIT_MS, else the saved copy (the answer,
 * when it comes, still updates it); the saved copy if the network fails, or answers with a
 * server error or something else than was asked for (a Wi-Fi login page). A good answer goes
 * to the page at once; saving it happens beside, and a failure to save changes nothing. */
async function networkFirst(event, cacheName, request, kind, afterSave) {
  const url = withoutQuery(request.url);
  const network = fetch(request).then((response) => {
    if (fits(response, kind)) {
      const copy = response.clone();
      event.waitUntil(
        store(cacheName, url, copy)
          .then(() => afterSave?.())
          .catch(() => {}),
      );
    }
    return response;
  });
  const waited = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, "waited"));
  const saved = () => caches.match(url, { cacheName });
  try {
    const first = await Promise.race([network, waited]);
    if (first === "waited") {
      const hit = await saved();
      if (hit) {
        event.waitUntil(network.catch(() => {}));
        return hit;
      }
    }
    const response = await network;
    const broken = response.status >= 500 || (response.ok && !fits(response, kind));
    return (broken && (await saved())) || response;
  } catch (error) {
    const hit = await saved();
    if (hit) return hit;
    throw error;
  }
}

/** Whether a response is worth keeping: a whole, direct answer of the expected kind (a host
 * that answers a missing file with its home page says 200 with HTML). */
function fits(response, kind) {
  if (!response.ok || response.status !== 200 || response.redirected || response.type !== "basic") return false;
  const type = response.headers.get("content-type") ?? "";
  return kind === "html" ? type.startsWith("text/html") : kind === "json" ? type.includes("json") : type.startsWith("image/");
}

/** Fetches `url` and keeps it in `cacheName` if it is of the expected kind. */
async function save(cacheName, url, kind) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!fits(response, kind)) throw new Error(`${url}: ${response.status}`);
  await store(cacheName, url, response);
}

/** An article is saved whole: its page and its JSON, whichever was asked for first. */
async function saveArticle(slug) {
  const cache = await caches.open(ARTICLES);
  if (!(await cache.match(at(pagePath(slug))))) await save(ARTICLES, at(pagePath(slug)), "html");
  if (!(await cache.match(at(dataPath(slug))))) await save(ARTICLES, at(dataPath(slug)), "json");
}

const saveCompanion = (path) => saveArticle(slugOf(path));

async function forget(slug) {
  const cache = await caches.open(ARTICLES);
  await cache.delete(at(pagePath(slug)));
  await cache.delete(at(dataPath(slug)));
}

/** Puts a copy last in its cache (the newest), then drops the oldest beyond the bound. */
async function store(cacheName, url, response) {
  const cache = await caches.open(cacheName);
  await cache.delete(url);
  await cache.put(url, response);
  const keys = await cache.keys();
  if (cacheName === ARTICLES) {
    // Each article ranked by its newest copy (its page or its JSON), the least recent first.
    const newest = new Map();
    keys.forEach((key, i) => {
      const slug = slugOf(pathOf(key.url) ?? "");
      if (slug) newest.set(slug, i);
    });
    const slugs = [...newest].sort((a, b) => a[1] - b[1]).map(([slug]) => slug);
    for (const slug of slugs.slice(0, Math.max(0, slugs.length - MAX_ARTICLES))) await forget(slug);
  } else if (cacheName === IMAGES) {
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_IMAGES))) await cache.delete(old);
  }
}

const withoutQuery = (url) => {
  const u = new URL(url);
  return u.origin + u.pathname;
};

/** The articles saved whole (page and JSON), newest first: for the offline page. */
async function savedArticles() {
  const cache = await caches.open(ARTICLES);
  const keys = await cache.keys();
  const list = [];
  for (const request of keys.reverse()) {
    const path = pathOf(request.url);
    if (!ARTICLE_DATA.test(path)) continue;
    const slug = slugOf(path);
    if (!(await cache.match(at(pagePath(slug))))) continue;
    try {
      const post = await (await cache.match(request)).json();
      list.push({
        href: pagePath(slug),
        title: String(post.title ?? slug),
        reviewed: post.reviewed?.on ?? null,
        updated: post.updated ?? null,
        published: post.published ?? null,
      });
    } catch {
      // A copy that does not read is left out of the list.
    }
  }
  return list;
}
