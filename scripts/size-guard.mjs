// Size guard (a test, not a timing: bytes are deterministic). Fails when the main wasm, a wasm
// part, or the first load of the home page or a post page, brotli-compressed as the CDN serves
// them, grows past its budget.
// A first load is the page's HTML, every stylesheet, script and wasm it links or preloads, what
// its inline module scripts load (Trunk's loader imports the app's script and passes it the
// wasm's path), and the modules those scripts import, statically and recursively (images aside):
// a pre-rendered page hydrates from the data inside it and fetches nothing else. Dynamic imports
// and `new URL("./x.wasm", import.meta.url)` are not followed: code fetches those on demand (a
// part when it is shown), and a page that needs one at once preloads it.
//   node scripts/size-guard.mjs [dist] [post-slug]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";

// Budgets in KB (1024 bytes, brotli quality 11): the figures reached plus a small margin.
// Lower one when the site shrinks; raising one needs a reason in its commit.
export const BUDGETS = {
  // The site in Spanish added 9.2 KB to the main wasm (the Spanish texts of the site's frame,
  // the blog and the contact form, and the language plumbing); the article's first load may
  // grow by at most 10 KB over its 236.8 KB before Spanish, so its budget is that ceiling.
  wasm: 227.5,
  homeFirstLoad: 284.2,
  postFirstLoad: 246.8,
  // A part's file name without its hash; code parts share (wasm-split-cli's `chunk-<hash>.wasm`)
  // by the parts its loader says it serves.
  parts: {
    // Each part carries its own Spanish texts (the checklist's rules in both languages).
    split_checklist: 47.3,
    split_contact: 45.3,
    split_home: 6,
    split_listing: 30.8,
    split_visit: 20,
    "shared (checklist, contact)": 6.6,
    "shared (checklist, contact, home, listing, visit)": 0.8,
    "shared (checklist, contact, home, visit)": 2.5,
    "shared (checklist, contact, listing)": 4.3,
    "shared (checklist, listing)": 0.9,
    "shared (checklist, visit)": 1.1,
    "shared (checklist, contact, visit)": 1.8,
    // The opening status and the hours' reading, shared by the home, Visit and contact pages.
    "shared (contact, home, visit)": 25,
    "shared (contact, home)": 1.3,
    "shared (contact, home, listing, visit)": 0.9,
    "shared (contact, listing)": 4.8,
    "shared (contact, visit)": 2.2,
    "shared (home, listing)": 2.5,
    "shared (home, visit)": 3.1,
    "shared (home, listing, visit)": 0.7,
  },
};

// Where the page is served, for resolving its URLs; never fetched.
const SITE = "https://site.invalid";

const ENTITIES = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };
const unescape = (text) =>
  text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (all, dec, hex, name) =>
    dec ? String.fromCodePoint(+dec) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name.toLowerCase()] ?? all),
  );

/** A tag's attributes, quoted or not (minified HTML drops the quotes); a bare one is "". */
export function attributes(source) {
  const found = {};
  for (const [, name, dq, sq, bare] of source.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const key = name.toLowerCase();
    if (!(key in found)) found[key] = unescape(dq ?? sq ?? bare ?? "");
  }
  return found;
}

/** Request mode and credentials of an element's fetch, from its `crossorigin` attribute. */
function cors(crossorigin) {
  if (crossorigin === undefined) return { mode: "no-cors", credentials: "include" };
  return { mode: "cors", credentials: crossorigin.toLowerCase() === "use-credentials" ? "include" : "same-origin" };
}

// What `fetch(url)` asks for: how Trunk's loader fetches the wasm, and the part loader a part.
const FETCH = { destination: "", mode: "cors", credentials: "same-origin" };

/** Quoted specifiers a module imports statically (`import … from "./x.js"`, `import "./x.js"`,
 * `export … from "./x.js"`): relative, absolute or full URLs; bare names need an import map. */
export function staticImports(source) {
  const path = `(["'])((?:\\.{1,2}/|/|https?:)[^"'\\s]*)\\1`;
  return [...source.matchAll(new RegExp(`\\bfrom\\s*${path}|\\bimport\\s*${path}`, "g"))].map((m) => m[2] ?? m[4]);
}

const withoutFragment = (url) => url.replace(/#.*$/, "");

/** The URL a page's relative addresses start from: its `<base href>`, else its own address. */
export function pageBase(html, pageUrl) {
  const base = /<base\b([^>]*)>/i.exec(html.replace(/<!--[\s\S]*?-->/g, ""))?.[1];
  return new URL(attributes(base ?? "").href ?? "", pageUrl).href;
}

/** Every request the page's HTML makes as it loads, in document order: { url, module } for a
 * module script (the module map holds it), { url, destination, mode, credentials } otherwise. */
export function pageRequests(html, pageUrl) {
  const base = pageBase(html, pageUrl);
  const at = (href) => withoutFragment(new URL(href.trim(), base).href);
  const requests = [];
  // Comments are skipped and a script is read whole, so that neither is taken for a tag.
  const scan = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>|<link\b([^>]*)>/gi;
  for (const [tag, scriptAttrs, body, linkAttrs] of html.matchAll(scan)) {
    if (tag.startsWith("<!--")) continue;
    if (scriptAttrs !== undefined) {
      const a = attributes(scriptAttrs);
      const type = (a.type ?? "").trim().toLowerCase();
      const module = type === "module";
      const classic = !type || /^(text|application)\/(java|ecma)script$/.test(type);
      if (a.src !== undefined) {
        if (module) requests.push({ url: at(a.src), module: true, from: "script" });
        else if (classic && a.nomodule === undefined) {
          requests.push({ url: at(a.src), destination: "script", ...cors(a.crossorigin), from: "script" });
        }
      } else if (module) {
        // Trunk's loader: `import init … from '/clinic-site-….js'` and
        // `init({ module_or_path: '/clinic-site-…_bg.wasm' })`.
        for (const [, path] of body.matchAll(/["']([^"'\s]+\.(?:m?js|wasm))["']/g)) {
          requests.push(
            path.endsWith(".wasm")
              ? { url: at(path), ...FETCH, from: "loader's fetch" }
              : { url: at(path), module: true, from: "loader's import" },
          );
        }
      }
      continue;
    }
    const a = attributes(linkAttrs);
    if (a.href === undefined) continue;
    const rel = (a.rel ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("stylesheet") && !rel.includes("alternate")) {
      requests.push({ url: at(a.href), destination: "style", ...cors(a.crossorigin), from: "stylesheet" });
    } else if (rel.includes("modulepreload")) {
      requests.push({ url: at(a.href), module: true, from: "modulepreload" });
    } else if (rel.includes("preload")) {
      // Without `as` a browser preloads nothing; images are left aside.
      const as = (a.as ?? "").toLowerCase();
      if (!as || as === "image") continue;
      requests.push({ url: at(a.href), destination: as === "fetch" ? "" : as, ...cors(a.crossorigin), from: `preload as=${as}` });
    }
  }
  return requests;
}

// A repeat is counted again unless a browser reuses the first: a module by URL (the module map), the rest by URL, destination, mode and credentials (a preload's key).
export function downloadKey(request) {
  return request.module
    ? `module ${request.url}`
    : `${request.url} ${request.destination} ${request.mode} ${request.credentials}`;
}

/** The downloads of a first load: the page's requests and, recursively, what the modules among
 * them import, each counted once per `downloadKey`. `readModule(url)` is the module's source,
 * or null when the site has no such file. */
export function firstLoad(html, pageUrl, readModule) {
  const queue = pageRequests(html, pageUrl);
  const seen = new Set();
  const downloads = [];
  for (let i = 0; i < queue.length; i++) {
    const request = queue[i];
    const key = downloadKey(request);
    if (seen.has(key)) continue;
    seen.add(key);
    downloads.push(request);
    if (!request.module) continue;
    const source = readModule(request.url);
    for (const specifier of source == null ? [] : staticImports(source)) {
      const url = withoutFragment(new URL(specifier, request.url).href);
      queue.push({ url, module: true, from: `imported by ${request.url.replace(/^.*\//, "")}` });
    }
  }
  return downloads;
}

/** The file of the site a URL names, relative to its root (`root`: the page's base, "/" or
 * "/clinic/"), or null for another site. */
export function fileOf(url, root = `${SITE}/`) {
  const u = new URL(url);
  const rootUrl = new URL(root);
  if (u.origin !== rootUrl.origin) return null;
  const path = decodeURIComponent(u.pathname);
  return path.startsWith(rootUrl.pathname) ? path.slice(rootUrl.pathname.length) : path.slice(1);
}

/** A part's budget key: its file name without the hash; shared code (`chunk-<hash>.wasm`,
 * several of them) by the parts the loader's comment says it serves: "shared (checklist, listing)". */
export function partKey(file, loaderSources) {
  const stem = file.replace(/(-[0-9a-f]{6,})?\.wasm$/, "");
  if (stem !== "chunk") return stem;
  const name = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // `/* checklist, listing */ const __chunk_1 = makeLoad(() => { … fetch(new URL("./chunk-….wasm"`
  const served = new RegExp(`/\\*\\s*([\\w, ]+?)\\s*\\*/(?:(?!/\\*)[\\s\\S]){0,300}?["']\\./${name}["']`);
  for (const source of loaderSources) {
    const parts = served.exec(source)?.[1];
    if (parts) return `shared (${parts.split(/\s*,\s*/).sort().join(", ")})`;
  }
  return stem;
}

/** Each figure against its budget: { label, bytes, budgetKb, over }, and what is wrong besides
 * (a part without a budget, a budget for a part the build no longer has, two parts one name). */
export function check({ wasm, home, post, parts }, budgets = BUDGETS) {
  const rows = [
    { label: "main wasm", bytes: wasm, budgetKb: budgets.wasm },
    { label: "home page first load", bytes: home, budgetKb: budgets.homeFirstLoad },
    { label: "post page first load", bytes: post, budgetKb: budgets.postFirstLoad },
  ];
  const problems = [];
  const byKey = new Map();
  for (const { key, file } of parts) byKey.set(key, [...(byKey.get(key) ?? []), file]);
  for (const [key, files] of byKey) {
    if (files.length > 1) {
      problems.push(
        `${files.join(", ")} are all "${key}": the guard cannot tell them apart, so cannot budget them. ` +
          `It names shared code by the parts its loader's comment lists (/* checklist, listing */); teach partKey how to name them now.`,
      );
    }
  }
  for (const { key, file, bytes } of parts) {
    const budgetKb = budgets.parts[key];
    rows.push({ label: `wasm ${key}`, bytes, budgetKb });
    if (budgetKb === undefined) {
      problems.push(
        `${file} is a new wasm part ("${key}") with no budget: add "${key}": ${(Math.ceil(bytes / 102.4 + 5) / 10).toFixed(1)} ` +
          `(its size plus a small margin) to BUDGETS.parts in scripts/size-guard.mjs.`,
      );
    }
  }
  for (const key of Object.keys(budgets.parts)) {
    if (!byKey.has(key)) {
      problems.push(`BUDGETS.parts has "${key}", which this build no longer has: remove it from scripts/size-guard.mjs.`);
    }
  }
  for (const row of rows) row.over = row.budgetKb !== undefined && row.bytes > row.budgetKb * 1024;
  return { rows, problems };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
/** Rows as aligned columns: text to the left, figures (a column whose cells all read as
 * numbers, or "none", below its header) to the right. */
const table = ([header, ...rows]) => {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const numeric = header.map((_, i) => rows.every((r) => /^(-?[\d.]+|none|)$/.test(String(r[i]))));
  return all
    .map((r) => `  ${r.map((c, i) => (numeric[i] ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join("  ")}`.trimEnd())
    .join("\n");
};

function main() {
  const dist = process.argv[2] ?? "dist";
  const slug = process.argv[3] ?? "back-spasms-causes-and-relief";
  const sizes = new Map();
  const brotli = (file) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(join(dist, file));
      sizes.set(file, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    }
    return sizes.get(file);
  };
  const isFile = (file) => existsSync(join(dist, file)) && statSync(join(dist, file)).isFile();
  const fail = (message) => {
    console.error(`size guard: ${message}`);
    process.exit(1);
  };

  const topFiles = readdirSync(dist);
  const wasmFile = topFiles.find((f) => f.endsWith("_bg.wasm"));
  if (!wasmFile) fail(`no *_bg.wasm in ${dist}`);
  const scripts = new Map(topFiles.filter((f) => f.endsWith(".js")).map((f) => [f, readFileSync(join(dist, f), "utf8")]));
  // The app's script is wasm-bindgen's glue, found by what it holds: its name and hash are the
  // build's to choose.
  const appScripts = [...scripts].filter(([, text]) => text.includes("__wbindgen_")).map(([f]) => f);

  const measure = (pageFile, pagePath) => {
    const html = readFileSync(join(dist, pageFile), "utf8");
    const pageUrl = `${SITE}${pagePath}`;
    const root = new URL(".", pageBase(html, pageUrl)).href;
    const local = (url) => fileOf(url, root);
    const downloads = firstLoad(html, pageUrl, (url) => {
      const file = local(url);
      return file !== null && isFile(file) ? readFileSync(join(dist, file), "utf8") : null;
    });
    const rows = [[pageFile, kb(brotli(pageFile)), "the page"]];
    let total = brotli(pageFile);
    const counted = new Set();
    for (const download of downloads) {
      const file = local(download.url);
      if (file === null) continue;
      if (!isFile(file)) fail(`${pageFile} loads ${download.url} (${download.from}), which ${dist} does not have.`);
      const query = new URL(download.url).search;
      const again = counted.has(file) ? ", again" : "";
      counted.add(file);
      total += brotli(file);
      rows.push([`${file}${query}`, kb(brotli(file)), `${download.from}${again}`]);
    }
    // The app's script and wasm are nearly all of a first load: if nothing this guard reads
    // loads them (Trunk changed how it starts the app, say), the figure would be far short and
    // still pass. Say so instead.
    const uncounted = [...appScripts, wasmFile].filter((f) => !counted.has(f));
    if (uncounted.length > 0) {
      fail(
        `${pageFile} loads ${uncounted.join(" and ")} neither through a link nor through a script this ` +
          `guard reads, so its first load cannot be measured: teach scripts/size-guard.mjs how the page loads the app now.`,
      );
    }
    rows.push(["total", kb(total), ""]);
    return { rows, total };
  };

  const home = measure("index.html", "/");
  const post = measure(join("blog", `${slug}.html`), `/blog/${slug}`);
  const parts = topFiles
    .filter((f) => f.endsWith(".wasm") && f !== wasmFile)
    .map((file) => ({ file, key: partKey(file, [...scripts.values()]), bytes: brotli(file) }))
    .sort((a, b) => a.key.localeCompare(b.key));

  console.log(`Sizes: brotli quality 11, in KB of 1024 bytes.\n`);
  console.log(`Home page (/) first load`);
  console.log(table([["file", "KB", "loaded by"], ...home.rows]));
  console.log(`\nPost page (/blog/${slug}) first load`);
  console.log(table([["file", "KB", "loaded by"], ...post.rows]));
  console.log(`\nWasm parts (fetched when their part is shown, or preloaded by the pages that show it)`);
  console.log(table([["part", "KB", "file"], ...parts.map((c) => [c.key, kb(c.bytes), c.file])]));

  const { rows, problems } = check({ wasm: brotli(wasmFile), home: home.total, post: post.total, parts });
  console.log(`\nBudgets`);
  console.log(
    table([
      ["what", "KB", "budget", "result"],
      ...rows.map((r) => [r.label, kb(r.bytes), r.budgetKb === undefined ? "none" : r.budgetKb.toFixed(1), r.budgetKb === undefined ? "NO BUDGET" : r.over ? `OVER BUDGET by ${r.bytes - r.budgetKb * 1024} bytes` : "ok"]),
    ]),
  );
  for (const problem of problems) console.error(`size guard: ${problem}`);
  if (rows.some((r) => r.over)) {
    console.error("size guard: over budget (see above). Find where the bytes went with scripts/bench.sh's size report.");
  }
  if (problems.length > 0 || rows.some((r) => r.over)) process.exit(1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
