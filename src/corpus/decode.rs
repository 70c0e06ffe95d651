//! Reads a source's bytes and decodes them to text, refusing what is not text.
//!
//! UTF-8 is expected. A UTF-16 file with a byte-order mark is decoded as UTF-16. Anything else
//! that is not valid UTF-8 is decoded as Windows-1252 (the usual legacy encoding of German,
//! Italian and English pages, and a superset of Latin-1), with a warning: a lossy guess beats
//! losing the article. A NUL byte in the first 8 KiB means binary.

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
    if let Some(text) = utf16(bytes) {
        return Ok(Decoded {
            text,
            warning: None,
        });
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err("binary file (NUL bytes); skipped".into());
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            warning: None,
        }),
        Err(e) => Ok(Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            warning: Some(format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252, article kept",
                e.valid_up_to()
            )),
        }),
    }
}

fn utf16(bytes: &[u8]) -> Option<String> {
    let (le, body) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
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
