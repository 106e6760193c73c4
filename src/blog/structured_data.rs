//! The JSON-LD `BlogPosting` for a post's `<head>`, built with serde_json (never by pasting
//! strings together), so nothing in a title can break out of the JSON or the script element.

use serde_json::json;

use super::model::Post;

/// The JSON-LD text for `post`. `url` and `image_url` are absolute; `publisher` is the clinic.
pub fn blog_posting(post: &Post, url: &str, image_url: &str, publisher: &str) -> String {
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": post.description,
        "datePublished": post.published,
        "dateModified": post.modified(),
        "author": { "@type": "Person", "name": post.author },
        "publisher": { "@type": "Organization", "name": publisher },
        "mainEntityOfPage": url,
        "url": url,
        "image": image_url,
        "keywords": post.tags.join(", "),
        "wordCount": post.word_count(),
    });
    if let Some(review) = &post.reviewed {
        data["reviewedBy"] = json!({ "@type": "Person", "name": review.by });
        data["lastReviewed"] = json!(review.on);
    }
    // "</" inside a script element would end it in pre-rendered HTML; "<\/" is the same JSON.
    data.to_string().replace("</", "<\\/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::model::tests::sample;

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
