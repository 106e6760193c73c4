//! Sentences from the text table with links in them: the table keeps each sentence whole, in its
//! own language's word order, and names the place of each link (`{phone}`); these put them there.

use leptos::prelude::*;

/// `template`'s words with each `{name}` replaced by `slot(name)`, in order. An empty run of
/// words between two slots is left out, the same way on the server and in the browser.
pub fn sentence(template: &'static str, mut slot: impl FnMut(&str) -> AnyView) -> Vec<AnyView> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some((words, after)) = rest.split_once('{') {
        let Some((name, after)) = after.split_once('}') else {
            break;
        };
        if !words.is_empty() {
            pieces.push(words.into_any());
        }
        pieces.push(slot(name));
        rest = after;
    }
    if !rest.is_empty() {
        pieces.push(rest.into_any());
    }
    pieces
}

/// A call link's words before and after its number: "Call {number} now" gives ("Call ", " now").
pub fn around_number(template: &'static str) -> (&'static str, &'static str) {
    template.split_once("{number}").unwrap_or((template, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_call_link_is_split_around_its_number() {
        assert_eq!(
            around_number("Llame al {number} ahora"),
            ("Llame al ", " ahora")
        );
        assert_eq!(around_number("Call {number}"), ("Call ", ""));
        assert_eq!(around_number("No number"), ("No number", ""));
    }
}
