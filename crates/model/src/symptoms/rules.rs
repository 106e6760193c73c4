//! The checklist's rules as reviewed data: the serde model of `rules.json` and the checks that
//! keep a careless edit from reaching patients.

use std::collections::BTreeSet;

use serde::Deserialize;
use thiserror::Error;

use crate::lang::{Lang, Translated};
use crate::routes::{recognize_in, Page};

/// The rules file, compiled in so the checklist works offline and never fetches anything.
const SHIPPED: &str = include_str!("rules.json");

/// How soon someone should act. Declared mildest first, so `Ord` ranks severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Look after it at home for now.
    SelfCare,
    /// Book with a professional within days.
    Soon,
    /// See a doctor today.
    Urgent,
    /// Call the emergency number now or go to the emergency department.
    Emergency,
}

impl Tier {
    /// Every tier, mildest first.
    pub const ALL: [Tier; 4] = [Tier::SelfCare, Tier::Soon, Tier::Urgent, Tier::Emergency];

    /// A short machine-friendly name, used for CSS modifiers and test hooks.
    pub fn slug(self) -> &'static str {
        match self {
            Tier::SelfCare => "self-care",
            Tier::Soon => "soon",
            Tier::Urgent => "urgent",
            Tier::Emergency => "emergency",
        }
    }
}

/// The fieldset an item is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupId {
    Emergency,
    Nerve,
    MuscleJoint,
    Context,
}

impl GroupId {
    /// A short name for element ids and CSS modifiers.
    pub fn slug(self) -> &'static str {
        match self {
            GroupId::Emergency => "emergency",
            GroupId::Nerve => "nerve",
            GroupId::MuscleJoint => "muscle-joint",
            GroupId::Context => "context",
        }
    }
}

/// A fieldset of the checklist.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: GroupId,
    /// The fieldset's legend.
    pub legend: Translated,
    /// One sentence under the legend.
    pub hint: Translated,
}

/// Where an item's advice comes from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// One thing a patient can tick.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, lowercase letters, digits and underscores (used in element ids).
    pub id: String,
    pub group: GroupId,
    pub tier: Tier,
    /// What the patient reads, in plain words.
    pub wording: Translated,
    pub source: Source,
}

/// A link to a blog post offered with an outcome.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostLink {
    /// What the post is about, in each language (a Spanish reader of an English post reads
    /// what it is about in Spanish, and that it is in English).
    pub title: Translated,
    /// The English post's app path, such as "/blog/back-spasm-symptoms" (prefix it with
    /// `paths::href`).
    pub path: String,
    /// Its Spanish translation's app path ("/es/blog/…"), once it has one.
    #[serde(default)]
    pub path_es: Option<String>,
}

impl PostLink {
    /// The post to offer a reader of `lang`, and the language it is written in: its
    /// translation if it has one, else the English post.
    pub fn for_reader(&self, lang: Lang) -> (&str, Lang) {
        match (lang, &self.path_es) {
            (Lang::Es, Some(path)) => (path, Lang::Es),
            _ => (&self.path, Lang::En),
        }
    }
}

/// What to do next for one tier.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub heading: Translated,
    pub summary: Translated,
    pub steps: Vec<Translated>,
    pub posts: Vec<PostLink>,
}

/// The advice for every tier.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcomes {
    pub emergency: Outcome,
    pub urgent: Outcome,
    pub soon: Outcome,
    pub self_care: Outcome,
}

impl Outcomes {
    /// The advice for `tier`.
    pub fn for_tier(&self, tier: Tier) -> &Outcome {
        match tier {
            Tier::Emergency => &self.emergency,
            Tier::Urgent => &self.urgent,
            Tier::Soon => &self.soon,
            Tier::SelfCare => &self.self_care,
        }
    }
}

/// The whole checklist.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// A note for reviewers; not shown.
    #[serde(rename = "_comment", default)]
    pub comment: String,
    /// Fieldsets in display order; emergency signs first.
    pub groups: Vec<Group>,
    pub items: Vec<Item>,
    pub outcomes: Outcomes,
}

/// Why a rules file cannot be used.
#[derive(Clone, Debug, PartialEq, Error)]
pub enum RulesError {
    #[error("the rules are not valid JSON or lack a field: {0}")]
    Malformed(String),
    #[error("the rules are invalid: {0}")]
    Invalid(String),
}

impl Rules {
    /// The rules shipped with the site.
    pub fn shipped() -> Result<Self, RulesError> {
        Self::parse(SHIPPED)
    }

    /// Parses and checks a rules file.
    pub fn parse(json: &str) -> Result<Self, RulesError> {
        let rules: Rules =
            serde_json::from_str(json).map_err(|e| RulesError::Malformed(e.to_string()))?;
        rules.check().map_err(RulesError::Invalid)?;
        Ok(rules)
    }

    /// The items of one group, in file order.
    pub fn items_in(&self, group: GroupId) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.group == group)
    }

    /// The item with `id`, if any.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Every distinct source the items cite, sorted by title.
    pub fn sources(&self) -> Vec<&Source> {
        let set: BTreeSet<&Source> = self.items.iter().map(|i| &i.source).collect();
        set.into_iter().collect()
    }

    fn check(&self) -> Result<(), String> {
        match self.groups.first() {
            Some(g) if g.id == GroupId::Emergency => {}
            _ => return Err("the emergency signs group must come first".into()),
        }
        let mut group_ids = BTreeSet::new();
        for g in &self.groups {
            if !group_ids.insert(g.id) {
                return Err(format!("group {:?} is listed twice", g.id));
            }
            if g.legend.has_empty() || g.hint.has_empty() {
                return Err(format!("group {:?} has no legend", g.id));
            }
            if self.items_in(g.id).next().is_none() {
                return Err(format!("group {:?} has no items", g.id));
            }
        }
        let mut ids = BTreeSet::new();
        for item in &self.items {
            let id = &item.id;
            let id_ok = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !id_ok {
                return Err(format!(
                    "item id {id:?} must be lowercase letters, digits and _"
                ));
            }
            if !ids.insert(id.as_str()) {
                return Err(format!("item id {id:?} is used twice"));
            }
            if item.wording.has_empty() {
                return Err(format!("item {id:?} has no wording"));
            }
            if !group_ids.contains(&item.group) {
                return Err(format!("item {id:?} is in a group that is not listed"));
            }
            // The first fieldset must hold exactly the emergency signs, so none hides further down.
            if (item.group == GroupId::Emergency) != (item.tier == Tier::Emergency) {
                return Err(format!(
                    "item {id:?}: emergency-tier items belong in the emergency group, and only they"
                ));
            }
            if item.source.title.trim().is_empty() {
                return Err(format!("item {id:?} cites a source without a title"));
            }
            if !is_https_url(&item.source.url) {
                return Err(format!("item {id:?} must cite an https:// source"));
            }
        }
        for tier in Tier::ALL {
            let outcome = self.outcomes.for_tier(tier);
            let texts = [&outcome.heading, &outcome.summary]
                .into_iter()
                .chain(&outcome.steps)
                .chain(outcome.posts.iter().map(|p| &p.title));
            if outcome.steps.is_empty() || texts.into_iter().any(Translated::has_empty) {
                return Err(format!("the {tier:?} outcome needs a heading and steps"));
            }
            let is_post_in = |lang: Lang, path: &str| {
                recognize_in(path).is_some_and(|(l, r, _)| l == lang && r.page == Page::Post)
            };
            for post in &outcome.posts {
                let links = [
                    (Lang::En, Some(&post.path)),
                    (Lang::Es, post.path_es.as_ref()),
                ];
                for (lang, path) in links {
                    if let Some(path) = path.filter(|p| !is_post_in(lang, p)) {
                        let blog = crate::routes::route(Page::Blog).path_in(lang, None);
                        return Err(format!(
                            "post link {path:?} must be a post's path ({blog}/<post>)"
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

fn is_https_url(s: &str) -> bool {
    crate::paths::is_web_url(s, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped_value() -> serde_json::Value {
        serde_json::from_str(SHIPPED).unwrap()
    }

    fn parse_value(v: &serde_json::Value) -> Result<Rules, RulesError> {
        Rules::parse(&v.to_string())
    }

    #[test]
    fn the_shipped_rules_are_valid() {
        let rules = Rules::shipped().expect("rules.json is valid");
        assert!(rules.items.len() >= 25);
    }

    #[test]
    fn item_ids_are_unique() {
        let rules = Rules::shipped().unwrap();
        let ids: BTreeSet<&str> = rules.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), rules.items.len());
    }

    #[test]
    fn emergency_signs_come_first_and_every_group_is_shown() {
        let rules = Rules::shipped().unwrap();
        let order: Vec<GroupId> = rules.groups.iter().map(|g| g.id).collect();
        assert_eq!(
            order,
            [
                GroupId::Emergency,
                GroupId::Nerve,
                GroupId::MuscleJoint,
                GroupId::Context
            ]
        );
    }

    #[test]
    fn the_cauda_equina_signs_are_emergency_items() {
        let rules = Rules::shipped().unwrap();
        for id in [
            "saddle_numbness",
            "bladder_bowel_control",
            "trouble_passing_urine",
            "both_legs",
            "worsening_leg_weakness",
        ] {
            let item = rules.item(id).unwrap_or_else(|| panic!("{id} is missing"));
            assert_eq!(item.tier, Tier::Emergency, "{id}");
            assert!(item.source.url.contains("cauda-equina"), "{id}");
        }
    }

    #[test]
    fn the_context_items_of_the_brief_are_present() {
        let rules = Rules::shipped().unwrap();
        for id in [
            "over_50_first_episode",
            "fall_or_injury",
            "cancer_history",
            "fever",
            "weight_loss",
            "night_pain",
            "steroid_use",
        ] {
            assert_eq!(
                rules.item(id).map(|i| i.group),
                Some(GroupId::Context),
                "{id}"
            );
        }
    }

    #[test]
    fn outcome_posts_are_blog_paths() {
        let rules = Rules::shipped().unwrap();
        for tier in Tier::ALL {
            for post in &rules.outcomes.for_tier(tier).posts {
                assert!(post.path.starts_with("/blog/"), "{}", post.path);
            }
        }
    }

    #[test]
    fn a_post_link_must_be_a_post_in_its_own_language() {
        let mut v = shipped_value();
        v["outcomes"]["soon"]["posts"][0]["path"] = "/es/blog/cuando-consultar".into();
        assert!(parse_value(&v)
            .unwrap_err()
            .to_string()
            .contains("(/blog/<post>)"));
        let mut v = shipped_value();
        v["outcomes"]["soon"]["posts"][0]["path_es"] = "/blog/back-spasm-symptoms".into();
        assert!(parse_value(&v)
            .unwrap_err()
            .to_string()
            .contains("(/es/blog/<post>)"));
        let mut v = shipped_value();
        v["outcomes"]["soon"]["posts"][0]["path_es"] = "/es/blog/cuando-consultar".into();
        assert!(parse_value(&v).is_ok(), "a translation's path");
        v["outcomes"]["soon"]["posts"][0]["title"]["es"] = " ".into();
        assert!(parse_value(&v).is_err(), "a post's title in every language");
    }

    /// A link the outcomes offer reaches a post the site publishes, in each language.
    #[test]
    fn every_post_the_outcomes_offer_is_published() {
        let rules = Rules::shipped().unwrap();
        let posts = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/posts");
        for tier in Tier::ALL {
            for post in &rules.outcomes.for_tier(tier).posts {
                for path in [Some(&post.path), post.path_es.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    let slug = path.rsplit('/').next().unwrap();
                    let file = format!("{posts}/{slug}.json");
                    assert!(std::path::Path::new(&file).exists(), "{path}: no {file}");
                }
            }
        }
    }

    #[test]
    fn a_post_is_offered_in_its_translation_once_it_has_one() {
        let title = Translated {
            en: "Back spasm symptoms".into(),
            es: "Síntomas de los espasmos de espalda".into(),
        };
        let mut post = PostLink {
            title,
            path: "/blog/back-spasm-symptoms".into(),
            path_es: None,
        };
        assert_eq!(
            post.for_reader(Lang::En),
            ("/blog/back-spasm-symptoms", Lang::En)
        );
        assert_eq!(
            post.for_reader(Lang::Es),
            ("/blog/back-spasm-symptoms", Lang::En)
        );
        post.path_es = Some("/es/blog/espasmos".into());
        assert_eq!(
            post.for_reader(Lang::En),
            ("/blog/back-spasm-symptoms", Lang::En)
        );
        assert_eq!(post.for_reader(Lang::Es), ("/es/blog/espasmos", Lang::Es));
    }

    #[test]
    fn sources_are_listed_once_each() {
        let rules = Rules::shipped().unwrap();
        let sources = rules.sources();
        assert_eq!(sources.len(), 3);
        assert!(sources
            .iter()
            .any(|s| s.url == "https://www.nice.org.uk/guidance/ng59"));
    }

    #[test]
    fn a_duplicate_id_is_rejected() {
        let mut v = shipped_value();
        let first = v["items"][0]["id"].clone();
        v["items"][1]["id"] = first;
        let err = parse_value(&v).unwrap_err();
        assert!(err.to_string().contains("used twice"), "{err}");
    }

    #[test]
    fn a_source_without_https_is_rejected() {
        let mut v = shipped_value();
        v["items"][0]["source"]["url"] = "http://www.nhs.uk/".into();
        let err = parse_value(&v).unwrap_err();
        assert!(err.to_string().contains("https"), "{err}");
    }

    #[test]
    fn empty_wording_in_either_language_is_rejected() {
        for lang in ["en", "es"] {
            let mut v = shipped_value();
            v["items"][3]["wording"][lang] = "  ".into();
            assert!(parse_value(&v)
                .unwrap_err()
                .to_string()
                .contains("no wording"));
        }
        let mut v = shipped_value();
        v["items"][3]["wording"] = "Only one language".into();
        assert!(
            parse_value(&v).is_err(),
            "a wording without its translation"
        );
    }

    #[test]
    fn an_emergency_item_outside_the_emergency_group_is_rejected() {
        let mut v = shipped_value();
        let last = v["items"].as_array().unwrap().len() - 1;
        v["items"][last]["tier"] = "emergency".into();
        assert!(parse_value(&v).is_err());
    }

    #[test]
    fn emergency_signs_must_come_first() {
        let mut v = shipped_value();
        v["groups"].as_array_mut().unwrap().swap(0, 1);
        assert!(parse_value(&v).unwrap_err().to_string().contains("first"));
    }

    #[test]
    fn an_unknown_tier_or_field_is_malformed() {
        let mut v = shipped_value();
        v["items"][0]["tier"] = "whenever".into();
        assert!(matches!(parse_value(&v), Err(RulesError::Malformed(_))));
        let mut v = shipped_value();
        v["items"][0]["wordng"] = "typo".into();
        assert!(matches!(parse_value(&v), Err(RulesError::Malformed(_))));
    }

    #[test]
    fn tiers_rank_emergency_above_urgent_above_soon_above_self_care() {
        assert!(Tier::Emergency > Tier::Urgent);
        assert!(Tier::Urgent > Tier::Soon);
        assert!(Tier::Soon > Tier::SelfCare);
    }
}
