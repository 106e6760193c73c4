// Before any journey: build the photo fixture (tests/fixtures/photo-site) with the content
// build itself, so tests/e2e/photos.spec.ts serves what the real pipeline writes. The posts of
// the site are built by Trunk's pre_build hook; this one is never published.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const REPO = join(__dirname, "../..");
export const PHOTO_SITE = join(REPO, "tests/fixtures/photo-site");

export default function globalSetup() {
  execFileSync(
    "cargo",
    [
      "run", "--quiet", "--offline", "-p", "clinic-content", "--bin", "content",
      "--target-dir", "target/prerender", "--", "--root", PHOTO_SITE,
    ],
    { stdio: "inherit", cwd: REPO },
  );
}
