//! Where the words of a search occur in the open article, blind to case and accents as the
//! search itself is: the reader highlights them and `n`/`N` go from one to the next.

use crate::nlp::Field;
use crate::nlp::fold::fold_into;

/// One occurrence: the field and the byte range in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub field: Field,
    pub start: usize,
    pub end: usize,
}

/// Every occurrence of a word of `query` in `title` and `body`, title first, in text order.
pub fn find(query: &str, title: &str, body: &str) -> Vec<Match> {
    // The search's words and phrases, not its filters (`lang:de`).
    let words: Vec<String> = crate::index::query::Query::parse(query)
        .wanted()
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return vec![];
    }
    let mut out = vec![];
    for (field, text) in [(Field::Title, title), (Field::Body, body)] {
        let (folded, origin) = fold_with_offsets(text);
        let mut found: Vec<(usize, usize)> = vec![];
        for w in &words {
            let mut from = 0;
            while let Some(p) = folded[from..].find(w.as_str()) {
                let (s, e) = (from + p, from + p + w.len());
                found.push((origin[s].0, origin[e - 1].1));
                from = e;
            }
        }
        found.sort_unstable();
        // Overlapping hits of two words become one.
        let mut merged: Vec<(usize, usize)> = vec![];
        for (s, e) in found {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        out.extend(
            merged
                .into_iter()
                .map(|(start, end)| Match { field, start, end }),
        );
    }
    out
}

/// `text` folded, and for each folded byte the byte range of the character it came from.
fn fold_with_offsets(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    let mut buf = String::new();
    for (i, c) in text.char_indices() {
        buf.clear();
        let mut tmp = [0u8; 4];
        fold_into(c.encode_utf8(&mut tmp), &mut buf);
        folded.push_str(&buf);
        origin.extend(std::iter::repeat_n((i, i + c.len_utf8()), buf.len()));
    }
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blind_to_case_and_accents_with_offsets_into_the_text() {
        let body = "In Pjöngjang traf er KIM. Später: pjongjang, wieder.";
        let m = find("pjongjang kim", "Titel", body);
        let got: Vec<&str> = m.iter().map(|m| &body[m.start..m.end]).collect();
        assert_eq!(got, ["Pjöngjang", "KIM", "pjongjang"]);
        assert!(find("  ", "a", "b").is_empty());
        assert_eq!(find("titel", "Titel", "")[0].field, Field::Title);
    }
}
