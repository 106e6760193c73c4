//! The contact form's pure side: the draft as typed, its validation, the endpoint's field
//! names, and the form's states and transitions.

pub mod draft;
pub mod form;
pub mod validation;
pub mod wire;

pub use draft::Draft;
pub use form::{ContactFormState, Focus, Phase, SubmitAction};
pub use validation::{validate, validate_field, ContactMethod, Field, FieldError, Message};
