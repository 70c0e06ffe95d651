//! What dossier says to people on stderr, and the one rule for quoting input in it: a file
//! name, a config key or a theme name can hold terminal escape sequences, so every message
//! that quotes input is made visible-safe here, once, where it is printed.

use std::borrow::Cow;
use std::io::Write;

/// `s` with every character that could drive a terminal or reorder text shown as an escape
/// (`\u{1b}`), so the reader sees that it is there and the terminal never acts on it.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}')
}

/// `dossier: MESSAGE` on stderr, quoted input made visible-safe.
pub fn error(msg: &str) {
    line(&format!("dossier: {}", visible(msg)));
}

/// `dossier: warning: SOURCE: REASON` on stderr.
pub fn warning(source: &str, reason: &str) {
    line(&format!(
        "dossier: warning: {}: {}",
        visible(source),
        visible(reason)
    ));
}

/// One line on stderr; a closed stderr is not worth a panic.
fn line(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_keeps_the_rest() {
        assert_eq!(visible("plain ü — ok"), "plain ü — ok");
        assert_eq!(
            visible("a\u{1b}]0;pwned\u{7}b\u{202e}c\nd\u{9b}"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{202e}c\\u{a}d\\u{9b}"
        );
    }
}
