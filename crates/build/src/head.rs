//! What every page's head says about the site as a whole: its icons, the web app manifest,
//! the theme colour and the feed (written here from the one list of icons and the design
//! tokens, where `index.html` would repeat them), and which build it is.

use clinic_model::lang::Lang;
use clinic_model::site_files::{feed_file, IconUse, ICONS, ICON_SOURCE, WEB_MANIFEST};
use clinic_model::text::blog::BlogText;

use crate::build::Build;
use crate::files;
use crate::naming::attribute_value;
use crate::web_manifest::Colours;

/// Links the site's icons, manifest, theme colour and feed from every page, just before its
/// stylesheet.
pub fn link_site_files(build: &Build) -> Result<(), String> {
    let theme = Colours::read(build)?.theme;
    files::edit_html(&build.dir, |html| {
        insert_before_stylesheet(html, &site_links(&theme, page_lang(html)))
    })
}

/// The language a rendered page says it is in (`<html lang=…>`), English unless it says another.
pub fn page_lang(html: &str) -> Lang {
    let head = html.split("<meta").next().unwrap_or(html);
    Lang::ALL
        .into_iter()
        .find(|lang| {
            head.contains(&format!("<html lang={}", lang.code()))
                || head.contains(&format!("<html lang=\"{}\"", lang.code()))
        })
        .unwrap_or_default()
}

/// The head's links to the site's own files, relative to the page's `<base>`, as Trunk's
/// minifier writes tags.
pub fn site_links(theme_colour: &str, lang: Lang) -> String {
    let mut links = format!("<link href={ICON_SOURCE} rel=icon type=image/svg+xml>");
    for icon in &ICONS {
        match icon.used_as {
            IconUse::Favicon => links.push_str(&format!(
                "<link href={} rel=icon sizes={size}x{size} type=image/png>",
                icon.path(),
                size = icon.size
            )),
            IconUse::AppleTouch => {
                links.push_str(&format!("<link href={} rel=apple-touch-icon>", icon.path()))
            }
            // In the manifest only.
            IconUse::Any | IconUse::Maskable => {}
        }
    }
    // The feed of the page's language, titled in it.
    links.push_str(&format!(
        "<link href={WEB_MANIFEST} rel=manifest><meta content={theme_colour} name=theme-color>\
         <link href={} rel=alternate title={} type=application/atom+xml>",
        feed_file(lang),
        BlogText::of(lang).feed_link_title
    ));
    links
}

/// `html` with `links` just before its first stylesheet's `<link>`.
pub fn insert_before_stylesheet(html: &str, links: &str) -> Result<String, String> {
    let mut search = 0;
    while let Some(found) = html[search..].find("<link") {
        let start = search + found;
        let end = start + html[start..].find('>').ok_or("a <link> is not closed")?;
        if attribute_value(&html[start..end], &["rel"]) == Some("stylesheet") {
            return Ok(format!("{}{links}{}", &html[..start], &html[start..]));
        }
        search = end;
    }
    Err("the page links no stylesheet, before which the site's icons and feed go".into())
}

/// `html` saying which build it is, for the service worker and `src/web/register.js`.
pub fn with_build_version(html: &str, version: &str) -> String {
    html.replacen(
        "</head>",
        &format!("<meta name=\"build-version\" content=\"{version}\"></head>"),
        1,
    )
}

/// `html` without the `<script>` or `<link>` naming `file` (a retired worker's registration).
pub fn without_tags_naming(html: &str, file: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        let is_script = tag.starts_with("<script");
        if (is_script || tag.starts_with("<link")) && tag.contains(file) {
            rest = &rest[end..];
            if is_script {
                rest = rest.strip_prefix("</script>").unwrap_or(rest);
            }
        } else {
            out.push_str(tag);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_links_go_before_the_stylesheet() {
        let links = site_links("#0b5e63", Lang::En);
        assert_eq!(
            links,
            "<link href=icon.svg rel=icon type=image/svg+xml>\
             <link href=icons/favicon-32.png rel=icon sizes=32x32 type=image/png>\
             <link href=icons/apple-touch-icon.png rel=apple-touch-icon>\
             <link href=manifest.webmanifest rel=manifest><meta content=#0b5e63 name=theme-color>\
             <link href=feed.xml rel=alternate title=Articles type=application/atom+xml>"
        );
        let page = "<meta charset=utf-8><link href=/x.js rel=modulepreload><link href=/main-1.css rel=stylesheet></head>";
        assert_eq!(
            insert_before_stylesheet(page, "<L>").unwrap(),
            "<meta charset=utf-8><link href=/x.js rel=modulepreload><L><link href=/main-1.css rel=stylesheet></head>"
        );
        assert_eq!(
            insert_before_stylesheet(r#"<link rel="stylesheet" href="/m.css"/>"#, "<L>").unwrap(),
            r#"<L><link rel="stylesheet" href="/m.css"/>"#
        );
        assert!(insert_before_stylesheet("<head></head>", "<L>").is_err());
        assert!(site_links("#0b5e63", Lang::Es).ends_with(
            "<link href=es/feed.xml rel=alternate title=Artículos type=application/atom+xml>"
        ));
        assert_eq!(
            page_lang("<!doctype html><html lang=es><meta charset=utf-8>"),
            Lang::Es
        );
        assert_eq!(page_lang("<!doctype html><html lang=en>"), Lang::En);
    }

    #[test]
    fn a_retired_registration_leaves_no_tag() {
        let page = "<script integrity=a src=/register-1.js type=module></script><link href=/register-1.js rel=modulepreload><script type=module>go()</script>";
        assert_eq!(
            without_tags_naming(page, "register-1.js"),
            "<script type=module>go()</script>"
        );
        assert_eq!(
            with_build_version("<head></head><p></head>", "v1"),
            "<head><meta name=\"build-version\" content=\"v1\"></head><p></head>"
        );
    }
}
