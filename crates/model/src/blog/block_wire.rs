//! How a block is read from JSON: every field any block may have, flat, then the ones the
//! block's type has. Serde's internally tagged enums would buffer every block in a generic tree
//! first and cost about 20 KB of wasm; the JSON is the same.

use serde::{Deserialize, Deserializer};

use super::blocks::{Block, Citation, Image, Inline};

/// Every field any block may have, flat, as the post file spells it; `Block::try_from`
/// then takes what the block's type needs. Fields the type does not have are ignored, as
/// everywhere in a post (see `super::post`).
#[derive(Deserialize)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    level: Option<u8>,
    text: Option<String>,
    content: Option<Vec<Inline>>,
    ordered: Option<bool>,
    items: Option<Vec<Vec<Inline>>>,
    src: Option<String>,
    alt: Option<String>,
    decorative: Option<bool>,
    caption: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    srcset: Option<String>,
    attribution: Option<String>,
    label: Option<String>,
    href: Option<String>,
    authors: Option<String>,
    title: Option<String>,
    journal: Option<String>,
    year: Option<u16>,
    doi: Option<String>,
    url: Option<String>,
    summary: Option<String>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Block, String> {
        let kind = raw.kind.as_str();
        fn need<T>(value: Option<T>, field: &str, kind: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}` in a `{kind}` block"))
        }
        Ok(match kind {
            "heading" => Block::Heading {
                level: need(raw.level, "level", kind)?,
                text: need(raw.text, "text", kind)?,
            },
            "paragraph" => Block::Paragraph {
                content: need(raw.content, "content", kind)?,
            },
            "list" => Block::List {
                ordered: raw.ordered.unwrap_or(false),
                items: need(raw.items, "items", kind)?,
            },
            "image" => Block::Image(Image {
                src: need(raw.src, "src", kind)?,
                alt: raw.alt,
                decorative: raw.decorative.unwrap_or(false),
                caption: raw.caption,
                width: need(raw.width, "width", kind)?,
                height: need(raw.height, "height", kind)?,
                srcset: raw.srcset,
            }),
            "quote" => Block::Quote {
                text: need(raw.text, "text", kind)?,
                attribution: raw.attribution,
            },
            "cta" => Block::Cta {
                text: need(raw.text, "text", kind)?,
                label: need(raw.label, "label", kind)?,
                href: need(raw.href, "href", kind)?,
            },
            "citation" => Block::Citation(Citation {
                authors: need(raw.authors, "authors", kind)?,
                title: need(raw.title, "title", kind)?,
                journal: need(raw.journal, "journal", kind)?,
                year: need(raw.year, "year", kind)?,
                doi: raw.doi,
                url: raw.url,
                summary: raw.summary,
            }),
            other => {
                return Err(format!(
                    "unknown block type `{other}`, expected one of `heading`, `paragraph`, \
                     `list`, `image`, `quote`, `cta`, `citation`"
                ))
            }
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawBlock::deserialize(deserializer)?;
        Block::try_from(raw).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::{parse, sample};
    use serde_json::json;

    #[test]
    fn an_unknown_block_type_is_rejected() {
        let mut v = sample();
        v["body"][0] = json!({"type": "html", "text": "<b>hi</b>"});
        assert!(parse(v).unwrap_err().contains("html"));
    }

    #[test]
    fn a_field_a_block_does_not_have_is_ignored() {
        let mut v = sample();
        v["body"][0]["anchor"] = json!("why");
        // Another type's field, as a later version might give quotes a caption.
        v["body"][4]["caption"] = json!("A quote has an attribution, not a caption");
        v["body"][1]["content"][3]["link"]["title"] = json!("Opens the checklist");
        assert_eq!(parse(v), parse(sample()));
    }

    #[test]
    fn a_misspelt_required_field_is_still_named_as_missing() {
        let mut v = sample();
        let heading = v["body"][0].as_object_mut().unwrap();
        let text = heading.remove("text").unwrap();
        heading.insert("txet".into(), text);
        let err = parse(v).unwrap_err();
        assert!(
            err.contains("missing field `text` in a `heading` block"),
            "{err}"
        );
    }

    #[test]
    fn a_block_missing_a_field_names_the_field() {
        let mut v = sample();
        v["body"][5].as_object_mut().unwrap().remove("label");
        let err = parse(v).unwrap_err();
        assert!(err.contains("label") && err.contains("cta"), "{err}");
    }

    #[test]
    fn blocks_read_back_what_they_write() {
        let post = parse(sample()).unwrap();
        let json = serde_json::to_string(&post.body).unwrap();
        let back: Vec<Block> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, post.body);
    }

    #[test]
    fn an_unordered_list_is_written_without_the_ordered_flag() {
        let list = Block::List {
            ordered: false,
            items: vec![vec![Inline::Text("a".into())]],
        };
        let json = serde_json::to_value(&list).unwrap();
        assert!(json.get("ordered").is_none(), "{json}");
        assert_eq!(serde_json::from_value::<Block>(json).unwrap(), list);
    }
}
