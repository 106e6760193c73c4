// Where the wasm's bytes are: sums the size of every function body by the crate it comes from,
// and, for this crate, by module. Reads a wasm that still has its "name" section (cargo's own
// output, before wasm-bindgen and wasm-opt strip it), so the figures are before wasm-opt's
// shrinking, but the proportions are what to cut.
//   node scripts/wasm-size.mjs <file.wasm> [--top N]
import { readFileSync } from "node:fs";

const [file, ...rest] = process.argv.slice(2);
const top = Number(rest[rest.indexOf("--top") + 1]) || 15;
const bytes = readFileSync(file);

let pos = 8; // magic + version
const leb = () => {
  let result = 0, shift = 0, byte;
  do {
    byte = bytes[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const len = leb();
  const s = bytes.toString("utf8", pos, pos + len);
  pos += len;
  return s;
};

let importedFunctions = 0;
const bodySizes = [];
const functionNames = new Map();
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  if (id === 0) {
    const custom = name();
    sections.push([`custom "${custom}"`, size]);
    if (custom === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) functionNames.set(leb(), name());
        }
        pos = subEnd;
      }
    }
  } else {
    sections.push([["type", "import", "function", "table", "memory", "global", "export", "start", "element", "code", "data", "data count"][id - 1] ?? `#${id}`, size]);
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        name();
        name();
        const kind = bytes[pos++];
        if (kind === 0) { leb(); importedFunctions++; }
        else if (kind === 1) { pos++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) { pos++; pos++; }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) {
        const len = leb();
        bodySizes.push(len);
        pos += len;
      }
    }
  }
  pos = start + size;
}

/** The crate (and for ours, the module) a Rust symbol belongs to. */
function owner(symbol) {
  // Legacy mangling: _ZN<len><segment>...E; generic impls start with `_$LT$<type> as ...`.
  let s = symbol;
  const m = /^_ZN(.*)E$/.exec(s);
  const segments = [];
  if (m) {
    let rest = m[1];
    while (rest.length) {
      const lm = /^(\d+)/.exec(rest);
      if (!lm) break;
      const len = Number(lm[1]);
      segments.push(rest.slice(lm[1].length, lm[1].length + len));
      rest = rest.slice(lm[1].length + len);
    }
  } else {
    segments.push(...s.split("::"));
  }
  let first = segments[0] ?? s;
  // `<T as Trait>::f`: attribute to the type's crate.
  const inner = /^_?\$LT\$(?:\$RF\$)?(?:mut\$u20\$)?([A-Za-z_][A-Za-z0-9_]*)(?:\.\.([A-Za-z_][A-Za-z0-9_]*))?/.exec(first);
  // A blanket or tuple impl (`<T as tachys::view::Render>`, `<(A, B) as …>`): the trait's crate.
  if (!inner || /^[A-Z]$/.test(inner[1])) {
    const trait = /\$u20\$as\$u20\$([a-z_][a-z0-9_]*)\.\./.exec(first);
    if (trait) return `${trait[1]} (impls for generic types)`;
  }
  // Ours: the site and the model (crates/model), each by module.
  const ours = (name) => name === "clinic_site" || name === "clinic_model";
  if (inner) return ours(inner[1]) && inner[2] ? `${inner[1]}::${inner[2]}` : inner[1];
  if (ours(first) && segments[1] && !/^h[0-9a-f]{16}$/.test(segments[1])) return `${first}::${segments[1]}`;
  if (/^[a-z_][a-z0-9_]*$/.test(first)) return first;
  return "(other)";
}

const byOwner = new Map();
let total = 0;
bodySizes.forEach((size, i) => {
  const symbol = functionNames.get(importedFunctions + i) ?? "";
  const key = symbol ? owner(symbol) : "(unnamed)";
  byOwner.set(key, (byOwner.get(key) ?? 0) + size);
  total += size;
});

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${file}: ${(bytes.length / 1024).toFixed(1)} KB, code ${(total / 1024).toFixed(1)} KB in ${bodySizes.length} functions`);
console.log("\nsections:");
for (const [label, size] of sections.sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${label.padEnd(24)}${kb(size)} KB`);
const rows = [...byOwner].sort((a, b) => b[1] - a[1]);
const show = (title, list) => {
  console.log(`\n${title}:`);
  for (const [key, size] of list.slice(0, top)) console.log(`  ${key.padEnd(40)}${kb(size)} KB ${((100 * size) / total).toFixed(1).padStart(5)} %`);
};
show("code by crate", [...rows.reduce((m, [k, v]) => m.set(k.split("::")[0], (m.get(k.split("::")[0]) ?? 0) + v), new Map())].sort((a, b) => b[1] - a[1]));
show("largest single functions", bodySizes.map((size, i) => [functionNames.get(importedFunctions + i) ?? "(unnamed)", size]).sort((a, b) => b[1] - a[1]).map(([n, size]) => [n.length > 38 ? n.slice(0, 37) + "…" : n, size]));
show("code by module of our crates", rows.filter(([k]) => k.startsWith("clinic_site::") || k.startsWith("clinic_model::")));
