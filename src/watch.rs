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
/// cannot be set up.
pub fn watch(
    paths: &[PathBuf],
    mut changed: impl FnMut(),
    keep_going: impl Fn() -> bool,
) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let roots = paths.to_vec();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && relevant(&e, &roots)
        {
            let _ = tx.send(());
        }
    })
    .map_err(|e| format!("cannot watch: {e}"))?;
    for p in paths {
        watcher
            .watch(p, RecursiveMode::Recursive)
            .map_err(|e| format!("{}: cannot watch: {e}", p.display()))?;
    }
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
    Ok(())
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
        let below = roots
            .iter()
            .find_map(|r| p.strip_prefix(r).ok())
            .unwrap_or_else(|| Path::new(p.file_name().unwrap_or_default()));
        !hidden(below)
    })
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
}
