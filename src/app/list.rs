//! The rows of the list pane: articles, with the articles of one story (in several languages)
//! folded into one row that opens to show them.

use std::collections::HashSet;

use super::data::Data;
use crate::state::State;

/// The list's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// As loaded: the order of the files.
    #[default]
    Corpus,
    /// Newest first; undated articles last.
    Newest,
    Title,
    Source,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Corpus => Sort::Newest,
            Sort::Newest => Sort::Title,
            Sort::Title => Sort::Source,
            Sort::Source => Sort::Corpus,
        }
    }
}

/// How the list shows what the filter lets through: order, and what it leaves out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub sort: Sort,
    pub unread_only: bool,
    pub bookmarked_only: bool,
    pub lang: Option<String>,
}

impl View {
    /// `visible`, less what the view leaves out, in the view's order.
    pub fn apply(&self, data: &Data, state: &State, visible: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = visible
            .iter()
            .copied()
            .filter(|&a| !self.unread_only || !state.read.contains(&data.keys[a]))
            .filter(|&a| !self.bookmarked_only || state.bookmarks.contains(&data.keys[a]))
            .filter(|&a| {
                self.lang
                    .as_ref()
                    .is_none_or(|l| data.corpus.articles[a].lang == *l)
            })
            .collect();
        let arts = &data.corpus.articles;
        match self.sort {
            Sort::Corpus => {}
            Sort::Newest => out.sort_by(|&a, &b| {
                arts[b]
                    .date
                    .is_some()
                    .cmp(&arts[a].date.is_some())
                    .then(arts[b].date.cmp(&arts[a].date))
            }),
            Sort::Title => out.sort_by_cached_key(|&a| crate::app::data::fold_text(&arts[a].title)),
            Sort::Source => out.sort_by(|&a, &b| arts[a].source.cmp(&arts[b].source)),
        }
        out
    }

    /// What the view changes, for the list's title ("unread · newest"); empty when nothing.
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = vec![];
        if self.unread_only {
            parts.push("unread".into());
        }
        if self.bookmarked_only {
            parts.push("★".into());
        }
        if let Some(l) = &self.lang {
            parts.push(l.to_uppercase());
        }
        match self.sort {
            Sort::Corpus => {}
            Sort::Newest => parts.push("newest".into()),
            Sort::Title => parts.push("by title".into()),
            Sort::Source => parts.push("by source".into()),
        }
        parts.join(" · ")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Several visible articles of one story; `members[0]` stands for it. `entities`: how
    /// many different entities its members name together.
    Story {
        members: Vec<usize>,
        expanded: bool,
        entities: usize,
    },
    /// An article; `child` when shown inside an expanded story.
    Article { article: usize, child: bool },
}

impl Row {
    /// The article the row opens.
    pub fn article(&self) -> usize {
        match self {
            Row::Story { members, .. } => members[0],
            Row::Article { article, .. } => *article,
        }
    }

    /// Whether the row stands for `article` (a story row for each of its members).
    pub fn holds(&self, article: usize) -> bool {
        match self {
            Row::Story { members, .. } => members.contains(&article),
            Row::Article { article: a, .. } => *a == article,
        }
    }
}

/// Rows for the `visible` articles (in their order), stories folded unless in `expanded`. A
/// story's row stands where its first visible member is, headed by its member in the first
/// of `languages` it has (the rest in list order), so that sorting does not flip a story's
/// headline into another language.
pub fn rows(
    data: &Data,
    visible: &[usize],
    expanded: &HashSet<usize>,
    languages: &[String],
) -> Vec<Row> {
    let visible_set: HashSet<usize> = visible.iter().copied().collect();
    let mut done: HashSet<usize> = HashSet::new();
    let mut out = Vec::with_capacity(visible.len());
    for &a in visible {
        if done.contains(&a) {
            continue;
        }
        let root = data.relations.story[a];
        let mut members: Vec<usize> = std::iter::once(a)
            .chain(
                data.story_members
                    .get(&root)
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&m| m != a && visible_set.contains(&m)),
            )
            .collect();
        done.extend(members.iter().copied());
        if !languages.is_empty() && members.len() > 1 {
            let rank = |m: &usize| {
                let lang = &data.corpus.articles[*m].lang;
                languages
                    .iter()
                    .position(|l| l == lang)
                    .unwrap_or(languages.len())
            };
            // Stable: within a language, list order stays.
            members.sort_by_key(rank);
        }
        if members.len() == 1 {
            out.push(Row::Article {
                article: a,
                child: false,
            });
        } else {
            let open = expanded.contains(&root);
            let entities: HashSet<usize> = members.iter().flat_map(|&m| data.named(m)).collect();
            out.push(Row::Story {
                members: members.clone(),
                expanded: open,
                entities: entities.len(),
            });
            if open {
                out.extend(members.into_iter().map(|m| Row::Article {
                    article: m,
                    child: true,
                }));
            }
        }
    }
    out
}
