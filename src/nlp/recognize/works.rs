//! Titles of works are not names of ours: names inside a quoted title (`the song "Stephen"`,
//! „Game of Thrones“) and an unknown name dated like a film ("Sabrina (1954)"). Run after every
//! pass and outside what the tagger learns from. Also the quoted stretches of a text, which
//! `lone` reads for media quoted as sources.

use super::{Claims, Field};
use crate::nlp::words;

/// Both corrections.
pub fn drop_works(f: &Field, claims: &mut Claims) {
    drop_quoted_works(f, claims);
    drop_dated_works(f, claims);
}

/// Opening and closing quotation marks, paired.
const QUOTES: &[(char, char)] = &[('„', '“'), ('“', '”'), ('"', '"'), ('«', '»'), ('‚', '‘')];

/// The tokens inside the byte range `start..end`. Tokens are in text order: found by binary
/// search (a long article may quote a lot).
pub(super) fn tokens_within(f: &Field, start: usize, end: usize) -> std::ops::Range<usize> {
    let from = f.toks.partition_point(|t| t.start < start);
    let to = f.toks.partition_point(|t| t.end <= end);
    from..to.max(from)
}

/// The quoted stretches of the text: the byte range inside the marks, on one line, of at most
/// 120 bytes (a longer one is a quotation, not a title).
pub(super) fn quoted_stretches(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        let inner = i + c.len_utf8();
        let rest = &text[inner..];
        let Some(len) = rest.find(close) else {
            continue;
        };
        let stretch = &rest[..len];
        if len == 0 || len > 120 || stretch.contains('\n') {
            continue;
        }
        out.push((inner, inner + len));
        // Continue after the closing mark.
        while iter
            .peek()
            .is_some_and(|&(j, _)| j < inner + len + close.len_utf8())
        {
            iter.next();
        }
    }
    out
}

/// `the hit song "Geronimo"`, `„Knuck If You Buck“`: names inside a quoted title of a work
/// are not names of ours. A quoted stretch is a title when a word just before or after it
/// names a kind of work ("song", "Film", „Shaky Ground“, die Single"), when a year in brackets
/// follows it („Sabrina“ (1954)), when it is joined by "und", "and" or a comma to a title
/// („The Winds of Winter“ und „A Dream of Spring“), or when its words are written as a title
/// (each long word capitalised) and the names found cover only part of it: a title taken
/// apart into names. A quotation ("Celtic Sea cod could collapse") is neither; a newspaper
/// named in quotes (die „Zeit“) is left alone too.
fn drop_quoted_works(f: &Field, claims: &mut Claims) {
    // Where the last title ended, to see a title that follows it.
    let mut last_title_end: Option<usize> = None;
    for (start, end) in quoted_stretches(f.text) {
        let inside: Vec<usize> = tokens_within(f, start, end).collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        if inside.len() > 8 || !f.toks[first].capitalized {
            continue;
        }
        // A claim owns a run of tokens: its id repeats only next to itself.
        let mut names: Vec<usize> = inside.iter().filter_map(|&t| claims.owner(t)).collect();
        names.dedup();
        if names.iter().any(|&id| {
            claims
                .tokens(id)
                .is_some_and(|(a, b)| a < first || b > last)
        }) {
            continue;
        }
        let cue_before = (first.saturating_sub(2)..first)
            .any(|t| f.toks[t].end <= start && words::has(words::WORK_KINDS, &f.folded[t]));
        let cue_after = (last + 1..(last + 4).min(f.toks.len()))
            .any(|t| f.toks[t].start >= end && words::has(words::WORK_KINDS, &f.folded[t]));
        let after = f.text[end..].trim_start_matches(['“', '”', '"', '»', '‘']);
        let dated = year_in_brackets(after);
        let chained = last_title_end.is_some_and(|e| {
            let between = f.text[e..start]
                .trim_matches(|c: char| QUOTES.iter().any(|q| q.0 == c || q.1 == c));
            matches!(between.trim(), "und" | "and" | "oder" | "or" | "e" | ",")
        });
        let covered_whole = names.len() == 1
            && claims
                .tokens(names[0])
                .is_some_and(|(a, b)| a == first && b == last);
        let title_case = inside.len() >= 2
            && inside.iter().all(|&t| {
                f.toks[t].capitalized
                    || f.word(t).chars().count() <= 3
                    || words::has(words::CONNECTORS, &f.folded[t])
            });
        if !(cue_before || cue_after || dated || chained || title_case && !covered_whole) {
            continue;
        }
        last_title_end = Some(end);
        for id in names {
            claims.release(id);
        }
    }
}

/// Text that opens with a year in brackets: " (1954)".
fn year_in_brackets(after: &str) -> bool {
    let b = after.trim_start().as_bytes();
    b.len() >= 6 && b[0] == b'(' && b[1..5].iter().all(u8::is_ascii_digit) && b[5] == b')'
}

/// "in Sabrina (1954), played by Audrey Hepburn": an unknown name followed by a year in
/// brackets is the title of a work.
fn drop_dated_works(f: &Field, claims: &mut Claims) {
    claims.release_where(|span, _, b| {
        span.known.is_none() && year_in_brackets(&f.text[f.toks[b].end..])
    });
}

#[cfg(test)]
mod tests {
    use crate::nlp::recognize::tests::surfaces as names;

    #[test]
    fn titles_of_works_in_quotes_are_not_names() {
        let text = "Kesha and Pebe co-wrote the song \" Stephen \" together.";
        assert!(!names(text, "en").contains(&"Stephen".to_string()));
        let text = "Es ist natürlich die Wahl, nicht „Game of Thrones“.";
        assert!(names(text, "de").iter().all(|n| !n.contains("Game")));
        let text = "Sie nahmen ihre Version von „Knuck If You Buck“ auf einem Laptop auf.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
    }

    #[test]
    fn titles_shown_by_what_follows_them() {
        let text = "Erschienen sind „The Winds of Winter“ und „A Dream of Spring“ noch nicht.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        let text = "Es erschien „Shaky Ground“, die Single daraus, im Mai.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        let text = "Er spielte den Playboy in „Sabrina“ (1954) neben Audrey Hepburn.";
        assert_eq!(names(text, "de"), ["Audrey Hepburn"]);
        let text = "He played a playboy in Sabrina (1954), with Audrey Hepburn.";
        assert_eq!(names(text, "en"), ["Audrey Hepburn"]);
    }

    #[test]
    fn names_quoted_without_being_titles_stay() {
        let text = "The newspaper \" Die ZEIT \" first reported it.";
        assert!(names(text, "en").contains(&"Die ZEIT".to_string()));
        let text = "„Kabeljau in der Keltischen See könnte aussterben“, sagte er.";
        assert!(names(text, "de").contains(&"Keltischen See".to_string()));
        let text = "\" Some men get it and Bono is one of those guys, \" she said.";
        assert!(names(text, "en").contains(&"Bono".to_string()));
    }
}
