//! The view for a failed fetch: its own message for each kind of error, and a way out
//! (try again, call the clinic, or back to the listing). Never a blank page.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::components::clinic_links::PhoneLink;
use crate::components::heading::{Heading, PageHeading};
use crate::paths::href;
use crate::routes::BLOG_PATH;

/// What was being loaded, so the message can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Article,
    ArticleList,
}

/// Heading and explanation for an error.
pub fn describe(error: &FetchError, subject: Subject) -> (String, String) {
    let thing = match subject {
        Subject::Article => "article",
        Subject::ArticleList => "list of articles",
    };
    match error {
        FetchError::NotFound => (
            format!("We couldn't find that {thing}"),
            "It may have moved, or the link may have a typo.".to_string(),
        ),
        FetchError::Server(status) => (
            "Our website is having trouble".to_string(),
            format!(
                "The server could not send the {thing} (error {status}). This is on our side, not yours. Please try again in a moment."
            ),
        ),
        FetchError::Malformed(detail) => (
            format!("This {thing}'s data is damaged"),
            format!("We received the {thing}, but part of it is not in the shape we expect, so we can't show it safely. The problem: {detail}."),
        ),
        FetchError::Network(_) => (
            "You seem to be offline".to_string(),
            format!("We couldn't reach the site to load the {thing}. Check your connection, then try again."),
        ),
        FetchError::Timeout(seconds) => (
            "This is taking too long".to_string(),
            format!(
                "The {thing} did not arrive within {seconds} seconds. Your connection may be slow or busy. Please try again."
            ),
        ),
    }
}

/// A failed load, explained, with "Try again" (except for not found) and "Back to all articles".
#[component]
pub fn FetchErrorView(
    /// What went wrong.
    error: FetchError,
    /// What was being loaded.
    subject: Subject,
    /// Loads again; failures are never cached, so this asks the server anew.
    on_retry: Callback<()>,
    /// Use an `<h1>` (the error is the whole page) instead of an `<h2>`.
    #[prop(optional)]
    page_heading: bool,
) -> impl IntoView {
    let (heading, message) = describe(&error, subject);
    let can_retry = error != FetchError::NotFound;
    // As the page's own heading it is announced and focused after a navigation.
    let heading = if page_heading {
        view! { <PageHeading class="fetch-error__title">{heading}</PageHeading> }.into_any()
    } else {
        view! { <Heading level=2 class="fetch-error__title">{heading}</Heading> }.into_any()
    };
    let back = (subject == Subject::Article).then(|| {
        view! { <a class="button button--secondary" href=href(BLOG_PATH)>"Back to all articles"</a> }
    });
    view! {
        <div class="fetch-error">
            {heading}
            <p class="fetch-error__message" role="alert">{message}</p>
            {can_retry.then(|| view! {
                <p class="fetch-error__call">"If you'd rather talk to someone, call us on " <PhoneLink /> "."</p>
            })}
            <div class="fetch-error__actions">
                {can_retry.then(|| view! {
                    <button type="button" class="button" on:click=move |_| on_retry.run(())>
                        "Try again"
                    </button>
                })}
                {back}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_has_its_own_heading() {
        let headings: Vec<String> = [
            FetchError::NotFound,
            FetchError::Server(500),
            FetchError::Malformed("missing field `title`".into()),
            FetchError::Network("offline".into()),
            FetchError::Timeout(10),
        ]
        .iter()
        .map(|e| describe(e, Subject::Article).0)
        .collect();
        assert_eq!(
            headings,
            [
                "We couldn't find that article",
                "Our website is having trouble",
                "This article's data is damaged",
                "You seem to be offline",
                "This is taking too long"
            ]
        );
    }

    #[test]
    fn the_malformed_message_names_the_field_and_the_server_message_the_status() {
        let (_, text) = describe(
            &FetchError::Malformed("missing field `title`".into()),
            Subject::Article,
        );
        assert!(text.contains("`title`"));
        let (_, text) = describe(&FetchError::Server(503), Subject::ArticleList);
        assert!(text.contains("503") && text.contains("list of articles"));
    }

    #[test]
    fn a_timeout_says_how_long_was_waited_and_is_not_called_offline() {
        let (heading, text) = describe(&FetchError::Timeout(10), Subject::Article);
        assert_eq!(heading, "This is taking too long");
        assert!(
            text.contains("10 seconds") && text.contains("article"),
            "{text}"
        );
        assert!(!text.contains("offline"));
    }
}
