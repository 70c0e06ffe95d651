//! The lexicons behind recognition, embedded in the binary and parsed once on first use:
//! the hand-made `curated.tsv` and the generated `places.tsv` (entities with their aliases in
//! many languages), German common nouns, given names, and the common words of English, German
//! and Italian. See `assets/nlp/NOTICE.md` for sources and licences, and
//! `scripts/build_lexicons.py` for how the generated files are made.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use super::Kind;
use super::fold::key_of;

/// An entity the lexicon knows.
#[derive(Debug, Clone)]
pub struct Known {
    pub id: &'static str,
    pub kind: Kind,
    pub name: &'static str,
    /// A city from the generated list: its one-word names may also be ordinary words
    /// elsewhere ("Mein"), so they are not trusted at the start of a sentence.
    pub minor: bool,
}

/// What an alias key stands for, and how its words must be written in the text.
#[derive(Debug, Clone)]
pub struct Alias {
    pub entity: u32,
    /// Every written form is an acronym ("US", "WHO"): the text must match it exactly.
    pub acronym: Option<&'static str>,
    /// Per word: may the text write it in lower case ("del", "für", "von der")?
    pub lower_ok: Vec<bool>,
    /// The written forms, to tell "Über" (a German word) from "Uber" once both fold alike.
    pub forms: Vec<&'static str>,
}

impl Alias {
    /// Text with accents or umlauts must be one of the written forms (or begin like one, for
    /// inflected forms); text without them may stand for any ("Erdogan" for "Erdoğan").
    /// A name of several words is specific enough to be itself under any accents: Spanish
    /// writes "Vladímir Putin".
    pub fn diacritics_fit(&self, text: &str) -> bool {
        if text.is_ascii() || self.lower_ok.len() > 1 {
            return true;
        }
        let norm = |s: &str| s.to_lowercase().replace(['-', '‐'], " ");
        let text = norm(text);
        self.forms.iter().any(|f| text.starts_with(&norm(f)))
    }
}

/// The entities and word lists recognition asks about. Its tables are private: the
/// recogniser and linking ask the few questions below, and tests build a small one with
/// [`Lexicon::from_sources`].
pub struct Lexicon {
    known: Vec<Known>,
    aliases: FxHashMap<String, Alias>,
    /// Multi-word aliases by [`german_stem_key`], so that inflected German adjectives meet
    /// ("Vereinigten Staaten", "Republikanischen Partei").
    stem_aliases: FxHashMap<String, u32>,
    /// Aliases of people by the transliteration-blind skeleton of their words, so that a
    /// spelling the list lacks still finds its person ("Volodymyr Zelenskiy", "Selenskyj").
    person_skeletons: FxHashMap<String, u32>,
    /// For each first word of an alias (also its German stem), the most words an alias that
    /// starts with it has: most words start none, and are passed over at once.
    first_words: FxHashMap<String, usize>,
    /// The first words of aliases that may be written in lower case ("dpa", "al-Qaeda"): a
    /// lower-case word of the text is looked up only if it is one of these.
    lower_first_words: FxHashSet<String>,
    /// Per folded alias word, the kinds of the names it is part of; built on first use.
    word_kinds: OnceLock<FxHashMap<String, u8>>,
    /// The frequent words of en, de, it, folded ([`super::fold::fold_word`]); built on first use.
    frequent_folded: OnceLock<[FxHashSet<String>; 3]>,
    de_nouns: FxHashSet<&'static str>,
    first_names: FxHashSet<&'static str>,
    common_en: FxHashSet<&'static str>,
    common_de: FxHashSet<&'static str>,
    common_it: FxHashSet<&'static str>,
}

/// The text a lexicon is built from: entity tables (rows as in `curated.tsv`; earlier tables
/// win an alias they share with later ones) and one-word-per-line lists.
pub struct Sources {
    pub entities: &'static [&'static str],
    pub de_nouns: &'static str,
    pub first_names: &'static str,
    pub common_en: &'static str,
    pub common_de: &'static str,
    pub common_it: &'static str,
}

const CURATED: &str = include_str!("../../assets/nlp/curated.tsv");
const PLACES: &str = include_str!("../../assets/nlp/places.tsv");
const DE_NOUNS: &str = include_str!("../../assets/nlp/de_nouns.txt");
const FIRST_NAMES: &str = include_str!("../../assets/nlp/first_names.txt");
const COMMON_EN: &str = include_str!("../../assets/nlp/common_en.txt");
const COMMON_DE: &str = include_str!("../../assets/nlp/common_de.txt");
const COMMON_IT: &str = include_str!("../../assets/nlp/common_it.txt");

/// One entity row of `curated.tsv` or `places.tsv`.
#[derive(Debug, PartialEq, Eq)]
struct Row {
    id: &'static str,
    kind: Kind,
    name: &'static str,
    aliases: &'static str,
    /// A city from the generated list (fifth column `city`; `country` and `state` are not).
    minor: bool,
}

/// A row as the columns say (id, kind, English name, aliases separated by `|`, optionally
/// `city`, `country` or `state`), or what is wrong with it.
fn parse_row(line: &'static str) -> Result<Row, String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    let &[id, kind, name, aliases, ref rest @ ..] = &cols[..] else {
        return Err(format!("{} columns, want 4 or 5", cols.len()));
    };
    let kind = Kind::parse(kind).ok_or_else(|| format!("unknown kind {kind:?}"))?;
    if id.is_empty()
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(format!("id {id:?} is not a slug"));
    }
    if name.trim().is_empty() || aliases.split('|').all(|a| a.trim().is_empty()) {
        return Err("no name or no alias".into());
    }
    // The generated places say what they are; only cities are minor.
    let minor = match rest {
        [] | ["country" | "state"] => false,
        ["city"] => true,
        _ => return Err(format!("unexpected columns after the aliases: {rest:?}")),
    };
    Ok(Row {
        id,
        kind,
        name,
        aliases,
        minor,
    })
}

/// The lexicon, built on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::from_sources(&Sources {
            // Curated first: where both name the same alias, the hand-made entry wins.
            entities: &[CURATED, PLACES],
            de_nouns: DE_NOUNS,
            first_names: FIRST_NAMES,
            common_en: COMMON_EN,
            common_de: COMMON_DE,
            common_it: COMMON_IT,
        })
    })
}

fn words(list: &'static str) -> FxHashSet<&'static str> {
    list.lines().filter(|l| !l.is_empty()).collect()
}

impl Lexicon {
    /// A lexicon of the given tables and lists. Malformed rows are passed over here; the
    /// embedded files have a test that every row parses.
    pub fn from_sources(src: &Sources) -> Lexicon {
        let mut lex = Lexicon {
            known: Vec::new(),
            aliases: FxHashMap::default(),
            stem_aliases: FxHashMap::default(),
            person_skeletons: FxHashMap::default(),
            first_words: FxHashMap::default(),
            lower_first_words: FxHashSet::default(),
            word_kinds: OnceLock::new(),
            frequent_folded: OnceLock::new(),
            de_nouns: words(src.de_nouns),
            first_names: words(src.first_names),
            common_en: words(src.common_en),
            common_de: words(src.common_de),
            common_it: words(src.common_it),
        };
        let mut ids = HashMap::new();
        for line in src.entities.iter().flat_map(|t| t.lines()) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Ok(Row {
                id,
                kind,
                name,
                aliases,
                minor,
            }) = parse_row(line)
            else {
                continue;
            };
            // A generated place that repeats a curated id adds its aliases to it.
            let entity = *ids.entry(id).or_insert_with(|| {
                lex.known.push(Known {
                    id,
                    kind,
                    name,
                    minor,
                });
                (lex.known.len() - 1) as u32
            });
            // The aliases column is complete; the name column may hold a form that the
            // generator dropped as an ordinary word ("Mitte").
            for alias in aliases.split('|') {
                lex.add_alias(alias, entity);
            }
        }
        lex
    }

    fn add_alias(&mut self, alias: &'static str, entity: u32) {
        let alias = alias.trim();
        let key = key_of(alias);
        if key.is_empty() {
            return;
        }
        let words: Vec<&str> = alias
            .split([' ', '-', '.', '\'', '’'])
            .filter(|w| !w.is_empty())
            .collect();
        let acronym = is_acronym(alias).then_some(alias);
        let first = key.split(' ').next().unwrap_or_default();
        for w in [first, german_stem(first)] {
            let max = self.first_words.entry(w.to_owned()).or_insert(0);
            *max = (*max).max(words.len());
        }
        if self.known[entity as usize].kind == Kind::Person {
            self.person_skeletons
                .entry(skeleton_key(&key))
                .or_insert(entity);
        }
        if words.len() > 1 {
            self.stem_aliases
                .entry(german_stem_key(&key))
                .or_insert(entity);
        }
        let lower_ok: Vec<bool> = words
            .iter()
            .map(|w| w.chars().next().is_some_and(|c| !c.is_uppercase()))
            .collect();
        if lower_ok.first() == Some(&true) {
            self.lower_first_words
                .insert(key.split(' ').next().unwrap_or_default().to_owned());
        }
        match self.aliases.get_mut(&key) {
            Some(existing) if existing.entity == entity => {
                existing.forms.push(alias);
                // Another way of writing the same alias: allow what either allows.
                if acronym.is_none() {
                    existing.acronym = None;
                }
                for (a, b) in existing.lower_ok.iter_mut().zip(&lower_ok) {
                    *a |= *b;
                }
            }
            Some(_) => {}
            None => {
                self.aliases.insert(
                    key,
                    Alias {
                        entity,
                        acronym,
                        lower_ok,
                        forms: vec![alias],
                    },
                );
            }
        }
    }

    /// The entity with index `id` (as in [`Alias::entity`] and `Span::known`).
    pub fn known(&self, id: u32) -> &Known {
        &self.known[id as usize]
    }

    /// Every entity, in table order.
    pub fn entities(&self) -> &[Known] {
        &self.known
    }

    /// The alias with this key ([`key_of`]: folded words joined by spaces).
    pub fn alias(&self, key: &str) -> Option<&Alias> {
        self.aliases.get(key)
    }

    /// The entity of a multi-word alias by its [`german_stem_key`].
    pub fn stem_alias(&self, stem_key: &str) -> Option<u32> {
        self.stem_aliases.get(stem_key).copied()
    }

    /// The person whose alias has this [`skeleton_key`].
    pub fn person_by_skeleton(&self, skeleton: &str) -> Option<u32> {
        self.person_skeletons.get(skeleton).copied()
    }

    /// The most words an alias starting with this folded word has (0: it starts none).
    pub fn longest_alias_from(&self, first_word: &str) -> usize {
        self.first_words.get(first_word).copied().unwrap_or(0)
    }

    /// Whether some alias starts with this folded word written in lower case ("dpa").
    pub fn may_start_lower(&self, first_word: &str) -> bool {
        self.lower_first_words.contains(first_word)
    }

    /// For each folded word of the aliases, the kinds of the names it is part of (bits:
    /// person 1, place 2, organisation 4, other 8; 16 when it is a whole one-word alias).
    pub fn word_kinds(&self) -> &FxHashMap<String, u8> {
        self.word_kinds.get_or_init(|| {
            let mut map: FxHashMap<String, u8> = FxHashMap::default();
            for (key, alias) in &self.aliases {
                let bit = match self.known(alias.entity).kind {
                    Kind::Person => 1,
                    Kind::Place => 2,
                    Kind::Organization => 4,
                    Kind::Other => 8,
                };
                let single = !key.contains(' ');
                for w in key.split(' ') {
                    *map.entry(w.to_owned()).or_default() |= bit | if single { 16 } else { 0 };
                }
            }
            map
        })
    }

    /// "mongolian", "italians", "icelandic": a folded word made from the name of a country
    /// or region the lexicon knows by an English demonym ending. Cities are left out: too
    /// many surnames end like a town plus "-an".
    pub fn is_place_demonym(&self, folded: &str) -> bool {
        // Ending, and what the place's name may end in where the ending replaced it.
        const ENDINGS: &[(&str, &[&str])] = &[
            ("ians", &["a", "ia", ""]),
            ("ian", &["a", "ia", ""]),
            ("eans", &["e", "ea", ""]),
            ("ean", &["e", "ea", ""]),
            ("ans", &["a", "", "e", "o"]),
            ("an", &["a", "", "e", "o"]),
            ("ese", &[""]),
            ("ic", &[""]),
            ("ites", &[""]),
            ("ite", &[""]),
            ("i", &[""]),
        ];
        if folded.len() < 5 || !folded.is_ascii() || self.aliases.contains_key(folded) {
            return false;
        }
        let mut candidate = String::with_capacity(folded.len() + 2);
        for (ending, restore) in ENDINGS {
            let Some(stem) = folded.strip_suffix(ending).filter(|s| s.len() >= 3) else {
                continue;
            };
            for add in *restore {
                candidate.clear();
                candidate.push_str(stem);
                candidate.push_str(add);
                if let Some(alias) = self.aliases.get(&candidate) {
                    let k = self.known(alias.entity);
                    if k.kind == Kind::Place && !k.minor {
                        return true;
                    }
                }
            }
        }
        false
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// A German common noun (any inflected form), written as in the text.
    pub fn is_german_noun(&self, word: &str) -> bool {
        self.de_nouns.contains(word)
    }

    /// Whether `word` is among the frequent words of `lang` (a Zipf frequency of 3 or more;
    /// German nouns count only when frequent too). An unknown language has none.
    pub fn is_frequent(&self, lang: &str, word: &str) -> bool {
        let set = match lang {
            "en" => &self.common_en,
            "de" => &self.common_de,
            "it" => &self.common_it,
            _ => return false,
        };
        // Asked of every word when related stories are computed: most are lower-case ASCII.
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return set.contains(word);
        }
        // wordfreq folds case the Unicode way ("ß" as "ss").
        set.contains(word.to_lowercase().replace('ß', "ss").as_str())
    }

    /// [`Lexicon::is_frequent`] for a folded word (lower case, no diacritics): no allocation,
    /// for asking of every word of a corpus. Folding merges a few words ("schon"/"schön").
    pub fn is_frequent_folded(&self, lang: &str, folded: &str) -> bool {
        self.frequent_folded_words(lang)
            .is_some_and(|set| set.contains(folded))
    }

    /// The frequent words of `lang` folded ([`Lexicon::is_frequent_folded`]), for a language
    /// that has a list.
    pub fn frequent_folded_words(&self, lang: &str) -> Option<&FxHashSet<String>> {
        let i = match lang {
            "en" => 0,
            "de" => 1,
            "it" => 2,
            _ => return None,
        };
        let sets = self.frequent_folded.get_or_init(|| {
            let fold =
                |set: &FxHashSet<&str>| set.iter().map(|w| super::fold::fold_word(w)).collect();
            [
                fold(&self.common_en),
                fold(&self.common_de),
                fold(&self.common_it),
            ]
        });
        Some(&sets[i])
    }

    /// Whether `word` is an ordinary word of `lang`, written in lower case there.
    pub fn is_common(&self, lang: &str, word: &str) -> bool {
        // Asked several times of every capitalised word: lower-case ASCII on the stack.
        let mut buf = [0u8; 48];
        let owned;
        let lower: &str = if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).expect("ASCII")
        } else {
            // wordfreq folds case the Unicode way: "Schließlich" is listed as "schliesslich".
            owned = word.to_lowercase().replace('ß', "ss");
            &owned
        };
        match lang {
            "en" => self.common_en.contains(lower),
            "de" => self.common_de.contains(lower) || self.de_nouns.contains(word),
            "it" => self.common_it.contains(lower),
            _ => self.common_en.contains(lower) && self.common_it.contains(lower),
        }
    }
}

/// The skeletons of a key's words, joined: "volodymyr zelenskiy" → "volodimir selenski".
pub fn skeleton_key(key: &str) -> String {
    key.split(' ')
        .map(super::fold::skeleton)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A key with the German adjective endings of all but its last word removed:
/// "vereinigten staaten" → "vereinigt staaten".
pub fn german_stem_key(key: &str) -> String {
    let words: Vec<&str> = key.split(' ').collect();
    let mut out = String::with_capacity(key.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i + 1 < words.len() {
            out.push_str(german_stem(w));
        } else {
            out.push_str(w);
        }
    }
    out
}

pub fn german_stem(w: &str) -> &str {
    for ending in ["en", "em", "er", "es", "e"] {
        if let Some(stem) = w.strip_suffix(ending)
            && stem.chars().count() >= 4
        {
            return stem;
        }
    }
    w
}

/// "US", "WHO", "U.S.", "G7": upper case letters (and digits, dots), two to six of them.
pub fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase())
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '+' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_wins_and_aliases_resolve() {
        let lex = get();
        let id = |name: &str| {
            lex.aliases
                .get(&key_of(name))
                .map(|a| lex.known[a.entity as usize].id)
        };
        assert_eq!(id("Pjöngjang"), Some("pyongyang"));
        assert_eq!(id("Corea del Nord"), Some("north_korea"));
        assert_eq!(id("RPDC"), Some("north_korea"));
        assert_eq!(id("Kreml"), Some("kremlin"));
        assert_eq!(id("Wladimir Putin"), Some("vladimir_putin"));
        assert_eq!(id("Kim Jong-un"), Some("kim_jong_un"));
        assert_eq!(id("Kim Jong Il"), Some("kim_jong_il"));
        assert_eq!(id("Kim"), None, "a bare Kim is nobody in particular");
        assert_eq!(id("Pechino"), Some("beijing"));
        assert_eq!(id("Frankreich"), Some("france"));
    }

    #[test]
    fn acronyms_and_case() {
        let lex = get();
        assert_eq!(lex.aliases[&key_of("US")].acronym, Some("US"));
        assert_eq!(lex.aliases[&key_of("U.S.")].acronym, Some("U.S."));
        assert_eq!(lex.aliases[&key_of("WHO")].acronym, Some("WHO"));
        let del = &lex.aliases[&key_of("Corea del Nord")];
        assert_eq!(del.lower_ok, [false, true, false]);
    }

    #[test]
    fn german_inflection_keys() {
        assert_eq!(german_stem_key("vereinigten staaten"), "vereinigt staaten");
        assert_eq!(german_stem_key("vereinigte staaten"), "vereinigt staaten");
        let lex = get();
        assert_eq!(
            lex.stem_aliases
                .get("republikanisch partei")
                .map(|&e| lex.known[e as usize].id),
            Some("republican_party")
        );
    }

    #[test]
    fn people_are_found_under_other_transliterations() {
        let lex = get();
        let id = |k: &str| {
            lex.person_skeletons
                .get(&skeleton_key(k))
                .map(|&e| lex.known[e as usize].id)
        };
        assert_eq!(id("volodymyr zelenskiy"), Some("volodymyr_zelensky"));
        assert_eq!(id("zelenskiy"), Some("volodymyr_zelensky"));
        assert_eq!(id("sergey lavrov"), Some("sergei_lavrov"));
        assert_eq!(id("kim jong il"), Some("kim_jong_il"));
    }

    #[test]
    fn demonyms_of_known_places() {
        let lex = get();
        for w in ["mongolian", "icelandic", "pakistani", "romans", "italians"] {
            assert!(lex.is_place_demonym(w), "{w}");
        }
        for w in ["kardashian", "morgan", "russia", "evans", "nolan"] {
            assert!(!lex.is_place_demonym(w), "{w}");
        }
    }

    #[test]
    fn word_lists() {
        let lex = get();
        assert!(lex.is_german_noun("Koalition") && lex.is_german_noun("Beziehungen"));
        assert!(!lex.is_german_noun("Russland"));
        assert!(lex.is_first_name("Igor"));
        assert!(lex.is_common("en", "While") && !lex.is_common("en", "Rudenko"));
        assert!(lex.is_common("it", "Come"));
        assert!(lex.is_frequent("de", "durch") && lex.is_frequent("de", "Zusammenarbeit"));
        assert!(
            lex.is_frequent_folded("de", "militarische")
                && !lex.is_frequent_folded("de", "telefongesprach")
        );
        assert!(
            !lex.is_frequent("de", "Telefongespräch") && lex.is_common("de", "Telefongespräch")
        );
    }
}

#[cfg(test)]
mod row_tests {
    use super::*;

    /// A malformed row once vanished silently: every row of both files must parse.
    #[test]
    fn every_lexicon_row_parses() {
        for (file, text) in [("curated.tsv", CURATED), ("places.tsv", PLACES)] {
            for (n, line) in text.lines().enumerate() {
                if line.starts_with('#') || line.trim().is_empty() {
                    continue;
                }
                if let Err(e) = parse_row(line) {
                    panic!("assets/nlp/{file} line {}: {e}: {line:?}", n + 1);
                }
            }
        }
    }

    #[test]
    fn malformed_rows_are_told() {
        assert!(parse_row("x\tperson\tX").unwrap_err().contains("3 columns"));
        assert!(
            parse_row("x\tpeople\tX\tX")
                .unwrap_err()
                .contains("unknown kind")
        );
        assert!(parse_row("X Y\tperson\tX\tX").unwrap_err().contains("slug"));
        assert!(parse_row("x\tperson\tX\t|").unwrap_err().contains("alias"));
        assert!(
            parse_row("x\tplace\tX\tX\ttown")
                .unwrap_err()
                .contains("unexpected")
        );
        assert!(
            parse_row("rome\tplace\tRome\tRome|Roma\tcity")
                .unwrap()
                .minor
        );
    }
}
