//! The entity finder's index: fuzzy matching (fuzzy-matcher's skim algorithm) over every entity's name
//! and all its aliases in every language, blind to case and accents ("pjongjang" finds
//! Pjöngjang), showing the alias that matched with the matched letters marked.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::nlp::Entities;
use crate::nlp::fold::fold_into;

/// One searchable form of an entity.
#[derive(Clone)]
struct Entry {
    entity: usize,
    alias: String,
    folded: String,
    /// For each char of `folded`, the index of the char of `alias` it came from.
    origin: Vec<usize>,
}

/// All names and aliases, folded once.
#[derive(Clone)]
pub struct FinderIndex {
    entries: Vec<Entry>,
}

/// One entity found: the alias that matched best and the matched characters of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub entity: usize,
    pub alias: String,
    /// Char indices into `alias`.
    pub matched: Vec<usize>,
    pub score: i64,
    /// A bare name kept apart per article because it is ambiguous ("Clinton" in eight
    /// articles, not resolved to one person): every such entity of that name, `entity` first.
    /// Empty for an ordinary hit.
    pub group: Vec<usize>,
}

impl Hit {
    /// The entities the hit stands for.
    pub fn entities(&self) -> Vec<usize> {
        if self.group.is_empty() {
            vec![self.entity]
        } else {
            self.group.clone()
        }
    }
}

/// Whether an entity is a bare name left unresolved in one article (its id is the name's
/// and the article's: `clinton@0038`).
pub fn is_unresolved(id: &str) -> bool {
    id.contains('@')
}

/// Unresolved bare names of one name and kind become one hit, where the best of them ranked.
fn group_unresolved(entities: &Entities, hits: Vec<Hit>) -> Vec<Hit> {
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    let mut at: std::collections::HashMap<(String, crate::nlp::Kind), usize> =
        std::collections::HashMap::new();
    for hit in hits {
        let e = &entities.list[hit.entity];
        if !is_unresolved(&e.id) {
            out.push(hit);
            continue;
        }
        let key = (e.name.clone(), e.kind);
        match at.get(&key) {
            Some(&i) => out[i].group.push(hit.entity),
            None => {
                at.insert(key, out.len());
                let first = hit.entity;
                out.push(Hit {
                    group: vec![first],
                    ..hit
                });
            }
        }
    }
    // A group of one is an ordinary hit.
    for h in &mut out {
        if h.group.len() == 1 {
            h.group.clear();
        }
    }
    out
}

impl FinderIndex {
    pub fn build(entities: &Entities) -> FinderIndex {
        let mut entries = Vec::new();
        for (i, e) in entities.list.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                // An index made before names were bounded may hold endless ones.
                if alias.len() > MAX_ALIAS_BYTES {
                    continue;
                }
                let (folded, origin) = fold_with_origin(alias);
                if seen.insert(folded.clone()) {
                    entries.push(Entry {
                        entity: i,
                        alias: alias.clone(),
                        folded,
                        origin,
                    });
                }
            }
        }
        FinderIndex { entries }
    }

    /// The entities matching `query`, best first (ties: more articles, then name).
    pub fn find(&self, entities: &Entities, query: &str, limit: usize) -> Vec<Hit> {
        // The matcher's work is alias length × query length per alias: both are bounded.
        let query: String = query.trim().chars().take(MAX_QUERY_CHARS).collect();
        let (q, _) = fold_with_origin(&query);
        // `@person`, `@place`, `@org`, `@other` (or any start of them) as a word of the query
        // keep that kind of entity only.
        let mut kinds: Vec<crate::nlp::Kind> = vec![];
        let mut rest: Vec<&str> = vec![];
        for w in q.split_whitespace() {
            match w.strip_prefix('@') {
                Some(k) => kinds.extend(kind_named(k)),
                None => rest.push(w),
            }
        }
        let q = rest.join(" ");
        let kind_ok = |e: usize| kinds.is_empty() || kinds.contains(&entities.list[e].kind);
        let mut best: std::collections::HashMap<usize, Hit> = std::collections::HashMap::new();
        if q.is_empty() {
            // No query yet: the most mentioned entities.
            let mut all: Vec<usize> = (0..entities.list.len()).filter(|&e| kind_ok(e)).collect();
            all.sort_by_key(|&e| {
                (
                    std::cmp::Reverse(entities.list[e].articles.len()),
                    entities.list[e].name.clone(),
                )
            });
            let hits = all
                .into_iter()
                .map(|e| Hit {
                    entity: e,
                    alias: entities.list[e].name.clone(),
                    matched: vec![],
                    score: 0,
                    group: vec![],
                })
                .collect();
            let mut hits = group_unresolved(entities, hits);
            hits.truncate(limit);
            return hits;
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        // Words in any order ("rudenko andrei"); a query word that is a whole word of the name
        // (or begins one) outranks a loose subsequence ("obama" is not "Go Breaking My Heart").
        let words: Vec<&str> = q.split_whitespace().collect();
        for entry in &self.entries {
            if !kind_ok(entry.entity) {
                continue;
            }
            let mut score = 0i64;
            let mut idx: Vec<usize> = vec![];
            let mut all = true;
            for w in &words {
                match matcher.fuzzy_indices(&entry.folded, w) {
                    Some((s, ix)) if close_enough(&entry.folded, w, &ix) => {
                        score += s;
                        idx.extend(ix);
                    }
                    _ => {
                        all = false;
                        break;
                    }
                }
            }
            if !all {
                continue;
            }
            let name_words: Vec<&str> = entry
                .folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            for w in &words {
                if name_words.contains(w) {
                    score += WHOLE_WORD;
                } else if name_words.iter().any(|n| n.starts_with(w)) {
                    score += WORD_START;
                }
            }
            idx.sort_unstable();
            idx.dedup();
            // Prefer the entity's own name on equal scores.
            let better = best.get(&entry.entity).is_none_or(|h| score > h.score);
            if better {
                let mut matched: Vec<usize> = idx.iter().map(|&i| entry.origin[i]).collect();
                matched.dedup();
                best.insert(
                    entry.entity,
                    Hit {
                        entity: entry.entity,
                        alias: entry.alias.clone(),
                        matched,
                        score,
                        group: vec![],
                    },
                );
            }
        }
        let mut hits: Vec<Hit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(
                    entities.list[b.entity]
                        .articles
                        .len()
                        .cmp(&entities.list[a.entity].articles.len()),
                )
                .then(
                    entities.list[a.entity]
                        .name
                        .cmp(&entities.list[b.entity].name),
                )
        });
        let mut hits = group_unresolved(entities, hits);
        hits.truncate(limit);
        hits
    }
}

/// Aliases longer than a name can be ([`crate::nlp::recognize::MAX_NAME_BYTES`], with room
/// for the lexicon's own) are not matched.
const MAX_ALIAS_BYTES: usize = 200;
/// A query is matched on its first this many characters: no name is longer.
pub const MAX_QUERY_CHARS: usize = 100;

/// Score added per query word that is a whole word of the name, or the start of one: more
/// than any fuzzy score of a name's length.
const WHOLE_WORD: i64 = 10_000;
const WORD_START: i64 = 5_000;

/// The kind a finder word `@k` names: any start of person, place, organization (org),
/// other.
fn kind_named(k: &str) -> Option<crate::nlp::Kind> {
    use crate::nlp::Kind;
    if k.is_empty() {
        return None;
    }
    [
        ("person", Kind::Person),
        ("people", Kind::Person),
        ("place", Kind::Place),
        ("organization", Kind::Organization),
        ("organisation", Kind::Organization),
        ("org", Kind::Organization),
        ("other", Kind::Other),
    ]
    .into_iter()
    .find(|(name, _)| name.starts_with(k))
    .map(|(_, kind)| kind)
}

/// Whether a fuzzy match of query word `w` at char indices `ix` of `folded` is one a person
/// meant: its letters close together (spread over at most twice the word's length, or three
/// more), or each the start of a word (an acronym: "nk" for North Korea). "putin" once found
/// "Pulau Tioman" and "Motion Picture Association of America".
fn close_enough(folded: &str, w: &str, ix: &[usize]) -> bool {
    let (Some(&first), Some(&last)) = (ix.first(), ix.last()) else {
        return true;
    };
    let n = w.chars().count();
    if last - first < (2 * n).max(n + 3) {
        return true;
    }
    let chars: Vec<char> = folded.chars().collect();
    ix.iter()
        .all(|&i| i == 0 || chars.get(i - 1).is_some_and(|c| !c.is_alphanumeric()))
}

/// Folded text and, per folded char, the original char it came from.
fn fold_with_origin(s: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    let mut buf = String::new();
    for (i, c) in s.chars().enumerate() {
        buf.clear();
        let mut tmp = [0u8; 4];
        fold_into(c.encode_utf8(&mut tmp), &mut buf);
        for f in buf.chars() {
            folded.push(f);
            origin.push(i);
        }
    }
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_maps_folded_chars_back() {
        let (f, o) = fold_with_origin("Straße Ö");
        assert_eq!(f, "strasse o");
        assert_eq!(o, [0, 1, 2, 3, 4, 4, 5, 6, 7]);
    }
}

#[cfg(test)]
mod ranking_tests {
    use super::*;
    use crate::nlp::{Entity, Kind};

    fn entities(names: &[&str]) -> Entities {
        Entities {
            list: names
                .iter()
                .map(|n| Entity {
                    id: n.to_lowercase().replace(' ', "_"),
                    name: n.to_string(),
                    kind: Kind::Person,
                    aliases: vec![],
                    articles: vec![0],
                })
                .collect(),
            mentions: vec![],
        }
    }

    /// `obama` ranked "Go Breaking My Heart" first; "rudenko andrei" found nothing.
    #[test]
    fn whole_words_in_any_order_rank_first() {
        let e = entities(&["Go Breaking My Heart", "Barack Obama", "Andrei Rudenko"]);
        let index = FinderIndex::build(&e);
        let first = |q: &str| {
            index
                .find(&e, q, 10)
                .first()
                .map(|h| e.list[h.entity].name.clone())
        };
        assert_eq!(first("obama").as_deref(), Some("Barack Obama"));
        assert_eq!(first("rudenko andrei").as_deref(), Some("Andrei Rudenko"));
        assert_eq!(first("rud and").as_deref(), Some("Andrei Rudenko"));
    }

    /// The names of the entities `q` finds, best first.
    fn found_names(index: &FinderIndex, e: &Entities, q: &str) -> Vec<String> {
        index
            .find(e, q, 10)
            .iter()
            .map(|h| e.list[h.entity].name.clone())
            .collect()
    }

    /// On a corpus without Putin, `putin` found "Pulau Tioman" and "Motion Picture
    /// Association of America": loose subsequences are no match. Close ones and acronyms are.
    #[test]
    fn loose_subsequences_are_no_match() {
        let e = entities(&[
            "Pulau Tioman",
            "Motion Picture Association of America",
            "Wladimir Putin",
            "North Korea",
        ]);
        let index = FinderIndex::build(&e);
        let names = |q: &str| found_names(&index, &e, q);
        assert_eq!(names("putin"), ["Wladimir Putin"]);
        assert_eq!(names("ptin"), ["Wladimir Putin"]);
        assert_eq!(names("nk"), ["North Korea"]);
        let e2 = entities(&["Pulau Tioman", "Motion Picture Association of America"]);
        assert!(FinderIndex::build(&e2).find(&e2, "putin", 10).is_empty());
    }

    /// `@place`, `@org`, `@person` as a word of the query keep that kind only.
    #[test]
    fn a_kind_word_keeps_that_kind() {
        let mut e = entities(&["Berlin", "Bernd Lucke", "Berliner Zeitung"]);
        e.list[0].kind = Kind::Place;
        e.list[2].kind = Kind::Organization;
        let index = FinderIndex::build(&e);
        let names = |q: &str| found_names(&index, &e, q);
        assert_eq!(names("ber @place"), ["Berlin"]);
        assert_eq!(names("@org ber"), ["Berliner Zeitung"]);
        assert_eq!(names("@pers ber"), ["Bernd Lucke"]);
        assert_eq!(names("@org"), ["Berliner Zeitung"]);
        assert_eq!(names("ber").len(), 3);
    }

    /// Eight rows of "Clinton" (a bare surname kept per article because it is ambiguous)
    /// cluttered the finder: they are one row that stands for all of them.
    #[test]
    fn unresolved_bare_names_are_one_row() {
        let mut e = entities(&["Clinton", "Clinton", "Clinton", "Hillary Clinton"]);
        for (i, id) in ["clinton@0038", "clinton@0059", "clinton@0074"]
            .iter()
            .enumerate()
        {
            e.list[i].id = (*id).into();
            e.list[i].articles = vec![i];
        }
        let index = FinderIndex::build(&e);
        let hits = index.find(&e, "clinton", 10);
        assert_eq!(hits.len(), 2, "{hits:?}");
        let group = hits.iter().find(|h| !h.group.is_empty()).expect("a group");
        let mut members = group.entities();
        members.sort_unstable();
        assert_eq!(members, [0, 1, 2]);
        let alone = hits.iter().find(|h| h.group.is_empty()).unwrap();
        assert_eq!(alone.entities(), [3]);
        // With no query too.
        assert_eq!(index.find(&e, "", 10).len(), 2);
    }

    /// 16 keys into the finder on an article with a 1 MB "name" peaked at 1.36 GB: the matcher
    /// works name length × query length. Long aliases and long queries are bounded.
    #[test]
    fn endless_names_and_queries_cost_nothing() {
        let long = "Aaaa ".repeat(200_000);
        let e = entities(&[long.trim(), "Andrei Rudenko"]);
        let index = FinderIndex::build(&e);
        assert_eq!(index.entries.len(), 1);
        let t = std::time::Instant::now();
        let query = "a".repeat(1_000_000);
        assert!(index.find(&e, &query, 10).is_empty());
        assert_eq!(index.find(&e, "rudenko", 10).len(), 1);
        assert!(
            t.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            t.elapsed()
        );
    }
}
