// Registers the site's service worker (sw.js, written by scripts/post-build.mjs from
// src/web/sw.js) once the app has taken the page over, so it never competes with the first
// paint or the start-up; and when a new deploy's worker is waiting, offers a polite reload.
// The page's base (`<base href>`) gives the worker's address and scope: / or /clinic/.
const root = document.documentElement;
const started = () => root.getAttribute("data-app") === "ready";

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
  // Only the first worker takes over by itself: later ones wait for the patient. When one
  // takes over a page it was already in charge of (the patient chose Reload, here or in
  // another tab), this page's files may be gone: it reloads, or offers to.
  let controlled = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!controlled) {
      controlled = true;
    } else if (reloading) {
      location.reload();
    } else {
      showNotice(registration);
    }
  });
  const offer = () => {
    if (navigator.serviceWorker.controller) showNotice(registration);
  };
  const track = (worker) =>
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed") offer();
    });
  // The browser may have found the new version before this ran (it checks on every load).
  if (registration.waiting) offer();
  else track(registration.installing);
  registration.addEventListener("updatefound", () => track(registration.installing));
  // A patient back on a tab left open for a while gets the newest version offered.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

let notice = null;
let reloading = false;

/** "A new version of the site is ready", with Reload and Not now: not modal, and focus stays
 * where it is. Reloading keeps what was typed (the contact form's draft is in this tab's
 * sessionStorage). Reload lets the waiting version take over, and the page reloads into it
 * once it has; if it already has (from another tab), the page just reloads. */
function showNotice(registration) {
  if (notice) return;
  notice = document.createElement("section");
  notice.className = "update-notice";
  notice.setAttribute("aria-label", "Site update");
  const text = document.createElement("p");
  text.className = "update-notice__text";
  text.setAttribute("role", "status");
  const reload = button("Reload", "button");
  const later = button("Not now", "button button--secondary");
  const actions = document.createElement("p");
  actions.className = "update-notice__actions";
  actions.append(reload, later);
  notice.append(text, actions);
  document.body.append(notice);
  // Filled once the live region is in the page, so screen readers announce it.
  requestAnimationFrame(() => {
    text.textContent = "A new version of the site is ready.";
  });
  reload.addEventListener("click", () => {
    if (reloading) return;
    reloading = true;
    // Not `disabled`: that would drop keyboard focus to the page's start.
    reload.setAttribute("aria-disabled", "true");
    reload.textContent = "Reloading…";
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
