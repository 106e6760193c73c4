//! Browser test of the start-up's executor (src/startup.rs), in a binary of its own: it makes
//! that executor the program's, as `main.rs` does, which no other test may share.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What the start-up holds back starts after it, in order, except what was spawned while the
/// page hydrated for a part of the page that is gone by then: a patient who follows a link the
/// moment the app is ready must not have the old page's effects start, reading values that no
/// longer exist; but what is spawned after that always runs.
#[wasm_bindgen_test]
async fn what_the_start_up_held_for_a_page_already_left_never_starts() {
    clinic_site::startup::init_executor();
    let started = Rc::new(RefCell::new(Vec::new()));
    let spawn_in = |owner: &Owner, name: &'static str| {
        let started = Rc::clone(&started);
        owner.with(|| leptos::task::spawn_local(async move { started.borrow_mut().push(name) }));
    };
    let app = Owner::new();
    let old_page = app.child();
    let new_page = app.child();
    spawn_in(&app, "app");
    spawn_in(&old_page, "old page");
    spawn_in(&new_page, "new page");
    // Once the held futures run, an effect that re-runs cleans its owner: what it spawned just
    // before (the router's loading of the next page does this) still runs.
    let re_run = app.child();
    {
        let started = Rc::clone(&started);
        app.with(|| {
            leptos::task::spawn_local(async move {
                let started = Rc::clone(&started);
                re_run.with(|| {
                    leptos::task::spawn_local(async move { started.borrow_mut().push("re-run") })
                });
                re_run.cleanup();
            })
        });
    }
    assert!(
        started.borrow().is_empty(),
        "held until the start-up is over"
    );
    old_page.cleanup();
    // Returns once each future it starts has been polled once (these finish at that poll).
    clinic_site::startup::run_held().await;
    assert_eq!(*started.borrow(), ["app", "new page", "re-run"]);
}
