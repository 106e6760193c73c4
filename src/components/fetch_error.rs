//! The view for a failed fetch: its own message for each kind of error, and a way out
//! (try again, call the clinic, or back to the listing). Never a blank page.

use leptos::prelude::*;

use crate::api::FetchError;
use crate::components::clinic_links::PhoneLink;
use crate::components::heading::{Heading, PageHeading};
use crate::context::{href_to, use_lang};
use crate::lang::Lang;
use crate::routes::Page;
use crate::text::{fill, site::SiteText};

/// What was being loaded, so the message can name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Article,
    ArticleList,
}

/// Heading and explanation for an error, in `lang`.
pub fn describe(error: &FetchError, subject: Subject, lang: Lang) -> (String, String) {
    let t = SiteText::of(lang);
    let article = subject == Subject::Article;
    let pick = |for_article: &'static str, for_list: &'static str| {
        if article {
            for_article
        } else {
            for_list
        }
    };
    let (heading, message) = match error {
        FetchError::NotFound => (
            pick(t.article_not_found_heading, t.list_not_found_heading),
            t.not_found_message.to_string(),
        ),
        FetchError::Server(status) => (
            t.config_server_heading,
            fill(
                pick(t.article_server, t.list_server),
                &[("status", &status.to_string())],
            ),
        ),
        FetchError::Malformed(detail) => (
            pick(t.article_malformed_heading, t.list_malformed_heading),
            fill(
                pick(t.article_malformed, t.list_malformed),
                &[("detail", detail)],
            ),
        ),
        FetchError::Network(_) => (
            t.offline_heading,
            pick(t.article_offline, t.list_offline).to_string(),
        ),
        FetchError::Timeout(seconds) => (
            t.config_timeout_heading,
            fill(
                pick(t.article_timeout, t.list_timeout),
                &[("seconds", &seconds.to_string())],
            ),
        ),
    };
    (heading.to_string(), message)
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
    let lang = use_lang();
    let t = SiteText::of(lang);
    let (heading, message) = describe(&error, subject, lang);
    let can_retry = error != FetchError::NotFound;
    // As the page's own heading it is announced and focused after a navigation.
    let heading = if page_heading {
        view! { <PageHeading class="fetch-error__title">{heading}</PageHeading> }.into_any()
    } else {
        view! { <Heading level=2 class="fetch-error__title">{heading}</Heading> }.into_any()
    };
    let back = (subject == Subject::Article).then(|| {
        view! { <a class="button button--secondary" href=href_to(Page::Blog)>{t.back_to_articles}</a> }
    });
    view! {
        <div class="fetch-error">
            {heading}
            <p class="fetch-error__message" role="alert">{message}</p>
            {can_retry.then(|| view! {
                <p class="fetch-error__call">{t.call_instead_before} <PhoneLink /> "."</p>
            })}
            <div class="fetch-error__actions">
                {can_retry.then(|| view! {
                    <button type="button" class="button" on:click=move |_| on_retry.run(())>
                        {t.try_again}
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
        .map(|e| describe(e, Subject::Article, Lang::En).0)
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
            Lang::En,
        );
        assert!(text.contains("`title`"));
        let (_, text) = describe(&FetchError::Server(503), Subject::ArticleList, Lang::En);
        assert!(text.contains("503") && text.contains("list of articles"));
    }

    #[test]
    fn a_timeout_says_how_long_was_waited_and_is_not_called_offline() {
        let (heading, text) = describe(&FetchError::Timeout(10), Subject::Article, Lang::En);
        assert_eq!(heading, "This is taking too long");
        assert!(
            text.contains("10 seconds") && text.contains("article"),
            "{text}"
        );
        assert!(!text.contains("offline"));
    }
}
