//! Full-text search over titles and bodies ([`super::query`] says what a query means), blind to
//! case and accents ("pjongjang" finds "Pjöngjang"). Two indexes answer the words: in memory,
//! every title and body folded once (a word matches inside words); with a persistent index, its
//! SQLite FTS5 table (whole words, `prefix*`, phrases; BM25 ranking, titles weighing more), so
//! that no folded copy of the corpus is held. Filters are applied in memory either way.

use std::collections::HashMap;
use std::path::PathBuf;

use super::query::Query;
use crate::corpus::Article;
use crate::nlp::Entities;
use crate::nlp::fold::fold_into;

/// What answers a search's words.
#[derive(Clone)]
pub enum SearchIndex {
    /// Folded title and body per article.
    Memory(Vec<(String, String)>),
    /// The persistent index's FTS5 table; its rows are (file key, number in file), here mapped
    /// to article indices.
    Fts {
        file: PathBuf,
        position: HashMap<(String, usize), usize>,
    },
}

/// Folds text for matching: lower case, no accents.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

impl SearchIndex {
    /// Folds every article once.
    pub fn build(articles: &[Article]) -> SearchIndex {
        SearchIndex::Memory(crate::parallel::map(articles, |a| {
            (fold_text(&a.title), fold_text(&a.body))
        }))
    }

    /// Searches through the persistent index at `file`, whose texts are, in corpus order,
    /// `order` (file key, number in the file).
    pub fn fts(file: PathBuf, order: &[(String, usize)]) -> SearchIndex {
        let position = order
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, k)| (k, i))
            .collect();
        SearchIndex::Fts { file, position }
    }

    /// Articles matching `query`: with words, the best first (title matches first in memory,
    /// BM25 through FTS5); with filters only, in corpus order; everything for an empty query.
    pub fn search(&self, query: &str, articles: &[Article], entities: &Entities) -> Vec<usize> {
        let q = Query::parse(query);
        if !q.problems.is_empty() {
            // The app tells the problem; a filter it cannot read lets nothing through.
            return vec![];
        }
        let allowed = q.filter(articles, entities);
        if !q.has_words() {
            return allowed;
        }
        let mut ok = vec![false; articles.len()];
        for &a in &allowed {
            ok[a] = true;
        }
        let ranked = match self {
            SearchIndex::Memory(folded) => in_memory(folded, &q),
            SearchIndex::Fts { file, position } => match fts(file, position, &q, &allowed) {
                Ok(hits) => hits,
                // The index went away under us (removed, locked for long): fold on the fly.
                Err(_) => in_memory(
                    &articles
                        .iter()
                        .map(|a| (fold_text(&a.title), fold_text(&a.body)))
                        .collect::<Vec<_>>(),
                    &q,
                ),
            },
        };
        ranked.into_iter().filter(|&a| ok[a]).collect()
    }
}

/// Whether folded `text` has any of `words` (a word matches inside words in memory).
fn has_any(text: &str, words: &[(String, bool)]) -> bool {
    words.iter().any(|(w, _)| text.contains(w.as_str()))
}

fn in_memory(folded: &[(String, String)], q: &Query) -> Vec<usize> {
    let mut hits: Vec<(bool, usize)> = folded
        .iter()
        .enumerate()
        .filter(|(_, (t, b))| {
            q.groups.iter().all(|g| has_any(t, g) || has_any(b, g))
                && !has_any(t, &q.excluded)
                && !has_any(b, &q.excluded)
        })
        .map(|(i, (t, _))| (!q.groups.iter().all(|g| has_any(t, g)), i))
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, i)| i).collect()
}

/// The articles matching `q`'s words through FTS5, best first; with only excluded words,
/// `allowed` less those that have one.
fn fts(
    file: &std::path::Path,
    position: &HashMap<(String, usize), usize>,
    q: &Query,
    allowed: &[usize],
) -> rusqlite::Result<Vec<usize>> {
    let conn = rusqlite::Connection::open_with_flags(
        file,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let matching = |query: String| -> rusqlite::Result<Vec<usize>> {
        let mut stmt = conn.prepare(
            "SELECT t.label, t.n FROM fts JOIN texts t ON t.rowid = fts.rowid
             WHERE fts MATCH ?1 ORDER BY bm25(fts, 4.0, 1.0)",
        )?;
        let rows = stmt.query_map([query], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
        })?;
        let mut out = vec![];
        for r in rows {
            // Texts another process added since this reader loaded are not its articles.
            if let Some(&a) = position.get(&r?) {
                out.push(a);
            }
        }
        Ok(out)
    };
    let found = if q.groups.is_empty() {
        allowed.to_vec()
    } else {
        matching(q.fts())?
    };
    if q.excluded.is_empty() {
        return Ok(found);
    }
    let out: std::collections::HashSet<usize> = matching(q.fts_excluded())?.into_iter().collect();
    Ok(found.into_iter().filter(|a| !out.contains(a)).collect())
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
        let articles = [
            article("Raketen", "Pjöngjang testet eine Rakete."),
            article("Pjöngjang", "Nichts Neues hier."),
            article("Wetter", "Sonne in Rom."),
        ];
        let index = SearchIndex::build(&articles);
        let none = Entities::default();
        let s = |q: &str| index.search(q, &articles, &none);
        assert_eq!(s("pjongjang"), [1, 0]);
        assert_eq!(s("PJÖNGJANG rakete"), [0]);
        assert_eq!(s("\"testet eine\""), [0]);
        assert_eq!(s("  "), [0, 1, 2]);
        assert!(s("hagel").is_empty());
        // -word excludes, OR alternates, ae finds ä.
        assert_eq!(s("pjongjang -rakete"), [1]);
        assert_eq!(s("-pjongjang"), [2]);
        assert_eq!(s("hagel OR sonne"), [2]);
        assert_eq!(s("raketen OR wetter"), [0, 2]);
        let umlaut = [article("Der Präsident", "Rede.")];
        let index = SearchIndex::build(&umlaut);
        assert_eq!(index.search("praesident", &umlaut, &none), [0]);
        assert!(index.search("date:garbage", &umlaut, &none).is_empty());
    }
}
