//! Build-time renderer: renders every route of the site with the same components the browser
//! runs, into one HTML file per route, and lists what it wrote ([`RenderedSite`]) for the rest
//! of the build (`cargo xtask post-build`, which runs it). The browser then hydrates each page
//! instead of building it. The content build has checked the posts, and the build crate the
//! configuration, before this runs.
//!
//!   TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ cargo run --no-default-features --features ssr --bin prerender
#![recursion_limit = "256"]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use futures::executor::{LocalPool, LocalSpawner};
use futures::task::LocalSpawnExt;
use futures::StreamExt;
use hydration_context::{SerializedDataId, SharedContext, SsrSharedContext};
use leptos::prelude::*;
use leptos::reactive::owner::Owner;
use leptos::tachys::view::RenderHtml;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use clinic_site::blog::search::tag_counts;
use clinic_site::blog::PostSummary;
use clinic_site::config::SiteConfig;
use clinic_site::hydration::data_block;
use clinic_site::lang::Lang;
use clinic_site::routes::alternate;
use clinic_site::routes::{route, Page, Part, Route, ROUTES};
use clinic_site::site_files::{
    not_found_page, offline_page, post_index, RenderedPage, RenderedSite, OFFLINE_SCRIPT,
    SITE_CONFIG,
};

fn main() {
    let dir = PathBuf::from(std::env::var("TRUNK_STAGING_DIR").unwrap_or_else(|_| "dist".into()));
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    if let Err(problem) = run(&dir, &public_url) {
        eprintln!("prerender: {problem}");
        std::process::exit(1);
    }
}

/// Runs every task on this one thread: the components keep browser-only handles that must
/// stay on the thread that made them (as in the browser, which has one thread).
struct OneThread;

thread_local! {
    static POOL: std::cell::RefCell<LocalPool> = std::cell::RefCell::new(LocalPool::new());
    static SPAWNER: LocalSpawner = POOL.with(|pool| pool.borrow().spawner());
}

impl CustomExecutor for OneThread {
    fn spawn(&self, future: PinnedFuture<()>) {
        SPAWNER.with(|s| {
            s.spawn_local(future)
                .expect("the build's task pool is running")
        });
    }

    fn spawn_local(&self, future: PinnedLocalFuture<()>) {
        SPAWNER.with(|s| {
            s.spawn_local(future)
                .expect("the build's task pool is running")
        });
    }

    fn poll_local(&self) {
        POOL.with(|pool| {
            if let Ok(mut pool) = pool.try_borrow_mut() {
                pool.run_until_stalled();
            }
        });
    }
}

/// Drives `future` and every task it spawns to completion on this thread.
fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
    // Made before the pool is borrowed for running: making it borrows the pool too.
    SPAWNER.with(|_| ());
    POOL.with(|pool| pool.borrow_mut().run_until(future))
}

fn run(dir: &Path, public_url: &str) -> Result<(), String> {
    Executor::init_custom_executor(OneThread).map_err(|e| e.to_string())?;
    clinic_site::api::set_site_dir(dir.to_path_buf());
    clinic_site::paths::set_base(public_url);
    let config = read_config(dir)?;
    let template_path = dir.join("index.html");
    let template = std::fs::read_to_string(&template_path)
        .and_then(|template| start_after_first_paint(&template).map_err(std::io::Error::other))
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
    let mut pages: Vec<RenderedPage> = Vec::new();
    for lang in Lang::ALL {
        let index: Vec<PostSummary> = read_json(&dir.join(post_index(lang)))?;
        pages.extend(pages_in(lang, &index));
    }

    for page in &pages {
        let full_path = clinic_site::paths::href(&page.path);
        let html = block_on(render(&full_path, &template, || {
            clinic_site::App().into_any()
        }))
        .and_then(|html| with_lang(&html, page.lang))
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
        write(&dir.join(&page.file), &html)?;
    }

    // The page the service worker serves, offline, for a page it has not saved, in each
    // language: the site's frame around `OfflinePage`, without the app (see `without_app`).
    for lang in Lang::ALL {
        let config = config.clone();
        let home = route(Page::Home).path_in(lang, None);
        let offline = block_on(render(
            &clinic_site::paths::href(&home),
            &template,
            move || clinic_site::OfflineSite(clinic_site::OfflineSiteProps { config }).into_any(),
        ))
        .and_then(|html| with_lang(&html, lang))
        .and_then(|html| without_app(&html, OFFLINE_SCRIPT))
        .map_err(|e| format!("{}: {e}", template_path.display()))?;
        write(&dir.join(offline_page(lang)), &offline)?;
    }

    let count = pages.len();
    let list = dir.join(RenderedSite::FILE);
    let rendered = RenderedSite {
        format: RenderedSite::FORMAT,
        pages,
    };
    let json = serde_json::to_string_pretty(&rendered).map_err(|e| e.to_string())?;
    std::fs::write(&list, json).map_err(|e| format!("{}: {e}", list.display()))?;
    println!(
        "prerender: {} pages and the offline page written to {}",
        count,
        dir.display()
    );
    Ok(())
}

fn write(target: &Path, html: &str) -> Result<(), String> {
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(target, html).map_err(|e| format!("{}: {e}", target.display()))
}

/// A rendered page without the app: Trunk's loader (the inline module that starts the wasm),
/// the preload of the app's script and the other module scripts go, and `script` (relative to
/// the page's base) comes in their place. For a page served at an address the app would take
/// for another page (the offline page), which hydration would fail on.
fn without_app(html: &str, script: &str) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut removed = 0;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let tag_end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..tag_end];
        let module_script = tag.starts_with("<script")
            && (tag.contains("type=module") || tag.contains("type=\"module\""));
        let module_preload = tag.starts_with("<link") && tag.contains("modulepreload");
        if module_script {
            let end = rest
                .find("</script>")
                .ok_or("a module script in the page template is not closed")?;
            rest = &rest[end + "</script>".len()..];
            removed += 1;
        } else if module_preload {
            rest = &rest[tag_end..];
        } else {
            out.push_str(tag);
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    if removed == 0 {
        return Err("the page template has no module script (Trunk's loader) to take out".into());
    }
    let head_end = out.find("</head>").ok_or("the page has no `</head>`")?;
    out.insert_str(
        head_end,
        &format!("<script type=module src=\"{script}\"></script>"),
    );
    Ok(out)
}

/// Every page of `lang`, in the route table's order: the pages without a parameter, each of
/// `index`'s posts, each topic (so filtering by topic works without script), then the Not
/// Found page.
fn pages_in(lang: Lang, index: &[PostSummary]) -> Vec<RenderedPage> {
    let mut pages: Vec<RenderedPage> = ROUTES
        .iter()
        .filter(|route| route.param.is_none())
        .map(|route| page_of(lang, route, None, None, None))
        .collect();
    let post = route(Page::Post);
    pages.extend(index.iter().map(|summary| {
        let changed = summary.updated.as_deref().unwrap_or(&summary.published);
        let translation = summary.translation.as_deref();
        page_of(lang, post, Some(&summary.slug), Some(changed), translation)
    }));
    // (The content build has made sure every tag can be an address.)
    for (tag, _) in tag_counts(index) {
        pages.push(page_of(lang, route(Page::Topic), Some(&tag), None, None));
    }
    // Rendered for an address no route has; static hosts serve it with status 404.
    let home = route(Page::Home).path_in(lang, None);
    pages.push(RenderedPage {
        path: format!("{}/404", home.trim_end_matches('/')),
        lang,
        alternate: None,
        file: not_found_page(lang),
        part: None,
        in_sitemap: false,
        precached: true,
        changed: None,
    });
    pages
}

/// The entry of the route table's `route` in `lang`, with `param` filled in, as the build
/// reads it; `translation` is a post's translation's slug.
fn page_of(
    lang: Lang,
    route: &Route,
    param: Option<&str>,
    changed: Option<&str>,
    translation: Option<&str>,
) -> RenderedPage {
    let path = route.path_in(lang, param);
    let alternate = alternate(&path, |_| translation.map(str::to_string))
        .filter(|(_, same_page)| *same_page)
        .map(|(other, _)| other);
    RenderedPage {
        file: route.file_in(lang, param),
        path,
        lang,
        alternate,
        part: route.part.map(Part::name).map(str::to_string),
        in_sitemap: route.in_sitemap,
        precached: route.param.is_none(),
        changed: changed.map(str::to_string),
    }
}

/// The page with its `<html>` element's `lang` set to `lang`: the template says English
/// (`<html lang=en>` as Trunk's minifier writes it, or quoted).
fn with_lang(html: &str, lang: Lang) -> Result<String, String> {
    for (english, quote) in [("<html lang=en", ""), ("<html lang=\"en\"", "\"")] {
        if html.contains(english) {
            let own = format!("<html lang={quote}{}{quote}", lang.code());
            return Ok(html.replacen(english, &own, 1));
        }
    }
    Err("the page template's `<html>` does not start with lang=en".into())
}

/// The site's configuration (checked strictly by the build before it runs this).
fn read_config(dir: &Path) -> Result<SiteConfig, String> {
    let path = dir.join(SITE_CONFIG);
    std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|json| SiteConfig::parse(&json).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Renders the app at `path` (with the base path) into the template, waiting for every load.
/// Fails if the template has no place for the page (see [`assemble`]).
async fn render(
    path: &str,
    template: &str,
    app: impl FnOnce() -> AnyView,
) -> Result<String, String> {
    let shared = Arc::new(SsrSharedContext::new());
    let owner = Owner::new_root(Some(shared.clone() as Arc<dyn SharedContext + Send + Sync>));
    let (meta, meta_output) = ServerMetaContext::new();
    let stream = owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(meta);
        app().to_html_stream_in_order()
    });
    let body: String = stream.collect().await;

    let mut resources: Vec<Option<String>> = Vec::new();
    for (id, encoded) in shared.consume_buffers().await {
        let i = id.into_inner();
        if resources.len() <= i {
            resources.resize(i + 1, None);
        }
        resources[i] = Some(encoded);
    }
    let errors: Vec<serde_json::Value> = shared
        .take_errors()
        .into_iter()
        .map(|(boundary, id, error)| {
            serde_json::json!([
                boundary.into_inner(),
                id.to_string().parse::<usize>().unwrap_or(0),
                error.to_string()
            ])
        })
        .collect();
    let next = shared.next_id().into_inner();
    let incomplete: Vec<usize> = (0..next)
        .filter(|i| shared.get_incomplete_chunk(&SerializedDataId::new(*i)))
        .collect();
    let data = data_block(
        path,
        &resources,
        &serde_json::Value::Array(errors).to_string(),
        &incomplete,
    );
    let document = assemble(template, &body, &data)?;
    let document = meta_output
        .inject_meta_context(futures::stream::iter([document]))
        .await
        .collect::<String>()
        .await;
    owner.unset();
    Ok(document)
}

/// The template with its generic `<title>` removed, the head marker Leptos's meta tags hydrate
/// against, the page's data block, and the rendered app as the whole of `<body>`. A template
/// without `</head>`, a `<body>` tag after it, or `</body>` has no place for them: an error
/// names what is missing, rather than a page with its head or body in the wrong place.
fn assemble(template: &str, body: &str, data: &str) -> Result<String, String> {
    let template = strip_title(template);
    let missing = |what: &str| format!("the page template has no {what}");
    let head_end = template
        .find("</head>")
        .ok_or_else(|| missing("`</head>`"))?;
    let body_start = head_end
        + template[head_end..]
            .find("<body")
            .ok_or_else(|| missing("`<body>` after `</head>`"))?;
    let body_open_end = body_start
        + template[body_start..]
            .find('>')
            .ok_or_else(|| missing("`>` closing its `<body` tag"))?
        + 1;
    let body_end = body_open_end
        + template[body_open_end..]
            .rfind("</body>")
            .ok_or_else(|| missing("`</body>`"))?;
    Ok(format!(
        "{}{data}<!--HEAD-->{}{body}{}",
        &template[..head_end],
        &template[head_end..body_open_end],
        &template[body_end..]
    ))
}

/// A pre-rendered page is whole before the app starts, so the app waits until it has been
/// painted: Trunk's preload of the wasm goes (on a weak signal it shared the connection with the
/// page's stylesheet and images, and Lighthouse counted its download against the largest
/// paint), and the loader waits for the first frame before it fetches and starts the wasm. The
/// loader is still checked by its hash (computed by the build, `crates/build/src/headers.rs`, from the page).
/// A loader that no longer reads as Trunk 0.21 writes it stops the build.
fn start_after_first_paint(template: &str) -> Result<String, String> {
    const INIT: &str = "const wasm = await init(";
    const AFTER_PAINT: &str =
        "await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\n";
    let mut out = String::with_capacity(template.len() + AFTER_PAINT.len());
    let mut rest = template;
    while let Some(start) = rest.find("<link") {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |i| start + i + 1);
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        let wasm_preload =
            tag.contains("preload") && !tag.contains("modulepreload") && tag.contains(".wasm");
        if !wasm_preload {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    if out.matches(INIT).count() != 1 {
        return Err(format!(
            "the page template's loader does not hold `{INIT}` once: Trunk changed how it starts the \
             app, so the wait for the first paint (src/bin/prerender.rs) must follow it"
        ));
    }
    Ok(out.replacen(INIT, &format!("{AFTER_PAINT}{INIT}"), 1))
}

/// The template without its first `<title>…</title>`: each page's own title comes from its meta tags.
fn strip_title(template: &str) -> String {
    match (template.find("<title>"), template.find("</title>")) {
        (Some(start), Some(end)) if end > start => {
            format!(
                "{}{}",
                &template[..start],
                &template[end + "</title>".len()..]
            )
        }
        _ => template.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> AnyView {
        clinic_site::App().into_any()
    }

    #[test]
    fn a_page_without_the_app_loads_its_own_script_and_nothing_of_the_app() {
        let page = "<html><head><base href=/clinic/><link href=/clinic/main.css rel=stylesheet><script type=module>import init from '/clinic/clinic-site-ab.js';\nconst wasm = await init();</script><link crossorigin href=/clinic/clinic-site-ab.js rel=modulepreload><script integrity=sha384-x src=/clinic/register-cd.js type=module></script><script type=\"application/json\" id=\"prerender-data\">{}</script></head><body><p>You're offline</p></body></html>";
        let offline = without_app(page, "offline.js").expect("a template with a loader");
        assert!(!offline.contains("clinic-site-ab.js"), "{offline}");
        assert!(!offline.contains("register-cd.js"), "{offline}");
        assert!(offline.contains("<link href=/clinic/main.css rel=stylesheet>"));
        assert!(offline.contains("<script type=module src=\"offline.js\"></script></head>"));
        assert!(offline.contains("<p>You're offline</p>"));
        assert!(
            without_app("<html><head></head><body></body></html>", "offline.js").is_err(),
            "a template that no longer holds Trunk's loader is an error, not a page that might still start the app"
        );
    }

    #[test]
    fn the_app_starts_after_the_first_paint_and_its_wasm_is_not_preloaded() {
        let template = "<link href=/a.css rel=stylesheet><link as=fetch href=/x_bg.wasm rel=preload><link href=/x.js rel=modulepreload integrity=sha384-q><script type=module>import init from '/x.js';\nconst wasm = await init({ module_or_path: '/x_bg.wasm' });</script>";
        assert_eq!(
            start_after_first_paint(template).unwrap(),
            "<link href=/a.css rel=stylesheet><link href=/x.js rel=modulepreload integrity=sha384-q><script type=module>import init from '/x.js';\nawait new Promise((r) => requestAnimationFrame(() => setTimeout(r)));\nconst wasm = await init({ module_or_path: '/x_bg.wasm' });</script>"
        );
        let quoted = r#"<link rel="preload" href="/x_bg.wasm" integrity="sha384-ab/c=" as="fetch"><script type="module">const wasm = await init();</script>"#;
        assert!(!start_after_first_paint(quoted).unwrap().contains("preload"));
        assert!(
            start_after_first_paint("<script type=module>await start();</script>")
                .unwrap_err()
                .contains("Trunk changed")
        );
    }

    /// Sets the build's executor, once for the whole test binary (a process has one).
    fn use_one_thread() {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| Executor::init_custom_executor(OneThread).unwrap());
    }

    /// Hostile text in every text field of a post: each would end its element, open a
    /// comment or break out of a script block if it were written raw.
    const HOSTILE: &str = "</title></script><!--<img src=x onerror=alert(1)>\"'&";

    /// Appends [`HOSTILE`] to every text a post shows (not its addresses, dates or slugs).
    fn make_hostile(value: &mut serde_json::Value) {
        const TEXT_KEYS: [&str; 13] = [
            "title",
            "description",
            "author",
            "alt",
            "caption",
            "attribution",
            "by",
            "text",
            "strong",
            "label",
            "summary",
            "journal",
            "authors",
        ];
        match value {
            serde_json::Value::Object(map) => {
                for (key, field) in map.iter_mut() {
                    match field {
                        serde_json::Value::String(text) if TEXT_KEYS.contains(&key.as_str()) => {
                            text.push_str(HOSTILE)
                        }
                        serde_json::Value::Array(items) if key == "authors" => {
                            for item in items.iter_mut() {
                                if let serde_json::Value::String(text) = item {
                                    text.push_str(HOSTILE);
                                }
                            }
                        }
                        other => make_hostile(other),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(make_hostile),
            _ => {}
        }
    }

    /// The site folder the renderer's tests read (a process has one): the shipped site.json
    /// and two posts, with [`HOSTILE`] appended to every text they show.
    fn hostile_site() -> PathBuf {
        static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
        DIR.get_or_init(|| {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
            let dir =
                std::env::temp_dir().join(format!("prerender-hostile-{}", std::process::id()));
            std::fs::create_dir_all(dir.join("posts")).unwrap();
            std::fs::copy(root.join("site.json"), dir.join("site.json")).unwrap();
            let slugs = [
                "back-spasms-causes-and-relief",
                "gentle-stretches-for-low-back-pain",
            ];
            let mut index: Vec<serde_json::Value> =
                read_json(&root.join("posts/index.json")).unwrap();
            index.retain(|p| slugs.contains(&p["slug"].as_str().unwrap_or_default()));
            index.iter_mut().for_each(make_hostile);
            std::fs::write(
                dir.join("posts/index.json"),
                serde_json::to_string(&index).unwrap(),
            )
            .unwrap();
            for slug in slugs {
                let mut post: serde_json::Value =
                    read_json(&root.join(format!("posts/{slug}.json"))).unwrap();
                make_hostile(&mut post);
                std::fs::write(
                    dir.join(format!("posts/{slug}.json")),
                    serde_json::to_string(&post).unwrap(),
                )
                .unwrap();
            }
            use_one_thread();
            clinic_site::api::set_site_dir(dir.clone());
            dir
        })
        .clone()
    }

    #[test]
    fn hostile_text_in_a_post_renders_as_text_and_the_page_stays_whole() {
        hostile_site();

        let template = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body></body></html>"#;
        for path in [
            "/blog/back-spasms-causes-and-relief",
            "/blog/gentle-stretches-for-low-back-pain",
            "/blog",
        ] {
            let page = block_on(render(path, template, app)).unwrap();
            // The title is one element, holding the text.
            assert_eq!(page.matches("<title>").count(), 1, "{path}");
            let title = &page[page.find("<title>").unwrap()..page.find("</title>").unwrap()];
            assert!(!title["<title>".len()..].contains('<'), "{path}: {title}");
            // Nothing the post says opens a comment or a tag: the hostile text is only ever text.
            assert!(!page.contains("<!--<img"), "{path}: a comment was opened");
            assert!(!page.contains("<img src=x"), "{path}: a tag was written");
            // Every script block ends where it should, and holds valid JSON.
            assert_eq!(
                page.matches("<script").count(),
                page.matches("</script>").count(),
                "{path}"
            );
            for block in page.split("<script").skip(1) {
                let open_end = block.find('>').unwrap() + 1;
                let (attributes, rest) = block.split_at(open_end);
                let body = &rest[..rest.find("</script>").unwrap()];
                // (An unresolved resource's element is empty, and marked so.)
                if attributes.contains("json") && !attributes.contains("data-pending") {
                    serde_json::from_str::<serde_json::Value>(body)
                        .unwrap_or_else(|e| panic!("{path}: a JSON block is broken ({e}): {body}"));
                }
            }
            // The page's body is all there: its heading and its footer.
            assert!(page.contains("<h1"), "{path}: no heading");
            assert!(page.contains("<footer"), "{path}: the page was cut short");
            assert!(
                page.contains("&lt;/title&gt;&lt;/script&gt;&lt;!--"),
                "{path}: the text is shown"
            );
        }
    }

    const DATA: &str = "<script id=data></script>";

    #[test]
    fn the_data_goes_before_the_head_end_and_the_app_is_the_whole_body() {
        let template = "<html><head><title>Clinic</title><meta charset=utf-8></head>\n\
                     <!-- a note --><body class=x><p>placeholder</p></body></html>";
        assert_eq!(
            assemble(template, "<main>Hi</main>", DATA).unwrap(),
            "<html><head><meta charset=utf-8><script id=data></script><!--HEAD--></head>\n\
             <!-- a note --><body class=x><main>Hi</main></body></html>"
        );
    }

    #[test]
    fn a_template_without_a_place_for_the_head_or_the_body_is_an_error_naming_it() {
        let cases = [
            ("<html><head><body></body></html>", "`</head>`"),
            ("<html><head></head></html>", "`<body>` after `</head>`"),
            (
                "<html><body></body><head></head></html>",
                "`<body>` after `</head>`",
            ),
            ("<html><head></head><body", "`>` closing its `<body` tag"),
            ("<html><head></head><body></html>", "`</body>`"),
        ];
        for (template, missing) in cases {
            assert_eq!(
                assemble(template, "<main></main>", DATA),
                Err(format!("the page template has no {missing}")),
                "{template}"
            );
        }
    }

    #[test]
    fn rendering_into_a_template_without_a_body_fails_instead_of_writing_half_a_page() {
        use_one_thread();
        assert_eq!(
            block_on(render("/symptoms", "<html><head></head></html>", app)),
            Err("the page template has no `<body>` after `</head>`".to_string())
        );
    }

    #[test]
    fn only_the_first_title_element_is_stripped() {
        assert_eq!(
            strip_title("<head><title>Clinic</title><meta></head><title>2</title>"),
            "<head><meta></head><title>2</title>"
        );
        for untouched in ["<head><meta></head>", "</title>x<title>", "<title>open"] {
            assert_eq!(strip_title(untouched), untouched);
        }
    }

    #[test]
    fn every_route_of_the_table_renders_its_page() {
        let dir = hostile_site();
        let slug = "back-spasms-causes-and-relief";
        let post: serde_json::Value = read_json(&dir.join(format!("posts/{slug}.json"))).unwrap();
        let tag = post["tags"][0].as_str().unwrap().to_string();
        let template = r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body></body></html>"#;
        for route in &ROUTES {
            let (param, expected) = match route.page {
                Page::Home => (None, "<title>Chiropractor in"),
                Page::Blog => (None, "<title>Blog ·"),
                Page::Visit => (None, "<title>Opening hours and directions ·"),
                Page::Topic => (Some(tag.as_str()), "<title>Articles about"),
                Page::Post => (Some(slug), "<article"),
                Page::Symptoms => (None, "<title>Back pain symptom checklist ·"),
                Page::Contact => (None, "<title>Contact the clinic ·"),
                Page::MessageSent => (None, "<title>Message sent ·"),
            };
            let path = route.path_with(param);
            let page = block_on(render(&path, template, app)).unwrap();
            assert!(
                !page.contains("Page not found"),
                "{path} rendered the Not Found page"
            );
            assert!(page.contains(expected), "{path}: no {expected:?}");
        }
        // And an address the table does not have is the Not Found page, so the check above can fail.
        let page = block_on(render("/blog/topic/a/b", template, app)).unwrap();
        assert!(page.contains("Page not found"));
        // Every page without a parameter has its Spanish twin, in Spanish.
        for route in ROUTES.iter().filter(|route| route.param.is_none()) {
            let path = route.path_in(Lang::Es, None);
            let page = block_on(render(&path, template, app)).unwrap();
            assert!(
                !page.contains("Página no encontrada") && !page.contains("Page not found"),
                "{path} rendered the Not Found page"
            );
            assert!(
                page.contains("og:locale\" content=\"es_US"),
                "{path} is not in Spanish"
            );
        }
        let page = block_on(render("/es/nada", template, app)).unwrap();
        assert!(page.contains("Página no encontrada"));
    }

    #[test]
    fn a_page_says_its_language_on_its_html_element() {
        let template = r#"<!doctype html><html lang="en"><head></head><body></body></html>"#;
        assert_eq!(
            with_lang(template, Lang::Es).unwrap(),
            r#"<!doctype html><html lang="es"><head></head><body></body></html>"#
        );
        assert_eq!(with_lang(template, Lang::En).unwrap(), template);
        assert_eq!(
            with_lang(
                "<!doctype html><html lang=en><meta charset=utf-8>",
                Lang::Es
            )
            .unwrap(),
            "<!doctype html><html lang=es><meta charset=utf-8>"
        );
        assert!(with_lang("<html><body></body></html>", Lang::Es).is_err());
    }
}
