//! Article page (placeholder until its feature lands).

use leptos::prelude::*;
use leptos_meta::Title;

/// Article.
#[component]
pub fn PostPage() -> impl IntoView {
    view! {
        <Title text="Article" />
        <div class="page">
            <h1>"Article"</h1>
            <p>"This article will appear here."</p>
        </div>
    }
}
