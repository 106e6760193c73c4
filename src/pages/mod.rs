//! One file per page; routes are declared in `lib.rs`.

pub mod blog;
pub mod contact;
pub mod home;
pub mod message_sent;
pub mod not_found;
pub mod offline;
pub mod post;
pub mod symptoms;
pub mod visit;
