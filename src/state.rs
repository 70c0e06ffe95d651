//! What dossier remembers between runs: read marks, bookmarks, the last article and the
//! history, as JSON in the platform data directory. Written atomically (a temporary file,
//! then a rename), so a crash never leaves half a file; a file that cannot be read is moved
//! aside with a warning, never a crash.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Article ids marked read.
    pub read: BTreeSet<String>,
    pub bookmarks: BTreeSet<String>,
    /// The article open when dossier last quit.
    pub last: Option<String>,
    /// Article ids opened, oldest first (the last hundred).
    pub history: Vec<String>,
}

/// The state file's path (`~/.local/share/dossier/state.json` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dossier").map(|d| d.data_dir().join("state.json"))
}

/// Loads the state; a missing file is an empty state, a corrupt one is moved aside and reported.
pub fn load(path: &Path) -> (State, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (State::default(), None),
        Err(e) => {
            return (
                State::default(),
                Some(format!(
                    "{}: {}; starting afresh",
                    path.display(),
                    crate::corpus::io_reason(&e)
                )),
            );
        }
    };
    match serde_json::from_str(&text) {
        Ok(state) => (state, None),
        Err(e) => {
            let aside = path.with_extension(format!("corrupt-{}.json", std::process::id()));
            let moved = std::fs::rename(path, &aside).is_ok();
            let what = if moved {
                format!("moved aside to {}", aside.display())
            } else {
                "left as it is".to_owned()
            };
            (
                State::default(),
                Some(format!(
                    "{}: not a valid state file ({e}); {what}",
                    path.display()
                )),
            )
        }
    }
}

/// Writes the state atomically: a temporary file beside it, then a rename.
pub fn save(path: &Path, state: &State) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(
        &tmp,
        serde_json::to_vec_pretty(state).expect("state serialises"),
    )?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_missing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/state.json");
        assert_eq!(load(&path), (State::default(), None));
        let mut s = State::default();
        s.read.insert("a".into());
        s.last = Some("b".into());
        save(&path, &s).unwrap();
        assert_eq!(load(&path), (s, None));
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
        let (state, warning) = load(&path);
        assert_eq!(state, State::default());
        let warning = warning.unwrap();
        assert!(
            warning.contains("not a valid state file") && warning.contains("moved aside"),
            "{warning}"
        );
        assert!(!path.exists());
    }
}
