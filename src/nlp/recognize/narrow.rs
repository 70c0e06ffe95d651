//! Where a German name found is too wide, corrected after every pass (outside the tagger's
//! features): an everyday noun before a foreign name is a description of it ("dem
//! Branchenliebling Slack", "in den älteren Teilen Neufrankreichs"), and an everyday noun after
//! a genitive is what the name owns ("Edgars Filme", "Carangis Leben").

use super::{Claims, Field};
use crate::nlp::words;

/// Both corrections (German only).
pub fn narrow(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() || b == a {
            continue;
        }
        if describing_noun(f, a) && (a + 1..=b).all(|k| foreign_name_word(f, k)) {
            let mut span = claims.release(id).expect("live");
            span.start = f.toks[a + 1].start;
            span.words.remove(0);
            claims.claim(a + 1, b, span);
        } else if b == a + 1 && genitive_name(f, a) && owned_noun(f, b) {
            let mut span = claims.release(id).expect("live");
            span.end = f.toks[a].end;
            span.words.truncate(1);
            claims.claim(a, a, span);
        }
    }
}

/// An everyday German noun that no name is built with: no given name or English word, not a head of institutions or places
/// ("Bank", "Kloster", "Bezirk"), nor a title, nor a word that opens names ("Bad Homburg").
fn describing_noun(f: &Field, i: usize) -> bool {
    let w = &f.folded[i];
    (f.lex.is_german_noun(f.word(i)) || f.is_german_compound(f.word(i)))
        && !f.toks[i].all_caps
        // "Mark Zuckerberg", "Royal Navy", "Silicon Valley": German nouns by chance.
        && !f.lex.is_first_name(f.word(i))
        && !f.lex.is_common("en", f.word(i))
        // "Nord-Westindien", "American Friendship Medal".
        && !words::has(words::COMPASS_PREFIXES, f.word(i))
        && !crate::nlp::cues::is_demonym(w)
        && !f.lex.is_place_demonym(w)
        && !words::has(words::ORG_HEADS, w)
        && !words::has(words::PLACE_HEADS, w)
        && !words::has(words::MISC_HEADS, w)
        && !words::has(words::GERMAN_NAME_HEADS, w)
        && !words::has(words::GERMAN_ORG_NOUNS, w)
        && !words::has(words::GERMAN_PLACE_NOUNS, w)
        && !words::has(words::TITLES_BEFORE_NAMES, w)
        && !words::has(words::GERMAN_NAME_OPENERS, w)
        && !crate::nlp::cues::is_person_trigger(w)
}

/// A capitalised word that is no German noun and no name the lexicon knows (a club's city,
/// "Eintracht Frankfurt", keeps its noun).
fn foreign_name_word(f: &Field, k: usize) -> bool {
    f.toks[k].capitalized
        && !f.lex.is_german_noun(f.word(k))
        && !f.is_german_compound(f.word(k))
        && f.lex.alias(&f.folded[k]).is_none()
}

/// "Edgars", "Carangis": a word in the genitive "-s" that is no noun and no given name.
fn genitive_name(f: &Field, i: usize) -> bool {
    let w = f.word(i);
    w.len() > 3
        && w.ends_with('s')
        && !f.lex.is_german_noun(w)
        && !f.lex.is_first_name(w)
        && !f.common_here(w)
}

/// A frequent everyday noun, not one that names with what precedes it ("Davis Cup").
fn owned_noun(f: &Field, i: usize) -> bool {
    let w = &f.folded[i];
    // "Ramses II", "Amyntas I": a regnal number is no noun.
    f.word(i).chars().count() >= 3
        && !f.toks[i].all_caps
        && f.lex.is_german_noun(f.word(i))
        && f.lex.is_frequent("de", f.word(i))
        && !words::has(words::ORG_HEADS, w)
        && !words::has(words::PLACE_HEADS, w)
        && !words::has(words::MISC_HEADS, w)
        && !words::has(words::GERMAN_ORG_NOUNS, w)
        && !words::has(words::GERMAN_PLACE_NOUNS, w)
}

#[cfg(test)]
mod tests {
    fn names(text: &str) -> Vec<String> {
        crate::nlp::recognize::tests::surfaces(text, "de")
    }

    #[test]
    fn a_describing_noun_before_a_foreign_name_is_not_part_of_it() {
        assert_eq!(
            names("Das Werkzeug soll es mit dem Branchenliebling Slack aufnehmen."),
            ["Slack"]
        );
    }

    #[test]
    fn what_a_name_owns_is_not_part_of_it() {
        assert_eq!(
            names("Der Film zeigt die Zerstörung von Carangis Leben und Karriere."),
            ["Carangis"]
        );
    }

    #[test]
    fn names_built_with_nouns_stay_whole() {
        assert_eq!(names("Er wohnt in Bad Tölz."), ["Bad Tölz"]);
        assert_eq!(names("Er traf ihn im Hotel Adlon."), ["Hotel Adlon"]);
        assert_eq!(names("Er gewann den Davis Cup."), ["Davis Cup"]);
        assert_eq!(
            names("Damals herrschte Ramses II. in Ägypten."),
            ["Ramses II.", "Ägypten"]
        );
    }
}
