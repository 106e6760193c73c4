// The offline page (offline.html: the service worker serves it for a page it has not saved
// when there is no connection). Lists the articles saved on this device, which the worker
// keeps (src/web/sw.js), with the date each was last reviewed or updated, and retries the
// page asked for. Everything is set as text.
const list = document.getElementById("saved-articles");
const none = document.getElementById("saved-none");
const retry = document.getElementById("offline-retry");

if (retry) {
  retry.hidden = false;
  retry.addEventListener("click", () => location.reload());
}

const dates = new Intl.DateTimeFormat(document.documentElement.lang || "en", {
  dateStyle: "long",
  timeZone: "UTC",
});

function dated(label, iso) {
  const time = document.createElement("time");
  time.dateTime = iso;
  time.textContent = dates.format(new Date(`${iso}T00:00:00Z`));
  const span = document.createElement("span");
  span.className = "saved-articles__date";
  span.append(`${label} `, time);
  return span;
}

async function savedArticles() {
  const worker = navigator.serviceWorker?.controller;
  if (!worker) return [];
  const channel = new MessageChannel();
  const answer = new Promise((resolve) => {
    channel.port1.onmessage = (event) => resolve(Array.isArray(event.data) ? event.data : []);
  });
  worker.postMessage({ type: "saved-articles" }, [channel.port2]);
  return answer;
}

savedArticles().then((articles) => {
  if (!list || !articles.length) return;
  for (const article of articles) {
    const link = document.createElement("a");
    link.href = article.href;
    link.textContent = article.title;
    // An article in the other language says so, for screen readers' pronunciation.
    if (article.lang && article.lang !== document.documentElement.lang) {
      link.lang = article.lang;
      link.hreflang = article.lang;
    }
    const item = document.createElement("li");
    item.append(link, " ");
    // The labels are the page's own, in its language (src/pages/offline.rs).
    if (article.reviewed) item.append(dated(list.dataset.reviewed, article.reviewed));
    else if (article.updated) item.append(dated(list.dataset.updated, article.updated));
    else if (article.published) item.append(dated(list.dataset.published, article.published));
    list.append(item);
  }
  list.hidden = false;
  if (none) none.hidden = true;
});
