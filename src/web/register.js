// Registers the site's service worker (sw.js, written by the build, crates/build, from
// src/web/sw.js) once the app has taken the page over, so it never competes with the first
// paint or the start-up; and when a new deploy's worker is ready, lets it take over if this page
// is already of its version, or else offers a polite reload into it.
// The page's base (`<base href>`) gives the worker's address and scope: / or /clinic/.
const root = document.documentElement;
const started = () => root.getAttribute("data-app") === "ready";
// The deploy this page came from (the build writes the same version into sw.js).
const version = document.querySelector('meta[name="build-version"]')?.content;

if ("serviceWorker" in navigator) {
  if (started()) {
    register();
  } else {
    const watch = new MutationObserver(() => {
      if (started()) {
        watch.disconnect();
        register();
      }
    });
    watch.observe(root, { attributes: true, attributeFilter: ["data-app"] });
  }
}

/** The deploy a worker serves, asked over a channel of its own. */
function versionOf(worker) {
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => {
    channel.port1.onmessage = (event) => resolve(event.data);
  });
  worker.postMessage({ type: "version" }, [channel.port2]);
  return answer;
}

async function register() {
  const scope = new URL(".", document.baseURI);
  let registration;
  try {
    registration = await navigator.serviceWorker.register(new URL("sw.js", scope), { scope: scope.pathname });
  } catch {
    // No worker (blocked, private mode): the site works as it does without one.
    return;
  }
  if (!registration) return;
  // Only the first worker takes over by itself. A later one takes over at once when this page
  // is of its version (opened since the deploy, from the network); a page of an older version
  // is offered a reload into it. When a worker takes over a page of another version (the
  // patient chose Reload in another tab), this page's files may be gone: it offers the reload.
  let controlled = !!navigator.serviceWorker.controller;
  const offered = new WeakSet();
  navigator.serviceWorker.addEventListener("controllerchange", async () => {
    if (!controlled) {
      controlled = true;
    } else if (reloading) {
      location.reload();
    } else {
      const now = navigator.serviceWorker.controller;
      if (now && (await versionOf(now)) !== version && !(await newerComing())) showNotice(registration);
    }
  });
  const offer = async () => {
    const waiting = registration.waiting;
    if (!waiting || !navigator.serviceWorker.controller || offered.has(waiting)) return;
    offered.add(waiting);
    if ((await versionOf(waiting)) === version) waiting.postMessage({ type: "skip-waiting" });
    else if (!(await newerComing())) showNotice(registration);
  };
  // A worker of another version may be older than this page (a page opened from the network
  // while an older version was still waiting, or took over in another tab): the browser is
  // asked for the newest first, and a version on its way is offered once installed (`track`).
  const newerComing = async () => {
    await registration.update().catch(() => {});
    return !!registration.installing;
  };
  const track = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer();
    });
  // The browser may have found the new version before this ran (it checks on every load), and
  // may even have installed it: watched first, then looked at, so no step falls in between.
  registration.addEventListener("updatefound", () => track(registration.installing));
  track(registration.installing);
  if (registration.waiting) offer();
  // A patient back on a tab left open for a while gets the newest version offered.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

let notice = null;
let reloading = false;

/** The notice's words in the page's language: `SiteText`'s `update_*` texts
 * (crates/model/src/text/site.rs; a test there proves these are the same). */
const TEXT = {
  en: { label: "Site update", ready: "A new version of the site is ready.", reload: "Reload", reloading: "Reloading…", later: "Not now" },
  es: { label: "Actualización del sitio", ready: "Hay una nueva versión del sitio.", reload: "Recargar", reloading: "Recargando…", later: "Ahora no" },
};

/** "A new version of the site is ready", with Reload and Not now: not modal, and focus stays
 * where it is. Reloading keeps what was typed (the contact form's draft is in this tab's
 * sessionStorage). Reload lets the waiting version take over, and the page reloads into it
 * once it has; if it already has (from another tab), the page just reloads. */
function showNotice(registration) {
  if (notice) return;
  const text = TEXT[document.documentElement.lang] ?? TEXT.en;
  notice = document.createElement("section");
  notice.className = "update-notice";
  notice.setAttribute("aria-label", text.label);
  const message = document.createElement("p");
  message.className = "update-notice__text";
  message.setAttribute("role", "status");
  const reload = button(text.reload, "button");
  const later = button(text.later, "button button--secondary");
  const actions = document.createElement("p");
  actions.className = "update-notice__actions";
  actions.append(reload, later);
  notice.append(message, actions);
  document.body.append(notice);
  // Filled once the live region is in the page, so screen readers announce it.
  requestAnimationFrame(() => {
    message.textContent = text.ready;
  });
  reload.addEventListener("click", () => {
    if (reloading) return;
    reloading = true;
    // Not `disabled`: that would drop keyboard focus to the page's start.
    reload.setAttribute("aria-disabled", "true");
    reload.textContent = text.reloading;
    const waiting = registration.waiting;
    if (waiting) waiting.postMessage({ type: "skip-waiting" });
    else location.reload();
  });
  later.addEventListener("click", () => {
    notice.remove();
    notice = null;
    // Focus goes back to the page rather than to nowhere.
    document.getElementById("main")?.focus();
  });
}

function button(label, className) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = className;
  element.textContent = label;
  return element;
}
