//! Where a name found ends, corrected after every pass (outside the tagger's features, so the
//! model is unchanged by them): a regnal number or generation belongs to the name ("Andre Price
//! III"), and so does an epithet ("Ludwig der Deutsche", "Alexander the Great"); capitalised
//! words right before a known place make another place ("Baja California", "Mount Kenya" are
//! not California and Kenya); and a name never runs across punctuation
//! ("Rhone, der Inn").

use super::{Claims, Field, Span};
use crate::nlp::Kind;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// Every boundary correction, in order.
pub fn correct(f: &Field, claims: &mut Claims) {
    split_at_punctuation(f, claims);
    take_suffixes_and_epithets(f, claims);
    widen_places(f, claims);
    if f.lang == "de" {
        take_german_heads(f, claims);
        take_english_words_in_german(f, claims);
    }
}

/// "Universität von Edinburgh", "Kloster Disibodenberg", "Kommune von Madrid": a German
/// institution or landform head right before a name (with or without "von") names with it.
fn take_german_heads(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let Some((a, b)) = claims.tokens(id) else {
            continue;
        };
        let von = a >= 2 && f.folded[a - 1] == "von" && f.toks[a - 1].gap == Gap::Space;
        let Some(h) = a.checked_sub(if von { 2 } else { 1 }) else {
            continue;
        };
        let t = &f.toks[h];
        if !(t.capitalized
            && t.gap == Gap::Space
            && claims.is_free(h)
            && (!von || claims.is_free(a - 1))
            && words::has(words::GERMAN_NAME_HEADS, &f.folded[h]))
        {
            continue;
        }
        let kind = match f.folded[h].as_ref() {
            "universitat" | "hochschule" | "kommune" => Kind::Organization,
            _ => Kind::Place,
        };
        claims.release(id);
        let name = f.unknown_name(h, b, kind, true);
        claims.claim(h, b, name);
    }
}

/// "Australian Open", "Bush House", "Andrew Marr Show", "Nottingham Journal", "Georgetown
/// BID": in German text, capitalised English words (not German ones) or an acronym right
/// after a name belong to it, and make another name.
fn take_english_words_in_german(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        // An acronym after a person is whom they spoke to ("sagte Putin CNN"), not a name.
        let acronyms = span.kind != Kind::Person;
        // An acronym found as a name of its own ("BID") joins too.
        let mut end = b;
        while end + 1 < f.toks.len() && f.toks[end].gap == Gap::Space {
            let i = end + 1;
            let t = &f.toks[i];
            let w = f.word(i);
            if !(claims.is_free(i) || t.all_caps && lone_unknown(claims, i).is_some()) {
                break;
            }
            let english = t.capitalized
                && !t.all_caps
                && f.lex.is_common("en", w)
                && !f.lex.is_common("de", w)
                && !f.lex.is_german_noun(w)
                && !f.is_german_compound(w)
                && w.chars().count() > 2;
            let acronym = acronyms && t.all_caps && w.chars().count() >= 2 && !t.has_digit;
            if !(english || acronym) {
                break;
            }
            end = i;
        }
        if end == b {
            continue;
        }
        release_all(claims, b + 1..=end);
        claims.release(id);
        let name = f.unknown_name(a, end, Kind::Organization, false);
        claims.claim(a, end, name);
    }
}

/// The unknown name of one token that claims token `i` ("Baja", "BID"), if there is one.
pub(super) fn lone_unknown(claims: &Claims, i: usize) -> Option<&Span> {
    let o = claims.owner(i)?;
    let span = claims.get(o)?;
    (claims.tokens(o) == Some((i, i)) && span.known.is_none()).then_some(span)
}

/// Lets go of the names over tokens `range` (a wider name takes them).
pub(super) fn release_all(claims: &mut Claims, range: std::ops::RangeInclusive<usize>) {
    for i in range {
        if let Some(o) = claims.owner(i) {
            claims.release(o);
        }
    }
}

/// "Rhone, der Inn, der Tessin" is three names: a found name that runs across punctuation
/// into a small word is cut into its capitalised runs. (A hyphen or a quote inside a name, as
/// in "Papua - Neuguinea", does not cut it.)
fn split_at_punctuation(f: &Field, claims: &mut Claims) {
    let cut = |i: usize| f.toks[i].gap == Gap::Break && !f.toks[i + 1].capitalized;
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() || !(a..b).any(cut) {
            continue;
        }
        let (kind, sure) = (span.kind, span.kind_sure);
        claims.release(id);
        let mut start = None;
        for i in a..=b {
            if f.toks[i].capitalized && start.is_none() {
                start = Some(i);
            }
            let ends = i == b || cut(i) || !f.toks[i + 1].capitalized;
            if ends && let Some(s) = start.take() {
                let name = f.unknown_name(s, i, kind, sure);
                claims.claim(s, i, name);
            }
        }
    }
}

/// "Andre Price III", "Thutmosis III", "Sammy Davis Jr": a regnal number or generation after
/// a person's name is part of it; "Ludwig der Deutsche", "Lucas Cranach dem Älteren", "Louis
/// the German": so is an epithet after an article.
fn take_suffixes_and_epithets(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() || span.kind != Kind::Person {
            continue;
        }
        let spaced = |i: usize| i + 1 < f.toks.len() && f.toks[i].gap == Gap::Space;
        let free = |i: usize| claims.is_free(i);
        let suffix = spaced(b)
            && free(b + 1)
            && (f.toks[b + 1].all_caps || f.toks[b + 1].capitalized)
            && words::has(words::NAME_SUFFIXES, &f.folded[b + 1]);
        let end = if suffix {
            b + 1
        } else if spaced(b)
            && spaced(b + 1)
            && free(b + 1)
            && free(b + 2)
            && !f.toks[b + 1].capitalized
            && words::has(words::ARTICLES, &f.folded[b + 1])
            && f.toks[b + 2].capitalized
            && words::has(words::EPITHETS, &f.folded[b + 2])
            // "… sagte Müller der Deutschen Welle": an epithet ends the name.
            && (b + 3 >= f.toks.len()
                || f.toks[b + 2].gap == Gap::Break
                || !f.toks[b + 3].capitalized)
        {
            b + 2
        } else {
            continue;
        };
        let sure = span.kind_sure;
        claims.release(id);
        let name = f.unknown_name(a, end, Kind::Person, sure);
        claims.claim(a, end, name);
    }
}

/// "Baja California", "Castelfranco Veneto", "Mount Kenya": capitalised words that are not
/// ordinary words, right before a known place and within a sentence, name another place.
fn widen_places(f: &Field, claims: &mut Claims) {
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_none() || span.kind != Kind::Place {
            continue;
        }
        let mut first = a;
        while first > 0 {
            let i = first - 1;
            let t = &f.toks[i];
            let w = f.word(i);
            // "Mount Kenya", "Lake Victoria" (not in German: "Insel Rügen" is Rügen).
            let head = f.lang != "de" && words::has(words::PLACE_HEADS, &f.folded[i]);
            // A lone unknown word found by another pass ("Baja", "Castelfranco") joins too.
            let lone_unknown = lone_unknown(claims, i).is_some_and(|s| !s.kind_sure);
            let fits = t.gap == Gap::Space
                && t.capitalized
                && !t.all_caps
                && !t.sentence_start
                && !f.headline
                && (claims.is_free(i) || lone_unknown)
                && (head
                    || f.could_be_name(i)
                        && !f.common_here(w)
                        && !(f.lang == "de"
                            && (f.lex.is_german_noun(w) || f.is_german_compound(w)))
                        && !f.lex.is_first_name(w)
                        && !words::has(words::TITLES_BEFORE_NAMES, &f.folded[i]));
            if !fits {
                break;
            }
            first = i;
        }
        if first == a {
            continue;
        }
        release_all(claims, first..=a - 1);
        claims.release(id);
        let name = f.unknown_name(first, b, Kind::Place, false);
        claims.claim(first, b, name);
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::recognize::tests::surfaces as names;

    #[test]
    fn suffixes_and_epithets_belong_to_the_name() {
        assert_eq!(
            names(
                "The painter Lucas Cranach the Elder lived here, and Louis the German ruled.",
                "en"
            ),
            ["Lucas Cranach the Elder", "Louis the German"]
        );
        assert_eq!(
            names("Der Sohn, Andre Price III, wurde festgenommen.", "de"),
            ["Andre Price III"]
        );
        // An epithet ends a name: "Deutschen Welle" is not one.
        let got = names("Das sagte Olaf Scholz der Deutschen Welle am Montag.", "de");
        assert!(got.contains(&"Olaf Scholz".to_owned()), "{got:?}");
    }

    #[test]
    fn a_word_before_a_known_place_makes_another_place() {
        assert_eq!(
            names(
                "They climbed Mount Kenya and visited Baja California and Castelfranco Veneto.",
                "en"
            ),
            ["Mount Kenya", "Baja California", "Castelfranco Veneto"]
        );
        // Ordinary words and titles stay out.
        assert_eq!(
            names("Sie reisten in die Hauptstadt Berlin.", "de"),
            ["Berlin"]
        );
    }

    #[test]
    fn german_heads_and_english_words_make_names_in_german() {
        assert_eq!(
            names(
                "Sie studierte an der Universität von Edinburgh und lebte im Kloster Disibodenberg.",
                "de"
            ),
            ["Universität von Edinburgh", "Kloster Disibodenberg"]
        );
        assert_eq!(
            names("Das Georgetown BID plant ein Fest.", "de"),
            ["Georgetown BID"]
        );
        // A German noun after a name stays out; so does the channel a person spoke to.
        assert_eq!(
            names("Die Universität plant mit Berlin Gespräche.", "de"),
            ["Berlin"]
        );
        assert_eq!(
            names("Das sagte Wladimir Putin CNN am Montag.", "de"),
            ["Wladimir Putin", "CNN"]
        );
    }

    #[test]
    fn a_name_does_not_run_across_a_comma_into_a_small_word() {
        let got = names(
            "Die größten europäischen Flüsse fließen von der Schweiz aus, wie der Rhein, die Rhone, der Inn, der Tessin und der Po, die alle in den Alpen entspringen.",
            "de",
        );
        assert!(
            got.iter().all(|n| !n.contains(',')),
            "a name across a comma: {got:?}"
        );
    }
}
