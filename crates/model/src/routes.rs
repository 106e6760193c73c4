//! Every page of the site in one table: the app's routes are declared from its segments, the
//! build-time renderer and the sitemap list its pages, the content build checks a post's links
//! against it, and the app preloads the wasm part a page needs from it.

/// The segment of the blog (`/blog`, `/blog/<slug>`, `/blog/topic/<tag>`).
pub const BLOG: &str = "blog";
/// The segment of a topic's page, after [`BLOG`].
pub const TOPIC: &str = "topic";
/// The symptom checklist's segment.
pub const SYMPTOMS: &str = "symptoms";
/// The contact page's segment.
pub const CONTACT: &str = "contact";
/// The Visit page's segment: hours, closures, directions.
pub const VISIT: &str = "visit";
/// Where a browser that posted the form by itself (no script) lands.
pub const MESSAGE_SENT: &str = "message-sent";
/// The Spanish segments, after the language's own (`/es/blog/tema/<tag>`, `/es/sintomas`…).
pub const BLOG_ES: &str = "blog";
/// A topic's page, after [`BLOG_ES`].
pub const TOPIC_ES: &str = "tema";
/// The symptom checklist's Spanish segment.
pub const SYMPTOMS_ES: &str = "sintomas";
/// The contact page's Spanish segment.
pub const CONTACT_ES: &str = "contacto";
/// The Visit page's Spanish segment.
pub const VISIT_ES: &str = "visita";
/// The Spanish thank-you page's segment.
pub const MESSAGE_SENT_ES: &str = "mensaje-enviado";
/// The parameter naming a post.
pub const SLUG: &str = "slug";
/// The parameter naming a topic.
pub const TAG: &str = "tag";

/// A page of the site, by what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// `/`: the clinic's front door.
    Home,
    Blog,
    Post,
    Topic,
    Symptoms,
    Contact,
    Visit,
    MessageSent,
}

/// A part of the app that arrives as a wasm file of its own; a page pre-rendered with it loads
/// the file before hydrating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Home,
    Listing,
    Checklist,
    Contact,
    Visit,
}

impl Part {
    /// Its name as the split wasm spells it (`#[wasm_split(listing, …)]`, `split_listing-….wasm`).
    pub fn name(self) -> &'static str {
        match self {
            Part::Home => "home",
            Part::Listing => "listing",
            Part::Checklist => "checklist",
            Part::Contact => "contact",
            Part::Visit => "visit",
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    /// The fixed segments, in order (none for `/`).
    pub segments: &'static [&'static str],
    /// The Spanish page's, after `es` ([`crate::lang::Lang::prefix`]).
    pub segments_es: &'static [&'static str],
    /// The parameter after them (a post's slug, a topic's tag), if any.
    pub param: Option<&'static str>,
    /// The wasm part the page shows.
    pub part: Option<Part>,
    /// Whether a post may link here.
    pub linkable: bool,
    /// Whether the sitemap lists it (its own canonical address).
    pub in_sitemap: bool,
}

/// Every route, in the order addresses are matched against them (a topic before a post).
pub const ROUTES: [Route; 8] = [
    Route {
        page: Page::Home,
        segments: &[],
        segments_es: &[],
        param: None,
        part: Some(Part::Home),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Blog,
        segments: &[BLOG],
        segments_es: &[BLOG_ES],
        param: None,
        part: Some(Part::Listing),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Topic,
        segments: &[BLOG, TOPIC],
        segments_es: &[BLOG_ES, TOPIC_ES],
        param: Some(TAG),
        part: Some(Part::Listing),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Post,
        segments: &[BLOG],
        segments_es: &[BLOG_ES],
        param: Some(SLUG),
        part: None,
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Symptoms,
        segments: &[SYMPTOMS],
        segments_es: &[SYMPTOMS_ES],
        param: None,
        part: Some(Part::Checklist),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Contact,
        segments: &[CONTACT],
        segments_es: &[CONTACT_ES],
        param: None,
        part: Some(Part::Contact),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::Visit,
        segments: &[VISIT],
        segments_es: &[VISIT_ES],
        param: None,
        part: Some(Part::Visit),
        linkable: true,
        in_sitemap: true,
    },
    Route {
        page: Page::MessageSent,
        segments: &[MESSAGE_SENT],
        segments_es: &[MESSAGE_SENT_ES],
        param: None,
        part: None,
        linkable: false,
        in_sitemap: false,
    },
];

use crate::lang::Lang;

impl Route {
    /// Its fixed segments in `lang`, without the language's own.
    pub fn segments_in(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::En => self.segments,
            Lang::Es => self.segments_es,
        }
    }

    /// The app path of this route in `lang` with `param` filled in ("/es/blog/tema/postura").
    pub fn path_in(&self, lang: Lang, param: Option<&str>) -> String {
        let mut path = String::new();
        let param = param.filter(|_| self.param.is_some());
        let segments = lang
            .prefix()
            .into_iter()
            .chain(self.segments_in(lang).iter().copied());
        for segment in segments.chain(param) {
            path.push('/');
            path.push_str(segment);
        }
        if path.is_empty() {
            path.push('/');
        }
        path
    }

    /// The pre-rendered file of this route in `lang` ("es.html" for `/es`, as `blog.html` is
    /// `/blog`'s beside its folder; "es/contacto.html").
    pub fn file_in(&self, lang: Lang, param: Option<&str>) -> String {
        match self.path_in(lang, param).trim_matches('/') {
            "" => "index.html".to_string(),
            rest => format!("{rest}.html"),
        }
    }

    /// The app path of this route with `param` filled in ("/blog/topic/posture"); `param` is
    /// ignored by a route that has none.
    pub fn path_with(&self, param: Option<&str>) -> String {
        let mut path = String::new();
        let param = param.filter(|_| self.param.is_some());
        for segment in self.segments.iter().copied().chain(param) {
            path.push('/');
            path.push_str(segment);
        }
        if path.is_empty() {
            path.push('/');
        }
        path
    }

    /// The route's address as staff read it in a message, its parameter named
    /// ("/blog/topic/<tag>", "/blog/<post file name>").
    pub fn pattern(&self) -> String {
        let placeholder = self.param.map(|param| match param {
            SLUG => "<post file name>".to_string(),
            other => format!("<{other}>"),
        });
        self.path_with(placeholder.as_deref())
    }

    /// The pre-rendered file of this route ("index.html", "blog.html", "blog/topic/posture.html").
    pub fn file_with(&self, param: Option<&str>) -> String {
        match self.path_with(param).trim_matches('/') {
            "" => "index.html".to_string(),
            rest => format!("{rest}.html"),
        }
    }
}

/// The route of a page.
pub fn route(page: Page) -> &'static Route {
    ROUTES
        .iter()
        .find(|r| r.page == page)
        .expect("every page has a route")
}

/// Every address a post may link to, for a message: "/, /blog, …, /contact or /visit".
pub fn linkable_patterns() -> String {
    let patterns: Vec<String> = ROUTES
        .iter()
        .filter(|r| r.linkable)
        .map(Route::pattern)
        .collect();
    match patterns.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => patterns.concat(),
    }
}

/// The app path of a page without a parameter ("/symptoms").
pub fn path(page: Page) -> String {
    route(page).path_with(None)
}

// The three paths the app builds most are written out from the same segments (the browser
// runs them; a walk of the table costs the wasm more): the test
// `the_paths_the_app_builds_are_the_tables` keeps them equal to the table's.

/// The blog listing's app path ("/blog").
pub fn blog_path() -> String {
    format!("/{BLOG}")
}

// The addresses of the pages without a parameter, as literals: a view links to one with no
// code run (`href(CONTACT_PATH)`; a literal, which the compiler folds into the call, where a
// string joined at compile time from the segments is not, and cost the wasm 1.6 KB), and
// `the_paths_the_app_builds_are_the_tables` keeps each equal to the table's.

/// The home page's app path.
pub const HOME_PATH: &str = "/";
/// The blog listing's app path.
pub const BLOG_PATH: &str = "/blog";
/// The symptom checklist's app path.
pub const SYMPTOMS_PATH: &str = "/symptoms";
/// The contact page's app path.
pub const CONTACT_PATH: &str = "/contact";
/// The Visit page's app path.
pub const VISIT_PATH: &str = "/visit";
/// The thank-you page's app path.
pub const MESSAGE_SENT_PATH: &str = "/message-sent";

/// A post's app path ("/blog/lifting-safely").
pub fn post_path(slug: &str) -> String {
    format!("/{BLOG}/{slug}")
}

/// A topic's app path ("/blog/topic/posture"); `tag` is used as given (encode it for a URL).
pub fn topic_path(tag: &str) -> String {
    format!("/{BLOG}/{TOPIC}/{tag}")
}

/// The language, route and parameter of an app path in any language (without the base, query
/// or fragment).
pub fn recognize_in(path: &str) -> Option<(Lang, &'static Route, Option<&str>)> {
    let (lang, rest) = Lang::of_path(path);
    ROUTES.iter().find_map(|route| {
        let mut segments = segments(rest);
        for fixed in route.segments_in(lang) {
            if segments.next()? != *fixed {
                return None;
            }
        }
        let param = match route.param {
            Some(_) => Some(segments.next()?),
            None => None,
        };
        segments.next().is_none().then_some((lang, route, param))
    })
}

/// The same page in the other language, for the language link: a page without a parameter is
/// there as it is; a post is there if `translated` gives its translation's slug, and otherwise
/// the link goes to that language's blog (`false`: not the same page). So does a topic's: each
/// language's posts have their own topics, in its own words.
pub fn alternate(
    path: &str,
    translated: impl Fn(&str) -> Option<String>,
) -> Option<(String, bool)> {
    let (lang, route, param) = recognize_in(path)?;
    let other = lang.other();
    let blog = || (crate::routes::route(Page::Blog).path_in(other, None), false);
    if route.page == Page::Topic {
        return Some(blog());
    }
    if route.page == Page::Post {
        return Some(match param.and_then(&translated) {
            Some(slug) => (route.path_in(other, Some(&slug)), true),
            None => blog(),
        });
    }
    Some((route.path_in(other, param), true))
}

/// The route an app path (without the base, query or fragment) belongs to, and its parameter.
pub fn recognize(path: &str) -> Option<(&'static Route, Option<&str>)> {
    ROUTES.iter().find_map(|route| {
        let mut segments = segments(path);
        for fixed in route.segments {
            if segments.next()? != *fixed {
                return None;
            }
        }
        let param = match route.param {
            Some(_) => Some(segments.next()?),
            None => None,
        };
        segments.next().is_none().then_some((route, param))
    })
}

/// The non-empty segments of a path. Split by byte, not by `char`: the browser runs this before
/// hydrating, and `str::split` would bring its own copy of the UTF-8 searcher into the wasm.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(path);
    std::iter::from_fn(move || loop {
        let text = rest?;
        let (segment, next) = match text.bytes().position(|b| b == b'/') {
            Some(slash) => (&text[..slash], Some(&text[slash + 1..])),
            None => (text, None),
        };
        rest = next;
        if !segment.is_empty() {
            return Some(segment);
        }
    })
}

/// Whether a post may link to `path` (query and fragment aside): a page of the site, a post
/// `is_post` knows, or the page of a topic `is_topic` knows.
pub fn link_reaches(
    path: &str,
    is_post: impl Fn(&str) -> bool,
    is_topic: impl Fn(&str) -> bool,
) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    match recognize(path) {
        Some((route, _)) if !route.linkable => false,
        Some((route, param)) => match (route.page, param) {
            (Page::Post, Some(slug)) => is_post(slug),
            (Page::Topic, Some(tag)) => is_topic(tag),
            _ => true,
        },
        None => false,
    }
}

/// The wasm part a pre-rendered page needs before it hydrates.
pub fn part_for(path: &str) -> Option<Part> {
    recognize_in(path).and_then(|(_, route, _)| route.part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_has_one_route_and_its_address() {
        let paths: Vec<String> = ROUTES.iter().map(|r| r.path_with(Some("x"))).collect();
        assert_eq!(
            paths,
            [
                "/",
                "/blog",
                "/blog/topic/x",
                "/blog/x",
                "/symptoms",
                "/contact",
                "/visit",
                "/message-sent"
            ]
        );
        assert_eq!(path(Page::Symptoms), "/symptoms");
        assert_eq!(post_path("lifting-safely"), "/blog/lifting-safely");
        assert_eq!(topic_path("posture"), "/blog/topic/posture");
    }

    #[test]
    fn every_route_has_an_address_in_each_language_that_leads_back_to_it() {
        for route in &ROUTES {
            let param = route.param.map(|_| "una-entrada");
            for lang in Lang::ALL {
                let path = route.path_in(lang, param);
                assert_eq!(
                    recognize_in(&path).map(|(l, r, p)| (l, r.page, p)),
                    Some((lang, route.page, param)),
                    "{path}"
                );
            }
            assert_eq!(route.path_in(Lang::En, param), route.path_with(param));
            assert_eq!(route.file_in(Lang::En, param), route.file_with(param));
        }
        assert_eq!(route(Page::Home).path_in(Lang::Es, None), "/es");
        assert_eq!(route(Page::Home).file_in(Lang::Es, None), "es.html");
        assert_eq!(
            route(Page::Topic).path_in(Lang::Es, Some("postura")),
            "/es/blog/tema/postura"
        );
        assert_eq!(
            route(Page::Contact).file_in(Lang::Es, None),
            "es/contacto.html"
        );
        // Each language's addresses are its own: no English segment under /es/.
        assert_eq!(recognize_in("/es/contact"), None);
        assert_eq!(recognize_in("/contacto"), None);
    }

    #[test]
    fn the_language_link_goes_to_the_same_page_and_back_or_to_the_other_blog() {
        let none = |_: &str| None;
        for route in ROUTES.iter().filter(|r| r.param.is_none()) {
            let param = None;
            let english = route.path_in(Lang::En, param);
            let (spanish, same) = alternate(&english, none).unwrap();
            assert!(same);
            assert_eq!(spanish, route.path_in(Lang::Es, param));
            assert_eq!(alternate(&spanish, none), Some((english, true)));
        }
        let translations = |slug: &str| match slug {
            "lifting-safely" => Some("levantar-peso-con-cuidado".to_string()),
            "levantar-peso-con-cuidado" => Some("lifting-safely".to_string()),
            _ => None,
        };
        assert_eq!(
            alternate("/blog/lifting-safely", translations),
            Some(("/es/blog/levantar-peso-con-cuidado".to_string(), true))
        );
        assert_eq!(
            alternate("/es/blog/levantar-peso-con-cuidado", translations),
            Some(("/blog/lifting-safely".to_string(), true))
        );
        assert_eq!(
            alternate("/blog/desk-posture", translations),
            Some(("/es/blog".to_string(), false)),
            "an article with no translation: the other blog, and the link says so"
        );
        assert_eq!(
            alternate("/blog/topic/posture", translations),
            Some(("/es/blog".to_string(), false)),
            "a topic: the other blog, whose topics are in its own words"
        );
        assert_eq!(alternate("/nowhere", translations), None);
    }

    #[test]
    fn staff_read_each_linkable_address_with_its_parameter_named() {
        assert_eq!(route(Page::Topic).pattern(), "/blog/topic/<tag>");
        assert_eq!(route(Page::Post).pattern(), "/blog/<post file name>");
        assert_eq!(
            linkable_patterns(),
            "/, /blog, /blog/topic/<tag>, /blog/<post file name>, /symptoms, /contact or /visit"
        );
    }

    #[test]
    fn the_paths_the_app_builds_are_the_tables() {
        assert_eq!(blog_path(), path(Page::Blog));
        for (constant, page) in [
            (HOME_PATH, Page::Home),
            (BLOG_PATH, Page::Blog),
            (SYMPTOMS_PATH, Page::Symptoms),
            (CONTACT_PATH, Page::Contact),
            (VISIT_PATH, Page::Visit),
            (MESSAGE_SENT_PATH, Page::MessageSent),
        ] {
            assert_eq!(constant, path(page));
        }
        assert_eq!(post_path("a-b"), route(Page::Post).path_with(Some("a-b")));
        assert_eq!(topic_path("a-b"), route(Page::Topic).path_with(Some("a-b")));
    }

    #[test]
    fn an_address_is_recognized_with_its_parameter() {
        let page = |p| recognize(p).map(|(route, param)| (route.page, param));
        assert_eq!(part_for("/es/sintomas"), Some(Part::Checklist));
        assert_eq!(part_for("/es"), part_for("/"));
        assert_eq!(page("/"), Some((Page::Home, None)));
        assert_eq!(page("/blog"), Some((Page::Blog, None)));
        assert_eq!(
            page("/blog/topic/posture"),
            Some((Page::Topic, Some("posture")))
        );
        // A post may be called "topic": only a tag after it makes a topic page.
        assert_eq!(page("/blog/topic"), Some((Page::Post, Some("topic"))));
        assert_eq!(
            page("/blog/lifting-safely"),
            Some((Page::Post, Some("lifting-safely")))
        );
        assert_eq!(page("/contact"), Some((Page::Contact, None)));
        assert_eq!(page("/visit"), Some((Page::Visit, None)));
        assert_eq!(page("/nowhere"), None);
        assert_eq!(page("/blog/a/b"), None);
        assert_eq!(page("/symptoms/x"), None);
    }

    #[test]
    fn a_post_may_link_to_a_page_a_known_post_or_a_known_topic() {
        let reaches = |path| link_reaches(path, |slug| slug == "lifting", |tag| tag == "posture");
        for path in [
            "/",
            "/blog",
            "/symptoms?x=1",
            "/contact#form",
            "/visit",
            "/blog/lifting",
            "/blog/topic/posture",
        ] {
            assert!(reaches(path), "{path}");
        }
        for path in [
            "/message-sent",
            "/blog/other",
            "/blog/topic/other",
            "/nowhere",
            "/blog/topic",
        ] {
            assert!(!reaches(path), "{path}");
        }
    }

    #[test]
    fn the_pages_with_a_part_of_their_own_preload_it() {
        assert_eq!(part_for("/"), Some(Part::Home));
        assert_eq!(part_for("/blog"), Some(Part::Listing));
        assert_eq!(part_for("/visit"), Some(Part::Visit));
        assert_eq!(part_for("/blog/topic/posture"), Some(Part::Listing));
        assert_eq!(part_for("/symptoms"), Some(Part::Checklist));
        assert_eq!(part_for("/contact"), Some(Part::Contact));
        assert_eq!(part_for("/blog/lifting-safely"), None);
        assert_eq!(part_for("/nowhere"), None);
    }

    #[test]
    fn each_page_has_its_own_file_and_the_home_page_is_index_html() {
        assert_eq!(path(Page::Home), "/");
        assert_eq!(route(Page::Home).file_with(None), "index.html");
        assert_eq!(route(Page::Blog).file_with(None), "blog.html");
        assert_eq!(
            route(Page::MessageSent).file_with(None),
            "message-sent.html"
        );
        assert_eq!(
            route(Page::Topic).file_with(Some("posture")),
            "blog/topic/posture.html"
        );
    }
}
