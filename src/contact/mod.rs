//! The contact form's pure side: the draft as typed, its validation, and the message sent.

pub mod draft;
pub mod validation;

pub use draft::Draft;
pub use validation::{validate, validate_field, ContactMethod, Field, FieldError, Message};
