//! What a `/` search says: words (a `"quoted phrase"` is one, a trailing `*` makes a prefix;
//! `-word` excludes, `a OR b` takes either; a German `ae`, `oe`, `ue` also finds ä, ö, ü,
//! "praesident" finds Präsident) and filters — `entity:NAME` (an entity's name or any alias,
//! in any language, case and accents ignored; quote a name of several words), `lang:de`,
//! `date:2024`, `date:2024-03`, `date:2024-01..2024-03`. Every part must hold; a filter that
//! cannot be read is a problem to tell, never a silent "nothing matches". Parsing is the same
//! whichever index answers the words (memory or the persistent index's FTS5).

use crate::corpus::Article;
use crate::nlp::Entities;
use crate::nlp::fold::fold_into;

/// A parsed search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// What must be there: per group, words or phrases folded (lower case, no accents), each
    /// with whether it is a prefix, any one of which will do (`a OR b`, a transliteration).
    pub groups: Vec<Vec<(String, bool)>>,
    /// Words and phrases that must not be there (`-word`).
    pub excluded: Vec<(String, bool)>,
    /// Parts that could not be read (`date:garbage`), each a sentence for the status line.
    pub problems: Vec<String>,
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

/// Whether `d` is a date prefix a filter can hold: 2024, 2024-03, 2024-03-19.
fn is_date_prefix(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// `w` and, when it spells an umlaut the German way without one (ae, oe, ue), the word with
/// the plain vowel that folding leaves of ä, ö, ü: "praesident" also finds "Präsident".
fn with_transliteration(w: String, prefix: bool) -> Vec<(String, bool)> {
    let plain = w.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    if plain != w {
        vec![(w, prefix), (plain, prefix)]
    } else {
        vec![(w, prefix)]
    }
}

impl Query {
    pub fn parse(q: &str) -> Query {
        let mut out = Query::default();
        // `OR` joins the next word to the last group.
        let mut or_next = false;
        for t in tokens(q) {
            let (negated, t) = match t.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest.to_owned()),
                _ => (false, t),
            };
            if !negated && t == "OR" {
                or_next = !out.groups.is_empty();
                continue;
            }
            let word = if let Some(phrase) = t.strip_prefix('\u{1}') {
                let f = fold(phrase);
                Some((f.trim().to_owned(), false)).filter(|(f, _)| !f.is_empty())
            } else {
                let (key, value) = t.split_once(':').unwrap_or(("", ""));
                match key.to_ascii_lowercase().as_str() {
                    "entity" | "e" if !value.is_empty() => {
                        out.entities.push(fold(value));
                        None
                    }
                    "lang" | "l" if !value.is_empty() => {
                        out.lang = Some(value.to_ascii_lowercase());
                        None
                    }
                    "date" | "d" if !value.is_empty() => {
                        let (from, to) = value.split_once("..").unwrap_or((value, value));
                        if is_date_prefix(from) && is_date_prefix(to) {
                            out.date = Some((from.to_owned(), to.to_owned()));
                        } else {
                            out.problems.push(format!(
                                "{t}: not a date (date:2024, date:2024-03, date:2024-03-19, date:2024-01..2024-03)"
                            ));
                        }
                        None
                    }
                    _ => {
                        let prefix = t.ends_with('*');
                        let f = fold(t.trim_end_matches('*'));
                        Some((f, prefix)).filter(|(f, _)| !f.is_empty())
                    }
                }
            };
            let Some((w, prefix)) = word else {
                or_next = false;
                continue;
            };
            let alternatives = with_transliteration(w, prefix);
            if negated {
                out.excluded.extend(alternatives);
            } else if or_next {
                out.groups
                    .last_mut()
                    .expect("a group before OR")
                    .extend(alternatives);
            } else {
                out.groups.push(alternatives);
            }
            or_next = false;
        }
        out
    }

    /// Every word and phrase asked for (any alternative), for marking them in the text.
    pub fn wanted(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flatten().map(|(w, _)| w.as_str())
    }

    /// Whether the search has words, wanted or excluded.
    pub fn has_words(&self) -> bool {
        !self.groups.is_empty() || !self.excluded.is_empty()
    }

    pub fn is_empty(&self) -> bool {
        !self.has_words() && !self.has_filters()
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

    /// The wanted words as an FTS5 query: each a quoted string (a prefix gets `*`), the
    /// alternatives of a group joined by OR, every group required. Empty without groups.
    pub fn fts(&self) -> String {
        self.groups
            .iter()
            .map(|g| {
                let alts: Vec<String> = g.iter().map(|(w, p)| fts_term(w, *p)).collect();
                if alts.len() == 1 {
                    alts[0].clone()
                } else {
                    format!("({})", alts.join(" OR "))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The excluded words as an FTS5 query that matches any of them.
    pub fn fts_excluded(&self) -> String {
        self.excluded
            .iter()
            .map(|(w, p)| fts_term(w, *p))
            .collect::<Vec<_>>()
            .join(" OR ")
    }
}

fn fts_term(w: &str, prefix: bool) -> String {
    format!(
        "\"{}\"{}",
        w.replace('"', "\"\""),
        if prefix { "*" } else { "" }
    )
}

#[cfg(test)]
mod parse_tests {
    use super::*;

    fn group(words: &[&str]) -> Vec<(String, bool)> {
        words.iter().map(|w| (w.to_string(), false)).collect()
    }

    /// `trump -clinton` required both words; `OR` alternates; `date:garbage` said "no
    /// article matches"; `praesident` did not find Präsident.
    #[test]
    fn exclusions_alternatives_transliterations_and_problems() {
        let q = Query::parse("trump -clinton");
        assert_eq!(q.groups, [group(&["trump"])]);
        assert_eq!(q.excluded, group(&["clinton"]));
        let q = Query::parse("merkel OR scholz berlin");
        assert_eq!(q.groups, [group(&["merkel", "scholz"]), group(&["berlin"])]);
        assert_eq!(q.fts(), r#"("merkel" OR "scholz") "berlin""#);
        let q = Query::parse("praesident");
        assert_eq!(q.groups, [group(&["praesident", "prasident"])]);
        let q = Query::parse("date:garbage kim");
        assert_eq!(q.date, None);
        assert_eq!(q.problems.len(), 1);
        assert!(q.problems[0].starts_with("date:garbage: not a date"));
        assert!(Query::parse("date:2024-03..2024-04").problems.is_empty());
        assert!(!Query::parse("date:2024-3").problems.is_empty());
        // A lone dash is a word, not an exclusion of nothing; OR first joins nothing.
        assert_eq!(Query::parse("-").groups, [group(&["-"])]);
        assert_eq!(Query::parse("OR kim").groups, [group(&["kim"])]);
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
            q.groups,
            [
                vec![("kim".to_owned(), false)],
                vec![("corea del nord".to_owned(), false)],
                vec![("rak".to_owned(), true)]
            ]
        );
        assert_eq!(q.entities, ["andrej rudenko"]);
        assert_eq!(q.lang.as_deref(), Some("de"));
        assert_eq!(q.date, Some(("2024-01".into(), "2024-03".into())));
        assert_eq!(q.fts(), r#""kim" "corea del nord" "rak"*"#);
        // A colon in a word that is no filter is a word; an empty filter is nothing.
        let q = Query::parse("12:30 lang:");
        assert_eq!(
            q.groups,
            [vec![("12:30".into(), false)], vec![("lang:".into(), false)]]
        );
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
