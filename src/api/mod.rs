//! The wire: every request the site makes goes through here, and pages never build URLs.
//!
//! Responses are checked before they are parsed, because a static host (and `trunk serve`)
//! answers a missing file with `index.html` and status 200: HTML where JSON was expected
//! means "not found", not "malformed".

pub mod contact;

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::config::SiteConfig;

pub mod posts;

/// Why data could not be loaded. Each kind has its own message for the patient. Serializable,
/// because a pre-rendered page carries its loads' results (failures too) to the browser.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum FetchError {
    /// 404/410, or an HTML page served where JSON was expected.
    #[error("not found")]
    NotFound,
    /// The server answered with an error status.
    #[error("the server answered with status {0}")]
    Server(u16),
    /// The body was not the JSON we expect; the text names the field where serde could.
    #[error("the data is malformed: {0}")]
    Malformed(String),
    /// No answer at all: offline, DNS, CORS, or the request was cut.
    #[error("network failure: {0}")]
    Network(String),
    /// No complete answer within the read timeout (a weak signal, or a stalled server).
    #[error("no answer within {0} seconds")]
    Timeout(u32),
}

pub use crate::config::DEFAULT_READ_TIMEOUT_MS;

static READ_TIMEOUT_MS: AtomicU32 = AtomicU32::new(DEFAULT_READ_TIMEOUT_MS);

/// Sets how long every later read may take (from `site.json`'s `fetch_timeout_ms`).
pub fn set_read_timeout_ms(ms: u32) {
    READ_TIMEOUT_MS.store(ms, Ordering::Relaxed);
}

/// How long a read may take before it fails with [`FetchError::Timeout`].
pub fn read_timeout_ms() -> u32 {
    READ_TIMEOUT_MS.load(Ordering::Relaxed)
}

/// Decides from status and content type whether a response body is worth parsing as JSON.
pub fn check_response(status: u16, content_type: Option<&str>) -> Result<(), FetchError> {
    match status {
        200..=299 => {
            let is_html = content_type
                .map(|ct| {
                    ct.trim_start()
                        .to_ascii_lowercase()
                        .starts_with("text/html")
                })
                .unwrap_or(false);
            if is_html {
                Err(FetchError::NotFound)
            } else {
                Ok(())
            }
        }
        404 | 410 => Err(FetchError::NotFound),
        other => Err(FetchError::Server(other)),
    }
}

/// Parses JSON text, turning serde's error (which names the field) into `Malformed`.
pub fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, FetchError> {
    serde_json::from_str(text).map_err(|e| FetchError::Malformed(e.to_string()))
}

/// Fetches a JSON file shipped with the site. `path` is relative to the document base
/// ("posts/index.json"), so the site works under any base path.
///
/// The request is aborted when the calling reactive owner (the page) is cleaned up, so
/// navigating away cancels what is still in flight.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let text = get_text(path).await?;
    parse_json(&text)
}

/// Aborts a request after `timeout_ms`, the one time limit every request has. The flag says
/// whether the timer fired (so the abort is reported as a timeout, not as a network failure);
/// clear the handle once the answer has arrived.
pub(crate) fn abort_after(
    controller: Option<web_sys::AbortController>,
    timeout_ms: u32,
) -> (
    std::rc::Rc<Cell<bool>>,
    Option<leptos::prelude::TimeoutHandle>,
) {
    let timed_out = std::rc::Rc::new(Cell::new(false));
    let flag = std::rc::Rc::clone(&timed_out);
    let timer = leptos::prelude::set_timeout_with_handle(
        move || {
            flag.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        },
        std::time::Duration::from_millis(u64::from(timeout_ms)),
    )
    .ok();
    (timed_out, timer)
}

/// GETs `path` and returns its body, checked by [`check_response`]. Two things abort it: the
/// page that asked going away (nobody is waiting any more), and the read timeout (someone
/// is waiting, and is told it is taking too long instead of watching a spinner forever).
#[cfg(not(feature = "ssr"))]
async fn get_text(path: &str) -> Result<String, FetchError> {
    fetch_text(path, false).await
}

/// [`get_text`], or with `page` a page of the site (HTML) read past every cache.
#[cfg(not(feature = "ssr"))]
async fn fetch_text(path: &str, page: bool) -> Result<String, FetchError> {
    let timeout_ms = read_timeout_ms();
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let (timed_out, timer) = abort_after(controller.clone(), timeout_ms);
    let on_leave = send_wrapper::SendWrapper::new((controller, timer));
    leptos::prelude::on_cleanup(move || {
        let (controller, timer) = on_leave.take();
        if let Some(timer) = timer {
            timer.clear();
        }
        if let Some(c) = controller {
            c.abort();
        }
    });
    let failed = |e: gloo_net::Error| {
        if timed_out.get() {
            FetchError::Timeout(timeout_ms.div_ceil(1000))
        } else {
            FetchError::Network(e.to_string())
        }
    };
    let result = async {
        let request = gloo_net::http::Request::get(path).abort_signal(signal.as_ref());
        let request = if page {
            request.cache(web_sys::RequestCache::NoStore)
        } else {
            request
        };
        let response = request.send().await.map_err(failed)?;
        // A page is HTML by nature: for it, only a failure status counts.
        let content_type = (!page)
            .then(|| response.headers().get("content-type"))
            .flatten();
        check_response(response.status(), content_type.as_deref())?;
        // The body can stall too, so the timer runs until it has arrived.
        response.text().await.map_err(failed)
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// A fresh copy of the page at `url`, past every cache: what the site serves since its last
/// deploy (see `crate::deploy`). `None` if it cannot be had within the read timeout.
#[cfg(not(feature = "ssr"))]
pub async fn fetch_deployed_page(url: &str) -> Option<String> {
    fetch_text(url, true).await.ok()
}

/// At build time the same paths are read from the site being built (see `set_site_dir`).
#[cfg(feature = "ssr")]
async fn get_text(path: &str) -> Result<String, FetchError> {
    let file = SITE_DIR
        .get()
        .map(|dir| dir.join(path))
        .ok_or_else(|| FetchError::Network("the site folder was not set".into()))?;
    std::fs::read_to_string(&file).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => FetchError::NotFound,
        _ => FetchError::Network(format!("{}: {e}", file.display())),
    })
}

/// A file of the site being built, if it is there (build time only).
#[cfg(feature = "ssr")]
pub fn read_site_file(path: &str) -> Option<String> {
    std::fs::read_to_string(SITE_DIR.get()?.join(path)).ok()
}

#[cfg(feature = "ssr")]
use crate::blog::preview;

/// The link previews of the site being rendered (build time only), read and parsed once per run.
#[cfg(feature = "ssr")]
pub fn preview_manifest() -> Result<&'static preview::Manifest, String> {
    static LIST: std::sync::OnceLock<Result<preview::Manifest, String>> =
        std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let text = read_site_file(preview::MANIFEST)
            .ok_or_else(|| format!("{}: missing; run the content build", preview::MANIFEST))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", preview::MANIFEST))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The preview of the post `slug`, from the site being rendered (build time only).
#[cfg(feature = "ssr")]
pub fn preview_at_build_time(slug: &str) -> Option<preview::Preview> {
    preview_manifest().ok()?.get(slug).cloned()
}

#[cfg(feature = "ssr")]
static SITE_DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// Where build-time reads find `site.json` and `posts/` (Trunk's staging folder).
#[cfg(feature = "ssr")]
pub fn set_site_dir(dir: std::path::PathBuf) {
    let _ = SITE_DIR.set(dir);
}

/// Makes a browser future acceptable to `Resource`, which wants `Send` futures because a
/// server may run them on any thread. The browser has one thread; at build time the reads
/// are plain file reads and already `Send`.
#[cfg(not(feature = "ssr"))]
pub fn sendable<F: std::future::Future>(future: F) -> send_wrapper::SendWrapper<F> {
    send_wrapper::SendWrapper::new(future)
}

/// Build time: the future is already `Send`.
#[cfg(feature = "ssr")]
pub fn sendable<F: std::future::Future + Send>(future: F) -> F {
    future
}

/// Why the clinic's configuration could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum ConfigLoadError {
    /// The file could not be read (missing, server error, offline, too slow).
    #[error("{0}")]
    Fetch(FetchError),
    /// The file was read but is not a valid configuration.
    #[error("{0}")]
    Invalid(String),
}

impl ConfigLoadError {
    /// Whether asking again could help (a slow or broken connection, a passing server error),
    /// as opposed to a file that must be fixed by whoever deploys the site.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ConfigLoadError::Fetch(
                FetchError::Network(_) | FetchError::Timeout(_) | FetchError::Server(_)
            )
        )
    }

    /// The explanation for the site's maintainer.
    pub fn detail(&self) -> String {
        match self {
            ConfigLoadError::Fetch(FetchError::NotFound) => {
                "site.json was not found next to index.html".to_string()
            }
            other => other.to_string(),
        }
    }
}

/// Loads the clinic's configuration (`site.json`).
pub async fn fetch_site_config() -> Result<SiteConfig, ConfigLoadError> {
    let text = get_text("site.json")
        .await
        .map_err(ConfigLoadError::Fetch)?;
    #[allow(unused_mut)]
    let mut config =
        SiteConfig::parse(&text).map_err(|e| ConfigLoadError::Invalid(e.to_string()))?;
    // Every page carries this configuration inside it; the visit section only travels with the
    // pages that show it (`fetch_visit`). (The browser's parse skips it.)
    #[cfg(not(target_arch = "wasm32"))]
    {
        config.visit = Default::default();
    }
    Ok(config)
}

/// Loads the `visit` section of `site.json` (hours, closures, booking, getting here), for the
/// pages that show it: a `Resource` of theirs resolves it at build time and carries it inside
/// them; after a link followed in the app it is read from the network (or the worker's copy).
pub async fn fetch_visit() -> Result<crate::config::Visit, FetchError> {
    visit_section(&get_text("site.json").await?)
}

/// The `visit` section of a `site.json` text; at build time without the closures already past.
fn visit_section(text: &str) -> Result<crate::config::Visit, FetchError> {
    /// Only the section (the rest of the file is the app's, checked by `fetch_site_config`).
    #[derive(serde::Deserialize)]
    struct Section {
        #[serde(default)]
        visit: crate::config::Visit,
    }
    #[allow(unused_mut)]
    let mut visit = parse_json::<Section>(text)?.visit;
    // The pages are rendered from (and hydrate with) the closures not yet past when the site is
    // built; the browser narrows them on the clinic's own clock. A day's grace: the build's
    // date is UTC's, ahead of the Americas' for part of each day.
    #[cfg(feature = "ssr")]
    {
        let first = crate::calendar::Date::today_utc().plus_days(-1);
        visit
            .closures
            .retain(|day| crate::calendar::Date::parse(&day.date).is_none_or(|date| date >= first));
        visit.listed_from = Some(first.to_string());
    }
    Ok(visit)
}

/// The `visit` section of the site being built (build time only), for the clinic's JSON-LD.
#[cfg(feature = "ssr")]
pub fn visit_at_build_time() -> crate::config::Visit {
    read_site_file("site.json")
        .and_then(|text| visit_section(&text).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_with_status_200_is_accepted() {
        assert_eq!(check_response(200, Some("application/json")), Ok(()));
        assert_eq!(check_response(200, None), Ok(()));
    }

    #[test]
    fn html_served_where_json_was_expected_means_not_found() {
        assert_eq!(
            check_response(200, Some("text/html; charset=utf-8")),
            Err(FetchError::NotFound)
        );
    }

    #[test]
    fn status_404_means_not_found_and_500_means_server_error() {
        assert_eq!(check_response(404, None), Err(FetchError::NotFound));
        assert_eq!(check_response(500, None), Err(FetchError::Server(500)));
        assert_eq!(
            check_response(503, Some("application/json")),
            Err(FetchError::Server(503))
        );
    }

    #[test]
    fn only_connection_trouble_makes_a_configuration_failure_worth_retrying() {
        assert!(ConfigLoadError::Fetch(FetchError::Timeout(10)).is_transient());
        assert!(ConfigLoadError::Fetch(FetchError::Network("offline".into())).is_transient());
        assert!(!ConfigLoadError::Fetch(FetchError::NotFound).is_transient());
        assert!(!ConfigLoadError::Invalid("missing field `phone`".into()).is_transient());
        assert_eq!(
            ConfigLoadError::Fetch(FetchError::NotFound).detail(),
            "site.json was not found next to index.html"
        );
    }

    #[test]
    fn malformed_json_names_the_problem() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Thing {
            title: String,
        }
        let err = parse_json::<Thing>(r#"{"name": 1}"#).unwrap_err();
        assert!(
            matches!(&err, FetchError::Malformed(m) if m.contains("title")),
            "{err}"
        );
    }
}
