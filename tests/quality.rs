//! Entity quality, held by CI: the bundled corpus against its hand-made gold, and the UNER
//! German and English test sets, scored with the rules of `shared/eval/score.py`.

mod common;
#[path = "support/score.rs"]
mod score;
#[path = "support/uner.rs"]
mod uner;

use common::*;

fn fixture_json(rel: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(rel)).unwrap()).unwrap()
}

#[test]
fn bundled_corpus_reaches_the_bars() {
    let gold = fixture_json("eval/seed-gold.json");
    let (export, _, _) = export(&[]);
    let s = score::score(&gold, &export);
    eprintln!("{s:?}");
    assert_eq!(s.missing_docs, 0);
    assert_eq!(
        s.bad_offsets, 0,
        "every mention's offsets cut its surface out of the text"
    );
    assert!(s.f1 >= 0.92, "entity F1 {:.3}", s.f1);
    assert!(s.link_f1.unwrap() >= 0.95, "link F1 {:?}", s.link_f1);
    assert!(
        s.kind_accuracy >= 0.95,
        "kind accuracy {:.3}",
        s.kind_accuracy
    );
    assert!(
        s.mention_recall >= 0.90,
        "mention recall {:.3}",
        s.mention_recall
    );
}

fn uner_f1(file: &str, lang: &str) -> f64 {
    let dir = tempfile::tempdir().unwrap();
    let iob2 = std::fs::read_to_string(fixture(&format!("uner/{file}"))).unwrap();
    let gold = uner::convert(&iob2, dir.path(), lang);
    let (export, _, _) = export(&[dir.path().as_os_str()]);
    let s = score::score(&gold, &export);
    eprintln!("{file}: {s:?}");
    assert_eq!(s.missing_docs, 0);
    assert_eq!(s.bad_offsets, 0);
    s.f1
}

#[test]
fn uner_german_reaches_the_bar() {
    let f1 = uner_f1("de_pud-ud-test.iob2", "de");
    assert!(f1 >= 0.70, "UNER de entity F1 {f1:.3}");
}

#[test]
fn uner_english_reaches_the_bar() {
    let f1 = uner_f1("en_pud-ud-test.iob2", "en");
    assert!(f1 >= 0.75, "UNER en entity F1 {f1:.3}");
}

#[test]
fn scorer_port_agrees_with_its_rules() {
    assert_eq!(score::norm("  „Russlands“, "), "russlands");
    assert_eq!(score::norm("L’Istituto"), "l'istituto");
}
