#!/usr/bin/env bash
# Runs the site for development at http://127.0.0.1:8080 with the bundled demo content, and
# beside it:
# - the local form receiver (tests/server/form-receiver.mjs) on 127.0.0.1:8787, where the demo
#   site.json sends the contact form, so a first message through the form is received;
# - the posts editor's local backend (decap-server) on 127.0.0.1:8081, on this working tree:
#   http://127.0.0.1:8080/admin/ then edits content/posts with no account ("Login" signs in
#   locally), and `trunk serve` rebuilds the site on each save, drafts included.
# What already listens on 8787 or 8081 is used as it is; what is started here stops with the
# server (on exit, Ctrl-C or kill). Arguments go to `trunk serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# scripts/tools first: its wasm-bindgen splits the wasm before binding it (see that file).
export PATH="$PWD/scripts/tools:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

RECEIVER_PORT=8787
EDITOR_PORT=8081
receiver_pid=""
editor_pid=""
trunk_pid=""

# True when something accepts connections on the port (bash's /dev/tcp: no curl needed).
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Stops what this script started, by process id, and nothing else.
stop_children() {
  for pid in $trunk_pid $receiver_pid $editor_pid; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_children EXIT
# Leaving through `exit` runs the EXIT trap on every signal that ends the server.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

if listening "$RECEIVER_PORT"; then
  echo "serve: something already listens on $RECEIVER_PORT; using it as the form receiver"
else
  node tests/server/form-receiver.mjs --port "$RECEIVER_PORT" &
  receiver_pid=$!
fi

if listening "$EDITOR_PORT"; then
  echo "serve: something already listens on $EDITOR_PORT; using it as the editor's local backend"
else
  # MODE=fs: saves write the files; committing them stays with you (git).
  GIT_REPO_DIRECTORY="$PWD" PORT="$EDITOR_PORT" MODE=fs BIND_HOST=127.0.0.1 \
    node node_modules/decap-server/dist/index.js &
  editor_pid=$!
fi

# In the background with `wait`, not `exec`: this shell stays to stop the receiver when trunk
# ends, and a signal reaches the traps at once instead of after trunk has exited.
trunk serve --offline "$@" &
trunk_pid=$!
wait "$trunk_pid"
