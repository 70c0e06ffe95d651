//! Guesses an article's language as an ISO 639-1 code (`und` when unsure), with whatlang's
//! trigram models: offline, small, and good on news-length text.

use whatlang::Lang;

/// How much of an article the guess looks at.
const SAMPLE_CHARS: usize = 600;
/// Fewer letters than this and a guess is no better than chance.
const MIN_LETTERS: usize = 20;
/// whatlang's confidence below which we say `und` rather than guess.
const MIN_CONFIDENCE: f64 = 0.25;

/// The language of `text`, `und` when it is too short or too ambiguous to tell.
pub fn detect(text: &str) -> String {
    // A sample from the start is enough (whatlang is reliable on a few hundred letters) and
    // keeps detection from dominating load time.
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return "und".into();
    }
    if let Some(code) = by_function_words(sample) {
        return code.into();
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || info.confidence() >= MIN_CONFIDENCE => {
            iso639_1(info.lang()).into()
        }
        _ => "und".into(),
    }
}

/// Function words of the languages most news comes in. They are so frequent that a few
/// hundred letters of text settle the question cheaply; whatlang decides the rest.
pub(crate) const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "der", "die", "das", "und", "ist", "nicht", "mit", "sich", "des", "dem", "den", "ein",
            "eine", "auf", "für", "von", "zu", "im", "auch", "wird", "werden", "sind", "hat",
            "nach", "bei", "einer", "über", "wurde", "aus", "zum",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "in", "that", "for", "with", "was", "on", "as", "by",
            "are", "be", "this", "from", "has", "have", "it", "which", "were", "an", "not", "but",
            "their", "its", "said", "been", "would",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "la", "per", "non", "una", "sono", "del", "della", "con", "gli",
            "le", "da", "al", "nel", "alla", "dei", "è", "anche", "più", "ha", "come", "delle",
            "degli", "questo", "essere", "lo", "nella", "ai",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "des", "et", "est", "une", "du", "que", "pour", "dans", "qui",
            "pas", "au", "sur", "avec", "il", "ce", "sont", "par", "plus", "aux", "été", "ont",
            "mais", "cette", "ses", "leur", "elle", "nous",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "de", "que", "y", "los", "las", "del", "se", "por", "un", "una", "con",
            "para", "es", "al", "lo", "como", "más", "pero", "sus", "le", "ha", "este", "fue",
            "son", "está", "entre", "cuando", "muy",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "para",
            "com", "não", "por", "mais", "ao", "foi", "como", "seu", "sua", "ou", "são", "pela",
            "pelo", "também", "já", "está", "isso",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "en", "van", "is", "dat", "op", "te", "zijn", "niet", "met",
            "voor", "die", "er", "aan", "ook", "als", "bij", "om", "maar", "naar", "dan", "werd",
            "wordt", "hij", "ze", "heeft", "nog", "door",
        ],
    ),
];

/// The language whose function words clearly dominate the first words of `sample`: at least
/// six hits and twice as many as any other language.
fn by_function_words(sample: &str) -> Option<&'static str> {
    // word → bit set of the languages it is a function word of
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (k, (_, words)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *words {
                *m.entry(*w).or_insert(0u8) |= 1 << k;
            }
        }
        m
    });
    let mut hits = [0usize; FUNCTION_WORDS.len()];
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(120)
    {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if let Some(&bits) = index.get(lower.as_str()) {
            for (k, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(bits & (1 << k) != 0);
            }
        }
    }
    let (best, &top) = hits.iter().enumerate().max_by_key(|&(_, h)| *h)?;
    let runner_up = hits
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != best)
        .map(|(_, &h)| h)
        .max()
        .unwrap_or(0);
    (top >= 6 && top >= 2 * runner_up).then_some(FUNCTION_WORDS[best].0)
}

/// A language tag from metadata (`de`, `de-DE`, `it_IT`, `EN`) reduced to its ISO 639-1 code.
pub fn from_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (primary.len() == 2 && primary.bytes().all(|b| b.is_ascii_lowercase())).then_some(primary)
}

fn iso639_1(lang: Lang) -> &'static str {
    use Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_news_languages() {
        assert_eq!(
            detect(
                "Russland hat auch die Beziehungen zu Nordkorea intensiviert, sagte der Minister am Dienstag."
            ),
            "de"
        );
        assert_eq!(
            detect("La Russia sta cercando di creare una coalizione per contrastare l'Occidente."),
            "it"
        );
        assert_eq!(
            detect(
                "Russia is trying to build a coalition against the West, analysts said on Tuesday."
            ),
            "en"
        );
        assert_eq!(
            detect(
                "La Russie tente de construire une coalition contre l'Occident, selon les analystes."
            ),
            "fr"
        );
    }

    #[test]
    fn function_words_decide_clear_cases_only() {
        let de = "Der Minister sagte am Dienstag, dass die Regierung mit den Partnern über die Lage auf der Halbinsel sprechen und eine Lösung für das Problem finden wird, die von allen getragen werden kann.";
        assert_eq!(by_function_words(de), Some("de"));
        assert_eq!(by_function_words("Putin Kim Xi Macron Scholz Meloni"), None);
    }

    #[test]
    fn too_short_is_und() {
        assert_eq!(detect("Putin"), "und");
        assert_eq!(detect("12345 67890 !!!"), "und");
    }

    #[test]
    fn tags() {
        assert_eq!(from_tag("de-DE").as_deref(), Some("de"));
        assert_eq!(from_tag("it_IT").as_deref(), Some("it"));
        assert_eq!(from_tag("EN").as_deref(), Some("en"));
        assert_eq!(from_tag("german"), None);
    }
}
