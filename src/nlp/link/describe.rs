//! What an entity is called and what it is: the id (the lexicon's, else a slug of the best
//! name), display name, kind by vote, aliases most frequent first, and its articles.

use super::article::{Local, kind_of};
use crate::corpus::Article;
use crate::nlp::fold::key_of;
use crate::nlp::lexicon::Lexicon;
use crate::nlp::{Entity, Field, Kind};

/// The entity of a group of local entities: id, name, kind, aliases, articles.
pub fn make_entity(
    members: &[(usize, usize)],
    locals: &[Vec<Local>],
    articles: &[Article],
    lex: &Lexicon,
    article_only: bool,
) -> Entity {
    let mut surfaces: rustc_hash::FxHashMap<&str, (usize, bool)> = rustc_hash::FxHashMap::default();
    let mut votes = [0u32; 4];
    let mut sure = [0u32; 4];
    let mut known = None;
    let mut article_ids: Vec<usize> = Vec::new();
    for &(a, l) in members {
        let local = &locals[a][l];
        known = known.or(local.known);
        for k in 0..4 {
            votes[k] += local.kind_votes[k];
            sure[k] += local.sure_votes[k];
        }
        for &(field, start, end) in &local.mentions {
            let text = match field {
                Field::Title => &articles[a].title,
                Field::Body => &articles[a].body,
            };
            let e = surfaces
                .entry(&text[start as usize..end as usize])
                .or_default();
            e.0 += 1;
            e.1 |= articles[a].lang == "en";
        }
        article_ids.push(a);
    }
    article_ids.sort_unstable();
    article_ids.dedup();
    let mut aliases: Vec<(&str, usize, bool)> = surfaces
        .into_iter()
        .map(|(s, (n, en))| (s, n, en))
        .collect();
    // Most frequent first; ties: the longer, then alphabetical.
    aliases.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.len().cmp(&a.0.len()))
            .then(a.0.cmp(b.0))
    });
    let (id, name, kind) = match known {
        Some(k) => {
            let k = lex.known(k);
            (k.id.to_owned(), k.name.to_owned(), k.kind)
        }
        None => {
            // Prefer a form seen in English, then the one with most words, then the most frequent.
            let name = aliases
                .iter()
                .max_by(|a, b| {
                    (
                        a.2,
                        a.0.split_whitespace().count(),
                        a.1,
                        std::cmp::Reverse(a.0),
                    )
                        .cmp(&(
                            b.2,
                            b.0.split_whitespace().count(),
                            b.1,
                            std::cmp::Reverse(b.0),
                        ))
                })
                .map(|a| a.0.to_owned())
                .unwrap_or_default();
            let mut kind = kind_of(&votes, &sure);
            if kind == Kind::Other && members.iter().any(|&(a, l)| locals[a][l].words > 1) {
                kind = Kind::Person;
            }
            let mut id = slug(&name);
            if article_only {
                id = format!("{id}@{}", slug(&articles[members[0].0].id));
            }
            (id, name, kind)
        }
    };
    let aliases = aliases
        .into_iter()
        .map(|a| a.0.to_owned())
        .filter(|a| *a != name)
        .collect();
    Entity {
        id,
        name,
        kind,
        aliases,
        articles: article_ids,
    }
}

/// ASCII slug: "Kim Jong-un" → "kim_jong_un".
pub fn slug(name: &str) -> String {
    let key = key_of(name);
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_owned();
    if out.is_empty() { "entity".into() } else { out }
}
