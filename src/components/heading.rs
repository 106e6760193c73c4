//! Headings: the page's `<h1>`, which tells the route announcer the page is really there, and
//! a heading whose level is chosen by the caller.

use leptos::either::EitherOf3;
use leptos::html;
use leptos::prelude::*;

use crate::components::route_announcer::PageAnnouncer;

/// The page's main heading. Once it is in the document it reports itself to the route
/// announcer, which then reads the page's title aloud and moves focus here. A page that is
/// still loading shows no `PageHeading`, so a loading text is never announced.
#[component]
pub fn PageHeading(
    /// The heading's text and inline content.
    children: Children,
    /// An id, for `aria-labelledby`.
    #[prop(optional)]
    id: Option<&'static str>,
    /// Class names.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let node = NodeRef::<html::H1>::new();
    if let Some(announcer) = use_context::<PageAnnouncer>() {
        // Effects run after the view is built and mounted, so the heading is in the page.
        Effect::new(move |_| {
            if let Some(heading) = node.get() {
                announcer.heading_ready(heading.into());
            }
        });
    }
    view! { <h1 node_ref=node id=id class=class tabindex="-1">{children()}</h1> }
}

/// A section heading at `level` 2, 3 or 4 (anything else is a 4), for components that sit at
/// different depths on different pages.
#[component]
pub fn Heading(
    /// 2, 3 or 4.
    level: u8,
    /// The heading's text and inline content.
    children: Children,
    /// Class names.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    match level {
        2 => EitherOf3::A(view! { <h2 class=class>{children()}</h2> }),
        3 => EitherOf3::B(view! { <h3 class=class>{children()}</h3> }),
        _ => EitherOf3::C(view! { <h4 class=class>{children()}</h4> }),
    }
}
