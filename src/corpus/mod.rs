//! The corpus: articles loaded from files (or the bundled set), cleaned, with the problems met
//! on the way. Everything downstream (entities, related stories, the reader) starts from here.

pub mod bundled;
pub mod clean;
pub mod date;
mod decode;
pub mod formats;
mod ids;
pub mod lang;
mod load;
pub mod sanitize;
mod walk;

pub use load::{load_bundled, load_paths, load_sources};
pub use walk::{Source, io_reason};

/// One article, cleaned and ready to read.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Paragraphs separated by a blank line.
    pub body: String,
}

/// Input that was not loaded, or loaded only in part, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    pub reason: String,
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
