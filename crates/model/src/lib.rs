//! The clinic site's model, shared by the site and the content build: what a post is and the
//! checks it must pass, the symptom checklist's rules and triage, the contact form's fields,
//! validation and states, the site's configuration, and its pages and addresses. Plain Rust:
//! nothing here knows about Leptos, the DOM or the browser, and every test runs natively.

pub mod blog;
pub mod calendar;
pub mod config;
pub mod contact;
pub mod hours;
pub mod lang;
pub mod paths;
pub mod routes;
pub mod site_files;
pub mod symptoms;
pub mod text;
