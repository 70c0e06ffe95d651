//! What a capitalised word is doing, asked of the closed word lists in [`super::words`]:
//! titles and roles that announce a person, head nouns that make a name an organisation or a
//! place, the small words that may sit inside a name, and words that are never names.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::words::{self, has};

/// A long list hashed on first use: the long lists are asked about every capitalised word,
/// and hashing beats a binary search over a few hundred words there.
fn hashed(
    cell: &'static OnceLock<FxHashSet<&'static str>>,
    list: &'static [&'static str],
    word: &str,
) -> bool {
    cell.get_or_init(|| list.iter().copied().collect())
        .contains(word)
}

/// Words before a name that say it is a person ("Präsident", "ministro", "Mr").
pub fn is_person_trigger(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    hashed(&SET, words::PERSON_TRIGGERS, folded)
        || words::ends_with_any(words::PERSON_TRIGGER_ENDINGS, folded)
}

/// Verbs of saying right after a name: it is a person ("Rudenko said", "sagte Kahl").
pub fn is_speech_verb(folded: &str) -> bool {
    has(words::SPEECH_VERBS, folded)
}

/// Nouns that make a name an organisation: "… Institute", "Institut für …", "Ministero …".
pub fn is_org_head(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    hashed(&SET, words::ORG_HEADS, folded)
}

/// Nouns that make a name a place: "… River", "Lago …", "… Street".
pub fn is_place_head(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    hashed(&SET, words::PLACE_HEADS, folded)
}

/// Last words of events, works and laws: "Paris Agreement", "Davis Cup", "Nobel Prize".
pub fn is_misc_head(folded: &str) -> bool {
    has(words::MISC_HEADS, folded)
}

/// German compound event words: "Weltkrieg", "Koreakrieg", "Friedensabkommen".
pub fn is_german_misc_compound(folded: &str) -> bool {
    words::ends_with_any(words::GERMAN_MISC_ENDINGS, folded)
}

/// German nouns that make an adjective + noun name a place: "Keltischen See", "Schwarze Meer".
pub fn is_german_place_noun(folded: &str) -> bool {
    has(words::GERMAN_PLACE_NOUNS, folded)
}

/// German nouns that make an adjective + noun name an organisation: "Nordirischen Versammlung".
pub fn is_german_org_noun(folded: &str) -> bool {
    has(words::GERMAN_ORG_NOUNS, folded)
}

/// Compass and position words that make a new place of a known one ("Northern Ireland").
pub fn is_directional(folded: &str) -> bool {
    has(words::DIRECTIONAL, folded)
}

/// Prepositions after which a lone name is usually a place ("in Seoul", "nach Kiew", "a Mosca").
pub fn is_locative(folded: &str) -> bool {
    has(words::LOCATIVES, folded)
}

/// Small words that may sit inside a multi-word name ("Institute for the Study of War",
/// "Corea del Nord", "Ursula von der Leyen", "Mohammed bin Salman").
pub fn is_connector(folded: &str) -> bool {
    has(words::CONNECTORS, folded)
}

/// Particles that belong to a person's name ("von der Leyen", "da Silva", "bin Salman").
pub fn is_name_particle(folded: &str) -> bool {
    has(words::NAME_PARTICLES, folded)
}

/// Capitalised words that are not names: months, weekdays, and words capitalised by convention.
pub fn is_never_name(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    hashed(&SET, words::NEVER_NAMES, folded)
}

/// English demonyms and nationality adjectives: capitalised, but not names of entities.
pub fn is_demonym(folded: &str) -> bool {
    static SET: OnceLock<FxHashSet<&str>> = OnceLock::new();
    hashed(&SET, words::DEMONYMS, folded)
}
