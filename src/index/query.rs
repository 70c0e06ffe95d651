//! What a `/` search says: words (a `"quoted phrase"` is one, a trailing `*` makes a prefix)
//! and filters — `entity:NAME` (an entity's name or any alias, in any language, case and
//! accents ignored; quote a name of several words), `lang:de`, `date:2024`, `date:2024-03`,
//! `date:2024-01..2024-03`. Every part must hold. Parsing is the same whichever index answers
//! the words (memory or the persistent index's FTS5).

use crate::corpus::Article;
use crate::nlp::Entities;
use crate::nlp::fold::fold_into;

/// A parsed search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases, folded (lower case, no accents), each with whether it is a prefix.
    pub words: Vec<(String, bool)>,
    /// Folded entity names; an article must mention one entity per name.
    pub entities: Vec<String>,
    pub lang: Option<String>,
    /// Inclusive, as date prefixes ("2024-03").
    pub date: Option<(String, String)>,
}

fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// Splits on whitespace, keeping `"…"` together (quotes removed, a `key:"…"` too).
fn tokens(q: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    let mut quoted = false;
    for c in q.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                // A phrase stays one token: mark it so that it is not a filter.
                if quoted && cur.is_empty() {
                    cur.push('\u{1}');
                }
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut out = Query::default();
        for t in tokens(q) {
            if let Some(phrase) = t.strip_prefix('\u{1}') {
                let f = fold(phrase);
                if !f.trim().is_empty() {
                    out.words.push((f.trim().to_owned(), false));
                }
                continue;
            }
            let (key, value) = t.split_once(':').unwrap_or(("", ""));
            match key.to_ascii_lowercase().as_str() {
                "entity" | "e" if !value.is_empty() => out.entities.push(fold(value)),
                "lang" | "l" if !value.is_empty() => out.lang = Some(value.to_ascii_lowercase()),
                "date" | "d" if !value.is_empty() => {
                    let (from, to) = value.split_once("..").unwrap_or((value, value));
                    out.date = Some((from.to_owned(), to.to_owned()));
                }
                _ => {
                    let prefix = t.ends_with('*');
                    let f = fold(t.trim_end_matches('*'));
                    if !f.is_empty() {
                        out.words.push((f, prefix));
                    }
                }
            }
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && !self.has_filters()
    }

    pub fn has_filters(&self) -> bool {
        !self.entities.is_empty() || self.lang.is_some() || self.date.is_some()
    }

    /// The articles the filters let through (every article without filters), ascending.
    pub fn filter(&self, articles: &[Article], entities: &Entities) -> Vec<usize> {
        let mut keep: Vec<bool> = articles
            .iter()
            .map(|a| {
                self.lang.as_ref().is_none_or(|l| a.lang == *l)
                    && self.date.as_ref().is_none_or(|(from, to)| {
                        a.date.as_deref().is_some_and(|d| {
                            d.get(..from.len()).is_some_and(|p| p >= from.as_str())
                                && d.get(..to.len()).is_some_and(|p| p <= to.as_str())
                        })
                    })
            })
            .collect();
        for name in &self.entities {
            let mut mentioned = vec![false; articles.len()];
            for e in &entities.list {
                let hit = std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|n| fold(n) == *name)
                    || fold(&e.id.replace('_', " ")) == *name;
                if hit {
                    for &a in &e.articles {
                        mentioned[a] = true;
                    }
                }
            }
            for (k, m) in keep.iter_mut().zip(mentioned) {
                *k &= m;
            }
        }
        keep.iter()
            .enumerate()
            .filter_map(|(i, &k)| k.then_some(i))
            .collect()
    }

    /// The words as an FTS5 query: each a quoted string (a prefix gets `*`), all required.
    pub fn fts(&self) -> String {
        self.words
            .iter()
            .map(|(w, prefix)| {
                format!(
                    "\"{}\"{}",
                    w.replace('"', "\"\""),
                    if *prefix { "*" } else { "" }
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Entity, Kind};

    #[test]
    fn words_phrases_prefixes_and_filters() {
        let q = Query::parse(
            r#"Kim "Corea del Nord" rak* entity:"Andrej Rudenko" lang:DE date:2024-01..2024-03"#,
        );
        assert_eq!(
            q.words,
            [
                ("kim".to_owned(), false),
                ("corea del nord".to_owned(), false),
                ("rak".to_owned(), true)
            ]
        );
        assert_eq!(q.entities, ["andrej rudenko"]);
        assert_eq!(q.lang.as_deref(), Some("de"));
        assert_eq!(q.date, Some(("2024-01".into(), "2024-03".into())));
        assert_eq!(q.fts(), r#""kim" "corea del nord" "rak"*"#);
        // A colon in a word that is no filter is a word; an empty filter is nothing.
        let q = Query::parse("12:30 lang:");
        assert_eq!(q.words, [("12:30".into(), false), ("lang:".into(), false)]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn filters_by_language_date_and_entity_in_any_spelling() {
        let art = |lang: &str, date: Option<&str>| Article {
            lang: lang.into(),
            date: date.map(str::to_owned),
            ..Article::default()
        };
        let articles = [
            art("de", Some("2024-03-19")),
            art("it", Some("2024-02-01T10:00:00Z")),
            art("de", None),
            art("en", Some("2023-12-31")),
        ];
        let entities = Entities {
            list: vec![Entity {
                id: "pyongyang".into(),
                name: "Pyongyang".into(),
                kind: Kind::Place,
                aliases: vec!["Pjöngjang".into()],
                articles: vec![0, 1],
            }],
            mentions: vec![],
        };
        let f = |q: &str| Query::parse(q).filter(&articles, &entities);
        assert_eq!(f("lang:de"), [0, 2]);
        assert_eq!(f("date:2024"), [0, 1]);
        assert_eq!(f("date:2024-02..2024-03"), [0, 1]);
        assert_eq!(f("date:2023-12-31"), [3]);
        assert_eq!(f("entity:pjongjang"), [0, 1]);
        assert_eq!(f("entity:PYONGYANG lang:it"), [1]);
        assert_eq!(f("entity:seoul"), Vec::<usize>::new());
        assert_eq!(f("anything"), [0, 1, 2, 3]);
    }
}
