// Fails when two modules of a crate import each other (`a` uses `b` and `b` uses `a`, a parent
// and its child included): each shared item belongs in one of them, or in a module of its own.
// Reads `crate::…` and `super::…` paths as text, leaving out comments and test modules; names a
// crate re-exports from another crate (the site's `blog`, `config`, …: the model) are not its own.
//   node scripts/module-cycles.mjs <src dir> [--external name,name] …
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

const args = process.argv.slice(2);
const crates = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--external") crates.at(-1).external = new Set(args[++i].split(","));
  else crates.push({ root: args[i], external: new Set() });
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".rs") ? [path] : [];
  });
}

let failed = false;
for (const { root, external } of crates) {
  const modules = new Map(); // "a::b" → file
  for (const file of files(root)) {
    const parts = relative(root, file).slice(0, -3).split(sep);
    if (parts[0] === "bin") continue;
    if (["mod", "lib", "main"].includes(parts.at(-1))) parts.pop();
    modules.set(parts.join("::"), file);
  }
  const uses = new Map();
  for (const [me, file] of modules) {
    let text = readFileSync(file, "utf8").replace(/\/\/[^\n]*/g, "");
    const tests = text.search(/#\[cfg\(test\)\]\s*mod tests/);
    if (tests >= 0) text = text.slice(0, tests);
    const parent = me ? me.split("::").slice(0, -1) : [];
    const found = new Set();
    const resolve = (base, path) => {
      const parts = [...base, ...path];
      if (base.length === 0 && external.has(parts[0])) return;
      for (let k = parts.length; k >= 0; k--) {
        const name = parts.slice(0, k).join("::");
        if (modules.has(name)) {
          if (name !== me) found.add(name);
          return;
        }
      }
    };
    for (const m of text.matchAll(/\b(crate|super)((?:::[A-Za-z_]\w*)+)/g)) {
      resolve(m[1] === "crate" ? [] : parent, m[2].slice(2).split("::"));
    }
    for (const m of text.matchAll(/\b(crate|super)::\{([^}]*)\}/g)) {
      for (const item of m[2].split(",")) {
        const name = item.trim().split(/::|\s/)[0];
        if (name) resolve(m[1] === "crate" ? [] : parent, [name]);
      }
    }
    uses.set(me, found);
  }
  const pairs = [];
  for (const [a, used] of uses) {
    for (const b of used) if (a < b && uses.get(b)?.has(a)) pairs.push(`${a || "(crate root)"} <-> ${b || "(crate root)"}`);
  }
  if (pairs.length) {
    failed = true;
    console.error(`${root}: modules that import each other:\n  ${pairs.join("\n  ")}`);
  } else {
    console.log(`${root}: ${modules.size} modules, none imports one that imports it back`);
  }
}
process.exit(failed ? 1 : 0);
