//! Lone names that the passes leave alone, found from the sentence around them. Run after
//! every pass and outside what the tagger learns from.
//!
//! - English surnames that are also words: "In 2011, Blunt was named …", "publicly, Springer
//!   vigorously pursued …", "that Rogers recently introduced …". The passes leave a capitalised
//!   ordinary word alone unless something supports it, because headings and emphasis capitalise
//!   words too. Mid-sentence, after a lower-case word or a comma, and before a verb of being or
//!   having, a past tense or an adverb, it is a name: nothing else writes a capital there.
//! - German sentence subjects: "Osborne meldete sich …", "Wilkes wurde zwei weitere Male …". A
//!   German sentence may open with any noun, so the tagger is wary of a first word; but a first
//!   word that is neither a German noun nor an ordinary word, before a lower-case word (the
//!   verb, in second place), is a name.
//! - Parties and chambers named by a common word after a definite article: "der Senat", "die
//!   Republikaner", "the Democrats".
//! - German media quoted as sources: "sagte er der „Passauer Neuen Presse“", "laut „Spiegel“".

use super::{Claims, Field};
use crate::nlp::Kind;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Claims such words as people's names.
pub fn lone_names(f: &Field, claims: &mut Claims) {
    match f.lang {
        "en" if !f.headline => english_surnames(f, claims),
        "de" => {
            german_subjects(f, claims);
            quoted_media(f, claims);
        }
        _ => {}
    }
    institutions(f, claims);
}

/// "sagte Söder der „Passauer Neuen Presse“", "erklärte er dem „Spiegel“", "laut „Bild“": in
/// German, a short quoted run of capitalised words that a speaker told (the dative after a
/// verb of saying) or that a report is attributed to ("laut") is a newspaper or broadcaster.
fn quoted_media(f: &Field, claims: &mut Claims) {
    for (start, end) in super::works::quoted_stretches(f.text) {
        let inside = super::works::tokens_within(f, start, end);
        if inside.is_empty() || inside.len() > 5 || inside.start == 0 {
            continue;
        }
        let (first, last) = (inside.start, inside.end - 1);
        let all_caps_words = (first..=last).all(|k| {
            f.toks[k].capitalized
                || words::has(words::CONNECTORS, &f.folded[k])
                || f.folded[k] == "am"
        });
        if !all_caps_words
            || !f.toks[first].capitalized
            || !(first..=last).all(|k| {
                claims.is_free(k)
                    || claims
                        .owner(k)
                        .and_then(|id| claims.tokens(id))
                        .is_some_and(|(a, b)| a >= first && b <= last)
            })
        {
            continue;
        }
        let p = first - 1;
        let laut = f.folded[p] == "laut";
        let told = matches!(f.folded[p].as_ref(), "dem" | "der")
            && (p.saturating_sub(6)..p).any(|k| words::has(words::SPEECH_VERBS, &f.folded[k]));
        if !(laut || told) {
            continue;
        }
        super::bounds::release_all(claims, first..=last);
        claims.claim(
            first,
            last,
            f.unknown_name(first, last, Kind::Organization, true),
        );
    }
}

/// "der Senat", "des Senats", "die Demokraten", "the Democrats": the institution.
fn institutions(f: &Field, claims: &mut Claims) {
    for i in 1..f.toks.len() {
        let p = i - 1;
        if claims.is_free(i)
            && f.toks[i].capitalized
            && words::has(words::INSTITUTION_NOUNS, &f.folded[i])
            && f.toks[p].gap == Gap::Space
            && words::has(words::DEFINITE_ARTICLES_ALL, &f.folded[p])
            && !(f.joined(i) && f.toks[i + 1].capitalized)
        {
            claims.claim(i, i, f.unknown_name(i, i, Kind::Organization, true));
        }
    }
}

/// "Osborne meldete sich": a German sentence's first word that is no noun and no ordinary
/// word, before a lower-case word.
fn german_subjects(f: &Field, claims: &mut Claims) {
    for i in 0..f.toks.len().saturating_sub(1) {
        let t = &f.toks[i];
        if !t.sentence_start
            || !claims.is_free(i)
            || !t.capitalized
            || t.all_caps
            || t.gap != Gap::Space
            || f.word(i).chars().count() < 3
            || !f.could_be_name(i)
        {
            continue;
        }
        let w = f.word(i);
        let n = &f.toks[i + 1];
        if f.common_here(w)
            || words::has(words::GERMAN_SENTENCE_ADVERBS, &f.folded[i])
            || f.lex.is_german_noun(w)
            || f.is_german_compound(w)
            || n.capitalized
            || n.has_digit
            || words::has(words::NAME_PARTICLES, &f.folded[i + 1])
        {
            continue;
        }
        claims.claim(i, i, f.unknown_name(i, i, Kind::Person, false));
    }
}

/// "In 2011, Blunt was named": an English word capitalised mid-sentence before a verb.
fn english_surnames(f: &Field, claims: &mut Claims) {
    for i in 1..f.toks.len().saturating_sub(1) {
        let t = &f.toks[i];
        if !claims.is_free(i)
            || !t.capitalized
            || t.all_caps
            || t.sentence_start
            || t.gap != Gap::Space
            || f.word(i).chars().count() < 3
            || !f.could_be_name(i)
            || super::not_ours::is_term(&f.folded[i])
            // "the Melanesians began": a people, not a surname.
            || f.folded[i].ends_with("ians")
            || f.folded[i].ends_with("eans")
        {
            continue;
        }
        let (p, n) = (i - 1, i + 1);
        let between = &f.text[f.toks[p].end..t.start];
        let after_word = f.toks[p].gap == Gap::Space
            && f.word(p).chars().all(char::is_lowercase)
            && !words::has(words::ARTICLES, &f.folded[p])
            && !words::has(words::CONNECTORS, &f.folded[p])
            && !words::has(words::ENGLISH_DETERMINERS, &f.folded[p]);
        let after_comma = between == ", " && !f.toks[p].capitalized;
        let next = &f.folded[n];
        let verb_follows = !f.toks[n].capitalized
            && !f.toks[n].has_digit
            && (words::has(words::ENGLISH_SUBJECT_VERBS, next)
                || next.ends_with("ed")
                || next.ends_with("ly"));
        if (after_word || after_comma) && verb_follows {
            claims.claim(i, i, f.unknown_name(i, i, Kind::Person, false));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::recognize::tests::surfaces;

    fn names(text: &str) -> Vec<String> {
        surfaces(text, "en")
    }

    #[test]
    fn a_surname_that_is_a_word_is_a_name_before_a_verb() {
        assert_eq!(names("In 2011, Blunt was named the ambassador."), ["Blunt"]);
        assert_eq!(
            names("As well as publicly, Springer vigorously pursued it."),
            ["Springer"]
        );
        assert_eq!(
            names("He said that Rogers recently introduced a bill."),
            ["Rogers"]
        );
    }

    #[test]
    fn a_german_sentence_opening_with_an_unknown_name_has_a_subject() {
        assert_eq!(
            surfaces("Osborne meldete sich bei einer Agentur an.", "de"),
            ["Osborne"]
        );
        // An ordinary word, a noun, a compound or an amount opens sentences too.
        assert!(surfaces("Später meldete sich niemand.", "de").is_empty());
        assert!(surfaces("Technologiekonzerne geben mehr und mehr aus.", "de").is_empty());
        assert!(surfaces("GBP bzw. Euro wurden angelegt.", "de").is_empty());
    }

    #[test]
    fn a_chamber_or_party_after_the_article_is_the_institution() {
        assert_eq!(
            surfaces("Danach eroberten die Republikaner den Senat zurück.", "de"),
            ["Republikaner", "Senat"]
        );
        assert_eq!(
            surfaces(
                "They gained seats, but the Democrats retained a majority.",
                "en"
            ),
            ["Democrats"]
        );
        assert!(surfaces("Viele Demokraten sind unzufrieden.", "de").is_empty());
    }

    #[test]
    fn german_media_quoted_as_sources_are_organisations() {
        assert_eq!(
            surfaces(
                "Das sei absurd, sagte der Minister der „Passauer Neuen Presse“ am Montag.",
                "de"
            ),
            ["Passauer Neuen Presse"]
        );
        assert_eq!(
            surfaces("Das Treffen fand laut „Welt am Sonntag“ statt.", "de"),
            ["Welt am Sonntag"]
        );
        // A quotation is not a source.
        assert!(surfaces("Er sagte der Runde: „Wir schaffen das“.", "de").is_empty());
    }

    #[test]
    fn capitalised_words_elsewhere_stay_words() {
        // Sentence start, after an article or possessive, before a noun, inside a title.
        assert!(names("Blunt words were spoken.").is_empty());
        assert!(names("They met the Cabinet shortly after.").is_empty());
        assert!(names("It was a Blunt answer to them.").is_empty());
        assert!(names("He wrote for the Minister for Justice accused of fraud.").is_empty());
        assert!(names("Earlier, Brexit was delayed and in March, Spring was early.").is_empty());
    }
}
