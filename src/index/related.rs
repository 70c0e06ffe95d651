//! Related stories: for every article, the others a reader should read next, best first, with
//! a score in [0, 1] and the entities that explain the link.
//!
//! The score combines evidence that survives translation — shared entities weighted by rarity
//! (cosine of the entity vectors), shared numbers — with the cosine of content words where
//! both articles are in the same language, and closeness in time where both dates are known.
//! A cross-language pair has no word evidence; the words' share is then estimated from the
//! entities' (squared: strong entity agreement predicts word agreement, weak does not), so the
//! same story in another language ranks at the top without lifting every pair that merely
//! names the same countries.
//!
//! No all-pairs loop: candidates come from inverted indexes (entities, words, numbers), each
//! key's list used only while it is shorter than a cap, so the work per article is bounded.

use super::features::Features;
use crate::corpus::Article;

/// One related article.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub article: usize,
    pub score: f32,
    /// Entity indices that explain the link, most informative first.
    pub shared: Vec<usize>,
}

/// Weights of the evidence (they sum to 1 for a same-language pair).
const W_ENTITIES: f32 = 0.5;
const W_WORDS: f32 = 0.4;
const W_NUMBERS: f32 = 0.1;
/// In a large corpus, inverted lists longer than this (or n/300) are not walked to find
/// candidates: such keys are in too many articles to point anywhere (they still count in the
/// scores of the candidates found).
const MIN_CAP: usize = 300;
/// At most this many shared entities are listed per link.
const MAX_SHARED: usize = 8;

struct Postings {
    lists: Vec<Vec<(u32, f32)>>,
}

impl Postings {
    fn build(vectors: &[super::sparse::Sparse]) -> Postings {
        let keys = vectors
            .iter()
            .flat_map(|v| v.ids.iter())
            .max()
            .map_or(0, |&m| m as usize + 1);
        let mut lists = vec![Vec::new(); keys];
        for (a, v) in vectors.iter().enumerate() {
            for (k, w) in v.iter() {
                lists[k as usize].push((a as u32, w));
            }
        }
        Postings { lists }
    }
}

/// The similarity of two articles, in [0, 1].
pub fn score(f: &Features, articles: &[Article], a: usize, b: usize) -> f32 {
    let ent = f.entities[a].dot(&f.entities[b]).clamp(0.0, 1.0);
    let num = f.numbers[a].dot(&f.numbers[b]).clamp(0.0, 1.0);
    let same_lang = articles[a].lang == articles[b].lang && articles[a].lang != "und";
    let base = if same_lang {
        W_ENTITIES * ent + W_WORDS * f.terms[a].dot(&f.terms[b]).clamp(0.0, 1.0) + W_NUMBERS * num
    } else {
        // No shared words to compare: expect them to agree about as the entities do, squared
        // (a translation shares nearly all of both; two stories that merely name the same
        // countries share few words).
        W_ENTITIES * ent + W_WORDS * ent * ent + W_NUMBERS * num
    };
    base * time_factor(f.days[a], f.days[b])
}

/// 1 for articles a few days apart, down to 0.75 for articles far apart; 1 when a date is missing.
fn time_factor(a: Option<i64>, b: Option<i64>) -> f32 {
    match (a, b) {
        (Some(a), Some(b)) => 0.75 + 0.25 * (-((a - b).abs() as f32) / 30.0).exp(),
        _ => 1.0,
    }
}

/// How candidates are found at a corpus size: small corpora use every key of every article;
/// large ones only each article's rarest keys and lists up to a cap.
struct Budget {
    /// Inverted lists longer than this are not walked.
    cap: usize,
    /// Keys of each vector walked per article (its highest-weighted, i.e. rarest).
    keys: usize,
}

impl Budget {
    fn for_size(n: usize) -> Budget {
        if n <= SMALL_CORPUS {
            Budget {
                cap: n,
                keys: usize::MAX,
            }
        } else {
            Budget {
                cap: MIN_CAP.max(n / 300),
                keys: 20,
            }
        }
    }
}

/// Up to this many articles every pair that shares anything is scored.
const SMALL_CORPUS: usize = 5000;

/// The `k` highest-weighted keys of a vector.
fn top_keys(v: &super::sparse::Sparse, k: usize) -> Vec<(u32, f32)> {
    let mut keys: Vec<(u32, f32)> = v.iter().collect();
    if keys.len() > k {
        keys.select_nth_unstable_by(k, |a, b| b.1.total_cmp(&a.1));
        keys.truncate(k);
    }
    keys
}

/// Related lists for every article, at most `limit` each.
pub fn related(f: &Features, articles: &[Article], limit: usize) -> Vec<Vec<Link>> {
    let n = articles.len();
    let budget = Budget::for_size(n);
    let ent = Postings::build(&f.entities);
    let terms = Postings::build(&f.terms);
    let nums = Postings::build(&f.numbers);
    // Candidates scored exactly per article: the best by the partial score from the walked lists.
    let exact = limit.saturating_mul(2).max(50);
    let ids: Vec<usize> = (0..n).collect();
    let chunks: Vec<&[usize]> = ids.chunks(n.div_ceil(8).max(1)).collect();
    // Each worker keeps one dense accumulator and reuses it for its articles.
    let per_chunk = crate::parallel::map(&chunks, |chunk| {
        let mut acc = vec![0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        chunk
            .iter()
            .map(|&a| {
                touched.clear();
                for (vectors, postings, weight, same_lang_only) in [
                    (&f.entities, &ent, W_ENTITIES, false),
                    (&f.terms, &terms, W_WORDS, true),
                    (&f.numbers, &nums, W_NUMBERS, false),
                ] {
                    for (k, wa) in top_keys(&vectors[a], budget.keys) {
                        let list = &postings.lists[k as usize];
                        if list.len() > budget.cap {
                            continue;
                        }
                        for &(b, wb) in list {
                            let b = b as usize;
                            if b == a || (same_lang_only && articles[b].lang != articles[a].lang) {
                                continue;
                            }
                            if acc[b] == 0.0 {
                                touched.push(b);
                            }
                            acc[b] += weight * wa * wb + f32::MIN_POSITIVE;
                        }
                    }
                }
                if touched.len() > exact {
                    touched.select_nth_unstable_by(exact, |&x, &y| {
                        acc[y].total_cmp(&acc[x]).then(x.cmp(&y))
                    });
                    for &b in &touched[exact..] {
                        acc[b] = 0.0;
                    }
                    touched.truncate(exact);
                }
                let mut links: Vec<Link> = Vec::with_capacity(touched.len());
                for &b in &touched {
                    acc[b] = 0.0;
                    let s = score(f, articles, a, b);
                    if s > 0.0 {
                        links.push(Link {
                            article: b,
                            score: s,
                            shared: vec![],
                        });
                    }
                }
                links.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.article.cmp(&y.article)));
                links.truncate(limit);
                links.shrink_to_fit();
                for l in &mut links {
                    l.shared = f.entities[a]
                        .shared(&f.entities[l.article])
                        .into_iter()
                        .take(MAX_SHARED)
                        .map(|(e, _)| e as usize)
                        .collect();
                }
                links
            })
            .collect::<Vec<_>>()
    });
    per_chunk.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_factor_decays() {
        assert_eq!(time_factor(None, Some(3)), 1.0);
        assert!((time_factor(Some(0), Some(0)) - 1.0).abs() < 1e-6);
        assert!(time_factor(Some(0), Some(365)) < 0.76);
    }
}
