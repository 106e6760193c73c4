//! Blog page (placeholder until its feature lands).

use leptos::prelude::*;
use leptos_meta::Title;

/// Blog.
#[component]
pub fn BlogPage() -> impl IntoView {
    view! {
        <Title text="Blog" />
        <div class="page">
            <h1>"Blog"</h1>
            <p>"Articles on back pain, posture and recovery"</p>
        </div>
    }
}
