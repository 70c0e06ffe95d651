//! What dossier remembers between runs: read marks, bookmarks, the last article and the
//! history, as JSON in the platform data directory.
//!
//! Nothing is ever lost: a file that cannot be read (not JSON, not UTF-8, no permission) is
//! moved aside to `state.json.bad-<unix time>` and never overwritten; if it cannot be moved,
//! this run does not save at all. Saving writes a temporary file and renames it (a crash never
//! leaves half a file), and merges with what is on disk: two dossiers open at once both keep
//! their read marks and bookmarks, because each save applies only this run's changes (marks
//! added or removed since the state was read) to the file as it is now.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Articles marked read, by article key (its file name and a hash of its text, so that
    /// `a/0001.txt` and `b/0001.txt` are told apart and an edited article counts as new).
    /// Older state files hold article ids here; they are converted when their corpus loads.
    pub read: BTreeSet<String>,
    pub bookmarks: BTreeSet<String>,
    /// Per corpus (by [`corpus_key`]): where the reader was.
    pub corpora: BTreeMap<String, Session>,
}

/// Where the reader was in one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The article open when dossier last quit (its key).
    pub last: Option<String>,
    /// Articles opened, oldest first (the last hundred; keys).
    pub history: Vec<String>,
}

impl State {
    /// Article `key` of corpus `corpus` was opened: it is read, it is the corpus's last
    /// article, and it moves to the end of the corpus's history (the last hundred).
    pub fn opened(&mut self, corpus: &str, key: &str) {
        self.read.insert(key.to_owned());
        let session = self.corpora.entry(corpus.to_owned()).or_default();
        session.last = Some(key.to_owned());
        session.history.retain(|h| h != key);
        session.history.push(key.to_owned());
        if session.history.len() > 100 {
            session.history.remove(0);
        }
    }
}

/// A corpus's key: the bundled corpus, or the paths it was opened with (made absolute, so the
/// key does not depend on the directory dossier was started in).
pub fn corpus_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "bundled".into();
    }
    let mut names: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names.dedup();
    names.join("\n")
}

/// The state file's path (`~/.local/share/dossier/state.json` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dossier").map(|d| d.data_dir().join("state.json"))
}

/// The state in the file at `path` (`DOSSIER_STATE`, else the platform's), read only: for
/// `export`, which never changes it. A missing or unreadable file is an empty state.
pub fn peek() -> State {
    std::env::var_os("DOSSIER_STATE")
        .map(PathBuf::from)
        .or_else(default_path)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// The state as read, and where (and whether) to save it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub state: State,
    /// `None`: do not save (the file there could not be read nor moved aside).
    pub save_to: Option<PathBuf>,
    /// What went wrong, for the status line.
    pub warning: Option<String>,
}

/// Loads the state; a missing file is an empty state, an unreadable one is moved aside.
pub fn load(path: &Path) -> Loaded {
    // A directory, a FIFO or a device is nothing to read (/dev/zero never ends) nor to replace.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Loaded {
            state: State::default(),
            save_to: None,
            warning: Some(format!(
                "{}: not a regular file; nothing will be saved this run",
                path.display()
            )),
        };
    }
    match read(path) {
        Ok(state) => Loaded {
            state: state.unwrap_or_default(),
            save_to: Some(path.to_path_buf()),
            warning: None,
        },
        Err(why) => {
            let (save_to, what) = match move_aside(path) {
                Ok(aside) => (
                    Some(path.to_path_buf()),
                    format!("moved aside to {}", aside.display()),
                ),
                Err(e) => (
                    None,
                    format!(
                        "cannot move it aside ({}); nothing will be saved this run",
                        crate::corpus::io_reason(&e)
                    ),
                ),
            };
            Loaded {
                state: State::default(),
                save_to,
                // What was done first: a long status line is cut at its end.
                warning: Some(format!("{}: {what} ({why})", path.display())),
            }
        }
    }
}

/// `Ok(None)` when there is no file; `Err` says why an existing file is not a state.
fn read(path: &Path) -> Result<Option<State>, String> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read ({})", crate::corpus::io_reason(&e))),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| format!("not a valid state file ({e})"))
}

fn move_aside(path: &Path) -> std::io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bad-{secs}"));
    let mut aside = path.with_file_name(&name);
    let mut n = 1;
    while aside.exists() {
        n += 1;
        aside = path.with_file_name(format!("{}-{n}", name.to_string_lossy()));
    }
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Saves `mine`, merged with the file as it is now: read marks and bookmarks that this run
/// added since `base` (this run's state at its last save, or as read at start) are added,
/// those it removed are removed, and everything another run changed meanwhile stays. A
/// corpus's session (last article, history) that this run changed is this run's. Returns the
/// `base` for the next save: `mine` as saved, never the merged file — another run's marks
/// are not in this run's state, and would look like this run's removals next time.
pub fn save(path: &Path, base: &State, mine: &State) -> std::io::Result<State> {
    let disk = match read(path) {
        Ok(disk) => disk.unwrap_or_default(),
        Err(why) if path.is_dir() => return Err(std::io::Error::other(why)),
        // Replaced by something unreadable while we ran: keep it, as at start.
        Err(_) => {
            move_aside(path)?;
            State::default()
        }
    };
    let mut corpora = disk.corpora;
    // Sessions this run changed are this run's; the others stay as the file has them.
    for (key, session) in &mine.corpora {
        if base.corpora.get(key) != Some(session) {
            corpora.insert(key.clone(), session.clone());
        }
    }
    let merged = State {
        read: merge(&disk.read, &base.read, &mine.read),
        bookmarks: merge(&disk.bookmarks, &base.bookmarks, &mine.bookmarks),
        corpora,
    };
    write_atomically(path, &merged)?;
    Ok(mine.clone())
}

/// `disk` plus what `mine` added to `base`, minus what it removed.
fn merge(
    disk: &BTreeSet<String>,
    base: &BTreeSet<String>,
    mine: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut out = disk.clone();
    out.extend(mine.difference(base).cloned());
    for gone in base.difference(mine) {
        out.remove(gone);
    }
    out
}

/// A temporary file beside `path`, then a rename; the temporary file never outlives a failure.
fn write_atomically(path: &Path, state: &State) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(name);
    let result = std::fs::write(&tmp, serde_json::to_vec(state).expect("state serialises"))
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn round_trip_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.json");
        let loaded = load(&path);
        assert_eq!(loaded.state, State::default());
        assert_eq!(loaded.warning, None);
        let mut s = State::default();
        s.read.insert("a".into());
        s.corpora.insert(
            "bundled".into(),
            Session {
                last: Some("b".into()),
                history: vec!["b".into()],
            },
        );
        save(&path, &State::default(), &s).unwrap();
        assert_eq!(load(&path).state, s);
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn corrupt_file_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::write(&path, "{ not json").unwrap();
        let loaded = load(&path);
        assert_eq!(loaded.state, State::default());
        let warning = loaded.warning.unwrap();
        assert!(
            warning.contains("not a valid state file") && warning.contains("moved aside"),
            "{warning}"
        );
        assert!(!path.exists());
    }

    /// A binary state file was overwritten on the next save: bookmarks destroyed.
    #[test]
    fn binary_file_is_kept_aside_and_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let garbage = b"\xff\xfe\x00bookmarks\x80\x81".to_vec();
        std::fs::write(&path, &garbage).unwrap();
        let loaded = load(&path);
        assert!(loaded.warning.unwrap().contains(".bad-"));
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("state.json.bad-"))
            .collect();
        assert_eq!(aside.len(), 1);
        save(&path, &State::default(), &State::default()).unwrap();
        assert_eq!(std::fs::read(&aside[0]).unwrap(), garbage);
    }

    /// Two instances: the last writer used to win, silently dropping the other's marks.
    #[test]
    fn concurrent_runs_merge_their_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let start = State {
            read: marks(&["x", "y"]),
            ..State::default()
        };
        save(&path, &State::default(), &start).unwrap();
        let base_a = load(&path).state;
        let base_b = load(&path).state;
        // Run A marks a1 read and unmarks x; run B bookmarks b1 and marks b2 read.
        let mut a = base_a.clone();
        a.read.insert("a1".into());
        a.read.remove("x");
        let mut b = base_b.clone();
        b.bookmarks.insert("b1".into());
        b.read.insert("b2".into());
        save(&path, &base_a, &a).unwrap();
        save(&path, &base_b, &b).unwrap();
        let end = load(&path).state;
        assert_eq!(end.read, marks(&["a1", "b2", "y"]));
        assert_eq!(end.bookmarks, marks(&["b1"]));
    }

    /// The base of the next save was the merged file: when A saved again (on quit), B's
    /// marks, which A's state never held, counted as A's removals and were deleted.
    #[test]
    fn saving_again_keeps_the_other_runs_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let (mut base_a, mut base_b) = (State::default(), State::default());
        let mut a = State::default();
        a.bookmarks.insert("a".into());
        base_a = save(&path, &base_a, &a).unwrap();
        let mut b = State::default();
        b.bookmarks.insert("b".into());
        base_b = save(&path, &base_b, &b).unwrap();
        assert_eq!(load(&path).state.bookmarks, marks(&["a", "b"]));
        // Both save again on quit, each with one more read mark.
        a.read.insert("ra".into());
        save(&path, &base_a, &a).unwrap();
        b.read.insert("rb".into());
        save(&path, &base_b, &b).unwrap();
        let end = load(&path).state;
        assert_eq!(end.bookmarks, marks(&["a", "b"]));
        assert_eq!(end.read, marks(&["ra", "rb"]));
        // A removal is still a removal.
        let mut a2 = a.clone();
        a2.bookmarks.remove("a");
        save(&path, &a, &a2).unwrap();
        assert_eq!(load(&path).state.bookmarks, marks(&["b"]));
    }

    /// A state path that is a directory left a temporary file behind on every run.
    #[test]
    fn failed_save_leaves_nothing_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        std::fs::create_dir(&path).unwrap();
        assert!(save(&path, &State::default(), &State::default()).is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn special_files_are_neither_read_nor_replaced() {
        let loaded = load(Path::new("/dev/zero"));
        assert_eq!(loaded.save_to, None);
        assert!(loaded.warning.unwrap().contains("not a regular file"));
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).save_to, None);
    }

    #[test]
    fn large_state_saves_quickly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let big = State {
            read: (0..100_000).map(|i| format!("article-{i:06}")).collect(),
            ..State::default()
        };
        save(&path, &State::default(), &big).unwrap();
        let t = std::time::Instant::now();
        let mut more = big.clone();
        more.read.insert("new".into());
        save(&path, &big, &more).unwrap();
        assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
        assert_eq!(load(&path).state.read.len(), 100_001);
    }
}

#[cfg(test)]
mod opened_tests {
    use super::*;

    #[test]
    fn opening_marks_read_and_keeps_a_bounded_history_per_corpus() {
        let mut s = State::default();
        for i in 0..120 {
            s.opened("A", &format!("k{i}"));
        }
        s.opened("A", "k5");
        s.opened("B", "x");
        let a = &s.corpora["A"];
        assert_eq!(a.history.len(), 100);
        assert_eq!(a.history.last().map(String::as_str), Some("k5"));
        assert_eq!(a.history.iter().filter(|h| *h == "k5").count(), 1);
        assert_eq!(a.last.as_deref(), Some("k5"));
        assert_eq!(s.corpora["B"].last.as_deref(), Some("x"));
        assert_eq!(s.read.len(), 121);
    }
}
