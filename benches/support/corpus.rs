//! The benchmarks' corpus: articles drawn deterministically from real text (the bundled
//! corpus and the UNER sentences in `tests/fixtures`), each in one of German, English or
//! Italian (40 / 40 / 20 %), one file each, a thousand to a folder.

// Each benchmark uses what it needs of this file.
#![allow(dead_code)]

use std::path::Path;

/// Paragraphs of real text per language: German, English, Italian.
fn paragraphs(root: &Path) -> Vec<Vec<String>> {
    let mut pools = vec![vec![], vec![], vec![]];
    for entry in std::fs::read_dir(root.join("assets/corpus")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let pool = if text.contains(" della ") { 2 } else { 0 };
        pools[pool].extend(text.lines().filter(|l| l.len() > 40).map(str::to_owned));
    }
    for (pool, file) in [(0, "de_pud-ud-test.iob2"), (1, "en_pud-ud-test.iob2")] {
        let text = std::fs::read_to_string(root.join("tests/fixtures/uner").join(file)).unwrap();
        pools[pool].extend(
            text.lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .map(str::to_owned),
        );
    }
    pools
}

/// How long the articles are.
#[derive(Clone, Copy)]
pub enum Length {
    /// 7–18 paragraphs: news-article length (about 5.4 kB).
    News,
    /// 2–4 paragraphs: many articles at moderate size.
    Short,
    /// 25–48 paragraphs (about 5.4 kB of the UNER-heavy mix): the size of the articles the
    /// index issue measured (10,000 in 54 MB).
    Long,
}

/// Writes articles into `dir` until `enough(articles, bytes)`; returns (articles, bytes).
pub fn generate(
    dir: &Path,
    length: Length,
    enough: impl Fn(usize, usize) -> bool,
) -> (usize, usize) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pools = paragraphs(root);
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let mut bytes = 0usize;
    let mut n = 0usize;
    while !enough(n, bytes) {
        let paras = match length {
            Length::Short => 1 + next() % 3,
            Length::News => 6 + next() % 12,
            Length::Long => 24 + next() % 24,
        };
        let pool = &pools[[0, 0, 1, 1, 2][next() % 5]];
        let mut text = String::new();
        for _ in 0..=paras {
            text.push_str(&pool[next() % pool.len()]);
            text.push_str("\n\n");
        }
        bytes += text.len();
        std::fs::write(file(dir, n), text).unwrap();
        n += 1;
    }
    (n, bytes)
}

/// The path of article `n` (its folder is made when needed).
pub fn file(dir: &Path, n: usize) -> std::path::PathBuf {
    let sub = dir.join(format!("{:03}", n / 1000));
    if n.is_multiple_of(1000) {
        std::fs::create_dir_all(&sub).unwrap();
    }
    sub.join(format!("{n:06}.txt"))
}
