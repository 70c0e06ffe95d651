//! The pipeline with a persistent index ([`crate::store`]): files whose size and mtime (or,
//! failing those, content hash) are as stored are not read again, and the names found in
//! their articles are reused; new and changed files are read and their articles recognised.
//! The corpus-wide stages (linking, related lists, stories) then run over the whole corpus,
//! exactly as without an index, so an updated index and one rebuilt from scratch agree; when
//! no file changed even those are read from the index instead.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{Analysis, Stage};
use crate::corpus::{self, FileResult, Source, SourceData};
use crate::index::{self, Relations};
use crate::nlp::{self, Found};
use crate::store::{
    Analysed, Derived, FileState, PreviousRelations, Store, StoredFile, TextIndex, Update, Written,
};

/// What an update did, in articles (and how long it took).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files read (new or changed) and files in all.
    pub files_read: usize,
    pub files: usize,
    /// Whether the corpus-wide stages ran (false: read from the index).
    pub relinked: bool,
    /// Articles whose related list was computed (the others' were kept from the index).
    pub related_again: usize,
    /// Whether this run's update was written (false: another process wrote one meanwhile,
    /// or the index could not be written).
    pub saved: bool,
    /// Why the index could not be opened or written, when it could not (it is also among the
    /// notes): `dossier index` says it once, as its error.
    pub failed: Option<String>,
    pub millis: u128,
    pub index: PathBuf,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} articles: {} added, {} changed, {} removed, {} unchanged ({} of {} files read, {} related again) in {:.2} s; {}{}",
            self.added + self.changed + self.unchanged,
            self.added,
            self.changed,
            self.removed,
            self.unchanged,
            self.files_read,
            self.files,
            self.related_again,
            self.millis as f64 / 1000.0,
            self.index.display(),
            if self.saved { "" } else { " (not saved)" }
        )
    }
}

/// A file read afresh in this run: what the update writes of it.
struct WrittenFile {
    key: String,
    state: FileState,
    /// Its problems; its articles (and the names found in them) are moved into the corpus,
    /// at `range`.
    result: FileResult,
    found: Vec<Found>,
    /// Its articles' ids as read (the corpus makes them unique).
    base_ids: Vec<String>,
    range: std::ops::Range<usize>,
}

/// One input file now.
struct Now<'a> {
    source: &'a Source,
    /// What the index knows it by: its absolute path, so that `corpus/a.txt` and
    /// `/home/x/corpus/a.txt` are one file (the label, as the user wrote it, may differ).
    key: String,
    state: FileState,
    /// Its content hash, computed when first asked for (to tell a touched file from a changed
    /// one, and to store), then kept.
    hash: std::sync::OnceLock<String>,
}

impl Now<'_> {
    fn hash(&self) -> &str {
        self.hash
            .get_or_init(|| content_hash(self.source).unwrap_or_default())
    }
}

/// A source's key in the index.
/// Each source's key and state now, stat'ed on all cores.
fn now_of(sources: &[Source]) -> Vec<Now<'_>> {
    sources
        .iter()
        .zip(crate::parallel::map(sources, |s| (key_of(s), stat(s))))
        .map(|(source, (key, state))| Now {
            source,
            key,
            state,
            hash: std::sync::OnceLock::new(),
        })
        .collect()
}

fn key_of(source: &Source) -> String {
    match &source.data {
        SourceData::File(path) => std::fs::canonicalize(path)
            .map_or_else(|_| corpus::path_key(path), |p| corpus::path_key(&p)),
        SourceData::Embedded(_) => source.label.clone(),
    }
}

/// Analyses `paths` with the index at `index_file`, updating it. Problems with the index
/// itself (a corrupt file moved aside, a failed write) are returned as notes; the analysis
/// is complete whatever happens to the index.
/// `dossier index` on an index that is current — every file as stored (size and
/// modification time), none gone or new, the stored analysis made by this build for these
/// files in this order: the summary and the inputs' problems, read from the index without
/// any text, names or related list (a warm start at 100k articles read all of them, for
/// nothing). `None` when anything differs: the caller runs the update.
pub fn current(paths: &[PathBuf], index_file: &Path) -> Option<(Summary, Vec<corpus::Skipped>)> {
    let t = Instant::now();
    if !index_file.exists() {
        return None;
    }
    let (sources, walk_skipped) = corpus::expand(paths);
    let store = Store::open_existing(index_file).ok()?;
    let states = store.files().ok()?;
    let now = now_of(&sources);
    // As stored to the nanosecond: a touched file (same text, new time) is for the update.
    let same = now.len() == states.len()
        && now.iter().all(|f| {
            states
                .get(&f.key)
                .is_some_and(|s| s.size == f.state.size && s.mtime_ns == f.state.mtime_ns)
        });
    if !same {
        return None;
    }
    let outline = store.outline().ok()??;
    let expected = now
        .iter()
        .flat_map(|f| (0..states[&f.key].articles).map(|n| (f.key.as_str(), n)));
    if !outline
        .order
        .iter()
        .map(|(k, n)| (k.as_str(), *n))
        .eq(expected)
    {
        return None;
    }
    let mut skipped = walk_skipped;
    for f in &now {
        for reason in outline.problems.get(&f.key).into_iter().flatten() {
            skipped.push(corpus::Skipped {
                source: f.source.label.clone(),
                reason: reason.clone(),
            });
        }
    }
    let summary = Summary {
        unchanged: outline.order.len(),
        files: now.len(),
        saved: true,
        millis: t.elapsed().as_millis(),
        index: index_file.to_owned(),
        ..Summary::default()
    };
    Some((summary, skipped))
}

pub fn run(
    paths: &[PathBuf],
    index_file: &Path,
    progress: &dyn Fn(Stage),
) -> (Analysis, Summary, Vec<String>) {
    let t = Instant::now();
    progress(Stage::Loading);
    let (sources, walk_skipped) = corpus::expand(paths);
    let mut notes = vec![];
    let mut failed = None;
    let mut store = match Store::open(index_file) {
        Ok((store, note)) => {
            notes.extend(note);
            Some(store)
        }
        Err(why) => {
            let why = format!("{why}; working without the index");
            notes.push(why.clone());
            failed = Some(why);
            None
        }
    };
    // Each file's key and state now.
    let now = now_of(&sources);
    // What the index holds; a database that fails while being read is moved aside once.
    let mut stored = crate::timing::phase("read the index", || read_state(store.as_ref(), &now));
    for _ in 0..crate::store::BUSY_RETRIES {
        match &stored {
            Err(why) if crate::store::is_busy(why) => {
                std::thread::sleep(crate::store::BUSY_WAIT);
                stored = read_state(store.as_ref(), &now);
            }
            _ => break,
        }
    }
    if let Err(why) = &stored {
        let read_only = store.take().is_some_and(|s| s.is_read_only());
        // Busy is not corrupt, and what cannot be written cannot be made again either: only
        // an index that fails being read for what it holds is moved aside.
        let fresh = if crate::store::is_busy(why) || read_only {
            Err(why.clone())
        } else {
            Store::open_fresh(index_file, why)
        };
        match fresh {
            Ok((s, note)) => {
                notes.push(note);
                store = Some(s);
            }
            Err(why) => {
                let why = format!("{why}; working without the index");
                notes.push(why.clone());
                failed = Some(why);
            }
        }
        stored = Ok(State::unindexed(&now));
    }
    let State {
        generation,
        states,
        mut files,
        derived,
        previous,
        to_read,
        touched,
        removed,
    } = stored.expect("recovered");
    let mut summary = Summary {
        files_read: to_read.len(),
        files: sources.len(),
        index: index_file.to_owned(),
        ..Summary::default()
    };

    // Read and recognise what changed, a file a task on all cores.
    let reading: Vec<&Now> = to_read.iter().map(|&i| &now[i]).collect();
    progress(Stage::Reading(reading.len()));
    let fresh: Vec<(FileResult, String, Vec<Found>)> =
        crate::timing::phase("read and recognise files", || {
            crate::parallel::map(&reading, |f| {
                let hash = f.hash().to_owned();
                let result = corpus::read_source(f.source);
                let found = result.articles.iter().map(nlp::recognize_article).collect();
                crate::meter::tick();
                (result, hash, found)
            })
        });
    let mut written: Vec<WrittenFile> = vec![];
    for (f, (result, hash, found)) in reading.iter().zip(fresh) {
        let key = f.key.clone();
        let old: HashMap<String, corpus::Article> = files
            .remove(&key)
            .map(|s| {
                s.result
                    .articles
                    .into_iter()
                    .map(|a| (a.id.clone(), a))
                    .collect()
            })
            .unwrap_or_default();
        let new: HashSet<&str> = result.articles.iter().map(|a| a.id.as_str()).collect();
        for a in &result.articles {
            match old.get(&a.id) {
                // The same article in a changed file (a feed that grew): unchanged.
                Some(o) if same_article(o, a) => {}
                Some(_) => summary.changed += 1,
                None => summary.added += 1,
            }
        }
        summary.removed += old.keys().filter(|id| !new.contains(id.as_str())).count();
        let state = FileState {
            hash,
            articles: result.articles.len(),
            ..f.state.clone()
        };
        written.push(WrittenFile {
            key,
            state,
            base_ids: result.articles.iter().map(|a| a.id.clone()).collect(),
            result,
            found,
            range: 0..0,
        });
    }
    for key in &removed {
        summary.removed += states[key].articles;
    }

    // The corpus in walk order, each file from the index or as just read (moved: the update
    // writes the texts read from the corpus). `written` is in `reading`'s order.
    let written_at: HashMap<&str, usize> = reading
        .iter()
        .enumerate()
        .map(|(i, f)| (f.key.as_str(), i))
        .collect();
    let mut order = vec![];
    let mut found_all = vec![];
    let mut parts = vec![];
    for f in &now {
        let (mut result, found) = match files.remove(&f.key) {
            Some(stored) => (stored.result, stored.found),
            None => {
                let w = &mut written[written_at[f.key.as_str()]];
                w.range = order.len()..order.len() + w.result.articles.len();
                let result = FileResult {
                    articles: std::mem::take(&mut w.result.articles),
                    problems: w.result.problems.clone(),
                };
                (result, std::mem::take(&mut w.found))
            }
        };
        // The source as named this time.
        for a in &mut result.articles {
            a.source.clone_from(&f.source.label);
        }
        order.extend((0..result.articles.len()).map(|n| (f.key.clone(), n)));
        found_all.extend(found);
        parts.push((f.source.label.as_str(), result));
    }
    let mut corpus = crate::timing::phase("assemble the corpus", || corpus::assemble(parts));
    corpus.skipped.splice(0..0, walk_skipped);
    summary.unchanged = corpus.articles.len() - summary.added - summary.changed;

    let nothing_changed = written.is_empty() && removed.is_empty();
    let reuse = derived.filter(|d| nothing_changed && d.order == order);
    summary.relinked = reuse.is_none();
    let will_write = summary.relinked || !touched.is_empty();
    let writing = will_write && store.as_ref().is_some_and(|s| !s.is_read_only());
    // The names were not read when nothing seemed to change; should the stored corpus-wide
    // part then not fit after all, they are found again.
    let found_all = if reuse.is_some() || found_all.len() == corpus.articles.len() {
        found_all
    } else {
        nlp::recognize_all(&corpus.articles)
    };
    // The names found in the files read, as the index stores them (in `written`'s order),
    // on all cores, when it will write them.
    let found_json: Vec<String> = if writing {
        let rows: Vec<usize> = written.iter().flat_map(|w| w.range.clone()).collect();
        crate::parallel::map(&rows, |&i| {
            serde_json::to_string(&found_all[i]).expect("spans serialise")
        })
    } else {
        vec![]
    };
    let update = writing.then(|| Update {
        removed: removed.iter().map(String::as_str).collect(),
        written: written
            .iter()
            .scan(0, |at, w| {
                let found = &found_json[*at..*at + w.range.len()];
                *at += w.range.len();
                Some(Written {
                    label: &w.key,
                    state: &w.state,
                    problems: &w.result.problems,
                    articles: &corpus.articles[w.range.clone()],
                    base_ids: &w.base_ids,
                    found,
                })
            })
            .collect(),
        touched: touched
            .iter()
            .map(|&i| (now[i].key.as_str(), &now[i].state))
            .collect(),
        order: &order,
        corpus: &corpus.articles,
    });
    let mut related_again = 0;
    let analyse = || match reuse {
        Some(d) => Analysed {
            entities: d.entities,
            relations: Relations {
                related: d.related,
                story: d.story,
                hub: d.hub,
                near: d.near,
            },
        },
        None => {
            progress(Stage::Entities(corpus.articles.len()));
            let entities = crate::timing::phase("link entities", || {
                nlp::link_found(&corpus.articles, &found_all)
            });
            // The names themselves are not needed again (they take more memory than the
            // entities).
            drop(found_all);
            progress(Stage::Relations(corpus.articles.len()));
            let re_read: HashSet<&str> = written.iter().map(|w| w.key.as_str()).collect();
            let (relations, report) = match previous {
                Some(p) => {
                    let (previous, fresh) = previous_now(p, &order, &re_read, &entities);
                    crate::timing::phase("relate again", || {
                        index::incremental::relate_again(
                            &corpus.articles,
                            &entities,
                            &previous,
                            &fresh,
                        )
                    })
                }
                None => (
                    index::relate(&corpus.articles, &entities, index::KEPT_RELATED),
                    index::incremental::Report {
                        related: corpus.articles.len(),
                        stories: corpus.articles.len(),
                    },
                ),
            };
            related_again = report.related;
            Analysed {
                entities,
                relations,
            }
        }
    };

    let (analysed, wrote) = match (store.as_mut(), &update) {
        (Some(store), Some(update)) => {
            // The texts go to the index on a thread of their own while the corpus is
            // analysed on the others (streamed: a first index's full-text index is a
            // quarter of its time, on one core); the analysis follows when it is made.
            std::thread::scope(|scope| {
                // A rendezvous: a send returns the analysis when the writer has stopped
                // without taking it (a buffered one would be lost with the channel).
                let (send, receive) = std::sync::mpsc::sync_channel::<Analysed>(0);
                let writer = scope
                    .spawn(move || store.write(update, generation, move || receive.recv().ok()));
                let analysed = analyse();
                progress(Stage::Saving);
                // Refused when the writer stopped first (another process's update stands,
                // or writing failed): the analysis comes back with the refusal.
                let refused = send.send(analysed).err().map(|e| e.0);
                let (wrote, back) = match writer.join() {
                    Ok(done) => done,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                let analysed = refused
                    .or(back)
                    .expect("the writer hands the analysis back");
                (analysed, Some(wrote))
            })
        }
        _ => (analyse(), None),
    };
    summary.related_again = related_again;
    let Analysed {
        entities,
        relations,
    } = analysed;
    match (store.as_mut(), wrote) {
        (Some(_), Some(Ok(saved))) => summary.saved = saved,
        (Some(store), Some(Err(why))) => {
            // A full disk: what the failed write took is given back. An index that never
            // held an analysis is worth nothing and goes whole (its log cannot be emptied
            // without room to copy it into the database).
            if generation == 0 {
                store.discard();
            } else {
                store.shrink_log();
            }
            let why = format!("{why}; the index was not updated");
            notes.push(why.clone());
            failed = Some(why);
        }
        (Some(store), None) if store.is_read_only() && will_write => {
            let why = format!(
                "{}: cannot be written (read-only); the index was read, not updated",
                index_file.display()
            );
            notes.push(why.clone());
            failed = Some(why);
        }
        // Nothing to write: the index holds this analysis.
        (Some(_), None) => summary.saved = true,
        (None, _) => {}
    }
    summary.failed = failed;
    summary.millis = t.elapsed().as_millis();
    progress(Stage::Done);
    let texts = summary.saved.then(|| TextIndex {
        file: index_file.to_owned(),
        order,
    });
    (
        Analysis {
            corpus,
            entities,
            relations,
            index: None,
            texts,
        },
        summary,
        notes,
    )
}

/// What the stored relations say of the corpus now (`order`, of which the files `re_read`
/// were read again): per article its kept list and story, by its index now; and the new or
/// changed articles (those not there before, sorted).
fn previous_now(
    p: PreviousRelations,
    order: &[(String, usize)],
    re_read: &HashSet<&str>,
    entities: &nlp::Entities,
) -> (index::incremental::Previous, Vec<usize>) {
    let n = order.len();
    let now_at: HashMap<(&str, usize), usize> = order
        .iter()
        .enumerate()
        .filter(|(_, (label, _))| !re_read.contains(label.as_str()))
        .map(|(i, (label, k))| ((label.as_str(), *k), i))
        .collect();
    let old_to_now: Vec<Option<usize>> = p
        .order
        .iter()
        .map(|(label, k)| now_at.get(&(label.as_str(), *k)).copied())
        .collect();
    let entity_now: HashMap<&str, usize> = entities
        .list
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let entity_of: Vec<Option<usize>> = p
        .entity_ids
        .iter()
        .map(|id| entity_now.get(id.as_str()).copied())
        .collect();
    let mut kept = vec![None; n];
    let mut hub = vec![None; n];
    let mut near = vec![vec![]; n];
    let mut story = vec![None; n];
    let mut broken = HashSet::new();
    for (o, links) in p.related.into_iter().enumerate() {
        let Some(i) = old_to_now[o] else {
            broken.insert(p.story[o]);
            continue;
        };
        story[i] = Some(p.story[o]);
        hub[i] = Some(p.hub[o]);
        // A near candidate gone is no longer near.
        near[i] = p.near[o]
            .iter()
            .filter_map(|&b| old_to_now[b as usize].map(|b| b as u32))
            .collect();
        let links: Option<Vec<index::Link>> = links
            .into_iter()
            .map(|l| {
                Some(index::Link {
                    article: old_to_now[l.article]?,
                    shared: l
                        .shared
                        .iter()
                        .map(|&e| entity_of[e])
                        .collect::<Option<_>>()?,
                    ..l
                })
            })
            .collect();
        kept[i] = links;
    }
    let fresh = (0..n).filter(|&i| story[i].is_none()).collect();
    (
        index::incremental::Previous {
            kept,
            hub,
            near,
            story,
            broken,
        },
        fresh,
    )
}

/// Whether an article read again is the one stored (its source may be named otherwise).
fn same_article(a: &corpus::Article, b: &corpus::Article) -> bool {
    (&a.title, &a.body, &a.lang, &a.date, &a.url) == (&b.title, &b.body, &b.lang, &b.date, &b.url)
}

/// What the index holds for the current sources, and what that means for them.
struct State {
    generation: u64,
    states: HashMap<String, FileState>,
    files: HashMap<String, StoredFile>,
    derived: Option<Derived>,
    /// The related lists and stories stored, when something changed (to relate again only
    /// what the change touches).
    previous: Option<PreviousRelations>,
    /// Indices into the files now: to read (new or changed), only touched.
    to_read: Vec<usize>,
    touched: Vec<usize>,
    /// Keys of stored files that are gone.
    removed: Vec<String>,
}

impl State {
    /// Without an index: every file is to be read.
    fn unindexed(now: &[Now]) -> State {
        State {
            generation: 0,
            states: HashMap::new(),
            files: HashMap::new(),
            derived: None,
            previous: None,
            to_read: (0..now.len()).collect(),
            touched: vec![],
            removed: vec![],
        }
    }
}

/// Which files to read (new, or changed in size or mtime and content) and which were only
/// touched (new mtime, same content), by index into `now`.
fn classify(now: &[Now], states: &HashMap<String, FileState>) -> (Vec<usize>, Vec<usize>) {
    let mut to_read = vec![];
    let mut touched = vec![];
    for (i, f) in now.iter().enumerate() {
        match states.get(&f.key) {
            Some(old) if old.size == f.state.size && old.mtime_ns == f.state.mtime_ns => {}
            Some(old) if f.hash() == old.hash => {
                touched.push(i);
            }
            _ => to_read.push(i),
        }
    }
    (to_read, touched)
}

/// What the index holds for the files `now`. The names found and the corpus-wide part are
/// read only when they are needed: the names when something changed (linking runs again),
/// the corpus-wide part when nothing did (it is reused).
fn read_state(store: Option<&Store>, now: &[Now]) -> Result<State, String> {
    let Some(store) = store else {
        return Ok(State::unindexed(now));
    };
    let generation = store.generation()?;
    let states = store.files()?;
    let (to_read, touched) = classify(now, &states);
    let present: HashSet<&str> = now.iter().map(|f| f.key.as_str()).collect();
    let removed: Vec<String> = states
        .keys()
        .filter(|k| !present.contains(k.as_str()))
        .cloned()
        .collect();
    let changed = !to_read.is_empty() || !removed.is_empty();
    let keys: Vec<&str> = now.iter().map(|f| f.key.as_str()).collect();
    let files = crate::timing::phase("read the stored texts", || {
        store.read_files(&keys, &states, changed)
    })?;
    let derived = if changed { None } else { store.derived()? };
    let previous = if changed {
        crate::timing::phase("read the stored relations", || store.previous_relations())?
    } else {
        None
    };
    Ok(State {
        generation,
        states,
        files,
        derived,
        previous,
        to_read,
        touched,
        removed,
    })
}

/// A file's size and modification time now (zeros when it cannot be read: it will be read,
/// and the reading will say why it fails).
fn stat(source: &Source) -> FileState {
    let meta = match &source.data {
        SourceData::File(path) => std::fs::metadata(path).ok(),
        SourceData::Embedded(_) => None,
    };
    let mtime_ns = meta
        .as_ref()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    FileState {
        size: meta.map_or(0, |m| m.len()),
        mtime_ns,
        hash: String::new(),
        articles: 0,
    }
}

/// A hash of a file's bytes, to tell a touched file from a changed one.
fn content_hash(source: &Source) -> Option<String> {
    let bytes = match &source.data {
        SourceData::File(path) => std::fs::read(path).ok()?,
        SourceData::Embedded(b) => b.to_vec(),
    };
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(&bytes);
    Some(format!("{:016x}{:08x}", h.finish(), bytes.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::data::Data;
    use crate::index::search::SearchIndex;

    fn data(dir: &Path, index: &Path) -> Data {
        let (a, summary, notes) = run(&[dir.to_path_buf()], index, &|_| {});
        assert!(notes.is_empty(), "{notes:?}");
        assert!(summary.saved, "{summary}");
        Data::from_analysis(a)
    }

    fn titles(d: &Data, q: &str) -> Vec<String> {
        d.search
            .search(q, &d.corpus.articles, &d.entities)
            .into_iter()
            .map(|a| d.corpus.articles[a].title.clone())
            .collect()
    }

    #[test]
    fn search_goes_through_the_index_and_follows_its_updates() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("corpus");
        std::fs::create_dir(&dir).unwrap();
        let index = tmp.path().join("cache/index.sqlite");
        std::fs::write(
            dir.join("a.txt"),
            "Kim Jong Un in Pjöngjang\n\nDer Machthaber empfing Sergej Schoigu in Pjöngjang.",
        )
        .unwrap();
        std::fs::write(
            dir.join("b.md"),
            "---\ntitle: Raketen über Japan\ndate: 2024-03-19\n---\n\nNordkorea testete Raketen; Pjöngjang schweigt.",
        )
        .unwrap();
        std::fs::write(
            dir.join("c.txt"),
            "Wetter in Rom\n\nSonne und Wärme in Roma.",
        )
        .unwrap();

        let d = data(&dir, &index);
        assert!(matches!(d.search, SearchIndex::Fts { .. }));
        // Accents folded, ranked by BM25 (the title counts more), phrases, prefixes, filters.
        assert_eq!(
            titles(&d, "pjongjang"),
            ["Kim Jong Un in Pjöngjang", "Raketen über Japan"]
        );
        assert_eq!(titles(&d, "\"testete raketen\""), ["Raketen über Japan"]);
        assert_eq!(titles(&d, "rak*"), ["Raketen über Japan"]);
        assert_eq!(titles(&d, "pjongjang date:2024-03"), ["Raketen über Japan"]);
        assert_eq!(
            titles(&d, "entity:\"Sergei Shoigu\""),
            ["Kim Jong Un in Pjöngjang"]
        );
        assert!(titles(&d, "moskau").is_empty());
        // -word excludes, OR alternates, ue finds ü, through FTS5 as in memory.
        assert_eq!(
            titles(&d, "pjongjang -raketen"),
            ["Kim Jong Un in Pjöngjang"]
        );
        assert_eq!(
            titles(&d, "-pjongjang"),
            ["Wetter in Rom"],
            "only words to leave out"
        );
        assert_eq!(titles(&d, "schoigu OR roma").len(), 2);
        assert_eq!(titles(&d, "ueber japan"), ["Raketen über Japan"]);

        // A changed file and a removed one: the full-text table follows.
        std::fs::write(dir.join("c.txt"), "Wetter in Moskau\n\nSchnee in Moskau.").unwrap();
        std::fs::remove_file(dir.join("a.txt")).unwrap();
        let d = data(&dir, &index);
        assert_eq!(titles(&d, "moskau"), ["Wetter in Moskau"]);
        assert!(titles(&d, "roma").is_empty());
        assert_eq!(titles(&d, "pjongjang"), ["Raketen über Japan"]);
    }
}
