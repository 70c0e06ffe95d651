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
    pub score: f64,
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

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("export serialises")
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
