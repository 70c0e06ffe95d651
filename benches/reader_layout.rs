//! The reader's layout of one very large article: the time to open it (or resize the pane),
//! which is the time to lay it out for a width.
//!
//! `cargo bench --bench reader_layout [-- MB]` builds one article of about MB megabytes (default
//! 4.5) from the bundled corpus's paragraphs, analyses it (tens of thousands of mentions), then
//! lays it out at eleven widths, five rounds, and prints the median per layout.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use dossier::bench::Data;
use dossier::corpus::{Article, Corpus};

fn main() {
    let megabytes: f64 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(4.5);
    let bundled = dossier::corpus::load_bundled();
    let paragraphs: Vec<&str> = bundled
        .articles
        .iter()
        .filter(|a| a.lang == "de")
        .flat_map(|a| a.body.split("\n\n"))
        .collect();
    let mut body = String::new();
    let mut i = 0;
    while (body.len() as f64) < megabytes * 1024.0 * 1024.0 {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(paragraphs[i % paragraphs.len()]);
        i += 1;
    }
    let corpus = Corpus {
        articles: vec![Article {
            id: "huge".into(),
            source: "huge.txt".into(),
            title: "A very large article".into(),
            lang: "de".into(),
            date: None,
            url: None,
            site: None,
            body,
        }],
        skipped: vec![],
    };
    let data = Data::build(corpus, &|_| {});
    println!(
        "article: {:.1} MB, {} mentions",
        data.corpus.articles[0].body.len() as f64 / 1048576.0,
        data.entities.mentions[0].len()
    );
    let mut times = vec![];
    for _round in 0..5 {
        for width in 60..=70 {
            let t = Instant::now();
            let layout = dossier::bench::layout(&data, 0, width);
            std::hint::black_box(&layout);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "layout: median {:.1} ms, min {:.1} ms, max {:.1} ms over {} layouts",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
