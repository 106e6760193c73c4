//! The app's start-up in short tasks, so a slow phone stays responsive while it runs.
//!
//! A pre-rendered page is readable before the app starts; what the start-up must not do is
//! hold the main thread for long, or the first tap waits for it. So:
//! - the loader starts the wasm once the page has been painted (`src/bin/prerender.rs`);
//! - `main.rs` yields to the browser ([`next_task`]) between instantiating the wasm, reading
//!   the page's data, hydrating the shell (header, navigation, footer) and hydrating the page
//!   inside it ([`hydrate_later`]), each in its own task (a link followed between the two
//!   loads its page as a document: the router cannot take over HTML of another page);
//! - work that Leptos spawns while the page hydrates (every `Effect`'s first run: dates in
//!   the reader's locale, Web Share detection, the route announcer, the contact draft…) is
//!   held back by [`Deferring`], the app's executor, and run after hydration one piece per
//!   task, in the order it was spawned;
//! - the article body, static text, is left as the HTML has it while hydrating
//!   (see `PostBody`).
//!
//! Each phase is marked on the browser's performance timeline (`clinic:<phase>`), where
//! `scripts/startup-trace.mjs` finds it in a trace.

use std::cell::RefCell;
use std::collections::VecDeque;

use any_spawner::{CustomExecutor, PinnedFuture, PinnedLocalFuture};

/// Whether the page is being hydrated right now: the views built now must match the HTML.
pub fn is_hydrating() -> bool {
    leptos::prelude::Owner::current_shared_context().is_some_and(|sc| sc.during_hydration())
}

/// Marks a phase of the start-up on the performance timeline (`name` is `clinic:<phase>`);
/// nothing outside a browser.
pub fn mark(name: &'static str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

thread_local! {
    /// The page's own hydration, handed over by the shell (see [`hydrate_later`]).
    static LATER: RefCell<Option<Box<dyn FnOnce()>>> = const { RefCell::new(None) };

    /// Futures spawned during the start-up, not yet started; `None` once it is over.
    static HELD: RefCell<Option<VecDeque<PinnedLocalFuture<()>>>> =
        RefCell::new(Some(VecDeque::new()));
}

/// Hands over the hydration of the page inside the shell's `<main>`, which `main.rs` runs
/// ([`hydrate_the_rest`]) in a task after the shell's: one long task becomes two.
pub fn hydrate_later(hydrate: impl FnOnce() + 'static) {
    LATER.set(Some(Box::new(hydrate)));
}

/// Hydrates what [`hydrate_later`] was handed, if anything.
pub fn hydrate_the_rest() {
    if let Some(hydrate) = LATER.take() {
        hydrate();
    }
}

/// The app's executor: the browser's (`wasm-bindgen-futures`), except that what is spawned
/// during the start-up waits for [`run_held`], which starts it after hydration.
pub struct Deferring;

impl CustomExecutor for Deferring {
    fn spawn(&self, fut: PinnedFuture<()>) {
        self.spawn_local(fut);
    }

    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        let fut = HELD.with_borrow_mut(|held| match held {
            Some(queue) => {
                queue.push_back(fut);
                None
            }
            None => Some(fut),
        });
        if let Some(fut) = fut {
            wasm_bindgen_futures::spawn_local(fut);
        }
    }

    fn poll_local(&self) {}
}

/// Makes [`Deferring`] the executor; call before hydrating or mounting (Leptos keeps the first
/// executor it is given).
pub fn init_executor() {
    let _ = any_spawner::Executor::init_local_custom_executor(Deferring);
}

/// Starts what the start-up held back, one piece per task in the order it was spawned (what
/// those spawn meanwhile queues behind them), then lets spawns run at once as usual.
pub async fn run_held() {
    loop {
        next_task().await;
        let next = HELD.with_borrow_mut(|held| {
            let queue = held.as_mut()?;
            let next = queue.pop_front();
            if next.is_none() {
                *held = None;
            }
            next
        });
        match next {
            // Its first poll runs at the end of this task, before the next one starts.
            Some(fut) => wasm_bindgen_futures::spawn_local(fut),
            None => return,
        }
    }
}

/// Lets the browser handle input and paint before going on: resumes in a task of its own.
pub async fn next_task() {
    #[cfg(target_arch = "wasm32")]
    {
        let ran = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(ran).await;
    }
}

/// Marks, where it is placed in a view, the moment hydration reaches it (`clinic:<phase>`), for
/// `scripts/bench.sh`'s table of the hydration's parts. Only with the feature `startup-marks`:
/// each mark costs the wasm bytes, so the site as shipped has none.
#[cfg(feature = "startup-marks")]
pub fn phase_mark(name: &'static str) -> impl leptos::prelude::IntoView {
    move || mark(name)
}

/// Without the feature `startup-marks`, nothing.
#[cfg(not(feature = "startup-marks"))]
pub fn phase_mark(_name: &'static str) -> impl leptos::prelude::IntoView {}
