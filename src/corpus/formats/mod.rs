//! The file formats dossier reads. Each turns decoded text into drafts: an article's fields as
//! the file gives them, before ids are made unique and the language is guessed.

pub mod feed;
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
    /// What follows `#` in a made id instead of the ordinal, when the record names itself
    /// stably (a feed entry: a hash of its guid), so that its id survives new entries above it.
    pub anchor: Option<String>,
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
    /// RSS or Atom (`.rss`, `.atom`, and `.xml` when its root is a feed's).
    Feed,
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
            "rss" | "atom" | "xml" => Format::Feed,
            _ => return None,
        })
    }

    /// JSON files and feeds are collections, so they get a larger size limit.
    pub fn is_collection(self) -> bool {
        matches!(self, Format::Json | Format::JsonLines | Format::Feed)
    }

    pub fn parse(self, text: &str) -> Parsed {
        match self {
            Format::Text => text::parse(text),
            Format::Markdown => markdown::parse(text),
            Format::Html => html::parse(text),
            Format::Json => json::parse_document(text),
            Format::JsonLines => json::parse_lines(text),
            Format::Feed => feed::parse(text),
        }
    }
}

/// The loader fuzzed: every format, the decoder and the cleaner over arbitrary input and over
/// markup-shaped input, a bounded number of cases per run (CI runs them with `cargo test`).
#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    use super::Format;
    use crate::corpus::clean::{clean, clean_inline};

    const FORMATS: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Json,
        Format::JsonLines,
        Format::Feed,
    ];

    /// Pieces of real-world debris: tags whole and broken, entities, quotes, front matter,
    /// JSON punctuation, controls, escapes, bidi, combining marks, other scripts.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_owned()),
            Just("</p >".to_owned()),
            Just("< h4>".to_owned()),
            Just("<div class=\"".to_owned()),
            Just("<script>".to_owned()),
            Just("</script".to_owned()),
            Just("<!--".to_owned()),
            Just("-->".to_owned()),
            Just("<br/>".to_owned()),
            Just("“ />".to_owned()),
            Just("&amp;".to_owned()),
            Just("&#x9b;".to_owned()),
            Just("&".to_owned()),
            Just("\n\n".to_owned()),
            Just("---\ntitle: x\ndate: 12 мая 2024\n---\n".to_owned()),
            Just("+++\n".to_owned()),
            Just("# ".to_owned()),
            Just("{\"title\":\"".to_owned()),
            Just("\",\"body\":".to_owned()),
            Just("[{".to_owned()),
            Just("<?xml version=\"1.0\" encoding=\"utf-8\"?>".to_owned()),
            Just("<rss version=\"2.0\"><channel>".to_owned()),
            Just("<item><title>".to_owned()),
            Just("</item>".to_owned()),
            Just("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>".to_owned()),
            Just("<content type=\"html\">&lt;p&gt;".to_owned()),
            Just("</entry></feed>".to_owned()),
            Just("<![CDATA[".to_owned()),
            Just("}]".to_owned()),
            Just("\u{1b}[31m".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("e\u{301}".to_owned()),
            Just("Пхеньян ".to_owned()),
            Just("Putin sagte. ".to_owned()),
            "\\PC{0,12}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn formats_never_panic_on_debris(pieces in proptest::collection::vec(piece(), 0..40)) {
            let text: String = pieces.concat();
            for f in FORMATS {
                let parsed = f.parse(&text);
                for d in parsed.drafts {
                    let clean_text = !d.body.contains('\x1b') && !d.title.contains('\x1b');
                    prop_assert!(clean_text, "escape left in {:?}", d);
                }
            }
            let cleaned = clean(&text);
            let ok = !cleaned.contains('\x1b') && !cleaned.contains("\n\n\n");
            prop_assert!(ok, "cleaned: {:?}", cleaned);
            let _ = clean_inline(&text);
        }

        #[test]
        fn formats_never_panic_on_any_text(text in "\\PC{0,300}") {
            for f in FORMATS {
                let _ = f.parse(&text);
            }
            let _ = clean(&text);
        }

        #[test]
        fn decoder_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            if let Ok(d) = crate::corpus::decode::decode(&bytes) {
                for f in FORMATS {
                    let _ = f.parse(&d.text);
                }
            }
        }
    }
}
