//! The rows of the list pane: articles, with the articles of one story (in several languages)
//! folded into one row that opens to show them.

use std::collections::HashSet;

use super::data::Data;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Several visible articles of one story; `members[0]` stands for it.
    Story { members: Vec<usize>, expanded: bool },
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
}

/// Rows for the `visible` articles (in their order), stories folded unless in `expanded`.
pub fn rows(data: &Data, visible: &[usize], expanded: &HashSet<usize>) -> Vec<Row> {
    let visible_set: HashSet<usize> = visible.iter().copied().collect();
    let mut done: HashSet<usize> = HashSet::new();
    let mut out = Vec::with_capacity(visible.len());
    for &a in visible {
        if done.contains(&a) {
            continue;
        }
        let root = data.relations.story[a];
        let members: Vec<usize> = std::iter::once(a)
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
        if members.len() == 1 {
            out.push(Row::Article {
                article: a,
                child: false,
            });
        } else {
            let open = expanded.contains(&root);
            out.push(Row::Story {
                members: members.clone(),
                expanded: open,
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
