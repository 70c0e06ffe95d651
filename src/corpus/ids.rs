//! Article ids: the file stem (a JSON record's own `id`, else `stem#n`; a feed entry's
//! `stem#` and a hash of its guid, which stays put as the feed grows), made unique in load
//! order by appending `-2`, `-3`, … so that the same inputs always give the same ids.

use std::collections::HashSet;
use std::path::Path;

/// The id a record asks for before uniqueness: its own, or one made from the file name.
pub fn base_id(label: &str, own: Option<&str>, record: &str, is_collection: bool) -> String {
    if let Some(own) = own {
        let clean = super::clean::clean_inline(own);
        if !clean.is_empty() {
            return clean;
        }
    }
    let stem = Path::new(label)
        .file_stem()
        .map_or_else(|| label.to_owned(), |s| s.to_string_lossy().into_owned());
    let stem = super::clean::clean_inline(&stem);
    if is_collection {
        format!("{stem}#{record}")
    } else {
        stem
    }
}

/// Hands out unique ids.
#[derive(Default)]
pub struct IdSet(HashSet<String>);

impl IdSet {
    pub fn unique(&mut self, base: String) -> String {
        if self.0.insert(base.clone()) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| !self.0.contains(candidate))
            .inspect(|id| {
                self.0.insert(id.clone());
            })
            .expect("an unused suffix exists")
    }
}

/// An article's key in the saved state: its file name and a hash of its title and text.
/// Two corpora with a `0001.txt` each keep their marks apart; the same file opened from
/// another directory keeps its marks; an article whose text changed is unread again.
pub fn article_key(a: &super::Article) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(a.title.as_bytes());
    h.write_u8(0);
    h.write(a.body.as_bytes());
    let file = a.source.rsplit(['/', '\\']).next().unwrap_or(&a.source);
    // A record of a JSON collection is told apart by its id.
    let name = if a.id.contains('#') || !file.starts_with(a.id.as_str()) {
        format!("{file}:{}", a.id)
    } else {
        file.to_owned()
    };
    format!("{name}#{:016x}", h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_records() {
        assert_eq!(base_id("a/b/000_x.txt", None, "0", false), "000_x");
        assert_eq!(base_id("dump.jsonl", None, "5", true), "dump#5");
        assert_eq!(base_id("dump.jsonl", Some(" a7 "), "4", true), "a7");
    }

    #[test]
    fn collisions_are_numbered() {
        let mut ids = IdSet::default();
        let got: Vec<String> = ["a", "a", "a-2", "a"]
            .iter()
            .map(|s| ids.unique(s.to_string()))
            .collect();
        assert_eq!(got, ["a", "a-2", "a-2-2", "a-3"]);
    }
}
