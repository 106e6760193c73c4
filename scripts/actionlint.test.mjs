// The workflow linter finds what it is for: a broken workflow fails, naming file and line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = (file) => {
  try {
    return { status: 0, out: execFileSync("node", ["scripts/actionlint.mjs", file], { encoding: "utf8", stdio: "pipe" }) };
  } catch (e) {
    return { status: e.status, out: `${e.stdout}${e.stderr}` };
  }
};

test("a workflow with an unknown key and a bad expression is refused on its lines", () => {
  const file = join(mkdtempSync(join(tmpdir(), "actionlint-")), "broken.yml");
  writeFileSync(file, "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n    steps:\n      - run: echo ${{ github.nope( }}\n");
  const { status, out } = run(file);
  assert.equal(status, 1, out);
  assert.match(out, new RegExp(`${file}:5:\\d+: unexpected key "stepz"`));
  assert.match(out, new RegExp(`${file}:7:\\d+: .*`));
});

test("the deploy workflow passes", () => {
  const { status, out } = run(".github/workflows/deploy.yml");
  assert.equal(status, 0, out);
});
