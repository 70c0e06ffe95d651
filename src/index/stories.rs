//! Story clusters: articles reporting the same story, in whatever language, get one story id.
//!
//! A pair is taken to be one story when its score (a probability of "same story", see
//! [`super::score::Scorer::probability`]) reaches [`SAME_STORY`], or when the two are each other's
//! best related article and score at least [`MUTUAL_BEST`]. Pairs join their stories best
//! first, and two stories join only when every article of one scores at least [`ALL_PAIRS`]
//! with every article of the other (complete linkage): one article that names everything
//! cannot chain unrelated stories together through itself.

use rustc_hash::{FxHashMap, FxHashSet};

use super::related::Link;

/// Score from which a pair is one story.
pub const SAME_STORY: f32 = 0.5;
/// Score from which two articles that are each other's best match are one story.
pub const MUTUAL_BEST: f32 = 0.1;
/// Score every pair of a story must reach.
pub const ALL_PAIRS: f32 = 0.05;

/// Members checked per story when two join.
const SAMPLE: usize = 32;

/// At most [`SAMPLE`] members, spread evenly over the story.
fn spread(members: &[usize]) -> impl Iterator<Item = usize> + '_ {
    let step = members.len().div_ceil(SAMPLE).max(1);
    members.iter().step_by(step).copied()
}

/// The story of each article: the index of the story's first article.
/// `score` gives the probability for any pair (the related lists hold only the best); it is
/// asked for one first article with many second ones in a row (see [`super::score::Scorer::pairs`]).
pub fn stories(related: &[Vec<Link>], score: impl FnMut(usize, usize) -> f32) -> Vec<usize> {
    let n = related.len();
    stories_from(related, score, (0..n).collect(), &vec![true; n])
}

/// Whether the pair `a`–`l.article` joins stories (when their complete linkage allows).
fn joins(related: &[Vec<Link>], a: usize, l: &Link) -> bool {
    // Lists are ordered by relatedness: the best here is the likeliest the same story.
    let best = |a: usize| {
        related[a]
            .iter()
            .max_by(|x, y| x.score.total_cmp(&y.score).then(y.article.cmp(&x.article)))
            .map(|l| l.article)
    };
    let b = l.article;
    let mutual = best(a) == Some(b) && best(b) == Some(a);
    l.score >= SAME_STORY || mutual && l.score >= MUTUAL_BEST
}

/// Stories grown from `start` (each article's story, the index of its first article) by the
/// pairs that join stories and hold an `active` article: [`stories`] when every article starts
/// alone and all are active; after a change to a corpus, the stories kept from before with the
/// articles the change touched, alone, active.
pub fn stories_from(
    related: &[Vec<Link>],
    mut score: impl FnMut(usize, usize) -> f32,
    start: Vec<usize>,
    active: &[bool],
) -> Vec<usize> {
    let n = related.len();
    let mut edges: Vec<(f32, usize, usize)> = Vec::new();
    for (a, links) in related.iter().enumerate() {
        for l in links {
            let b = l.article;
            if a < b && (active[a] || active[b]) && joins(related, a, l) {
                edges.push((l.score, a, b));
            }
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Members of each story, under its first article.
    let mut story = start;
    let mut members: Vec<Vec<usize>> = vec![vec![]; n];
    for (a, &s) in story.iter().enumerate() {
        members[s].push(a);
    }
    // Scores computed (a pair is often checked again, by a later merge of the same stories),
    // and the merges refused: members only ever grow, so two stories of the same sizes as
    // when they were refused are the same two, and are refused again.
    let mut scored: FxHashMap<(u32, u32), f32> = FxHashMap::default();
    let mut refused: FxHashSet<(u32, u32, u32, u32)> = FxHashSet::default();
    for (_, a, b) in edges {
        let (sa, sb) = (story[a], story[b]);
        if sa == sb {
            continue;
        }
        let sizes = (
            sa as u32,
            sb as u32,
            members[sa].len() as u32,
            members[sb].len() as u32,
        );
        if refused.contains(&sizes) {
            continue;
        }
        // A pair's score is in its related list when it is among the best; else computed.
        let mut pair = |x: usize, y: usize| {
            related[x].iter().find(|l| l.article == y).map_or_else(
                || {
                    *scored
                        .entry((x as u32, y as u32))
                        .or_insert_with(|| score(x, y))
                },
                |l| l.score,
            )
        };
        // Large stories (a wire story republished a thousand times) are checked on a spread
        // of their members, so that one merge costs at most SAMPLE² scores.
        let all_pairs =
            spread(&members[sa]).all(|x| spread(&members[sb]).all(|y| pair(x, y) >= ALL_PAIRS));
        if !all_pairs {
            refused.insert(sizes);
            continue;
        }
        let (keep, gone) = (sa.min(sb), sa.max(sb));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            story[m] = keep;
        }
        members[keep].extend(moved);
    }
    story
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(article: usize, score: f32) -> Link {
        Link {
            article,
            score,
            relatedness: score,
            shared: vec![],
            words: vec![],
        }
    }

    /// Scores from a table, symmetric; pairs not in it share nothing.
    fn table(pairs: &[(usize, usize, f32)]) -> impl Fn(usize, usize) -> f32 + '_ {
        move |a, b| {
            pairs
                .iter()
                .find(|&&(x, y, _)| (x, y) == (a, b) || (y, x) == (a, b))
                .map_or(0.0, |p| p.2)
        }
    }

    #[test]
    fn strong_pairs_and_mutual_best_matches_make_stories() {
        let scores = [(0, 1, 0.8), (2, 3, 0.2), (3, 4, 0.12), (2, 4, 0.06)];
        let related = vec![
            vec![link(1, 0.8)],
            vec![link(0, 0.8)],
            // 2 and 3 are each other's best; 4's best is 3, but 3's is 2.
            vec![link(3, 0.2), link(4, 0.06)],
            vec![link(2, 0.2), link(4, 0.12)],
            vec![link(3, 0.12), link(2, 0.06)],
            vec![],
        ];
        assert_eq!(stories(&related, table(&scores)), [0, 0, 2, 2, 4, 5]);
    }

    /// Ten thousand copies of one story fold into one without scoring every pair.
    #[test]
    fn a_republished_story_folds_in_bounded_time() {
        let n = 10_000;
        let related: Vec<Vec<Link>> = (0..n)
            .map(|a| vec![link((a + 1) % n, 0.99), link((a + n - 1) % n, 0.99)])
            .collect();
        let calls = std::cell::Cell::new(0usize);
        let story = stories(&related, |_, _| {
            calls.set(calls.get() + 1);
            0.99
        });
        assert!(story.iter().all(|&s| s == 0));
        assert!(calls.get() < 40 * n, "{} scores", calls.get());
    }

    #[test]
    fn a_hub_does_not_chain_stories_that_have_nothing_in_common() {
        // 0 names everything: it is strongly like 1 and like 2, which share nothing.
        let scores = [(0, 1, 0.9), (0, 2, 0.8)];
        let related = vec![
            vec![link(1, 0.9), link(2, 0.8)],
            vec![link(0, 0.9)],
            vec![link(0, 0.8)],
        ];
        assert_eq!(stories(&related, table(&scores)), [0, 0, 2]);
        // With some likeness between them, they are one story.
        let scores = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.3)];
        assert_eq!(stories(&related, table(&scores)), [0, 0, 0]);
    }

    /// After a change, kept stories stay whole and only pairs with an active (touched) article
    /// join: a touched article joins the kept story it scores with; two untouched articles
    /// that were apart stay apart.
    #[test]
    fn kept_stories_take_in_active_articles_only() {
        let scores = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.7), (3, 4, 0.9)];
        let related = vec![
            vec![link(1, 0.9), link(2, 0.8)],
            vec![link(0, 0.9), link(2, 0.7)],
            vec![link(0, 0.8), link(1, 0.7)],
            vec![link(4, 0.9)],
            vec![link(3, 0.9)],
        ];
        let start = vec![0, 0, 2, 3, 4];
        let active = [false, false, true, false, false];
        assert_eq!(
            stories_from(&related, table(&scores), start, &active),
            [0, 0, 0, 3, 4]
        );
        assert_eq!(stories(&related, table(&scores)), [0, 0, 0, 3, 3]);
    }
}
