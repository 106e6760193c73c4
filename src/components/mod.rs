//! Reusable pieces of the interface.

pub mod contact_form;
pub mod route_announcer;
pub mod shell;
