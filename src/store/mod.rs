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
pub(crate) mod preview;
mod read;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::corpus::{Article, FileResult};
use crate::index::{Link, Relations};
use crate::nlp::{Entities, Found};
pub use preview::{ArticleText, Preview};
pub use read::Outline;

/// Marks a database as a dossier index (`PRAGMA application_id`): "dosr".
const APPLICATION_ID: i32 = 0x646f_7372;
/// Bumped whenever the tables change; an index of another version is rebuilt.
const SCHEMA_VERSION: i32 = 8;

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
    site TEXT,
    body TEXT NOT NULL,
    found TEXT NOT NULL,
    PRIMARY KEY (label, n)
);
-- Full text of the texts (the reader's `/`): words folded (case, accents), BM25 ranking.
-- A text is added by the statement that writes it (a trigger would make FTS5 write its
-- pending terms out at every row: twice the time of a first index), and taken out by a
-- trigger.
CREATE VIRTUAL TABLE fts USING fts5(
    title, body, content = 'texts', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
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
    hub REAL NOT NULL,
    mentions TEXT NOT NULL,
    related TEXT NOT NULL,
    near TEXT NOT NULL
);
-- What the reader's list, search and finder need of each article, small enough to read at
-- once on a start (the bodies, mentions and related lists are read when an article is shown).
CREATE TABLE heads (
    ord INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    n INTEGER NOT NULL,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL,
    date TEXT,
    url TEXT,
    site TEXT,
    akey TEXT NOT NULL,
    story INTEGER NOT NULL,
    entities INTEGER NOT NULL
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
    pub entities: Entities,
    pub related: Vec<Vec<Link>>,
    pub story: Vec<usize>,
    pub hub: Vec<f32>,
    pub near: Vec<Vec<u32>>,
}

/// The related lists and stories of the last update, for relating again after a change
/// ([`crate::index::incremental`]).
pub struct PreviousRelations {
    /// Per article then: its file's key and its number there.
    pub order: Vec<(String, usize)>,
    pub related: Vec<Vec<Link>>,
    pub hub: Vec<f32>,
    pub story: Vec<usize>,
    pub near: Vec<Vec<u32>>,
    /// The entities' ids then, by index.
    pub entity_ids: Vec<String>,
}

/// Where an analysis's texts are in the index, for searching them there: the index file and,
/// per article in corpus order, its file's key and its number in the file.
pub struct TextIndex {
    pub file: PathBuf,
    pub order: Vec<(String, usize)>,
}

/// One update, written in one transaction: the files' texts first, then the corpus-wide
/// [`Analysed`] part, which may still be being made while the texts are written.
pub struct Update<'a> {
    /// Files gone from the corpus.
    pub removed: Vec<&'a str>,
    /// Files read afresh: their rows are replaced.
    pub written: Vec<Written<'a>>,
    /// Files unchanged but touched (same content, new mtime).
    pub touched: Vec<(&'a str, &'a FileState)>,
    /// Per article its file's key and number there, and its article.
    pub order: &'a [(String, usize)],
    pub corpus: &'a [Article],
}

/// The corpus-wide part of an update: per article its mentions and relations.
pub struct Analysed {
    pub entities: Entities,
    pub relations: Relations,
}

/// A file read afresh, as the update writes it.
pub struct Written<'a> {
    pub label: &'a str,
    pub state: &'a FileState,
    /// What reading it met.
    pub problems: &'a [String],
    /// Its articles as in the corpus (not a copy: their ids are made unique there, and
    /// `base_ids` are the ids as read, which the index keeps).
    pub articles: &'a [Article],
    pub base_ids: &'a [String],
    /// The names found in each article, as JSON.
    pub found: &'a [String],
}

/// An open index.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Opened read-only (a read-only mount, no permission to write): read, never written.
    read_only: bool,
}

/// Why the index could not be used.
pub type StoreError = String;

fn db_err(path: &Path, e: &rusqlite::Error) -> StoreError {
    format!("{}: {e}", path.display())
}

/// Why opening failed, and so what to do about it.
enum OpenError {
    /// Not an index of this version (corrupt, foreign, older): move it aside, make a new one.
    NotOurs(String),
    /// The file could not be opened or written as it is (busy, read-only, no space, no
    /// permission): it is not to blame, and is left as it is.
    CannotUse(String),
}

/// Whether `e` says something of the file's content (it is not an index of ours), not of the
/// moment (busy, locked) or the place (read-only, full, unreadable).
pub(crate) fn says_not_ours(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => true,
        Some(_) => false,
        // Not an SQLite failure (a row of the wrong type): the content.
        None => true,
    }
}

/// How often, and how long each time, a busy index is waited for beyond SQLite's own busy
/// timeout (which some of its answers skip): 10 s in all.
pub const BUSY_RETRIES: usize = 100;
pub const BUSY_WAIT: Duration = Duration::from_millis(100);

/// Whether an error reported by the index says that another process holds it: busy is not
/// corrupt, and such an index is never moved aside. (SQLite's messages for SQLITE_BUSY and
/// SQLITE_LOCKED.)
pub fn is_busy(why: &str) -> bool {
    why.contains("database is locked") || why.contains("database table is locked")
}

impl Store {
    /// Opens the index at `path`, creating it (and its directory) when missing. A file that is
    /// not a dossier index of this version (corrupt, foreign, older) is moved aside to
    /// `PATH.bad-<unix time>` and a new index made; the returned note says so. An index that
    /// cannot be written (a read-only mount) is opened read-only, as it is; one that another
    /// process holds is waited for, and never taken for corrupt.
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
        let mut opened = Store::open_as_is(path);
        // SQLite answers "busy" at once, without waiting, while another process sets up its
        // write-ahead log: a while of short waits, not an error.
        for _ in 0..BUSY_RETRIES {
            match &opened {
                Err(OpenError::CannotUse(why)) if is_busy(why) => {
                    std::thread::sleep(BUSY_WAIT);
                    opened = Store::open_as_is(path);
                }
                _ => break,
            }
        }
        match opened {
            Ok(store) => Ok((store, None)),
            Err(OpenError::NotOurs(why)) if path.exists() => {
                Store::open_fresh(path, &why).map(|(store, note)| (store, Some(note)))
            }
            Err(OpenError::CannotUse(why)) if path.exists() => {
                // Read it as it is, if it can be read at all.
                match Store::open_immutable(path) {
                    Ok(store) => Ok((store, None)),
                    Err(_) => Err(format!("{}: {why}", path.display())),
                }
            }
            Err(OpenError::NotOurs(why) | OpenError::CannotUse(why)) => {
                Err(format!("{}: {why}", path.display()))
            }
        }
    }

    /// Moves the index at `path` aside (it failed with `why` when opened or read) and makes
    /// a new one; returns it with a note saying so.
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
        let store = Store::open_as_is(path).map_err(|e| match e {
            OpenError::NotOurs(e) | OpenError::CannotUse(e) => format!("{}: {e}", path.display()),
        })?;
        Ok((
            store,
            format!("{why}; moved to {} and indexed afresh", aside.display()),
        ))
    }

    fn open_as_is(path: &Path) -> Result<Store, OpenError> {
        let cannot = |e: rusqlite::Error| OpenError::CannotUse(e.to_string());
        let judged = |e: rusqlite::Error| {
            if says_not_ours(&e) {
                OpenError::NotOurs(format!("not a dossier index ({e})"))
            } else {
                OpenError::CannotUse(e.to_string())
            }
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(judged)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(cannot)?;
        let (mut app, mut version, mut tables) = facts(&conn).map_err(judged)?;
        if tables == 0 && app == 0 {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(judged)?;
            // Two first runs at once: the second waits for the first's schema (IMMEDIATE takes
            // the write lock before anything is read), then finds it made.
            conn.execute_batch("BEGIN IMMEDIATE").map_err(judged)?;
            let made = facts(&conn)
                .and_then(|f| {
                    (app, version, tables) = f;
                    if tables == 0 && app == 0 {
                        conn.execute_batch(&format!(
                            "{SCHEMA} PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};"
                        ))?;
                        (app, version) = (APPLICATION_ID, SCHEMA_VERSION);
                    }
                    conn.execute_batch("COMMIT")
                });
            if let Err(e) = made {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(judged(e));
            }
        }
        if app != APPLICATION_ID {
            return Err(OpenError::NotOurs(
                "not a dossier index (another application's database)".into(),
            ));
        } else if version != SCHEMA_VERSION {
            return Err(OpenError::NotOurs(format!(
                "an index of another dossier version (schema {version}, this one reads {SCHEMA_VERSION})"
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(cannot)?;
        Ok(Store {
            conn,
            path: path.to_owned(),
            read_only: false,
        })
    }

    /// An index that cannot be written, read as it is: immutable, so that SQLite needs no
    /// lock and no `-shm` file beside it (a read-only mount has none).
    pub(crate) fn open_immutable(path: &Path) -> Result<Store, StoreError> {
        let uri = format!(
            "file:{}?immutable=1",
            path.to_string_lossy()
                .replace('%', "%25")
                .replace('?', "%3f")
                .replace('#', "%23")
        );
        let conn = Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| db_err(path, &e))?;
        let (app, version, _) = facts(&conn).map_err(|e| db_err(path, &e))?;
        if app != APPLICATION_ID || version != SCHEMA_VERSION {
            return Err(format!(
                "{}: not an index of this dossier version",
                path.display()
            ));
        }
        Ok(Store {
            conn,
            path: path.to_owned(),
            read_only: true,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the index was opened read-only (it cannot be updated).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Removes the index's files (an index that never held an analysis, after its first
    /// write failed); this store is not to be used again.
    pub fn discard(&mut self) {
        // A closed connection releases the files first.
        let conn = std::mem::replace(
            &mut self.conn,
            Connection::open_in_memory().expect("an in-memory database opens"),
        );
        let _ = conn.close();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
        self.read_only = true;
    }

    /// After a failed write (a full disk): gives back what the write-ahead log took, as far
    /// as it can.
    pub fn shrink_log(&self) {
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
}

/// The database's application id, schema version and number of schema objects, read in one
/// transaction: read one by one, another process's first schema could commit between them,
/// and an index with tables but no application id yet was taken for another application's
/// database and moved aside (two first `dossier index` runs at once).
fn facts(conn: &Connection) -> rusqlite::Result<(i32, i32, i64)> {
    let read = |conn: &Connection| -> rusqlite::Result<(i32, i32, i64)> {
        Ok((
            conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?,
        ))
    };
    if !conn.is_autocommit() {
        // Already inside the caller's transaction, which is the snapshot.
        return read(conn);
    }
    conn.execute_batch("BEGIN")?;
    let facts = read(conn);
    let _ = conn.execute_batch(if facts.is_ok() { "COMMIT" } else { "ROLLBACK" });
    facts
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
