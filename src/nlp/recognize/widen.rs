//! Where a name found is too narrow, corrected after every pass (outside the tagger's
//! features): a given name joined by "von" or "di" to a place is one person ("Margarete von
//! Parma"), and a Spanish, Italian or French article opens the name it stands before in German
//! or English text ("El Mundo", "La Conte"), where it can be nothing else; a club's
//! abbreviation opens the club's name ("FC Chelsea London", "MSV Duisburg"); and an Italian
//! institution's name runs on in lower case ("Corte di giustizia", "Banca centrale europea"),
//! as does a place with its compass adjective ("Germania orientale"); a German regnal number
//! keeps its ordinal dot ("Bernhard IV.").

use super::bounds::release_all;
use super::{Claims, Field};
use crate::nlp::Kind;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Both corrections.
pub fn widen(f: &Field, claims: &mut Claims) {
    take_noble_names(f, claims);
    take_club_names(f, claims);
    if f.lang == "it" {
        take_italian_lower_case_tails(f, claims);
    }
    if f.lang == "de" {
        take_ordinal_dots(f, claims);
    }
    if matches!(f.lang, "de" | "en") {
        take_foreign_articles(f, claims);
    }
}

/// "der Zeitung El Mundo", "the La Conte district": the article belongs to the name after it,
/// whether a pass found that name or left its word alone.
fn take_foreign_articles(f: &Field, claims: &mut Claims) {
    for p in 0..f.toks.len().saturating_sub(1) {
        let t = &f.toks[p];
        let n = p + 1;
        if !(words::has(words::ROMANCE_ARTICLES_IN_NAMES, f.word(p))
            && t.gap == Gap::Space
            && claims.is_free(p)
            && !t.sentence_start
            && !f.headline
            && f.toks[n].capitalized)
        {
            continue;
        }
        if let Some(id) = claims.owner(n) {
            let Some((a, b)) = claims.tokens(id) else {
                continue;
            };
            if a != n || claims.get(id).is_some_and(|s| s.known.is_some()) {
                continue;
            }
            let mut span = claims.release(id).expect("live");
            span.start = t.start;
            span.words.insert(0, f.folded[p].to_string());
            claims.claim(p, b, span);
        } else if f.could_be_name(n) {
            let mut last = n;
            while f.joined(last)
                && f.toks[last].gap == Gap::Space
                && f.toks[last + 1].capitalized
                && claims.is_free(last + 1)
            {
                last += 1;
            }
            release_all(claims, p..=last);
            claims.claim(p, last, f.unknown_name(p, last, Kind::Organization, false));
        }
    }
}

/// "des FC Chelsea London", "beim MSV Duisburg", "SC DHfK Leipzig": a club's abbreviation and
/// the capitalised words after it are one organisation (not an acronym and a place).
fn take_club_names(f: &Field, claims: &mut Claims) {
    let mut i = 0;
    while i + 1 < f.toks.len() {
        let w = f.word(i);
        // "SpVgg", "VfB" are not all capitals; the list says how each is written.
        if !words::has(words::CLUB_PREFIXES, w)
            || f.toks[i].gap != Gap::Space
            || !f.toks[i + 1].capitalized
        {
            i += 1;
            continue;
        }
        let mut last = i + 1;
        while f.joined(last) && f.toks[last + 1].capitalized && !f.toks[last + 1].sentence_start {
            last += 1;
        }
        // A name found across the end ("FC Bayern München" found as "Bayern München" and
        // more) is taken whole.
        if let Some((_, b)) = claims.owner(last).and_then(|id| claims.tokens(id)) {
            last = last.max(b);
        }
        release_all(claims, i..=last);
        claims.claim(i, last, f.unknown_name(i, last, Kind::Organization, true));
        i = last + 1;
    }
}

/// "Bernhard IV.", "Ramses II.": German writes a regnal number as an ordinal, with its dot.
fn take_ordinal_dots(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let Some((_, b)) = claims.tokens(id) else {
            continue;
        };
        let t = &f.toks[b];
        if words::has(words::ROMAN_NUMERALS, f.word(b))
            && f.text[t.end..].starts_with('.')
            && let Some(span) = claims.get_mut(id)
            && span.end == t.end
        {
            span.end = t.end + 1;
        }
    }
}

/// "la Corte di giustizia", "la Banca centrale europea", "il Consiglio dei ministri", "la
/// Germania orientale": Italian writes only the first word of an institution's name with a
/// capital. After a found name that is an institution's head (or a known place, for a compass
/// adjective), lower-case adjectives and one "di"-phrase belong to it.
fn take_italian_lower_case_tails(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let head = a == b && words::has(words::ORG_HEADS, &f.folded[a]);
        let place = span.kind == Kind::Place && span.known.is_some();
        if !(head || place) {
            continue;
        }
        let lower = |k: usize| {
            k < f.toks.len()
                && !f.toks[k].capitalized
                && !f.toks[k].has_digit
                && claims.is_free(k)
                && f.toks[k - 1].gap == Gap::Space
        };
        let mut end = b;
        if place {
            if lower(b + 1) && words::has(words::ITALIAN_COMPASS, &f.folded[b + 1]) {
                end = b + 1;
            }
        } else {
            // Adjectives first ("centrale europea"), then one "di"-phrase ("dei conti").
            while lower(end + 1) && italian_adjective(&f.folded[end + 1]) && end < b + 3 {
                end += 1;
            }
            if end == b
                && lower(end + 1)
                && words::has(words::ITALIAN_OF, &f.folded[end + 1])
                && lower(end + 2)
                && f.word(end + 2).chars().count() > 3
                && !words::has(words::ITALIAN_DI_ADVERBS, &f.folded[end + 2])
                && !f.folded[end + 2].ends_with("mente")
            {
                end += 2;
            }
        }
        if end == b {
            continue;
        }
        let kind = if place { span.kind } else { Kind::Organization };
        let name = f.unknown_name(a, end, kind, true);
        claims.release(id);
        claims.claim(a, end, name);
    }
}

/// An Italian adjective of the kind institutions are named with ("europea", "costituzionale",
/// "centrale", "civile").
fn italian_adjective(w: &str) -> bool {
    w.chars().count() > 4 && words::ends_with_any(words::ITALIAN_ADJECTIVE_ENDINGS, w)
}

/// "Margarete von Parma", "Caterina di Siena": a given name joined
/// by "von" or "di" to one capitalised word is a person's name, not a person and a place.
/// (English "of" is left: "Margaret of Parma" is as often written for the person as "Duke of
/// York" for a title and a place.)
fn take_noble_names(f: &Field, claims: &mut Claims) {
    for i in 0..f.toks.len().saturating_sub(2) {
        let (p, q) = (i + 1, i + 2);
        let one_word = |k: usize| {
            claims.is_free(k)
                || claims
                    .owner(k)
                    .and_then(|id| claims.tokens(id))
                    .is_some_and(|(a, b)| a == k && b == k)
        };
        let w = f.word(i);
        let fits = f.toks[i].capitalized
            && f.lex.is_first_name(w)
            && f.toks[i].gap == Gap::Space
            && matches!(f.folded[p].as_ref(), "von" | "di")
            && f.toks[p].gap == Gap::Space
            && f.toks[q].capitalized
            && f.could_be_name(q)
            && !(f.joined(q) && f.toks[q + 1].capitalized)
            && !(f.lang == "de"
                && (f.lex.is_german_noun(f.word(q)) || f.is_german_compound(f.word(q))))
            // Not the end of a longer name ("Johann Friedrich von …"); a title may go before.
            && (i == 0
                || !(f.joined(i - 1) && f.toks[i - 1].capitalized)
                || f.lang == "de"
                    && (f.lex.is_german_noun(f.word(i - 1))
                        || f.is_german_compound(f.word(i - 1))
                        || crate::nlp::cues::is_person_trigger(&f.folded[i - 1])))
            && one_word(i)
            && claims.is_free(p)
            && one_word(q);
        if !fits {
            continue;
        }
        release_all(claims, i..=q);
        claims.claim(i, q, f.unknown_name(i, q, Kind::Person, true));
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::recognize::tests::surfaces as names;

    #[test]
    fn a_given_name_of_a_place_is_one_person() {
        assert_eq!(
            names("Sie schrieben an Maria von Trapp einen Brief.", "de"),
            ["Maria von Trapp"]
        );
        assert_eq!(
            names(
                "Sie schrieben der Statthalterin Margarete von Parma eine Petition.",
                "de"
            ),
            ["Margarete von Parma"]
        );
        // "Art" is a given name, but not before a noun.
        assert!(names("Diese Art von Veranstaltung ist neu.", "de").is_empty());
        assert_eq!(
            names("Lo scrisse Caterina di Siena nel 1370.", "it"),
            ["Caterina di Siena"]
        );
    }

    #[test]
    fn italian_institutions_run_on_in_lower_case_but_not_into_adverbs() {
        let got = names("La Commissione di recente ha deciso.", "it");
        assert!(!got.iter().any(|n| n.contains("recente")), "{got:?}");
    }

    #[test]
    fn italian_institutions_run_on_in_lower_case() {
        assert_eq!(
            names(
                "La Corte costituzionale e la Banca centrale europea hanno deciso.",
                "it"
            ),
            ["Corte costituzionale", "Banca centrale europea"]
        );
        assert_eq!(
            names(
                "Le questioni pendenti dinanzi alla Corte di giustizia sono due.",
                "it"
            ),
            ["Corte di giustizia"]
        );
        assert_eq!(
            names("Vengo dalla Germania orientale, disse.", "it"),
            ["Germania orientale"]
        );
    }

    #[test]
    fn a_german_regnal_number_keeps_its_dot() {
        assert_eq!(
            names("Damals herrschte Bernhard IV. im Bistum.", "de"),
            ["Bernhard IV."]
        );
    }

    #[test]
    fn a_club_is_one_organisation() {
        assert_eq!(
            names(
                "Er spielte mit Drogba, dem Stürmerstar des FC Chelsea London, zusammen.",
                "de"
            ),
            ["Drogba", "FC Chelsea London"]
        );
        assert_eq!(
            names(
                "Das sagte der Manager nach dem 1:1 beim MSV Duisburg am Samstag.",
                "de"
            ),
            ["MSV Duisburg"]
        );
    }

    #[test]
    fn a_romance_article_opens_the_name_after_it() {
        assert_eq!(
            names(
                "Das sagte die Opposition der Zeitung El Mundo am Montag.",
                "de"
            ),
            ["El Mundo"]
        );
        let got = names(
            "The Viguier and La Conte districts hold most housing.",
            "en",
        );
        assert!(got.contains(&"La Conte".to_owned()), "{got:?}");
    }
}
