//! How related two articles are, graded the way people judge news pairs (SemEval-2022 Task 8:
//! the same people, places and organisations, the same events, time and narrative), beside
//! the same-story probability of [`super::score`]. That probability answers "is this the same
//! story retold?" and folds stories; this score orders the related panel, where the
//! background, the follow-up and the same people in another week belong too.
//!
//! A linear model over what the two articles share, fitted by `scripts/fit_relatedness.py`
//! on the rated real news pairs of `shared/related-train` (cross-validated) and on the UNER
//! translations; the README's "Related stories" explains it.

use super::features::Features;
use super::score::Evidence;
use crate::corpus::Article;
use crate::nlp::Kind;

/// The names of [`features`], in order: what `examples/relatedness_pairs.rs` prints for the
/// fit to choose from.
pub const FEATURES: [&str; 14] = [
    "same_lang",
    "word_cosine",
    "entity_cosine",
    "entity_info",
    "entity_jaccard",
    "term_cosine",
    "term_info",
    "cognate_cosine",
    "number_cosine",
    "person_jaccard",
    "place_jaccard",
    "org_jaccard",
    "title_overlap",
    "shorter_len",
];

/// The model's coefficients, fitted by `scripts/fit_relatedness.py` (its docstring has the
/// commands) as a ridge regression of 1 - (overall - 1) / 3 on the 301 rated pairs. The
/// terms were chosen by forward selection on the cross-validated r. `ACROSS_*` count only
/// for pairs in two languages, where word evidence is scarcer and each shared word, number or
/// title word tells more. The negative Jaccard weights are corrections of the entity cosine
/// (the three measure overlapping things): for a given cosine, a pair whose few shared
/// organisations or places are all it has is less related than its cosine says.
mod fitted {
    pub const BIAS: f32 = 0.0864;
    pub const WORD_COSINE: f32 = 0.6853;
    pub const NUMBER_COSINE: f32 = 0.0269;
    pub const ACROSS_WORD_COSINE: f32 = 0.1345;
    pub const ACROSS_COGNATE_COSINE: f32 = 0.0192;
    pub const ORG_JACCARD: f32 = -0.2775;
    pub const ACROSS_TITLE_OVERLAP: f32 = 0.1557;
    pub const ENTITY_INFO: f32 = 0.0944;
    pub const PLACE_JACCARD: f32 = -0.1358;
    pub const ACROSS_NUMBER_COSINE: f32 = 0.3043;
    pub const COGNATE_COSINE: f32 = 0.5310;
    pub const ENTITY_COSINE: f32 = 0.3978;
    pub const ENTITY_JACCARD: f32 = -0.2698;
}

/// How related articles `a` and `b` are, 0 (unrelated) to 1 (the same story), as people rate
/// news pairs.
pub fn relatedness(f: &Features, a: usize, b: usize) -> f32 {
    relatedness_given(f, a, b, &super::score::evidence(f, a, b))
}

/// [`relatedness`] given the pair's same-story [`Evidence`], whose entity and number
/// similarities it shares (the candidates' evidence is weighed first).
pub fn relatedness_given(f: &Features, a: usize, b: usize, e: &Evidence) -> f32 {
    use fitted::*;
    let across = f32::from(u8::from(!f.same_lang(a, b)));
    let (entity_cosine, entity_info, numbers) = (e.entities, e.info, e.numbers);
    let overlap = EntityOverlap::of(f, a, b);
    let words = f.words[a].dot(&f.words[b]).clamp(0.0, 1.0);
    let cognates = if e.same_lang {
        f.strong_cognates[a]
            .dot(&f.strong_cognates[b])
            .clamp(0.0, 1.0)
    } else {
        e.cognates
    };
    let title = if across > 0.0 {
        title_overlap(&f.titles[a], &f.titles[b])
    } else {
        0.0
    };
    let y = BIAS
        + WORD_COSINE * words
        + NUMBER_COSINE * numbers
        + ACROSS_WORD_COSINE * across * words
        + ACROSS_COGNATE_COSINE * across * cognates
        + ORG_JACCARD * overlap.jaccard(Some(Kind::Organization))
        + ACROSS_TITLE_OVERLAP * title
        + ENTITY_INFO * entity_info.max(0.0).ln_1p()
        + PLACE_JACCARD * overlap.jaccard(Some(Kind::Place))
        + ACROSS_NUMBER_COSINE * across * numbers
        + COGNATE_COSINE * cognates
        + ENTITY_COSINE * entity_cosine.clamp(0.0, 1.0)
        + ENTITY_JACCARD * overlap.jaccard(None);
    y.clamp(0.0, 1.0)
}

/// How many entities two articles have, and share, of each kind.
struct EntityOverlap {
    /// (in a, in b, shared) for persons, places, organisations, others.
    counts: [(u32, u32, u32); 4],
}

impl EntityOverlap {
    fn of(f: &Features, a: usize, b: usize) -> EntityOverlap {
        let slot = |id: u32| match f.kinds[id as usize] {
            Kind::Person => 0,
            Kind::Place => 1,
            Kind::Organization => 2,
            _ => 3,
        };
        let mut counts = [(0, 0, 0); 4];
        let (x, y) = (&f.entities[a].ids, &f.entities[b].ids);
        let (mut i, mut j) = (0, 0);
        // Both id lists are sorted: one merge counts all three.
        while i < x.len() || j < y.len() {
            match (x.get(i), y.get(j)) {
                (Some(&p), Some(&q)) if p == q => {
                    let c = &mut counts[slot(p)];
                    (c.0, c.1, c.2) = (c.0 + 1, c.1 + 1, c.2 + 1);
                    (i, j) = (i + 1, j + 1);
                }
                (Some(&p), Some(&q)) if p < q => {
                    counts[slot(p)].0 += 1;
                    i += 1;
                }
                (Some(&p), None) => {
                    counts[slot(p)].0 += 1;
                    i += 1;
                }
                (_, Some(&q)) => {
                    counts[slot(q)].1 += 1;
                    j += 1;
                }
                (None, None) => unreachable!(),
            }
        }
        EntityOverlap { counts }
    }

    /// Shared / in either, of one kind or (`None`) of all.
    fn jaccard(&self, kind: Option<Kind>) -> f32 {
        let (x, y, s) = match kind {
            Some(Kind::Person) => self.counts[0],
            Some(Kind::Place) => self.counts[1],
            Some(Kind::Organization) => self.counts[2],
            Some(_) => self.counts[3],
            None => self
                .counts
                .iter()
                .fold((0, 0, 0), |t, c| (t.0 + c.0, t.1 + c.1, t.2 + c.2)),
        };
        if x + y == 0 {
            0.0
        } else {
            s as f32 / (x + y - s) as f32
        }
    }
}

/// Everything the fit may choose from (see [`FEATURES`]).
pub fn features(f: &Features, articles: &[Article], a: usize, b: usize) -> [f32; 14] {
    let (ent_cos, ent_info) = f.entities[a].dot_and_shared_sum(&f.entities[b], &f.entity_idf);
    let (term_cos, term_info) = f.terms[a].dot_and_shared_sum(&f.terms[b], &f.term_idf);
    let overlap = EntityOverlap::of(f, a, b);
    let len = |i: usize| (articles[i].title.len() + articles[i].body.len()) as f32;
    [
        f32::from(u8::from(f.same_lang(a, b))),
        f.words[a].dot(&f.words[b]).clamp(0.0, 1.0),
        ent_cos.clamp(0.0, 1.0),
        ent_info.max(0.0).ln_1p(),
        overlap.jaccard(None),
        term_cos.clamp(0.0, 1.0),
        term_info.max(0.0).ln_1p(),
        // As relatedness reads them: the strongest keys within one language.
        if f.same_lang(a, b) {
            f.strong_cognates[a].dot(&f.strong_cognates[b])
        } else {
            f.cognates[a].dot(&f.cognates[b])
        }
        .clamp(0.0, 1.0),
        f.numbers[a].dot(&f.numbers[b]).clamp(0.0, 1.0),
        overlap.jaccard(Some(Kind::Person)),
        overlap.jaccard(Some(Kind::Place)),
        overlap.jaccard(Some(Kind::Organization)),
        title_overlap(&f.titles[a], &f.titles[b]),
        len(a).min(len(b)).max(1.0).ln(),
    ]
}

/// Dice overlap of two titles' keys ([`super::features::title_keys`]).
pub fn title_overlap(x: &[u64], y: &[u64]) -> f32 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                (i, j) = (i + 1, j + 1);
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * shared as f32 / (x.len() + y.len()) as f32
}
