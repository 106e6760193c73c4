//! The pieces of the symptom checklist page: fieldsets of checkboxes, the emergency alert, the
//! live result and the print-only summary. Answers live only in the `ticked` signal: they are
//! never sent, stored, or put in the address.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::paths::href;
use crate::symptoms::{triage, Group, Item, Rules, Tier};
use crate::use_config;

/// The ids of the ticked items.
pub type Ticked = RwSignal<BTreeSet<String>>;

/// The element id of an item's checkbox.
pub fn checkbox_id(item: &Item) -> String {
    format!("symptom-{}", item.id.replace('_', "-"))
}

/// One group of the checklist as a fieldset with its legend and a hint.
#[component]
pub fn SymptomGroup(
    /// The group's legend and hint.
    group: Group,
    /// The items shown in this group, in order.
    items: Vec<Item>,
    /// The shared set of ticked ids.
    ticked: Ticked,
) -> impl IntoView {
    let slug = group.id.slug();
    let hint_id = format!("symptom-group-{slug}-hint");
    let described_by = hint_id.clone();
    view! {
        <fieldset
            class=format!("symptom-group symptom-group--{slug}")
            aria-describedby=described_by
        >
            <legend class="symptom-group__legend">{group.legend}</legend>
            <p class="symptom-group__hint" id=hint_id>{group.hint}</p>
            <ul class="symptom-group__items" role="list">
                {items
                    .into_iter()
                    .map(|item| view! { <li><SymptomCheckbox item ticked /></li> })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// A checkbox whose whole row (label included) is the tap target.
#[component]
pub fn SymptomCheckbox(
    /// The item this checkbox ticks.
    item: Item,
    /// The shared set of ticked ids.
    ticked: Ticked,
) -> impl IntoView {
    let input_id = checkbox_id(&item);
    let label_for = input_id.clone();
    let id = item.id.clone();
    let id_for_state = item.id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        ticked.update(|set| {
            if on {
                set.insert(id.clone());
            } else {
                set.remove(&id);
            }
        });
    };
    view! {
        <label class="symptom-check" for=label_for>
            <input
                class="symptom-check__box"
                type="checkbox"
                id=input_id
                prop:checked=move || ticked.with(|set| set.contains(&id_for_state))
                on:change=on_change
            />
            <span class="symptom-check__text">{item.wording}</span>
        </label>
    }
}

/// The emergency alert: the emergency number as a `tel:` link and the emergency department.
#[component]
pub fn EmergencyAlert() -> impl IntoView {
    let config = use_config();
    view! {
        <div class="symptom-alert no-print" role="alert">
            <p class="symptom-alert__title">
                <strong>"Emergency: get help now."</strong>
            </p>
            <p class="symptom-alert__text">
                <a class="symptom-alert__call" href=config.emergency_href()>
                    "Call " {config.emergency_number.clone()} " now"
                </a>
                " or go to the nearest emergency department. Do not wait to see if it gets better."
            </p>
        </div>
    }
}

/// The sentence read aloud (and shown) whenever the result changes.
fn status_text(rules: &Rules, tier: Option<Tier>, count: usize, emergency_number: &str) -> String {
    let Some(tier) = tier else {
        return "Nothing is ticked yet. Tick anything that matches how you feel, and what to do next will show here."
            .to_string();
    };
    let outcome = rules.outcomes.for_tier(tier);
    let ticked = if count == 1 {
        "1 item ticked".to_string()
    } else {
        format!("{count} items ticked")
    };
    let call = if tier == Tier::Emergency {
        format!(" Call {emergency_number} now or go to the nearest emergency department.")
    } else {
        String::new()
    };
    format!("{}.{call} {} ({ticked}.)", outcome.heading, outcome.summary)
}

/// The result: a polite live region with the outcome, then what to do next and where to read more.
#[component]
pub fn SymptomResult(
    /// The checklist's rules (for the advice of each tier).
    rules: StoredValue<Rules>,
    /// The shared set of ticked ids.
    ticked: Ticked,
    /// The current outcome; `None` is the neutral state.
    tier: Memo<Option<Tier>>,
) -> impl IntoView {
    let config = use_config();
    let emergency_number = config.emergency_number.clone();
    let status = move || {
        let count = ticked.with(BTreeSet::len);
        rules.with_value(|r| status_text(r, tier.get(), count, &emergency_number))
    };
    let class = move || match tier.get() {
        Some(t) => format!("symptom-result symptom-result--{} no-print", t.slug()),
        None => "symptom-result symptom-result--neutral no-print".to_string(),
    };
    view! {
        <section class=class aria-labelledby="symptom-result-title">
            <h2 id="symptom-result-title" class="symptom-result__title">"What to do next"</h2>
            <p class="symptom-result__status" role="status" aria-live="polite" aria-atomic="true">
                {status}
            </p>
            {move || tier.get().map(|t| view! { <ResultDetails rules ticked tier=t /> })}
        </section>
    }
}

/// The advice for one outcome: why, the steps, and links to posts, the contact page and phone.
#[component]
fn ResultDetails(rules: StoredValue<Rules>, ticked: Ticked, tier: Tier) -> impl IntoView {
    let config = use_config();
    let (reasons, outcome) = rules.with_value(|r| {
        let reasons: Vec<String> = ticked.with_untracked(|set| {
            triage::reasons(r, |id| set.contains(id))
                .into_iter()
                .map(|i| i.wording.clone())
                .collect()
        });
        (reasons, r.outcomes.for_tier(tier).clone())
    });
    let emergency = (tier == Tier::Emergency).then(|| {
        view! {
            <p class="symptom-result__emergency">
                <a class="button symptom-result__call" href=config.emergency_href()>
                    "Call " {config.emergency_number.clone()}
                </a>
                " or go to the nearest emergency department."
            </p>
        }
    });
    view! {
        <div class="symptom-result__details">
            {emergency}
            <h3 class="symptom-result__subtitle">"Because you ticked"</h3>
            <ul class="symptom-result__reasons">
                {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
            </ul>
            <h3 class="symptom-result__subtitle">"Next steps"</h3>
            <ol class="symptom-result__steps">
                {outcome.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
            <h3 class="symptom-result__subtitle">"Talk to us"</h3>
            <ul class="symptom-result__links">
                <li>
                    "Call the clinic on "
                    <a href=config.tel_href()>{config.phone.display.clone()}</a>
                </li>
                <li>
                    <a href=href("/contact?topic=back-pain")>"Ask the clinic about this"</a>
                    " (you will see and can change the message before anything is sent; your ticks are not included)"
                </li>
            </ul>
            <h3 class="symptom-result__subtitle">"Read more"</h3>
            <ul class="symptom-result__links">
                {outcome
                    .posts
                    .into_iter()
                    .map(|p| view! { <li><a href=href(&p.path)>{p.title}</a></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A one-page summary that only the print stylesheet shows: the ticked items and the outcome.
#[component]
pub fn PrintSummary(
    /// The checklist's rules.
    rules: StoredValue<Rules>,
    /// The shared set of ticked ids.
    ticked: Ticked,
    /// The current outcome; `None` is the neutral state.
    tier: Memo<Option<Tier>>,
) -> impl IntoView {
    let config = use_config();
    let items = move || {
        let wording: Vec<String> = ticked.with(|set| {
            rules.with_value(|r| {
                triage::ticked_items(r, |id| set.contains(id))
                    .into_iter()
                    .map(|i| i.wording.clone())
                    .collect()
            })
        });
        if wording.is_empty() {
            view! { <p>"Nothing was ticked."</p> }.into_any()
        } else {
            view! {
                <ul class="symptoms-print__items">
                    {wording.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let outcome = move || match tier.get() {
        None => view! { <p>"No result: nothing was ticked."</p> }.into_any(),
        Some(t) => {
            let o = rules.with_value(|r| r.outcomes.for_tier(t).clone());
            view! {
                <p class="symptoms-print__outcome"><strong>{o.heading}</strong></p>
                <p>{o.summary}</p>
                <ol>{o.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            }
            .into_any()
        }
    };
    view! {
        <section class="symptoms-print" aria-labelledby="symptoms-print-title">
            <h2 id="symptoms-print-title">"Your checklist summary"</h2>
            <h3>"What you ticked"</h3>
            {items}
            <h3>"Result"</h3>
            {outcome}
            <p>
                "Emergency number: " {config.emergency_number.clone()} ". "
                {config.clinic_name.clone()} ": " {config.phone.display.clone()} "."
            </p>
            <p>
                "This checklist is not a diagnosis. It was made on your device from your own answers."
            </p>
        </section>
    }
}
