//! Related lists and stories after a change to part of the corpus, from those of the last
//! analysis: only the articles a change touches are related again, and only the stories they
//! were or are in are formed again.
//!
//! Touched are the new and changed articles; the articles whose list named a changed or
//! removed one (or an entity that is gone); and those among the new and changed articles'
//! candidates for which one of them now scores what their list's last entry scores. Those are
//! related as on a rebuild: candidates from the inverted lists of the whole corpus, rarities
//! (idf) of the corpus now. The others keep their lists and hub levels; their entries, and the
//! candidates kept just below them ([`super::related::near`]), are scored again with the
//! rarities of now, so that a change elsewhere moves them, in or out, as it would on a
//! rebuild. What stays apart from a rebuild: a candidate of an untouched article that was
//! neither listed nor near, and the hub levels of untouched articles. `tests/index.rs` measures
//! how far that goes on a real corpus.
//!
//! Stories: the touched articles, and every member of a story that had a touched, changed or
//! removed member, start alone and join stories by the rules of [`super::stories`]; the other
//! stories are kept whole (they may take in a touched article).
//!
//! When more than a quarter of the corpus is touched (a small corpus, a large change), the
//! whole corpus is related again: that is as quick, and exactly a rebuild.

use super::features::Features;
use super::related::{
    Candidates, Inverted, Link, by_relatedness, candidates, explain, hub_of, lists, order,
    worth_keeping_near, worth_listing,
};
use super::relatedness::relatedness;
use super::score::{NO_EVIDENCE, Scorer};
use super::stories::stories_from;
use super::{KEPT_RELATED, Relations};
use crate::corpus::Article;
use crate::nlp::Entities;
use std::collections::HashMap;

/// What the last analysis knew of each article now, by its index now.
pub struct Previous {
    /// Its related list (article and entity indices of now), when it was there unchanged
    /// and all its list names still is.
    pub kept: Vec<Option<Vec<Link>>>,
    /// Its hub level, when it was there unchanged.
    pub hub: Vec<Option<f32>>,
    /// Its candidates just below its list ([`super::related::near`]), those still there.
    pub near: Vec<Vec<u32>>,
    /// Its story then (any id that is the same for the members of one story), when it was
    /// there unchanged; stories that lost a member to a change are in `broken`.
    pub story: Vec<Option<usize>>,
    pub broken: std::collections::HashSet<usize>,
}

/// How much an update related again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Report {
    /// Articles whose related list was computed (all: a full relate).
    pub related: usize,
    /// Articles whose story was formed again.
    pub stories: usize,
}

/// Share of the corpus above which everything is related again.
const FULL_SHARE: f64 = 0.25;

/// Related lists (at most [`KEPT_RELATED`] each) and stories of `articles`, of which `fresh`
/// are new or changed since `previous`.
pub fn relate_again(
    articles: &[Article],
    entities: &Entities,
    previous: &Previous,
    fresh: &[usize],
) -> (Relations, Report) {
    let n = articles.len();
    let full = || {
        (
            super::relate(articles, entities, KEPT_RELATED),
            Report {
                related: n,
                stories: n,
            },
        )
    };
    if [
        previous.kept.len(),
        previous.story.len(),
        previous.hub.len(),
        previous.near.len(),
    ]
    .iter()
    .any(|&len| len != n)
    {
        return full();
    }
    let limit = KEPT_RELATED;
    let features = crate::timing::phase("  features", || Features::build(articles, entities));
    let mut touched: Vec<bool> = previous.kept.iter().map(Option::is_none).collect();
    for &a in fresh {
        touched[a] = true;
    }
    let too_many = |t: &[bool]| t.iter().filter(|&&x| x).count() as f64 > FULL_SHARE * n as f64;
    if too_many(&touched) {
        return full();
    }
    // The fresh articles' candidates: their lists, and the articles that may now list them:
    // those for which a fresh article scores what their list's last entry scores (with the
    // hub levels as they stand; the final scores come below).
    let inverted = crate::timing::phase("  inverted lists", || Inverted::build(&features));
    let fresh_cands = crate::timing::phase("  fresh candidates", || {
        candidates(&features, &inverted, articles, fresh, limit)
    });
    // Only the fresh articles have no stored hub level: theirs come from their candidates.
    let mut hub: Vec<f32> = previous
        .hub
        .iter()
        .map(|h| h.unwrap_or(NO_EVIDENCE))
        .collect();
    for (&a, c) in fresh.iter().zip(&fresh_cands) {
        hub[a] = hub_of(c);
    }
    let provisional = Scorer::new(&features, hub);
    for (&a, c) in fresh.iter().zip(&fresh_cands) {
        for &(b, z, time, r) in c {
            let b = b as usize;
            let Some(list) = &previous.kept[b] else {
                continue;
            };
            // Lists hold the most related worth listing: a fresh article enters one that has
            // room, or that holds a less related entry.
            let least = list
                .iter()
                .map(|l| l.relatedness)
                .fold(f32::INFINITY, f32::min);
            if worth_listing(provisional.probability_of(z, time, a, b), r)
                && (list.len() < limit || r >= least)
            {
                touched[b] = true;
            }
        }
    }
    drop(provisional);
    if too_many(&touched) {
        return full();
    }
    let ids: Vec<usize> = (0..n).filter(|&a| touched[a]).collect();
    // An old story with a touched member may fall apart: all of it is formed again.
    let mut broken = previous.broken.clone();
    broken.extend(ids.iter().filter_map(|&a| previous.story[a]));
    let others: Vec<usize> = ids
        .iter()
        .copied()
        .filter(|a| fresh.binary_search(a).is_err())
        .collect();
    // What is left to count: the others' candidates, the touched lists, the kept ones scored
    // again (the stage's 2 per article is a rebuild's; a bar at 1 % said "2 m left").
    crate::meter::begin(others.len() + ids.len() + (n - ids.len()));
    let other_cands = candidates(&features, &inverted, articles, &others, limit);
    let mut cands: Vec<Option<&Candidates>> = vec![None; n];
    for (&a, c) in fresh.iter().zip(&fresh_cands) {
        cands[a] = Some(c);
    }
    for (&a, c) in others.iter().zip(&other_cands) {
        cands[a] = Some(c);
    }
    let hub: Vec<f32> = (0..n)
        .map(|a| match (cands[a], previous.hub[a]) {
            (Some(c), _) => hub_of(c),
            (None, Some(h)) => h,
            (None, None) => unreachable!("untouched articles were there"),
        })
        .collect();
    let scorer = Scorer::new(&features, hub);
    let id_cands: Vec<Candidates> = ids
        .iter()
        .map(|&a| cands[a].expect("touched").clone())
        .collect();
    let fresh_lists = lists(&features, articles, &scorer, &id_cands, &ids, limit);
    // The kept lists, and the candidates near them, are scored again with the rarities and
    // hub levels of now.
    let kept: Vec<usize> = (0..n).filter(|&a| !touched[a]).collect();
    let rescored: Vec<(Vec<Link>, Vec<u32>)> = crate::timing::phase("  kept scored again", || {
        crate::parallel::map(&kept, |&a| {
            crate::meter::tick();
            let list = previous.kept[a].as_deref().unwrap_or_default();
            let mut links: Vec<Link> = list
                .iter()
                .cloned()
                .chain(previous.near[a].iter().map(|&b| Link {
                    article: b as usize,
                    score: 0.0,
                    relatedness: 0.0,
                    shared: vec![],
                    words: vec![],
                }))
                .map(|l| Link {
                    score: scorer.probability(a, l.article),
                    relatedness: relatedness(&features, a, l.article),
                    ..l
                })
                .filter(|l| worth_keeping_near(l.score, l.relatedness))
                .collect();
            links.sort_by(by_relatedness);
            let mut shown = vec![];
            let mut near = vec![];
            for mut l in links {
                if shown.len() < limit && worth_listing(l.score, l.relatedness) {
                    // One that was near has its reasons found now.
                    if l.shared.is_empty() && l.words.is_empty() {
                        explain(&features, articles, a, &mut l);
                    }
                    if !(l.shared.is_empty() && l.words.is_empty()) {
                        shown.push(l);
                        continue;
                    }
                }
                near.push(l.article as u32);
            }
            (shown, near)
        })
    });
    let mut related: Vec<Vec<Link>> = vec![vec![]; n];
    let mut near: Vec<Vec<u32>> = vec![vec![]; n];
    for (&a, (l, m)) in kept.iter().zip(rescored) {
        related[a] = l;
        near[a] = m;
    }
    let touched_near = super::related::near(&scorer, &id_cands, &ids, &fresh_lists);
    for (&a, m) in ids.iter().zip(touched_near) {
        near[a] = m;
    }
    for (&a, l) in ids.iter().zip(fresh_lists) {
        related[a] = l;
    }

    // Stories: those kept whole stay; the touched articles, and the members of a story that
    // lost one, start alone and join stories as on a rebuild.
    let mut first: HashMap<usize, usize> = HashMap::new();
    let mut active = vec![false; n];
    for a in 0..n {
        match previous.story[a] {
            Some(s) if !touched[a] && !broken.contains(&s) => {
                first.entry(s).or_insert(a);
            }
            _ => active[a] = true,
        }
    }
    let start: Vec<usize> = (0..n)
        .map(|a| {
            if active[a] {
                a
            } else {
                first[&previous.story[a].expect("kept")]
            }
        })
        .collect();
    let story = crate::timing::phase("  stories", || {
        stories_from(&related, scorer.pairs(), start, &active)
    });
    order(&mut related, &story);
    let report = Report {
        related: ids.len(),
        stories: active.iter().filter(|&&x| x).count(),
    };
    let hub = scorer.hubs().to_vec();
    (
        Relations {
            related,
            story,
            hub,
            near,
        },
        report,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One article of five changed is more than a quarter: everything is related again,
    /// exactly as a rebuild does it.
    #[test]
    fn a_change_to_much_of_a_small_corpus_relates_everything_again() {
        let mut articles = crate::corpus::load_bundled().articles;
        let before = crate::nlp::analyze(&articles);
        let old = super::super::relate(&articles, &before, KEPT_RELATED);
        articles[1]
            .body
            .push_str("\n\nWladimir Putin traf Kim Jong Un in Wladiwostok.");
        let entities = crate::nlp::analyze(&articles);
        let n = articles.len();
        let previous = Previous {
            kept: (0..n)
                .map(|a| (a != 1).then(|| old.related[a].clone()))
                .collect(),
            hub: old.hub.iter().map(|&h| Some(h)).collect(),
            near: old.near.clone(),
            story: (0..n).map(|a| (a != 1).then_some(old.story[a])).collect(),
            broken: [old.story[1]].into(),
        };
        let (again, report) = relate_again(&articles, &entities, &previous, &[1]);
        let rebuilt = super::super::relate(&articles, &entities, KEPT_RELATED);
        assert_eq!(
            report,
            Report {
                related: n,
                stories: n
            }
        );
        assert_eq!(again.related, rebuilt.related);
        assert_eq!(again.story, rebuilt.story);
    }
}
