//! Splits a text field into word tokens with byte offsets, and marks what the recogniser needs
//! to know about each: its shape (capitalised, all caps), whether it starts a sentence, and
//! whether it is joined to the next word so that a name can run on (only spaces, or a hyphen or
//! apostrophe glued to both sides, between them).

/// One word of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// First character is upper case.
    pub capitalized: bool,
    /// At least two letters, all upper case ("NATO", "U.S.").
    pub all_caps: bool,
    pub has_digit: bool,
    /// First word of a sentence, paragraph, title, or after a colon or bullet.
    pub sentence_start: bool,
    /// What separates this word from the next one.
    pub gap: Gap,
    /// The word just before was followed by an opening parenthesis.
    pub after_paren: bool,
}

/// What lies between a word and the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Only spaces (a single line).
    Space,
    /// A hyphen with no spaces ("NATO-Truppen", "Jong-un").
    Hyphen,
    /// An apostrophe with no spaces ("l'Occidente", "Putin's", "O'Brien").
    Apostrophe,
    /// Punctuation, a line break, or the end of the text: a name cannot run across it.
    Break,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The next character at byte `i`, with an ASCII fast path (most of any text).
#[inline]
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

/// The words of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut sentence_start = true;
    let mut after_paren = false;
    let n = text.len();
    let mut i = 0;
    while i < n {
        let c = char_at(text, i);
        if is_word_char(c) {
            let start = i;
            let mut letters = 0usize;
            let mut uppers = 0usize;
            let mut has_digit = false;
            // A word; dotted abbreviations like "U.S." or "J.D." stay one word.
            while i < n {
                let d = char_at(text, i);
                if is_word_char(d) {
                    if d.is_alphabetic() {
                        letters += 1;
                        uppers += d.is_uppercase() as usize;
                    } else {
                        has_digit |= d.is_ascii_digit();
                    }
                    i += d.len_utf8();
                } else if d == '.' && is_dotted_abbreviation(text, start, i) {
                    i += 1;
                } else {
                    break;
                }
            }
            tokens.push(Token {
                start,
                end: i,
                capitalized: c.is_uppercase(),
                all_caps: letters >= 2 && uppers == letters,
                has_digit,
                sentence_start,
                gap: Gap::Break,
                after_paren,
            });
            sentence_start = false;
            after_paren = false;
            continue;
        }
        // Between words: decide the gap of the previous token, and sentence starts.
        let gap_start = i;
        while i < n {
            let d = char_at(text, i);
            if is_word_char(d) {
                break;
            }
            i += d.len_utf8();
        }
        let gap = &text[gap_start..i];
        if gap == " " {
            // The common case, settled without further checks.
            if let Some(prev) = tokens.last_mut() {
                prev.gap = Gap::Space;
            }
            continue;
        }
        let prev_word = tokens.last().map(|t| &text[t.start..t.end]);
        if let Some(prev) = tokens.last_mut() {
            prev.gap = if gap == ". " && prev_word.is_some_and(is_title_abbreviation) {
                Gap::Space
            } else {
                classify_gap(gap)
            };
        }
        if gap.contains(['.', '!', '?', ':', ';', '•', '\n', '–', '—', '|']) {
            sentence_start |= ends_sentence(gap, tokens.last().map(|t| &text[t.start..t.end]));
        }
        if gap.contains('(') {
            after_paren = true;
        }
    }
    tokens
}

/// Abbreviations before a name, whose dot ends no sentence.
fn is_title_abbreviation(w: &str) -> bool {
    super::words::has(super::words::TITLE_ABBREVIATIONS, w)
}

/// "U.S." / "J.D." / "e.V.": single letters with dots.
fn is_dotted_abbreviation(text: &str, word_start: usize, dot: usize) -> bool {
    let before = &text[word_start..dot];
    let last_piece = before.rsplit('.').next().unwrap_or("");
    let mut after = text[dot + 1..].chars();
    let next = after.next();
    let single = last_piece.chars().count() == 1;
    // "J. Smith", "Adnan Z. Amin": an initial before a capitalised name.
    let initial = single
        && before.chars().all(char::is_uppercase)
        && next == Some(' ')
        && after.next().is_some_and(char::is_uppercase);
    single
        && (next.is_some_and(|c| c.is_alphabetic() && c.is_uppercase())
            || before.contains('.')
            || initial)
}

fn classify_gap(gap: &str) -> Gap {
    match gap {
        " " | "  " => Gap::Space,
        "-" | "‐" | "‑" => Gap::Hyphen,
        "'" | "’" => Gap::Apostrophe,
        g if !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}') => Gap::Space,
        _ => Gap::Break,
    }
}

/// Whether the punctuation after `prev_word` ends a sentence. "Dr." or "z.B." do not; a line
/// break, "!", "?", ":" or "." after a normal word do.
fn ends_sentence(gap: &str, prev_word: Option<&str>) -> bool {
    if gap.contains(['\n', '!', '?', ':', ';', '•', '|']) {
        return true;
    }
    if gap.contains(['–', '—']) && !gap.contains('.') {
        // A dash after a dateline ("Pjöngjang, Nordkorea – In einer ...") starts a sentence.
        return gap.trim() == "–" || gap.trim() == "—";
    }
    match prev_word {
        Some(w) if w.ends_with('.') => false,
        // "Dr. Müller", "St. Petersburg", "Mr. Smith"
        Some(w) if is_title_abbreviation(w) => false,
        Some(w) if w.chars().all(|c| c.is_ascii_digit()) => {
            // "19. März" is a date, not the end of a sentence (German ordinals).
            false
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool, Gap)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text).to_owned(), t.sentence_start, t.gap))
            .collect()
    }

    #[test]
    fn offsets_shapes_and_gaps() {
        let text = "Der Besuch von Kim Jong-un. NATO-Truppen in den U.S. sind da.";
        let toks = tokenize(text);
        let w: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            w,
            [
                "Der", "Besuch", "von", "Kim", "Jong", "un", "NATO", "Truppen", "in", "den",
                "U.S.", "sind", "da"
            ]
        );
        assert_eq!(toks[4].gap, Gap::Hyphen);
        assert_eq!(toks[5].gap, Gap::Break);
        assert!(toks[6].sentence_start && toks[6].all_caps);
        assert!(toks[10].all_caps);
        assert!(!toks[11].sentence_start);
    }

    #[test]
    fn sentence_starts() {
        let got = words("Am 19. März traf er Putin. Dr. Müller kam: Alle gingen.\nNeue Zeile");
        let starts: Vec<&str> = got
            .iter()
            .filter(|(_, s, _)| *s)
            .map(|(w, _, _)| w.as_str())
            .collect();
        assert_eq!(starts, ["Am", "Dr", "Alle", "Neue"]);
    }

    #[test]
    fn apostrophes_and_multibyte() {
        let text = "l’Occidente e Pjöngjang";
        let toks = tokenize(text);
        assert_eq!(toks[0].gap, Gap::Apostrophe);
        assert_eq!(toks[1].text(text), "Occidente");
        assert_eq!(toks[3].text(text), "Pjöngjang");
    }
}
