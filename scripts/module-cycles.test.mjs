// The module-cycle check on small made-up crates, each with the pairs it must report.
//   node --test scripts/module-cycles.test.mjs
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

import { moduleCycles } from "./module-cycles.mjs";

const script = join(dirname(fileURLToPath(import.meta.url)), "module-cycles.mjs");
const made = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A crate's `src` folder holding `files` (path → source). */
function crate(files) {
  const dir = mkdtempSync(join(tmpdir(), "module-cycles-"));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const pairsIn = (files, options) => moduleCycles(crate(files), options).pairs;

test("a parent that re-exports its child, which imports an item defined in the parent, is a pair", () => {
  const pairs = pairsIn({
    "lib.rs": "pub mod checklist_page;",
    "checklist_page/mod.rs": `
      mod checklist;
      pub use checklist::SymptomChecklist;
      pub type Ticked = Vec<String>;
    `,
    "checklist_page/checklist.rs": "use super::Ticked;\npub fn SymptomChecklist(t: Ticked) {}",
  });
  assert.deepEqual(pairs, [["checklist_page", "checklist_page::checklist"]]);
});

test("a parent naming its child by `self::child` or in an expression imports it", () => {
  const pairs = pairsIn({
    "lib.rs": "mod a; mod b;",
    "a/mod.rs": "mod child;\npub const ID: &str = \"a\";\nuse self::child::Form;",
    "a/child.rs": "pub struct Form;\nfn id() -> &'static str { super::ID }",
    "b/mod.rs": "mod child;\npub const ID: &str = \"b\";\nfn show() { child::render(); }",
    "b/child.rs": "use super::ID;\npub fn render() {}",
  });
  assert.deepEqual(pairs, [
    ["a", "a::child"],
    ["b", "b::child"],
  ]);
});

test("declaring a child with `mod` is not importing it", () => {
  const pairs = pairsIn({
    "lib.rs": "mod form;",
    "form/mod.rs": "mod ids;\npub struct Draft;",
    "form/ids.rs": "use super::Draft;",
  });
  assert.deepEqual(pairs, []);
});

test("a name the parent only re-exports leads to the module that defines it", () => {
  // `super::SymptomGroup` is the sibling's item: the child imports the sibling, not the parent.
  const pairs = pairsIn({
    "lib.rs": "mod checklist_page;",
    "checklist_page/mod.rs": `
      mod checkboxes;
      mod checklist;
      pub use checkboxes::SymptomGroup;
      pub use checklist::checklist_view;
    `,
    "checklist_page/checkboxes.rs": "pub fn SymptomGroup() {}",
    "checklist_page/checklist.rs": "use super::SymptomGroup;\npub fn checklist_view() {}",
  });
  assert.deepEqual(pairs, []);
});

test("a glob import of the parent imports the parent", () => {
  const pairs = pairsIn({
    "lib.rs": "mod page;",
    "page/mod.rs": "mod part;\npub use part::Part;\npub struct Shared;",
    "page/part.rs": "use super::*;\npub struct Part;",
  });
  assert.deepEqual(pairs, [["page", "page::part"]]);
});

test("paths inside `{}` groups nested in each other are read", () => {
  const pairs = pairsIn({
    "lib.rs": "mod a; mod d; mod x;",
    "a/mod.rs": "pub mod b;\npub mod c;",
    "a/b.rs": "use crate::x::Thing;\npub struct B;",
    "a/c.rs": "pub struct C;",
    "d/mod.rs": "pub mod e;",
    "d/e.rs": "use crate::x::{self as here};\npub struct E;",
    "x.rs": "pub struct Thing;\nuse crate::{\n  a::{b::{B}, c},\n  d::e::{E as Renamed},\n};",
  });
  assert.deepEqual(pairs, [
    ["a::b", "x"],
    ["d::e", "x"],
  ]);
});

test("two sibling modules that import each other are a pair", () => {
  const pairs = pairsIn({
    "lib.rs": "mod a;\nmod b;\nmod c;",
    "a.rs": "use crate::b::B;\npub struct A;",
    // Read past a test module: the import after it counts.
    "b.rs": "pub struct B;\n#[cfg(test)]\nmod tests {}\nfn make() -> crate::a::A { crate::a::A }",
    "c.rs": "use crate::a::A;",
  });
  assert.deepEqual(pairs, [["a", "b"]]);
});

test("a module importing an item the crate root defines, which the root imports back, is a pair", () => {
  const pairs = pairsIn({
    "lib.rs": "mod shell;\nuse crate::shell::Shell;\npub fn App() {}",
    "shell.rs": "pub fn Shell() { crate::App() }",
    // A binary beside the library is a crate of its own.
    "main.rs": "fn main() { clinic::App() }",
  });
  assert.deepEqual(pairs, [["crate", "shell"]]);
});

test("a layered tree reports no pair", () => {
  const { pairs, moduleCount } = moduleCycles(
    crate({
      "lib.rs": "pub use model::{blog, config};\nmod api;\nmod components;\nmod pages;",
      "api/mod.rs": "pub mod posts;\npub enum FetchError { NotFound }",
      "api/posts.rs": "use super::FetchError;\nuse crate::blog::Post;",
      "components/mod.rs": "pub mod card;\npub mod list;",
      "components/card.rs": "use crate::blog::Post;\npub fn Card() {}",
      "components/list.rs": "use super::card::Card;\nuse crate::api::{posts, FetchError};",
      "pages/mod.rs": "pub mod blog;",
      // `crate::blog` is the model's, not this page.
      "pages/blog.rs": "use crate::components::list;\nuse crate::blog::Post;\nuse crate::config::Site;",
      "bin/prerender.rs": "use clinic::pages::blog;",
    }),
    { external: ["blog", "config"] },
  );
  assert.deepEqual(pairs, []);
  assert.equal(moduleCount, 8);
});

test("comments, strings, test code and a file's inline modules import nothing", () => {
  const { pairs, moduleCount } = moduleCycles(
    crate({
      "lib.rs": "mod a;\nmod b;\npub use a::A;\n#[cfg(test)]\nmod tests;",
      // `super` in `browser` is `a`, not the root that imports `a`.
      "a.rs": `
        use crate::b::B;
        pub struct A;
        #[cfg(target_arch = "wasm32")]
        mod browser {
            use super::A;
            pub fn share() {}
        }
        fn share() { browser::share() }
      `,
      "b.rs": `
        //! Not [\`crate::a::A\`]; /* nor crate::a::A */
        pub struct B;
        const NOTE: &str = "crate::a::A }";
        #[cfg(test)]
        mod tests {
            const BRACE: char = '}';
            use crate::a::A;
        }
      `,
      "tests.rs": "use crate::a::A;\nuse crate::b::B;",
    }),
  );
  assert.deepEqual(pairs, []);
  assert.equal(moduleCount, 3, "a `#[cfg(test)] mod tests;` file is test code too");
});

test("the command fails on a pair, passes without one, and names the pair", () => {
  const cyclic = crate({ "lib.rs": "mod a;\nmod b;", "a.rs": "use crate::b::B;\npub struct A;", "b.rs": "use crate::a::A;\npub struct B;" });
  const clean = crate({ "lib.rs": "mod a;\nmod b;", "a.rs": "use crate::b::B;", "b.rs": "pub struct B;" });
  const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });

  const failing = run(clean, "--external", "blog,config", cyclic);
  assert.equal(failing.status, 1);
  assert.match(failing.stderr, /^\s+a <-> b$/m);
  assert.match(failing.stdout, /3 modules, none imports one that imports it back/);

  assert.equal(run(clean, "--external", "blog").status, 0);
  assert.equal(run().status, 2);
});
