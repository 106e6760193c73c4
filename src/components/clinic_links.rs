//! The clinic's phone and the emergency number as `tel:` links: written once, used everywhere.

use leptos::prelude::*;

use crate::context::use_config;

/// A `tel:` link to the clinic that reads as its number, e.g. "(503) 555-0142".
#[component]
pub fn PhoneLink(
    /// Words before the number inside the link, e.g. "Call ".
    #[prop(optional)]
    prefix: &'static str,
    /// Words before the number that only screen readers hear, e.g. "Call the clinic: ".
    #[prop(optional)]
    sr_prefix: Option<&'static str>,
    /// Extra class names (e.g. "button").
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let config = use_config();
    view! {
        <a class=class href=config.tel_href()>
            {sr_prefix.map(|p| view! { <span class="sr-only">{p}</span> })}
            {prefix}
            {config.phone.display.clone()}
        </a>
    }
}

/// A `tel:` link to the emergency number, e.g. "911".
#[component]
pub fn EmergencyLink(
    /// Words before the number inside the link, e.g. "Call ".
    #[prop(optional)]
    prefix: &'static str,
    /// Words after the number inside the link, e.g. " now".
    #[prop(optional)]
    suffix: &'static str,
    /// Extra class names.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView {
    let config = use_config();
    view! {
        <a class=class href=config.emergency_href()>
            {prefix}{config.emergency_number.clone()}{suffix}
        </a>
    }
}
