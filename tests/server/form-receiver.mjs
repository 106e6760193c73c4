// A local, Formspree-compatible form receiver for development and tests.
//
//   node tests/server/form-receiver.mjs [--port 8787]
//
// POST /f/<form>        JSON body; answers like Formspree: 200 {ok:true}, or 422 with
//                       {errors:[{field, code, message}]}, or 500, or stalls (see mode).
//                       A urlencoded body (the browser posting the form by itself, without
//                       script) is answered as Formspree does: 303 to its `_next` address.
//                       Either way a filled honeypot (`_gotcha`) is dropped silently, and the
//                       `_next`/`_gotcha` fields are not part of the recorded message.
// GET  /_submissions    what was received, in order: JSON {attempts, tries, submissions}.
//                       `tries` lists every POST with its Idempotency-Key and the answer it
//                       got (a status, or "stalled"), failures included, so a test can see
//                       that a retry carried the same key; `submissions` only the messages
//                       recorded (one per key).
// DELETE /_submissions  forget everything and go back to mode "ok".
// POST /_mode           {"mode": "ok" | "500" | "422" | "stall" | "slow", "times": n}; the mode
//                       applies to the next n submissions (default: until changed), then back
//                       to "ok". "422" may carry its own "errors" list; "slow" answers 200
//                       after "ms" milliseconds (default 1500); "stall" never answers.
//
// Each of the three control routes takes an optional `?form=<name>`: then it only reads,
// resets or sets the mode of submissions to /f/<name>, so tests running in parallel can each
// use their own form name and never see each other's submissions. Without `?form=` they
// cover every form, as before.
//
// Submissions carrying an Idempotency-Key already seen (for that form) are acknowledged but
// not recorded twice.
import { createServer } from "node:http";

const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : 8787);

/** Per-form state: name → {attempts, tries, submissions, seenKeys, mode}. */
const forms = new Map();
/** The mode for forms that have none of their own (set by /_mode without ?form=). */
let globalMode = okMode();
/** Every recorded submission of every form, in arrival order. */
let everything = [];
/** Every POST to every form, answered or not, in arrival order. */
let allTries = [];

function okMode() {
  return { mode: "ok", times: Infinity };
}

function formState(name) {
  if (!forms.has(name)) forms.set(name, { attempts: 0, tries: [], submissions: [], seenKeys: new Set(), mode: null });
  return forms.get(name);
}

const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, Accept, Idempotency-Key",
};

function send(res, status, body) {
  res.writeHead(status, { ...cors, "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return data;
}

/** The mode for the next submission to `form`; counts it down. */
function takeMode(form) {
  const state = formState(form);
  const holder = state.mode ? state : null;
  const current = holder ? holder.mode : globalMode;
  if (current.mode !== "ok" && --current.times <= 0) {
    if (holder) holder.mode = null;
    else globalMode = okMode();
  }
  return current;
}

function parseMode(body) {
  return {
    mode: String(body.mode ?? "ok"),
    times: Number(body.times ?? Infinity),
    ms: Number(body.ms ?? 1500),
    errors: Array.isArray(body.errors) ? body.errors : null,
  };
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const form = url.searchParams.get("form");
  if (req.method === "OPTIONS") return send(res, 204, {});
  if (url.pathname === "/_submissions" && req.method === "GET") {
    if (form) {
      const s = formState(form);
      return send(res, 200, { attempts: s.attempts, tries: s.tries, submissions: s.submissions });
    }
    const attempts = [...forms.values()].reduce((n, s) => n + s.attempts, 0);
    return send(res, 200, { attempts, tries: allTries, submissions: everything });
  }
  if (url.pathname === "/_submissions" && req.method === "DELETE") {
    if (form) {
      forms.delete(form);
      everything = everything.filter((s) => s.form !== form);
      allTries = allTries.filter((t) => t.form !== form);
    } else {
      forms.clear();
      everything = [];
      allTries = [];
      globalMode = okMode();
    }
    return send(res, 200, { ok: true });
  }
  if (url.pathname === "/_mode" && req.method === "POST") {
    let body;
    try {
      body = JSON.parse((await readBody(req)) || "{}");
    } catch {
      return send(res, 400, { error: "Body must be JSON" });
    }
    const mode = parseMode(body);
    if (form) formState(form).mode = mode.mode === "ok" ? null : mode;
    else globalMode = mode;
    return send(res, 200, { ok: true, form, mode: { ...mode, times: String(mode.times) } });
  }
  if (url.pathname.startsWith("/f/") && req.method === "POST") {
    const name = decodeURIComponent(url.pathname.slice(3));
    const state = formState(name);
    const key = req.headers["idempotency-key"] ?? null;
    // Recorded on arrival, so failed and unanswered attempts show their key too.
    const attempt = { form: name, key, answer: null, at: new Date().toISOString() };
    state.attempts += 1;
    state.tries.push(attempt);
    allTries.push(attempt);
    const answer = (status, body) => {
      attempt.answer = status;
      send(res, status, body);
    };
    const raw = await readBody(req);
    const posted = /^application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "");
    let fields;
    try {
      fields = posted ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
    } catch {
      return answer(400, { error: "Body must be JSON or a urlencoded form" });
    }
    const next = typeof fields._next === "string" && /^https?:\/\//.test(fields._next) ? fields._next : null;
    const trapped = typeof fields._gotcha === "string" && fields._gotcha.trim() !== "";
    delete fields._next;
    delete fields._gotcha;
    /** The success answer: a redirect for a posted form (to a page of ours if `_next` is
     * missing), JSON for a script. */
    const success = () => {
      if (!posted) return answer(200, { ok: true, next: "/thanks" });
      attempt.answer ??= 303;
      res.writeHead(303, { ...cors, Location: next ?? `http://127.0.0.1:${port}/thanks` });
      return res.end();
    };
    if (trapped) {
      // Like Formspree: a bot is told it worked, and nothing is kept.
      attempt.answer = "trapped";
      return success();
    }
    const mode = takeMode(name);
    switch (mode.mode) {
      case "500":
        return answer(500, { error: "Internal error (simulated)" });
      case "422":
        return answer(422, {
          error: "Validation errors",
          errors: mode.errors ?? [{ field: "email", code: "TYPE_EMAIL", message: "should be an email" }],
        });
      case "stall":
        // Never answer; the client's timeout must fire. The socket closes after 60 s.
        attempt.answer = "stalled";
        return setTimeout(() => res.destroy(), 60_000);
      case "slow":
        await new Promise((resolve) => setTimeout(resolve, mode.ms));
        break;
    }
    if (!key || !state.seenKeys.has(key)) {
      if (key) state.seenKeys.add(key);
      const submission = { form: name, key, fields, posted, at: new Date().toISOString() };
      state.submissions.push(submission);
      everything.push(submission);
    }
    return success();
  }
  if (url.pathname === "/thanks" && req.method === "GET") {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    return res.end("<!doctype html><title>Thanks</title><p>Your form was received.</p>");
  }
  send(res, 404, { error: "Not found" });
});

// As in static.mjs: Node closes idle keep-alive sockets after 5 s, and Playwright's request
// client, which keeps them in its pool, gets ECONNRESET if it reuses one at that moment.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, "127.0.0.1", () => console.log(`form receiver: http://127.0.0.1:${port}/f/contact`));
