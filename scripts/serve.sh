#!/usr/bin/env bash
# Runs the site for development at http://127.0.0.1:8080 with the bundled demo content.
# To try the contact form, run the local form receiver beside it:
#   node tests/server/form-receiver.mjs
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline "$@"
