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

/// An article's key in the saved state: its file name and a hash of its title and text.
/// Two corpora with a `0001.txt` each keep their marks apart; the same file opened from
/// another directory keeps its marks; an article whose text changed is unread again.
pub fn article_key(a: &crate::corpus::Article) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(a.title.as_bytes());
    h.write_u8(0);
    h.write(a.body.as_bytes());
    let file = a.source.rsplit(['/', '\\']).next().unwrap_or(&a.source);
    // A record of a JSON collection is told apart by its id.
    let name = if a.id.contains('#') || !file.starts_with(a.id.as_str()) {
        format!("{file}:{}", a.id)
    } else {
        file.to_owned()
    };
    format!("{name}#{:016x}", h.finish())
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
        let by_id = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut story_members: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &root) in relations.story.iter().enumerate() {
            story_members.entry(root).or_default().push(i);
        }
        // With a persistent index, its FTS5 table answers searches: no folded copy here.
        let search = match texts {
            Some(t) => SearchIndex::fts(t.file, &t.order),
            None => SearchIndex::build(&corpus.articles),
        };
        let finder = FinderIndex::build(&entities);
        let entity_counts = entities
            .mentions
            .iter()
            .map(|ms| {
                let mut ids: Vec<usize> = ms.iter().map(|m| m.entity).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.len()
            })
            .collect();
        let (forms, timeline) = entity_facts(&corpus, &entities);
        let keys: Vec<String> = corpus.articles.iter().map(article_key).collect();
        let by_key = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), i))
            .collect();
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
        }
    }

    pub fn article_count(&self) -> usize {
        self.corpus.articles.len()
    }
}
