//! Entity quality, held by CI: the bundled corpus against its hand-made gold, and the UNER
//! German and English test sets, scored with the rules of `shared/eval/score.py`.

mod common;
#[path = "support/score.rs"]
mod score;
#[path = "support/uner.rs"]
mod uner;

use std::collections::HashMap;

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
    assert_eq!(
        (s.related_hits, s.related_total),
        (5, 5),
        "expected stories at the top of each related list"
    );
}

#[test]
fn bundled_corpus_stories_and_scores() {
    let (export, _, _) = export(&[]);
    let story = |id: &str| article(&export, id)["story"].as_str().unwrap().to_owned();
    // The ISW analysis in German and Italian is one story; the three visits are three.
    assert_eq!(story("000_b7278b78f013c97b"), story("001_33dafe3a048d91ea"));
    let visits = [
        "002_2ea6db9797bc8efc",
        "003_e0eaa78b0dce1e39",
        "004_cd020d5220e04b0f",
    ];
    for (i, a) in visits.iter().enumerate() {
        for b in &visits[i + 1..] {
            assert_ne!(story(a), story(b), "{a} and {b} are two visits");
        }
    }
    let isw_score = article(&export, "000_b7278b78f013c97b")["related"][0]["score"]
        .as_f64()
        .unwrap();
    assert!(isw_score >= 0.9, "the same analysis: {isw_score}");
    for a in articles(&export) {
        let related = a["related"].as_array().unwrap();
        assert!(!related.is_empty(), "{}", a["id"]);
        let scores: Vec<f64> = related
            .iter()
            .map(|r| r["score"].as_f64().unwrap())
            .collect();
        let relatedness: Vec<f64> = related
            .iter()
            .map(|r| r["relatedness"].as_f64().unwrap())
            .collect();
        // The article's own story first, then the likeliest other telling, then by
        // relatedness: past the first two entries, relatedness only goes down.
        let own = a["story"].as_str().unwrap();
        let in_story = related
            .iter()
            .take_while(|r| story(r["id"].as_str().unwrap()) == own)
            .count();
        let rest = &relatedness[(in_story + 1).min(relatedness.len())..];
        assert!(
            rest.windows(2).all(|w| w[0] >= w[1]),
            "most related first: {relatedness:?}"
        );
        assert!(scores.iter().all(|s| (0.0..=1.0).contains(s)));
        assert!(relatedness.iter().all(|s| (0.0..=1.0).contains(s)));
        // Every entry says why; here, where all is about Russia, with entities.
        assert!(
            related
                .iter()
                .all(|r| !r["shared"].as_array().unwrap().is_empty())
        );
        // Nothing a visit is related to is likely the same story.
        if visits.contains(&a["id"].as_str().unwrap()) {
            assert!(scores.iter().all(|&s| s < 0.5), "{scores:?}");
        }
    }
    let isw = &article(&export, "000_b7278b78f013c97b")["related"][0];
    assert!(
        isw["shared"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "andrei_rudenko")
    );
}

/// The UNER sentences exist in German and in English: a parallel corpus of 360 + 357
/// documents. The five figures of `scripts/translation_retrieval.py`, with its definitions:
/// the translation is the top related article; translation pairs share a story id; story rows
/// of 2+ hold one document only; every related entry says why; no other-language article that
/// is not the translation scores 0.5 or more.
#[test]
fn translations_rank_at_the_top_and_fold_into_stories() {
    let dir = tempfile::tempdir().unwrap();
    for (file, lang) in [("de_pud-ud-test.iob2", "de"), ("en_pud-ud-test.iob2", "en")] {
        let sub = dir.path().join(lang);
        std::fs::create_dir(&sub).unwrap();
        uner::convert(
            &std::fs::read_to_string(fixture(&format!("uner/{file}"))).unwrap(),
            &sub,
            lang,
        );
    }
    let (export, _, _) = export(&[dir.path().as_os_str()]);
    // "…/de/0042.txt" -> ("0042", "de")
    let doc_of = |a: &serde_json::Value| {
        let p = std::path::Path::new(a["source"].as_str().unwrap());
        let lang = p.parent().unwrap().file_name().unwrap().to_str().unwrap();
        let doc = p.file_stem().unwrap().to_str().unwrap();
        (doc.to_owned(), lang.to_owned())
    };
    let other = |(doc, lang): &(String, String)| {
        (
            doc.clone(),
            if lang == "de" { "en" } else { "de" }.to_owned(),
        )
    };
    let arts = articles(&export);
    let by_id: HashMap<&str, (String, String)> = arts
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), doc_of(a)))
        .collect();
    let story_of: HashMap<(String, String), &str> = arts
        .iter()
        .map(|a| (doc_of(a), a["story"].as_str().unwrap()))
        .collect();
    let (mut top1, mut entries, mut empty_why, mut false_high) = (0, 0, 0, 0);
    for a in arts {
        let me = doc_of(a);
        let related = a["related"].as_array().unwrap();
        let first = related.first().map(|r| &by_id[r["id"].as_str().unwrap()]);
        top1 += usize::from(first == Some(&other(&me)));
        for r in related {
            let them = &by_id[r["id"].as_str().unwrap()];
            entries += 1;
            empty_why += usize::from(
                r["shared"].as_array().unwrap().is_empty()
                    && r["words"].as_array().unwrap().is_empty(),
            );
            false_high += usize::from(
                them.1 != me.1 && *them != other(&me) && r["score"].as_f64().unwrap() >= 0.5,
            );
        }
    }
    let pairs: Vec<_> = story_of
        .keys()
        .filter(|k| k.1 == "de" && story_of.contains_key(&other(k)))
        .collect();
    let folded = pairs
        .iter()
        .filter(|k| story_of[k] == story_of[&other(k)])
        .count();
    let mut rows: HashMap<&str, std::collections::HashSet<&str>> = HashMap::new();
    for (k, s) in &story_of {
        rows.entry(s).or_default().insert(k.0.as_str());
    }
    let members: HashMap<&str, usize> = story_of.values().fold(HashMap::new(), |mut m, s| {
        *m.entry(*s).or_default() += 1;
        m
    });
    let multi: Vec<&str> = members
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(s, _)| *s)
        .collect();
    let pure = multi.iter().filter(|s| rows[**s].len() == 1).count();
    let n = arts.len() as f64;
    let figures = (
        top1 as f64 / n,
        folded as f64 / pairs.len() as f64,
        pure as f64 / multi.len() as f64,
        empty_why as f64 / entries as f64,
        false_high,
    );
    eprintln!(
        "translation on top {:.3}, pairs folded {:.3}, story purity {:.3}, empty why {:.3}, other-language non-translations >= 0.5: {}",
        figures.0, figures.1, figures.2, figures.3, figures.4
    );
    assert!(figures.0 >= 0.92, "{figures:?}");
    assert!(figures.1 >= 0.88, "{figures:?}");
    assert!(figures.2 >= 0.98, "{figures:?}");
    assert!(figures.3 <= 0.10, "{figures:?}");
    assert_eq!(figures.4, 0, "{figures:?}");
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
    // 0.717 with the rules alone; 0.757 with the name tagger (src/nlp/tagger.rs); 0.773 with
    // the boundary corrections (src/nlp/recognize/bounds.rs); 0.802 with what the sentence
    // shows (not_ours.rs, lone.rs, narrow.rs, widen.rs). The goal is 0.80.
    assert!(f1 >= 0.80, "UNER de entity F1 {f1:.4}");
}

#[test]
fn uner_english_reaches_the_bar() {
    let f1 = uner_f1("en_pud-ud-test.iob2", "en");
    // 0.820 with the rules of the first tagger's time; 0.847 with the boundary corrections;
    // 0.865 with what the sentence shows. The goal is 0.86.
    assert!(f1 >= 0.86, "UNER en entity F1 {f1:.4}");
}

#[test]
fn scorer_port_agrees_with_its_rules() {
    assert_eq!(score::norm("  „Russlands“, "), "russlands");
    assert_eq!(score::norm("L’Istituto"), "l'istituto");
}
