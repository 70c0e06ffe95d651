//! Linking: which mentions are one entity. Within an article, a surname or given name alone
//! ("Rudenko", "Liu") and an acronym ("ISW") join the full name they stand for, nearest first.
//! Across articles, lexicon entities meet by id, unknown names by a transliteration-blind
//! skeleton of their words (Andrej Rudenko = Andrei Rudenko), never by raw string distance,
//! so Kim Jong Un and Kim Jong Il stay apart. A lone word that could be several people's name
//! (a bare "Kim") stays within its article.

use std::collections::{HashMap, HashSet};

use super::fold::{key_of, skeleton};
use super::lexicon::Lexicon;
use super::recognize::Span;
use super::{Entities, Entity, Field, Kind, Mention};
use crate::corpus::Article;

/// An entity within one article, before linking across articles.
#[derive(Debug)]
struct Local {
    known: Option<u32>,
    /// Folded words of its longest form.
    words: Vec<String>,
    kind_votes: [u32; 4],
    sure_votes: [u32; 4],
    /// (field, start, end) of each mention; the text is the article's.
    mentions: Vec<(Field, usize, usize)>,
    /// Transliteration-blind form of `words`, for unknown names (computed in parallel).
    skel: Vec<String>,
    /// Order of the first mention, for "nearest" decisions.
    positions: Vec<usize>,
}

impl Local {
    fn new(span: &Span) -> Local {
        Local {
            known: span.known,
            words: span.words.clone(),
            kind_votes: [0; 4],
            sure_votes: [0; 4],
            mentions: vec![],
            skel: vec![],
            positions: vec![],
        }
    }

    fn add(&mut self, span: &Span, field: Field, pos: usize) {
        self.kind_votes[span.kind as usize] += 1;
        if span.kind_sure {
            self.sure_votes[span.kind as usize] += 1;
        }
        if span.words.len() > self.words.len() {
            self.words = span.words.clone();
        }
        self.mentions.push((field, span.start, span.end));
        self.positions.push(pos);
    }

    fn kind(&self) -> Kind {
        let votes = if self.sure_votes.iter().any(|&v| v > 0) {
            self.sure_votes
        } else {
            self.kind_votes
        };
        let best = (0..4).max_by_key(|&k| (votes[k], 3 - k)).unwrap_or(3);
        [Kind::Person, Kind::Place, Kind::Organization, Kind::Other][best]
    }
}

/// Ties the spans of every article into entities.
pub fn link(articles: &[Article], found: Vec<(Vec<Span>, Vec<Span>)>, lex: &Lexicon) -> Entities {
    let ambiguous = ambiguous_words(lex);
    let pairs: Vec<_> = articles.iter().zip(found).collect();
    let locals: Vec<Vec<Local>> = crate::parallel::map(&pairs, |(a, (title, body))| {
        link_article(a, title, body, lex)
    });

    // Across articles: lexicon entities by id; unknown multi-word names by skeleton;
    // lone words by skeleton too, unless they could be several people.
    let mut global_of: Vec<Vec<usize>> = Vec::with_capacity(locals.len());
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut by_known: HashMap<u32, usize> = HashMap::new();
    let mut by_skeleton: HashMap<Vec<String>, usize> = HashMap::new();
    // Multi-word names by all but their first word, for spelling variants of a first name.
    let mut by_rest: HashMap<Vec<String>, Vec<(String, usize)>> = HashMap::new();
    let mut persons_by_last: HashMap<String, Vec<usize>> = HashMap::new();
    // Groups of a lone word that could be several people: they stay in their article.
    let mut article_only: HashSet<usize> = HashSet::new();
    // Multi-word names first, so that lone words can find them.
    let lone = |a: usize, l: usize| locals[a][l].known.is_none() && locals[a][l].words.len() == 1;
    let all = || {
        locals
            .iter()
            .enumerate()
            .flat_map(|(a, ls)| (0..ls.len()).map(move |l| (a, l)))
    };
    let order: Vec<(usize, usize)> = all()
        .filter(|&(a, l)| !lone(a, l))
        .chain(all().filter(|&(a, l)| lone(a, l)))
        .collect();
    for ls in &locals {
        global_of.push(vec![usize::MAX; ls.len()]);
    }
    for (a, l) in order {
        let local = &locals[a][l];
        let group = if let Some(k) = local.known {
            *by_known.entry(k).or_insert_with(|| new_group(&mut groups))
        } else {
            let skel = &local.skel;
            if skel.len() == 1 {
                let w = &skel[0];
                let persons = persons_by_last.get(w).map_or(&[][..], Vec::as_slice);
                if ambiguous.contains(w.as_str()) || persons.len() > 1 {
                    let g = new_group(&mut groups);
                    article_only.insert(g);
                    g
                } else if let [only] = persons {
                    *only
                } else {
                    match by_skeleton.get(skel) {
                        Some(&g) => g,
                        None => {
                            let g = new_group(&mut groups);
                            by_skeleton.insert(skel.clone(), g);
                            g
                        }
                    }
                }
            } else if let Some(&g) = by_skeleton.get(skel) {
                g
            } else if let Some(g) = similar_person(skel, &by_rest) {
                g
            } else {
                let g = new_group(&mut groups);
                by_skeleton.insert(skel.clone(), g);
                by_rest
                    .entry(skel[1..].to_vec())
                    .or_default()
                    .push((skel[0].clone(), g));
                if local.kind() == Kind::Person {
                    persons_by_last
                        .entry(skel.last().cloned().unwrap_or_default())
                        .or_default()
                        .push(g);
                }
                g
            }
        };
        groups[group].push((a, l));
        global_of[a][l] = group;
    }

    // Entities in a stable order: by first article, then first mention.
    let mut group_order: Vec<usize> = (0..groups.len())
        .filter(|&g| !groups[g].is_empty())
        .collect();
    group_order.sort_by_key(|&g| {
        let (a, l) = groups[g].iter().min().copied().unwrap_or((0, 0));
        (a, locals[a][l].positions.first().copied().unwrap_or(0))
    });
    let mut index_of = vec![usize::MAX; groups.len()];
    for (new, &g) in group_order.iter().enumerate() {
        index_of[g] = new;
    }
    // Describing each entity is independent work; only making ids unique needs the order.
    let mut list = crate::parallel::map(&group_order, |&g| {
        make_entity(
            &groups[g],
            &locals,
            articles,
            lex,
            article_only.contains(&g),
        )
    });
    let mut used_ids: HashSet<String> = HashSet::with_capacity(list.len());
    for e in &mut list {
        let base = std::mem::take(&mut e.id);
        let mut unique = base.clone();
        let mut n = 2;
        while !used_ids.insert(unique.clone()) {
            unique = format!("{base}_{n}");
            n += 1;
        }
        e.id = unique;
    }
    let mentions = locals
        .iter()
        .enumerate()
        .map(|(a, ls)| {
            let mut ms: Vec<Mention> = ls
                .iter()
                .enumerate()
                .flat_map(|(l, local)| {
                    let entity = index_of[global_of[a][l]];
                    local
                        .mentions
                        .iter()
                        .map(move |&(field, start, end)| Mention {
                            entity,
                            field,
                            start,
                            end,
                        })
                })
                .collect();
            ms.sort_by_key(|m| (m.field as u8, m.start));
            ms
        })
        .collect();
    Entities { list, mentions }
}

fn new_group(groups: &mut Vec<Vec<(usize, usize)>>) -> usize {
    groups.push(Vec::new());
    groups.len() - 1
}

/// A person already seen whose name differs only in a first name spelled a little
/// differently (Ibrahim / Ebrahim): same number of words, same skeleton for all but the
/// first, first words at most one letter apart and at least four letters long.
fn similar_person(
    skel: &[String],
    by_rest: &HashMap<Vec<String>, Vec<(String, usize)>>,
) -> Option<usize> {
    if skel.len() < 2 || skel[0].chars().count() < 4 {
        return None;
    }
    let candidates = by_rest.get(&skel[1..])?;
    // The first seen qualifies: deterministic, since groups are made in a fixed order.
    candidates
        .iter()
        .find(|(first, _)| first.chars().count() >= 4 && edit_distance(first, &skel[0]) <= 1)
        .map(|&(_, g)| g)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            cur[j] = (prev[j] + 1)
                .min(cur[j - 1] + 1)
                .min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Words that begin or end more than one person of the lexicon ("kim", "li", "wang"): alone,
/// they name nobody in particular.
fn ambiguous_words(lex: &Lexicon) -> HashSet<String> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for k in lex.known.iter().filter(|k| k.kind == Kind::Person) {
        let key = key_of(k.name);
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() > 1 {
            let mut ends = vec![skeleton(words[0]), skeleton(words[words.len() - 1])];
            ends.dedup();
            for w in ends {
                *count.entry(w).or_default() += 1;
            }
        }
    }
    count
        .into_iter()
        .filter(|&(_, n)| n > 1)
        .map(|(w, _)| w)
        .collect()
}

/// The entities of one article: lexicon entities by id, unknown names by their words, lone
/// words and acronyms joined to the full name they shorten.
fn link_article(article: &Article, title: &[Span], body: &[Span], lex: &Lexicon) -> Vec<Local> {
    let mut locals: Vec<Local> = Vec::new();
    let mut by_known: HashMap<u32, usize> = HashMap::new();
    let mut by_words: HashMap<Vec<String>, usize> = HashMap::new();
    let mut singles: Vec<(usize, &Span, Field, &str)> = Vec::new();
    let spans = title
        .iter()
        .map(|s| (s, Field::Title, article.title.as_str()))
        .chain(body.iter().map(|s| (s, Field::Body, article.body.as_str())));
    for (pos, (span, field, text)) in spans.enumerate() {
        let surface = &text[span.start..span.end];
        // A person the lexicon knows under another spelling is that person.
        let known = span.known.or_else(|| {
            (span.kind == Kind::Person || span.words.len() > 1)
                .then(|| {
                    lex.person_skeletons
                        .get(&crate::nlp::lexicon::skeleton_key(&span.words.join(" ")))
                        .copied()
                })
                .flatten()
        });
        let idx = if let Some(k) = known {
            let i = *by_known.entry(k).or_insert_with(|| push(&mut locals, span));
            locals[i].known = Some(k);
            i
        } else if span.words.len() == 1 {
            singles.push((pos, span, field, surface));
            continue;
        } else {
            *by_words
                .entry(span.words.clone())
                .or_insert_with(|| push(&mut locals, span))
        };
        if locals[idx].known.is_some() && span.words.len() > locals[idx].words.len() {
            locals[idx].words = span.words.clone();
        }
        locals[idx].add(span, field, pos);
    }
    // Lone words: the nearest full name they shorten, else an entity of their own.
    let mut by_single: HashMap<String, usize> = HashMap::new();
    for (pos, span, field, surface) in singles {
        let word = &span.words[0];
        let acronym = surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && surface.chars().count() >= 2;
        let target = nearest(&locals, pos, |l| {
            let person = l.kind() == Kind::Person
                || l.known
                    .is_some_and(|k| lex.known[k as usize].kind == Kind::Person);
            (person
                && l.words.len() > 1
                && (l.words.first() == Some(word) || l.words.last() == Some(word)))
                || (acronym && l.words.len() > 1 && initials(&l.words) == *word)
        });
        let idx = match target {
            Some(t) => t,
            None => *by_single
                .entry(word.clone())
                .or_insert_with(|| push(&mut locals, span)),
        };
        locals[idx].add(span, field, pos);
    }
    for l in locals.iter_mut().filter(|l| l.known.is_none()) {
        l.skel = l.words.iter().map(|w| skeleton(w)).collect();
    }
    locals
}

fn push(locals: &mut Vec<Local>, span: &Span) -> usize {
    locals.push(Local::new(span));
    locals.len() - 1
}

/// The local entity matching `pred` whose mention is nearest before `pos`, else nearest after.
fn nearest(locals: &[Local], pos: usize, pred: impl Fn(&Local) -> bool) -> Option<usize> {
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for (i, l) in locals.iter().enumerate().filter(|(_, l)| pred(l)) {
        for &p in &l.positions {
            if p < pos && before.is_none_or(|(bp, _)| p > bp) {
                before = Some((p, i));
            }
            if p > pos && after.is_none_or(|(ap, _)| p < ap) {
                after = Some((p, i));
            }
        }
    }
    before.or(after).map(|(_, i)| i)
}

/// "institute for the study of war" → "isw": initials of the content words.
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !super::cues::is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The entity of a group of local entities: id, name, kind, aliases, articles.
fn make_entity(
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
            let e = surfaces.entry(&text[start..end]).or_default();
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
            let k = &lex.known[k as usize];
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
            let v = if sure.iter().any(|&n| n > 0) {
                sure
            } else {
                votes
            };
            let best = (0..4).max_by_key(|&k| (v[k], 3 - k)).unwrap_or(3);
            let mut kind = [Kind::Person, Kind::Place, Kind::Organization, Kind::Other][best];
            if kind == Kind::Other && members.iter().any(|&(a, l)| locals[a][l].words.len() > 1) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_distance() {
        assert_eq!(slug("Kim Jong-un"), "kim_jong_un");
        assert_eq!(slug("Liu Xiaoming"), "liu_xiaoming");
        assert_eq!(slug("Pjöngjang"), "pjongjang");
        assert_eq!(edit_distance("ibrahim", "ebrahim"), 1);
        assert_eq!(
            initials(&["institute", "for", "the", "study", "of", "war"].map(String::from)),
            "isw"
        );
    }
}
