//! Last corrections for what the passes took for names of people, places or organisations and
//! is none (titles of works are `works`'s): a people's adjective before an English noun ("the
//! Macedonian king"), a common German word taken for a name ("wenig Essen", "Oder" opening a
//! sentence), the "Chr." of German dates, terms and doctrines written with capitals ("Brexit",
//! "DNA", "Judaism"), a German place adjective cut like a compound ("Bayerische"), English
//! shouting ("FREE") and storms. Run after every pass and outside what the tagger learns from,
//! so that the model is unchanged by them.

use super::{Claims, Field};
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Every correction, in order.
pub fn drop_not_ours(f: &Field, claims: &mut Claims) {
    drop_peoples_adjectives(f, claims);
    drop_common_words_read_as_known(f, claims);
    drop_era_abbreviation(f, claims);
    drop_terms_and_doctrines(f, claims);
    drop_adjectives_read_as_compounds(f, claims);
    drop_shouted_words(f, claims);
    drop_storms(f, claims);
}

/// "Hurricane Katrina", "Taifun Haiyan", "uragano Milton": a storm is an event, not a name
/// of ours.
fn drop_storms(f: &Field, claims: &mut Claims) {
    let storm = |k: usize| words::has(words::STORMS, &f.folded[k]);
    claims.release_where(|span, a, _| {
        span.known.is_none()
            && (storm(a) || a > 0 && f.toks[a - 1].gap == Gap::Space && storm(a - 1))
    });
}

/// "FREE shipping", "VERY good", "WOW": an English word written in capitals for emphasis is no
/// acronym. One unknown capitalised token, standing alone, whose lower case is an ordinary
/// English word of three letters or more goes (a known "US", "WHO" or "AIDS" is the
/// lexicon's business).
fn drop_shouted_words(f: &Field, claims: &mut Claims) {
    if f.lang != "en" {
        return;
    }
    claims.release_where(|span, a, b| {
        // Not part of a longer name (a sentence's first word is capitalised anyway).
        let alone = (a == 0
            || !(f.joined(a - 1) && f.toks[a - 1].capitalized && !f.toks[a - 1].sentence_start))
            && !(f.joined(a) && f.toks[a + 1].capitalized);
        a == b
            && span.known.is_none()
            && f.toks[a].all_caps
            && f.word(a).chars().count() >= 3
            && alone
            && f.lex.is_common("en", f.word(a))
    });
}

/// "Bayerische Vereine", "Afrikanische Währungen": a German adjective of a place is no compound
/// of the place and a noun, though "Ische" and "Nische" are nouns: a known name cut from the
/// front of a word that ends like such an adjective goes.
fn drop_adjectives_read_as_compounds(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    claims.release_where(|span, a, b| {
        let t = &f.toks[a];
        if a != b || span.known.is_none() || span.end >= t.end {
            return false;
        }
        let rest = f.text[span.end..t.end].to_lowercase();
        words::GERMAN_ADJECTIVE_ENDINGS
            .iter()
            .any(|e| rest.strip_suffix(e).is_some_and(|r| r.chars().count() <= 2))
    });
}

/// "the Brexit vote", "tumour DNA", "Judaism", "Marxismus": a one-word unknown name that is
/// a term written with capitals, or a doctrine, is none of ours.
fn drop_terms_and_doctrines(f: &Field, claims: &mut Claims) {
    claims.release_where(|span, a, b| a == b && span.known.is_none() && is_term(&f.folded[a]));
}

/// A folded word that is a term or a doctrine ("brexit", "judaism"), never a name of ours.
pub fn is_term(w: &str) -> bool {
    words::has(words::TERMS, w) || w.len() > 6 && words::ends_with_any(words::DOCTRINE_ENDINGS, w)
}

/// "the Macedonian king", "a Sephardic population", "Mycenaean civilization": in English, one
/// unknown capitalised word with a people's ending right before a lower-case ordinary word
/// is an adjective of a people, not a name. Given names ("Brian", "Christian") are left.
fn drop_peoples_adjectives(f: &Field, claims: &mut Claims) {
    if f.lang != "en" {
        return;
    }
    claims.release_where(|span, a, b| {
        if a != b || span.known.is_some() || span.kind_sure {
            return false;
        }
        let w = &f.folded[a];
        let peoples_ending = w.len() >= 6
            && words::ends_with_any(words::PEOPLES_ENDINGS, w)
            && !f.lex.is_first_name(f.word(a));
        let before_noun = f.toks[a].gap == Gap::Space
            && f.toks
                .get(a + 1)
                .is_some_and(|n| !n.capitalized && !n.has_digit)
            && f.lex.is_common("en", f.word(a + 1))
            && !words::has(words::SPEECH_VERBS, &f.folded[a + 1])
            && !words::has(words::ENGLISH_FUNCTION_WORDS, &f.folded[a + 1])
            && !f.folded[a + 1].ends_with("ed");
        let after_name = a > 0 && f.toks[a - 1].capitalized && f.joined(a - 1);
        peoples_ending && before_noun && !after_name
    });
}

/// German words that open sentences and are no name: "Oder handelt es sich …", "Auch in den
/// älteren Teilen …" (the river Oder, a French town, a tagger's guess), and a known town's name
/// used as the noun it also is, after a word that is neither article, preposition nor
/// conjunction ("wenig Essen", "zwei weitere Male"; "in Essen" stays).
fn drop_common_words_read_as_known(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    claims.release_where(|span, a, b| {
        let t = &f.toks[a];
        if a != b || t.all_caps || !t.capitalized {
            return false;
        }
        let opener = (t.sentence_start || f.headline)
            && words::has(words::GERMAN_SENTENCE_ADVERBS, &f.folded[a]);
        let town_as_noun = span.known.is_some_and(|e| f.lex.known(e).minor)
            && f.lex.is_german_noun(f.word(a))
            && a > 0
            && f.toks[a - 1].gap == Gap::Space
            && !f.toks[a - 1].capitalized
            && !f.toks[a - 1].has_digit
            && !words::has(words::ARTICLES, &f.folded[a - 1])
            && !words::has(words::GERMAN_BEFORE_NAMES, &f.folded[a - 1]);
        opener || town_as_noun
    });
}

/// "700 v. Chr.", "n. Chr.": the German era abbreviation is not a name.
fn drop_era_abbreviation(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    claims.release_where(|_, a, b| {
        a == b
            && a > 0
            && f.word(a) == "Chr"
            && matches!(f.word(a - 1), "v" | "n")
            && f.text[f.toks[a].end..].starts_with('.')
    });
}

#[cfg(test)]
mod tests {
    use crate::nlp::recognize::tests::surfaces as names;

    #[test]
    fn a_peoples_adjective_before_a_noun_is_not_a_name() {
        let text = "In 512 BC, the Macedonian king Amyntas I accepted the offer.";
        assert!(!names(text, "en").contains(&"Macedonian".to_string()));
        let text = "The Greeks adopted the Phoenician alphabet.";
        assert!(!names(text, "en").contains(&"Phoenician".to_string()));
        // A surname with such an ending, before a verb, stays.
        let text = "Yesterday, Pashinyan said the talks had failed.";
        assert!(names(text, "en").contains(&"Pashinyan".to_string()));
    }

    #[test]
    fn ordinary_german_words_are_not_known_places() {
        let text = "Die Kinder hatten wenig Essen. Oder handelt es sich um einen Fehler?";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        let text = "Wilkes wurde zwei weitere Male wiedergewählt.";
        assert!(!names(text, "de").contains(&"Male".to_string()));
        // The city stays where the text means it.
        let text = "Er wohnte in Essen und reiste später nach Malé.";
        assert_eq!(names(text, "de"), ["Essen", "Malé"]);
        let text = "Die Oder fließt in die Ostsee. Auch in den älteren Teilen wurde gebaut.";
        assert_eq!(names(text, "de"), ["Oder", "Ostsee"]);
        let text = "Frankreich und China verhandeln.";
        assert_eq!(names(text, "de"), ["Frankreich", "China"]);
    }

    #[test]
    fn terms_and_doctrines_are_not_names() {
        let text = "Right after the Brexit vote, tumour DNA studies on Marxism stalled.";
        assert!(names(text, "en").is_empty(), "{:?}", names(text, "en"));
    }

    #[test]
    fn adjectives_of_places_are_not_compounds() {
        let text = "Gegner waren meist Bayerische Vereine, Afrikanische Währungen stiegen.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        // A real compound stays: the region of the South Caucasus is the South Caucasus.
        let text = "Er half bei der Stabilisierung der Südkaukasusregion.";
        assert_eq!(names(text, "de"), ["Südkaukasusregion"]);
    }

    #[test]
    fn shouted_words_are_not_acronyms() {
        let text = "Get FREE shipping today, it is VERY easy, says the NATO press office.";
        assert_eq!(names(text, "en"), ["NATO"]);
    }

    #[test]
    fn storms_are_events() {
        let text = "Hurricane Katrina hit New Orleans, and the Taifun Haiyan hit Tacloban.";
        let got = names(text, "en");
        assert!(
            !got.iter()
                .any(|n| n.contains("Katrina") || n.contains("Haiyan")),
            "{got:?}"
        );
    }

    #[test]
    fn the_german_era_abbreviation_is_not_a_name() {
        let text = "Die Siedlungen begannen um 1000 v. Chr., als Menschen nach Norden zogen.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
    }
}
