//! Makes text safe to put on a terminal: article text must never be able to drive it.
//!
//! Removes every control character but newline (tabs and carriage returns become whitespace
//! first), whole terminal escape sequences (ESC/CSI/OSC/DCS, and their 8-bit C1 forms), the
//! remaining C1 controls U+0080–U+009F, bidi overrides and isolates, and invisible characters
//! that only get in the way of matching (BOM, soft hyphen). Everything else is kept.
//!
//! A control string (OSC, DCS and the like) is removed whole only when it ends (BEL or ST)
//! within one line and [`MAX_CONTROL_STRING`] characters, as real ones do (titles,
//! hyperlinks). Otherwise only its introducer goes and the text after it stays: a stray
//! U+0090 or U+009D, which mojibake (UTF-8 read as Latin-1) is full of, once took the rest of
//! the article with it. What was removed is counted per thread ([`take_removed`]), so that
//! loading can say so.

use std::cell::Cell;

/// The longest control string removed whole (an OSC 8 hyperlink with a long address fits).
pub const MAX_CONTROL_STRING: usize = 4096;

thread_local! {
    static REMOVED: Cell<usize> = const { Cell::new(0) };
}

/// Escape sequences and control strings removed on this thread since the last call.
pub fn take_removed() -> usize {
    REMOVED.with(|r| r.replace(0))
}

fn removed_one() {
    REMOVED.with(|r| r.set(r.get() + 1));
}

/// Returns `text` with terminal controls removed; see the module doc for what goes.
pub fn sanitize(text: &str) -> String {
    if is_clean(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                // CRLF and lone CR both end a line.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' | '\u{0B}' | '\u{0C}' => out.push(' '),
            '\u{1B}' => {
                removed_one();
                skip_escape(&mut chars);
            }
            // 8-bit CSI, OSC, DCS, SOS, PM, APC introduce sequences of their own.
            '\u{9B}' => {
                removed_one();
                skip_csi(&mut chars);
            }
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => {
                removed_one();
                skip_string(&mut chars);
            }
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Nothing to remove: no byte below space but newline, no DEL, and none of the multi-byte
/// characters removed (C1 controls, bidi controls, BOM, soft hyphen, line separators).
/// A byte scan, much cheaper than rebuilding the string.
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' | 0x20..=0x7E => i += 1,
            0x00..=0x1F | 0x7F => return false,
            // U+0080–U+009F and U+00AD are C2 80–9F and C2 AD; U+061C is D8 9C.
            0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F | 0xAD)) => return false,
            0xD8 if b.get(i + 1) == Some(&0x9C) => return false,
            // U+2028–U+202E are E2 80 A8–AE; U+2066–U+2069 are E2 81 A6–A9.
            0xE2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xA8..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ) =>
            {
                return false;
            }
            // U+FEFF is EF BB BF.
            0xEF if b.get(i + 1) == Some(&0xBB) && b.get(i + 2) == Some(&0xBF) => return false,
            _ => i += 1,
        }
    }
    true
}

/// Characters removed on their own: C0/C1 controls, DEL, bidi overrides and isolates, BOM and
/// soft hyphen.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{00}'..='\u{1F}' | '\u{7F}'..='\u{9F}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}'
        | '\u{FEFF}' | '\u{AD}')
}

/// After ESC: CSI (`[`), OSC/DCS/SOS/PM/APC strings (`]`, `P`, `X`, `^`, `_`), or a two- or
/// three-character escape.
fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // Intermediate bytes (e.g. `ESC ( B`) then one final byte.
        Some(c) if ('\u{20}'..='\u{2F}').contains(&c) => {
            while matches!(chars.peek(), Some(c) if ('\u{20}'..='\u{2F}').contains(c)) {
                chars.next();
            }
            chars.next();
        }
        Some(c) if ('\u{30}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameter and intermediate bytes, then the final byte `@`–`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3F}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7E}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// A control string runs to BEL or ST (`ESC \\` or U+009C). One that does not end within a
/// line and [`MAX_CONTROL_STRING`] characters is no control string: nothing after its
/// introducer is skipped.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let mut ahead = chars.clone();
    for _ in 0..MAX_CONTROL_STRING {
        match ahead.next() {
            Some('\u{07}' | '\u{9C}') => {
                *chars = ahead;
                return;
            }
            Some('\u{1B}') if ahead.peek() == Some(&'\\') => {
                ahead.next();
                *chars = ahead;
                return;
            }
            // Another sequence begins, or the line ends: this was none. (Stopping at the next
            // introducer also keeps the look-ahead linear in the text.)
            Some(
                '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{1B}' | '\u{90}' | '\u{98}'
                | '\u{9B}' | '\u{9D}' | '\u{9E}' | '\u{9F}',
            )
            | None => return,
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_CONTROL_STRING, is_clean, sanitize, take_removed};

    #[test]
    fn strips_csi_osc_and_c1() {
        let hostile = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1b]8;;http://x\x1b\\link\u{9b}2Jd";
        assert_eq!(sanitize(hostile), "ared bc linkd");
    }

    #[test]
    fn strips_bidi_and_controls_but_keeps_newlines_and_text() {
        let s = "Ab\u{202E}cd\u{2066}e\u{0}f\u{7}\r\ng\th\u{85}i Größe 平壤";
        assert_eq!(sanitize(s), "Abcdef\ng hi Größe 平壤");
    }

    #[test]
    fn clean_text_is_recognised_and_kept() {
        for s in ["plain text\nwith lines", "Größe 平壤 „Zitat“ – ok"] {
            assert!(is_clean(s), "{s}");
            assert_eq!(sanitize(s), s);
        }
        for s in [
            "a\tb",
            "a\u{85}b",
            "a\u{202E}b",
            "a\u{2028}b",
            "\u{FEFF}a",
            "a\u{AD}b",
            "a\u{61C}b",
            "a\u{2067}b",
        ] {
            assert!(!is_clean(s), "{s:?}");
        }
    }

    /// An unterminated OSC, DCS or C1 string removed the rest of the article.
    #[test]
    fn an_unterminated_control_string_keeps_the_text_after_it() {
        let _ = take_removed();
        assert_eq!(sanitize("ok\x1b]0;never ends"), "ok0;never ends");
        assert_eq!(sanitize("a\x1bPq text"), "aq text");
        // Mojibake: "Ð" (C3 90) read as Latin-1 is "Ã" and U+0090 (DCS).
        assert_eq!(
            sanitize("Ã\u{90}ber die Grenze. Mehr Text."),
            "Ãber die Grenze. Mehr Text."
        );
        assert_eq!(sanitize("x\u{9d} rest\nline two\u{7}"), "x rest\nline two");
        let long = format!("a\u{1b}]{}\u{7}b", "x".repeat(MAX_CONTROL_STRING + 10));
        assert!(sanitize(&long).ends_with("xb"));
        assert_eq!(take_removed(), 5);
        // A real one is removed whole, and counted.
        assert_eq!(
            sanitize("a\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\ b"),
            "alink b"
        );
        assert_eq!(take_removed(), 2);
    }

    #[test]
    fn many_introducers_take_linear_time() {
        let text = format!("{}end", "\u{90}ab".repeat(300_000));
        let t = std::time::Instant::now();
        assert_eq!(sanitize(&text).len(), 600_003);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
    }
}
