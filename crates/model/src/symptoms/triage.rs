//! Triage: from the ticked items to the most severe tier and everything the page says about it.
//! Pure, so it is proved natively.

use std::collections::BTreeSet;

use super::rules::{Item, Outcome, PostLink, Rules, Tier};
use crate::lang::Lang;
use crate::text::{fill, symptoms::SymptomsText};

/// Everything the checklist shows about the current answers, derived from them alone. The page
/// reads it through one memo, so the live region, the reasons, the alert, the compact summary and
/// the print summary can never disagree with each other or with the ticks. `PartialEq` lets the
/// memo notify only when something shown really changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// The most severe tier ticked; `None` is the neutral state (nothing known is ticked).
    pub tier: Option<Tier>,
    /// The wording of the ticked items that set the tier, in checklist order.
    pub reasons: Vec<String>,
    /// The wording of every ticked item, in checklist order.
    pub ticked: Vec<String>,
    /// The advice for the tier; `None` in the neutral state.
    pub outcome: Option<Advice>,
    /// The sentence the live region reads (and shows) for these answers.
    pub status: String,
    /// The outcome in a few words, for the compact summary: the tier's heading, which is phrased
    /// as the next step ("See a doctor today"), or "Nothing ticked yet".
    pub headline: String,
}

/// What to do next, in the patient's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Advice {
    pub heading: String,
    pub summary: String,
    pub steps: Vec<String>,
    pub posts: Vec<ReadMore>,
}

/// A post offered with the advice, as a reader of one language is offered it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadMore {
    /// What it is about, in the reader's language.
    pub title: String,
    /// Its app path: its translation's if it has one, else the English post's.
    pub path: String,
    /// The language it is written in (not the reader's while it is not translated).
    pub lang: Lang,
}

impl ReadMore {
    /// `post` as a reader of `lang` is offered it.
    pub fn of(post: &PostLink, lang: Lang) -> ReadMore {
        let (path, written_in) = post.for_reader(lang);
        ReadMore {
            title: post.title.get(lang).to_string(),
            path: path.to_string(),
            lang: written_in,
        }
    }
}

impl Advice {
    /// `outcome` in `lang`.
    pub fn of(outcome: &Outcome, lang: Lang) -> Advice {
        Advice {
            heading: outcome.heading.get(lang).to_string(),
            summary: outcome.summary.get(lang).to_string(),
            steps: outcome
                .steps
                .iter()
                .map(|s| s.get(lang).to_string())
                .collect(),
            posts: outcome
                .posts
                .iter()
                .map(|p| ReadMore::of(p, lang))
                .collect(),
        }
    }
}

impl Assessment {
    /// Whether an emergency sign is ticked.
    pub fn is_emergency(&self) -> bool {
        self.tier == Some(Tier::Emergency)
    }
}

/// The headline of the neutral state.
pub fn nothing_ticked(lang: Lang) -> &'static str {
    SymptomsText::of(lang).nothing_ticked
}

/// Assesses the ticked ids (unknown ids are ignored), in `lang`. `emergency_number` is the
/// clinic's configured number, which the emergency status sentence tells the patient to call.
/// The tier depends on the ticks alone: the language changes only the words.
pub fn assess(
    rules: &Rules,
    ticked: &BTreeSet<String>,
    emergency_number: &str,
    lang: Lang,
) -> Assessment {
    let is_ticked = |id: &str| ticked.contains(id);
    let ticked_items = ticked_items(rules, is_ticked);
    let tier = ticked_items.iter().map(|i| i.tier).max();
    let wording = |items: Vec<&Item>| {
        items
            .into_iter()
            .map(|i| i.wording.get(lang).to_string())
            .collect()
    };
    let outcome = tier.map(|t| Advice::of(rules.outcomes.for_tier(t), lang));
    let status = status_text(
        outcome.as_ref(),
        tier,
        ticked_items.len(),
        emergency_number,
        lang,
    );
    let headline = outcome
        .as_ref()
        .map_or_else(|| nothing_ticked(lang).to_string(), |o| o.heading.clone());
    Assessment {
        tier,
        reasons: wording(reasons(rules, is_ticked)),
        ticked: wording(ticked_items),
        outcome,
        status,
        headline,
    }
}

/// The sentence read aloud (and shown) whenever the result changes.
fn status_text(
    advice: Option<&Advice>,
    tier: Option<Tier>,
    count: usize,
    emergency_number: &str,
    lang: Lang,
) -> String {
    let text = SymptomsText::of(lang);
    let (Some(advice), Some(tier)) = (advice, tier) else {
        return text.status_nothing.to_string();
    };
    let ticked = match count {
        1 => text.ticked_one.to_string(),
        n => fill(text.ticked_many, &[("count", &n.to_string())]),
    };
    let call = match tier {
        Tier::Emergency => format!(
            " {}",
            fill(text.status_call, &[("number", emergency_number)])
        ),
        _ => String::new(),
    };
    format!("{}.{call} {} ({ticked}.)", advice.heading, advice.summary)
}

/// The most severe tier among the ticked items; `None` when nothing (known) is ticked, which
/// the page shows as a neutral state rather than as advice. Unknown ids are ignored.
pub fn outcome<'a>(rules: &Rules, ticked: impl IntoIterator<Item = &'a str>) -> Option<Tier> {
    ticked
        .into_iter()
        .filter_map(|id| rules.item(id))
        .map(|item| item.tier)
        .max()
}

/// The ticked items in checklist order (the order patients saw them), each once.
pub fn ticked_items(rules: &Rules, is_ticked: impl Fn(&str) -> bool) -> Vec<&Item> {
    rules.items.iter().filter(|i| is_ticked(&i.id)).collect()
}

/// The ticked items that set the outcome (those at the outcome's tier), in checklist order.
pub fn reasons(rules: &Rules, is_ticked: impl Fn(&str) -> bool) -> Vec<&Item> {
    let ticked = ticked_items(rules, is_ticked);
    let top = ticked.iter().map(|i| i.tier).max();
    ticked.into_iter().filter(|i| Some(i.tier) == top).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::symptoms::rules::GroupId;

    fn rules() -> Rules {
        Rules::shipped().expect("shipped rules are valid")
    }

    fn ids_of(rules: &Rules, pick: impl Fn(&Item) -> bool) -> Vec<String> {
        rules
            .items
            .iter()
            .filter(|i| pick(i))
            .map(|i| i.id.clone())
            .collect()
    }

    /// A tiny deterministic generator (xorshift64), so the property test needs no crate and
    /// fails the same way every run.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
    }

    #[test]
    fn nothing_ticked_gives_the_neutral_state_not_advice() {
        assert_eq!(outcome(&rules(), []), None);
    }

    #[test]
    fn unknown_ids_are_ignored() {
        let rules = rules();
        assert_eq!(outcome(&rules, ["not_an_item"]), None);
        assert_eq!(
            outcome(&rules, ["not_an_item", "neck_pain"]),
            Some(Tier::SelfCare)
        );
    }

    #[test]
    fn every_item_alone_gives_its_own_tier() {
        let rules = rules();
        for item in &rules.items {
            assert_eq!(
                outcome(&rules, [item.id.as_str()]),
                Some(item.tier),
                "{}",
                item.id
            );
        }
    }

    #[test]
    fn every_emergency_item_alone_gives_emergency() {
        let rules = rules();
        let emergency = ids_of(&rules, |i| i.group == GroupId::Emergency);
        assert!(emergency.len() >= 9);
        for id in &emergency {
            assert_eq!(
                outcome(&rules, [id.as_str()]),
                Some(Tier::Emergency),
                "{id}"
            );
        }
    }

    #[test]
    fn every_emergency_item_with_any_other_single_item_gives_emergency() {
        let rules = rules();
        let emergency = ids_of(&rules, |i| i.tier == Tier::Emergency);
        for e in &emergency {
            for other in &rules.items {
                for pair in [
                    [e.as_str(), other.id.as_str()],
                    [other.id.as_str(), e.as_str()],
                ] {
                    assert_eq!(outcome(&rules, pair), Some(Tier::Emergency), "{pair:?}");
                }
            }
        }
    }

    #[test]
    fn all_items_at_once_give_emergency() {
        let rules = rules();
        let all = ids_of(&rules, |_| true);
        assert_eq!(
            outcome(&rules, all.iter().map(String::as_str)),
            Some(Tier::Emergency)
        );
    }

    #[test]
    fn each_tier_is_reached_by_some_item() {
        let rules = rules();
        for tier in Tier::ALL {
            assert!(rules.items.iter().any(|i| i.tier == tier), "{tier:?}");
        }
    }

    #[test]
    fn random_subsets_give_the_most_severe_tier_and_emergency_whenever_an_emergency_item_is_ticked()
    {
        let rules = rules();
        let n = rules.items.len();
        assert!(n < 64, "one u64 holds a subset");
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        for round in 0..20_000 {
            // Vary the density too: some rounds tick few items, some tick many.
            let mut mask = rng.next();
            if round % 3 == 0 {
                mask &= rng.next();
            }
            if round % 5 == 0 {
                mask &= rng.next() & rng.next();
            }
            let ticked: Vec<&Item> = (0..n)
                .filter(|b| mask >> b & 1 == 1)
                .map(|b| &rules.items[b])
                .collect();
            let got = outcome(&rules, ticked.iter().map(|i| i.id.as_str()));
            let expected = ticked.iter().map(|i| i.tier).max();
            assert_eq!(got, expected, "round {round}, mask {mask:#x}");
            if ticked.iter().any(|i| i.group == GroupId::Emergency) {
                assert_eq!(got, Some(Tier::Emergency), "round {round}, mask {mask:#x}");
            } else {
                assert_ne!(got, Some(Tier::Emergency), "round {round}, mask {mask:#x}");
            }
            // Order and repeats do not matter.
            let reversed = ticked
                .iter()
                .rev()
                .chain(ticked.iter())
                .map(|i| i.id.as_str());
            assert_eq!(outcome(&rules, reversed), got);
        }
    }

    #[test]
    fn reasons_are_the_ticked_items_at_the_outcome_tier_in_checklist_order() {
        let rules = rules();
        let ticked: BTreeSet<&str> = ["neck_pain", "fever", "weight_loss", "sciatica"].into();
        let reasons: Vec<&str> = reasons(&rules, |id| ticked.contains(id))
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(reasons, ["fever", "weight_loss"]);
        assert!(super::reasons(&rules, |_| false).is_empty());
    }

    #[test]
    fn ticked_items_follow_the_checklist_order() {
        let rules = rules();
        let ticked: BTreeSet<&str> = ["fever", "saddle_numbness"].into();
        let items: Vec<&str> = ticked_items(&rules, |id| ticked.contains(id))
            .iter()
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(items, ["saddle_numbness", "fever"]);
    }

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|id| id.to_string()).collect()
    }

    fn wording(rules: &Rules, id: &str) -> String {
        rules.item(id).unwrap().wording.en.clone()
    }

    #[test]
    fn assess_of_nothing_is_the_neutral_state_with_an_invitation_and_no_advice() {
        let a = assess(&rules(), &set(&[]), "911", Lang::En);
        assert_eq!(a.tier, None);
        assert!(a.reasons.is_empty() && a.ticked.is_empty());
        assert_eq!(a.outcome, None);
        assert!(
            a.status.starts_with("Nothing is ticked yet."),
            "{}",
            a.status
        );
        assert_eq!(a.headline, "Nothing ticked yet");
        assert!(!a.is_emergency());
    }

    #[test]
    fn reasons_follow_every_tick_and_untick_within_one_tier() {
        // The defect this guards: the reasons went stale when the tier stayed the same.
        let rules = rules();
        let saddle = wording(&rules, "saddle_numbness");
        let bladder = wording(&rules, "bladder_bowel_control");
        let a = assess(&rules, &set(&["saddle_numbness"]), "911", Lang::En);
        assert_eq!(a.reasons, [saddle.as_str()]);
        let a = assess(
            &rules,
            &set(&["saddle_numbness", "bladder_bowel_control"]),
            "911",
            Lang::En,
        );
        assert_eq!(a.reasons, [saddle.as_str(), bladder.as_str()]);
        let a = assess(&rules, &set(&["bladder_bowel_control"]), "911", Lang::En);
        assert_eq!(a.tier, Some(Tier::Emergency));
        assert_eq!(a.reasons, [bladder.as_str()]);
    }

    #[test]
    fn reasons_are_only_the_items_at_the_top_tier_and_ticked_lists_them_all() {
        let rules = rules();
        let a = assess(
            &rules,
            &set(&["neck_pain", "fever", "sciatica"]),
            "911",
            Lang::En,
        );
        assert_eq!(a.tier, Some(Tier::Urgent));
        assert_eq!(a.reasons, [wording(&rules, "fever")]);
        assert_eq!(
            a.ticked,
            [
                wording(&rules, "sciatica"),
                wording(&rules, "neck_pain"),
                wording(&rules, "fever"),
            ],
            "every ticked item, in checklist order"
        );
    }

    #[test]
    fn each_tier_brings_its_own_outcome_headline_and_status() {
        let rules = rules();
        for lang in Lang::ALL {
            for tier in Tier::ALL {
                let item = rules.items.iter().find(|i| i.tier == tier).unwrap();
                let a = assess(&rules, &set(&[item.id.as_str()]), "911", lang);
                let outcome = Advice::of(rules.outcomes.for_tier(tier), lang);
                assert_eq!(a.tier, Some(tier));
                assert_eq!(a.outcome.as_ref(), Some(&outcome), "{tier:?}");
                assert_eq!(a.headline, outcome.heading, "{tier:?}");
                assert!(
                    a.status.starts_with(&format!("{}.", outcome.heading)),
                    "{}",
                    a.status
                );
                assert!(a.status.contains(&outcome.summary), "{}", a.status);
                assert_eq!(a.is_emergency(), tier == Tier::Emergency);
            }
        }
    }

    /// The same ticks give the same tier in both languages: every item alone, every pair, and
    /// a few thousand sets drawn at random (a fixed seed, so a failure can be replayed).
    #[test]
    fn both_languages_give_the_same_tier_for_the_same_ticks() {
        let rules = rules();
        let ids: Vec<&str> = rules.items.iter().map(|i| i.id.as_str()).collect();
        let same = |ticked: &BTreeSet<String>| {
            let en = assess(&rules, ticked, "911", Lang::En);
            let es = assess(&rules, ticked, "911", Lang::Es);
            assert_eq!(en.tier, es.tier, "{ticked:?}");
            assert_eq!(en.tier, outcome(&rules, ticked.iter().map(String::as_str)));
            assert_eq!(en.reasons.len(), es.reasons.len(), "{ticked:?}");
            assert_eq!(en.ticked.len(), es.ticked.len(), "{ticked:?}");
        };
        for a in &ids {
            same(&set(&[a]));
            for b in &ids {
                same(&set(&[a, b]));
            }
        }
        let mut seed: u64 = 0x5eed_c0ffee;
        let mut next = move || {
            // A 64-bit linear congruential generator (Knuth's MMIX constants).
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        for _ in 0..5000 {
            let picked: Vec<&str> = ids.iter().copied().filter(|_| next() % 5 == 0).collect();
            same(&set(&picked));
        }
    }

    #[test]
    fn every_emergency_sign_tells_a_spanish_reader_to_call_the_emergency_number() {
        let rules = rules();
        for item in rules.items.iter().filter(|i| i.tier == Tier::Emergency) {
            let a = assess(&rules, &set(&[item.id.as_str()]), "911", Lang::Es);
            assert!(a.is_emergency(), "{}", item.id);
            assert!(
                a.status.contains("Llame al 911 ahora"),
                "{}: {}",
                item.id,
                a.status
            );
            assert_eq!(a.headline, "Busque ayuda de emergencia ahora");
            assert_eq!(a.reasons, std::slice::from_ref(&item.wording.es));
        }
    }

    #[test]
    fn a_spanish_reader_is_told_in_spanish_what_was_ticked_and_which_posts_are_in_english() {
        let rules = rules();
        let nothing = assess(&rules, &set(&[]), "911", Lang::Es);
        assert_eq!(nothing.headline, "Todavía no ha marcado nada");
        assert!(nothing.status.starts_with("Todavía no ha marcado nada."));
        let one = assess(&rules, &set(&["sciatica"]), "911", Lang::Es);
        assert!(
            one.status.ends_with("(1 casilla marcada.)"),
            "{}",
            one.status
        );
        let two = assess(&rules, &set(&["sciatica", "neck_pain"]), "911", Lang::Es);
        assert!(
            two.status.ends_with("(2 casillas marcadas.)"),
            "{}",
            two.status
        );
        let posts = two.outcome.unwrap().posts;
        let english = &rules.outcomes.soon.posts;
        assert_eq!(posts.len(), english.len());
        for (offered, post) in posts.iter().zip(english) {
            assert_eq!(offered.title, post.title.es);
            let (path, lang) = post.for_reader(Lang::Es);
            assert_eq!((offered.path.as_str(), offered.lang), (path, lang));
        }
    }

    #[test]
    fn the_status_counts_the_ticked_items_in_words() {
        let rules = rules();
        let one = assess(&rules, &set(&["neck_pain"]), "911", Lang::En);
        assert!(one.status.ends_with("(1 item ticked.)"), "{}", one.status);
        let three = assess(
            &rules,
            &set(&["neck_pain", "sciatica", "fever"]),
            "911",
            Lang::En,
        );
        assert!(
            three.status.ends_with("(3 items ticked.)"),
            "{}",
            three.status
        );
    }

    #[test]
    fn only_the_emergency_status_says_to_call_the_configured_number() {
        let rules = rules();
        let a = assess(&rules, &set(&["chest_pain"]), "112", Lang::En);
        assert_eq!(
            a.status,
            "Get emergency help now. Call 112 now or go to the nearest emergency department. \
             You ticked at least one emergency sign. Do not wait to see if it gets better. \
             (1 item ticked.)"
        );
        let urgent = assess(&rules, &set(&["fever"]), "112", Lang::En);
        assert!(!urgent.status.contains("112"), "{}", urgent.status);
    }

    #[test]
    fn unknown_ids_are_neither_shown_nor_counted() {
        let rules = rules();
        assert_eq!(
            assess(&rules, &set(&["not_an_item"]), "911", Lang::En),
            assess(&rules, &set(&[]), "911", Lang::En)
        );
        let a = assess(&rules, &set(&["not_an_item", "neck_pain"]), "911", Lang::En);
        assert_eq!(a.ticked, [wording(&rules, "neck_pain")]);
        assert!(a.status.ends_with("(1 item ticked.)"), "{}", a.status);
    }

    #[test]
    fn assess_agrees_with_outcome_and_reasons_for_random_answers() {
        let rules = rules();
        let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
        for round in 0..2_000 {
            let mask = rng.next() & rng.next();
            let ticked: BTreeSet<String> = (0..rules.items.len())
                .filter(|b| mask >> b & 1 == 1)
                .map(|b| rules.items[b].id.clone())
                .collect();
            let a = assess(&rules, &ticked, "911", Lang::En);
            assert_eq!(
                a.tier,
                outcome(&rules, ticked.iter().map(String::as_str)),
                "round {round}"
            );
            let expected: Vec<String> = reasons(&rules, |id| ticked.contains(id))
                .into_iter()
                .map(|i| i.wording.en.clone())
                .collect();
            assert_eq!(a.reasons, expected, "round {round}");
            assert_eq!(a.ticked.len(), ticked.len(), "round {round}");
            assert_eq!(
                a.headline == nothing_ticked(Lang::En),
                ticked.is_empty(),
                "round {round}"
            );
        }
    }
}
