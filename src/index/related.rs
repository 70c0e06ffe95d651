//! Related stories: for every article, the others a reader should read next, with two scores
//! — the probability that they tell the same story ([`super::score`]), which folds stories,
//! and how related they are ([`super::relatedness`]), which orders the list — and what
//! explains the link (shared entities, then shared words, rarest first). Links neither likely
//! the same story nor related enough, or with nothing to show as a reason, are left out.
//! [`order`] puts an article's list in the order the reader shows it: its story first.
//!
//! No all-pairs loop: candidates come from inverted indexes (entities, words, cognates,
//! numbers), each key's list used only while it is shorter than a cap, so the work per article
//! is bounded. The candidates' evidence is weighed in a first pass; the second corrects it for
//! articles that resemble everything a little, which needs every article's best matches first.

use super::features::{Features, MANY_TERMS, NO_TERM, lang_bit};
use super::relatedness::relatedness_given;
use super::score::{
    Evidence, Scorer, Spread, Vectors, evidence_spread, hub_level, log_odds, time_factor,
};
use crate::corpus::Article;

/// One related article.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub article: usize,
    /// The probability that the two tell the same story.
    pub score: f32,
    /// How related the two are, 0 to 1, as people rate news pairs.
    pub relatedness: f32,
    /// Entity indices that explain the link, rarest first.
    pub shared: Vec<usize>,
    /// Shared content words (or cognates across languages), rarest first: the reason shown
    /// when no entity is shared, and more of it when some are.
    pub words: Vec<String>,
}

/// Weights of the evidence when candidates are gathered (the exact score is [`probability`]).
const W_ENTITIES: f32 = 0.5;
const W_WORDS: f32 = 0.4;
const W_NUMBERS: f32 = 0.1;
const W_COGNATES: f32 = 0.3;
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

/// Candidates kept per article after the first pass, best log-odds first: the hub correction
/// reorders them only a little.
const KEPT: usize = 40;

/// Links scoring less than this, and less than [`MIN_RELATED`], are not listed: below it,
/// "same story" is a long shot.
pub const MIN_SHOWN: f32 = 0.02;
/// Links less related than this, and less likely the same story than [`MIN_SHOWN`], are not
/// listed. On the rated pairs of `shared/related-train` (in-sample), pairs people rate very
/// dissimilar score a median of 0.14, somewhat dissimilar 0.38, somewhat similar 0.54.
pub const MIN_RELATED: f32 = 0.2;

/// Whether a link with these scores is worth a place in a list.
pub fn worth_listing(score: f32, relatedness: f32) -> bool {
    score >= MIN_SHOWN || relatedness >= MIN_RELATED
}

/// Whether a candidate with these scores is kept near a list (see [`near`]).
pub fn worth_keeping_near(score: f32, relatedness: f32) -> bool {
    score >= NEAR || relatedness >= NEAR_RELATED
}

/// The order a list is kept and shown in: most related first, then likelier the same story.
pub fn by_relatedness(x: &Link, y: &Link) -> std::cmp::Ordering {
    y.relatedness
        .total_cmp(&x.relatedness)
        .then(y.score.total_cmp(&x.score))
        .then(x.article.cmp(&y.article))
}

/// Puts each article's list in the order the reader shows it: the articles of its own story
/// first (likeliest first); then the likeliest other telling of the same story, when it is
/// at least [`MIN_SHOWN`] likely (a translation the story fold missed: short texts in two
/// languages share few words, and relatedness alone put it lower, 0.911 of the UNER
/// translations on top against 0.927); then the others, most related first.
pub fn order(related: &mut [Vec<Link>], story: &[usize]) {
    for (a, links) in related.iter_mut().enumerate() {
        let same = |l: &Link| story[l.article] == story[a];
        let likeliest = links
            .iter()
            .filter(|l| !same(l) && l.score >= MIN_SHOWN)
            .max_by(|x, y| x.score.total_cmp(&y.score).then(y.article.cmp(&x.article)))
            .map(|l| l.article);
        let rank = |l: &Link| {
            if same(l) {
                0
            } else if Some(l.article) == likeliest {
                1
            } else {
                2
            }
        };
        links.sort_by(|x, y| {
            rank(x).cmp(&rank(y)).then_with(|| {
                if rank(x) == 0 {
                    y.score.total_cmp(&x.score).then(x.article.cmp(&y.article))
                } else {
                    by_relatedness(x, y)
                }
            })
        });
    }
}

/// Fills in why `a` links to `l.article`: the shared entities, rarest first, then the rarest
/// shared content words (cognates across languages).
pub fn explain(f: &Features, articles: &[Article], a: usize, l: &mut Link) {
    explain_by(f, articles, a, l, |of, b| {
        let vectors = of.of(f);
        vectors[a].shared_ids(&vectors[b])
    });
}

/// [`explain`] with `a` spread: the shared keys read off `b`'s vectors alone.
fn explain_spread(f: &Features, articles: &[Article], spread: &Spread, l: &mut Link) {
    let a = spread.of().expect("an article is spread");
    explain_by(f, articles, a, l, |of, b| {
        spread.shared_ids(of, &of.of(f)[b])
    });
}

/// [`explain`], the keys `a` and `b` share in each of their vectors given by `shared`.
fn explain_by(
    f: &Features,
    articles: &[Article],
    a: usize,
    l: &mut Link,
    shared: impl Fn(Vectors, usize) -> Vec<u32>,
) {
    let b = l.article;
    l.shared = rarest_first(shared(Vectors::Entities, b), &f.entity_idf)
        .take(MAX_SHARED)
        .map(|e| e as usize)
        .collect();
    // Shared words (across languages: names the recogniser missed, loan words), then, across
    // languages, shared cognates; everyday words explain little to a reader: they come after
    // the rarer ones. Walked rarest first until enough rare ones are found (two long articles
    // in one language share hundreds of words).
    let terms = shared(Vectors::Terms, b);
    let cognates = if f.langs[a] != f.langs[b] {
        shared(Vectors::Cognates, b)
    } else {
        vec![]
    };
    // Everyday in either article's language.
    let langs = lang_bit(&articles[a].lang) | lang_bit(&articles[b].lang);
    let term_words = rarest_first(terms.clone(), &f.term_idf).map(|t| {
        let t = t as usize;
        (&f.term_words[t], f.term_everyday[t] & langs != 0)
    });
    // A cognate written as a shared term's word is that reason already.
    let cognate_words = rarest_first(cognates, &f.cognate_idf)
        .filter(|&c| match f.cognate_term[c as usize] {
            NO_TERM => true,
            MANY_TERMS => {
                let w = &f.cognate_words[c as usize];
                !terms.iter().any(|&t| &f.term_words[t as usize] == w)
            }
            t => terms.binary_search(&t).is_err(),
        })
        .map(|c| {
            let c = c as usize;
            (&f.cognate_words[c], f.cognate_everyday[c] & langs != 0)
        });
    let (mut rare, mut common): (Vec<&String>, Vec<&String>) = (vec![], vec![]);
    for (w, everyday) in term_words.chain(cognate_words) {
        if rare.len() == MAX_WORDS {
            break;
        }
        if rare.contains(&w) || common.contains(&w) {
            continue;
        }
        if everyday {
            if common.len() < MAX_WORDS {
                common.push(w);
            }
        } else {
            rare.push(w);
        }
    }
    l.words = rare
        .into_iter()
        .chain(common)
        .take(MAX_WORDS)
        .cloned()
        .collect();
}

/// `keys` rarest first (highest `idf`, then lowest id), sorted a block at a time as they are
/// taken: a walk that stops after a few does not sort the hundreds of words two long
/// articles share. The order is total, so it is the order of a full sort.
fn rarest_first(mut keys: Vec<u32>, idf: &[f32]) -> impl Iterator<Item = u32> + '_ {
    const BLOCK: usize = 16;
    let order = |x: &u32, y: &u32| idf[*y as usize].total_cmp(&idf[*x as usize]).then(x.cmp(y));
    let mut taken = 0;
    std::iter::from_fn(move || {
        if taken == keys.len() {
            return None;
        }
        if taken % BLOCK == 0 {
            let rest = &mut keys[taken..];
            if rest.len() > BLOCK {
                rest.select_nth_unstable_by(BLOCK, order);
                rest[..BLOCK].sort_unstable_by(order);
            } else {
                rest.sort_unstable_by(order);
            }
        }
        taken += 1;
        Some(keys[taken - 1])
    })
}

/// At most this many shared words are listed per link.
const MAX_WORDS: usize = 4;

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

/// Related lists for every article, at most `limit` each, the scorer that made them, and each
/// article's [`near`] candidates.
#[allow(clippy::type_complexity)]
pub fn related<'a>(
    f: &'a Features,
    articles: &'a [Article],
    limit: usize,
) -> (Vec<Vec<Link>>, Scorer<'a>, Vec<Vec<u32>>) {
    let ids: Vec<usize> = (0..articles.len()).collect();
    use crate::timing::phase;
    let inverted = phase("inverted lists", || Inverted::build(f));
    let candidates = phase("candidates", || {
        candidates(f, &inverted, articles, &ids, limit)
    });
    let hub = candidates.iter().map(hub_of).collect();
    let scorer = Scorer::new(f, hub);
    let lists = phase("lists", || {
        lists(f, articles, &scorer, &candidates, &ids, limit)
    });
    let near = phase("near", || near(&scorer, &candidates, &ids, &lists));
    (lists, scorer, near)
}

/// Candidates scoring at least this, or at least [`NEAR_RELATED`], are kept beside a related
/// list (see [`near`]).
pub const NEAR: f32 = MIN_SHOWN / 2.0;
pub const NEAR_RELATED: f32 = MIN_RELATED * 0.75;

/// The candidates of the articles `ids` that are not in their related `lists` but are
/// [`worth_keeping_near`]: a long shot now, they are what a change elsewhere in the corpus (which
/// moves every rarity a little) can bring into the list, so an update scores them again
/// ([`super::incremental`]).
pub fn near(
    scorer: &Scorer<'_>,
    candidates: &[Candidates],
    ids: &[usize],
    lists: &[Vec<Link>],
) -> Vec<Vec<u32>> {
    ids.iter()
        .zip(candidates)
        .zip(lists)
        .map(|((&a, cands), list)| {
            cands
                .iter()
                .filter(|&&(b, z, time, rel)| {
                    !list.iter().any(|l| l.article == b as usize)
                        && worth_keeping_near(scorer.probability_of(z, time, a, b as usize), rel)
                })
                .map(|&(b, ..)| b)
                .collect()
        })
        .collect()
}

/// An article's best candidates, as [`candidates`] gives them: (article, log-odds, time
/// factor, relatedness), likeliest the same story first.
pub type Candidates = Vec<(u32, f32, f32, f32)>;

/// An article's hub level from its candidates.
pub fn hub_of(candidates: &Candidates) -> f32 {
    hub_level(&mut candidates.iter().map(|&(_, z, ..)| z).collect::<Vec<_>>())
}

/// The inverted lists of a corpus's features, built once for every candidate search.
pub struct Inverted {
    ent: Postings,
    terms: Postings,
    nums: Postings,
    cognates: Postings,
}

impl Inverted {
    pub fn build(f: &Features) -> Inverted {
        // The term lists are the largest, about as much work as the rest: on a core of their own.
        std::thread::scope(|scope| {
            let terms = scope.spawn(|| Postings::build(&f.terms));
            let (ent, nums, cognates) = (
                Postings::build(&f.entities),
                Postings::build(&f.numbers),
                Postings::build(&f.cognates),
            );
            Inverted {
                ent,
                terms: terms.join().expect("building the term lists panicked"),
                nums,
                cognates,
            }
        })
    }
}

/// The best candidates of each of the articles `ids` (for lists of up to `limit`), from the
/// inverted indexes of the whole corpus.
pub fn candidates(
    f: &Features,
    inverted: &Inverted,
    articles: &[Article],
    ids: &[usize],
    limit: usize,
) -> Vec<Candidates> {
    let n = articles.len();
    let budget = Budget::for_size(n);
    let Inverted {
        ent,
        terms,
        nums,
        cognates,
    } = inverted;
    // Candidates scored exactly per article: the best by the partial score from the walked lists.
    let exact = limit.saturating_mul(2).max(30);
    let chunks: Vec<&[usize]> = ids.chunks(ids.len().div_ceil(8).max(1)).collect();
    // Each worker keeps one dense accumulator and reuses it for its articles.
    let per_chunk = crate::parallel::map(&chunks, |chunk| {
        let mut acc = vec![0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut spread = Spread::new(f);
        chunk
            .iter()
            .map(|&a| {
                crate::meter::tick();
                touched.clear();
                spread.set(f, a);
                for (vectors, postings, weight, across_only) in [
                    (&f.entities, ent, W_ENTITIES, false),
                    (&f.terms, terms, W_WORDS, false),
                    (&f.numbers, nums, W_NUMBERS, false),
                    (&f.cognates, cognates, W_COGNATES, true),
                ] {
                    for (k, wa) in top_keys(&vectors[a], budget.keys) {
                        let list = &postings.lists[k as usize];
                        if list.len() > budget.cap {
                            continue;
                        }
                        for &(b, wb) in list {
                            let b = b as usize;
                            if b == a || (across_only && f.langs[b] == f.langs[a]) {
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
                // The candidates with their evidence weighed (log-odds, time factor); the hub
                // correction needs every article's best first. The best few are kept, with
                // their relatedness (computed for those only: it reads every word).
                let mut weighed: Vec<(Evidence, (u32, f32, f32, f32))> =
                    Vec::with_capacity(touched.len());
                for &b in &touched {
                    acc[b] = 0.0;
                    let e = evidence_spread(f, &spread, b);
                    weighed.push((e, (b as u32, log_odds(&e), time_factor(&e), 0.0)));
                }
                weighed.sort_by(|(_, x), (_, y)| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
                weighed.truncate(KEPT);
                let mut scored: Candidates = weighed
                    .into_iter()
                    .map(|(e, mut c)| {
                        c.3 = relatedness_given(f, a, c.0 as usize, &e);
                        c
                    })
                    .collect();
                scored.shrink_to_fit();
                scored
            })
            .collect::<Vec<_>>()
    });
    per_chunk.into_iter().flatten().collect()
}

/// The related lists of the articles `ids`, at most `limit` each, most related first, from
/// their `candidates` (one per id) scored by `scorer`.
pub fn lists(
    f: &Features,
    articles: &[Article],
    scorer: &Scorer<'_>,
    candidates: &[Candidates],
    ids: &[usize],
    limit: usize,
) -> Vec<Vec<Link>> {
    let work: Vec<(usize, &Candidates)> = ids.iter().copied().zip(candidates).collect();
    // Each worker keeps one article spread at a time for the reasons of its links.
    let chunks: Vec<&[(usize, &Candidates)]> = work.chunks(work.len().div_ceil(8).max(1)).collect();
    let per_chunk = crate::parallel::map(&chunks, |chunk| {
        let mut spread = Spread::new(f);
        chunk
            .iter()
            .map(|&(a, cands)| list(f, articles, scorer, &mut spread, a, cands, limit))
            .collect::<Vec<_>>()
    });
    per_chunk.into_iter().flatten().collect()
}

/// One article's related list from its candidates (see [`lists`]).
fn list(
    f: &Features,
    articles: &[Article],
    scorer: &Scorer<'_>,
    spread: &mut Spread,
    a: usize,
    cands: &Candidates,
    limit: usize,
) -> Vec<Link> {
    crate::meter::tick();
    let mut links: Vec<Link> = cands
        .iter()
        .map(|&(b, z, time, relatedness)| Link {
            article: b as usize,
            score: scorer.probability_of(z, time, a, b as usize),
            relatedness,
            shared: vec![],
            words: vec![],
        })
        .filter(|l| worth_listing(l.score, l.relatedness))
        .collect();
    links.sort_by(by_relatedness);
    // A link shown must say why; the reasons are looked up only for those shown.
    let mut shown = Vec::with_capacity(limit.min(links.len()));
    spread.set(f, a);
    for mut l in links {
        if shown.len() == limit {
            break;
        }
        explain_spread(f, articles, spread, &mut l);
        if !(l.shared.is_empty() && l.words.is_empty()) {
            shown.push(l);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use crate::corpus::Article;

    fn article(id: &str, lang: &str, title: &str, body: &str) -> Article {
        Article {
            id: id.into(),
            source: format!("{id}.txt"),
            title: title.into(),
            lang: lang.into(),
            date: None,
            url: None,
            site: None,
            body: body.into(),
        }
    }

    /// The reasons of a link come rarest first: an entity every article names is listed after
    /// the one only these two share; across languages, shared words explain the link too.
    #[test]
    fn reasons_are_rarest_first_and_links_say_why() {
        let articles = vec![
            article(
                "a",
                "de",
                "Rudenko in Moskau",
                "Andrej Rudenko traf in Moskau den Gesandten Liu Xiaoming. Russland und China sprachen über Nordkorea.",
            ),
            article(
                "b",
                "en",
                "Rudenko in Moscow",
                "Andrei Rudenko met the envoy Liu Xiaoming in Moscow. Russia and China discussed North Korea.",
            ),
            article("c", "en", "Russia", "Russia and China held talks."),
            article("d", "de", "Russland", "Russland und China verhandelten."),
        ];
        let entities = crate::nlp::analyze(&articles);
        let relations = crate::index::relate(&articles, &entities, 10);
        let a = &relations.related[0];
        assert_eq!(a[0].article, 1, "{a:?}");
        let ids: Vec<&str> = a[0]
            .shared
            .iter()
            .map(|&e| entities.list[e].id.as_str())
            .collect();
        let pos = |id: &str| ids.iter().position(|x| *x == id);
        assert!(pos("andrei_rudenko") < pos("russia"), "{ids:?}");
        // Four articles say little about how rare a name is: the score stays modest here
        // (0.11); the summed rarity of shared names grows with the corpus.
        assert!(a[0].score > 0.05, "{a:?}");
        for links in &relations.related {
            for l in links {
                assert!(!(l.shared.is_empty() && l.words.is_empty()), "{l:?}");
            }
        }
    }

    /// The reasons read off a spread article are the merged reasons, for every pair.
    #[test]
    fn spread_reasons_are_the_merged_reasons() {
        let mut articles = crate::corpus::load_bundled().articles;
        articles.push(article(
            "b",
            "en",
            "Rudenko in Moscow",
            "Andrei Rudenko met the envoy Liu Xiaoming in Moscow. Russia and China discussed \
             North Korea, technology and the president's cooperation in 2024.",
        ));
        let entities = crate::nlp::analyze(&articles);
        let f = super::Features::build(&articles, &entities);
        let mut spread = super::Spread::new(&f);
        let mut reasons = 0;
        for a in 0..articles.len() {
            spread.set(&f, a);
            for b in 0..articles.len() {
                let mut merged = link(b, 0.5, 0.5);
                let mut spreaded = link(b, 0.5, 0.5);
                super::explain(&f, &articles, a, &mut merged);
                super::explain_spread(&f, &articles, &spread, &mut spreaded);
                assert_eq!(spreaded, merged, "{a} {b}");
                reasons += merged.shared.len() + merged.words.len();
            }
        }
        assert!(reasons > 0);
    }

    /// Taken a block at a time, the rarest-first order is a full sort's, ties by id.
    #[test]
    fn rarest_first_is_a_full_sort_however_far_it_is_taken() {
        let idf: Vec<f32> = (0..200).map(|i| ((i * 37) % 23) as f32).collect();
        let keys: Vec<u32> = (0..200).rev().step_by(3).collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|&x, &y| idf[y as usize].total_cmp(&idf[x as usize]).then(x.cmp(&y)));
        assert_eq!(
            super::rarest_first(keys.clone(), &idf).collect::<Vec<_>>(),
            sorted
        );
        assert_eq!(
            super::rarest_first(keys, &idf).take(5).collect::<Vec<_>>(),
            sorted[..5]
        );
    }

    fn link(article: usize, score: f32, relatedness: f32) -> super::Link {
        super::Link {
            article,
            score,
            relatedness,
            shared: vec![],
            words: vec![],
        }
    }

    /// A list shows the article's own story first (likeliest first), then the likeliest
    /// other telling, then the others, most related first, whatever their probability.
    #[test]
    fn lists_put_the_story_first_then_the_most_related() {
        // Article 0's story holds 0 and 3.
        let story = [0, 1, 2, 0, 4, 5];
        let mut related = vec![
            vec![
                link(1, 0.30, 0.40),
                link(2, 0.02, 0.70),
                link(3, 0.90, 0.35),
                link(4, 0.10, 0.55),
                link(5, 0.01, 0.20),
            ],
            vec![],
            vec![],
            vec![],
            vec![],
            vec![],
        ];
        super::order(&mut related, &story);
        let order: Vec<usize> = related[0].iter().map(|l| l.article).collect();
        assert_eq!(order, [3, 1, 2, 4, 5]);
        // Without a likely other telling, relatedness alone.
        let mut related = vec![
            vec![link(1, 0.01, 0.2), link(2, 0.015, 0.5)],
            vec![],
            vec![],
        ];
        super::order(&mut related, &[0, 1, 2]);
        assert_eq!(related[0][0].article, 2);
    }

    /// A link likely the same story, or related enough, is worth listing; neither is not.
    #[test]
    fn either_score_earns_a_place() {
        assert!(super::worth_listing(super::MIN_SHOWN, 0.0));
        assert!(super::worth_listing(0.0, super::MIN_RELATED));
        assert!(!super::worth_listing(
            super::MIN_SHOWN / 2.0,
            super::MIN_RELATED / 2.0
        ));
    }
}
