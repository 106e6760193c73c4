// Compares two builds of the site file by file: for a change to how the site is built, what a
// patient gets must stay the same. Names are compared without their content hashes, and texts
// without the values that follow from those hashes (integrity, the CSP's script hash, the
// build's version); what still differs is listed, to be explained.
//   node scripts/dist-diff.mjs <before> <after>
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const [before, after] = process.argv.slice(2);
if (!before || !after) throw new Error("usage: node scripts/dist-diff.mjs <before> <after>");

const HASH = /-[0-9a-f]{16}(?=[._])/g;
/** Every file under `dir`, by its path without hashes (several files may share one). */
function files(dir, folder = dir, found = new Map()) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files(dir, path, found);
    else {
      const key = relative(dir, path).replace(HASH, "-HASH");
      found.set(key, [...(found.get(key) ?? []), path]);
    }
  }
  return found;
}
const withoutHashes = (text) =>
  text
    .replace(HASH, "-HASH")
    .replace(/sha384-[A-Za-z0-9+/=]+/g, "sha384-X")
    .replace(/'sha256-[A-Za-z0-9+/=]+'/g, "'sha256-X'")
    .replace(/content="[0-9a-f]{16}"/g, 'content="VERSION"');
const digest = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

const a = files(before);
const b = files(after);
const onlyBefore = [...a.keys()].filter((k) => !b.has(k));
const onlyAfter = [...b.keys()].filter((k) => !a.has(k));
let identical = 0;
let sameButHashes = 0;
const differ = [];
for (const [key, pathsA] of a) {
  const pathsB = b.get(key);
  if (!pathsB) continue;
  if (pathsA.length !== 1 || pathsB.length !== 1) {
    const same = JSON.stringify(pathsA.map(digest).sort()) === JSON.stringify(pathsB.map(digest).sort());
    if (same) identical += pathsA.length;
    else differ.push(`${key}: ${pathsA.length} files before, ${pathsB.length} after, with other bytes`);
    continue;
  }
  const [bytesA, bytesB] = [readFileSync(pathsA[0]), readFileSync(pathsB[0])];
  if (bytesA.equals(bytesB)) identical++;
  else if (/\.(wasm|png|jpe?g|webp)$/.test(key)) differ.push(`${key}: ${bytesA.length} -> ${bytesB.length} bytes`);
  else if (withoutHashes(bytesA.toString()) === withoutHashes(bytesB.toString())) sameButHashes++;
  else differ.push(`${key}: text differs`);
}
console.log(`only before: ${onlyBefore.join(", ") || "none"}`);
console.log(`only after: ${onlyAfter.join(", ") || "none"}`);
console.log(`identical: ${identical}; the same but for hashes, integrity and version: ${sameButHashes}`);
for (const line of differ) console.log(`differs: ${line}`);
