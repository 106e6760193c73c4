// Trunk post-build hook: makes the build correct on any static host.
//  - _headers   (Netlify / Cloudflare Pages): long immutable caching for hashed assets, short
//                caching for HTML and JSON, and security headers including a strict CSP whose
//                script-src allows Trunk's inline loader by its SHA-256 hash (no 'unsafe-inline').
//  - _redirects (Netlify / Cloudflare Pages): no rewrites. Every route is a pre-rendered file
//                (/blog → blog.html, /blog/x → blog/x.html), and a catch-all rewrite would hide
//                them (Cloudflare applies _redirects even where a file exists). Unknown paths get
//                the pre-rendered 404.html with status 404, which these hosts do by themselves.
//  - HSTS, and a CSP whose form-action allows the contact endpoint (the form posts without script)
//  - robots.txt, sitemap.xml (each post with its last change) and feed.xml (the posts as an Atom
//    feed, scripts/feed.mjs) from site.json's base_url and the post index.
//  - manifest.webmanifest (site.json's names, the design tokens' colours, the content build's
//    icons), and sw.js: src/web/sw.js with this build's mode, precache list and version.
//  - Every script, wasm and stylesheet named after its bytes ("One version per page load").
// Runs with TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL set by Trunk; also usable by hand:
//   TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ node scripts/post-build.mjs
// (after the renderer, whose list of the pages it wrote this reads and removes).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { atomFeed } from "./feed.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? "dist";
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? "/").replace(/\/?$/, "/");
// What src/bin/prerender.rs wrote: the pages, from the route table (crates/model/src/routes.rs),
// as { path, file, part, in_sitemap, shell, changed }; the offline page's file; and the site's
// read timeout. Read once and removed, so it is never deployed.
const pageList = join(dir, "pages.json");
if (!existsSync(pageList)) throw new Error(`post-build: ${pageList} is missing; run the renderer (src/bin/prerender.rs) first`);
const rendered = JSON.parse(readFileSync(pageList, "utf8"));
const pages = rendered.pages;
rmSync(pageList);
const sourceDir = process.env.TRUNK_SOURCE_DIR ?? ".";

/** Functions in a wasm's "name" section that wasm-bindgen must rewrite (`wbg_cast`'s
 * `breaks_if_inlined`, descriptors): it never sees a chunk, so a chunk must hold none. A chunk
 * may call them in the main module through an `indirect_call_shim`: wasm-split-cli (0.2.4 and
 * later) gives those calls a shim in the main module that keeps the signature the chunk
 * expects, and the journeys that send the contact form from its chunk prove it. */
function castsLeftIn(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const str = () => {
    const len = leb();
    const text = bytes.toString("utf8", pos, pos + len);
    pos += len;
    return text;
  };
  const found = [];
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const end = leb() + pos;
    if (id === 0 && str() === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const subEnd = leb() + pos;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            leb();
            const name = str();
            if (/breaks_if_inlined|__wbindgen_describe/.test(name) && !/ indirect_call_shim$/.test(name)) found.push(name);
          }
        }
        pos = subEnd;
      }
    }
    pos = end;
  }
  return found;
}

// --- Wasm chunks -----------------------------------------------------------------------------
// scripts/tools/wasm-bindgen left the split-off wasm (the checklist, the contact form, the listing), and its loader
// __wasm_split.js, in <target>/wasm-bindgen/<profile>/split. Each chunk is copied here under a
// name with its content's hash (cached forever, like Trunk's files) and, in release builds,
// shrunk by wasm-opt as Trunk does the main wasm. The loader is named by its content below,
// with the app's script. The pages that hydrate with a chunk preload it.
const profile = process.env.TRUNK_PROFILE ?? "release";
const targetDir = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? ".", "target");
const splitDir = join(targetDir, "wasm-bindgen", profile, "split");
const chunkNames = {};
/** Every chunk's file (shared chunks all have the key "chunk" above). */
const chunkFiles = new Set();
const appJs = readdirSync(dir).find((f) => /^clinic-site(-[0-9a-f]+)?\.js$/.test(f));
if (!appJs) throw new Error(`post-build: no clinic-site*.js in ${dir}`);
if (!readFileSync(join(dir, appJs), "utf8").includes('"./__wasm_split.js"')) {
  throw new Error(
    "post-build: the wasm was not split, so the app would not start. Build through " +
      "scripts/serve.sh or scripts/test.sh, or put scripts/tools first on PATH (see scripts/tools/wasm-bindgen).",
  );
}
let loader = readFileSync(join(splitDir, "__wasm_split.js"), "utf8");
{
  for (const file of readdirSync(splitDir).filter((f) => /\.wasm$/.test(f) && f !== "main.wasm")) {
    const unbound = castsLeftIn(readFileSync(join(splitDir, file)));
    if (unbound.length) {
      throw new Error(
        `post-build: ${file} holds wasm-bindgen casts, which wasm-bindgen rewrites in the main ` +
          `module only (in a chunk they fail at run time with "function signature mismatch"). ` +
          `Keep the code that converts these values to JavaScript in the main wasm:\n  ${unbound.join("\n  ")}`,
      );
    }
    const staged = join(dir, file);
    if (profile === "release") {
      execFileSync("wasm-opt", ["-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
        "--enable-reference-types", "--strip-debug", "--strip-producers", join(splitDir, file), "-o", staged], { stdio: "pipe" });
    } else {
      copyFileSync(join(splitDir, file), staged);
    }
    const hash = createHash("sha256").update(readFileSync(staged)).digest("hex").slice(0, 16);
    const hashed = file.replace(/(_\d+)?\.wasm$/, `-${hash}.wasm`);
    renameSync(staged, join(dir, hashed));
    if (!loader.includes(`"./${file}"`)) throw new Error(`post-build: the loader does not name ${file}`);
    loader = loader.replaceAll(`"./${file}"`, JSON.stringify(`./${hashed}`));
    chunkNames[file.replace(/^split_|(_\d+)?\.wasm$/g, "")] = hashed;
    chunkFiles.add(hashed);
  }
  // The pages that show a part, from the renderer's list (the route table in src/routes.rs).
  const preloads = {};
  for (const page of pages.filter((page) => page.part)) (preloads[page.part] ??= []).push(page.file);
  // Code shared by parts is in chunks of its own, which the loader fetches beside the part
  // ("/* checklist, listing */" names the parts each one serves): preloaded too.
  const shared = {};
  for (const [, parts, file] of loader.matchAll(/\/\* ([a-z_, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk-[0-9a-f]+\.wasm)"/g)) {
    for (const part of parts.split(", ")) (shared[part] ??= []).push(file);
  }
  for (const [chunk, pages] of Object.entries(preloads)) {
    if (!chunkNames[chunk]) continue;
    const links = [chunkNames[chunk], ...(shared[chunk] ?? [])]
      .map((file) => `<link rel="preload" href="${publicUrl}${file}" as="fetch" type="application/wasm" crossorigin>`)
      .join("");
    for (const page of pages.filter((page) => existsSync(join(dir, page)))) {
      const text = readFileSync(join(dir, page), "utf8");
      writeFileSync(join(dir, page), text.replace("</head>", `${links}</head>`));
    }
  }
}

// --- One version per page load ------------------------------------------------------------
// Every script, wasm and stylesheet is named by its own bytes (`stem-<16 hex of SHA-256>`), so
// a name is never served with another build's bytes: the service worker keeps such files
// forever, and a page from a new deploy must never meet an old file under a name it asks for.
// Trunk names the app's script and wasm after the wasm cargo wrote, not after their bytes, and
// the chunk loader has one name in every build. The app's script and the loader import each
// other, so those two share one hash, of both their texts before either names the other.
// Every page naming a renamed file is rewritten, with the file's new integrity hash.
/** What each renamed file was called: its new name, by its old one. */
const renamed = new Map();
/** The hash the app's script and the chunk loader share (of both their texts). */
let pair = "";
const digest = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);
{
  const appText = readFileSync(join(dir, appJs), "utf8");
  pair = digest(`${appText}\0${loader}`);
  const app = `clinic-site-${pair}.js`;
  const splitLoader = `__wasm_split-${pair}.js`;
  rmSync(join(dir, appJs));
  // Only where it is imported: the wasm also names "./__wasm_split.js" as the module of its
  // imports, and the app's script hands them over under that name.
  const imports = /(\bfrom\s*)"\.\/__wasm_split\.js"/g;
  if (!imports.test(appText)) throw new Error(`post-build: ${appJs} does not import ./__wasm_split.js`);
  writeFileSync(join(dir, app), appText.replace(imports, (_, from) => `${from}${JSON.stringify(`./${splitLoader}`)}`));
  if (!loader.includes('"./main.js"')) throw new Error("post-build: the chunk loader does not import ./main.js");
  writeFileSync(join(dir, splitLoader), loader.replaceAll('"./main.js"', JSON.stringify(`./${app}`)));
  renamed.set(appJs, app);
  renamed.set("__wasm_split.js", splitLoader);
  // Trunk's other files (the stylesheet, the registration script, the main wasm).
  const done = new Set([app, splitLoader, ...chunkFiles]);
  for (const file of readdirSync(dir).filter((f) => /\.(css|js|wasm)$/.test(f) && f !== "sw.js" && !done.has(f))) {
    const [, stem, bg, ext] = /^(.+?)(?:-[0-9a-f]+)?(_bg)?\.([a-z]+)$/.exec(file);
    const named = `${stem}-${digest(readFileSync(join(dir, file)))}${bg ?? ""}.${ext}`;
    renameSync(join(dir, file), join(dir, named));
    renamed.set(file, named);
  }
  // The offline page's script (src/bin/prerender.rs links it from offline.html as offline.js).
  const offlineScript = readFileSync(join(sourceDir, "src", "web", "offline.js"));
  const offlineJs = `offline-${digest(offlineScript)}.js`;
  writeFileSync(join(dir, offlineJs), offlineScript);
  renamed.set("offline.js", offlineJs);
}
/** The files this build named by their bytes (the chunks above, and the renamed files). */
const contentNamed = new Set([...chunkFiles, ...renamed.values()]);
/** Each HTML file of the build, as a path under `dir`. */
function htmlFiles(folder = dir) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? htmlFiles(join(folder, entry.name)) : entry.name.endsWith(".html") ? [join(folder, entry.name)] : [],
  );
}
/** The integrity a tag naming `file` must carry (Trunk writes SHA-384), hashed once a file. */
const integrities = new Map();
const integrity = (file) => {
  if (!integrities.has(file)) integrities.set(file, `sha384-${createHash("sha384").update(readFileSync(join(dir, file))).digest("base64")}`);
  return integrities.get(file);
};
const byName = new RegExp(`(?<=[/"'=])(${[...renamed.keys()].map((name) => name.replace(/[.]/g, "\\.")).join("|")})(?=["'\\s>])`, "g");
for (const file of htmlFiles()) {
  const before = readFileSync(file, "utf8");
  const after = before
    .replace(byName, (name) => renamed.get(name))
    .replace(/<(?:link|script)\b[^>]*>/g, (tag) => {
      const named = /\b(?:href|src)=["']?([^"'\s>]+)/.exec(tag)?.[1].split("/").pop();
      return named && contentNamed.has(named)
        ? tag.replace(/\bintegrity=("[^"]*"|'[^']*'|[^\s>]+)/, `integrity="${integrity(named)}"`)
        : tag;
    });
  if (after !== before) writeFileSync(file, after);
}
const html = readFileSync(join(dir, "index.html"), "utf8");

const site = JSON.parse(readFileSync(join(dir, "site.json"), "utf8"));

/** SHA-256 CSP sources for every inline script that a browser would execute. */
export function inlineScriptHashes(page) {
  const hashes = [];
  for (const [, attrs, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? "";
    if (type && !/^(module|text\/javascript)$/i.test(type)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return hashes;
}

function origin(url) {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

// --- Installable and offline ---------------------------------------------------------------
// The web app manifest, from site.json (names) and the design tokens (colours), listing the
// icons the content build drew from public/icon.svg (crates/content/src/icons.rs).
const tokens = readFileSync(join(sourceDir, "style", "main.css"), "utf8");
function token(name) {
  const value = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`).exec(tokens)?.[1];
  if (!value) throw new Error(`post-build: style/main.css defines no colour --${name}, which the manifest needs`);
  return value;
}
const themeColor = token("color-accent");
const backgroundColor = token("color-bg");
const themeMeta = /<meta\b[^>]*name="?theme-color"?[^>]*>/.exec(html)?.[0] ?? "";
if (!themeMeta.includes(themeColor)) {
  throw new Error(`post-build: index.html's <meta name="theme-color"> must be ${themeColor} (--color-accent in style/main.css); it is: ${themeMeta || "missing"}`);
}
/** A PNG's width and height, from its header. */
function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.toString("latin1", 1, 4) !== "PNG") throw new Error(`post-build: ${file} is not a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}
const manifestIcons = [
  ["icons/icon-192.png", "any"],
  ["icons/icon-512.png", "any"],
  ["icons/maskable-512.png", "maskable"],
].map(([src, purpose]) => {
  const file = join(dir, src);
  if (!existsSync(file)) throw new Error(`post-build: ${src} is missing; the content build draws it from public/icon.svg`);
  const [width, height] = pngSize(file);
  return { src: `${publicUrl}${src}`, sizes: `${width}x${height}`, type: "image/png", purpose };
});
writeFileSync(
  join(dir, "manifest.webmanifest"),
  JSON.stringify(
    {
      id: publicUrl,
      name: site.clinic_name,
      short_name: site.short_name ?? site.clinic_name,
      description: site.tagline,
      lang: "en",
      start_url: publicUrl,
      scope: publicUrl,
      display: "standalone",
      theme_color: themeColor,
      background_color: backgroundColor,
      icons: manifestIcons,
    },
    null,
    2,
  ) + "\n",
);

// The service worker, from src/web/sw.js with what this build precaches (see that file):
//  - release builds: "offline";
//  - a development build (`trunk serve`): "development", a worker that caches nothing and clears
//    what a release build served from the same address saved, so an edit shows on the next reload;
//  - a release build with `"offline_support": false` in site.json: "retired", the way out. Its
//    worker deletes the site's caches and unregisters itself on each device that had the old
//    one (the browser checks sw.js on every visit), and no page registers a worker any more.
const release = profile === "release";
const mode = !release ? "development" : site.offline_support === false ? "retired" : "offline";
const workerSource = readFileSync(join(sourceDir, "src", "web", "sw.js"), "utf8");
const pagePath = (page) => page.path.replace(/^\//, "");
const shellPages = pages.filter((page) => page.shell);
// Each shell page under the address a patient opens it by ("" is the home page); the Not Found
// page under its file, since no address opens it.
const precacheOf = (page) => (page.file === "404.html" ? "404.html" : pagePath(page));
const shell = Object.fromEntries(shellPages.filter((page) => page.file !== "404.html").map((page) => [pagePath(page), precacheOf(page)]));
shell["index.html"] = "";
/** What the worker falls back to when the network fails: the pages above and site.json. Every
 * other precached file is served from the cache. */
const fallbacks = new Set([...shellPages.map(precacheOf), rendered.offline, "site.json"]);
let precache = [];
if (mode === "offline") {
  const assets = readdirSync(dir).filter((f) => /\.(css|js|wasm)$/.test(f) && f !== "sw.js");
  const icons = readdirSync(join(dir, "icons")).filter((f) => f.endsWith(".png")).map((f) => `icons/${f}`);
  const pictures = new Set();
  for (const page of shellPages) {
    const text = readFileSync(join(dir, page.file), "utf8");
    for (const [, src] of text.matchAll(/\bsrc="?(images\/[^"\s>]+)/g)) pictures.add(src);
    // Every candidate of a srcset ("images/a-480.webp 480w, images/a-960.webp 960w").
    for (const [, set] of text.matchAll(/\bsrcset="([^"]+)"/g)) {
      for (const candidate of set.split(",")) {
        const src = candidate.trim().split(/\s+/)[0];
        if (src.startsWith("images/")) pictures.add(src);
      }
    }
  }
  precache = [
    ...shellPages.map(precacheOf),
    rendered.offline,
    ...assets.sort(),
    "site.json",
    "manifest.webmanifest",
    "icon.svg",
    ...icons.sort(),
    ...[...pictures].sort(),
  ];
  // Served from the cache forever, so never under a name another build could give other bytes:
  // each name carries the hash of the bytes the build ends with (the app's script and the
  // chunk loader, the hash of the pair).
  const unnamed = precache.filter((path) => {
    if (fallbacks.has(path) || !/\.(m?js|wasm|css)$/.test(path)) return false;
    const hash = /-([0-9a-f]{16})(_bg)?\.[a-z]+$/.exec(path)?.[1];
    const ofPair = /^(clinic-site|__wasm_split)-[0-9a-f]{16}\.js$/.test(path);
    return hash !== (ofPair ? pair : digest(readFileSync(join(dir, path))));
  });
  if (unnamed.length) {
    throw new Error(
      `post-build: the worker would serve these from its cache under names without a hash of their bytes, ` +
        `so a later deploy could pair them with another version's files; name them in the section ` +
        `"One version per page load":\n  ${unnamed.join("\n  ")}`,
    );
  }
}
/** The file the host serves for a path of the site ("" is index.html, "blog" is blog.html). */
const fileOf = (path) => (path === "" ? "index.html" : existsSync(join(dir, `${path}.html`)) ? `${path}.html` : path);
const version = createHash("sha256")
  .update(mode)
  .update(workerSource)
  .update(JSON.stringify({ shell, pages: pages.map(pagePath), offline: rendered.offline, readTimeoutMs: rendered.read_timeout_ms }));
for (const path of precache) {
  const file = join(dir, fileOf(path));
  if (!existsSync(file)) throw new Error(`post-build: the worker would precache ${path}, which the build does not have`);
  version.update(path).update(readFileSync(file));
}
const build = {
  mode,
  version: version.digest("hex").slice(0, 16),
  precache,
  cacheFirst: precache.filter((path) => !fallbacks.has(path)),
  shell,
  pages: pages.map(pagePath),
  offline: rendered.offline,
  notFound: "404.html",
  readTimeoutMs: rendered.read_timeout_ms,
};
writeFileSync(
  join(dir, "sw.js"),
  `// Generated by scripts/post-build.mjs from src/web/sw.js: do not edit.\nconst BUILD = ${JSON.stringify(build)};\n\n${workerSource}`,
);
// Every page says which deploy it is (src/web/register.js compares it with a new worker's).
// Retired, no page registers a worker: the script and its preload are left out.
const registerJs = renamed.get([...renamed.keys()].find((name) => name.startsWith("register-")));
for (const file of htmlFiles()) {
  let text = readFileSync(file, "utf8").replace("</head>", `<meta name="build-version" content="${build.version}"></head>`);
  if (mode === "retired" && registerJs) text = text.replace(new RegExp(`<(script|link)\\b[^>]*${registerJs.replace(".", "\\.")}[^>]*>(</script>)?`, "g"), "");
  writeFileSync(file, text);
}
if (mode === "retired" && registerJs) rmSync(join(dir, registerJs));

const endpointOrigin = origin(site.contact_endpoint);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(" ")}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${endpointOrigin ? " " + endpointOrigin : ""}`,
  // The service worker (sw.js), and nothing else.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // Without script the browser posts the contact form to the endpoint itself, which then sends
  // it to the thank-you page at base_url (form-action covers that redirect too).
  `form-action 'self' ${[origin(site.base_url), endpointOrigin].filter(Boolean).join(" ")}`,
  "frame-ancestors 'none'",
].join("; ");

const p = publicUrl;
// Every rendered page at its address without ".html" (the route table's, through pages.json): a
// page added to the table is revalidated like the others without a line written here.
const pageRules = [...new Set(pages
  .map((page) => page.path.replace(/^\//, ""))
  .filter((path) => path && path !== "404")
  .map((path) => (path.includes("/") ? `${path.split("/")[0]}/*` : path)))]
  .map((path) => `${p}${path}\n  Cache-Control: no-cache\n`)
  .join("");
const headers = `# Generated by scripts/post-build.mjs at build time: do not edit by hand.
# Security headers on everything the host serves (under a base path, the root's 404.html too).
/*
  Content-Security-Policy: ${csp}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()
  X-Frame-Options: DENY
  Cross-Origin-Opener-Policy: same-origin
  Strict-Transport-Security: max-age=31536000; includeSubDomains

# Named by their bytes (name-<hash>.ext): safe to cache forever.
${p}*.wasm
  Cache-Control: public, max-age=31536000, immutable
${p}clinic-site-*.js
  Cache-Control: public, max-age=31536000, immutable
${p}register-*.js
  Cache-Control: public, max-age=31536000, immutable
${p}__wasm_split-*.js
  Cache-Control: public, max-age=31536000, immutable
${p}offline-*.js
  Cache-Control: public, max-age=31536000, immutable
${p}*.css
  Cache-Control: public, max-age=31536000, immutable

# Not hashed: revalidate so new content and configuration show up quickly.
${p}
  Cache-Control: no-cache
${p}sw.js
  Cache-Control: no-cache
${p}manifest.webmanifest
  Content-Type: application/manifest+json; charset=utf-8
  Cache-Control: no-cache
${p}index.html
  Cache-Control: no-cache
${p}404.html
  Cache-Control: no-cache
${p}*.html
  Cache-Control: no-cache
${pageRules}${p}*.json
  Cache-Control: public, max-age=300, must-revalidate
${p}feed.xml
  Content-Type: application/atom+xml; charset=utf-8
  Cache-Control: public, max-age=300, must-revalidate
${p}images/*
  Cache-Control: public, max-age=86400
${p}icons/*
  Cache-Control: public, max-age=86400
${p}icon.svg
  Cache-Control: public, max-age=86400
`;
writeFileSync(join(dir, "_headers"), headers);

writeFileSync(
  join(dir, "_redirects"),
  "# Generated by scripts/post-build.mjs. Every page is a pre-rendered file, so nothing is rewritten;\n" +
    "# unknown paths get 404.html with status 404 from the host.\n",
);

const baseUrl = site.base_url.replace(/\/$/, "") + p.replace(/\/$/, "");
const postIndex = join(dir, "posts", "index.json");
const posts = existsSync(postIndex) ? JSON.parse(readFileSync(postIndex, "utf8")) : [];
// The link-preview images the content build drew (crates/model/src/blog/preview.rs): the feed's pictures.
const previewList = join(dir, "images", "previews", "previews.json");
const previews = existsSync(previewList) ? JSON.parse(readFileSync(previewList, "utf8")) : {};
// Canonical addresses only ("/" shows the listing, whose canonical address is "/blog"), without
// a trailing slash, as every page's canonical link writes them; a post's entry says when it last
// changed, so crawlers revisit what was updated. Which pages they are is the route table's word.
const urls = pages.filter((page) => page.in_sitemap).map((page) => [page.path, page.changed]);
writeFileSync(
  join(dir, "sitemap.xml"),
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map(([u, lastmod]) => `  <url><loc>${baseUrl}${u}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`)
    .join("\n")}\n</urlset>\n`,
);
writeFileSync(join(dir, "feed.xml"), atomFeed({ site, baseUrl, posts, previews }));
writeFileSync(join(dir, "robots.txt"), `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`);

// A base-path release build (--public-url /clinic/) is a publish folder as hosts take one: the site in
// its folder (clinic/), and at the root what hosts read only there: _headers (whose rules carry
// the folder), _redirects, robots.txt, and the Not Found page for unknown addresses.
// Release builds only: `trunk serve --public-url /clinic/` serves its folder as the site itself.
if (p !== "/" && profile === "release") {
  const atRoot = new Set(["_headers", "_redirects", "robots.txt"]);
  const entries = readdirSync(dir);
  const folder = join(dir, ...p.split("/").filter(Boolean));
  mkdirSync(folder, { recursive: true });
  for (const entry of entries) if (!atRoot.has(entry)) renameSync(join(dir, entry), join(folder, entry));
  copyFileSync(join(folder, "404.html"), join(dir, "404.html"));
}

console.log(`post-build: ${Object.keys(chunkNames).length} wasm chunks, manifest.webmanifest, sw.js (${mode}: ${precache.length} files precached, version ${build.version}), _headers (CSP with ${inlineScriptHashes(html).length} script hash), _redirects, sitemap.xml (${urls.length} URLs), feed.xml (${posts.length} posts), robots.txt`);
