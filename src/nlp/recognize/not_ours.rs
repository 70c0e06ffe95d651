//! Last corrections for what the passes took for names of people, places or organisations and
//! is none: the title of a work in quotes (`the song "Stephen"`, „Game of Thrones“), a people's
//! adjective before an English noun ("the Macedonian king"), a common German word taken for a
//! name ("wenig Essen", "Oder" opening a sentence), the "Chr." of German dates, and terms
//! and doctrines written with capitals ("Brexit", "DNA", "Judaism"). Run after every pass and outside what the
//! tagger learns from, so that the model is unchanged by them.

use super::{Claims, Field};
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Every correction, in order.
pub fn drop_not_ours(f: &Field, claims: &mut Claims) {
    drop_quoted_works(f, claims);
    drop_dated_works(f, claims);
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
    for id in claims.ids() {
        let (Some(span), Some((a, _))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let storm = |k: usize| words::has(words::STORMS, &f.folded[k]);
        let named = storm(a) || a > 0 && f.toks[a - 1].gap == Gap::Space && storm(a - 1);
        if span.known.is_none() && named {
            claims.release(id);
        }
    }
}

/// "FREE shipping", "VERY good", "WOW": an English word written in capitals for emphasis is no
/// acronym. One unknown capitalised token, standing alone, whose lower case is an ordinary
/// English word of three letters or more goes (a known "US", "WHO" or "AIDS" is the
/// lexicon's business).
fn drop_shouted_words(f: &Field, claims: &mut Claims) {
    if f.lang != "en" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let t = &f.toks[a];
        // Not part of a longer name (a sentence's first word is capitalised anyway).
        let alone = (a == 0
            || !(f.joined(a - 1) && f.toks[a - 1].capitalized && !f.toks[a - 1].sentence_start))
            && !(f.joined(a) && f.toks[a + 1].capitalized);
        if a == b
            && span.known.is_none()
            && t.all_caps
            && f.word(a).chars().count() >= 3
            && alone
            && f.lex.is_common("en", f.word(a))
        {
            claims.release(id);
        }
    }
}

/// "Bayerische Vereine", "Afrikanische Währungen": a German adjective of a place is no compound
/// of the place and a noun, though "Ische" and "Nische" are nouns: a known name cut from the
/// front of a word that ends like such an adjective goes.
fn drop_adjectives_read_as_compounds(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let t = &f.toks[a];
        if a != b || span.known.is_none() || span.end >= t.end {
            continue;
        }
        let rest = f.text[span.end..t.end].to_lowercase();
        let adjective = ["isch", "ische", "ischen", "ischer", "isches", "ischem"]
            .iter()
            .any(|e| rest.strip_suffix(e).is_some_and(|r| r.chars().count() <= 2));
        if adjective {
            claims.release(id);
        }
    }
}

/// "the Brexit vote", "tumour DNA", "Judaism", "Marxismus": a one-word unknown name that is
/// a term written with capitals, or a doctrine, is none of ours.
fn drop_terms_and_doctrines(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if a == b && span.known.is_none() && is_term(&f.folded[a]) {
            claims.release(id);
        }
    }
}

/// A folded word that is a term or a doctrine ("brexit", "judaism"), never a name of ours.
pub fn is_term(w: &str) -> bool {
    words::has(words::TERMS, w) || w.len() > 6 && words::ends_with_any(words::DOCTRINE_ENDINGS, w)
}

/// Opening and closing quotation marks, paired.
const QUOTES: &[(char, char)] = &[('„', '“'), ('“', '”'), ('"', '"'), ('«', '»'), ('‚', '‘')];

/// The quoted stretches of the text: the byte range inside the marks, on one line, of at most
/// 120 bytes (a longer one is a quotation, not a title).
pub(super) fn quoted_stretches(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == c) else {
            continue;
        };
        let inner = i + c.len_utf8();
        let rest = &text[inner..];
        let Some(len) = rest.find(close) else {
            continue;
        };
        let stretch = &rest[..len];
        if len == 0 || len > 120 || stretch.contains('\n') {
            continue;
        }
        out.push((inner, inner + len));
        // Continue after the closing mark.
        while iter
            .peek()
            .is_some_and(|&(j, _)| j < inner + len + close.len_utf8())
        {
            iter.next();
        }
    }
    out
}

/// `the hit song "Geronimo"`, `„Knuck If You Buck“`: names inside a quoted title of a work
/// are not names of ours. A quoted stretch is a title when a word just before or after it
/// names a kind of work ("song", "Film", „Shaky Ground“, die Single"), when a year in brackets
/// follows it („Sabrina“ (1954)), when it is joined by "und", "and" or a comma to a title
/// („The Winds of Winter“ und „A Dream of Spring“), or when its words are written as a title
/// (each long word capitalised) and the names found cover only part of it: a title taken
/// apart into names. A quotation ("Celtic Sea cod could collapse") is neither; a newspaper
/// named in quotes (die „Zeit“) is left alone too.
fn drop_quoted_works(f: &Field, claims: &mut Claims) {
    // Where the last title ended, to see a title that follows it.
    let mut last_title_end: Option<usize> = None;
    for (start, end) in quoted_stretches(f.text) {
        // Tokens are in text order: find the stretch's by binary search (a long article may
        // quote a lot).
        let from = f.toks.partition_point(|t| t.start < start);
        let to = f.toks.partition_point(|t| t.end <= end);
        let inside: Vec<usize> = (from..to.max(from)).collect();
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            continue;
        };
        if inside.len() > 8 || !f.toks[first].capitalized {
            continue;
        }
        let names: Vec<usize> =
            inside
                .iter()
                .filter_map(|&t| claims.owner(t))
                .fold(Vec::new(), |mut v, id| {
                    if !v.contains(&id) {
                        v.push(id);
                    }
                    v
                });
        if names.iter().any(|&id| {
            claims
                .tokens(id)
                .is_some_and(|(a, b)| a < first || b > last)
        }) {
            continue;
        }
        let cue_before = (first.saturating_sub(2)..first)
            .any(|t| f.toks[t].end <= start && words::has(words::WORK_KINDS, &f.folded[t]));
        let cue_after = (last + 1..(last + 4).min(f.toks.len()))
            .any(|t| f.toks[t].start >= end && words::has(words::WORK_KINDS, &f.folded[t]));
        let after = f.text[end..].trim_start_matches(['“', '”', '"', '»', '‘']);
        let dated = year_in_brackets(after);
        let chained = last_title_end.is_some_and(|e| {
            let between = f.text[e..start]
                .trim_matches(|c: char| QUOTES.iter().any(|q| q.0 == c || q.1 == c));
            matches!(between.trim(), "und" | "and" | "oder" | "or" | "e" | ",")
        });
        let covered_whole = names.len() == 1
            && claims
                .tokens(names[0])
                .is_some_and(|(a, b)| a == first && b == last);
        let title_case = inside.len() >= 2
            && inside.iter().all(|&t| {
                f.toks[t].capitalized
                    || f.word(t).chars().count() <= 3
                    || words::has(words::CONNECTORS, &f.folded[t])
            });
        if !(cue_before || cue_after || dated || chained || title_case && !covered_whole) {
            continue;
        }
        last_title_end = Some(end);
        for id in names {
            claims.release(id);
        }
    }
}

/// Text that opens with a year in brackets: " (1954)".
fn year_in_brackets(after: &str) -> bool {
    let b = after.trim_start().as_bytes();
    b.len() >= 6 && b[0] == b'(' && b[1..5].iter().all(u8::is_ascii_digit) && b[5] == b')'
}

/// "in Sabrina (1954), played by Audrey Hepburn": an unknown name followed by a year in
/// brackets is the title of a work.
fn drop_dated_works(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((_, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_none() && year_in_brackets(&f.text[f.toks[b].end..]) {
            claims.release(id);
        }
    }
}

/// "the Macedonian king", "a Sephardic population", "Mycenaean civilization": in English, one
/// unknown capitalised word with a people's ending right before a lower-case ordinary word
/// is an adjective of a people, not a name. Given names ("Brian", "Christian") are left.
fn drop_peoples_adjectives(f: &Field, claims: &mut Claims) {
    if f.lang != "en" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if a != b || span.known.is_some() || span.kind_sure {
            continue;
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
        if peoples_ending && before_noun && !after_name {
            claims.release(id);
        }
    }
}

/// German words that open sentences and are no name: "Oder handelt es sich …", "Auch in den
/// älteren Teilen …" (the river Oder, a French town, a tagger's guess), and a known town's name
/// used as the noun it also is, after a word that is neither article, preposition nor
/// conjunction ("wenig Essen", "zwei weitere Male"; "in Essen" stays).
fn drop_common_words_read_as_known(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        let t = &f.toks[a];
        if a != b || t.all_caps || !t.capitalized {
            continue;
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
        if opener || town_as_noun {
            claims.release(id);
        }
    }
}

/// "700 v. Chr.", "n. Chr.": the German era abbreviation is not a name.
fn drop_era_abbreviation(f: &Field, claims: &mut Claims) {
    if f.lang != "de" {
        return;
    }
    for id in claims.ids() {
        let Some((a, b)) = claims.tokens(id) else {
            continue;
        };
        if a == b
            && a > 0
            && f.word(a) == "Chr"
            && matches!(f.word(a - 1), "v" | "n")
            && f.text[f.toks[a].end..].starts_with('.')
        {
            claims.release(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::lexicon::Lexicon;
    use crate::nlp::recognize::recognize_with;

    fn names(text: &str, lang: &str) -> Vec<String> {
        let lex = crate::nlp::lexicon::get();
        names_with(text, lang, lex)
    }

    fn names_with(text: &str, lang: &str, lex: &Lexicon) -> Vec<String> {
        recognize_with(text, lang, false, lex, crate::nlp::tagger::embedded())
            .into_iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn titles_of_works_in_quotes_are_not_names() {
        let text = "Kesha and Pebe co-wrote the song \" Stephen \" together.";
        assert!(!names(text, "en").contains(&"Stephen".to_string()));
        let text = "Es ist natürlich die Wahl, nicht „Game of Thrones“.";
        assert!(names(text, "de").iter().all(|n| !n.contains("Game")));
        let text = "Sie nahmen ihre Version von „Knuck If You Buck“ auf einem Laptop auf.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
    }

    #[test]
    fn titles_shown_by_what_follows_them() {
        let text = "Erschienen sind „The Winds of Winter“ und „A Dream of Spring“ noch nicht.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        let text = "Es erschien „Shaky Ground“, die Single daraus, im Mai.";
        assert!(names(text, "de").is_empty(), "{:?}", names(text, "de"));
        let text = "Er spielte den Playboy in „Sabrina“ (1954) neben Audrey Hepburn.";
        assert_eq!(names(text, "de"), ["Audrey Hepburn"]);
        let text = "He played a playboy in Sabrina (1954), with Audrey Hepburn.";
        assert_eq!(names(text, "en"), ["Audrey Hepburn"]);
    }

    #[test]
    fn names_quoted_without_being_titles_stay() {
        let text = "The newspaper \" Die ZEIT \" first reported it.";
        assert!(names(text, "en").contains(&"Die ZEIT".to_string()));
        let text = "„Kabeljau in der Keltischen See könnte aussterben“, sagte er.";
        assert!(names(text, "de").contains(&"Keltischen See".to_string()));
        let text = "\" Some men get it and Bono is one of those guys, \" she said.";
        assert!(names(text, "en").contains(&"Bono".to_string()));
    }

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
