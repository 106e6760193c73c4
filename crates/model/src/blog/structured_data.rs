//! The JSON-LD `BlogPosting` for a post's `<head>`, built with serde_json (never by pasting
//! strings together), so nothing in a title can break out of the JSON or the script element.

use serde::Serialize;

use super::post::Post;

/// schema.org `BlogPosting`, as typed fields: serde writes (and escapes) the JSON, and a
/// struct costs far less wasm than building a `serde_json::Value` with `json!`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BlogPosting<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    description: &'a str,
    date_published: &'a str,
    date_modified: &'a str,
    author: Named<'a>,
    publisher: Publisher<'a>,
    main_entity_of_page: &'a str,
    url: &'a str,
    image: &'a str,
    keywords: String,
    word_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed_by: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_reviewed: Option<&'a str>,
}

/// The clinic as an article's publisher, with the logo search engines show beside it.
#[derive(Serialize)]
struct Publisher<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    logo: Logo<'a>,
}

#[derive(Serialize)]
struct Logo<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
}

/// A `Person` or `Organization` known by its name.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The JSON-LD text for `post`. `url`, `image_url` and `logo_url` are absolute; `publisher` is
/// the clinic.
pub fn blog_posting(
    post: &Post,
    url: &str,
    image_url: &str,
    publisher: &str,
    logo_url: &str,
) -> String {
    let person = |name| Named {
        kind: "Person",
        name,
    };
    let data = BlogPosting {
        context: "https://schema.org",
        kind: "BlogPosting",
        headline: &post.title,
        description: &post.description,
        date_published: &post.published,
        date_modified: post.modified(),
        author: person(&post.author),
        publisher: Publisher {
            kind: "Organization",
            name: publisher,
            logo: Logo {
                kind: "ImageObject",
                url: logo_url,
            },
        },
        main_entity_of_page: url,
        url,
        image: image_url,
        keywords: post.tags.join(", "),
        word_count: post.word_count(),
        reviewed_by: post.reviewed.as_ref().map(|r| person(&r.by)),
        last_reviewed: post.reviewed.as_ref().map(|r| r.on.as_str()),
    };
    // Strings and numbers always serialise; "{}" would only ever hide a bug in this struct.
    let text = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
    // Inside a script element "</script" would end it and "<!--" changes how the rest is read;
    // JSON allows `<` only inside strings, where "\u003c" is the same text.
    text.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::sample;

    #[test]
    fn the_blog_posting_names_the_post_author_dates_and_reviewer() {
        let post: Post = serde_json::from_value(sample()).unwrap();
        let text = blog_posting(
            &post,
            "https://c.example/blog/x",
            "https://c.example/images/x.svg",
            "Clinic",
            "https://c.example/icons/icon-512.png",
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@type"], "BlogPosting");
        assert_eq!(v["headline"], "Lifting safely");
        assert_eq!(v["datePublished"], "2024-05-07");
        assert_eq!(v["dateModified"], "2024-05-07");
        assert_eq!(v["author"]["name"], "Dr. Maya Okafor, DC");
        assert_eq!(v["reviewedBy"]["name"], "Dr. Lee Hart, DC");
        assert_eq!(v["lastReviewed"], "2024-05-08");
        assert_eq!(v["publisher"]["@type"], "Organization");
        assert_eq!(
            v["publisher"]["logo"]["url"],
            "https://c.example/icons/icon-512.png"
        );
        assert_eq!(v["mainEntityOfPage"], "https://c.example/blog/x");
        assert_eq!(v["wordCount"], 21);
    }

    #[test]
    fn a_post_without_review_has_no_reviewer() {
        let mut post: Post = serde_json::from_value(sample()).unwrap();
        post.reviewed = None;
        let text = blog_posting(&post, "u", "i", "p", "l");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v.get("reviewedBy").is_none() && v.get("lastReviewed").is_none());
    }

    #[test]
    fn a_title_with_quotes_and_script_tags_stays_inside_the_json() {
        let mut post: Post = serde_json::from_value(sample()).unwrap();
        post.title = "\"}</script><script>alert(1)</script>".into();
        let text = blog_posting(&post, "u", "i", "p", "l");
        assert!(!text.contains("</script>"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["headline"], post.title);
    }
}

/// The clinic's own JSON-LD, written by the build only (the browser never writes it).
#[cfg(not(target_arch = "wasm32"))]
mod clinic {
    use serde::Serialize;

    /// schema.org `Chiropractor` (a `MedicalBusiness`, so a `LocalBusiness`): what search engines
    /// and maps show of the clinic, hours included.
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Chiropractor<'a> {
        #[serde(rename = "@context")]
        context: &'static str,
        #[serde(rename = "@type")]
        kind: &'static str,
        name: &'a str,
        description: &'a str,
        url: &'a str,
        image: &'a str,
        logo: &'a str,
        telephone: &'a str,
        email: &'a str,
        address: PostalAddress<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        geo: Option<GeoCoordinates>,
        opening_hours_specification: Vec<OpeningHours>,
        special_opening_hours_specification: Vec<OpeningHours>,
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct PostalAddress<'a> {
        #[serde(rename = "@type")]
        kind: &'static str,
        street_address: &'a str,
        address_locality: &'a str,
        address_region: &'a str,
        postal_code: &'a str,
    }

    #[derive(Serialize)]
    struct GeoCoordinates {
        #[serde(rename = "@type")]
        kind: &'static str,
        latitude: f64,
        longitude: f64,
    }

    /// One range of a weekday, or of a special day (`valid_from` equal to `valid_through`; a day
    /// closed throughout opens and closes at 00:00, as schema.org and Google write it).
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct OpeningHours {
        #[serde(rename = "@type")]
        kind: &'static str,
        #[serde(skip_serializing_if = "Option::is_none")]
        day_of_week: Option<String>,
        opens: String,
        closes: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        valid_from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        valid_through: Option<String>,
    }

    fn opening_hours(
        spans: &[crate::hours::Span],
        day_of_week: Option<crate::calendar::Weekday>,
        date: Option<crate::calendar::Date>,
    ) -> Vec<OpeningHours> {
        let closed = [crate::hours::Span {
            opens: crate::calendar::Time::MIDNIGHT,
            closes: crate::calendar::Time::MIDNIGHT,
        }];
        let spans = if spans.is_empty() { &closed[..] } else { spans };
        spans
            .iter()
            .map(|span| OpeningHours {
                kind: "OpeningHoursSpecification",
                day_of_week: day_of_week.map(|d| format!("https://schema.org/{}", d.name())),
                opens: span.opens.iso(),
                // schema.org writes the end of the day as 23:59.
                closes: if span.closes == crate::calendar::Time::END_OF_DAY {
                    "23:59".into()
                } else {
                    span.closes.iso()
                },
                valid_from: date.map(|d| d.to_string()),
                valid_through: date.map(|d| d.to_string()),
            })
            .collect()
    }

    /// The JSON-LD text describing the clinic, for its front pages: `url` (the home page) and
    /// `logo` absolute, special days from `today` on.
    pub fn chiropractor(
        config: &crate::config::SiteConfig,
        visit: &crate::config::Visit,
        url: &str,
        logo: &str,
        today: crate::calendar::Date,
    ) -> String {
        let a = &config.address;
        let schedule = visit.schedule();
        let clinic = Chiropractor {
            context: "https://schema.org",
            kind: "Chiropractor",
            name: &config.clinic_name,
            // English until the caller passes the page's language (the tagline has both).
            description: config.tagline.get(crate::lang::Lang::En),
            url,
            image: logo,
            logo,
            telephone: &config.phone.tel,
            email: &config.email,
            address: PostalAddress {
                kind: "PostalAddress",
                street_address: &a.street,
                address_locality: &a.locality,
                address_region: &a.region,
                postal_code: &a.postal_code,
            },
            geo: visit.geo.as_ref().map(|g| GeoCoordinates {
                kind: "GeoCoordinates",
                latitude: g.latitude,
                longitude: g.longitude,
            }),
            opening_hours_specification: crate::hours::week_rows(&schedule)
                .filter(|(_, spans)| !spans.is_empty())
                .flat_map(|(day, spans)| opening_hours(spans, Some(day), None))
                .collect(),
            special_opening_hours_specification: schedule
                .specials
                .iter()
                .filter(|s| s.date >= today)
                .flat_map(|s| opening_hours(&s.spans, None, Some(s.date)))
                .collect(),
        };
        serde_json::to_string(&clinic)
            .unwrap_or_default()
            .replace('<', "\\u003c")
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::calendar::Date;
        use crate::config::SiteConfig;

        #[test]
        fn the_clinic_is_a_chiropractor_with_its_week_and_upcoming_special_days() {
            let config = SiteConfig::parse(include_str!("../../../../public/site.json")).unwrap();
            let text = chiropractor(
                &config,
                &config.visit(),
                "https://c.example/",
                "https://c.example/icons/icon-512.png",
                Date::parse("2026-12-01").unwrap(),
            );
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["@type"], "Chiropractor");
            assert_eq!(v["telephone"], config.phone.tel);
            assert_eq!(v["address"]["postalCode"], config.address.postal_code);
            assert_eq!(v["geo"]["@type"], "GeoCoordinates");
            let week = v["openingHoursSpecification"].as_array().unwrap();
            assert_eq!(week[0]["dayOfWeek"], "https://schema.org/Monday");
            assert_eq!(
                (week[0]["opens"].as_str(), week[0]["closes"].as_str()),
                (Some("08:00"), Some("12:00"))
            );
            assert!(week
                .iter()
                .all(|h| h["dayOfWeek"] != "https://schema.org/Sunday"));
            let special = v["specialOpeningHoursSpecification"].as_array().unwrap();
            // Thanksgiving (2026-11-26) is past; Christmas Eve has short hours, Christmas is closed.
            assert_eq!(special[0]["validFrom"], "2026-12-24");
            assert_eq!(special[0]["closes"], "12:00");
            assert_eq!(special[1]["validFrom"], "2026-12-25");
            assert_eq!(special[1]["validThrough"], "2026-12-25");
            assert_eq!(
                (special[1]["opens"].as_str(), special[1]["closes"].as_str()),
                (Some("00:00"), Some("00:00"))
            );
        }
    }
}
#[cfg(not(target_arch = "wasm32"))]
pub use clinic::chiropractor;
