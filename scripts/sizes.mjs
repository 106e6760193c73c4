// Prints raw / gzip / brotli sizes of every file in a build folder, and the totals.
//   node scripts/sizes.mjs [dist]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith(".")) continue;
    statSync(path).isDirectory() ? walk(path) : files.push(path);
  }
})(root);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = files.map((file) => {
  const raw = readFileSync(file);
  return {
    file: relative(root, file),
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.raw - a.raw);
console.log(`${"file".padEnd(52)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"br KB".padStart(8)}`);
for (const r of rows) console.log(`${r.file.padEnd(52)}${kb(r.raw)} ${kb(r.gzip)}${kb(r.br)}`);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, br: t.br + r.br }), { raw: 0, gzip: 0, br: 0 });
console.log(`${`TOTAL (${rows.length} files)`.padEnd(52)}${kb(total.raw)} ${kb(total.gzip)}${kb(total.br)}`);
