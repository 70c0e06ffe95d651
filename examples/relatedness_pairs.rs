//! Prints, for each rated pair of a corpus, the evidence dossier's related score reads, as TSV
//! beside the people's ratings, for fitting and cross-validating the relatedness score
//! (`scripts/fit_relatedness.py` reads it).
//!
//! usage: cargo run --release --example relatedness_pairs -- CORPUS_DIR PAIRS.tsv > rated.tsv
//! (`../shared/related-train/corpus` and `../shared/related-train/pairs.tsv`: the pairs name
//! articles by file stem, with the columns `a`, `b` and `overall`.)

use std::collections::HashMap;
use std::path::PathBuf;

use dossier::index::features::Features;
use dossier::index::relatedness;

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [corpus_dir, pairs] = &args[..] else {
        eprintln!("usage: relatedness_pairs CORPUS_DIR PAIRS.tsv");
        std::process::exit(2);
    };
    let corpus = dossier::corpus::load_paths(std::slice::from_ref(corpus_dir));
    let entities = dossier::nlp::analyze(&corpus.articles);
    let arts = &corpus.articles;
    let f = Features::build(arts, &entities);
    let by_id: HashMap<&str, usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let text = std::fs::read_to_string(pairs).expect("pairs file");
    let mut lines = text.lines();
    let head: Vec<&str> = lines.next().expect("a header").split('\t').collect();
    let col = |name: &str| head.iter().position(|h| *h == name).expect("column");
    let (ca, cb, co) = (col("a"), col("b"), col("overall"));
    println!("a\tb\toverall\t{}", relatedness::FEATURES.join("\t"));
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(&a), Some(&b)) = (by_id.get(cells[ca]), by_id.get(cells[cb])) else {
            eprintln!("not in the corpus: {} {}", cells[ca], cells[cb]);
            continue;
        };
        let x = relatedness::features(&f, arts, a, b);
        let xs: Vec<String> = x.iter().map(|v| format!("{v:.5}")).collect();
        println!(
            "{}\t{}\t{}\t{}",
            cells[ca],
            cells[cb],
            cells[co],
            xs.join("\t")
        );
    }
}
