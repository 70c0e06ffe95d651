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
    /// The publication's name (a feed's title).
    pub site: Option<String>,
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
            Just("<div/>".to_owned()),
            Just("<ul/>".to_owned()),
            Just("</p>".to_owned()),
            Just("</div>".to_owned()),
            Just("<p a b=c d='e>' f=\"g\"".to_owned()),
            Just("\u{90}".to_owned()),
            Just("\u{1b}]8;;".to_owned()),
            "\\PC{0,12}",
        ]
    }

    /// What made HTML slow once, repeated many times: non-void elements written self-closing,
    /// stray end tags, floods of attributes, nesting.
    fn hostile_html() -> impl Strategy<Value = String> {
        let unit = prop_oneof![
            Just("<div/>"),
            Just("<div></p>"),
            Just("<ul/>"),
            Just("<b>"),
            Just("</span>"),
            Just("<li>"),
            Just(" a"),
            Just(" x=\"1\""),
            Just("&amp;"),
            Just("text "),
        ];
        (
            proptest::collection::vec(unit, 1..6),
            1_000usize..40_000,
            0usize..50_000,
        )
            .prop_map(|(units, n, attributes)| {
                let mut page = String::from("<html><body>");
                for i in 0..n {
                    page.push_str(units[i % units.len()]);
                }
                page.push_str("<p");
                page.push_str(&" a".repeat(attributes));
                page.push_str(">Hello.</p></body></html>");
                page
            })
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
        #[test]
        fn formats_never_panic_on_any_text(text in "\\PC{0,300}") {
            for f in FORMATS {
                let _ = f.parse(&text);
            }
            let _ = clean(&text);
        }

        /// Any text behind a UTF-32 or UTF-16 byte-order mark reads back as that text, and no
        /// format panics on it (a UTF-32 feed once crashed the XML parser).
        #[test]
        fn wide_encodings_decode_to_their_text(text in "\\PC{1,200}", kind in 0..4u8) {
            let mut bytes: Vec<u8> = match kind {
                0 => vec![0xFF, 0xFE, 0, 0],
                1 => vec![0, 0, 0xFE, 0xFF],
                2 => vec![0xFF, 0xFE],
                _ => vec![0xFE, 0xFF],
            };
            for c in text.chars() {
                match kind {
                    0 => bytes.extend((c as u32).to_le_bytes()),
                    1 => bytes.extend((c as u32).to_be_bytes()),
                    2 => c.encode_utf16(&mut [0; 2]).iter().for_each(|u| bytes.extend(u.to_le_bytes())),
                    _ => c.encode_utf16(&mut [0; 2]).iter().for_each(|u| bytes.extend(u.to_be_bytes())),
                }
            }
            // A UTF-16 text beginning with NUL NUL would carry UTF-32's mark; NULs are binary.
            if !text.contains('\0') {
                let d = crate::corpus::decode::decode(&bytes);
                if let Ok(d) = d {
                    prop_assert_eq!(&d.text, &text);
                    let xml = format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>{}</title></item></channel></rss>", d.text);
                    let _ = super::Format::Feed.parse(&xml);
                    for f in FORMATS {
                        let _ = f.parse(&d.text);
                    }
                } else {
                    prop_assert!(text.trim().is_empty() || text.chars().all(char::is_whitespace), "{:?}", d.err());
                }
            }
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

    proptest! {
        // Each case is a page of up to half a megabyte: a few dozen cases.
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn hostile_html_takes_linear_time(page in hostile_html()) {
            let t = std::time::Instant::now();
            let parsed = super::Format::Html.parse(&page);
            // Up to 40,000 units (about 400 KB): well under a second when linear; the quadratic
            // cases took 8–150 s.
            let took = t.elapsed();
            prop_assert!(took < std::time::Duration::from_secs(3), "{:?} for {} bytes: {:.60}", took, page.len(), page);
            prop_assert!(parsed.drafts[0].body.contains("Hello."));
        }
    }
}
