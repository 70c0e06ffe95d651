//! Everything the reader shows, computed once in the background after loading: the corpus, its
//! entities and relations, and the indexes that keep searching and finding instant.

use std::collections::HashMap;

use crate::analysis::{self, Analysis};
use crate::corpus::Corpus;
use crate::index::Relations;
use crate::index::finder::FinderIndex;
use crate::index::search::SearchIndex;
pub use crate::index::search::fold_text;
use crate::nlp::Entities;

/// The analysed corpus.
#[derive(Clone)]
pub struct Data {
    pub corpus: Corpus,
    pub entities: Entities,
    pub relations: Relations,
    /// Article index by id.
    pub by_id: HashMap<String, usize>,
    /// Per story root, its articles (root first).
    pub story_members: HashMap<usize, Vec<usize>>,
    /// Full text, for `/`.
    pub search: SearchIndex,
    /// Every entity name and alias, for the finder.
    pub finder: FinderIndex,
    /// Distinct entities per article, shown in the list (counted once, not per frame).
    pub entity_counts: Vec<usize>,
    /// Per entity, each written form with the languages of the articles that write it so,
    /// most frequent form first (the entity card).
    pub forms: Vec<Vec<(String, Vec<String>)>>,
    /// Per entity, mentions per month ("2024-03") of the dated articles, in month order.
    pub timeline: Vec<Vec<(String, u64)>>,
    /// Per article, the key its read mark and bookmark are kept under ([`article_key`]).
    pub keys: Vec<String>,
    pub by_key: HashMap<String, usize>,
    /// A preview's entities per article (from the entities' article lists: its mentions are
    /// read with its text); empty otherwise.
    pub named: Vec<Vec<u32>>,
    /// When the data is an index's preview ([`Data::from_preview`]): the texts are read from
    /// the index as they are shown.
    pub partial: Option<Partial>,
    /// The related stories are still being linked ([`Data::unlinked`]): the panel says so.
    pub linking: bool,
}

/// Where a preview's texts are, and which have been read.
#[derive(Clone)]
pub struct Partial {
    pub file: std::path::PathBuf,
    /// Per article, whether its body, mentions and related list are here.
    pub read: Vec<bool>,
}

/// What the entity card shows beyond the entity itself: its written forms by language, and
/// its mentions over time. Computed once, with the rest of the analysis.
#[allow(clippy::type_complexity)]
fn entity_facts(
    corpus: &Corpus,
    entities: &Entities,
) -> (Vec<Vec<(String, Vec<String>)>>, Vec<Vec<(String, u64)>>) {
    use std::collections::BTreeMap;
    let n = entities.list.len();
    let mut forms: Vec<BTreeMap<String, (usize, std::collections::BTreeSet<String>)>> =
        vec![BTreeMap::new(); n];
    let mut months: Vec<BTreeMap<String, u64>> = vec![BTreeMap::new(); n];
    for (a, ms) in entities.mentions.iter().enumerate() {
        let art = &corpus.articles[a];
        for m in ms {
            let text = match m.field {
                crate::nlp::Field::Title => &art.title,
                crate::nlp::Field::Body => &art.body,
            };
            let surface = text.get(m.start..m.end).unwrap_or("").to_owned();
            let entry = forms[m.entity].entry(surface).or_default();
            entry.0 += 1;
            entry.1.insert(art.lang.clone());
            if let Some(month) = art.date.as_deref().and_then(|d| d.get(..7)) {
                *months[m.entity].entry(month.to_owned()).or_default() += 1;
            }
        }
    }
    let forms = forms
        .into_iter()
        .map(|f| {
            let mut v: Vec<(String, usize, Vec<String>)> = f
                .into_iter()
                .map(|(s, (c, l))| (s, c, l.into_iter().collect()))
                .collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.into_iter().map(|(s, _, l)| (s, l)).collect()
        })
        .collect();
    let timeline = months
        .into_iter()
        .map(|m| m.into_iter().collect())
        .collect();
    (forms, timeline)
}

pub use crate::corpus::ids::article_key;

/// Each of `keys` (one per article) with its article's index.
fn positions<'k>(keys: impl Iterator<Item = &'k String>) -> HashMap<String, usize> {
    keys.enumerate().map(|(i, k)| (k.clone(), i)).collect()
}

/// Per story root, its articles in corpus order (root first).
fn members(story: &[usize]) -> HashMap<usize, Vec<usize>> {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &root) in story.iter().enumerate() {
        members.entry(root).or_default().push(i);
    }
    members
}

/// Related stories kept per article for the side panel.
pub const PANEL_RELATED: usize = crate::index::KEPT_RELATED;

impl Data {
    /// Analyses `corpus` (the one pipeline, [`analysis::analyse`]), reporting each stage to
    /// `progress`.
    pub fn build(corpus: Corpus, progress: &dyn Fn(&str)) -> Data {
        let analysis = analysis::analyse(corpus, PANEL_RELATED, &|stage| {
            progress(&stage.to_string());
        });
        Data::from_analysis(analysis)
    }

    /// The reader's view of an analysis: the indexes and counts it shows from.
    pub fn from_analysis(analysis: Analysis) -> Data {
        let Analysis {
            corpus,
            entities,
            relations,
            texts,
            ..
        } = analysis;
        let by_id = positions(corpus.articles.iter().map(|a| &a.id));
        let story_members = members(&relations.story);
        // With a persistent index, its FTS5 table answers searches: no folded copy here.
        let search = match texts {
            Some(t) => SearchIndex::fts(t.file, &t.order),
            None => SearchIndex::build(&corpus.articles),
        };
        let finder = FinderIndex::build(&entities);
        let entity_counts = entities
            .mentions
            .iter()
            .map(|ms| crate::nlp::named(ms).len())
            .collect();
        let (forms, timeline) = entity_facts(&corpus, &entities);
        let keys: Vec<String> = corpus.articles.iter().map(article_key).collect();
        let by_key = positions(keys.iter());
        Data {
            forms,
            timeline,
            keys,
            by_key,
            corpus,
            entities,
            relations,
            by_id,
            story_members,
            search,
            finder,
            entity_counts,
            named: vec![],
            partial: None,
            linking: false,
        }
    }

    /// The reader's first view without an index: the articles and their entities while the
    /// related stories are still being linked (the list, search and the finder work).
    pub fn unlinked(corpus: &Corpus, entities: &crate::nlp::Entities) -> Data {
        let n = corpus.articles.len();
        let mut d = Data::from_analysis(Analysis {
            corpus: corpus.clone(),
            entities: entities.clone(),
            relations: crate::index::Relations::unlinked(n),
            index: None,
            texts: None,
        });
        d.linking = true;
        d
    }

    /// The reader's data from an index's preview (no texts: each is read when shown, see
    /// [`Partial`]), so that the list, search and the finder work at once on a large corpus
    /// while the full analysis is read.
    pub fn from_preview(file: std::path::PathBuf, p: crate::store::Preview) -> Data {
        let n = p.articles.len();
        let by_id = positions(p.articles.iter().map(|a| &a.id));
        let story_members = members(&p.story);
        let entities = Entities {
            list: p.entities,
            mentions: vec![vec![]; n],
        };
        let finder = FinderIndex::build(&entities);
        let e = entities.list.len();
        let mut named: Vec<Vec<u32>> = vec![vec![]; n];
        for (i, entity) in entities.list.iter().enumerate() {
            for &a in &entity.articles {
                named[a].push(i as u32);
            }
        }
        let by_key = positions(p.keys.iter());
        Data {
            search: SearchIndex::fts(file.clone(), &p.order),
            corpus: Corpus {
                articles: p.articles,
                skipped: vec![],
            },
            entities,
            relations: Relations {
                related: vec![vec![]; n],
                story: p.story,
                hub: vec![],
                near: vec![],
            },
            by_id,
            story_members,
            finder,
            entity_counts: p.entity_counts,
            forms: vec![vec![]; e],
            timeline: vec![vec![]; e],
            keys: p.keys,
            by_key,
            named,
            partial: Some(Partial {
                file,
                read: vec![false; n],
            }),
            linking: false,
        }
    }

    /// The distinct entities article `a` names.
    pub fn named(&self, a: usize) -> Vec<usize> {
        if let Some(names) = self.named.get(a)
            && self.partial.as_ref().is_some_and(|p| !p.read[a])
        {
            return names.iter().map(|&e| e as usize).collect();
        }
        crate::nlp::named(&self.entities.mentions[a])
    }

    pub fn article_count(&self) -> usize {
        self.corpus.articles.len()
    }
}
