//! Where a corpus's index lives: one SQLite file per set of input paths, in dossier's cache
//! directory. `DOSSIER_CACHE` names the directory outright; otherwise `XDG_CACHE_HOME/dossier`,
//! otherwise the platform's cache directory (`directories`: `~/.cache/dossier` on Linux,
//! `~/Library/Caches/dossier` on macOS).

use std::hash::{BuildHasher, Hasher};
use std::path::{Path, PathBuf};

/// dossier's cache directory, or `None` when the platform has none (no home directory).
pub fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("DOSSIER_CACHE").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join("dossier"));
    }
    directories::ProjectDirs::from("", "", "dossier").map(|p| p.cache_dir().to_path_buf())
}

/// The index file for the corpus made of `paths` (as given, in order): the same paths from
/// any working directory name the same index.
pub fn index_file(cache: &Path, paths: &[PathBuf]) -> PathBuf {
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    for p in paths {
        let absolute = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        h.write(absolute.as_os_str().as_encoded_bytes());
        h.write_u8(0);
    }
    cache.join(format!("corpus-{:016x}.sqlite", h.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_paths_same_file_other_paths_other_file() {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let cache = Path::new("/cache");
        let one = index_file(cache, std::slice::from_ref(&a));
        assert_eq!(one, index_file(cache, &[a.join("../a")]));
        assert_ne!(one, index_file(cache, std::slice::from_ref(&b)));
        assert_ne!(one, index_file(cache, &[a.clone(), b.clone()]));
        assert!(one.starts_with(cache));
        assert_eq!(one.extension().unwrap(), "sqlite");
    }
}
