//! Indexes over the analysed corpus: what articles are made of (`features`), the same-story
//! probability of a pair (`score`) and how related it is (`relatedness`), related lists
//! (`related`) and story clusters (`stories`);
//! and the two the reader queries as the user types: full text (`search`) and entity names
//! (`finder`).

pub mod detail;
pub mod features;
pub mod finder;
pub mod incremental;
pub mod query;
pub mod related;
pub mod relatedness;
pub mod score;
pub mod search;
pub mod sparse;
pub mod stories;

use crate::corpus::Article;
use crate::nlp::Entities;
pub use related::Link;

/// Related lists and stories of a corpus.
#[derive(Clone)]
pub struct Relations {
    /// Per article, best first.
    pub related: Vec<Vec<Link>>,
    /// Per article, the index of the first article of its story.
    pub story: Vec<usize>,
    /// Per article, its hub level ([`score::hub_level`]): kept so that an update can score
    /// new pairs of unchanged articles without finding their candidates again.
    pub hub: Vec<f32>,
    /// Per article, the candidates just below its list ([`related::near`]), for an update to
    /// score again.
    pub near: Vec<Vec<u32>>,
}

impl Relations {
    /// No related stories yet: every article a story of its own.
    pub fn unlinked(n: usize) -> Relations {
        Relations {
            related: vec![vec![]; n],
            story: (0..n).collect(),
            hub: vec![0.0; n],
            near: vec![vec![]; n],
        }
    }
}

/// Related stories kept per article: what the reader's panel shows, and what the persistent
/// index stores. Stories are always found from this many candidates per article, so that the
/// reader, an export of any shorter limit and the index agree on them.
pub const KEPT_RELATED: usize = 30;

/// Computes related stories (at most `limit` per article, in the order of [`related::order`])
/// and story clusters. Stories are
/// found from at least each article's best [`KEPT_RELATED`], whatever the limit.
pub fn relate(articles: &[Article], entities: &Entities, limit: usize) -> Relations {
    let features =
        crate::timing::phase("features", || features::Features::build(articles, entities));
    let (mut related, scorer, near) =
        related::related(&features, articles, limit.max(KEPT_RELATED));
    let story = crate::timing::phase("stories", || stories::stories(&related, scorer.pairs()));
    let hub = scorer.hubs().to_vec();
    related::order(&mut related, &story);
    for links in &mut related {
        links.truncate(limit);
    }
    Relations {
        related,
        story,
        hub,
        near,
    }
}
