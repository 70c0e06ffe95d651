//! Embeds every file of `assets/corpus/` (sorted by name) into the binary as the bundled corpus,
//! and fingerprints the per-file analysis (the loader, the cleaner, the recogniser and their
//! data) so that a persistent index made by another build is analysed afresh.

use std::fmt::Write;
use std::hash::{Hash, Hasher};
use std::path::Path;

/// Every file under `dir`, sorted, hashed by path and content into `h`.
fn hash_tree(dir: &Path, h: &mut std::collections::hash_map::DefaultHasher) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            hash_tree(&path, h);
        } else {
            println!("cargo:rerun-if-changed={}", path.display());
            path.file_name().hash(h);
            std::fs::read(&path).expect("readable").hash(h);
        }
    }
}

fn main() {
    // Read when the script runs, not when it is compiled: a build script compiled for one
    // checkout may be run for another that shares the target directory (a git worktree).
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for dir in ["src/corpus", "src/nlp", "assets/nlp"] {
        hash_tree(&root.join(dir), &mut h);
    }
    println!(
        "cargo:rustc-env=DOSSIER_ANALYSIS_FINGERPRINT={:016x}",
        h.finish()
    );

    let dir = root.join("assets/corpus");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("assets/corpus exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut code = String::from(
        "/// (label, bytes) of each bundled file, sorted by name.\npub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({:?}, include_bytes!({:?})),",
            format!("assets/corpus/{name}"),
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled_corpus.rs");
    std::fs::write(out, code).unwrap();
}
