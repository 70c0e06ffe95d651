//! Throughput of loading + entity extraction + linking, in MB/s of article text.
//!
//! `cargo bench --bench throughput [-- MB]` writes a corpus of about MB megabytes (default 50)
//! into a temporary folder: articles of 7–18 paragraphs (news-article length) drawn
//! deterministically from real text (the bundled corpus and the UNER sentences in
//! `tests/fixtures`), each article in one of German, English or Italian. Then it times
//! the pipeline (`dossier::analysis::run`: load, entities, related lists of 10 per article)
//! five times and prints every run and the median, timing each stage. The lexicon is built once
//! before the runs (it is also timed, separately). `-- 45 short` makes about 100k short
//! articles, for the related-lists figure at that scale.

#[path = "support/corpus.rs"]
mod corpus;

use corpus::{Length, generate};

// The same allocator as the `dossier` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

fn main() {
    let megabytes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(50);
    // `short`: articles of 2–4 paragraphs, to reach many articles (100k) at moderate size.
    let short = std::env::args().any(|a| a == "short");
    let dir = tempfile::tempdir().unwrap();
    let length = if short { Length::Short } else { Length::News };
    let (n, bytes) = generate(dir.path(), length, |_, bytes| {
        bytes >= megabytes * 1_000_000
    });
    println!(
        "corpus: {n} articles, {:.1} MB in {}",
        bytes as f64 / 1e6,
        dir.path().display()
    );
    let t = Instant::now();
    let _ = dossier::nlp::lexicon::get();
    println!("lexicon build: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let paths = vec![dir.path().to_path_buf()];
    let mut rates = vec![];
    let mut related_times = vec![];
    let mut n_articles = 0;
    for run in 1..=5 {
        // The one pipeline the reader and the export run; its stage reports time the parts.
        use dossier::analysis::{IndexUse, Request, Stage, run as analyse};
        let t = Instant::now();
        let marks = std::cell::RefCell::new(vec![]);
        let a = analyse(
            &Request {
                paths: &paths,
                related_limit: 10,
                index: IndexUse::Off,
            },
            &|stage| marks.borrow_mut().push((stage, t.elapsed().as_secs_f64())),
        );
        let at = |want: fn(&Stage) -> bool| {
            marks
                .borrow()
                .iter()
                .find(|(s, _)| want(s))
                .map(|m| m.1)
                .unwrap()
        };
        let loaded = at(|s| matches!(s, Stage::Entities(_)));
        let total = at(|s| matches!(s, Stage::Relations(_)));
        let related = at(|s| *s == Stage::Done) - total;
        n_articles = a.corpus.articles.len();
        let rate = bytes as f64 / 1e6 / total;
        println!(
            "run {run}: load {loaded:.2} s, extract+link {:.2} s, total {total:.2} s, {rate:.1} MB/s ({} entities, {} mentions); related lists {related:.2} s ({} links)",
            total - loaded,
            a.entities.list.len(),
            a.entities.mentions.iter().map(Vec::len).sum::<usize>(),
            a.relations.related.iter().map(Vec::len).sum::<usize>()
        );
        rates.push(rate);
        related_times.push(related);
    }
    rates.sort_by(f64::total_cmp);
    related_times.sort_by(f64::total_cmp);
    println!(
        "median: {:.1} MB/s load+extract+link; related lists for {} articles {:.2} s; {} cores",
        rates[rates.len() / 2],
        n_articles,
        related_times[related_times.len() / 2],
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
}
