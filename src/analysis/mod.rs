//! The one pipeline: inputs → corpus (load, clean) → entities (recognise, link) → relations
//! (related lists, stories). The export, the reader and the benchmarks all call [`run`] (or
//! [`analyse`] on a corpus they already hold), so that what one of them shows is what the
//! others measure.

pub mod indexed;

use std::path::PathBuf;

use crate::corpus::{self, Corpus};
use crate::index::{self, Relations};
use crate::nlp::{self, Entities};

/// The analysed corpus: everything the export writes and the reader starts from.
pub struct Analysis {
    pub corpus: Corpus,
    pub entities: Entities,
    pub relations: Relations,
    /// What the persistent index did, when one was used.
    pub index: Option<indexed::Summary>,
    /// Where the texts are in the index, when it holds exactly this analysis (search uses it).
    pub texts: Option<crate::store::TextIndex>,
}

/// Where the pipeline is; reported as each stage begins, with what it works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and cleaning the files.
    Loading,
    /// Reading (and recognising the names in) this many new or changed files, with an index.
    Reading(usize),
    /// Recognising and linking entities in this many articles.
    Entities(usize),
    /// Related lists and stories of this many articles.
    Relations(usize),
    /// Writing the persistent index.
    Saving,
    /// Finished.
    Done,
}

impl Stage {
    /// The items the stage's loops count in [`crate::meter`]: files read, articles
    /// recognised, and per article its candidates found and its list scored.
    pub fn work(&self) -> usize {
        match self {
            Stage::Reading(n) | Stage::Entities(n) => *n,
            Stage::Relations(n) => 2 * n,
            Stage::Loading | Stage::Saving | Stage::Done => 0,
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stage::Loading => write!(f, "loading…"),
            Stage::Reading(n) => write!(f, "reading {n} new or changed files…"),
            Stage::Entities(n) => write!(f, "finding entities in {n} articles…"),
            Stage::Relations(_) => write!(f, "linking related stories…"),
            Stage::Saving => write!(f, "saving the index…"),
            Stage::Done => write!(f, "done"),
        }
    }
}

/// What to analyse and how many related stories to keep per article.
pub struct Request<'a> {
    /// Files and folders; none means the bundled corpus.
    pub paths: &'a [PathBuf],
    /// Related stories kept per article (stories are found from at least the best
    /// [`index::KEPT_RELATED`]).
    pub related_limit: usize,
    pub index: IndexUse,
}

/// Whether to use the persistent index ([`crate::store`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexUse {
    /// Analyse in memory.
    Off,
    /// Use (and update) the index of these paths if `dossier index` made one.
    IfPresent,
    /// Make or update it.
    Make,
}

/// Loads and analyses the inputs of `request`, reporting each stage to `progress`. Skipped
/// inputs are in `corpus.skipped`, and so are the index's own problems, under its path;
/// reporting them is the caller's choice.
pub fn run(request: &Request<'_>, progress: &dyn Fn(Stage)) -> Analysis {
    run_with(request, progress, &|_, _| {})
}

/// [`run`], and without an index `early` is shown the articles and their entities before
/// the related stories are linked (the longest stage): the reader lists them meanwhile.
pub fn run_with(
    request: &Request<'_>,
    progress: &dyn Fn(Stage),
    early: &dyn Fn(&Corpus, &Entities),
) -> Analysis {
    let progress = &metered(progress);
    if let Some(file) = index_file(request) {
        let (mut a, summary, notes) = indexed::run(request.paths, &file, progress);
        let source = file.display().to_string();
        for reason in notes {
            // The index is the note's source: its reason need not name it again.
            let reason = reason
                .strip_prefix(&format!("{source}: "))
                .map_or(reason.clone(), str::to_owned);
            a.corpus.skipped.push(crate::corpus::Skipped {
                source: source.clone(),
                reason,
            });
        }
        if request.related_limit > index::KEPT_RELATED {
            // The index keeps KEPT_RELATED per article; a longer list is computed afresh.
            a.relations = index::relate(&a.corpus.articles, &a.entities, request.related_limit);
        } else {
            for links in &mut a.relations.related {
                links.truncate(request.related_limit);
            }
        }
        a.index = Some(summary);
        return a;
    }
    if request.index == IndexUse::Make && !request.paths.is_empty() {
        // Only without a cache directory (no home): say so, and analyse all the same.
        let mut a = run(
            &Request {
                index: IndexUse::Off,
                ..*request
            },
            progress,
        );
        a.corpus.skipped.push(crate::corpus::Skipped {
            source: "index".into(),
            reason: "no cache directory (set DOSSIER_CACHE or XDG_CACHE_HOME); not saved".into(),
        });
        return a;
    }
    progress(Stage::Loading);
    let corpus = crate::timing::phase("load", || {
        if request.paths.is_empty() {
            corpus::load_bundled()
        } else {
            corpus::load_paths(request.paths)
        }
    });
    analyse_with(corpus, request.related_limit, progress, early)
}

/// Analyses a loaded corpus: entities, then relations.
pub fn analyse(corpus: Corpus, related_limit: usize, progress: &dyn Fn(Stage)) -> Analysis {
    analyse_with(corpus, related_limit, &metered(progress), &|_, _| {})
}

/// `progress` that also starts each stage's count in the meter (the loops tick it).
fn metered(progress: &dyn Fn(Stage)) -> impl Fn(Stage) + '_ {
    move |s: Stage| {
        crate::meter::begin(s.work());
        progress(s)
    }
}

/// [`analyse`], showing `early` the entities before the relations are linked; `progress`
/// is [`metered`] already.
fn analyse_with(
    corpus: Corpus,
    related_limit: usize,
    progress: &dyn Fn(Stage),
    early: &dyn Fn(&Corpus, &Entities),
) -> Analysis {
    progress(Stage::Entities(corpus.articles.len()));
    let entities = nlp::analyze(&corpus.articles);
    early(&corpus, &entities);
    progress(Stage::Relations(corpus.articles.len()));
    let relations = index::relate(&corpus.articles, &entities, related_limit);
    progress(Stage::Done);
    Analysis {
        corpus,
        entities,
        relations,
        index: None,
        texts: None,
    }
}

/// The reader's first view of `paths`: the list, search and the finder from their index,
/// without the texts, when there is an index made by this build (see
/// [`crate::store::Preview`]); what it cannot read is left to [`run`], which follows.
pub fn preview(paths: &[PathBuf]) -> Option<(PathBuf, crate::store::Preview)> {
    if paths.is_empty() {
        return None;
    }
    let file = crate::store::location::index_file(&crate::store::location::cache_dir()?, paths);
    if !file.exists() {
        return None;
    }
    let store = crate::store::Store::open_read_only(&file).ok()?;
    let preview = store.preview().ok()??;
    Some((file, preview))
}

/// The index file to use for `request`, if any.
fn index_file(request: &Request<'_>) -> Option<PathBuf> {
    if request.paths.is_empty() || request.index == IndexUse::Off {
        return None;
    }
    let file =
        crate::store::location::index_file(&crate::store::location::cache_dir()?, request.paths);
    (request.index == IndexUse::Make || file.exists()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_come_in_order_and_the_limit_holds() {
        let seen = std::cell::RefCell::new(vec![]);
        let a = run(
            &Request {
                paths: &[],
                related_limit: 2,
                index: IndexUse::Off,
            },
            &|s| seen.borrow_mut().push(s),
        );
        let n = a.corpus.articles.len();
        assert_eq!(n, 5, "the bundled corpus");
        assert_eq!(
            *seen.borrow(),
            [
                Stage::Loading,
                Stage::Entities(n),
                Stage::Relations(n),
                Stage::Done
            ]
        );
        assert_eq!(a.entities.mentions.len(), n);
        assert!(a.relations.related.iter().all(|r| r.len() <= 2));
        assert!(a.relations.related.iter().any(|r| !r.is_empty()));
        assert_eq!(a.relations.story.len(), n);
    }
}
