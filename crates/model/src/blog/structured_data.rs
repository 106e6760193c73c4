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
    publisher: Named<'a>,
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

/// A `Person` or `Organization` known by its name.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

/// The JSON-LD text for `post`. `url` and `image_url` are absolute; `publisher` is the clinic.
pub fn blog_posting(post: &Post, url: &str, image_url: &str, publisher: &str) -> String {
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
        publisher: Named {
            kind: "Organization",
            name: publisher,
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
        assert_eq!(v["mainEntityOfPage"], "https://c.example/blog/x");
        assert_eq!(v["wordCount"], 21);
    }

    #[test]
    fn a_post_without_review_has_no_reviewer() {
        let mut post: Post = serde_json::from_value(sample()).unwrap();
        post.reviewed = None;
        let text = blog_posting(&post, "u", "i", "p");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v.get("reviewedBy").is_none() && v.get("lastReviewed").is_none());
    }

    #[test]
    fn a_title_with_quotes_and_script_tags_stays_inside_the_json() {
        let mut post: Post = serde_json::from_value(sample()).unwrap();
        post.title = "\"}</script><script>alert(1)</script>".into();
        let text = blog_posting(&post, "u", "i", "p");
        assert!(!text.contains("</script>"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["headline"], post.title);
    }
}

/// schema.org `MedicalClinic` (a `LocalBusiness`): the clinic's name, address and phone.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MedicalClinic<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    description: &'a str,
    url: &'a str,
    telephone: &'a str,
    email: &'a str,
    address: PostalAddress<'a>,
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

/// The JSON-LD text describing the clinic, for the home and contact pages; `url` is absolute.
pub fn medical_clinic(config: &crate::config::SiteConfig, url: &str) -> String {
    let a = &config.address;
    let clinic = MedicalClinic {
        context: "https://schema.org",
        kind: "MedicalClinic",
        name: &config.clinic_name,
        description: &config.tagline,
        url,
        telephone: &config.phone.tel,
        email: &config.email,
        address: PostalAddress {
            kind: "PostalAddress",
            street_address: &a.street,
            address_locality: &a.locality,
            address_region: &a.region,
            postal_code: &a.postal_code,
        },
    };
    serde_json::to_string(&clinic)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}
