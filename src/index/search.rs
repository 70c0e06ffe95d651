//! Full-text search over titles and bodies, blind to case and accents ("pjongjang" finds
//! "Pjöngjang"): every article's title and body folded once, so that a query only compares.

use crate::corpus::Article;
use crate::nlp::fold::fold_into;

/// Folded title and body per article.
pub struct SearchIndex {
    folded: Vec<(String, String)>,
}

/// Folds text for matching: lower case, no accents.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

impl SearchIndex {
    pub fn build(articles: &[Article]) -> SearchIndex {
        let folded = crate::parallel::map(articles, |a| (fold_text(&a.title), fold_text(&a.body)));
        SearchIndex { folded }
    }

    /// Articles whose title or text contains every word of `query`, title matches first;
    /// every article for an empty query.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(fold_text).collect();
        if words.is_empty() {
            return (0..self.folded.len()).collect();
        }
        let mut hits: Vec<(bool, usize)> = self
            .folded
            .iter()
            .enumerate()
            .filter(|(_, (t, b))| {
                words
                    .iter()
                    .all(|w| t.contains(w.as_str()) || b.contains(w.as_str()))
            })
            .map(|(i, (t, _))| (!words.iter().all(|w| t.contains(w.as_str())), i))
            .collect();
        hits.sort();
        hits.into_iter().map(|(_, i)| i).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    #[test]
    fn all_words_anywhere_title_matches_first_accents_ignored() {
        let index = SearchIndex::build(&[
            article("Raketen", "Pjöngjang testet eine Rakete."),
            article("Pjöngjang", "Nichts Neues hier."),
            article("Wetter", "Sonne in Rom."),
        ]);
        assert_eq!(index.search("pjongjang"), [1, 0]);
        assert_eq!(index.search("PJÖNGJANG rakete"), [0]);
        assert_eq!(index.search("  "), [0, 1, 2]);
        assert!(index.search("hagel").is_empty());
    }
}
