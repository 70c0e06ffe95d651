//! The file formats dossier reads. Each turns decoded text into drafts: an article's fields as
//! the file gives them, before ids are made unique and the language is guessed.

pub mod html;
mod html_guard;
pub mod json;
pub mod markdown;
pub mod text;

use std::path::Path;

/// An article's fields as one file or record gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The id the record asks for (JSON `id`); otherwise one is made from the file name.
    pub id: Option<String>,
    /// 1-based record number in a JSON array, line number in JSONL: the `stem#n` of an id.
    pub ordinal: usize,
    pub title: String,
    pub body: String,
    /// As written in the source; normalised later.
    pub date: Option<String>,
    pub url: Option<String>,
    /// A language tag from metadata, if the source has one.
    pub lang: Option<String>,
}

/// What one file gave: drafts, and problems with parts of it (a bad JSONL line, say).
#[derive(Debug, Default)]
pub struct Parsed {
    pub drafts: Vec<Draft>,
    /// `reason` for each part that was skipped.
    pub problems: Vec<String>,
}

/// The formats, told apart by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format for a path's extension; `None` when dossier does not read it.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    /// JSON files are collections, so they get a larger size limit.
    pub fn is_collection(self) -> bool {
        matches!(self, Format::Json | Format::JsonLines)
    }

    pub fn parse(self, text: &str) -> Parsed {
        match self {
            Format::Text => text::parse(text),
            Format::Markdown => markdown::parse(text),
            Format::Html => html::parse(text),
            Format::Json => json::parse_document(text),
            Format::JsonLines => json::parse_lines(text),
        }
    }
}
