//! Linking: which mentions are one entity. Within an article, a surname or given name alone
//! ("Rudenko", "Liu") and an acronym ("ISW") join the full name they stand for, nearest first.
//! Across articles, lexicon entities meet by id, unknown names by a transliteration-blind
//! skeleton of their words (Andrej Rudenko = Andrei Rudenko), never by raw string distance,
//! so Kim Jong Un and Kim Jong Il stay apart. A lone word that could be several people's name
//! (a bare "Kim") stays within its article.

mod article;
mod describe;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::fold::{key_of, skeleton};
use super::lexicon::Lexicon;
use super::recognize::Span;
use super::{Entities, Kind, Mention};
use crate::corpus::Article;
use article::{Local, SKEL_SEP, link_article};
use describe::make_entity;

/// Ties the spans of every article into entities.
pub fn link(articles: &[Article], found: &[(Vec<Span>, Vec<Span>)], lex: &Lexicon) -> Entities {
    let ambiguous = ambiguous_words(lex);
    let pairs: Vec<_> = articles.iter().zip(found).collect();
    let locals: Vec<Vec<Local>> = crate::timing::phase("  within articles", || {
        crate::parallel::map(&pairs, |(a, (title, body))| {
            link_article(a, title, body, lex)
        })
    });

    // Across articles: lexicon entities by id; unknown multi-word names by skeleton;
    // lone words by skeleton too, unless they could be several people.
    let mut global_of: Vec<Vec<usize>> = Vec::with_capacity(locals.len());
    let mut groups: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut by_known: HashMap<u32, usize> = HashMap::default();
    // Skeletons are borrowed from the locals: a key costs no copy.
    let mut by_skeleton: HashMap<&str, usize> = HashMap::default();
    // Multi-word names by all but their first word, for spelling variants of a first name.
    let mut by_rest: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    let mut persons_by_last: HashMap<&str, Vec<usize>> = HashMap::default();
    // Groups of a lone word that could be several people: they stay in their article.
    let mut article_only: HashSet<usize> = HashSet::default();
    // Multi-word names first, so that lone words can find them.
    let lone = |a: usize, l: usize| locals[a][l].known.is_none() && locals[a][l].words == 1;
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
            let skel: &str = &local.skel;
            if !skel.contains(SKEL_SEP) {
                let w = skel;
                let persons = persons_by_last.get(w).map_or(&[][..], Vec::as_slice);
                if ambiguous.contains(w) || persons.len() > 1 {
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
                            by_skeleton.insert(skel, g);
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
                by_skeleton.insert(skel, g);
                let (first, rest) = skel.split_once(SKEL_SEP).expect("several words");
                by_rest.entry(rest).or_default().push((first, g));
                if local.kind() == Kind::Person {
                    let last = skel.rsplit(SKEL_SEP).next().unwrap_or_default();
                    persons_by_last.entry(last).or_default().push(g);
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
        (a, locals[a][l].first)
    });
    let mut index_of = vec![usize::MAX; groups.len()];
    for (new, &g) in group_order.iter().enumerate() {
        index_of[g] = new;
    }
    // Describing each entity is independent work; only making ids unique needs the order.
    let mut list = crate::timing::phase("  describe entities", || {
        crate::parallel::map(&group_order, |&g| {
            make_entity(
                &groups[g],
                &locals,
                articles,
                lex,
                article_only.contains(&g),
            )
        })
    });
    let mut used_ids: HashSet<String> =
        HashSet::with_capacity_and_hasher(list.len(), Default::default());
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
    let numbered: Vec<(usize, &Vec<Local>)> = locals.iter().enumerate().collect();
    let mentions = crate::parallel::map(&numbered, |&(a, ls)| {
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
                        start: start as usize,
                        end: end as usize,
                    })
            })
            .collect();
        ms.sort_by_key(|m| (m.field as u8, m.start));
        ms
    });
    Entities { list, mentions }
}

fn new_group(groups: &mut Vec<Vec<(usize, usize)>>) -> usize {
    groups.push(Vec::new());
    groups.len() - 1
}

/// A person already seen whose name differs only in a first name spelled a little
/// differently (Ibrahim / Ebrahim): same number of words, same skeleton for all but the
/// first, first words at most one letter apart and at least four letters long.
fn similar_person(skel: &str, by_rest: &HashMap<&str, Vec<(&str, usize)>>) -> Option<usize> {
    let (own, rest) = skel.split_once(SKEL_SEP)?;
    if own.chars().count() < 4 {
        return None;
    }
    let candidates = by_rest.get(rest)?;
    // The first seen qualifies: deterministic, since groups are made in a fixed order.
    candidates
        .iter()
        .find(|(first, _)| first.chars().count() >= 4 && edit_distance(first, own) <= 1)
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
    let mut count: HashMap<String, usize> = HashMap::default();
    for k in lex.entities().iter().filter(|k| k.kind == Kind::Person) {
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

#[cfg(test)]
mod tests {
    use super::article::initials;
    use super::describe::slug;
    use super::*;

    /// Skeletons are kept joined by [`SKEL_SEP`]: a first name spelled a little differently
    /// finds the person by the rest of the name, and only a name of several words does.
    #[test]
    fn similar_people_are_found_by_the_rest_of_the_joined_skeleton() {
        let sep = SKEL_SEP.to_string();
        let joined = |words: &[&str]| words.join(&sep);
        let ibrahim = joined(&["ibrahim", "raisi"]);
        let mut by_rest: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
        let (first, rest) = ibrahim.split_once(SKEL_SEP).unwrap();
        by_rest.entry(rest).or_default().push((first, 7));
        assert_eq!(
            similar_person(&joined(&["ebrahim", "raisi"]), &by_rest),
            Some(7)
        );
        assert_eq!(
            similar_person(&joined(&["abraham", "raisi"]), &by_rest),
            None
        );
        assert_eq!(
            similar_person(&joined(&["ebrahim", "rais"]), &by_rest),
            None
        );
        assert_eq!(similar_person("raisi", &by_rest), None);
    }

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
