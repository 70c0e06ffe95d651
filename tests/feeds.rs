//! RSS and Atom feeds through the real binary: an article per item or entry, with its fields
//! and entities; a broken feed and a file that is not a feed are warnings, not failures.

mod common;

use common::*;
use serde_json::Value;

fn by_title<'a>(doc: &'a Value, title: &str) -> &'a Value {
    articles(doc)
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("no article titled {title}"))
}

fn entities_of(a: &Value) -> Vec<&str> {
    let mut ids: Vec<&str> = a["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["entity"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[test]
fn rss_rdf_and_atom_items_are_articles() {
    let (doc, stderr, _) = export(&[fixture("feeds").as_os_str()]);
    // RSS 2.0 (two items), RSS 1.0 in an .xml file (one), Atom (one), and the one complete
    // item of the broken feed.
    assert_eq!(articles(&doc).len(), 5, "{doc}");
    for a in articles(&doc) {
        let id = a["id"].as_str().unwrap();
        let (stem, anchor) = id.split_once('#').expect("stem#anchor");
        assert!(
            ["news", "notizie", "world", "broken"].contains(&stem),
            "{id}"
        );
        assert!(
            anchor.len() == 8 && anchor.chars().all(|c| c.is_ascii_hexdigit()),
            "{id}"
        );
    }

    let rss = by_title(&doc, "Schoigu besucht Pjöngjang");
    assert_eq!(rss["lang"], "de");
    assert_eq!(rss["date"], "2023-07-27T08:15:00Z");
    assert_eq!(rss["url"], "https://zeitung.example/schoigu-pjoengjang");
    assert_eq!(
        rss["body"],
        "Der russische Verteidigungsminister Sergej Schoigu ist in Pjöngjang eingetroffen.\n\n\
         Er traf Machthaber Kim Jong Un zu Gesprächen über die Zusammenarbeit zwischen Moskau \
         und Pjöngjang."
    );
    // content:encoded is the text; the description is only a summary.
    assert!(!rss["body"].as_str().unwrap().contains("Kurzfassung"));

    let atom = by_title(&doc, "Shoigu a Pyongyang, incontro con Kim Jong Un");
    assert_eq!(
        (
            atom["lang"].as_str(),
            atom["date"].as_str(),
            atom["url"].as_str()
        ),
        (
            Some("it"),
            Some("2023-07-27T09:00:00Z"),
            Some("https://notizie.example/shoigu-pyongyang")
        )
    );
    assert!(
        atom["body"]
            .as_str()
            .unwrap()
            .contains("cooperazione tra Mosca e Pyongyang.")
    );

    let rdf = by_title(
        &doc,
        "Russian deputy minister Rudenko meets China's Liu Xiaoming in Moscow",
    );
    assert_eq!(rdf["date"], "2024-03-19T14:00:00Z");
    assert_eq!(rdf["lang"], "en");

    // Feed articles are analysed like any other: the same people across languages.
    for a in [rss, atom] {
        let e = entities_of(a);
        for want in ["kim_jong_un", "pyongyang", "sergei_shoigu"] {
            assert!(e.contains(&want), "{want} not in {e:?}");
        }
    }
    let de = entities_of(by_title(&doc, "Rudenko trifft Liu Xiaoming in Moskau"));
    assert_eq!(
        de,
        entities_of(rdf)
            .into_iter()
            .filter(|e| *e != "china")
            .collect::<Vec<_>>()
    );

    // One warning line per problem file, naming it; the rest loads.
    let skipped = skipped(&doc);
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    let broken = skipped
        .iter()
        .find(|(s, _)| s.ends_with("broken.rss"))
        .expect("broken.rss warned about");
    assert!(
        broken.1.starts_with("broken feed (malformed feed: ")
            && broken
                .1
                .ends_with("kept the 1 complete entry before the break"),
        "{broken:?}"
    );
    assert!(
        by_title(&doc, "Kim Jong Un inspects a missile factory")["body"]
            .as_str()
            .unwrap()
            .starts_with("North Korean leader")
    );
    let sitemap = skipped
        .iter()
        .find(|(s, _)| s.ends_with("sitemap.xml"))
        .expect("sitemap.xml warned about");
    assert_eq!(
        sitemap.1,
        "not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root); skipped"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(
        stderr.lines().all(|l| l.starts_with("dossier: warning: ")),
        "{stderr}"
    );
}

#[test]
fn an_entry_keeps_its_id_when_the_feed_grows() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("news.rss");
    let original = std::fs::read_to_string(fixture("feeds/news.rss")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let (before, _, _) = export(&[path.as_os_str()]);
    let grown = original.replacen(
        "<item>",
        "<item><title>Neue Meldung</title><guid>zeitung-4713</guid><description>Text.</description></item>\n<item>",
        1,
    );
    std::fs::write(&path, grown).unwrap();
    let (after, _, _) = export(&[path.as_os_str()]);
    assert_eq!(articles(&after).len(), 3);
    for a in articles(&before) {
        let same = by_title(&after, a["title"].as_str().unwrap());
        assert_eq!(same["id"], a["id"]);
    }
}
