//! Pass one: every alias of the lexicon, longest first, with the German genitive and names
//! inside German compounds.

use super::field::capitalized;
use super::{Claims, Field, Span};
use crate::nlp::Kind;
use crate::nlp::fold::fold_word;
use crate::nlp::lexicon::Alias;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Pass one: every alias of the lexicon, longest first.
pub fn known_names(f: &Field, claims: &mut Claims) {
    let n = f.toks.len();
    let mut i = 0;
    while i < n {
        if let Some((len, entity, genitive_end)) = match_alias(f, i) {
            let kind = f.lex.known(entity).kind;
            let start = f.toks[i].start;
            let end = genitive_end.unwrap_or(f.toks[i + len - 1].end);
            claims.claim(
                i,
                i + len - 1,
                Span {
                    start,
                    end,
                    known: Some(entity),
                    kind,
                    kind_sure: true,
                    // Linking reads the words of known people only (to tie a lone "Kim" to the
                    // nearest full name); for the rest, saving the allocation matters.
                    words: if kind == Kind::Person {
                        f.folded[i..i + len].iter().map(|w| w.to_string()).collect()
                    } else {
                        Vec::new()
                    },
                },
            );
            i += len;
            continue;
        }
        if f.lang == "de"
            && let Some(span) = compound_prefix(f, i)
        {
            claims.claim(i, i, span);
        }
        i += 1;
    }
}

/// The longest alias starting at token `i`: (words, entity, end of a genitive `-s` form).
fn match_alias(f: &Field, i: usize) -> Option<(usize, u32, Option<usize>)> {
    let t0 = &f.toks[i];
    if !(t0.capitalized
        || t0.all_caps
        || t0.has_digit
        || f.word(i).chars().next().is_some_and(|c| c.is_lowercase()))
    {
        return None;
    }
    // Most words start no alias: look that up once instead of building keys.
    // A dotted abbreviation folds to several key words ("U.S." → "u s"): look up the first.
    let w = f.folded[i].split(' ').next().unwrap_or_default();
    if !(t0.capitalized || t0.all_caps || t0.has_digit || f.lex.may_start_lower(w)) {
        return None;
    }
    let mut limit = f.lex.longest_alias_from(w);
    if limit == 0 && f.lang == "de" && t0.capitalized {
        for stem in [
            w.strip_suffix('s'),
            w.strip_suffix("es"),
            w.strip_suffix('n'),
            Some(crate::nlp::lexicon::german_stem(w)),
        ]
        .into_iter()
        .flatten()
        {
            limit = limit.max(f.lex.longest_alias_from(stem));
        }
    }
    if limit == 0 {
        return None;
    }
    let mut max = 1;
    while max < limit && f.joined(i + max - 1) {
        max += 1;
    }
    let mut key = String::new();
    let mut cuts = Vec::with_capacity(max);
    for k in i..i + max {
        if k > i {
            key.push(' ');
        }
        key.push_str(&f.folded[k]);
        cuts.push(key.len());
    }
    for len in (1..=max).rev() {
        if let Some(alias) = f.lex.alias(&key[..cuts[len - 1]])
            && alias_fits(f, i, len, alias)
            && !is_first_name_of_person(f, i, len, alias.entity)
            && !ordinary_word_at_start(f, i, len, alias.entity)
        {
            return Some((len, alias.entity, None));
        }
        if f.lang == "de"
            && let Some(found) = german_inflected(f, i, len, &key[..cuts[len - 1]])
        {
            return Some(found);
        }
    }
    None
}

/// German inflection: genitive "-s"/"-es" and dative plural "-n" of the last word ("Russlands",
/// "Putins", "Niederlanden"), and adjective endings of the others ("Vereinigten Staaten").
fn german_inflected(
    f: &Field,
    i: usize,
    len: usize,
    key: &str,
) -> Option<(usize, u32, Option<usize>)> {
    let last = i + len - 1;
    let w = &f.folded[last];
    if f.toks[last].all_caps || !f.toks[i].capitalized {
        return None;
    }
    let mut candidates: Vec<&str> = vec![];
    if w.len() > 3 {
        for ending in ["s", "es", "n"] {
            if w.ends_with(ending) {
                candidates.push(&key[..key.len() - ending.len()]);
            }
        }
    }
    for candidate in candidates {
        if let Some(alias) = f.lex.alias(candidate)
            && alias.acronym.is_none()
            && alias_fits(f, i, len, alias)
        {
            return Some((len, alias.entity, Some(f.toks[last].end)));
        }
    }
    if len > 1 && f.toks[last].capitalized {
        let stem = crate::nlp::lexicon::german_stem_key(key);
        let stripped = stem.strip_suffix('s').map(str::to_owned);
        for k in std::iter::once(stem.clone()).chain(stripped) {
            if let Some(entity) = f.lex.stem_alias(&k) {
                return Some((len, entity, Some(f.toks[last].end)));
            }
        }
    }
    None
}

/// The text writes the alias the way the lexicon allows: capitals where the alias has them,
/// acronyms exactly.
fn alias_fits(f: &Field, i: usize, len: usize, alias: &Alias) -> bool {
    if !alias.diacritics_fit(&f.text[f.toks[i].start..f.toks[i + len - 1].end]) {
        return false;
    }
    if let Some(acronym) = alias.acronym {
        return &f.text[f.toks[i].start..f.toks[i + len - 1].end] == acronym;
    }
    if alias.lower_ok.len() != len {
        // Folding split the text differently from the alias ("U.S." vs "U S"): be strict.
        return (i..i + len).all(|k| f.toks[k].capitalized);
    }
    (0..len).all(|k| alias.lower_ok[k] || f.toks[i + k].capitalized)
}

/// "Mein nächster Halt": a minor city's one-word name that is also an ordinary word of the
/// language, at the start of a sentence, is the word.
fn ordinary_word_at_start(f: &Field, i: usize, len: usize, entity: u32) -> bool {
    len == 1
        && f.lex.known(entity).minor
        && (f.toks[i].sentence_start || f.headline)
        && f.common_here(f.word(i))
}

/// "Jordan Peterson", "Georgia Smith": a one-word place that is also a given name, followed by
/// a name, is a person's first name.
fn is_first_name_of_person(f: &Field, i: usize, len: usize, entity: u32) -> bool {
    len == 1
        && f.lex.known(entity).kind == Kind::Place
        && f.lex.is_first_name(f.word(i))
        && f.joined(i)
        && f.toks[i].gap == Gap::Space
        && f.toks[i + 1].capitalized
        && f.lex.alias(&f.folded[i + 1]).is_none()
        && f.name_like(i + 1)
}

/// German compounds that start with a known name: "Südkaukasusregion" → "Südkaukasus",
/// "Russlandbeziehungen" → "Russland". The rest must be a German noun.
fn compound_prefix(f: &Field, i: usize) -> Option<Span> {
    let t = &f.toks[i];
    let w = f.word(i);
    if !t.capitalized || t.all_caps || w.len() < 8 {
        return None;
    }
    // A compound the noun list knows is only taken apart for an area ("Mittelmeerraum").
    let listed_noun = f.lex.is_german_noun(w);
    let cuts: Vec<usize> = w
        .char_indices()
        .map(|(b, _)| b)
        .filter(|&b| b >= 4 && w.len() - b >= 4)
        .collect();
    for &cut in cuts.iter().rev() {
        let (head, rest) = w.split_at(cut);
        let Some(alias) = f.lex.alias(&fold_word(head)) else {
            continue;
        };
        let rest_cap = capitalized(rest);
        let rest_cap_no_s = rest_cap.strip_prefix('S').map(capitalized);
        let rest_is_noun = f.lex.is_german_noun(&rest_cap)
            || rest_cap_no_s.is_some_and(|r| f.lex.is_german_noun(&r));
        if alias.acronym.is_none()
            && alias.lower_ok.len() == 1
            && rest_is_noun
            && alias.diacritics_fit(head)
        {
            let kind = f.lex.known(alias.entity).kind;
            // "Mittelmeerraum", "Südkaukasusregion": the area around a place is that place.
            let area = words::has(words::AREA_NOUNS, &rest_cap);
            return Some(Span {
                start: t.start,
                end: if area { t.end } else { t.start + cut },
                known: Some(alias.entity),
                kind,
                kind_sure: true,
                words: vec![fold_word(head)],
            });
        }
    }
    if listed_noun {
        None
    } else {
        compass_compound(f, i)
    }
}

/// "Süditalien", "Ostdeutschland", "Norddeutschland": a compass prefix on a known place is a
/// place of its own.
fn compass_compound(f: &Field, i: usize) -> Option<Span> {
    let (t, w) = (&f.toks[i], f.word(i));
    // The longest: "Nordostchina" is "Nordost" + "China", not "Nord" + "ostchina".
    let prefix = words::COMPASS_PREFIXES
        .iter()
        .filter(|p| w.starts_with(*p))
        .max_by_key(|p| p.len())?;
    let rest = &w[prefix.len()..];
    if rest.chars().count() < 4 {
        return None;
    }
    let rest_cap = capitalized(rest);
    let alias = f.lex.alias(&fold_word(&rest_cap))?;
    let known = f.lex.known(alias.entity);
    (known.kind == Kind::Place && alias.acronym.is_none() && alias.diacritics_fit(&rest_cap)).then(
        || Span {
            start: t.start,
            end: t.end,
            known: None,
            kind: Kind::Place,
            kind_sure: true,
            words: vec![fold_word(w)],
        },
    )
}
