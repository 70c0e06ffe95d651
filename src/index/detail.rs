//! Everything two linked articles share, for the reader's detail view of a related entry
//! (the panel has one line for the reasons, which holds three): every shared entity, rarest
//! first; every shared content word (cognates across languages), rarer words first; every
//! shared number; and the two dates. Computed from the two articles alone, when asked.

use super::features::{Bag, bags};
use crate::corpus::Article;
use crate::nlp::Entities;

/// What two articles share.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shared {
    /// Entity indices, in the fewest articles first.
    pub entities: Vec<usize>,
    /// Content words outside names, as the first article writes them; across languages the
    /// cognates after them ("Präsident ~ president"). Everyday words last.
    pub words: Vec<String>,
    pub numbers: Vec<String>,
}

/// What articles `a` and `b` share.
pub fn shared(articles: &[Article], entities: &Entities, a: usize, b: usize) -> Shared {
    let ids = |x: usize| {
        let mut v: Vec<usize> = entities.mentions[x].iter().map(|m| m.entity).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let theirs = ids(b);
    let mut common: Vec<usize> = ids(a)
        .into_iter()
        .filter(|e| theirs.binary_search(e).is_ok())
        .collect();
    common.sort_by_key(|&e| (entities.list[e].articles.len(), e));
    let ([ta, ca, na], _) = bags(&articles[a], &entities.mentions[a]);
    let ([tb, cb, nb], _) = bags(&articles[b], &entities.mentions[b]);
    // The keys of one bag found in the other, in the first's order, rarer (not everyday) first.
    let meet = |x: &Bag<'_>, y: &Bag<'_>| -> Vec<(String, bool)> {
        let keys: std::collections::HashSet<&str> = y.iter().map(|k| k.0.as_str()).collect();
        let mut found: Vec<(String, bool)> = x
            .iter()
            .filter(|k| keys.contains(k.0.as_str()))
            .map(|k| (k.1.to_owned(), k.3))
            .collect();
        found.sort_by_key(|f| f.1);
        found
    };
    let mut words: Vec<(String, bool)> = meet(&ta, &tb);
    if articles[a].lang != articles[b].lang {
        let theirs: std::collections::HashMap<&str, &str> =
            cb.iter().map(|k| (k.0.as_str(), k.1)).collect();
        for k in &ca {
            if let Some(other) = theirs.get(k.0.as_str()) {
                let w = if k.1.to_lowercase() == other.to_lowercase() {
                    k.1.to_owned()
                } else {
                    format!("{} ~ {}", k.1, other)
                };
                if !words.iter().any(|x| x.0 == k.1) {
                    words.push((w, k.3));
                }
            }
        }
        words.sort_by_key(|w| w.1);
    }
    let mut seen = std::collections::HashSet::new();
    let words = words
        .into_iter()
        .map(|w| w.0)
        .filter(|w| seen.insert(w.to_lowercase()))
        .collect();
    Shared {
        entities: common,
        words,
        numbers: meet(&na, &nb).into_iter().map(|n| n.0).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(lang: &str, title: &str, body: &str) -> Article {
        Article {
            id: title.into(),
            source: format!("{title}.txt"),
            title: title.into(),
            lang: lang.into(),
            date: None,
            url: None,
            site: None,
            body: body.into(),
        }
    }

    /// Every shared name, word and number is there, not only the three a panel line holds.
    #[test]
    fn every_shared_entity_word_and_number_is_listed() {
        let articles = vec![
            article(
                "de",
                "Gipfel in Moskau",
                "Andrej Rudenko traf Liu Xiaoming in Moskau. Die Delegation sprach über \
                 Sanktionen, Raketen und das Budget von 2019 mit 1500 Millionen.",
            ),
            article(
                "de",
                "Gespräche in Moskau",
                "Die Delegation von Andrej Rudenko und Liu Xiaoming sprach in Moskau über \
                 Raketen und Sanktionen; 2019 waren es 1500 Millionen.",
            ),
        ];
        let entities = crate::nlp::analyze(&articles);
        let s = shared(&articles, &entities, 0, 1);
        let names: Vec<&str> = s
            .entities
            .iter()
            .map(|&e| entities.list[e].name.as_str())
            .collect();
        assert!(names.len() >= 3, "{names:?}");
        for w in ["Delegation", "Sanktionen", "Raketen", "Millionen"] {
            assert!(s.words.iter().any(|x| x == w), "{w} in {:?}", s.words);
        }
        assert_eq!(s.numbers, ["2019", "1500"]);
    }
}
