// A local, Formspree-compatible form receiver for development and tests.
//
//   node tests/server/form-receiver.mjs [--port 8787]
//
// POST /f/<form>        JSON body; answers like Formspree: 200 {ok:true}, or 422 with
//                       {errors:[{field, code, message}]}, or 500, or stalls (see mode).
// GET  /_submissions    what was received (JSON array), in order.
// DELETE /_submissions  forget everything and go back to mode "ok".
// POST /_mode           {"mode": "ok" | "500" | "422" | "stall", "times": n}; the mode applies
//                       to the next n submissions (default: until changed), then back to "ok".
// Submissions carrying an Idempotency-Key already seen are acknowledged but not recorded twice.
import { createServer } from "node:http";

const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : 8787);

let submissions = [];
let attempts = 0;
let mode = { mode: "ok", times: Infinity };
const seenKeys = new Set();

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

function takeMode() {
  const current = mode.mode;
  if (current !== "ok" && --mode.times <= 0) mode = { mode: "ok", times: Infinity };
  return current;
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  if (req.method === "OPTIONS") return send(res, 204, {});
  if (url.pathname === "/_submissions" && req.method === "GET") return send(res, 200, { attempts, submissions });
  if (url.pathname === "/_submissions" && req.method === "DELETE") {
    submissions = [];
    attempts = 0;
    seenKeys.clear();
    mode = { mode: "ok", times: Infinity };
    return send(res, 200, { ok: true });
  }
  if (url.pathname === "/_mode" && req.method === "POST") {
    const body = JSON.parse((await readBody(req)) || "{}");
    mode = { mode: String(body.mode ?? "ok"), times: Number(body.times ?? Infinity) };
    return send(res, 200, { ok: true, mode });
  }
  if (url.pathname.startsWith("/f/") && req.method === "POST") {
    attempts += 1;
    const raw = await readBody(req);
    let fields;
    try {
      fields = JSON.parse(raw);
    } catch {
      return send(res, 400, { error: "Body must be JSON" });
    }
    switch (takeMode()) {
      case "500":
        return send(res, 500, { error: "Internal error (simulated)" });
      case "422":
        return send(res, 422, {
          error: "Validation errors",
          errors: [{ field: "email", code: "TYPE_EMAIL", message: "should be an email" }],
        });
      case "stall":
        // Never answer; the client's timeout must fire. The socket closes after 60 s.
        return setTimeout(() => res.destroy(), 60_000);
    }
    const key = req.headers["idempotency-key"];
    if (!key || !seenKeys.has(key)) {
      if (key) seenKeys.add(key);
      submissions.push({ form: url.pathname.slice(3), key: key ?? null, fields, at: new Date().toISOString() });
    }
    return send(res, 200, { ok: true, next: "/thanks" });
  }
  send(res, 404, { error: "Not found" });
});

server.listen(port, "127.0.0.1", () => console.log(`form receiver: http://127.0.0.1:${port}/f/contact`));
