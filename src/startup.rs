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

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use any_spawner::{CustomExecutor, PinnedFuture, PinnedLocalFuture};
use leptos::either::Either;
use leptos::tachys::view::RenderHtml;

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
    /// Parts of the page whose hydration waits for a task of its own (see [`hydrate_later`]).
    static LATER: RefCell<VecDeque<Box<dyn FnOnce()>>> = const { RefCell::new(VecDeque::new()) };

    /// What waits for the start-up to be over (see [`after_start_up`]).
    static AFTER: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };

    /// Whether [`run_held`] has begun: from then on, held futures are never dropped.
    static STARTED_HELD: Cell<bool> = const { Cell::new(false) };

    /// Futures spawned during the start-up, not yet started; `None` once it is over.
    static HELD: RefCell<Option<VecDeque<Held>>> =
        const { RefCell::new(Some(VecDeque::new())) };
}

/// Hands over the hydration of a part of the page to [`hydrate_the_rest`], which runs each part
/// in a task of its own, in the order handed over, after the shell's: one long task becomes
/// several short ones. See [`later`] for the usual case.
pub fn hydrate_later(hydrate: impl FnOnce() + 'static) {
    LATER.with_borrow_mut(|later| later.push_back(Box::new(hydrate)));
}

/// Hydrates what [`hydrate_later`] was handed, one part per task (a part may hand over more,
/// which come after), each marked `clinic:part`. The page's effects are still held back, so
/// nothing rebuilds the HTML in between: each part finds it as the build wrote it.
pub async fn hydrate_the_rest() {
    while let Some(hydrate) = LATER.with_borrow_mut(VecDeque::pop_front) {
        hydrate();
        mark("clinic:part");
        if LATER.with_borrow(|later| !later.is_empty()) {
            next_task().await;
        }
    }
}

/// `view`, hydrated in a task of its own while the page hydrates (see [`hydrate_later`]), or
/// built at once otherwise. `view` must be one element (with anything inside it): hydration
/// steps over that one node, and comes back to it later. The part's state lives in the view's,
/// so a view built again later (another article in the same page) replaces the element as it
/// would any other. A part hydrates after the rest of the page, not where the build rendered
/// it: what in a part reads the data the build left in the page (a `Resource`, a `Suspense`)
/// must come, in the build's order, after every such reader outside the part, as "More posts"
/// at the end of an article does.
pub fn later<V>(view: impl FnOnce() -> V + 'static) -> Either<V, LeftForLater>
where
    V: RenderHtml + 'static,
    V::State: 'static,
{
    if !is_hydrating() {
        return Either::Left(view());
    }
    let owner = leptos::prelude::Owner::current();
    Either::Right(LeftForLater::new(move |element| {
        owner.map(|owner| owner.with(|| hydrate_at(view(), &element)))
    }))
}

/// Hydrates `view`, one element, at `element`, which the build rendered from it.
pub fn hydrate_at<V: RenderHtml>(view: V, element: &web_sys::Element) -> V::State {
    view.hydrate_from_position::<true>(element, leptos::tachys::view::Position::Current)
}

/// The state a part hydrated later hands back (its view's), kept as long as the part is.
type PartState = Rc<RefCell<Option<Box<dyn Any>>>>;

/// What stands, while the page hydrates, for an element hydrated later: hydration steps over
/// the element the build rendered there, and hands it to the function given, which
/// [`hydrate_the_rest`] runs in a task of its own; the state it returns is kept with this
/// view's. The build never renders it: it renders the element itself.
#[allow(clippy::type_complexity)]
pub struct LeftForLater(
    send_wrapper::SendWrapper<Box<dyn FnOnce(web_sys::Element) -> Option<Box<dyn Any>>>>,
);

impl LeftForLater {
    /// Steps over one element now, and runs `hydrate` with it later.
    pub fn new<S: 'static>(hydrate: impl FnOnce(web_sys::Element) -> Option<S> + 'static) -> Self {
        Self(send_wrapper::SendWrapper::new(Box::new(move |element| {
            hydrate(element).map(|state| Box::new(state) as Box<dyn Any>)
        })))
    }
}

/// The element a [`LeftForLater`] stepped over, and the state of its part once hydrated: moved
/// and removed like the element it is.
pub struct LaterState {
    element: web_sys::Element,
    _part: PartState,
}

mod left_for_later {
    use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::view::{
        add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
    };
    use wasm_bindgen::JsCast;

    use super::{LaterState, LeftForLater, PartState};

    /// Never built: `crate::startup::later` builds the view itself when nothing hydrates.
    impl Render for LeftForLater {
        type State = Option<LaterState>;
        fn build(self) -> Self::State {
            None
        }
        fn rebuild(self, _state: &mut Self::State) {}
    }

    impl Mountable for LaterState {
        fn unmount(&mut self) {
            self.element.remove();
        }

        fn mount(&mut self, parent: &web_sys::Element, marker: Option<&web_sys::Node>) {
            let _ = parent.insert_before(&self.element, marker);
        }

        fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
            match self.element.parent_element() {
                Some(parent) => {
                    child.mount(&parent, Some(&self.element));
                    true
                }
                None => false,
            }
        }

        fn elements(&self) -> Vec<web_sys::Element> {
            vec![self.element.clone()]
        }
    }

    impl RenderHtml for LeftForLater {
        type AsyncOutput = Self;
        type Owned = Self;
        const MIN_LENGTH: usize = 0;

        fn to_html_with_buf(
            self,
            _buf: &mut String,
            _position: &mut Position,
            _escape: bool,
            _mark_branches: bool,
            _extra_attrs: Vec<AnyAttribute>,
        ) {
        }

        /// Moves the cursor over one element, as hydrating an element does.
        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            if position.get() == Position::FirstChild {
                cursor.child();
            } else if position.get() != Position::Current {
                cursor.sibling();
            }
            position.set(Position::NextChild);
            let hydrate = self.0.take();
            let element = match cursor.current().dyn_into::<web_sys::Element>() {
                Ok(element) => element,
                // What hydrating any element finds here stops the app the same way.
                Err(node) => panic!("expected an element to hydrate later, found {node:?}"),
            };
            let part = PartState::default();
            let kept = part.clone();
            let at = element.clone();
            super::hydrate_later(move || *kept.borrow_mut() = hydrate(at));
            Some(LaterState {
                element,
                _part: part,
            })
        }

        async fn resolve(self) -> Self::AsyncOutput {
            self
        }

        fn dry_resolve(&mut self) {}

        fn into_owned(self) -> Self::Owned {
            self
        }
    }

    impl AddAnyAttr for LeftForLater {
        type Output<SomeNewAttr: Attribute> = Self;

        fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
        where
            Self::Output<NewAttr>: RenderHtml,
        {
            self
        }
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
        if HELD.with_borrow(Option::is_none) {
            wasm_bindgen_futures::spawn_local(fut);
            return;
        }
        let held = Held::new(fut);
        HELD.with_borrow_mut(|queue| match queue {
            Some(queue) => queue.push_back(held),
            None => wasm_bindgen_futures::spawn_local(held.fut),
        });
    }

    fn poll_local(&self) {}
}

/// A future spawned during the start-up, and, for one spawned while the page hydrates, whether
/// what spawned it is gone since (the reactive owner current when it was spawned was cleaned
/// up: nothing re-runs while the page hydrates, so that means a page left before its effects
/// started). Such a future is dropped, never started: an effect of a page already replaced
/// would read values that no longer exist. What is spawned once [`run_held`] has begun is never
/// dropped: an effect re-running then cleans its owner too, and what it spawned (the router's
/// loading of the next page) must still run.
struct Held {
    fut: PinnedLocalFuture<()>,
    gone: Arc<AtomicBool>,
}

impl Held {
    fn new(fut: PinnedLocalFuture<()>) -> Self {
        let gone = Arc::new(AtomicBool::new(false));
        if !STARTED_HELD.get() && leptos::prelude::Owner::current().is_some() {
            let gone = Arc::clone(&gone);
            leptos::prelude::on_cleanup(move || gone.store(true, Ordering::Relaxed));
        }
        Self { fut, gone }
    }
}

/// Makes [`Deferring`] the executor; call before hydrating or mounting (Leptos keeps the first
/// executor it is given).
pub fn init_executor() {
    let _ = any_spawner::Executor::init_local_custom_executor(Deferring);
}

/// Starts what the start-up held back, one piece per task in the order it was spawned (what
/// those spawn meanwhile queues behind them), except what belongs to a part of the page already
/// gone (see [`Held`]), then lets spawns run at once as usual.
pub async fn run_held() {
    STARTED_HELD.set(true);
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
            Some(held) if held.gone.load(Ordering::Relaxed) => {}
            // Its first poll runs at the end of this task, before the next one starts.
            Some(held) => wasm_bindgen_futures::spawn_local(held.fut),
            None => break,
        }
    }
    for then in AFTER.take() {
        then();
    }
}

/// Runs `then` once the start-up is over (everything [`run_held`] started), or now if it is:
/// for work nobody waits for, such as preparing what the patient may do next.
pub fn after_start_up(then: impl FnOnce() + 'static) {
    if HELD.with_borrow(Option::is_some) {
        AFTER.with_borrow_mut(|after| after.push(Box::new(then)));
    } else {
        then();
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

/// Marks the moment hydration reaches this line (`clinic:<phase>`), like [`phase_mark`] in
/// code rather than in a view. Only with the feature `startup-marks`.
#[cfg(feature = "startup-marks")]
pub fn phase(name: &'static str) {
    mark(name);
}

/// Without the feature `startup-marks`, nothing.
#[cfg(not(feature = "startup-marks"))]
pub fn phase(_name: &'static str) {}

/// Without the feature `startup-marks`, nothing.
#[cfg(not(feature = "startup-marks"))]
pub fn phase_mark(_name: &'static str) -> impl leptos::prelude::IntoView {}
