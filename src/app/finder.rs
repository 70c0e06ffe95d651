//! The entity finder: fuzzy matching (fuzzy-matcher's skim algorithm) over every entity's name
//! and all its aliases in every language, blind to case and accents ("pjongjang" finds
//! Pjöngjang), showing the alias that matched with the matched letters marked.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::nlp::Entities;
use crate::nlp::fold::fold_into;

/// One searchable form of an entity.
struct Entry {
    entity: usize,
    alias: String,
    folded: String,
    /// For each char of `folded`, the index of the char of `alias` it came from.
    origin: Vec<usize>,
}

/// All names and aliases, folded once.
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
}

impl FinderIndex {
    pub fn build(entities: &Entities) -> FinderIndex {
        let mut entries = Vec::new();
        for (i, e) in entities.list.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
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
        let (q, _) = fold_with_origin(query.trim());
        let mut best: std::collections::HashMap<usize, Hit> = std::collections::HashMap::new();
        if q.is_empty() {
            // No query yet: the most mentioned entities.
            let mut all: Vec<usize> = (0..entities.list.len()).collect();
            all.sort_by_key(|&e| {
                (
                    std::cmp::Reverse(entities.list[e].articles.len()),
                    entities.list[e].name.clone(),
                )
            });
            return all
                .into_iter()
                .take(limit)
                .map(|e| Hit {
                    entity: e,
                    alias: entities.list[e].name.clone(),
                    matched: vec![],
                    score: 0,
                })
                .collect();
        }
        let matcher = SkimMatcherV2::default().ignore_case();
        for entry in &self.entries {
            let Some((score, idx)) = matcher.fuzzy_indices(&entry.folded, &q) else {
                continue;
            };
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
        hits.truncate(limit);
        hits
    }
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

/// The finder popup's state.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
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
