//! The persistent corpus index: one SQLite database per corpus (see [`location`]) holding what
//! the per-file stages made of each file (its cleaned articles and the names found in them)
//! and what the corpus-wide stages made of the whole (entities, mentions, related lists,
//! stories). A file's rows are rewritten only when the file changed; the corpus-wide rows are
//! replaced in the same transaction, so the database always holds one consistent analysis.
//!
//! Safety: WAL journal and a busy timeout, so that a reader never blocks and two dossier
//! processes take turns; every update is one transaction, so a crash leaves the last good
//! index; a file that is not an index of this version is moved aside and a new one made.

pub mod location;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::corpus::{Article, FileResult};
use crate::index::Link;
use crate::nlp::{Entities, Entity, Field, Found, Kind, Mention};

/// Marks a database as a dossier index (`PRAGMA application_id`): "dosr".
const APPLICATION_ID: i32 = 0x646f_7372;
/// Bumped whenever the tables change; an index of another version is rebuilt.
const SCHEMA_VERSION: i32 = 2;

/// The per-file analysis this build does: an index made by another build is analysed afresh.
pub const FINGERPRINT: &str = env!("DOSSIER_ANALYSIS_FINGERPRINT");

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- One row per input file: what it was when it was read, and what reading it met.
CREATE TABLE files (
    label TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL,
    problems TEXT NOT NULL,
    articles INTEGER NOT NULL
);
-- Its articles as loaded (base id before ids are made unique) and the names found in them.
CREATE TABLE texts (
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    base_id TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL,
    date TEXT,
    url TEXT,
    body TEXT NOT NULL,
    found TEXT NOT NULL,
    PRIMARY KEY (label, n)
);
-- Full text of the texts (the reader's `/`), kept in step with them by triggers: words
-- folded (case, accents), BM25 ranking.
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, content = 'texts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER texts_in AFTER INSERT ON texts BEGIN
    INSERT INTO fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER texts_out AFTER DELETE ON texts BEGIN
    INSERT INTO fts (fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
-- The corpus-wide analysis, replaced as a whole by every update.
CREATE TABLE corpus (
    ord INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    id TEXT NOT NULL,
    story INTEGER NOT NULL,
    mentions TEXT NOT NULL,
    related TEXT NOT NULL
);
CREATE TABLE entities (
    ord INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    articles TEXT NOT NULL
);
";

/// What a file was when it was indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileState {
    pub size: u64,
    pub mtime_ns: i64,
    pub hash: String,
    /// Its article count.
    pub articles: usize,
}

/// What is stored of one file: its state, what reading it gave, and the names per article.
pub struct StoredFile {
    pub state: FileState,
    pub result: FileResult,
    pub found: Vec<Found>,
}

/// The corpus-wide part, as stored.
pub struct Derived {
    /// Per article in corpus order: its file's label and its number in the file.
    pub order: Vec<(String, usize)>,
    pub ids: Vec<String>,
    pub entities: Entities,
    pub related: Vec<Vec<Link>>,
    pub story: Vec<usize>,
}

/// Where an analysis's texts are in the index, for searching them there: the index file and,
/// per article in corpus order, its file's key and its number in the file.
pub struct TextIndex {
    pub file: PathBuf,
    pub order: Vec<(String, usize)>,
}

/// One update, written in one transaction.
pub struct Update<'a> {
    /// Files gone from the corpus.
    pub removed: Vec<&'a str>,
    /// Files read afresh: their rows are replaced.
    pub written: Vec<(&'a str, &'a FileState, &'a FileResult, &'a [Found])>,
    /// Files unchanged but touched (same content, new mtime).
    pub touched: Vec<(&'a str, &'a FileState)>,
    pub derived: &'a Derived,
    pub corpus: &'a [Article],
}

/// An open index.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// Why the index could not be used.
pub type StoreError = String;

fn db_err(path: &Path, e: &rusqlite::Error) -> StoreError {
    format!("{}: {e}", path.display())
}

impl Store {
    /// Opens the index at `path`, creating it (and its directory) when missing. A file that is
    /// not a dossier index of this version (corrupt, foreign, older) is moved aside to
    /// `PATH.bad-<unix time>` and a new index made; the returned note says so.
    pub fn open(path: &Path) -> Result<(Store, Option<String>), StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                format!(
                    "{}: cannot create: {}",
                    dir.display(),
                    crate::corpus::io_reason(&e)
                )
            })?;
        }
        match Store::open_as_is(path) {
            Ok(store) => Ok((store, None)),
            Err(why) if path.exists() => {
                let aside = aside_name(path);
                std::fs::rename(path, &aside).map_err(|e| {
                    format!(
                        "{}: {why}, and it cannot be moved aside: {}",
                        path.display(),
                        crate::corpus::io_reason(&e)
                    )
                })?;
                for suffix in ["-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
                let store =
                    Store::open_as_is(path).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok((
                    store,
                    Some(format!(
                        "{why}; moved to {} and indexed afresh",
                        aside.display()
                    )),
                ))
            }
            Err(why) => Err(format!("{}: {why}", path.display())),
        }
    }

    /// Moves the index at `path` aside (it failed with `why` while being read) and makes a
    /// new one; returns it with a note saying so.
    pub fn open_fresh(path: &Path, why: &str) -> Result<(Store, String), StoreError> {
        let aside = aside_name(path);
        std::fs::rename(path, &aside).map_err(|e| {
            format!(
                "{why}, and it cannot be moved aside: {}",
                crate::corpus::io_reason(&e)
            )
        })?;
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        let store = Store::open_as_is(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok((
            store,
            format!("{why}; moved to {} and indexed afresh", aside.display()),
        ))
    }

    fn open_as_is(path: &Path) -> Result<Store, String> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| e.to_string())?;
        conn.busy_timeout(Duration::from_secs(30))
            .map_err(|e| e.to_string())?;
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| format!("not a dossier index ({e})"))?;
        let version: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| format!("not a dossier index ({e})"))?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| format!("not a dossier index ({e})"))?;
        if tables == 0 && app == 0 {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| e.to_string())?;
            conn.execute_batch(&format!(
                "BEGIN; {SCHEMA} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
            ))
            .map_err(|e| e.to_string())?;
        } else if app != APPLICATION_ID {
            return Err("not a dossier index (another application's database)".into());
        } else if version != SCHEMA_VERSION {
            return Err(format!(
                "an index of another dossier version (schema {version}, this one reads {SCHEMA_VERSION})"
            ));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| e.to_string())?;
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| db_err(&self.path, &e))
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

    /// What was stored of the files `labels` (those that are stored), by label.
    pub fn read_files(
        &self,
        labels: &[&str],
        states: &HashMap<String, FileState>,
    ) -> Result<HashMap<String, StoredFile>, StoreError> {
        let err = |e: rusqlite::Error| db_err(&self.path, &e);
        let bad =
            |what: &str, e: serde_json::Error| format!("{}: {what}: {e}", self.path.display());
        let mut problems_of = self
            .conn
            .prepare_cached("SELECT problems FROM files WHERE label = ?1")
            .map_err(err)?;
        let mut texts_of = self
            .conn
            .prepare_cached(
                "SELECT base_id, source, title, lang, date, url, body, found
                 FROM texts WHERE label = ?1 ORDER BY n",
            )
            .map_err(err)?;
        let mut out = HashMap::with_capacity(labels.len());
        for &label in labels {
            let Some(state) = states.get(label) else {
                continue;
            };
            let problems: String = problems_of.query_row([label], |r| r.get(0)).map_err(err)?;
            let problems: Vec<String> =
                serde_json::from_str(&problems).map_err(|e| bad("problems", e))?;
            let mut articles = Vec::with_capacity(state.articles);
            let mut found = Vec::with_capacity(state.articles);
            let mut rows = texts_of.query([label]).map_err(err)?;
            while let Some(r) = rows.next().map_err(err)? {
                articles.push(Article {
                    id: r.get(0).map_err(err)?,
                    source: r.get(1).map_err(err)?,
                    title: r.get(2).map_err(err)?,
                    lang: r.get(3).map_err(err)?,
                    date: r.get(4).map_err(err)?,
                    url: r.get(5).map_err(err)?,
                    body: r.get(6).map_err(err)?,
                });
                let f: String = r.get(7).map_err(err)?;
                found.push(serde_json::from_str(&f).map_err(|e| bad("names", e))?);
            }
            if articles.len() != state.articles {
                return Err(format!(
                    "{}: {label} has {} stored articles, not {}",
                    self.path.display(),
                    articles.len(),
                    state.articles
                ));
            }
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
        drop(rows);
        let mut d = Derived {
            order: vec![],
            ids: vec![],
            entities: Entities {
                list,
                mentions: vec![],
            },
            related: vec![],
            story: vec![],
        };
        let mut stmt = self
            .conn
            .prepare("SELECT label, n, id, story, mentions, related FROM corpus ORDER BY ord")
            .map_err(err)?;
        let mut rows = stmt.query([]).map_err(err)?;
        while let Some(r) = rows.next().map_err(err)? {
            d.order.push((
                r.get(0).map_err(err)?,
                r.get::<_, i64>(1).map_err(err)? as usize,
            ));
            d.ids.push(r.get(2).map_err(err)?);
            d.story.push(r.get::<_, i64>(3).map_err(err)? as usize);
            let m: String = r.get(4).map_err(err)?;
            let m: Vec<(usize, u8, usize, usize)> =
                serde_json::from_str(&m).map_err(|e| bad("mentions", e))?;
            d.entities.mentions.push(
                m.into_iter()
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
                    .collect(),
            );
            let l: String = r.get(5).map_err(err)?;
            let l: Vec<(usize, f32, Vec<usize>, Vec<String>)> =
                serde_json::from_str(&l).map_err(|e| bad("related", e))?;
            d.related.push(
                l.into_iter()
                    .map(|(article, score, shared, words)| Link {
                        article,
                        score,
                        shared,
                        words,
                    })
                    .collect(),
            );
        }
        let n = d.order.len();
        let consistent = d.story.iter().all(|&s| s < n)
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

    /// Writes `update` in one transaction, unless another process updated the index since
    /// generation `read_at` (then its update stands, and this one is dropped: returns false).
    pub fn write(&mut self, update: &Update<'_>, read_at: u64) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| db_err(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(err)?;
        let generation: u64 = tx
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .map_err(err)?
            .and_then(|g| g.parse().ok())
            .unwrap_or(0);
        if generation != read_at {
            return Ok(false);
        }
        let fingerprint: Option<String> = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'fingerprint'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(err)?;
        if fingerprint.as_deref() != Some(FINGERPRINT) {
            // Made by another build: nothing of it is kept.
            tx.execute_batch("DELETE FROM files; DELETE FROM texts;")
                .map_err(err)?;
        }
        {
            let mut del_file = tx
                .prepare("DELETE FROM files WHERE label = ?1")
                .map_err(err)?;
            let mut del_texts = tx
                .prepare("DELETE FROM texts WHERE label = ?1")
                .map_err(err)?;
            for label in update
                .removed
                .iter()
                .chain(update.written.iter().map(|w| &w.0))
            {
                del_file.execute([label]).map_err(err)?;
                del_texts.execute([label]).map_err(err)?;
            }
            let mut put_file = tx
                .prepare(
                    "INSERT INTO files (label, size, mtime_ns, hash, problems, articles)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(err)?;
            let mut put_text = tx
                .prepare(
                    "INSERT INTO texts (label, n, base_id, source, title, lang, date, url, body, found)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )
                .map_err(err)?;
            for (label, state, result, found) in &update.written {
                let problems = serde_json::to_string(&result.problems).expect("strings");
                put_file
                    .execute(params![
                        label,
                        state.size as i64,
                        state.mtime_ns,
                        state.hash,
                        problems,
                        result.articles.len() as i64
                    ])
                    .map_err(err)?;
                for (n, (a, f)) in result.articles.iter().zip(found.iter()).enumerate() {
                    let f = serde_json::to_string(f).expect("spans serialise");
                    put_text
                        .execute(params![
                            label, n as i64, a.id, a.source, a.title, a.lang, a.date, a.url,
                            a.body, f
                        ])
                        .map_err(err)?;
                }
            }
            let mut touch = tx
                .prepare("UPDATE files SET size = ?2, mtime_ns = ?3 WHERE label = ?1")
                .map_err(err)?;
            for (label, state) in &update.touched {
                touch
                    .execute(params![label, state.size as i64, state.mtime_ns])
                    .map_err(err)?;
            }
            if std::env::var_os("DOSSIER_FAILPOINT").is_some_and(|v| v == "index-commit") {
                // The integration tests' crash in the middle of an update (tests/index.rs).
                std::process::abort();
            }
            write_derived(&tx, update.derived, update.corpus).map_err(err)?;
            let mut meta = tx
                .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")
                .map_err(err)?;
            meta.execute(["fingerprint", FINGERPRINT]).map_err(err)?;
            meta.execute(["generation", &(generation + 1).to_string()])
                .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(true)
    }
}

fn write_derived(
    tx: &rusqlite::Transaction<'_>,
    d: &Derived,
    corpus: &[Article],
) -> rusqlite::Result<()> {
    tx.execute_batch("DELETE FROM corpus; DELETE FROM entities;")?;
    let mut put = tx.prepare(
        "INSERT INTO corpus (ord, label, n, id, story, mentions, related)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, ((label, n), a)) in d.order.iter().zip(corpus).enumerate() {
        let mentions: Vec<(usize, u8, usize, usize)> = d.entities.mentions[i]
            .iter()
            .map(|m| (m.entity, u8::from(m.field == Field::Body), m.start, m.end))
            .collect();
        let related: Vec<(usize, f32, &[usize], &[String])> = d.related[i]
            .iter()
            .map(|l| (l.article, l.score, &l.shared[..], &l.words[..]))
            .collect();
        put.execute(params![
            i as i64,
            label,
            *n as i64,
            a.id,
            d.story[i] as i64,
            serde_json::to_string(&mentions).expect("numbers"),
            serde_json::to_string(&related).expect("numbers and strings"),
        ])?;
    }
    let mut put = tx.prepare(
        "INSERT INTO entities (ord, id, name, kind, aliases, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, e) in d.entities.list.iter().enumerate() {
        put.execute(params![
            i as i64,
            e.id,
            e.name,
            e.kind.as_str(),
            serde_json::to_string(&e.aliases).expect("strings"),
            serde_json::to_string(&e.articles).expect("numbers"),
        ])?;
    }
    Ok(())
}

/// Where a bad index is moved: beside it, with the time, never over another.
fn aside_name(path: &Path) -> PathBuf {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut n = 0;
    loop {
        let candidate = PathBuf::from(format!(
            "{}.bad-{now}{}",
            path.display(),
            if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            }
        ));
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}
