//! `dossier export`: everything dossier knows about a corpus as one JSON document. This is a
//! public interface (documented in README.md) and the way entity and related-story quality is
//! measured, so its shape changes only by adding fields.

use serde::Serialize;

use crate::corpus::{Article, Corpus, Skipped};
use crate::index::Relations;
use crate::nlp::{Entities, Entity, Mention};

#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub articles: Vec<ExportArticle<'a>>,
    pub entities: Vec<ExportEntity<'a>>,
    pub skipped: Vec<ExportSkipped<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ExportArticle<'a> {
    pub id: &'a str,
    pub source: &'a str,
    pub title: &'a str,
    pub lang: &'a str,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    pub body: &'a str,
    /// The story this article reports: the id of the story's first article.
    pub story: &'a str,
    pub mentions: Vec<ExportMention<'a>>,
    pub related: Vec<ExportRelated<'a>>,
    /// Marked read in the reader (the state file).
    pub read: bool,
    /// Bookmarked in the reader.
    pub bookmarked: bool,
}

/// One occurrence of an entity: byte offsets into the field named by `in`.
#[derive(Debug, Serialize)]
pub struct ExportMention<'a> {
    pub entity: &'a str,
    #[serde(rename = "in")]
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub surface: &'a str,
}

#[derive(Debug, Serialize)]
pub struct ExportRelated<'a> {
    pub id: &'a str,
    /// The probability that the two tell the same story.
    pub score: f64,
    /// How related the two are, 0 to 1, as people rate news pairs; the list's order after the
    /// article's own story.
    pub relatedness: f64,
    pub shared: Vec<&'a str>,
    /// Shared content words (cognates across languages), rarest first.
    pub words: &'a [String],
}

#[derive(Debug, Serialize)]
pub struct ExportEntity<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub aliases: &'a [String],
    pub articles: Vec<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ExportSkipped<'a> {
    pub source: &'a str,
    pub reason: &'a str,
}

impl<'a> Document<'a> {
    /// The document for `corpus`, its entities and relations.
    pub fn new(corpus: &'a Corpus, entities: &'a Entities, relations: &'a Relations) -> Self {
        let articles = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut out = article(
                    a,
                    entities.mentions.get(i).map_or(&[][..], Vec::as_slice),
                    &entities.list,
                );
                out.story = &corpus.articles[relations.story[i]].id;
                out.related = relations.related[i]
                    .iter()
                    .map(|l| ExportRelated {
                        id: &corpus.articles[l.article].id,
                        // Four decimals: enough to rank, stable across platforms.
                        score: (f64::from(l.score) * 10_000.0).round() / 10_000.0,
                        relatedness: (f64::from(l.relatedness) * 10_000.0).round() / 10_000.0,
                        shared: l
                            .shared
                            .iter()
                            .map(|&e| entities.list[e].id.as_str())
                            .collect(),
                        words: &l.words,
                    })
                    .collect();
                out
            })
            .collect();
        Document {
            articles,
            entities: entities.list.iter().map(|e| entity(e, corpus)).collect(),
            skipped: corpus.skipped.iter().map(skipped).collect(),
        }
    }

    /// Each article's read mark and bookmark, as the reader's `state` holds them.
    pub fn with_marks(mut self, corpus: &Corpus, state: &crate::state::State) -> Self {
        for (out, a) in self.articles.iter_mut().zip(&corpus.articles) {
            let key = crate::corpus::ids::article_key(a);
            out.read = state.read.contains(&key);
            out.bookmarked = state.bookmarks.contains(&key);
        }
        self
    }

    #[cfg(test)]
    pub fn to_json(&self) -> String {
        let mut out = Vec::new();
        self.write_to(&mut out).expect("export serialises");
        String::from_utf8(out).expect("JSON is UTF-8")
    }

    /// Writes the document as [`Document::to_json`] gives it, a window of articles at a time,
    /// each window serialised on every core: the whole document (four times the corpus) is
    /// never in memory at once, and one core does not serialise it all.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(b"{\n")?;
        write_array(out, "articles", &self.articles, true)?;
        write_array(out, "entities", &self.entities, false)?;
        write_array(out, "skipped", &self.skipped, false)?;
        out.write_all(b"\n}")
    }
}

/// Items serialised per worker task, and per window written.
const CHUNK: usize = 64;
const WINDOW: usize = 4096;

/// `"key": [...]` as the pretty formatter writes it one level into the document: each item
/// serialised alone (in parallel) and indented two levels.
fn write_array<T: Serialize + Sync>(
    out: &mut dyn std::io::Write,
    key: &str,
    items: &[T],
    first: bool,
) -> std::io::Result<()> {
    if !first {
        out.write_all(b",\n")?;
    }
    write!(out, "  \"{key}\": ")?;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[\n")?;
    for (w, window) in items.chunks(WINDOW).enumerate() {
        let chunks: Vec<&[T]> = window.chunks(CHUNK).collect();
        let parts = crate::parallel::map(&chunks, |chunk| {
            let mut part = Vec::new();
            for (i, item) in chunk.iter().enumerate() {
                if i > 0 {
                    part.extend_from_slice(b",\n");
                }
                indented(item, &mut part);
            }
            part
        });
        for (i, part) in parts.iter().enumerate() {
            if w > 0 || i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(part)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// `item` pretty, every line indented by four spaces (strings hold no raw line breaks: JSON
/// escapes them, so every line break is the formatter's).
fn indented<T: Serialize>(item: &T, out: &mut Vec<u8>) {
    let mut one = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut one,
        TerminalSafe(serde_json::ser::PrettyFormatter::new()),
    );
    item.serialize(&mut ser).expect("export serialises");
    out.reserve(one.len() + one.len() / 8);
    for (i, line) in one.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(b"    ");
        out.extend_from_slice(line);
    }
}

/// JSON as serde_json writes it, except that the characters that can drive a terminal or
/// reorder what it shows — DEL, the C1 controls, bidi overrides and isolates, line and
/// paragraph separators — are written as `\uXXXX` escapes. The text a JSON reader gets is
/// the same; a terminal that shows the document is safe. Article text never has them (the
/// cleaner removed them); a file name or a reason quoting input may.
struct TerminalSafe<F>(F);

fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7F}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}')
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for TerminalSafe<F> {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Nearly always nothing to escape: one pass to find out.
        if !fragment.chars().any(needs_escape) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                writer.write_all(&fragment.as_bytes()[from..i])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                from = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }

    // Everything else as the wrapped formatter does it.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn article<'a>(a: &'a Article, mentions: &'a [Mention], list: &'a [Entity]) -> ExportArticle<'a> {
    ExportArticle {
        id: &a.id,
        source: &a.source,
        title: &a.title,
        lang: &a.lang,
        date: a.date.as_deref(),
        url: a.url.as_deref(),
        body: &a.body,
        story: &a.id,
        mentions: mentions
            .iter()
            .map(|m| {
                let text = match m.field {
                    crate::nlp::Field::Title => &a.title,
                    crate::nlp::Field::Body => &a.body,
                };
                ExportMention {
                    entity: &list[m.entity].id,
                    field: m.field.as_str(),
                    start: m.start,
                    end: m.end,
                    surface: &text[m.start..m.end],
                }
            })
            .collect(),
        related: vec![],
        read: false,
        bookmarked: false,
    }
}

fn entity<'a>(e: &'a Entity, corpus: &'a Corpus) -> ExportEntity<'a> {
    ExportEntity {
        id: &e.id,
        name: &e.name,
        kind: e.kind.as_str(),
        aliases: &e.aliases,
        articles: e
            .articles
            .iter()
            .map(|&i| corpus.articles[i].id.as_str())
            .collect(),
    }
}

fn skipped(s: &Skipped) -> ExportSkipped<'_> {
    ExportSkipped {
        source: &s.source,
        reason: &s.reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document written a window at a time on every core is the one serde writes whole,
    /// byte for byte (windows and chunks shrunk by many articles to cross their bounds).
    #[test]
    fn written_in_parallel_windows_it_is_serdes_pretty_json() {
        let a = crate::analysis::run(
            &crate::analysis::Request {
                paths: &[],
                related_limit: 10,
                index: crate::analysis::IndexUse::Off,
            },
            &|_| {},
        );
        let mut doc = Document::new(&a.corpus, &a.entities, &a.relations);
        // Enough articles and entities to fill several chunks and windows.
        let articles: Vec<_> = (0..WINDOW / 4)
            .flat_map(|_| 0..a.corpus.articles.len())
            .collect();
        doc.articles = articles
            .iter()
            .map(|&i| {
                let mut out = article(
                    &a.corpus.articles[i],
                    &a.entities.mentions[i],
                    &a.entities.list,
                );
                out.read = i % 2 == 0;
                out
            })
            .collect();
        let mut whole = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut whole,
            TerminalSafe(serde_json::ser::PrettyFormatter::new()),
        );
        doc.serialize(&mut ser).unwrap();
        assert!(
            doc.articles.len() > WINDOW && !doc.entities.is_empty(),
            "{} {}",
            doc.articles.len(),
            doc.entities.len()
        );
        assert_eq!(doc.to_json(), String::from_utf8(whole).unwrap());
    }

    /// A skipped file's name or reason carried raw bidi, DEL and C1 characters to stdout.
    #[test]
    fn characters_that_drive_a_terminal_are_escaped_and_the_text_is_the_same() {
        let corpus = Corpus {
            articles: vec![],
            skipped: vec![Skipped {
                source: "evil\u{202E}txt.\u{7F}\u{9B}31m\u{2028}x".into(),
                reason: "bad \u{85} ä 平壤".into(),
            }],
        };
        let entities = Entities::default();
        let relations = Relations {
            related: vec![],
            story: vec![],
            hub: vec![],
            near: vec![],
        };
        let json = Document::new(&corpus, &entities, &relations).to_json();
        assert!(
            json.contains(r"evil\u202etxt.\u007f\u009b31m\u2028x"),
            "{json}"
        );
        assert!(json.contains(r"bad \u0085 ä 平壤"), "{json}");
        assert!(!json.chars().any(needs_escape));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back["skipped"][0]["source"],
            corpus.skipped[0].source.as_str()
        );
        assert!(
            json.starts_with("{\n  \"articles\": []"),
            "pretty as before: {json}"
        );
    }
}
