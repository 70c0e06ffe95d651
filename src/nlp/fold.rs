//! Normal forms of names, for lookup and for comparing spellings across languages.
//!
//! [`key`] is for exact lookup: lower case, accents and hyphens gone, so "Kim Jong-un",
//! "Kim Jong Un" and "KIM JONG UN" meet, and "Pjöngjang" meets "Pjongjang". [`skeleton`] goes
//! further, for one name written in several transliterations: German, Italian and English
//! render Russian, Persian or Korean names differently (Sergej Schoigu / Sergei Shoigu,
//! Wladimir / Vladimir, Selenskyj / Zelensky), and the skeleton folds those differences.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cased, accent-free, `ß` → `ss`, typographic apostrophes straightened.
pub fn fold_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Appends the folded form of `word` to `out`.
pub fn fold_into(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in word.nfkd() {
        match c {
            c if is_combining_mark(c) => {}
            'ß' => out.push_str("ss"),
            '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
            'ı' => out.push('i'),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The lookup key of a name given as words: folded words joined by single spaces.
pub fn key<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for w in words {
        for part in w
            .split(['-', ' ', '.', '\'', '’'])
            .filter(|p| !p.is_empty())
        {
            if !out.is_empty() {
                out.push(' ');
            }
            fold_into(part, &mut out);
        }
    }
    out
}

/// The key of a name written as one string ("Kim Jong-un" → "kim jong un").
pub fn key_of(name: &str) -> String {
    key(name.split_whitespace())
}

/// A transliteration-blind form of one folded word: Andrej/Andrei/Andrey, Schoigu/Shoigu,
/// Lawrow/Lavrov, Selenskyj/Zelensky, Gerassimow/Gerasimov, Sacharowa/Zakharova meet.
pub fn skeleton(folded_word: &str) -> String {
    // One pass for the consonant clusters, one for the vowels, then doubled letters.
    let b = folded_word.as_bytes();
    let mut first = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (out, used): (&str, usize) = if rest.starts_with(b"tsch") {
            ("h", 4)
        } else if rest.starts_with(b"dsch") {
            ("y", 4)
        } else if rest.starts_with(b"sch") {
            ("sh", 3)
        } else if rest.starts_with(b"kh") || rest.starts_with(b"ch") {
            ("h", 2)
        } else if rest.starts_with(b"ph") {
            ("f", 2)
        } else if rest.starts_with(b"ck") {
            ("k", 2)
        } else if rest.starts_with(b"ou") {
            ("u", 2)
        } else {
            match rest[0] {
                b'w' => ("v", 1),
                b'j' => ("y", 1),
                b'z' => ("s", 1),
                b'x' => ("ks", 1),
                _ => {
                    // Not one of ours (also any non-ASCII character): copy it whole.
                    let c = folded_word[i..].chars().next().expect("in bounds");
                    first.push(c);
                    i += c.len_utf8();
                    continue;
                }
            }
        };
        first.push_str(out);
        i += used;
    }
    let chars: Vec<char> = first.chars().collect();
    let mut second = String::with_capacity(chars.len());
    let mut k = 0;
    while k < chars.len() {
        match (chars[k], chars.get(k + 1)) {
            ('e', Some('y')) => {
                second.push_str("ei");
                k += 2;
            }
            ('i' | 'y', Some('y')) | ('i', Some('i')) => {
                second.push('i');
                k += 2;
            }
            (c, _) => {
                second.push(c);
                k += 1;
            }
        }
    }
    if second.ends_with('y') && second.len() > 2 {
        second.pop();
        second.push('i');
    }
    // Doubled letters are a spelling habit, not a different name (Raissi / Raisi).
    let mut out = String::with_capacity(second.len());
    let mut prev = None;
    for c in second.chars() {
        if Some(c) != prev {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_meet_across_spelling() {
        assert_eq!(key_of("Kim Jong-un"), "kim jong un");
        assert_eq!(key_of("KIM JONG UN"), "kim jong un");
        assert_eq!(key_of("Pjöngjang"), key_of("Pjongjang"));
        assert_eq!(key_of("Außenminister"), "aussenminister");
        assert_eq!(key_of("U.S."), "u s");
        assert_eq!(key_of("l’Occidente"), "l occidente");
    }

    #[test]
    fn skeletons_fold_transliteration() {
        let same = [
            ("andrej", "andrei"),
            ("andrey", "andrei"),
            ("sergej", "sergei"),
            ("schoigu", "shoigu"),
            ("wladimir", "vladimir"),
            ("lawrow", "lavrov"),
            ("selenskyj", "zelensky"),
            ("gerassimow", "gerasimov"),
            ("sacharowa", "zakharova"),
            ("raissi", "raisi"),
            ("alexej", "aleksei"),
            ("jewgeni", "yevgeny"),
            ("dmitrij", "dmitry"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
        assert_ne!(skeleton("un"), skeleton("il"));
        assert_eq!(skeleton("chruschtschow"), "hrushov");
        assert_eq!(skeleton("pjöngjang"), "pyöngyang");
        assert_ne!(skeleton("jong"), skeleton("yo"));
    }
}
