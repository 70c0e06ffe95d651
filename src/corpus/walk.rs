//! Turns the paths a user names into the list of files to read: directories recursively, in a
//! deterministic order (arguments in order, directory entries sorted by name), each file once.
//! Hidden files and directories (`.git`, `.DS_Store`) are passed over; symlinks are followed,
//! and a symlink loop, a broken link or an unreadable directory is reported, not fatal.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::Skipped;
use super::formats::Format;

/// A file to read, or an embedded one.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as the user would write it, for messages and the export's `source`.
    pub label: String,
    /// `None` when the extension is not one we know (a file named on the command line is then
    /// read as text).
    pub format: Option<Format>,
    pub data: SourceData,
}

#[derive(Debug, Clone)]
pub enum SourceData {
    File(PathBuf),
    Embedded(&'static [u8]),
}

/// The files under `paths`, and the entries that could not be listed.
pub fn expand(paths: &[PathBuf]) -> (Vec<Source>, Vec<Skipped>) {
    let mut sources = vec![];
    let mut skipped = vec![];
    let mut seen = HashSet::new();
    for root in paths {
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_dir() => {}
                Ok(e) => {
                    let path = e.path();
                    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                    if !seen.insert(key) {
                        continue;
                    }
                    let format = Format::of(path);
                    if format.is_none() && e.depth() > 0 {
                        skipped.push(Skipped {
                            source: label(path),
                            reason: "not a format dossier reads (.txt .md .html .htm .json .jsonl); skipped".into(),
                        });
                        continue;
                    }
                    sources.push(Source {
                        label: label(path),
                        format,
                        data: SourceData::File(path.to_path_buf()),
                    });
                }
                Err(err) => {
                    let source = err.path().map_or_else(|| label(root), label);
                    let reason = if let Some(ancestor) = err.loop_ancestor() {
                        format!("symlink loop back to {}; not followed", label(ancestor))
                    } else {
                        match err.io_error() {
                            Some(io) => format!("cannot read: {}", io_reason(io)),
                            None => format!("cannot read: {err}"),
                        }
                    };
                    skipped.push(Skipped { source, reason });
                }
            }
        }
    }
    (sources, skipped)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// A path for messages; control characters in file names cannot reach the terminal.
pub fn label(path: &Path) -> String {
    super::sanitize::sanitize(&path.to_string_lossy()).replace('\n', " ")
}

/// An I/O error without the "(os error 2)" noise.
pub fn io_reason(err: &std::io::Error) -> String {
    let msg = err.to_string();
    match msg.find(" (os error") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}
