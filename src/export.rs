//! `dossier export`: everything dossier knows about a corpus as one JSON document. This is a
//! public interface (documented in README.md) and the way entity and related-story quality is
//! measured, so its shape changes only by adding fields.

use serde::Serialize;

use crate::corpus::{Article, Corpus, Skipped};

#[derive(Debug, Serialize)]
pub struct Document<'a> {
    pub articles: Vec<ExportArticle<'a>>,
    pub entities: Vec<ExportEntity>,
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
    pub mentions: Vec<ExportMention>,
    pub related: Vec<ExportRelated>,
}

/// One occurrence of an entity: byte offsets into the field named by `in`.
#[derive(Debug, Serialize)]
pub struct ExportMention {
    pub entity: String,
    #[serde(rename = "in")]
    pub field: &'static str,
    pub start: usize,
    pub end: usize,
    pub surface: String,
}

#[derive(Debug, Serialize)]
pub struct ExportRelated {
    pub id: String,
    pub score: f64,
    pub shared: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportEntity {
    pub id: String,
    pub name: String,
    pub kind: &'static str,
    pub aliases: Vec<String>,
    pub articles: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ExportSkipped<'a> {
    pub source: &'a str,
    pub reason: &'a str,
}

impl<'a> Document<'a> {
    /// The document for `corpus`. `related_limit` caps each article's related list.
    pub fn new(corpus: &'a Corpus, _related_limit: usize) -> Self {
        Document {
            articles: corpus.articles.iter().map(article).collect(),
            entities: vec![],
            skipped: corpus.skipped.iter().map(skipped).collect(),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("export serialises")
    }
}

fn article(a: &Article) -> ExportArticle<'_> {
    ExportArticle {
        id: &a.id,
        source: &a.source,
        title: &a.title,
        lang: &a.lang,
        date: a.date.as_deref(),
        url: a.url.as_deref(),
        body: &a.body,
        mentions: vec![],
        related: vec![],
    }
}

fn skipped(s: &Skipped) -> ExportSkipped<'_> {
    ExportSkipped {
        source: &s.source,
        reason: &s.reason,
    }
}
