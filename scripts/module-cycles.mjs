// Fails when two modules of a crate import each other (`a` uses `b` and `b` uses `a`, a parent
// and its child included): each shared item belongs in one of them, or in a module of its own.
// A module imports another when its code names that module or an item defined there, by any path
// (`use`, `pub use`, `self::x::Y`, `super::Y`, `x::f()`); a name reached through a `use` is
// followed to the module defining it, a glob imports its whole module, and `mod x;` is only the tree.
// Reads the source as text, leaving out comments, strings and `#[cfg(test)]` items; an inline
// `mod x { … }` counts as part of its file; names the crate root takes from another crate (the
// site's `blog`, `config`, …: the model) are not its own, and `--external` names more of them.
//   node scripts/module-cycles.mjs <src dir> [--external name,name] …
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The pairs of modules of the crate under `srcDir` that import each other, each as `[a, b]`
 * in name order (the root, named `crate`, first), sorted; and how many file modules were read.
 */
export function moduleCycles(srcDir, { external = [] } = {}) {
  const modules = readCrate(srcDir);
  const resolve = resolver(modules, new Set(external));
  const uses = new Map(); // file module → the file modules it imports
  for (const [name, module] of modules) {
    const found = uses.get(module.file) ?? new Set();
    for (const path of module.paths) {
      const target = resolve(name, path);
      if (target !== null && modules.get(target).file !== module.file) found.add(modules.get(target).file);
    }
    uses.set(module.file, found);
  }
  const pairs = [];
  for (const [a, used] of uses) {
    for (const b of used) if (a < b && uses.get(b).has(a)) pairs.push([a, b]);
  }
  const display = (name) => name || "crate";
  return {
    moduleCount: uses.size,
    pairs: pairs.map((pair) => pair.map(display)).sort((x, y) => (x.join() < y.join() ? -1 : 1)),
  };
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".rs") ? [path] : [];
  });
}

/** Every module by its path (`a::b`, the root ""), inline ones included, each with `file`
 * (the file module it belongs to), `imports` (name → the path its `use` gives) and `paths`. */
function readCrate(root) {
  const sources = files(root).map((file) => ({ file, parts: relative(root, file).slice(0, -3).split(sep) }));
  // With a lib.rs, main.rs is a binary of its own that uses the library, as `bin/` files are.
  const rootFile = sources.some(({ parts }) => parts.join() === "lib") ? "lib" : "main";
  const modules = new Map();
  const testOnly = [];
  for (const { file, parts } of sources) {
    if (parts[0] === "bin" || (parts.length === 1 && ["lib", "main"].includes(parts[0]) && parts[0] !== rootFile)) {
      continue;
    }
    if (["mod", "lib", "main"].includes(parts.at(-1))) parts.pop();
    const name = parts.join("::");
    const { code, testModules } = withoutTests(blankCommentsAndLiterals(readFileSync(file, "utf8")));
    testOnly.push(...testModules.map((child) => join2(name, child)));
    readModule(name, name, code, modules);
  }
  // A `#[cfg(test)] mod x;` file is a test too.
  for (const test of testOnly) {
    for (const name of modules.keys()) if (name === test || name.startsWith(`${test}::`)) modules.delete(name);
  }
  return modules;
}

const join2 = (module, child) => (module ? `${module}::${child}` : child);

/** The source with comments, strings and character literals blanked (lines kept), so that
 * neither a `crate::x` in a doc comment nor a `{` in a string is read as code. */
function blankCommentsAndLiterals(text) {
  const literal =
    /\/\/[^\n]*|\/\*[\s\S]*?\*\/|(?<![\w])b?r(#*)"[\s\S]*?"\1|(?<![\w])b?"(?:[^"\\]|\\[\s\S])*"|(?<![\w])b?'(?:[^'\\\n]|\\[^\n]{1,10}?)'/gu;
  return text.replace(literal, (match) => match.replace(/[^\n]/g, " "));
}

/** The code without `#[cfg(test)]` items, and the names of the `#[cfg(test)] mod x;` files. */
function withoutTests(text) {
  const testModules = [];
  let code = text;
  for (let at = code.search(/#\[cfg\(test\)\]/); at >= 0; at = code.search(/#\[cfg\(test\)\]/)) {
    const end = itemEnd(code, at + "#[cfg(test)]".length);
    const item = code.slice(at, end);
    const file = item.match(/\bmod\s+(\w+)\s*;$/);
    if (file) testModules.push(file[1]);
    code = code.slice(0, at) + item.replace(/[^\n]/g, " ") + code.slice(end);
  }
  return { code, testModules };
}

/** Where the item starting at `from` ends: after its `;`, or after the `}` closing its body. */
function itemEnd(code, from) {
  for (let i = from; i < code.length; i++) {
    if (code[i] === ";") return i + 1;
    if (code[i] === "{") return closingBrace(code, i) + 1;
  }
  return code.length;
}

function closingBrace(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth === 0) return i;
  }
  return code.length - 1;
}

/** Records module `name` (written in `file`'s module) and, in turn, the inline modules in it. */
function readModule(name, file, code, modules) {
  const module = { file, imports: new Map(), paths: [] };
  modules.set(name, module);
  let rest = code;
  for (let m; (m = /\bmod\s+(\w+)\s*\{/.exec(rest)); ) {
    const open = m.index + m[0].length - 1;
    const close = closingBrace(rest, open);
    readModule(join2(name, m[1]), file, rest.slice(open + 1, close), modules);
    rest = rest.slice(0, m.index) + " ".repeat(close + 1 - m.index) + rest.slice(close + 1);
  }
  for (let m; (m = /\buse\s+([^;]*);/.exec(rest)); ) {
    for (const { path, binding } of useTree(m[1])) {
      module.paths.push(path);
      if (binding) module.imports.set(binding, path);
    }
    rest = rest.slice(0, m.index) + " ".repeat(m[0].length) + rest.slice(m.index + m[0].length);
  }
  // Every other path of two or more segments: `crate::x::f()`, `super::Y`, `child::Z`, `Type::new`.
  for (const m of rest.matchAll(/(?<![\w:])(?:r#)?[A-Za-z_]\w*(?:\s*::\s*(?:r#)?[A-Za-z_]\w*)+/g)) {
    module.paths.push(m[0].split("::").map((s) => s.trim().replace(/^r#/, "")));
  }
}

/** The leaves of a `use` tree (`crate::{a::{b, c as d}, e::*}`), each as its whole path
 * (a glob ends in `*`, a `self` names its module) and the name it binds, if any. */
function useTree(text) {
  const tokens = text.match(/::|[{},*]|[A-Za-z_]\w*/g) ?? [];
  let i = 0;
  const leaves = [];
  const tree = (prefix) => {
    const path = [...prefix];
    if (tokens[i] === "::") i++; // a leading `::` (an extern crate, 2015 style)
    for (;;) {
      const token = tokens[i++];
      if (token === "{") {
        while (tokens[i] !== "}" && i < tokens.length) {
          tree(path);
          if (tokens[i] === ",") i++;
        }
        i++;
        return;
      }
      if (token === "*") {
        leaves.push({ path: [...path, "*"], binding: null });
        return;
      }
      if (token === "self" && path.length > 0 && path.length === prefix.length) {
        leaves.push({ path, binding: alias() ?? path.at(-1) });
        return;
      }
      path.push(token);
      if (tokens[i] === "::") {
        i++;
        continue;
      }
      const binding = alias() ?? token;
      leaves.push({ path, binding: binding === "_" ? null : binding });
      return;
    }
  };
  const alias = () => {
    if (tokens[i] !== "as") return undefined;
    i += 2;
    return tokens[i - 1];
  };
  tree([]);
  return leaves.filter((leaf) => leaf.path.length > 0 && leaf.path.every((s) => s !== undefined));
}

/** `resolve(module, path)`: the module that defines what `path`, written in `module`, names;
 * null for another crate's item or a name of the module's own (a local type, a variable). */
function resolver(modules, external) {
  const resolve = (at, path, seen) => {
    const [first, ...rest] = path;
    if (first === "crate") return walk("", rest, seen);
    if (first === "self") return walk(at, rest, seen);
    if (first === "super") {
      let base = at.split("::");
      let k = 0;
      while (path[k] === "super") {
        base = base.slice(0, -1);
        k++;
      }
      return walk(base.filter(Boolean).join("::"), path.slice(k), seen);
    }
    if (modules.has(join2(at, first))) return walk(at, path, seen);
    if (at === "" && external.has(first)) return null;
    return through(at, first, rest, seen) ?? null;
  };
  // Follows a name `module` takes by `use` on to where its item is; undefined if it takes none.
  const through = (module, name, rest, seen) => {
    const path = modules.get(module).imports.get(name);
    const key = `${module}::${name}`;
    if (!path || seen.has(key)) return undefined;
    return resolve(module, [...path, ...rest], new Set(seen).add(key));
  };
  const walk = (module, rest, seen) => {
    let here = module;
    for (let i = 0; i < rest.length && rest[i] !== "*"; i++) {
      if (modules.has(join2(here, rest[i]))) {
        here = join2(here, rest[i]);
        continue;
      }
      if (here === "" && external.has(rest[i])) return null;
      const onward = through(here, rest[i], rest.slice(i + 1), seen);
      return onward === undefined ? here : onward;
    }
    return here;
  };
  return (at, path) => resolve(at, path, new Set());
}

function main(args) {
  const crates = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--external" && crates.length && i + 1 < args.length) crates.at(-1).external = args[++i].split(",");
    else if (args[i].startsWith("--")) return usage();
    else crates.push({ root: args[i], external: [] });
  }
  if (crates.length === 0) return usage();
  let failed = false;
  for (const { root, external } of crates) {
    const { moduleCount, pairs } = moduleCycles(root, { external });
    if (pairs.length) {
      failed = true;
      const lines = pairs.map(([a, b]) => `${a} <-> ${b}`);
      console.error(`${root}: modules that import each other:\n  ${lines.join("\n  ")}`);
    } else {
      console.log(`${root}: ${moduleCount} modules, none imports one that imports it back`);
    }
  }
  return failed ? 1 : 0;
}

function usage() {
  console.error("usage: node scripts/module-cycles.mjs <src dir> [--external name,name] …");
  return 2;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(main(process.argv.slice(2)));
}
