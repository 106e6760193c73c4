//! Reusable pieces of the interface.

pub mod article;
pub mod clinic_links;
pub mod contact_form;
pub mod fetch_error;
pub mod heading;
pub mod home;
pub mod language_link;
pub mod listing;
pub mod opening_hours;
pub mod page_meta;
pub mod part;
pub mod post_body;
pub mod post_card;
pub mod post_list;
pub mod route_announcer;
pub mod share;
pub mod shell;
pub mod symptom_checklist;
pub mod tag_list;
pub mod visit;
