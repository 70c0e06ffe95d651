//! CPU time of the analysis stages, each run several times in one process on one corpus: the
//! steady figure that a change to one stage is judged by (a whole run's wall time on this
//! 2-core machine swings by a third from run to run).
//!
//! `cargo bench --bench stages -- DIR [RUNS]` loads DIR (without one, the bundled corpus)
//! once, then times, RUNS times each (default 5): recognising and linking the names, the
//! features, the related lists (inverted lists, candidates, lists) and the stories. It prints
//! every run and the median per stage.

// The same allocator as the `dossier` binary, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use dossier::index::{features::Features, related, stories};
use std::time::Instant;

fn timed<T>(times: &mut Vec<f64>, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    times.push(t.elapsed().as_secs_f64());
    out
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    // Without a folder (a plain `cargo bench`), the bundled corpus: small, but every stage runs.
    let corpus = match args.first() {
        Some(dir) => dossier::corpus::load_paths(&[dir.into()]),
        None => dossier::corpus::load_bundled(),
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let articles = &corpus.articles;
    let _ = dossier::nlp::lexicon::get();
    println!("{} articles; {runs} runs per stage", articles.len());
    let (mut names, mut feats, mut rel, mut sto) = (vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        let entities = timed(&mut names, || dossier::nlp::analyze(articles));
        let f = timed(&mut feats, || Features::build(articles, &entities));
        let (lists, scorer, _) = timed(&mut rel, || {
            related::related(&f, articles, dossier::index::KEPT_RELATED)
        });
        timed(&mut sto, || stories::stories(&lists, scorer.pairs()));
    }
    for (name, times) in [
        ("names", &names),
        ("features", &feats),
        ("related", &rel),
        ("stories", &sto),
    ] {
        let all: Vec<String> = times.iter().map(|t| format!("{t:.3}")).collect();
        println!(
            "{name:<9} median {:.3} s  ({})",
            median(times),
            all.join(" ")
        );
    }
}
