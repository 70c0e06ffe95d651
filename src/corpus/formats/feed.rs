//! RSS (0.9x, 1.0, 2.0) and Atom feeds, read with feed-rs: one article per item or entry,
//! with its title, link, date and language; its HTML content (or, without content, its
//! summary) is cleaned like any HTML. A feed cut off in the middle (an interrupted download)
//! keeps the entries before the cut, with a warning; a file that is not a feed says so.

use std::hash::{BuildHasher, Hasher};

use feed_rs::model::{Entry, Feed};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::{Draft, Parsed};
use crate::corpus::clean::{clean, clean_inline};

pub fn parse(text: &str) -> Parsed {
    // The text is already decoded: an `encoding="…"` in the prolog would decode it twice.
    let xml = without_encoding(text);
    let mut problems = vec![];
    let feed = match read(&xml) {
        Ok(feed) => feed,
        Err(e) => match salvage(&xml) {
            Some((feed, kept)) => {
                let entries = if kept == 1 {
                    "the 1 complete entry".to_owned()
                } else {
                    format!("the {kept} complete entries")
                };
                problems.push(format!(
                    "broken feed ({}); kept {entries} before the break",
                    reason(&e, &xml)
                ));
                feed
            }
            None => {
                return Parsed {
                    drafts: vec![],
                    problems: vec![format!("{}; skipped", reason(&e, &xml))],
                };
            }
        },
    };
    let lang = feed.language.clone();
    // The channel's title names the publication each entry came from.
    let site = feed.title.as_ref().map(|t| t.content.clone());
    let mut drafts = vec![];
    for (i, entry) in feed.entries.into_iter().enumerate() {
        match draft(entry, lang.as_deref()) {
            Some(d) => drafts.push(Draft {
                ordinal: i + 1,
                site: site.clone(),
                ..d
            }),
            None => problems.push(format!("entry {}: no title and no text; skipped", i + 1)),
        }
    }
    if drafts.is_empty() && problems.is_empty() {
        problems.push("a feed without entries; skipped".into());
    }
    Parsed { drafts, problems }
}

fn read(xml: &str) -> Result<Feed, ParseFeedError> {
    feed_rs::parser::Builder::new()
        // Content is cleaned by dossier's own cleaner, as for every other format.
        .sanitize_content(false)
        .build()
        .parse(xml.as_bytes())
}

/// One line about why `xml` could not be read as a feed.
fn reason(e: &ParseFeedError, xml: &str) -> String {
    match e {
        // feed-rs says "no root" also of a feed that ends before its root closes.
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot)
            if ["<rss", "<rdf:RDF", "<feed"]
                .iter()
                .any(|t| xml.contains(t)) =>
        {
            "malformed feed: it breaks off before its first complete entry".into()
        }
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)".into()
        }
        ParseFeedError::JsonSerde(_) | ParseFeedError::JsonUnsupportedVersion(_) => {
            "not an RSS or Atom feed".into()
        }
        other => format!("malformed feed: {other}"),
    }
}

/// A feed cut off after some complete entries: those entries, with the feed closed after the
/// last of them, and how many there are.
fn salvage(xml: &str) -> Option<(Feed, usize)> {
    let (end_tag, closing) = if xml.contains("<feed") {
        ("</entry>", "</feed>")
    } else if xml.contains("<rdf:RDF") {
        ("</item>", "</rdf:RDF>")
    } else {
        ("</item>", "</channel></rss>")
    };
    let cut = xml.rfind(end_tag)? + end_tag.len();
    let feed = read(&format!("{}{closing}", &xml[..cut])).ok()?;
    let kept = feed.entries.len();
    (kept > 0).then_some((feed, kept))
}

fn draft(entry: Entry, feed_lang: Option<&str>) -> Option<Draft> {
    let title = entry
        .title
        .as_ref()
        .map(|t| clean_inline(&t.content))
        .unwrap_or_default();
    let raw = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
        .unwrap_or_default();
    let body = clean(&raw);
    if title.is_empty() && body.is_empty() {
        return None;
    }
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| l.href.clone());
    let date = entry
        .published
        .or(entry.updated)
        .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
    Some(Draft {
        id: None,
        ordinal: 0,
        anchor: Some(anchor(&entry.id)),
        // A missing title is made from the body later, as for every format.
        title,
        // The caller knows the feed's title.
        site: None,
        body,
        date,
        url,
        lang: entry.language.or_else(|| feed_lang.map(str::to_owned)),
    })
}

/// A short, stable name for an entry within its feed: a hash of its guid (feed-rs makes one
/// from the link and title when the feed gives none).
fn anchor(guid: &str) -> String {
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(guid.as_bytes());
    format!("{:08x}", h.finish() as u32)
}

/// `text` with the XML declaration's encoding removed.
fn without_encoding(text: &str) -> std::borrow::Cow<'_, str> {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if let Some(decl) = start.strip_prefix("<?xml")
        && let Some(end) = decl.find("?>")
        && decl[..end].contains("encoding")
    {
        return format!("<?xml version=\"1.0\"?>{}", &decl[end + 2..]).into();
    }
    // Byte-order marks are gone too: the XML parser sniffs the encoding from the first bytes.
    start.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Nachrichten</title><language>de</language>
<item><title>Kim &amp; Putin</title><link>https://example.org/a</link>
<guid>https://example.org/?p=1</guid><pubDate>Tue, 19 Mar 2024 10:00:00 +0100</pubDate>
<description><![CDATA[<p>Erster Absatz über Pjöngjang.</p><p>Zweiter <b>Absatz</b>.</p>]]></description>
</item>
<item><title>Ohne Text</title><guid>https://example.org/?p=2</guid></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="it"><title>Notizie</title><id>urn:x</id>
<updated>2024-03-19T10:00:00Z</updated>
<entry><title>Vertice a Roma</title><id>urn:uuid:1</id><updated>2024-03-20T08:30:00Z</updated>
<link rel="alternate" href="https://example.it/1"/>
<summary>Breve.</summary>
<content type="html">&lt;p&gt;Il testo &lt;em&gt;intero&lt;/em&gt;.&lt;/p&gt;</content></entry>
</feed>"#;

    #[test]
    fn rss_items_become_articles() {
        let p = parse(RSS);
        assert_eq!(p.problems, Vec::<String>::new());
        assert_eq!(p.drafts.len(), 2);
        let a = &p.drafts[0];
        assert_eq!(a.title, "Kim & Putin");
        assert_eq!(a.body, "Erster Absatz über Pjöngjang.\n\nZweiter Absatz.");
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.date.as_deref(), Some("2024-03-19T09:00:00Z"));
        assert_eq!(a.lang.as_deref(), Some("de"));
        assert_eq!(
            (a.ordinal, a.anchor.as_ref().map(String::len)),
            (1, Some(8))
        );
        // An item with a title only is an article (its body is empty).
        assert_eq!(p.drafts[1].title, "Ohne Text");
    }

    #[test]
    fn atom_content_wins_over_summary() {
        let p = parse(ATOM);
        assert_eq!(p.problems, Vec::<String>::new());
        let a = &p.drafts[0];
        assert_eq!(
            (a.title.as_str(), a.body.as_str()),
            ("Vertice a Roma", "Il testo intero.")
        );
        assert_eq!(a.url.as_deref(), Some("https://example.it/1"));
        assert_eq!(a.date.as_deref(), Some("2024-03-20T08:30:00Z"));
        assert_eq!(a.lang.as_deref(), Some("it"));
    }

    #[test]
    fn an_entry_keeps_its_anchor_when_entries_arrive_above_it() {
        let older = parse(RSS);
        let newer = parse(&RSS.replace(
            "<channel><title>Nachrichten</title>",
            "<channel><title>Nachrichten</title><item><title>Neu</title><guid>n</guid></item>",
        ));
        assert_eq!(newer.drafts[1].title, older.drafts[0].title);
        assert_eq!(newer.drafts[1].anchor, older.drafts[0].anchor);
        assert_ne!(newer.drafts[0].anchor, older.drafts[0].anchor);
    }

    #[test]
    fn a_cut_off_feed_keeps_its_complete_entries() {
        let cut = &RSS[..RSS.find("<item><title>Ohne").unwrap() + 20];
        let p = parse(cut);
        assert_eq!(p.drafts.len(), 1);
        assert_eq!(p.drafts[0].title, "Kim & Putin");
        assert_eq!(p.problems.len(), 1);
        assert!(
            p.problems[0].starts_with("broken feed (malformed feed: ")
                && p.problems[0].ends_with("kept the 1 complete entry before the break"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn what_is_not_a_feed_says_so() {
        let p = parse(r#"<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>"#);
        assert!(p.drafts.is_empty());
        assert_eq!(
            p.problems,
            ["not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root); skipped"]
        );
        let p = parse("<rss><channel><item><title>x</title>");
        assert!(p.drafts.is_empty());
        assert_eq!(
            p.problems,
            ["malformed feed: it breaks off before its first complete entry; skipped"]
        );
    }
}
