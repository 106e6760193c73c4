// A small static server for the release build, behaving like Cloudflare Pages or Netlify:
// serves a publish folder (dist/, or dist-clinic/ whose site is in clinic/) at the host's root:
// /blog from blog.html, "/blog/" redirected to "/blog", a folder's index.html at "/clinic/" (and
// "/clinic" redirected there), unknown paths answered with the nearest 404.html up the folders and status 404,
// brotli or gzip, and the root's _headers (Netlify/Cloudflare format) applied, so tests run
// under the real security headers and see what a host would do with the build as it is.
//
//   node tests/server/static.mjs --dir dist --port 4173 [--no-headers] [--pretty-urls]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]?.startsWith("--") ? true : all[i + 1] ?? true]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 4173);
const applyHeaders = !args["no-headers"];
// Cloudflare Pages' and Netlify's "pretty URLs": a file address ending in .html is redirected
// to the address without it (/offline.html to /offline, /index.html to /).
const prettyUrls = !!args["pretty-urls"];

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json; charset=utf-8",
};
const compressible = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg", ".txt", ".xml", ".webmanifest"]);

/** Compressed bodies, by file, encoding and modification: brotli 11 of the wasm takes seconds,
 * and a test that holds the wasm back (which turns the browser cache off) must not wait for it
 * again on every request. */
const packed = new Map();

async function compressed(file, body, encoding) {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}|${encoding}|${mtimeMs}|${size}`;
  if (!packed.has(key)) {
    packed.set(
      key,
      encoding === "br"
        ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(body, { level: 9 }),
    );
  }
  return packed.get(key);
}

/** Parses a Netlify/Cloudflare `_headers` file into [{pattern, headers}]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else if (rules.length && line.trim().startsWith("!")) {
      // Cloudflare Pages: `! Name` detaches a header an earlier matching rule attached.
      rules.at(-1).headers.push([line.trim().slice(1).trim(), null]);
    } else if (rules.length) {
      const i = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern, path) {
  const re = new RegExp(
    "^" + pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/:[a-z]+/gi, "[^/]+") + "$",
  );
  return re.test(path);
}

function headerRules() {
  const file = join(root, "_headers");
  return applyHeaders && existsSync(file) ? parseHeaders(readFileSync(file, "utf8")) : [];
}

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file a host serves for `urlPath`, or where it redirects: { file } or { redirect }. */
async function resolvePath(urlPath) {
  const rel = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const path = join(root, rel);
  if (!path.startsWith(root)) return {};
  if (urlPath.endsWith("/")) {
    if (await isFile(join(path, "index.html"))) return { file: join(path, "index.html") };
    // One form of every address, without a trailing slash (the canonical links and the
    // sitemap write it so): "/blog/" is redirected to "/blog", as Cloudflare Pages does.
    const bare = urlPath.replace(/\/+$/, "");
    if (bare && (await isFile(`${join(root, bare)}.html`))) return { redirect: bare };
    return {};
  }
  if (await isFile(path)) return { file: path };
  if (await isFile(`${path}.html`)) return { file: `${path}.html` };
  if (await isFile(join(path, "index.html"))) return { redirect: `${urlPath}/` };
  return {};
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (prettyUrls && url.pathname.endsWith(".html")) {
    res.writeHead(308, { Location: url.pathname.replace(/(index)?\.html$/, "") + url.search });
    return res.end();
  }
  const found = await resolvePath(url.pathname);
  if (found.redirect) {
    res.writeHead(308, { Location: found.redirect + url.search });
    return res.end();
  }
  let file = found.file;
  let status = 200;
  if (!file) {
    // Like the static hosts: the pre-rendered Not Found page, with a real 404; the nearest
    // one up the folders, as Cloudflare Pages serves it (/es/… gets es/404.html, in Spanish).
    const segments = url.pathname.split("/").filter(Boolean);
    for (let n = segments.length - 1; n >= 0 && !file; n--) {
      const candidate = join(root, ...segments.slice(0, n), "404.html");
      if (candidate.startsWith(root) && (await isFile(candidate))) file = candidate;
    }
    file ??= join(root, "404.html");
    status = 404;
  }
  const ext = extname(file);
  let body = await readFile(file);
  const headers = { "Content-Type": types[ext] ?? "application/octet-stream", Vary: "Accept-Encoding" };
  // _headers patterns are whole paths from the host's root (a base-path build's carry it).
  for (const rule of headerRules()) {
    if (!matches(rule.pattern, url.pathname)) continue;
    for (const [k, v] of rule.headers) {
      if (v === null) delete headers[k];
      else headers[k] = v;
    }
  }
  const accept = req.headers["accept-encoding"] ?? "";
  if (compressible.has(ext) && body.length > 512) {
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
    if (encoding) {
      body = await compressed(file, body, encoding);
      headers["Content-Encoding"] = encoding;
    }
  }
  headers["Content-Length"] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});

// Node closes idle keep-alive sockets after 5 s, and a client that reuses one at that moment
// gets ECONNRESET (seen in a Playwright route.fetch of site.json). Hosts keep them far longer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, "127.0.0.1", () => {
  console.log(`static: serving ${root} at http://127.0.0.1:${port}/`);
});
