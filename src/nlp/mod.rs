//! Entities: finding the people, places and organisations in every article and knowing which
//! mentions, in whatever language, are the same real-world entity.
//!
//! [`recognize`] finds names in one text field (lexicon first, then rules), [`link`] ties the
//! mentions of one article together (short forms, acronyms) and then across articles
//! (transliteration-aware), and gives every entity a stable id.

pub mod cues;
pub mod fold;
pub mod lexicon;
mod link;
pub mod recognize;
pub mod tagger;
pub mod token;
pub mod words;

use serde::Serialize;

use crate::corpus::Article;

/// What an entity is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Organization,
    Other,
}

impl Kind {
    /// Every kind, in the order of declaration: a kind's number in votes and in the index.
    pub const ALL: [Kind; 4] = [Kind::Person, Kind::Place, Kind::Organization, Kind::Other];

    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "person" => Kind::Person,
            "place" => Kind::Place,
            "organization" => Kind::Organization,
            "other" => Kind::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Other => "other",
        }
    }
}

/// Which text field of an article a mention is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Title,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

/// One occurrence of an entity in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Entities::list`].
    pub entity: usize,
    pub field: Field,
    /// Byte offsets into the field.
    pub start: usize,
    pub end: usize,
}

/// The distinct entities that `mentions` (one article's) name, in index order.
pub fn named(mentions: &[Mention]) -> Vec<usize> {
    let mut ids: Vec<usize> = mentions.iter().map(|m| m.entity).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// One real-world entity across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable: the slug of the English name where known.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// Every written form seen, most frequent first.
    pub aliases: Vec<String>,
    /// Indices of the articles that mention it, ascending.
    pub articles: Vec<usize>,
}

/// The entities of a corpus and where each article mentions them.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Per article (same order as the corpus), its mentions in text order, title first.
    pub mentions: Vec<Vec<Mention>>,
}

/// The names found in one article's title and body, before linking. Recognition looks at
/// one article only, so what it finds can be kept per article and reused while the article
/// is unchanged (the persistent index does).
pub type Found = (Vec<recognize::Span>, Vec<recognize::Span>);

/// Recognises and links the entities of `articles`.
pub fn analyze(articles: &[Article]) -> Entities {
    let found = crate::timing::phase("recognise names", || recognize_all(articles));
    crate::timing::phase("link entities", || link_found(articles, &found))
}

/// The names in each article, on all cores.
pub fn recognize_all(articles: &[Article]) -> Vec<Found> {
    crate::parallel::map(articles, |a| {
        let found = recognize_article(a);
        crate::meter::tick();
        found
    })
}

/// The names in one article.
pub fn recognize_article(a: &Article) -> Found {
    let lex = lexicon::get();
    let title = recognize::recognize(&a.title, &a.lang, true, lex);
    let body = recognize::recognize(&a.body, &a.lang, false, lex);
    (title, body)
}

/// Links the names found (one [`Found`] per article, in corpus order) into the corpus's
/// entities: one entity across spellings, languages and articles.
pub fn link_found(articles: &[Article], found: &[Found]) -> Entities {
    link::link(articles, found, lexicon::get())
}
