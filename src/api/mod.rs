//! The wire: every request the site makes goes through here, and pages never build URLs.
//!
//! Responses are checked before they are parsed, because a static host (and `trunk serve`)
//! answers a missing file with `index.html` and status 200: HTML where JSON was expected
//! means "not found", not "malformed".

pub mod contact;

use serde::de::DeserializeOwned;
use thiserror::Error;

use crate::config::SiteConfig;

pub mod posts;

/// Why data could not be loaded. Each kind has its own message for the patient.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
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

async fn get_text(path: &str) -> Result<String, FetchError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let controller = send_wrapper::SendWrapper::new(controller);
    leptos::prelude::on_cleanup(move || {
        if let Some(c) = controller.take() {
            c.abort();
        }
    });
    let response = gloo_net::http::Request::get(path)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))?;
    check_response(
        response.status(),
        response.headers().get("content-type").as_deref(),
    )?;
    response
        .text()
        .await
        .map_err(|e| FetchError::Network(e.to_string()))
}

/// Loads the clinic's configuration (`site.json`).
pub async fn fetch_site_config() -> Result<SiteConfig, String> {
    let text = get_text("site.json").await.map_err(|e| match e {
        FetchError::NotFound => "site.json was not found next to index.html".to_string(),
        other => other.to_string(),
    })?;
    SiteConfig::parse(&text).map_err(|e| e.to_string())
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
