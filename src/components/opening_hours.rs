//! The clinic's hours as patients read them, in the page's language: today's status ("Open now ·
//! closes at 6:00 pm"), the week as a table, and the closures ahead, from the `visit` section of
//! `site.json`, which
//! the pages showing them load themselves ([`visit_resource`]). Built inside the wasm parts of
//! those pages (home, Visit, contact), so an article loads without this code.

use leptos::prelude::*;

use crate::api::{fetch_visit, sendable, FetchError};
use crate::calendar::{capitalized, Date, Time};
use crate::clinic_clock::use_clinic_clock;
use crate::components::clinic_links::PhoneLink;
use crate::config::Visit;
use crate::context::use_lang;
use crate::hours::{week_rows, Span};
use crate::lang::Lang;
use crate::text::fill;
use crate::text::visit::VisitText;

/// The parts of `template` before and after `{name}`, for a text with a view in its middle (a
/// link, a `<time>`).
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    template
        .split_once(&format!("{{{name}}}"))
        .unwrap_or((template, ""))
}

/// The visit section for this page: resolved at build time and carried inside the page, read
/// from the network after a link followed in the app. Await it in as many places as need it.
pub fn visit_resource() -> Resource<Result<Visit, FetchError>> {
    Resource::new(|| (), |_| sendable(fetch_visit()))
}

/// Shows `view` with the visit section once it is here. Loading, it shows nothing (what it
/// holds is never the only way on: the phone is always in the header); when it cannot be
/// loaded, it says so and offers the phone, unless `quiet`.
#[component]
pub fn WithVisit<V, IV>(
    /// The page's [`visit_resource`].
    visit: Resource<Result<Visit, FetchError>>,
    /// What to show with it.
    view: V,
    /// Show nothing at all when it cannot be loaded (a detail of the page, not its content).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    V: Fn(Visit) -> IV + Clone + Send + Sync + 'static,
    IV: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || {
                let view = view.clone();
                let (before, after) = around(VisitText::of(use_lang()).hours_failed, "phone");
                Suspend::new(async move {
                    match visit.await {
                        Ok(data) => view(data).into_any(),
                        Err(_) if quiet => ().into_any(),
                        Err(_) => view! {
                            <p class="fetch-error__message" role="alert">
                                {before} <PhoneLink /> {after}
                            </p>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Whether the clinic is open now, on its own clock, and until when. Shown only once the page is
/// in the browser's hands (never in the pre-rendered HTML, which would go stale), and changed
/// on its own when the clinic opens or closes.
#[component]
pub fn OpeningStatus(
    /// The clinic's hours and time zone.
    visit: Visit,
) -> impl IntoView {
    let lang = use_lang();
    let schedule = StoredValue::new(visit.schedule());
    let clock = use_clinic_clock(visit.time_zone);
    let status = Memo::new(move |_| {
        let now = clock.get()?;
        schedule.with_value(|s| s.has_hours().then(|| s.status(now)))
    });
    // The page's HTML holds the empty slot, a line tall, so the status moves nothing when it
    // arrives (no layout shift).
    view! {
        <div class="opening-slot">
            {move || {
                status.get().map(|status| {
                    let class = if status.is_open() {
                        "open-status open-status--open"
                    } else {
                        "open-status open-status--closed"
                    };
                    view! {
                        <p class=class data-testid="open-status">
                            <span class="open-status__dot" aria-hidden="true"></span>
                            {status.text(lang)}
                        </p>
                    }
                })
            }}
        </div>
    }
}

/// A day's ranges, "8:00 am – 12:00 pm, 1:00 pm – 6:00 pm", each time in a `<time>` and each
/// range in a span of its own (a line of its own in the hours table); "Closed" when none.
fn spans_view(spans: &[Span], lang: Lang) -> AnyView {
    if spans.is_empty() {
        return VisitText::of(lang).closed.into_any();
    }
    let time = move |t: Time| view! { <time datetime=t.iso()>{t.spoken(lang)}</time> };
    let last = spans.len() - 1;
    spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            view! {
                <span class="hours-range">
                    {time(span.opens)} " – " {time(span.closes)} {(i < last).then_some(", ")}
                </span>
            }
        })
        .collect_view()
        .into_any()
}

/// The weekly hours as a table: a caption, the days as row headers, times in `<time>`.
#[component]
pub fn HoursTable(
    /// The clinic's hours and time zone.
    visit: Visit,
) -> impl IntoView {
    let lang = use_lang();
    let t = VisitText::of(lang);
    let schedule = visit.schedule();
    let rows = week_rows(&schedule)
        .map(|(day, spans)| {
            view! {
                <tr>
                    <th scope="row">{capitalized(day.spoken(lang))}</th>
                    <td>{spans_view(spans, lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="hours-table">
            <caption>{fill(t.hours_caption, &[("zone", &zone_label(&visit.time_zone, lang))])}</caption>
            <thead>
                <tr><th scope="col">{t.hours_day}</th><th scope="col">{t.hours_hours}</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// "Pacific time" for the zones American patients know by name; the place otherwise.
fn zone_label(zone: &str, lang: Lang) -> String {
    let t = VisitText::of(lang);
    match zone {
        "America/Los_Angeles" => t.zone_pacific.into(),
        "America/Denver" | "America/Boise" => t.zone_mountain.into(),
        "America/Phoenix" => t.zone_arizona.into(),
        "America/Chicago" => t.zone_central.into(),
        "America/New_York" | "America/Detroit" => t.zone_eastern.into(),
        other => fill(
            t.zone_other,
            &[(
                "place",
                &other.rsplit('/').next().unwrap_or(other).replace('_', " "),
            )],
        ),
    }
}

/// Closures and special hours of the next 60 days: from the day the build wrote into the page
/// (its HTML, and the first render in the browser), then from the clinic's today once its clock
/// is read.
#[component]
pub fn UpcomingClosures(
    /// The clinic's closures and time zone.
    visit: Visit,
) -> impl IntoView {
    let lang = use_lang();
    let t = VisitText::of(lang);
    let schedule = StoredValue::new(visit.schedule());
    let listed_from = visit.listed_from.as_deref().and_then(Date::parse);
    let clock = use_clinic_clock(visit.time_zone);
    let today = Memo::new(move |_| clock.get().map(|now| now.date).or(listed_from));
    move || {
        let days: Vec<_> = schedule.with_value(|s| match today.get() {
            Some(today) => s.upcoming(today).cloned().collect(),
            None => s.specials.clone(),
        });
        if days.is_empty() {
            return view! {
                <p class="closures__none">{t.closures_none}</p>
            }
            .into_any();
        }
        let items = days
            .into_iter()
            .map(|day| {
                let hours = if day.spans.is_empty() {
                    t.closed_all_day.into_any()
                } else {
                    let (before, after) = around(t.open_only, "hours");
                    view! { {before} {spans_view(&day.spans, lang)} {after} }.into_any()
                };
                view! {
                    <li>
                        <time datetime=day.date.to_string()>{capitalized(&day.date.spoken(lang))}</time>
                        ": " {day.reason.get(lang).to_string()} ", " {hours}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="closures">{items}</ul> }.into_any()
    }
}
