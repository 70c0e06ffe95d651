//! The persistent index at scale, the rows of the performance issue (#22):
//! `cargo bench --bench index [-- N...]` (default 10000) writes N articles of about 5.4 kB
//! (benches/support/corpus.rs) and measures, each step in a fresh process so that its peak
//! memory is its own:
//!
//! - export: `dossier export --no-index` (the real binary, output to /dev/null);
//! - cold index: `dossier index` into an empty cache;
//! - warm index: `dossier index` again, nothing changed;
//! - update: 15 files changed, then `dossier index` (three rounds);
//! - first view: what the reader shows first from a current index (the list, `/` search and
//!   the finder; texts are read as they are shown), one article's text read, and a search;
//! - warm start: the reader's full data from a current index (which follows the first view).
//!
//! Times are medians of three runs (one for the slow steps at N ≥ 50,000); memory is the
//! process's peak resident set (the binary's from `wait4`, the others' VmHWM). With
//! `DOSSIER_TIMING=1` the binary's runs print where their time and memory go, phase by phase.
//! `cargo bench --bench index -- corpus DIR N` only writes the corpus.

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
        "warm" => {
            let a = analyse(dir, IndexUse::IfPresent);
            let summary = a.index.as_ref().expect("an index");
            assert!(!summary.relinked && summary.files_read == 0, "{summary}");
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
        _ => panic!("unknown mode {mode}"),
    }
}

/// Runs the dossier binary with `args`, its output to /dev/null; returns (seconds, peak MB).
// wait4 reaps the child (clippy knows only Child::wait).
#[allow(clippy::zombie_processes)]
fn binary(args: &[&std::ffi::OsStr], cache: &Path) -> Vec<f64> {
    let t = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("DOSSIER_CACHE", cache)
        .stdout(std::fs::File::create("/dev/null").unwrap())
        .spawn()
        .unwrap();
    // wait4, not Child::wait: its rusage is this child's own peak memory.
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let secs = t.elapsed().as_secs_f64();
    assert!(
        pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "dossier {args:?} failed"
    );
    vec![secs, usage.ru_maxrss as f64 / 1024.0]
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
    let (export, index): (&[&std::ffi::OsStr], &[&std::ffi::OsStr]) = (
        &["export".as_ref(), "--no-index".as_ref(), dir.as_os_str()],
        &["index".as_ref(), dir.as_os_str()],
    );

    let exported: Vec<Vec<f64>> = (0..rounds).map(|_| binary(export, &cache)).collect();
    let mut cold = vec![];
    for _ in 0..rounds {
        let _ = std::fs::remove_dir_all(&cache);
        cold.push(binary(index, &cache));
    }
    let current: Vec<Vec<f64>> = (0..3).map(|_| binary(index, &cache)).collect();
    let first: Vec<Vec<f64>> = (0..3).map(|_| step("preview", &dir, &cache)).collect();
    let warm: Vec<Vec<f64>> = (0..3).map(|_| step("warm", &dir, &cache)).collect();
    let mut update = vec![];
    for round in 0..3 {
        // 10 files spread over the corpus get a paragraph more, and 5 are new.
        for k in 0..10 {
            let path: PathBuf = corpus::file(&dir, (k * n / 10 + round * 7) % n);
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str("Wladimir Putin traf Kim Jong Un in Wladiwostok.\n\n");
            std::fs::write(&path, text).unwrap();
        }
        for k in 0..5 {
            let path = dir.join(format!("new-{round}-{k}.txt"));
            std::fs::write(
                &path,
                format!("Neu {round} {k}\n\nKim Jong Un und Wladimir Putin in Wladiwostok, Runde {round}.\n"),
            )
            .unwrap();
        }
        update.push(binary(index, &cache));
    }
    let db: u64 = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let col = |v: &[Vec<f64>], i: usize| median(v.iter().map(|r| r[i]).collect());
    println!(
        "{n} articles, {mb:.0} MB, {} cores; medians of {rounds} (export, cold) and 3 (the others):",
        std::thread::available_parallelism().map_or(1, |c| c.get())
    );
    println!(
        "  export --no-index: {:.2} s, peak {:.0} MB",
        col(&exported, 0),
        col(&exported, 1)
    );
    println!(
        "  cold index: {:.2} s, peak {:.0} MB; index file {:.0} MB",
        col(&cold, 0),
        col(&cold, 1),
        db as f64 / 1e6
    );
    println!(
        "  warm index (nothing changed): {:.2} s, peak {:.0} MB",
        col(&current, 0),
        col(&current, 1)
    );
    println!(
        "  update (10 changed, 5 new): {:.2} s, peak {:.0} MB",
        col(&update, 0),
        col(&update, 1)
    );
    println!(
        "  reader's first view (list, search, finder): {:.2} s, peak {:.0} MB; a search {:.1} ms (a hit on screen after {:.2} s); an article's text {:.1} ms",
        col(&first, 0),
        col(&first, 1),
        col(&first, 2),
        col(&first, 0) + col(&first, 2) / 1e3,
        col(&first, 3)
    );
    println!(
        "  reader's warm start (all its data): {:.2} s, peak {:.0} MB, search {:.1} ms",
        col(&warm, 0),
        col(&warm, 1),
        col(&warm, 2)
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
