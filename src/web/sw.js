// The site's service worker: the site works offline once a patient has visited it, and online
// every page is the deploy's own. The build (crates/build/src/worker.rs) writes dist/sw.js from
// this file, with `BUILD` (below) set for the build: what to precache, the pages the build
// rendered, the route table's and the file names' facts, and the site's read timeout.
//
//  - Pages and site.json: network first (pages through navigation preload, so a page never
//    waits for the worker to start before its request goes out), so a patient online reads
//    the current text on the first load after a deploy. The precached or saved copy is served
//    when the network fails, answers with a server error or the wrong kind of answer (a Wi-Fi
//    login page), or has not answered within half the site's read timeout, so the copy
//    arrives before the page would give up waiting.
//  - Precached when the worker installs, one version at a time: the pages above (as fallbacks)
//    and, served from the cache, the files with a content hash in their name (stylesheet,
//    scripts, the main wasm and every wasm part: a name is never reused for other bytes, so a
//    page never mixes two versions), the manifest, icons and the images those pages show.
//  - Saved as a patient reads, network first: an article's page and its JSON, refreshed
//    together whichever was read (its page opened, or its JSON read by the app), and the
//    images it shows, at most MAX_ARTICLES articles and MAX_IMAGES images, the oldest dropped
//    first; and the list of articles. An article the site answers 404 or 410 for is forgotten
//    at once.
//  - Never: anything but GET (the contact form's POST), other origins (the form endpoint),
//    and addresses with what a patient typed (a search's ?q=): every copy is saved under its
//    address without the query.
//  - A new deploy's worker installs beside this one. A page of its own version lets it take
//    over at once; a page of this version is offered a reload into it (src/web/register.js).
//    If it cannot install (a file missing, no room), this one goes on as it is.
//
// `BUILD.mode`: "offline" (release builds); "development" (`trunk serve`): caches nothing and
// removes what a release build served from the same address had saved, so an edit shows on
// the next reload; "retired" (a release build with `offline_support: false` in site.json): the
// way out, a worker that deletes every cache of the site and unregisters itself.

const SCOPE = self.registration.scope;
const PREFIX = `clinic ${SCOPE} `;
const PRECACHE = `${PREFIX}precache ${BUILD.version}`;
const ARTICLES = `${PREFIX}articles`;
const IMAGES = `${PREFIX}images`;
const LISTING = `${PREFIX}listing`;
const MAX_ARTICLES = 30;
const MAX_IMAGES = 60;
const NETWORK_WAIT_MS = Math.round(BUILD.readTimeoutMs / 2);
const CACHING = BUILD.mode === "offline";

/** Each language's addresses (`prefix`, `postPrefix`), offline and Not Found pages and list of
 * articles, the longest prefix first ("es/" before the root's ""). */
const LANGUAGES = BUILD.languages;
/** The language of an address: its prefix starts it, or it is the prefix's own home ("es"). */
const languageOf = (path) =>
  LANGUAGES.find((language) => path.startsWith(language.prefix) || `${path}/` === language.prefix) ?? LANGUAGES[LANGUAGES.length - 1];
const ARTICLE_PAGES = LANGUAGES.map((language) => new RegExp(`^${language.postPrefix}([a-z0-9-]+)$`));
/** The slug of an article's page address, in any language. */
const articlePage = (path) => ARTICLE_PAGES.map((page) => page.exec(path)?.[1]).find(Boolean);
const ARTICLE_DATA = /^posts\/([a-z0-9-]+)\.json$/;
const LIST_DATA = new Set(LANGUAGES.map((language) => language.listData));
const CONFIG = "site.json";
/** A file named by its bytes (`name-<hash>.ext`), and every such file a page names. */
const NAMED_BY_BYTES = new RegExp(`-[0-9a-f]{${BUILD.hashDigits}}(_bg)?\\.[a-z]+$`);
const FILES_NAMED_BY_BYTES = new RegExp(`[\\w-]+-[0-9a-f]{${BUILD.hashDigits}}(?:_bg)?\\.(?:js|css|wasm)`, "g");
/** Precached files served from the cache (the build's word: every one but the pages and site.json). */
const CACHE_FIRST = new Set(BUILD.cacheFirst);

/** An address of the site, from its path relative to the scope. */
const at = (path) => new URL(path, SCOPE).href;
/** The path of `url` relative to the scope (no query), or null outside it. */
function pathOf(url) {
  const u = new URL(url);
  const bare = u.origin + u.pathname;
  return bare.startsWith(SCOPE) ? bare.slice(SCOPE.length) : null;
}
/** An article's page address in each language: its slug is its own, the language is not. */
const pagePaths = (slug) => LANGUAGES.map((language) => `${language.postPrefix}${slug}`);
/** The page address of a saved article (the one its cache holds), or undefined. */
async function savedPagePath(slug) {
  const cache = await caches.open(ARTICLES);
  for (const path of pagePaths(slug)) if (await cache.match(at(path))) return path;
  return undefined;
}
/** The page address of an article from its saved JSON, which says its language. */
async function pageOfData(slug, url) {
  const saved = await caches.match(url, { cacheName: ARTICLES });
  const code = (await saved?.json().catch(() => null))?.lang;
  const language = LANGUAGES.find((candidate) => candidate.code === code) ?? LANGUAGES[LANGUAGES.length - 1];
  return `${language.postPrefix}${slug}`;
}
const dataPath = (slug) => `posts/${slug}.json`;
const slugOf = (path) => articlePage(path) ?? path.match(ARTICLE_DATA)?.[1];
const gone = (response) => response.status === 404 || response.status === 410;

self.addEventListener("install", (event) => {
  if (!CACHING) {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(PRECACHE);
      try {
        await Promise.all(BUILD.precache.map((path) => precache(cache, path)));
      } catch (error) {
        // The version in charge goes on; this one is tried again at the next update check.
        await caches.delete(PRECACHE);
        throw error;
      }
      // The lists of articles, so the blog opens offline from any page.
      await Promise.all([...LIST_DATA].map((list) => save(LISTING, at(list), "json").catch(() => {})));
    })(),
  );
  // No skipWaiting here: a page decides (src/web/register.js).
});

/** One file of this version, under its own address. Hashed files (`name-<hash>.ext`) come
 * from the HTTP cache if the page has just loaded them; the others are revalidated. A host
 * that redirects `offline.html` to `offline` (pretty URLs) gets the page kept as a plain
 * answer: a browser refuses a redirected answer for a page it navigates to. */
async function precache(cache, path) {
  const hashed = NAMED_BY_BYTES.test(path);
  const response = await fetch(at(path), { cache: hashed ? "default" : "no-cache" });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  // A page of another deploy (a host still switching, or the next deploy already out) names
  // files this version does not have: the install fails, and is tried again later.
  const page = (response.headers.get("content-type") ?? "").startsWith("text/html");
  if (page && !(await response.clone().text()).includes(`<meta name="build-version" content="${BUILD.version}">`)) {
    throw new Error(`${path}: not this version's page`);
  }
  const plain = response.redirected
    ? new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers })
    : response;
  await cache.put(at(path), plain);
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const ours = (await caches.keys()).filter((key) => key.startsWith(PREFIX));
      const preload = self.registration.navigationPreload;
      if (!CACHING) {
        await Promise.all(ours.map((key) => caches.delete(key)));
        await preload?.disable();
        if (BUILD.mode === "retired") {
          // Pages open now keep working from the network; the next load has no worker.
          await self.registration.unregister();
          return;
        }
        await self.clients.claim();
        return;
      }
      await preload?.enable();
      await Promise.all(ours.filter((key) => key.startsWith(`${PREFIX}precache `) && key !== PRECACHE).map((key) => caches.delete(key)));
      // The pages open now are this version's from here on: the first visit included, so
      // what the patient reads next is saved too.
      await self.clients.claim();
    })(),
  );
  // After activating, not during it (a page waits for an activating worker): an article open
  // now is saved, and saved pages that name another version's files are fetched again.
  if (CACHING) refreshSaved().catch(() => {});
});

/** Saves the articles open in a window, and fetches again each saved page that names files
 * this version does not have (offline it would load without its styles and scripts). A page
 * the site no longer has is forgotten; one that cannot be fetched now is kept as it is. */
async function refreshSaved() {
  for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
    const path = pathOf(client.url) ?? "";
    const slug = articlePage(path);
    if (slug) await saveArticle(slug, path).catch(() => {});
  }
  const articles = await caches.open(ARTICLES);
  for (const request of await articles.keys()) {
    const path = pathOf(request.url);
    if (!articlePage(path)) continue;
    const page = await (await articles.match(request))?.text();
    const files = page?.match(FILES_NAMED_BY_BYTES) ?? [];
    if (files.every((file) => CACHE_FIRST.has(file))) continue;
    await refresh(slugOf(path), request.url, "html");
  }
}

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "skip-waiting") self.skipWaiting();
  if (data.type === "version" && event.ports[0]) event.ports[0].postMessage(BUILD.version);
  if (data.type === "saved-articles" && event.ports[0]) {
    event.waitUntil(savedArticles().then((list) => event.ports[0].postMessage(list)));
  }
});

self.addEventListener("fetch", (event) => {
  if (!CACHING) {
    // A page served before the retirement may register the worker again, which undoes an
    // unregistration still pending: each request of a page this worker still controls says it
    // again.
    if (BUILD.mode === "retired") event.waitUntil(self.registration.unregister());
    return;
  }
  const { request } = event;
  if (request.method !== "GET") return;
  const path = pathOf(request.url);
  if (path === null) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event, path));
  } else if (path === CONFIG) {
    event.respondWith(networkFirst(event, "json", { fallback: CONFIG }));
  } else if (CACHE_FIRST.has(path)) {
    event.respondWith(precached(path, request));
  } else if (ARTICLE_DATA.test(path) && !LIST_DATA.has(path)) {
    event.respondWith(networkFirst(event, "json", { saveIn: ARTICLES, slug: slugOf(path) }));
  } else if (LIST_DATA.has(path)) {
    event.respondWith(networkFirst(event, "json", { saveIn: LISTING }));
  } else if (path.startsWith("images/")) {
    event.respondWith(networkFirst(event, "image", { saveIn: IMAGES }));
  }
});

/** A page, network first: an article falls back to its saved copy, a page the worker keeps
 * (the listing, the checklist, the contact page…) to its precached copy. Offline, a page with
 * neither gets the offline page, and an address the site has no page for the Not Found page. */
async function navigate(event, path) {
  const slug = articlePage(path);
  try {
    return await networkFirst(event, "html", slug ? { saveIn: ARTICLES, slug } : { fallback: BUILD.fallbacks[path] });
  } catch {
    const language = languageOf(path);
    const known = BUILD.pages.includes(path) || Boolean(slug);
    return precached(known ? language.offline : language.notFound, event.request);
  }
}

async function precached(path, request) {
  const hit = await caches.match(at(path), { cacheName: PRECACHE });
  return hit ?? fetch(request);
}

/** The network's answer (for a page, the navigation preload's) if it comes within
 * NETWORK_WAIT_MS, else the copy (the answer, when it comes, still updates a saved copy); the
 * copy if the network fails, or answers with a server error or something else than was asked
 * for (a Wi-Fi login page). The copy is the saved one (`saveIn`, where a good answer is saved
 * beside going to the page) or this version's precached `fallback`. An article's half (`slug`)
 * that is saved brings its other half up to date; one the site no longer has is forgotten. */
async function networkFirst(event, kind, { saveIn, slug, fallback }) {
  const { request } = event;
  const url = withoutQuery(request.url);
  const network = (async () => {
    // Data is asked of the server itself: the HTTP cache may hold a copy for minutes
    // (`_headers`), and a deploy must show at once.
    const response =
      (request.mode === "navigate" && (await event.preloadResponse)) || (await fetch(request, kind === "json" ? { cache: "no-cache" } : {}));
    if (saveIn && fits(response, kind)) {
      const copy = response.clone();
      event.waitUntil(
        store(saveIn, url, copy)
          .then(async () => {
            if (!slug) return;
            // The page half of a saved JSON is the page saved with it (in its language).
            const other = kind === "html" ? dataPath(slug) : (await savedPagePath(slug)) ?? (await pageOfData(slug, url));
            if (other) await refresh(slug, at(other), kind === "html" ? "json" : "html");
          })
          .catch(() => {}),
      );
    } else if (slug && gone(response)) {
      event.waitUntil(forget(slug).catch(() => {}));
    }
    return response;
  })();
  const waited = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS, "waited"));
  const copy = () =>
    saveIn ? caches.match(url, { cacheName: saveIn }) : fallback !== undefined ? caches.match(at(fallback), { cacheName: PRECACHE }) : undefined;
  try {
    const first = await Promise.race([network, waited]);
    if (first === "waited") {
      const hit = await copy();
      if (hit) {
        event.waitUntil(network.catch(() => {}));
        return hit;
      }
    }
    const response = await network;
    const broken = response.status >= 500 || (response.ok && !fits(response, kind));
    return (broken && (await copy())) || response;
  } catch (error) {
    const hit = await copy();
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

/** Fetches one half of a saved article again: kept if good, the article forgotten if the site
 * no longer has it, and left as it is when there is no connection or the answer is unusable. */
async function refresh(slug, url, kind) {
  let response;
  try {
    response = await fetch(url, { cache: "no-cache" });
  } catch {
    return;
  }
  if (fits(response, kind)) await store(ARTICLES, url, response);
  else if (gone(response)) await forget(slug);
}

/** An article open when this version takes over is saved whole: its page and its JSON. */
async function saveArticle(slug, page) {
  const cache = await caches.open(ARTICLES);
  if (!(await cache.match(at(page)))) await save(ARTICLES, at(page), "html");
  if (!(await cache.match(at(dataPath(slug))))) await save(ARTICLES, at(dataPath(slug)), "json");
}

async function forget(slug) {
  const cache = await caches.open(ARTICLES);
  for (const page of pagePaths(slug)) await cache.delete(at(page));
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
    const page = await savedPagePath(slug);
    if (!page) continue;
    try {
      const post = await (await cache.match(request)).json();
      list.push({
        href: page,
        lang: typeof post.lang === "string" ? post.lang : null,
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
