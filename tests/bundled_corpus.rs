//! The bundled corpus: the five seed articles, embedded, loaded and cleaned.

mod common;

use common::*;

const SEED: [(&str, &str, &str); 5] = [
    (
        "000_b7278b78f013c97b",
        "de",
        "Russland baut weiterhin eine Koalition gegen den Westen auf – ISW",
    ),
    (
        "001_33dafe3a048d91ea",
        "it",
        "Come contrastare l’Occidente: la Russia sta cercando di costruire una coalizione con Iran, Corea del Nord e Cina – ISW",
    ),
    (
        "002_2ea6db9797bc8efc",
        "de",
        "Russlands Verteidigungsminister stärkt militärische Allianz mit Nordkorea",
    ),
    (
        "003_e0eaa78b0dce1e39",
        "de",
        "In einem Schritt, der die bereits starke Beziehung zwischen Russland und Nordkorea weiter festigt,",
    ),
    (
        "004_cd020d5220e04b0f",
        "de",
        "Russland und Nordkorea stärken militärische Zusammenarbeit mit Rüstungsschau zum 70. Jahrestag des Koreakriegsendes",
    ),
];

#[test]
fn seed_articles_load_with_ids_titles_and_languages() {
    // Run from a directory without the assets to show the corpus is embedded.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("export")
        .current_dir(elsewhere.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles(&doc).len(), 5);
    for (a, (id, lang, title)) in articles(&doc).iter().zip(SEED) {
        assert_eq!(a["id"], id);
        assert_eq!(a["lang"], lang, "{id}");
        assert!(
            a["title"].as_str().unwrap().starts_with(title),
            "{id}: {}",
            a["title"]
        );
        assert_eq!(a["source"], format!("assets/corpus/{id}.txt"));
    }
    assert!(skipped(&doc).is_empty());
}

#[test]
fn seed_bodies_are_clean_and_keep_paragraphs() {
    let (doc, _, _) = export(&[]);
    for a in articles(&doc) {
        let body = a["body"].as_str().unwrap();
        let id = a["id"].as_str().unwrap();
        for bad in ["<", ">", "relpost", "/>", "class="] {
            assert!(!body.contains(bad), "{id}: {bad:?} left in body");
        }
        let entity = body
            .find('&')
            .and_then(|i| body[i..].find(';').filter(|&j| j < 10));
        assert!(entity.is_none(), "{id}: an HTML entity left");
        assert!(body.split("\n\n").count() >= 5, "{id}: paragraphs lost");
        assert!(
            !body.contains("\n\n\n") && !body.contains("  "),
            "{id}: whitespace not folded"
        );
        for p in body.split("\n\n") {
            assert_eq!(p.trim(), p, "{id}: paragraph not trimmed");
            assert!(!p.is_empty());
        }
    }
    let isw = article(&doc, "000_b7278b78f013c97b")["body"]
        .as_str()
        .unwrap();
    assert!(isw.starts_with(
        "Russland macht weiter bilden eine Koalition als Gegengewicht zum Westen – ISW\n\n"
    ));
    assert!(
        isw.contains("\n\nRussland versucht weiterhin, eine Koalition gegen den Westen aufzubauen")
    );
    assert!(
        isw.ends_with("Verwandte Themen:\n\nWeitere Neuigkeiten"),
        "text is kept, debris is not"
    );
    let it = article(&doc, "001_33dafe3a048d91ea")["body"]
        .as_str()
        .unwrap();
    assert!(it.contains("\n\n• Il giorno prima i media avevano scritto che la RPDC"));
}
