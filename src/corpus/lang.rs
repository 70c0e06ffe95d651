//! Guesses an article's language as an ISO 639-1 code (`und` when unsure), with whatlang's
//! trigram models: offline, small, and good on news-length text.

use whatlang::Lang;

/// Fewer letters than this and a guess is no better than chance.
const MIN_LETTERS: usize = 20;
/// whatlang's confidence below which we say `und` rather than guess.
const MIN_CONFIDENCE: f64 = 0.25;

/// The language of `text`, `und` when it is too short or too ambiguous to tell.
pub fn detect(text: &str) -> String {
    // A sample from the start is enough and keeps huge articles cheap.
    let sample = match text.char_indices().nth(4000) {
        Some((i, _)) => &text[..i],
        None => text,
    };
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return "und".into();
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || info.confidence() >= MIN_CONFIDENCE => {
            iso639_1(info.lang()).into()
        }
        _ => "und".into(),
    }
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
