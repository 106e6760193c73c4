//! Reusable pieces of the interface.

pub mod route_announcer;
pub mod shell;
pub mod symptom_checklist;
