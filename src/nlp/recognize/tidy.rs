//! Last, after every pass (and outside what the tagger learns from, so that the model is
//! unchanged by them): corrections of names found, where the text shows what a pass could not
//! see — a noun read as a town through an ending, a title or a sentence's first word taken
//! into a name, a people taken for one, an office's words ("Foreign Minister") or a lone
//! preposition ("Al centro …") taken for a name; and "el Gobierno" in Spanish, French or
//! Portuguese is an institution, not a person.

use super::{Claims, Field};
use crate::nlp::Kind;
use crate::nlp::words;

/// Every correction, in order.
pub fn tidy(f: &Field, claims: &mut Claims) {
    drop_nouns_read_as_towns(f, claims);
    strip_titles(f, claims);
    trim_sentence_openers_and_peoples(f, claims);
    drop_offices_and_lone_function_words(f, claims);
    institutions_after_articles(f, claims);
}

/// "el Gobierno", "la Cancillería", "le Parlement": in Spanish, French and Portuguese news a
/// person goes without an article, so a lone unknown name after a definite article whose kind
/// was only guessed is an institution. (Italian writes "la Meloni", so it is left.)
fn institutions_after_articles(f: &Field, claims: &mut Claims) {
    if !matches!(f.lang, "es" | "fr" | "pt") {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let after_article = a > 0
            && matches!(
                f.toks[a - 1].gap,
                crate::nlp::token::Gap::Space | crate::nlp::token::Gap::Apostrophe
            )
            && words::has(words::ROMANCE_DEFINITE_ARTICLES, &f.folded[a - 1]);
        if a == b
            && span.known.is_none()
            && span.kind == Kind::Person
            && !span.kind_sure
            && after_article
            && let Some(span) = claims.get_mut(id)
        {
            span.kind = Kind::Organization;
        }
    }
}

/// "Deputy Foreign Minister Andrei Rudenko", "Prime Minister": everyday words right before a
/// person trigger name the office, not a person. "Al centro dei colloqui": a preposition or
/// article alone at the start of a sentence is not a name. Run after every pass.
fn drop_offices_and_lone_function_words(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() {
            continue;
        }
        let office = f
            .folded
            .get(b + 1)
            .is_some_and(|next| crate::nlp::cues::is_person_trigger(next))
            && (a..=b).all(|i| everyday(f, &f.word(i).to_lowercase()));
        let w = &f.folded[a];
        let function_word = a == b
            && f.toks[a].sentence_start
            && (words::has(words::LOCATIVES, w)
                || words::has(words::ARTICLES, w)
                || words::has(words::CONNECTORS, w));
        if office || function_word {
            claims.release(id);
        }
    }
}

/// "einen obdachlosen Mann": a German noun is not a town's name in the dative ("Man", a city
/// in Côte d'Ivoire) merely because stripping its "-n" or "-s" gives one. Run after every pass
/// (so that what the tagger learned from is unchanged): a one-word name of a minor town, found
/// only through such an ending, on a word that is a German noun, goes.
fn drop_nouns_read_as_towns(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let Some(entity) = span.known else { continue };
        if a == b
            && f.lex.known(entity).minor
            && f.lex.is_german_noun(f.word(a))
            && f.lex.alias(&f.folded[a]).is_none()
        {
            claims.release(id);
        }
    }
}

/// "Emperor Meiji", "Reverend William Hechler": a title before a name is not part of it.
/// Run after every pass, on the names found.
fn strip_titles(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if b == a
            || span.known.is_some()
            || span.kind != Kind::Person
            || !words::has(words::TITLES_BEFORE_NAMES, &f.folded[a])
        {
            continue;
        }
        let id = drop_first_token(f, claims, id);
        claims.get_mut(id).expect("just claimed").kind_sure = true;
    }
}

/// "In Thessaly" opening a sentence: the capitalised preposition or article is not part of the
/// name; "Spartans", "Phoenicians": a lone unknown word with a plural demonym ending is a
/// people, not a name of ours. Run after every pass, on the names found.
fn trim_sentence_openers_and_peoples(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() {
            continue;
        }
        let opener = b > a
            && (f.toks[a].sentence_start || f.headline)
            && (words::has(words::LOCATIVES, &f.folded[a])
                || words::has(words::ARTICLES, &f.folded[a]));
        if opener {
            drop_first_token(f, claims, id);
            continue;
        }
        let w = &f.folded[a];
        let people = a == b
            && !span.kind_sure
            && f.lang == "en"
            && (w.ends_with("ians") || w.ends_with("eans"))
            && !f.lex.is_first_name(f.word(a));
        if people {
            claims.release(id);
        }
    }
}

/// Whether a lower-case word is an everyday word of the field's language (of any of ours
/// when the language is not known: short texts often are not).
fn everyday(f: &Field, word: &str) -> bool {
    match f.lang {
        "de" | "en" | "it" => f.lex.is_frequent(f.lang, word),
        _ => ["de", "en", "it"]
            .iter()
            .any(|l| f.lex.is_frequent(l, word)),
    }
}

/// Claims a live name of two tokens or more again without its first token (and first word);
/// returns the new claim.
fn drop_first_token(f: &Field, claims: &mut Claims, id: usize) -> usize {
    let (a, b) = claims.tokens(id).expect("live");
    let mut span = claims.release(id).expect("live");
    span.start = f.toks[a + 1].start;
    if !span.words.is_empty() {
        span.words.remove(0);
    }
    claims.claim(a + 1, b, span)
}
