//! The related-story score: what two articles share ([`Evidence`]) weighed into the probability
//! that they tell the same story. A logistic model fitted on pairs of the UNER documents
//! ([`log_odds`]) reads the evidence; [`Scorer`] corrects it for articles that resemble
//! everything a little. The README's "Related stories" explains it for users.

use super::features::Features;

/// What two articles share, before it is turned into a probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// Cosine of the rarity-weighted entity vectors: how much of both the shared names cover.
    pub entities: f32,
    /// The rarity (idf, nats) of the shared entities, summed: how much sharing them tells.
    pub info: f32,
    /// Cosine of the content-word vectors. Across languages only names, cognates and loan
    /// words can agree ("Huawei", "Festival"), which is why it counts more there.
    pub terms: f32,
    /// The rarity of the shared content words, summed (across languages only; 0 within one).
    pub term_info: f32,
    /// Cosine of the cognate-skeleton vectors (across languages only; 0 within one).
    pub cognates: f32,
    /// Cosine of the number vectors (years, amounts, dates survive translation).
    pub numbers: f32,
    pub same_lang: bool,
    /// Days between the two dates, when both are known.
    pub days_apart: Option<i64>,
}

/// The evidence two articles share.
pub fn evidence(f: &Features, a: usize, b: usize) -> Evidence {
    evidence_by(f, a, b, |of, per_id| {
        let v = of.of(f);
        match per_id {
            Some(per_id) => v[a].dot_and_shared_sum(&v[b], per_id),
            None => (v[a].dot(&v[b]), 0.0),
        }
    })
}

/// [`evidence`] of the article spread in `s` with `b`.
pub fn evidence_spread(f: &Features, s: &Spread, b: usize) -> Evidence {
    let a = s.of.expect("an article is spread");
    evidence_by(f, a, b, |of, per_id| {
        spread_dot(s.dense(of), &of.of(f)[b], per_id)
    })
}

/// [`evidence`], `dot(vectors, per_id)` giving the dot product of the pair's vectors of one
/// kind and, with `per_id`, its sum over the keys both have.
fn evidence_by(
    f: &Features,
    a: usize,
    b: usize,
    dot: impl Fn(Vectors, Option<&[f32]>) -> (f32, f32),
) -> Evidence {
    let same_lang = f.same_lang(a, b);
    let (entities, info) = dot(Vectors::Entities, Some(&f.entity_idf));
    // Word rarity and cognates count across languages only: skip their work within one.
    let (terms, term_info, cognates) = if same_lang {
        (dot(Vectors::Terms, None).0, 0.0, 0.0)
    } else {
        let (terms, term_info) = dot(Vectors::Terms, Some(&f.term_idf));
        (terms, term_info, dot(Vectors::Cognates, None).0)
    };
    Evidence {
        entities: entities.clamp(0.0, 1.0),
        info,
        terms: terms.clamp(0.0, 1.0),
        term_info,
        cognates: cognates.clamp(0.0, 1.0),
        numbers: f.numbers[a].dot(&f.numbers[b]).clamp(0.0, 1.0),
        same_lang,
        days_apart: f.days[a].zip(f.days[b]).map(|(x, y)| (x - y).abs()),
    }
}

/// One article's entity, term and cognate vectors spread into arrays indexed by key: its
/// evidence with each of its candidates then reads only the candidate's keys, instead of
/// merging two sorted lists per pair.
pub struct Spread {
    entities: Vec<f32>,
    terms: Vec<f32>,
    cognates: Vec<f32>,
    /// The article spread, if any.
    of: Option<usize>,
}

impl Spread {
    /// Empty arrays for the keys of `f`.
    pub fn new(f: &Features) -> Spread {
        Spread {
            entities: vec![0.0; f.entity_idf.len()],
            terms: vec![0.0; f.term_idf.len()],
            cognates: vec![0.0; f.cognate_idf.len()],
            of: None,
        }
    }

    /// The article spread, if any.
    pub fn of(&self) -> Option<usize> {
        self.of
    }

    /// Spreads article `a`'s vectors, clearing the last article's.
    pub fn set(&mut self, f: &Features, a: usize) {
        if let Some(was) = self.of.take() {
            for (dense, v) in [
                (&mut self.entities, &f.entities[was]),
                (&mut self.terms, &f.terms[was]),
                (&mut self.cognates, &f.cognates[was]),
            ] {
                for &k in &v.ids {
                    dense[k as usize] = 0.0;
                }
            }
        }
        for (dense, v) in [
            (&mut self.entities, &f.entities[a]),
            (&mut self.terms, &f.terms[a]),
            (&mut self.cognates, &f.cognates[a]),
        ] {
            for (k, w) in v.iter() {
                dense[k as usize] = w;
            }
        }
        self.of = Some(a);
    }
}

impl Spread {
    /// The spread article's weights by key in its vector of the kind `of`.
    fn dense(&self, of: Vectors) -> &[f32] {
        match of {
            Vectors::Entities => &self.entities,
            Vectors::Terms => &self.terms,
            Vectors::Cognates => &self.cognates,
        }
    }

    /// The keys of `v` (a vector of the kind `of` picks) that the spread article has too,
    /// ascending, as [`super::sparse::Sparse::shared_ids`] gives them.
    pub fn shared_ids(&self, of: Vectors, v: &super::sparse::Sparse) -> Vec<u32> {
        let dense = self.dense(of);
        v.ids
            .iter()
            .copied()
            .filter(|&k| dense[k as usize] != 0.0)
            .collect()
    }
}

/// The vectors a [`Spread`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vectors {
    Entities,
    Terms,
    Cognates,
}

impl Vectors {
    /// Every article's vector of this kind.
    pub fn of(self, f: &Features) -> &[super::sparse::Sparse] {
        match self {
            Vectors::Entities => &f.entities,
            Vectors::Terms => &f.terms,
            Vectors::Cognates => &f.cognates,
        }
    }
}

/// `a`'s dot product with `b` (spread: `a`'s weight by key, 0 where it has none) and the sum
/// of `per_id` over the keys both have. Summed in ascending key order, like the merge, so the
/// same to the last bit (weights are positive: a key `a` lacks adds nothing).
fn spread_dot(dense: &[f32], b: &super::sparse::Sparse, per_id: Option<&[f32]>) -> (f32, f32) {
    let (mut dot, mut sum) = (0.0, 0.0);
    for (k, w) in b.iter() {
        let x = dense[k as usize];
        if x != 0.0 {
            dot += x * w;
            if let Some(per_id) = per_id {
                sum += per_id[k as usize];
            }
        }
    }
    (dot, sum)
}

/// The logistic model's coefficients, fitted by `scripts/fit_related.py` (its docstring has
/// the commands) on pairs of UNER documents: a document and its translation, and the two
/// halves of one document in either language, are the same story; every other pair that
/// shares anything is not.
mod fitted {
    /// The fitted intercept was -6.292. The fit pools document halves, among which same-story
    /// pairs are far commoner than in a real corpus; the prior is lowered by 1.5 (about the
    /// log of that difference) so that a score reads as the chance in a corpus of news.
    pub const BIAS: f32 = -7.792;
    pub const SAME_LANG: f32 = -0.893;
    pub const ENTITY_COSINE: f32 = 3.926;
    pub const ENTITY_INFO: f32 = 0.513;
    pub const TERMS_SAME_LANG: f32 = 15.111;
    pub const TERMS_ACROSS: f32 = 3.109;
    /// Across languages only: within one, long articles always share enough words to reach
    /// the cap, so the sum says nothing there.
    pub const TERM_INFO_ACROSS: f32 = 0.459;
    pub const NUMBERS: f32 = 4.605;
    pub const COGNATES_ACROSS: f32 = 10.516;
    /// Caps: long articles on one topic share many common names and words, and no amount of
    /// that makes them one story.
    pub const MAX_ENTITY_INFO: f32 = 12.0;
    pub const MAX_TERM_INFO: f32 = 15.0;
    pub const MAX_TERMS: f32 = 0.4;
}

/// The log-odds that two articles tell the same story, from what they share alone.
pub fn log_odds(e: &Evidence) -> f32 {
    use fitted::*;
    let (same, across) = if e.same_lang { (1.0, 0.0) } else { (0.0, 1.0) };
    let terms = e.terms.min(MAX_TERMS);
    let term_info = e.term_info.clamp(0.0, MAX_TERM_INFO);
    BIAS + SAME_LANG * same
        + ENTITY_COSINE * e.entities
        + ENTITY_INFO * e.info.clamp(0.0, MAX_ENTITY_INFO)
        + TERMS_SAME_LANG * terms * same
        + TERMS_ACROSS * terms * across
        + TERM_INFO_ACROSS * term_info * across
        + NUMBERS * e.numbers
        + COGNATES_ACROSS * e.cognates * across
}

/// How far an article's best matches sit above the corpus's usual (see [`Scorer`]): the
/// mean log-odds of its [`HUB_NEIGHBOURS`] best candidates.
pub fn hub_level(best_log_odds: &mut [f32]) -> f32 {
    best_log_odds.sort_by(|x, y| y.total_cmp(x));
    let k = best_log_odds.len().min(HUB_NEIGHBOURS);
    // Fewer candidates than that: the missing ones count as no evidence at all.
    let sum: f32 =
        best_log_odds[..k].iter().sum::<f32>() + (HUB_NEIGHBOURS - k) as f32 * NO_EVIDENCE;
    sum / HUB_NEIGHBOURS as f32
}

/// Neighbours that make an article's hub level.
pub const HUB_NEIGHBOURS: usize = 3;
/// The log-odds standing for "shares nothing".
pub const NO_EVIDENCE: f32 = -12.0;
/// How much of an article pair's mean hub level above the corpus median comes off its
/// log-odds, and a shift that comes with it. Chosen on the UNER documents as the smallest
/// that leave no different story in the other language at 0.5 or more (0.7 and -1.0); the
/// translation is then on top 0.93 of the time, against 0.88 without the correction.
const HUB_WEIGHT: f32 = 0.7;
const HUB_SHIFT: f32 = -1.0;

/// Scores pairs of one corpus. An article that names what many others name (a short piece
/// whose one name is "Donald Trump") resembles many articles a little; its likeness to any one
/// of them says less than the same likeness of a specific article. Cross-lingual retrieval
/// corrects this "hubness" by the similarity of each side to its nearest neighbours (CSLS,
/// Conneau et al. 2018); here the log-odds of a pair is lowered by how far the two articles'
/// hub levels sit above the corpus median, and raised as far for articles below it.
pub struct Scorer<'a> {
    features: &'a Features,
    hub: Vec<f32>,
    hub_median: f32,
}

impl<'a> Scorer<'a> {
    /// A scorer given each article's hub level ([`hub_level`]).
    pub fn new(features: &'a Features, hub: Vec<f32>) -> Scorer<'a> {
        let mut sorted = hub.clone();
        sorted.sort_by(f32::total_cmp);
        let hub_median = sorted.get(sorted.len() / 2).copied().unwrap_or(NO_EVIDENCE);
        Scorer {
            features,
            hub,
            hub_median,
        }
    }

    /// The probability that articles `a` and `b` tell the same story, lowered for articles
    /// far apart in time.
    /// Each article's hub level.
    pub fn hubs(&self) -> &[f32] {
        &self.hub
    }

    pub fn probability(&self, a: usize, b: usize) -> f32 {
        self.probability_given(&evidence(self.features, a, b), a, b)
    }

    /// [`Scorer::probability`] of a pair whose evidence is `e`.
    fn probability_given(&self, e: &Evidence, a: usize, b: usize) -> f32 {
        self.probability_of(log_odds(e), time_factor(e), a, b)
    }

    /// [`Scorer::probability`] for pairs asked one after another, quicker when runs of them
    /// share their first article: that article is kept spread ([`Spread`]) until another
    /// comes. The same probabilities to the last bit.
    pub fn pairs(&self) -> impl FnMut(usize, usize) -> f32 + '_ {
        let mut spread = Spread::new(self.features);
        move |a, b| {
            if spread.of != Some(a) {
                spread.set(self.features, a);
            }
            self.probability_given(&evidence_spread(self.features, &spread, b), a, b)
        }
    }

    /// [`Scorer::probability`] from evidence already weighed: its log-odds and
    /// [`time_factor`].
    pub fn probability_of(&self, log_odds: f32, time: f32, a: usize, b: usize) -> f32 {
        let hub = (self.hub[a] + self.hub[b]) / 2.0 - self.hub_median;
        let z = log_odds - HUB_WEIGHT * hub + HUB_SHIFT;
        time / (1.0 + (-z).exp())
    }
}

/// What distance in time leaves of a pair's probability.
pub fn time_factor(e: &Evidence) -> f32 {
    time_factor_days(e.days_apart)
}

/// 1 for articles a few days apart, down to 0.75 for articles far apart; 1 without dates.
fn time_factor_days(d: Option<i64>) -> f32 {
    d.map_or(1.0, |d| 0.75 + 0.25 * (-(d as f32) / 30.0).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none() -> Evidence {
        Evidence {
            entities: 0.0,
            info: 0.0,
            terms: 0.0,
            term_info: 0.0,
            cognates: 0.0,
            numbers: 0.0,
            same_lang: false,
            days_apart: None,
        }
    }

    /// Spread or merged, the evidence of every pair is the same to the last bit, whichever
    /// article was spread before.
    #[test]
    fn spread_evidence_is_the_merged_evidence() {
        let mut articles = crate::corpus::load_bundled().articles;
        let mut english = articles[0].clone();
        english.lang = "en".into();
        english.body = "Kim Jong Un met Vladimir Putin in Vladivostok in 2019 and 2024, \
                        the president said: technology and cooperation."
            .into();
        articles.push(english);
        let entities = crate::nlp::analyze(&articles);
        let f = Features::build(&articles, &entities);
        let mut spread = Spread::new(&f);
        let mut shared = 0;
        for a in (0..articles.len()).rev().chain(0..articles.len()) {
            spread.set(&f, a);
            for b in 0..articles.len() {
                let merged = evidence(&f, a, b);
                assert_eq!(evidence_spread(&f, &spread, b), merged, "{a} {b}");
                shared += usize::from(a != b && merged.entities > 0.0);
            }
        }
        assert!(shared > 0, "some pairs share names");

        // Asked in runs and out of them, the pairs' probabilities are the scorer's.
        let hub: Vec<f32> = (0..articles.len()).map(|a| a as f32 - 6.0).collect();
        let scorer = Scorer::new(&f, hub);
        let mut pairs = scorer.pairs();
        for (a, b) in [
            (0, 1),
            (0, 2),
            (3, 1),
            (0, 1),
            (5, 5),
            (2, 4),
            (2, 0),
            (4, 2),
        ] {
            assert_eq!(pairs(a, b), scorer.probability(a, b), "{a} {b}");
        }
    }

    #[test]
    fn time_factor_decays() {
        assert_eq!(time_factor_days(None), 1.0);
        assert!((time_factor_days(Some(0)) - 1.0).abs() < 1e-6);
        assert!(time_factor_days(Some(365)) < 0.76);
    }

    #[test]
    fn more_shared_evidence_never_lowers_the_odds() {
        let base = log_odds(&none());
        let more = [
            Evidence {
                entities: 0.5,
                ..none()
            },
            Evidence {
                info: 4.0,
                ..none()
            },
            Evidence {
                terms: 0.2,
                ..none()
            },
            Evidence {
                term_info: 3.0,
                ..none()
            },
            Evidence {
                cognates: 0.2,
                ..none()
            },
            Evidence {
                numbers: 0.5,
                ..none()
            },
        ];
        for e in more {
            assert!(log_odds(&e) > base, "{e:?}");
        }
        // Capped: a long shared vocabulary is not a story by itself.
        let long = Evidence {
            info: 500.0,
            term_info: 500.0,
            terms: 1.0,
            same_lang: true,
            ..none()
        };
        let capped = Evidence {
            info: 12.0,
            term_info: 15.0,
            terms: 0.4,
            same_lang: true,
            ..none()
        };
        assert_eq!(log_odds(&long), log_odds(&capped));
    }

    #[test]
    fn one_shared_name_alone_is_weak_evidence() {
        // One name, rare in the corpus (idf 4 nats), the only one either article has.
        let e = Evidence {
            entities: 1.0,
            info: 4.0,
            ..none()
        };
        let p = 1.0 / (1.0 + (-log_odds(&e)).exp());
        assert!(p < 0.5, "{p}");
    }

    #[test]
    fn hub_levels_count_missing_neighbours_as_nothing() {
        assert_eq!(hub_level(&mut []), NO_EVIDENCE);
        let one = hub_level(&mut [0.0]);
        assert!((one - 2.0 * NO_EVIDENCE / 3.0).abs() < 1e-4);
        assert_eq!(hub_level(&mut [3.0, 1.0, 2.0, -5.0]), 2.0);
    }
}
