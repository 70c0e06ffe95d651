//! What an article is made of, for comparing it with others: a vector of its entities
//! (weighted by how often it names them and how rare they are in the corpus — an entity in
//! every article explains nothing), of its content words (for articles in the same language),
//! and of the numbers it cites (which survive translation: "19 marzo" and "19. März").

use rustc_hash::{FxHashMap, FxHashSet};

use super::sparse::Sparse;
use crate::corpus::Article;
use crate::nlp::fold::fold_into;
use crate::nlp::{Entities, Field, Kind};

/// Per article: entity, term and number vectors, and its date as a day number.
pub struct Features {
    pub entities: Vec<Sparse>,
    pub terms: Vec<Sparse>,
    pub numbers: Vec<Sparse>,
    pub days: Vec<Option<i64>>,
    /// Articles mentioning each entity.
    pub entity_df: Vec<u32>,
}

/// Inverse document frequency: rare keys weigh more.
fn idf(n: usize, df: usize) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

impl Features {
    pub fn build(articles: &[Article], entities: &Entities) -> Features {
        let n = articles.len();
        // Entities: mention counts, a title mention counting double.
        let counts: Vec<FxHashMap<u32, f32>> = entities
            .mentions
            .iter()
            .map(|ms| {
                let mut c = FxHashMap::default();
                for m in ms {
                    *c.entry(m.entity as u32).or_insert(0.0) +=
                        if m.field == Field::Title { 2.0 } else { 1.0 };
                }
                c
            })
            .collect();
        let entity_df: Vec<u32> = entities
            .list
            .iter()
            .map(|e| e.articles.len() as u32)
            .collect();
        let entity_vecs = counts
            .iter()
            .map(|c| {
                Sparse::normalized(
                    c.iter()
                        .map(|(&e, &tf)| {
                            // A name of unknown kind is a weaker clue than a person, place or organisation.
                            let kind = if entities.list[e as usize].kind == Kind::Other {
                                0.5
                            } else {
                                1.0
                            };
                            (
                                e,
                                (1.0 + tf.ln()) * idf(n, entity_df[e as usize] as usize) * kind,
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        let (terms, numbers) = words(articles);
        Features {
            entities: entity_vecs,
            terms,
            numbers,
            days: articles
                .iter()
                .map(|a| a.date.as_deref().and_then(day_number))
                .collect(),
            entity_df,
        }
    }
}

/// Term and number vectors of every article.
fn words(articles: &[Article]) -> (Vec<Sparse>, Vec<Sparse>) {
    let stop: FxHashSet<String> = crate::corpus::lang::FUNCTION_WORDS
        .iter()
        .flat_map(|(_, w)| w.iter().map(|w| crate::nlp::fold::fold_word(w)))
        .collect();
    let mut term_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut number_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut term_counts: Vec<FxHashMap<u32, f32>> = Vec::with_capacity(articles.len());
    let mut number_counts: Vec<FxHashMap<u32, f32>> = Vec::with_capacity(articles.len());
    let mut folded = String::new();
    for a in articles {
        let mut tc: FxHashMap<u32, f32> = FxHashMap::default();
        let mut nc: FxHashMap<u32, f32> = FxHashMap::default();
        for text in [a.title.as_str(), a.body.as_str()] {
            for word in text
                .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
                .filter(|w| !w.is_empty())
            {
                let word = word.trim_matches(['.', ',']);
                if word.chars().any(|c| c.is_ascii_digit()) {
                    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                    if digits.len() >= 2
                        && digits.len() == word.chars().filter(|c| c.is_alphanumeric()).count()
                    {
                        let next = number_ids.len() as u32;
                        *nc.entry(*number_ids.entry(digits).or_insert(next))
                            .or_insert(0.0) += 1.0;
                    }
                    continue;
                }
                for part in word.split(['.', ',']).filter(|p| p.chars().count() >= 4) {
                    folded.clear();
                    fold_into(part, &mut folded);
                    if stop.contains(folded.as_str()) {
                        continue;
                    }
                    // A seven-letter prefix is a crude but language-blind stem
                    // (Koalition/Koalitionen, relazione/relazioni).
                    let stem: String = folded.chars().take(7).collect();
                    let next = term_ids.len() as u32;
                    *tc.entry(*term_ids.entry(stem).or_insert(next))
                        .or_insert(0.0) += 1.0;
                }
            }
        }
        term_counts.push(tc);
        number_counts.push(nc);
    }
    (
        weigh(&term_counts, term_ids.len()),
        weigh(&number_counts, number_ids.len()),
    )
}

/// (1 + ln tf) · idf, normalised.
fn weigh(counts: &[FxHashMap<u32, f32>], keys: usize) -> Vec<Sparse> {
    let mut df = vec![0usize; keys];
    for c in counts {
        for &k in c.keys() {
            df[k as usize] += 1;
        }
    }
    let n = counts.len();
    counts
        .iter()
        .map(|c| {
            Sparse::normalized(
                c.iter()
                    .map(|(&k, &tf)| (k, (1.0 + tf.ln()) * idf(n, df[k as usize])))
                    .collect(),
            )
        })
        .collect()
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`).
pub fn day_number(date: &str) -> Option<i64> {
    let (y, m, d): (i64, i64, i64) = (
        date.get(..4)?.parse().ok()?,
        date.get(5..7)?.parse().ok()?,
        date.get(8..10)?.parse().ok()?,
    );
    // Days from civil, after Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-19T10:00:00Z"), Some(19_801));
        assert_eq!(
            day_number("2024-03-20").unwrap() - day_number("2024-02-28").unwrap(),
            21
        );
        assert_eq!(day_number("soon"), None);
    }
}
