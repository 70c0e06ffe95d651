//! The export of each supported format, run through the real binary.

mod common;

use common::*;

#[test]
fn every_format_loads_with_its_fields() {
    let dir = fixture("formats");
    let (doc, stderr, _) = export(&[dir.as_os_str()]);
    assert_eq!(stderr, "", "no warnings for good files");
    let ids: Vec<&str> = articles(&doc)
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    // Deterministic: files sorted by name, records in file order.
    assert_eq!(
        ids,
        [
            "feed-1",
            "feed-2",
            "front-matter",
            "heading",
            "many#1",
            "many#2",
            "ansa-42",
            "page",
            "plain"
        ]
    );

    let md = article(&doc, "front-matter");
    assert_eq!(md["title"], "Putin visits Pyongyang");
    assert_eq!(md["date"], "2024-06-19");
    assert_eq!(md["url"], "https://news.example/putin-pyongyang");
    assert_eq!(md["lang"], "en");
    assert!(
        md["body"]
            .as_str()
            .unwrap()
            .contains("Russian President Vladimir Putin arrived in Pyongyang for talks")
    );

    let heading = article(&doc, "heading");
    assert_eq!(heading["title"], "Il Cremlino e la Corea del Nord");
    assert_eq!(heading["lang"], "it");

    let html = article(&doc, "page");
    assert_eq!(html["title"], "Schoigu besucht Rüstungsschau in Pjöngjang");
    assert_eq!(html["date"], "2023-07-27T10:15:00+02:00");
    assert_eq!(html["url"], "https://zeitung.example/schoigu-pjoengjang");
    assert_eq!(html["lang"], "de");
    let body = html["body"].as_str().unwrap();
    assert_eq!(body.split("\n\n").count(), 3, "{body}");
    assert!(body.contains("Moskau und Pjöngjang & ihre"));
    for junk in ["Startseite", "Werbung", "Rechte vorbehalten", "color: red"] {
        assert!(!body.contains(junk), "{junk} in {body}");
    }

    let one = article(&doc, "ansa-42");
    assert_eq!(
        (one["date"].as_str(), one["lang"].as_str()),
        (Some("2023-07-27"), Some("it"))
    );
    assert_eq!(
        one["body"],
        "Il ministro della Difesa russo Sergei Shoigu è arrivato a Pyongyang.\n\nHa incontrato Kim Jong Un."
    );

    let many = article(&doc, "many#1");
    assert_eq!(many["date"], "2024-03-19T14:00:00+00:00");
    assert_eq!(
        article(&doc, "many#2")["body"],
        "Russian Deputy Foreign Minister Andrei Rudenko met Liu Xiaoming in Moscow."
    );

    let txt = article(&doc, "plain");
    assert_eq!(txt["title"], "Kim Jong Un empfängt Schoigu in Pjöngjang");
    assert_eq!(txt["body"].as_str().unwrap().split("\n\n").count(), 2);
    assert_eq!(txt["date"], serde_json::Value::Null);
    assert!(
        txt["source"]
            .as_str()
            .unwrap()
            .ends_with("tests/fixtures/formats/plain.txt")
    );

    // The schema: every article has every field, the arrays are present.
    for a in articles(&doc) {
        for key in [
            "id", "source", "title", "lang", "date", "url", "body", "mentions", "related",
        ] {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
    }
    assert!(doc["entities"].is_array());
}

#[test]
fn duplicate_ids_are_disambiguated_deterministically() {
    let tmp = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(tmp.path().join(sub)).unwrap();
        std::fs::write(
            tmp.path().join(sub).join("same.txt"),
            format!("Title {sub}\nBody {sub}."),
        )
        .unwrap();
    }
    let (doc, _, _) = export(&[tmp.path().as_os_str()]);
    let got: Vec<(&str, &str)> = articles(&doc)
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["title"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [("same", "Title a"), ("same-2", "Title b")]);
}

#[test]
fn related_limit_is_accepted() {
    let dir = fixture("formats/plain.txt");
    let (doc, _, _) = export(&[dir.as_os_str(), "--related-limit".as_ref(), "3000".as_ref()]);
    assert_eq!(articles(&doc).len(), 1);
}

/// The export gives each article's `read` and `bookmarked`, as the reader's state file holds
/// them, and leaves the file as it was.
#[test]
fn the_export_says_what_is_read_and_bookmarked() {
    let home = tempfile::tempdir().unwrap();
    let corpus = dossier::corpus::load_bundled();
    let key = |i: usize| dossier::corpus::ids::article_key(&corpus.articles[i]);
    let state = home.path().join("state.json");
    let text = serde_json::json!({
        "read": [key(0), key(3)],
        "bookmarks": [key(3)],
    })
    .to_string();
    std::fs::write(&state, &text).unwrap();
    let out = bin()
        .arg("export")
        .env("DOSSIER_STATE", &state)
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let marks: Vec<(bool, bool)> = articles(&doc)
        .iter()
        .map(|a| {
            (
                a["read"].as_bool().unwrap(),
                a["bookmarked"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        marks,
        [
            (true, false),
            (false, false),
            (false, false),
            (true, true),
            (false, false)
        ]
    );
    assert_eq!(std::fs::read_to_string(&state).unwrap(), text);
}
