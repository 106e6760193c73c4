//! The view for a failed fetch: its own message for each kind of error, and a way out
//! (try again, or back to the listing). Never a blank page.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::paths::href;

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
    let heading = if page_heading {
        view! { <h1 class="fetch-error__title">{heading}</h1> }.into_any()
    } else {
        view! { <h2 class="fetch-error__title">{heading}</h2> }.into_any()
    };
    let back = (subject == Subject::Article).then(|| {
        view! { <a class="button button--secondary" href=href("/blog")>"Back to all articles"</a> }
    });
    view! {
        <div class="fetch-error">
            {heading}
            <p class="fetch-error__message" role="alert">{message}</p>
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
                "You seem to be offline"
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
}
