//! `.txt`: the title is the first line with text, the body is everything after it.

use super::{Draft, Parsed};
use crate::corpus::clean::{clean, clean_inline};

pub fn parse(text: &str) -> Parsed {
    let (title, body) = split_title(text);
    Parsed {
        drafts: vec![Draft {
            title,
            body,
            ..Draft::default()
        }],
        problems: vec![],
    }
}

/// The first line that still has text once cleaned is the title; the rest is cleaned as body.
/// Shared by the formats that fall back to "first line is the title".
pub fn split_title(text: &str) -> (String, String) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        let title = clean_inline(line);
        if !title.is_empty() {
            return (title, clean(&text[offset..]));
        }
    }
    (String::new(), String::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_line_is_the_title() {
        let p = parse("\n\n  Headline here \nFirst para.\nSecond para.\n");
        assert_eq!(p.drafts[0].title, "Headline here");
        assert_eq!(p.drafts[0].body, "First para.\n\nSecond para.");
    }

    #[test]
    fn a_line_of_only_markup_is_not_the_title() {
        let p = parse("<div class=\"x\">\n<h1>Real title</h1>\n<p>Body</p>");
        assert_eq!(p.drafts[0].title, "Real title");
        assert_eq!(p.drafts[0].body, "Body");
    }
}
