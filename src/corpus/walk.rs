//! Turns the paths a user names into the list of files to read: directories recursively, in a
//! deterministic order (arguments in order, directory entries sorted by name), each file once.
//! Hidden files and directories (`.git`, `.DS_Store`) are passed over; symlinks are followed,
//! and a symlink loop, a broken link or an unreadable directory is reported, not fatal.

use std::collections::HashMap;
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
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
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
                    // FIFOs, sockets and devices (`/dev/zero`, `/dev/tty`) never end or never
                    // answer: only regular files are read.
                    if !e.file_type().is_file() {
                        skipped.push(Skipped {
                            source: label(path),
                            reason: format!("{}; skipped", special_kind(&e.file_type())),
                        });
                        continue;
                    }
                    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
                    if let Some(first) = seen.get(&key) {
                        skipped.push(Skipped {
                            source: label(path),
                            reason: format!("the same file as {}; read once", label(first)),
                        });
                        continue;
                    }
                    seen.insert(key, path.to_path_buf());
                    let format = Format::of(path);
                    if format.is_none() && e.depth() > 0 {
                        skipped.push(Skipped {
                            source: label(path),
                            reason: "not a format dossier reads (.txt .md .html .htm .json .jsonl .rss .atom .xml); skipped".into(),
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

/// What a file that is not a regular file is, for the message.
pub fn special_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe), not a regular file";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device, not a regular file";
        }
        if t.is_socket() {
            return "a socket, not a regular file";
        }
    }
    let _ = t;
    "not a regular file"
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// A path as the user would write it: exactly the file's name where it is UTF-8. A name that
/// is not gets its other bytes written `\xFF` (and its backslashes `\\`), never U+FFFD: two
/// files whose names differ only there (`a\xFF.txt`, `a\xFE.txt`) keep two labels, so their
/// articles, ids and messages stay apart. Whatever prints a label on a terminal makes it
/// visible-safe ([`crate::messages`]).
pub fn label(path: &Path) -> String {
    match path.to_str() {
        Some(s) => s.to_owned(),
        None => escaped(path),
    }
}

/// What the index knows a file by: its label, except that a name that is not UTF-8 is marked
/// as such (an absolute path, as keys are, never starts with `bytes:`), so that no UTF-8 name
/// that happens to read `\xFF` can stand for it.
pub fn path_key(path: &Path) -> String {
    match path.to_str() {
        Some(s) => s.to_owned(),
        None => format!("bytes:{}", escaped(path)),
    }
}

/// A path's bytes as text: UTF-8 runs as they are (backslashes doubled), other bytes `\xNN`.
fn escaped(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&chunk.valid().replace('\\', "\\\\"));
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// An I/O error without the "(os error 2)" noise.
pub fn io_reason(err: &std::io::Error) -> String {
    let msg = err.to_string();
    match msg.find(" (os error") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    /// `a\xff.txt` and `a\xfe.txt` both became `a\u{FFFD}.txt`: the index failed on a
    /// UNIQUE constraint on every later start, and the export showed one file's text twice.
    #[test]
    fn names_that_are_not_utf8_keep_apart() {
        let ff = Path::new(std::ffi::OsStr::from_bytes(b"dir/a\xff.txt"));
        let fe = Path::new(std::ffi::OsStr::from_bytes(b"dir/a\xfe.txt"));
        assert_eq!(label(ff), "dir/a\\xFF.txt");
        assert_ne!(label(ff), label(fe));
        assert_eq!(label(Path::new("dir/a\\b ä.txt")), "dir/a\\b ä.txt");
        let odd = Path::new(std::ffi::OsStr::from_bytes(b"a\\xFF\xff"));
        assert_eq!(label(odd), "a\\\\xFF\\xFF");
        // A UTF-8 name spelling the escape is another key.
        assert_ne!(path_key(ff), path_key(Path::new("dir/a\\xFF.txt")));
    }
}
