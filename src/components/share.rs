//! Share links: the Web Share API where the browser has it, otherwise copy the link (with a
//! status message), plus an email link. Browser calls live in `browser` so the view stays pure.

use leptos::prelude::*;

use crate::context::use_lang;
use crate::paths::encode_uri_component;
use crate::text::blog::BlogText;

/// How a share attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The system share sheet took it.
    Shared,
    /// The reader closed the share sheet.
    Cancelled,
    /// The link is on the clipboard.
    Copied,
    /// Neither sharing nor copying worked.
    Failed,
}

impl ShareOutcome {
    /// What the status line says afterwards, in `lang`.
    pub fn message(self, lang: crate::lang::Lang) -> &'static str {
        let text = BlogText::of(lang);
        match self {
            ShareOutcome::Shared | ShareOutcome::Cancelled => "",
            ShareOutcome::Copied => text.copied,
            ShareOutcome::Failed => text.copy_failed,
        }
    }
}

/// A `mailto:` link with the title as subject and the address as body.
pub fn mailto_href(title: &str, url: &str) -> String {
    format!(
        "mailto:?subject={}&body={}",
        encode_uri_component(title),
        encode_uri_component(url)
    )
}

/// "Share this article": a share (or copy link) button, an email link and a status line.
#[component]
pub fn ShareLinks(
    /// The absolute address to share.
    url: String,
    /// The article's title.
    title: String,
) -> impl IntoView {
    let lang = use_lang();
    let text = BlogText::of(lang);
    let (status, set_status) = signal(String::new());
    let (can_share, set_can_share) = signal(false);
    // Effects run only in the browser, so a pre-rendered page offers "Copy link".
    Effect::new(move |_| set_can_share.set(browser::can_share()));
    let mailto = mailto_href(&title, &url);
    let on_click = move |_| {
        let (title, url) = (title.clone(), url.clone());
        set_status.set(String::new());
        leptos::task::spawn_local(async move {
            let outcome = browser::share_or_copy(&title, &url).await;
            set_status.set(outcome.message(lang).to_string());
        });
    };
    view! {
        <section class="share" aria-labelledby="share-title">
            <h2 id="share-title" class="share__title">{text.share_heading}</h2>
            <div class="share__actions">
                <button type="button" class="button button--secondary share__button" on:click=on_click>
                    {move || if can_share.get() { text.share } else { text.copy_link }}
                </button>
                <a class="button button--secondary share__button" href=mailto>
                    {text.email} <span class="sr-only">{text.email_this}</span>
                </a>
            </div>
            <p class="share__status" role="status">{status}</p>
        </section>
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::ShareOutcome;
    use js_sys::Reflect;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    fn navigator() -> Option<web_sys::Navigator> {
        web_sys::window().map(|w| w.navigator())
    }

    fn has(target: &JsValue, name: &str) -> bool {
        Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    }

    pub fn can_share() -> bool {
        navigator().is_some_and(|n| has(&n, "share"))
    }

    pub async fn share_or_copy(title: &str, url: &str) -> ShareOutcome {
        let Some(navigator) = navigator() else {
            return ShareOutcome::Failed;
        };
        if has(&navigator, "share") {
            let data = web_sys::ShareData::new();
            data.set_title(title);
            data.set_url(url);
            match JsFuture::from(navigator.share_with_data(&data)).await {
                Ok(_) => return ShareOutcome::Shared,
                Err(error) => {
                    let name = error
                        .dyn_ref::<js_sys::Error>()
                        .map(|e| String::from(e.name()))
                        .unwrap_or_default();
                    if name == "AbortError" {
                        return ShareOutcome::Cancelled;
                    }
                    // Otherwise fall back to copying.
                }
            }
        }
        if !has(&navigator, "clipboard") {
            return ShareOutcome::Failed;
        }
        match JsFuture::from(navigator.clipboard().write_text(url)).await {
            Ok(_) => ShareOutcome::Copied,
            Err(_) => ShareOutcome::Failed,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use super::ShareOutcome;

    pub fn can_share() -> bool {
        false
    }

    pub async fn share_or_copy(_title: &str, _url: &str) -> ShareOutcome {
        ShareOutcome::Failed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_email_link_carries_the_title_and_address_encoded() {
        assert_eq!(
            mailto_href("Sleep & back pain", "https://c.example/blog/x?a=1"),
            "mailto:?subject=Sleep%20%26%20back%20pain&body=https%3A%2F%2Fc.example%2Fblog%2Fx%3Fa%3D1"
        );
    }

    #[test]
    fn only_copying_says_something_and_failure_says_what_to_do() {
        assert_eq!(ShareOutcome::Shared.message(crate::lang::Lang::En), "");
        assert!(ShareOutcome::Copied
            .message(crate::lang::Lang::En)
            .contains("copied"));
        assert!(ShareOutcome::Failed
            .message(crate::lang::Lang::En)
            .contains("address bar"));
    }
}
