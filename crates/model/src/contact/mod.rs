//! The contact form's pure side: the fields, the draft as typed, its validation, the endpoint's
//! field names, what became of a message, and the form's states and transitions.

pub mod draft;
pub mod fields;
pub mod form;
pub mod outcome;
pub mod validation;
pub mod wire;

pub use draft::Draft;
pub use fields::{ContactMethod, Field};
pub use form::{ContactFormState, Focus, Phase, SubmitAction};
pub use outcome::{SendFailure, SendOutcome};
pub use validation::{validate, validate_field, FieldError, Message};
