//! Triage: from the ticked items to the most severe tier. Pure, so it is proved natively.

use super::rules::{Item, Rules, Tier};

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
    use std::collections::BTreeSet;

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
}
