//! What is particular to German names: capitalised adjectives inside a sentence belong to a
//! name ("Nordirischen Versammlung"), and a compound names its kind in its last part
//! ("Bundespresseamt" is an organisation, "Neustadt" a place).

use super::{Claims, Field};
use crate::nlp::Kind;
use crate::nlp::cues;
use crate::nlp::token::Gap;
use crate::nlp::words;

/// German capitalises an adjective inside a sentence only when it is part of a name:
/// "Nordirischen Versammlung", "Keltischen See", "Schwarze Meer", "Deutschen Reich".
pub fn adjective_names(f: &Field, claims: &mut Claims) {
    let n = f.toks.len();
    let is_adjective = |k: usize, claims: &Claims| {
        let t = &f.toks[k];
        let w = f.word(k);
        // Cheap tests first: most capitalised German words are nouns.
        t.capitalized
            && !t.all_caps
            && !t.sentence_start
            && claims.is_free(k)
            && ["e", "en", "er", "es", "em"].iter().any(|e| w.ends_with(e))
            && (w.contains("isch")
                || !f.lex.is_german_noun(w) && f.lex.is_common("de", &w.to_lowercase()))
    };
    let mut i = 0;
    while i < n {
        if !is_adjective(i, claims) {
            i += 1;
            continue;
        }
        let mut k = i;
        while k + 1 < n && f.toks[k].gap == Gap::Space && is_adjective(k + 1, claims) && k - i < 1 {
            k += 1;
        }
        let noun = k + 1;
        let noun_ok = noun < n
            && f.toks[k].gap == Gap::Space
            && claims.is_free(noun)
            && f.toks[noun].capitalized
            && (f.lex.is_german_noun(f.word(noun)) || f.is_german_compound(f.word(noun)));
        if !noun_ok {
            i = k + 1;
            continue;
        }
        let head = &f.folded[noun];
        if cues::is_misc_head(head) || cues::is_german_misc_compound(head) {
            i = noun + 1;
            continue;
        }
        let kind = if cues::is_place_head(head) || cues::is_german_place_noun(head) {
            Kind::Place
        } else if cues::is_org_head(head) || cues::is_german_org_noun(head) {
            Kind::Organization
        } else {
            // "Spanische Inquisition", "Mykenische Kultur": names of other things.
            i = noun + 1;
            continue;
        };
        claims.claim(i, noun, f.unknown_name(i, noun, kind, true));
        i = noun + 1;
    }
}

/// German compounds name their kind in their last part: "Bundespresseamt" is an
/// organisation, "Neustadt" a place.
pub fn compound_kind(folded: &str) -> Option<Kind> {
    let long = folded.chars().count() >= 7;
    if long && words::ends_with_any(words::COMPOUND_ORG_ENDINGS, folded) {
        Some(Kind::Organization)
    } else if long && words::ends_with_any(words::COMPOUND_PLACE_ENDINGS, folded) {
        Some(Kind::Place)
    } else {
        None
    }
}
