//! Reading the index: its generation, each file's state and articles, the corpus-wide part.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::{Derived, FINGERPRINT, FileState, Found, Store, StoreError, StoredFile, db_err};
use crate::corpus::{Article, FileResult};
use crate::index::Link;
use crate::nlp::{Entities, Entity, Field, Kind, Mention};

/// A stored article as read: its number in its file, the article, its names found as JSON.
type RawArticle = (i64, Article, String);

/// The shape of a stored analysis: see [`Store::outline`].
pub struct Outline {
    pub order: Vec<(String, usize)>,
    /// Per file key, the problems its reading met (files without any are left out).
    pub problems: HashMap<String, Vec<String>>,
}

impl Store {
    pub(super) fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| db_err(&self.path, &e))
    }

    /// The articles of the stored analysis, in corpus order (file key, number in the file),
    /// with each file's problems: what `dossier index` needs to say that the index is
    /// current without reading any text. Nothing when the index was made by another build.
    pub fn outline(&self) -> Result<Option<Outline>, StoreError> {
        if self.meta("fingerprint")?.as_deref() != Some(FINGERPRINT) {
            return Ok(None);
        }
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let mut order = vec![];
        let mut stmt = self
            .conn
            .prepare("SELECT label, n FROM heads ORDER BY ord")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            order.push((
                r.get::<_, String>(0).map_err(err)?,
                r.get::<_, i64>(1).map_err(err)? as usize,
            ));
        }
        let mut problems = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT label, problems FROM files WHERE problems != '[]'")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let label: String = r.get(0).map_err(err)?;
            let text: String = r.get(1).map_err(err)?;
            let list: Vec<String> = serde_json::from_str(&text)
                .map_err(|e| format!("{}: problems: {e}", self.path.display()))?;
            problems.insert(label, list);
        }
        Ok(Some(Outline { order, problems }))
    }

    /// How many updates the index has seen; an update is written only if no other process
    /// wrote one since this one read the index.
    pub fn generation(&self) -> Result<u64, StoreError> {
        Ok(self
            .meta("generation")?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0))
    }

    /// The state of every file, when the index was made by this build's analysis; nothing
    /// (every file to be read afresh) otherwise.
    pub fn files(&self) -> Result<HashMap<String, FileState>, StoreError> {
        if self.meta("fingerprint")?.as_deref() != Some(FINGERPRINT) {
            return Ok(HashMap::new());
        }
        let mut stmt = self
            .conn
            .prepare("SELECT label, size, mtime_ns, hash, articles FROM files")
            .map_err(|e| db_err(&self.path, &e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    FileState {
                        size: r.get::<_, i64>(1)? as u64,
                        mtime_ns: r.get(2)?,
                        hash: r.get(3)?,
                        articles: r.get::<_, i64>(4)? as usize,
                    },
                ))
            })
            .map_err(|e| db_err(&self.path, &e))?;
        rows.collect::<Result<_, _>>()
            .map_err(|e| db_err(&self.path, &e))
    }

    /// What was stored of the files `labels` (those that are stored), by label; the names
    /// found in their articles only `with_found` (else empty: parsing them is most of the
    /// reading, and a start with nothing changed does not need them).
    pub fn read_files(
        &self,
        labels: &[&str],
        states: &HashMap<String, FileState>,
        with_found: bool,
    ) -> Result<HashMap<String, StoredFile>, StoreError> {
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let shown = self.path.display().to_string();
        let bad = |what: &str, e: serde_json::Error| format!("{shown}: {what}: {e}");
        let wanted: std::collections::HashSet<&str> = labels
            .iter()
            .copied()
            .filter(|l| states.contains_key(*l))
            .collect();
        // A file's problems, and its articles (by number) with their names found as JSON.
        let mut read: HashMap<&str, (String, Vec<RawArticle>)> =
            HashMap::with_capacity(wanted.len());
        let found_column = if with_found { "found" } else { "''" };
        let article = |r: &rusqlite::Row| -> rusqlite::Result<RawArticle> {
            Ok((
                r.get(1)?,
                Article {
                    id: r.get(2)?,
                    source: r.get(3)?,
                    title: r.get(4)?,
                    lang: r.get(5)?,
                    date: r.get(6)?,
                    url: r.get(7)?,
                    site: r.get(8)?,
                    body: r.get(9)?,
                },
                r.get(10)?,
            ))
        };
        // One pass over the tables in storage order: an update reads every unchanged file,
        // and a lookup per file took half again as long at 100k files.
        let mut files = self
            .conn
            .prepare("SELECT label, problems FROM files")
            .map_err(err)?;
        let mut rows = files.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let label = r.get_ref(0).map_err(err)?.as_str().unwrap_or_default();
            if let Some(&label) = wanted.get(label) {
                read.insert(label, (r.get(1).map_err(err)?, vec![]));
            }
        }
        let mut texts = self
            .conn
            .prepare(&format!(
                "SELECT label, n, base_id, source, title, lang, date, url, site, body, \
                 {found_column} FROM texts"
            ))
            .map_err(err)?;
        let mut rows = texts.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let label = r.get_ref(0).map_err(err)?.as_str().unwrap_or_default();
            if let Some((_, articles)) = read.get_mut(label) {
                articles.push(article(r).map_err(err)?);
            }
        }
        for (_, articles) in read.values_mut() {
            articles.sort_by_key(|a| a.0);
        }
        let read: Vec<(&str, (String, Vec<RawArticle>))> = read.into_iter().collect();
        // The names found are JSON, parsed on all cores.
        let parsed = crate::parallel::map(&read, |(_, (problems, articles))| {
            let problems: Vec<String> =
                serde_json::from_str(problems).map_err(|e| bad("problems", e))?;
            let found = if with_found {
                articles
                    .iter()
                    .map(|(_, _, f)| serde_json::from_str(f))
                    .collect::<Result<Vec<Found>, _>>()
                    .map_err(|e| bad("names", e))?
            } else {
                vec![]
            };
            Ok::<_, String>((problems, found))
        });
        let mut out = HashMap::with_capacity(read.len());
        for ((label, (_, articles)), parsed) in read.into_iter().zip(parsed) {
            let (problems, found) = parsed?;
            let state = &states[label];
            if articles.len() != state.articles {
                return Err(format!(
                    "{}: {label} has {} stored articles, not {}",
                    self.path.display(),
                    articles.len(),
                    state.articles
                ));
            }
            let articles = articles.into_iter().map(|(_, a, _)| a).collect();
            out.insert(
                label.to_owned(),
                StoredFile {
                    state: state.clone(),
                    result: FileResult { articles, problems },
                    found,
                },
            );
        }
        Ok(out)
    }

    /// The corpus-wide analysis, when the last update stored one for this build.
    pub fn derived(&self) -> Result<Option<Derived>, StoreError> {
        if self.meta("fingerprint")?.as_deref() != Some(FINGERPRINT) {
            return Ok(None);
        }
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let bad =
            |what: &str, e: serde_json::Error| format!("{}: {what}: {e}", self.path.display());
        let list = self.entity_list()?;
        let mut d = Derived {
            order: vec![],
            entities: Entities {
                list,
                mentions: vec![],
            },
            related: vec![],
            story: vec![],
            hub: vec![],
            near: vec![],
        };
        let mut stmt = self
            .conn
            .prepare(
                "SELECT label, n, story, mentions, related, hub, near FROM corpus ORDER BY ord",
            )
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            d.order.push((
                r.get(0).map_err(err)?,
                r.get::<_, i64>(1).map_err(err)? as usize,
            ));
            d.story.push(r.get::<_, i64>(2).map_err(err)? as usize);
            let m: String = r.get(3).map_err(err)?;
            d.entities
                .mentions
                .push(parse_mentions(&m).map_err(|e| bad("mentions", e))?);
            let l: String = r.get(4).map_err(err)?;
            d.related
                .push(parse_related(&l).map_err(|e| bad("related", e))?);
            d.hub.push(r.get::<_, f64>(5).map_err(err)? as f32);
            let near: String = r.get(6).map_err(err)?;
            d.near
                .push(serde_json::from_str(&near).map_err(|e| bad("near", e))?);
        }
        let n = d.order.len();
        let consistent = d.story.iter().all(|&s| s < n)
            && d.near.iter().flatten().all(|&b| (b as usize) < n)
            && d.related.iter().flatten().all(|l| l.article < n)
            && d.entities
                .mentions
                .iter()
                .flatten()
                .all(|m| m.entity < d.entities.list.len());
        if !consistent {
            return Err(format!(
                "{}: the stored analysis is inconsistent",
                self.path.display()
            ));
        }
        Ok(Some(d))
    }
}

impl Store {
    /// The entity list, in order.
    pub(super) fn entity_list(&self) -> Result<Vec<Entity>, StoreError> {
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let bad =
            |what: &str, e: serde_json::Error| format!("{}: {what}: {e}", self.path.display());
        let mut list = vec![];
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, aliases, articles FROM entities ORDER BY ord")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            let kind: String = r.get(2).map_err(err)?;
            let aliases: String = r.get(3).map_err(err)?;
            let articles: String = r.get(4).map_err(err)?;
            list.push(Entity {
                id: r.get(0).map_err(err)?,
                name: r.get(1).map_err(err)?,
                kind: Kind::parse(&kind).ok_or_else(|| format!("bad kind {kind:?}"))?,
                aliases: serde_json::from_str(&aliases).map_err(|e| bad("aliases", e))?,
                articles: serde_json::from_str(&articles).map_err(|e| bad("articles", e))?,
            });
        }
        Ok(list)
    }
}

impl Store {
    /// The related lists, hub levels and stories of the last update, when it was made by
    /// this build.
    pub fn previous_relations(&self) -> Result<Option<super::PreviousRelations>, StoreError> {
        if self.meta("fingerprint")?.as_deref() != Some(FINGERPRINT) {
            return Ok(None);
        }
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let mut p = super::PreviousRelations {
            order: vec![],
            related: vec![],
            hub: vec![],
            story: vec![],
            near: vec![],
            entity_ids: vec![],
        };
        let mut stmt = self
            .conn
            .prepare("SELECT label, n, story, hub, related, near FROM corpus ORDER BY ord")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            p.order.push((
                r.get(0).map_err(err)?,
                r.get::<_, i64>(1).map_err(err)? as usize,
            ));
            p.story.push(r.get::<_, i64>(2).map_err(err)? as usize);
            p.hub.push(r.get::<_, f64>(3).map_err(err)? as f32);
            let l: String = r.get(4).map_err(err)?;
            p.related.push(
                parse_related(&l).map_err(|e| format!("{}: related: {e}", self.path.display()))?,
            );
            let near: String = r.get(5).map_err(err)?;
            p.near.push(
                serde_json::from_str(&near)
                    .map_err(|e| format!("{}: near: {e}", self.path.display()))?,
            );
        }
        drop(rows);
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM entities ORDER BY ord")
            .map_err(err)?;
        p.entity_ids = stmt
            .query_map([], |r| r.get(0))
            .map_err(err)?
            .collect::<Result<_, _>>()
            .map_err(err)?;
        let n = p.order.len();
        let consistent = p
            .related
            .iter()
            .flatten()
            .all(|l| l.article < n && l.shared.iter().all(|&e| e < p.entity_ids.len()))
            && p.near.iter().flatten().all(|&b| (b as usize) < n);
        if !consistent {
            return Err(format!(
                "{}: the stored analysis is inconsistent",
                self.path.display()
            ));
        }
        Ok(Some(p))
    }
}

/// An article's mentions as stored: (entity, field, start, end), the field 0 for the title.
pub(super) fn parse_mentions(json: &str) -> Result<Vec<Mention>, serde_json::Error> {
    let m: Vec<(usize, u8, usize, usize)> = serde_json::from_str(json)?;
    Ok(m.into_iter()
        .map(|(entity, field, start, end)| Mention {
            entity,
            field: if field == 0 {
                Field::Title
            } else {
                Field::Body
            },
            start,
            end,
        })
        .collect())
}

/// An article's related list as stored: (article, score, relatedness, shared entities, shared
/// words).
pub(super) fn parse_related(json: &str) -> Result<Vec<Link>, serde_json::Error> {
    type Stored = (usize, f32, f32, Vec<usize>, Vec<String>);
    let l: Vec<Stored> = serde_json::from_str(json)?;
    Ok(l.into_iter()
        .map(|(article, score, relatedness, shared, words)| Link {
            article,
            score,
            relatedness,
            shared,
            words,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::preview::tests::indexed_corpus;

    /// The files asked for, each with its articles in file order and their names; a name
    /// list that does not parse is an error naming the index and what was wrong.
    #[test]
    fn files_read_back_as_stored_and_bad_names_are_named() {
        let tmp = tempfile::tempdir().unwrap();
        let (file, a) = indexed_corpus(tmp.path());
        let (store, _) = Store::open(&file).unwrap();
        let states = store.files().unwrap();
        let mut labels: Vec<&str> = states.keys().map(String::as_str).collect();
        labels.sort_unstable();
        let asked = &labels[1..];
        let read = store.read_files(asked, &states, true).unwrap();
        assert_eq!(read.len(), asked.len());
        assert!(!read.contains_key(labels[0]));
        let found = crate::nlp::recognize_all(&a.corpus.articles);
        for (label, stored) in &read {
            assert_eq!(stored.state, states[label]);
            assert_eq!(stored.found.len(), stored.result.articles.len());
            for (article, names) in stored.result.articles.iter().zip(&stored.found) {
                let i = a
                    .corpus
                    .articles
                    .iter()
                    .position(|x| x.title == article.title && x.body == article.body)
                    .expect("a stored article is the corpus's");
                assert_eq!(names, &found[i]);
            }
        }
        let without = store.read_files(asked, &states, false).unwrap();
        assert!(without.values().all(|f| f.found.is_empty()));

        store
            .conn
            .execute("UPDATE texts SET found = '[{' WHERE label = ?1", [asked[0]])
            .unwrap();
        let why = store.read_files(asked, &states, true).err().unwrap();
        assert!(
            why.contains("index.sqlite") && why.contains("names"),
            "{why}"
        );
    }
}
