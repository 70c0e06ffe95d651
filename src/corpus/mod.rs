//! The corpus: articles loaded from files (or the bundled set), cleaned, with the problems met
//! on the way. Everything downstream (entities, related stories, the reader) starts from here.

mod boilerplate;
pub mod bundled;
pub mod clean;
pub mod date;
mod decode;
pub mod formats;
pub mod ids;
pub mod lang;
mod load;
pub mod sanitize;
mod walk;

pub use load::{FileResult, assemble, load_bundled, load_paths, load_sources, read_source};
pub use walk::{Source, SourceData, expand, io_reason, path_key};

/// One article, cleaned and ready to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Unique within the corpus: the file stem, or a JSON record's `id`.
    pub id: String,
    /// Where it came from, as the user named it (`assets/corpus/…` for the bundled corpus).
    pub source: String,
    pub title: String,
    /// ISO 639-1, or `und`.
    pub lang: String,
    /// ISO 8601.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The name of the publication it came from, where the input gives one (a feed's title).
    pub site: Option<String>,
    /// Paragraphs separated by a blank line.
    pub body: String,
}

/// Input that was not loaded, or loaded only in part, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
}

impl Skipped {
    /// What the problem cost: the whole file, one line or record of it, or nothing (the
    /// article was kept, read another way or once). Read from the reason, which always ends
    /// by saying what was done.
    pub fn loss(&self) -> Loss {
        let r = &self.reason;
        if r.ends_with("kept")
            || r.ends_with("read without content extraction")
            || r.ends_with("read once")
        {
            Loss::Nothing
        } else if r.starts_with("line ") || r.starts_with("record ") {
            Loss::Part
        } else {
            Loss::File
        }
    }

    /// "2 files skipped, 1 line or record skipped, 1 note": what a list of problems cost.
    pub fn summary(list: &[Skipped]) -> String {
        let count = |l: Loss| list.iter().filter(|s| s.loss() == l).count();
        let mut parts = vec![];
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match count(Loss::File) {
            0 => {}
            n => parts.push(plural(n, "file skipped", "files skipped")),
        }
        match count(Loss::Part) {
            0 => {}
            n => parts.push(plural(
                n,
                "line or record skipped",
                "lines or records skipped",
            )),
        }
        match count(Loss::Nothing) {
            0 => {}
            n => parts.push(plural(n, "note", "notes")),
        }
        parts.join(", ")
    }
}

/// What a problem in the input cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loss {
    File,
    Part,
    Nothing,
}

/// What loading produced: the articles in a deterministic order and every problem met.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

/// A single article's limit. Larger single-article files are skipped, larger JSON records too.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;
/// A JSON or JSONL file holds many articles, so it may be larger than one article.
pub const MAX_COLLECTION_BYTES: u64 = 1024 * 1024 * 1024;

#[cfg(test)]
mod tests {
    use super::*;

    /// "11 files skipped" counted a kept file and a skipped line as skipped files.
    #[test]
    fn the_summary_tells_files_lines_and_notes_apart() {
        let s = |reason: &str| Skipped {
            source: "x".into(),
            reason: reason.into(),
        };
        let list = [
            s("binary file (NUL bytes); skipped"),
            s("empty file; skipped"),
            s("line 2: malformed JSON (EOF); line skipped"),
            s(
                "not valid UTF-8 (first bad byte at offset 2); decoded as Windows-1252, article kept",
            ),
            s("the same file as a.txt; read once"),
        ];
        assert_eq!(
            Skipped::summary(&list),
            "2 files skipped, 1 line or record skipped, 2 notes"
        );
    }
}
