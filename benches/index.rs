//! The persistent index at scale: `cargo bench --bench index [-- N...]` (default 10000) writes
//! N articles of about 5.4 kB (benches/support/corpus.rs) and measures, each step in a fresh
//! process (this benchmark runs itself as a child) so that peak memory is the step's own:
//!
//! - before: a start without an index (load, analyse, the reader's data), as every start was;
//! - cold index: `dossier index` into an empty cache;
//! - first view: what the reader shows first from a current index (the list, search and the
//!   finder; texts are read as they are shown), and one article's text read for the reader;
//! - warm start: the reader's full data from a current index (which follows the first view);
//! - update: 15 files changed, then the index brought up to date (three rounds);
//! - search: the reader's `/` search on the warm data, per query.
//!
//! Times are medians of three runs (one for the slow steps at N ≥ 50,000); memory is the
//! process's peak resident set (VmHWM).

#[path = "support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dossier::analysis::{IndexUse, Request, run};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Peak resident memory of this process, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn analyse(dir: &Path, index: IndexUse) -> dossier::analysis::Analysis {
    let t = Instant::now();
    let marks = std::cell::RefCell::new(String::new());
    let a = run(
        &Request {
            paths: &[dir.to_path_buf()],
            related_limit: dossier::index::KEPT_RELATED,
            index,
        },
        &|stage| {
            use std::fmt::Write;
            let _ = write!(
                marks.borrow_mut(),
                " {stage:?}@{:.2}",
                t.elapsed().as_secs_f64()
            );
        },
    );
    // Where the time goes: each stage with the second it began.
    eprintln!("    stages:{}", marks.borrow());
    a
}

/// The searches timed: words, a phrase-like pair, a filter.
const QUERIES: [&str; 6] = [
    "putin",
    "kim jong",
    "regierung",
    "roma",
    "präsident trump",
    "putin lang:de",
];

/// The median time of the reader's `/` search over [`QUERIES`], three times each, in ms.
fn search_ms(data: &dossier::bench::Data) -> f64 {
    let mut times = vec![];
    for q in QUERIES {
        for _ in 0..3 {
            let t = Instant::now();
            let hits = data.search.search(q, &data.corpus.articles, &data.entities);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            std::hint::black_box(hits);
        }
    }
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// One step in this process: prints "seconds peak_mb [search_ms]".
fn child(mode: &str, dir: &Path) {
    let t = Instant::now();
    match mode {
        "before" | "warm" => {
            let index = if mode == "before" {
                IndexUse::Off
            } else {
                IndexUse::IfPresent
            };
            let a = analyse(dir, index);
            if mode == "warm" {
                let summary = a.index.as_ref().expect("an index");
                assert!(!summary.relinked && summary.files_read == 0, "{summary}");
            }
            let data = dossier::bench::Data::from_analysis(a);
            let secs = t.elapsed().as_secs_f64();
            println!("{secs} {} {}", peak_mb(), search_ms(&data));
        }
        "preview" => {
            let (file, preview) =
                dossier::analysis::preview(&[dir.to_path_buf()]).expect("a current index");
            let data = dossier::bench::Data::from_preview(file.clone(), preview);
            let secs = t.elapsed().as_secs_f64();
            // The reader's first article: its text from the index.
            let t = Instant::now();
            let store = dossier::store::Store::open_read_only(&file).unwrap();
            let text = store
                .article_text(
                    0,
                    &data.corpus.articles[0],
                    data.corpus.articles.len(),
                    data.entities.list.len(),
                )
                .unwrap()
                .expect("the text");
            let text_ms = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(text);
            println!("{secs} {} {} {text_ms}", peak_mb(), search_ms(&data));
        }
        "index" => {
            let a = analyse(dir, IndexUse::Make);
            let summary = a.index.expect("an index");
            assert!(summary.saved, "{summary}");
            eprintln!("    {summary}");
            println!("{} {}", t.elapsed().as_secs_f64(), peak_mb());
        }
        _ => panic!("unknown mode {mode}"),
    }
}

/// Runs one step in a fresh process; returns its printed numbers.
fn step(mode: &str, dir: &Path, cache: &Path) -> Vec<f64> {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["child", mode])
        .arg(dir)
        .env("DOSSIER_CACHE", cache)
        .output()
        .unwrap();
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{mode} failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn bench(n: usize) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let cache = tmp.path().join("cache");
    let (n, bytes) = corpus::generate(&dir, corpus::Length::Long, |k, _| k >= n);
    let mb = bytes as f64 / 1e6;
    println!("corpus: {n} articles, {mb:.0} MB");
    let rounds = if n >= 50_000 { 1 } else { 3 };

    let before: Vec<Vec<f64>> = (0..rounds).map(|_| step("before", &dir, &cache)).collect();
    let mut cold = vec![];
    for _ in 0..rounds {
        let _ = std::fs::remove_dir_all(&cache);
        cold.push(step("index", &dir, &cache));
    }
    let first: Vec<Vec<f64>> = (0..3).map(|_| step("preview", &dir, &cache)).collect();
    let warm: Vec<Vec<f64>> = (0..3).map(|_| step("warm", &dir, &cache)).collect();
    let mut update = vec![];
    for round in 0..3 {
        // 15 files spread over the corpus get a paragraph more.
        for k in 0..15 {
            let path: PathBuf = corpus::file(&dir, (k * n / 15 + round * 7) % n);
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str("Wladimir Putin traf Kim Jong Un in Wladiwostok.\n\n");
            std::fs::write(&path, text).unwrap();
        }
        update.push(step("index", &dir, &cache));
    }
    let db: u64 = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let col = |v: &[Vec<f64>], i: usize| median(v.iter().map(|r| r[i]).collect());
    println!(
        "{n} articles, {mb:.0} MB, {} cores; medians of {rounds} (before, cold) and 3 (warm, update):",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );
    println!(
        "  before (no index): start {:.2} s, peak {:.0} MB, search {:.1} ms",
        col(&before, 0),
        col(&before, 1),
        col(&before, 2)
    );
    println!(
        "  cold index: {:.2} s, peak {:.0} MB; index file {:.0} MB",
        col(&cold, 0),
        col(&cold, 1),
        db as f64 / 1e6
    );
    println!(
        "  first view (list, search, finder): {:.2} s, peak {:.0} MB, search {:.1} ms, an article's text {:.1} ms",
        col(&first, 0),
        col(&first, 1),
        col(&first, 2),
        col(&first, 3)
    );
    println!(
        "  warm start: {:.2} s, peak {:.0} MB, search {:.1} ms",
        col(&warm, 0),
        col(&warm, 1),
        col(&warm, 2)
    );
    println!(
        "  update of 15 files: {:.2} s, peak {:.0} MB",
        col(&update, 0),
        col(&update, 1)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("child") {
        child(&args[1], Path::new(&args[2]));
        return;
    }
    if args.first().map(String::as_str) == Some("corpus") {
        // `corpus DIR N`: only write the corpus, for timing the binary on it by hand.
        let n: usize = args[2].parse().expect("a number of articles");
        let (n, bytes) = corpus::generate(Path::new(&args[1]), corpus::Length::Long, |k, _| k >= n);
        println!("{n} articles, {:.0} MB in {}", bytes as f64 / 1e6, args[1]);
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    for n in if sizes.is_empty() {
        vec![10_000]
    } else {
        sizes
    } {
        bench(n);
    }
}
