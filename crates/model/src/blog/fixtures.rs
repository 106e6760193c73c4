//! Posts for tests to bend: a small valid post and a minimal index entry.

use serde_json::{json, Value};

use super::blocks::Image;
use super::post::{Post, PostSummary};

impl PostSummary {
    /// A minimal summary for tests: title = slug, published 2024-01-01, a placeholder hero.
    pub fn fixture(slug: &str, tags: &[&str]) -> Self {
        PostSummary {
            slug: slug.into(),
            lang: crate::lang::Lang::En,
            translation: None,
            title: slug.into(),
            description: String::new(),
            author: "A".into(),
            published: "2024-01-01".into(),
            updated: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            hero: Image {
                src: "images/x.svg".into(),
                alt: Some("x".into()),
                decorative: false,
                caption: None,
                width: 1,
                height: 1,
                srcset: None,
            },
            reading_minutes: 1,
        }
    }
}

/// A small valid post as JSON, for tests to bend.
pub fn sample() -> Value {
    json!({
        "slug": "lifting-safely",
        "title": "Lifting safely",
        "description": "Bend your knees.",
        "author": "Dr. Maya Okafor, DC",
        "published": "2024-05-07",
        "reviewed": {"by": "Dr. Lee Hart, DC", "on": "2024-05-08"},
        "tags": ["lifting", "prevention"],
        "hero": {"src": "images/lifting.svg", "alt": "A person lifting a box with bent knees", "width": 640, "height": 360},
        "body": [
            {"type": "heading", "level": 2, "text": "Why it matters"},
            {"type": "paragraph", "content": [{"text": "Keep the load "}, {"strong": "close"}, {"text": ". See "}, {"link": {"text": "the checklist", "href": "/symptoms"}}]},
            {"type": "list", "ordered": true, "items": [[{"text": "Plan the lift"}], [{"emphasis": "Bend"}, {"text": " your knees"}]]},
            {"type": "image", "src": "images/box.svg", "decorative": true, "width": 10, "height": 10},
            {"type": "quote", "text": "Slow is smooth.", "attribution": "Our front desk"},
            {"type": "cta", "text": "Still sore?", "label": "Contact us", "href": "/contact"},
            {"type": "citation", "authors": "Goertz CM, et al.", "title": "A trial", "journal": "JAMA Network Open", "year": 2018, "doi": "10.1001/jamanetworkopen.2018.0105"}
        ]
    })
}

pub fn parse(v: Value) -> Result<Post, String> {
    Post::parse(&v.to_string())
}
