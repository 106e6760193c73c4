// Tests of the size guard's reading of a page: what a browser downloads, and how often.
//   node --test scripts/size-guard.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { attributes, check, partKey, fileOf, firstLoad, pageRequests, staticImports } from "./size-guard.mjs";

const PAGE = "https://site.invalid/blog/post";
const files = (html, modules = {}) =>
  firstLoad(html, PAGE, (url) => modules[fileOf(url)] ?? null).map((d) => `${fileOf(d.url)}${new URL(d.url).search}`);

// The head Trunk and the build (crates/build) write, minified as in a release build.
const HEAD =
  "<base href=/><link href=/main-1a.css rel=stylesheet integrity=sha384-x>" +
  "<script type=module>import init, * as bindings from '/clinic-site-2b.js';\n" +
  "await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n" +
  "const wasm = await init({ module_or_path: '/clinic-site-2b_bg.wasm' });</script>" +
  "<link crossorigin href=/clinic-site-2b.js rel=modulepreload integrity=sha384-y>" +
  "<script integrity=sha384-z src=/register-3c.js type=module></script>" +
  '<script type="application/json" id="prerender-data">{"a":"/not-loaded.js"}</script>' +
  '<link rel="preload" href="/split_listing-4d.wasm" as="fetch" type="application/wasm" crossorigin>';

test("a page's first load is its stylesheet, its loader's script and wasm, its other scripts and their imports", () => {
  const modules = { "clinic-site-2b.js": 'import*as i from"./__wasm_split-5e.js";', "__wasm_split-5e.js": "export{};" };
  assert.deepEqual(files(HEAD, modules), [
    "main-1a.css",
    "clinic-site-2b.js",
    "clinic-site-2b_bg.wasm",
    "register-3c.js",
    "split_listing-4d.wasm",
    "__wasm_split-5e.js",
  ]);
});

test("imports are followed through every module, and a module imported twice is fetched once", () => {
  const modules = { "blog/a.js": 'import "./b.js"; export * from "./c.js";', "blog/b.js": 'import { x } from "./c.js";', "blog/c.js": "export const x = 1;" };
  assert.deepEqual(files("<script type=module src=a.js></script>", modules), ["blog/a.js", "blog/b.js", "blog/c.js"]);
});

test("code that fetches on demand is not part of the first load", () => {
  const modules = { "a.js": 'const c = () => import("./later.js"); fetch(new URL("./chunk-9f.wasm", import.meta.url));' };
  assert.deepEqual(files("<base href=/><script type=module src=/a.js></script>", modules), ["a.js"]);
});

test("a preload that its use matches is one download", () => {
  const html =
    "<base href=/><link rel=preload as=fetch crossorigin href=/x_bg.wasm><link rel=preload as=style href=/a.css>" +
    "<link rel=stylesheet href=/a.css><script type=module>await init({ module_or_path: '/x_bg.wasm' });</script>";
  assert.deepEqual(files(html), ["x_bg.wasm", "a.css"]);
});

test("a preload whose use differs in credentials mode is downloaded again", () => {
  const html = "<base href=/><link rel=preload as=style crossorigin href=/a.css><link rel=stylesheet href=/a.css>";
  assert.deepEqual(files(html), ["a.css", "a.css"]);
  const wasm = "<base href=/><link rel=preload as=fetch href=/x_bg.wasm><script type=module>init({ module_or_path: '/x_bg.wasm' })</script>";
  assert.deepEqual(files(wasm), ["x_bg.wasm", "x_bg.wasm"]);
});

test("a file under two URLs is downloaded twice", () => {
  const html = "<base href=/><link rel=stylesheet href=/a.css><link rel=stylesheet href=a.css?v=1>";
  assert.deepEqual(files(html), ["a.css", "a.css?v=1"]);
  const modules = "<base href=/><script type=module src=/x.js></script><script type=module src=x.js?v=1></script>";
  assert.deepEqual(files(modules), ["x.js", "x.js?v=1"]);
});

test("the same URL written two ways, or linked twice alike, is one download", () => {
  const html = "<base href=/><link rel=stylesheet href=/a.css><link rel=stylesheet href=a.css#top><link rel=stylesheet href=./a.css>";
  assert.deepEqual(files(html), ["a.css"]);
  // The module map holds a module by its URL, whatever the attributes of each use.
  const modules = "<base href=/><link rel=modulepreload href=/x.js><script type=module crossorigin=use-credentials src=x.js></script>";
  assert.deepEqual(files(modules), ["x.js"]);
});

test("a classic preload of a module is not the module: both are downloaded", () => {
  const html = "<base href=/><link rel=preload as=script href=/x.js><script type=module src=/x.js></script>";
  assert.deepEqual(files(html), ["x.js", "x.js"]);
});

test("images, icons, the manifest, data blocks, comments and preloads without `as` load nothing counted", () => {
  const html =
    "<base href=/><link rel=icon href=icon.svg><link rel=manifest href=manifest.webmanifest>" +
    '<link rel=preload as=image href=/hero.webp><link rel=preload href=/x.css><!-- <link rel=stylesheet href=/old.css> -->' +
    '<script type="application/json">{"src":"/y.js"}</script><script nomodule src=/legacy.js></script>';
  assert.deepEqual(files(html), []);
});

test("addresses are read under the page's base, with or without quotes", () => {
  assert.deepEqual(attributes(` href=/clinic/a.css rel="pre load" crossorigin data-x='1&amp;2'`), {
    href: "/clinic/a.css",
    rel: "pre load",
    crossorigin: "",
    "data-x": "1&2",
  });
  const [request] = pageRequests("<base href=/clinic/><link rel=stylesheet href=a.css>", "https://site.invalid/clinic/blog/x");
  assert.equal(request.url, "https://site.invalid/clinic/a.css");
  assert.equal(fileOf(request.url, "https://site.invalid/clinic/"), "a.css");
  assert.equal(fileOf("https://cdn.example/a.css"), null);
  assert.deepEqual(staticImports(`throw new Error("copied from " + x); import{a}from"./a.js";export*from'../b.js';import"/c.js"`), ["./a.js", "../b.js", "/c.js"]);
});

test("a part is known by its name without the hash, shared code by the parts it serves", () => {
  const loader = `/* checklist */\nconst __split_checklist = makeLoad(() => fetch(new URL("./split_checklist-0123abcd.wasm", import.meta.url)));
/* listing, checklist */
const __chunk_1 = makeLoad(() => {
  const src = fetch(new URL("./chunk-89ab01cd.wasm", import.meta.url));`;
  assert.equal(partKey("split_checklist-0123abcd.wasm", [loader]), "split_checklist");
  assert.equal(partKey("chunk-89ab01cd.wasm", ["sw.js: chunk-89ab01cd.wasm", loader]), "shared (checklist, listing)");
  assert.equal(partKey("chunk-77777777.wasm", [loader]), "chunk");
});

test("every part needs a budget of its own, and a budget a part of its own", () => {
  const budgets = { wasm: 1, homeFirstLoad: 2, postFirstLoad: 2, parts: { split_contact: 1, split_gone: 1 } };
  const parts = [
    { key: "split_contact", file: "split_contact-aa.wasm", bytes: 1100 },
    { key: "split_new", file: "split_new-bb.wasm", bytes: 500 },
  ];
  const { rows, problems } = check({ wasm: 1024, home: 2049, post: 100, parts }, budgets);
  assert.deepEqual(
    rows.map((r) => [r.label, r.over]),
    [
      ["main wasm", false],
      ["home page first load", true],
      ["post page first load", false],
      ["wasm split_contact", true],
      ["wasm split_new", false],
    ],
  );
  assert.equal(problems.length, 2);
  assert.match(problems[0], /split_new-bb\.wasm is a new wasm part \("split_new"\) with no budget: add "split_new": 1.0/);
  assert.match(problems[1], /"split_gone", which this build no longer has/);
  const twins = check({ wasm: 0, home: 0, post: 0, parts: [{ key: "chunk", file: "chunk-a.wasm", bytes: 0 }, { key: "chunk", file: "chunk-b.wasm", bytes: 0 }] }, { ...budgets, parts: { chunk: 1 } });
  assert.match(twins.problems[0], /chunk-a\.wasm, chunk-b\.wasm are all "chunk"/);
});
