//! `dossier --watch`: notices files appearing, changing or going under the corpus's paths (the
//! notify crate: inotify, FSEvents, ReadDirectoryChanges), and reports each burst of changes
//! once it has settled, so that a feed fetcher writing fifty files causes one update.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

/// Quiet time that ends a burst of changes.
const SETTLE: Duration = Duration::from_millis(400);
/// A burst that never goes quiet is reported after this long anyway.
const AT_MOST: Duration = Duration::from_secs(5);

/// Watches `paths` and calls `changed` after each settled burst of changes to files dossier
/// could read (hidden files, such as editors' swap files, are passed over). Returns when
/// `keep_going` says so (it is asked about once a second), or with the reason the watch
/// cannot be set up. (The reader starts a [`Watch`] before its first analysis and runs it
/// after; this is the two at once.)
#[cfg(test)]
pub fn watch(
    paths: &[PathBuf],
    changed: impl FnMut(),
    keep_going: impl Fn() -> bool,
) -> Result<(), String> {
    Watch::start(paths)?.run(changed, keep_going);
    Ok(())
}

/// A watch set up and collecting changes, before anyone waits for them: a change made while
/// the first analysis runs is kept, and reported as soon as [`Watch::run`] starts.
pub struct Watch {
    /// Kept alive: dropping it ends the watch.
    _watcher: notify::RecommendedWatcher,
    rx: mpsc::Receiver<()>,
}

impl Watch {
    /// Sets the watch up on `paths`, or says why it cannot be.
    pub fn start(paths: &[PathBuf]) -> Result<Watch, String> {
        let (tx, rx) = mpsc::channel();
        // A file is watched through its folder: a watch on the file itself follows its inode,
        // which an editor-style save (write a temporary file, rename it over) replaces, and the
        // file was no longer followed after the first such save.
        let mut dirs = vec![];
        let mut files = vec![];
        for p in paths {
            if p.is_file() {
                let parent = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
                files.push(parent.join(p.file_name().unwrap_or_default()));
            } else {
                dirs.push(p.clone());
            }
        }
        // Events may name paths as given or as resolved (FSEvents): both are looked for.
        let roots: Vec<PathBuf> = dirs
            .iter()
            .flat_map(|d| {
                [
                    d.clone(),
                    std::fs::canonicalize(d).unwrap_or_else(|_| d.clone()),
                ]
            })
            .collect();
        let targets = files.clone();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(e) = event
                    && (relevant(&e, &roots) || names_one_of(&e, &targets))
                {
                    let _ = tx.send(());
                }
            })
            .map_err(|e| format!("cannot watch: {e}"))?;
        for p in &dirs {
            watcher
                .watch(p, RecursiveMode::Recursive)
                .map_err(|e| format!("{}: cannot watch: {e}", p.display()))?;
        }
        let mut watched_parents = std::collections::HashSet::new();
        for f in &files {
            let parent = f.parent().unwrap_or(Path::new("/")).to_path_buf();
            if watched_parents.insert(parent.clone()) {
                watcher
                    .watch(&parent, RecursiveMode::NonRecursive)
                    .map_err(|e| format!("{}: cannot watch: {e}", f.display()))?;
            }
        }
        Ok(Watch {
            _watcher: watcher,
            rx,
        })
    }

    /// Calls `changed` after each settled burst of changes, those since [`Watch::start`]
    /// first; returns when `keep_going` says so (asked about once a second).
    pub fn run(self, mut changed: impl FnMut(), keep_going: impl Fn() -> bool) {
        let rx = self.rx;
        while keep_going() {
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(()) => {
                    let start = Instant::now();
                    while start.elapsed() < AT_MOST && rx.recv_timeout(SETTLE).is_ok() {}
                    changed();
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
    }
}

/// A change to a file or folder that is not hidden below the watched `roots` (reading it is
/// no change).
fn relevant(e: &notify::Event, roots: &[PathBuf]) -> bool {
    let kind = matches!(
        e.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    ) && !matches!(
        e.kind,
        EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    );
    kind && e.paths.iter().any(|p| {
        roots
            .iter()
            .find_map(|r| p.strip_prefix(r).ok())
            .is_some_and(|below| !hidden(below))
    })
}

/// A change (any kind but reading or metadata) that names one of the watched files.
fn names_one_of(e: &notify::Event, files: &[PathBuf]) -> bool {
    !matches!(
        e.kind,
        EventKind::Access(_) | EventKind::Modify(notify::event::ModifyKind::Metadata(_))
    ) && e.paths.iter().any(|p| files.contains(p))
}

fn hidden(path: &Path) -> bool {
    path.components().any(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_writes_is_one_change_and_hidden_files_none() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let writer_dir = dir.clone();
        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen = count.clone();
        let started = Instant::now();
        let writer = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            std::fs::write(writer_dir.join(".swap"), "x").unwrap();
            std::thread::sleep(Duration::from_millis(1500));
            for i in 0..20 {
                std::fs::write(writer_dir.join(format!("{i}.txt")), "Titel\n\nText.").unwrap();
            }
        });
        // Until the change is seen and a second more has passed (a second report would come
        // in it), or 20 s on a loaded machine.
        let first_seen = std::sync::Mutex::new(None::<Instant>);
        watch(
            &[dir],
            || {
                seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                first_seen.lock().unwrap().get_or_insert_with(Instant::now);
            },
            || {
                let first = *first_seen.lock().unwrap();
                started.elapsed() < Duration::from_secs(20)
                    && first.is_none_or(|t| t.elapsed() < Duration::from_millis(1500))
            },
        )
        .unwrap();
        writer.join().unwrap();
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    /// A watched single file was no longer followed after an editor-style save (a temporary
    /// file renamed over it): the watch was on the replaced inode.
    #[test]
    fn a_single_file_is_followed_across_saves_that_rename_over_it() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("feed.txt");
        std::fs::write(&file, "Titel\n\nText.").unwrap();
        std::fs::write(tmp.path().join("other.txt"), "x").unwrap();
        let writer_file = file.clone();
        let dir = tmp.path().to_path_buf();
        let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let seen = count.clone();
        let started = Instant::now();
        let writer = std::thread::spawn(move || {
            for round in 0..3 {
                std::thread::sleep(Duration::from_millis(1200));
                let tmp = dir.join(format!(".feed.txt.tmp{round}"));
                std::fs::write(&tmp, format!("Titel {round}\n\nText.")).unwrap();
                std::fs::rename(&tmp, &writer_file).unwrap();
            }
            // Another file in the folder is none of its business.
            std::thread::sleep(Duration::from_millis(1200));
            std::fs::write(dir.join("other.txt"), "y").unwrap();
        });
        watch(
            std::slice::from_ref(&file),
            || {
                seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            },
            || started.elapsed() < Duration::from_millis(6500),
        )
        .unwrap();
        writer.join().unwrap();
        assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 3);
    }
}
