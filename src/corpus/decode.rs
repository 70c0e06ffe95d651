//! Reads a source's bytes and decodes them to text, refusing what is not text.
//!
//! UTF-8 is expected. A UTF-32 or UTF-16 file with a byte-order mark is decoded as such (the
//! UTF-32 marks are tried first: the little-endian one begins like UTF-16's). Anything else
//! that is not valid UTF-8 is decoded as Windows-1252 (the usual legacy encoding of German,
//! Italian and English pages, and a superset of Latin-1), with a warning: a lossy guess beats
//! losing the article. A NUL byte in the first 8 KiB means binary, and so does a NUL left in
//! text decoded from UTF-16 or UTF-32: no parser downstream is handed one.

use std::io::Read;

use super::walk::{Source, SourceData, io_reason};
use super::{MAX_ARTICLE_BYTES, MAX_COLLECTION_BYTES};

/// Text, plus a warning when it had to be decoded lossily.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// The text of `source`, or the reason it cannot be loaded.
pub fn read(source: &Source) -> Result<Decoded, String> {
    let limit = if source.format.is_some_and(|f| f.is_collection()) {
        MAX_COLLECTION_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    let bytes = match &source.data {
        SourceData::Embedded(bytes) => bytes.to_vec(),
        SourceData::File(path) => {
            let file =
                std::fs::File::open(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
            // Checked again on the open file: the walk saw a regular file, but a path can be
            // replaced in between, and a device such as /dev/zero never ends.
            let meta = file
                .metadata()
                .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
            if !meta.file_type().is_file() {
                return Err(format!(
                    "{}; skipped",
                    super::walk::special_kind(&meta.file_type())
                ));
            }
            if meta.len() > limit {
                return Err(too_large(limit));
            }
            let mut bytes = Vec::new();
            // Read one byte past the limit to know it was passed without reading it all.
            file.take(limit + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
            if bytes.len() as u64 > limit {
                return Err(too_large(limit));
            }
            bytes
        }
    };
    decode(&bytes)
}

fn too_large(limit: u64) -> String {
    format!(
        "larger than the {} MiB limit for {}; skipped",
        limit / (1024 * 1024),
        if limit == MAX_ARTICLE_BYTES {
            "one article (split it, or use .jsonl)"
        } else {
            "a JSON file"
        }
    )
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file; skipped".into());
    }
    if let Some(decoded) = utf32(bytes).or_else(|| utf16(bytes)) {
        let (text, warning) = decoded?;
        return if is_blank(&text) {
            Err(EMPTY.into())
        } else {
            Ok(Decoded { text, warning })
        };
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (NUL bytes); skipped".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            warning: None,
        },
        Err(e) => Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            warning: Some(format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252, article kept",
                e.valid_up_to()
            )),
        },
    };
    if is_blank(&decoded.text) {
        return Err(EMPTY.into());
    }
    Ok(decoded)
}

const EMPTY: &str = "empty file (nothing but white space); skipped";

/// Nothing but white space of any kind (`\v`, `\f`, no-break and other Unicode spaces) and
/// invisible marks: a file with no text to read.
fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}'
            )
    })
}

/// What a UTF-16 or UTF-32 decoding gave: the text and a warning, or why it is refused.
type Wide = Result<(String, Option<String>), String>;

fn utf32(bytes: &[u8]) -> Option<Wide> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, 0x00, 0x00, rest @ ..] => (true, rest),
        [0x00, 0x00, 0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let mut bad = 0usize;
    let text: String = body
        .chunks_exact(4)
        .map(|c| {
            let unit = [c[0], c[1], c[2], c[3]];
            let v = if le {
                u32::from_le_bytes(unit)
            } else {
                u32::from_be_bytes(unit)
            };
            char::from_u32(v).unwrap_or_else(|| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    Some(wide_result(text, bad, body.len() % 4 != 0, "UTF-32"))
}

fn utf16(bytes: &[u8]) -> Option<Wide> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units = body.chunks_exact(2).map(|c| {
        if le {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    Some(wide_result(text, bad, body.len() % 2 != 0, "UTF-16"))
}

/// A NUL in decoded text is binary (or another encoding behind a byte-order mark); invalid
/// code units were replaced, and that is said.
fn wide_result(text: String, bad: usize, ragged: bool, name: &str) -> Wide {
    if text.as_bytes()[..text.len().min(8192)].contains(&0) {
        return Err(format!(
            "binary file (NUL characters after decoding as {name}); skipped"
        ));
    }
    let warning = (bad > 0 || ragged).then(|| {
        format!(
            "{bad} invalid {name} code unit(s) replaced by U+FFFD{}; article kept",
            if ragged {
                ", a cut-off last unit dropped"
            } else {
                ""
            }
        )
    });
    Ok((text, warning))
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{FFFD}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{FFFD}', 'Ž',
        '\u{FFFD}', '\u{FFFD}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{FFFD}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_binary() {
        assert!(decode(b"  \n\t").err().unwrap().starts_with("empty"));
        assert!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0")
                .err()
                .unwrap()
                .starts_with("binary")
        );
    }

    #[test]
    fn latin1_and_cp1252_decode_with_warning() {
        let d = decode(b"Gr\xfc\xdfe \x93Zitat\x94 \x80").unwrap();
        assert_eq!(d.text, "Grüße “Zitat” €");
        assert!(d.warning.unwrap().contains("offset 2"));
    }

    /// A UTF-32 feed crashed the XML parser ("set_encoding() called after prefix buffer was
    /// drained"): its byte-order mark was read as UTF-16's, leaving NULs in the text.
    #[test]
    fn utf32_is_decoded_not_mistaken_for_utf16() {
        for le in [true, false] {
            let mut bytes = if le {
                vec![0xFF, 0xFE, 0, 0]
            } else {
                vec![0, 0, 0xFE, 0xFF]
            };
            for c in "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss/> Köln 平壤".chars() {
                let v = c as u32;
                bytes.extend(if le { v.to_le_bytes() } else { v.to_be_bytes() });
            }
            let d = decode(&bytes).unwrap();
            assert!(d.text.ends_with("<rss/> Köln 平壤"), "{:?}", d.text);
            assert_eq!(d.warning, None);
            // And the feed parser gets text it can read.
            let parsed = crate::corpus::formats::Format::Feed.parse(&d.text);
            assert!(
                parsed.problems[0].contains("without entries")
                    || parsed.problems[0].contains("feed"),
                "{:?}",
                parsed.problems
            );
        }
    }

    #[test]
    fn nul_after_a_wide_decoding_is_binary_and_bad_units_are_told() {
        // Zeros behind a UTF-32 or a UTF-16 mark.
        assert!(
            decode(&[0xFF, 0xFE, 0, 0, b'a', 0, 0, 0, 0, 0, 0, 0])
                .err()
                .unwrap()
                .starts_with("binary")
        );
        assert!(
            decode(&[0xFF, 0xFE, b'a', 0, 0, 0, b'b', 0])
                .err()
                .unwrap()
                .starts_with("binary")
        );
        let lone_surrogate = [0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        let d = decode(&lone_surrogate).unwrap();
        assert_eq!(d.text, "a\u{FFFD}b");
        assert!(d.warning.unwrap().contains("1 invalid UTF-16"));
    }

    /// A BOM alone, `\v\f`, or Unicode spaces gave no article and no message.
    #[test]
    fn only_invisible_or_unicode_space_is_empty() {
        for bytes in [
            &b"\xEF\xBB\xBF"[..],
            b"\x0b\x0c\n",
            "\u{a0}\u{2003}\u{3000}\u{200b}".as_bytes(),
            &[0xFF, 0xFE, 0x20, 0x00],
        ] {
            assert!(
                decode(bytes).err().unwrap().starts_with("empty"),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn utf16_and_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Köln".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Köln");
        assert_eq!(decode(b"\xEF\xBB\xBFhi").unwrap().text, "hi");
    }
}
