//! The back pain symptom checklist's logic: reviewed rules (`rules.json`) and pure triage.

pub mod rules;
pub mod triage;

pub use rules::{Group, GroupId, Item, Outcome, Rules, RulesError, Source, Tier};
pub use triage::{assess, outcome, Advice, Assessment, ReadMore};
