//! Prints the evidence of every candidate pair of a corpus as TSV, for fitting the related-story
//! score (`scripts/fit_related.py` reads it). Candidates are the pairs that share any entity,
//! content word or number.
//!
//! usage: cargo run --release --example pair_evidence -- PATH... > pairs.tsv

use std::path::PathBuf;

use dossier::index::features::Features;
use dossier::index::score::evidence;

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let corpus = dossier::corpus::load_paths(&paths);
    let entities = dossier::nlp::analyze(&corpus.articles);
    let arts = &corpus.articles;
    let f = Features::build(arts, &entities);
    println!("a\tb\tentities\tinfo\tterms\tterm_info\tcognates\tnumbers\tsame_lang");
    for a in 0..arts.len() {
        for b in a + 1..arts.len() {
            let e = evidence(&f, a, b);
            if e.entities + e.terms + e.cognates + e.numbers == 0.0 {
                continue;
            }
            println!(
                "{}\t{}\t{:.4}\t{:.3}\t{:.4}\t{:.3}\t{:.4}\t{:.4}\t{}",
                arts[a].source,
                arts[b].source,
                e.entities,
                e.info,
                e.terms,
                e.term_info,
                e.cognates,
                e.numbers,
                u8::from(e.same_lang)
            );
        }
    }
}
