//! Lines that scraped pages carry around an article and that belong to no article: the
//! comment form of blog software (WordPress writes "Leave a Reply", "Your email address will
//! not be published." under nearly every post, in the site's language). Only a paragraph that
//! is such a line, whole, goes; a sentence that merely contains the words stays.

/// Whole paragraphs of comment forms, lower case, in English, German and Italian (the
/// strings of WordPress and its translations).
const LINES: &[&str] = &[
    "cancel reply",
    "deine e-mail-adresse wird nicht veröffentlicht.",
    "erforderliche felder sind mit * markiert",
    "erforderliche felder sind mit * markiert.",
    "i campi obbligatori sono contrassegnati *",
    "il tuo indirizzo email non sarà pubblicato.",
    "lascia un commento",
    "lascia un commento annulla risposta",
    "leave a comment",
    "leave a reply",
    "leave a reply cancel reply",
    "required fields are marked *",
    "schreibe einen kommentar",
    "schreibe einen kommentar antworten abbrechen",
    "your email address will not be published.",
    "your email address will not be published. required fields are marked *",
];

/// Whether a cleaned paragraph is comment-form boilerplate.
pub fn is_boilerplate(paragraph: &str) -> bool {
    // Cheap test first: these are short lines.
    paragraph.len() <= 80 && LINES.contains(&paragraph.trim().to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_forms_go_and_sentences_stay() {
        assert!(is_boilerplate("Leave a Reply"));
        assert!(is_boilerplate(
            "Your email address will not be published. Required fields are marked *"
        ));
        assert!(is_boilerplate("Lascia un commento"));
        assert!(!is_boilerplate(
            "He did not leave a reply to the minister's letter."
        ));
        assert!(!is_boilerplate("Reply"));
    }

    #[test]
    fn the_list_is_sorted_lower_case_and_unique() {
        assert!(LINES.windows(2).all(|w| w[0] < w[1]));
        assert!(LINES.iter().all(|l| l.to_lowercase() == *l));
    }
}
