//! Normalises the dates found in front matter, JSON fields and HTML meta tags to ISO 8601.
//!
//! Accepted: ISO 8601 / RFC 3339 (`2024-11-27`, `2024-11-27T18:55:00+01:00`, with a space
//! instead of `T`, with fractions), RFC 2822 (`Wed, 27 Nov 2024 18:55:00 +0100`), numeric
//! day-first dates (`27.11.2024`, `27/11/2024`; month-first only when the day-first reading is
//! impossible), and written dates in English, German, Italian, French and Spanish
//! (`27. November 2024`, `27 novembre 2024`, `November 27, 2024`). A date alone becomes
//! `YYYY-MM-DD`; with a time, `YYYY-MM-DDTHH:MM:SS` plus the offset when one was given.

/// The ISO 8601 form of `raw`, or `None` when it is not a date we can read.
pub fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    iso(s).or_else(|| written(s)).or_else(|| numeric(s))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return false,
    };
    (1000..=2999).contains(&y) && (1..=days).contains(&d)
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD`, optionally followed by `T` or a space and a time.
fn iso(s: &str) -> Option<String> {
    // `get` rather than indexing: the text may be in any script, and a byte offset can fall
    // inside a character (`12 мая 2024`).
    let date = s.get(..10)?;
    let (y, m, d) = (
        digits(date.get(..4)?)?,
        digits(date.get(5..7)?)?,
        digits(date.get(8..10)?)?,
    );
    if date.get(4..5)? != "-" || date.get(7..8)? != "-" || !valid(y, m, d) {
        return None;
    }
    let rest = s.get(10..)?;
    if rest.is_empty() {
        return Some(format!("{y:04}-{m:02}-{d:02}"));
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, offset) = time_and_offset(time)?;
    Some(format!("{y:04}-{m:02}-{d:02}T{clock}{offset}"))
}

/// `HH:MM[:SS[.fff]]` then `Z`, `±HH:MM`, `±HHMM`, ` GMT`/` UTC`, or nothing.
fn time_and_offset(t: &str) -> Option<(String, String)> {
    let t = t.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(t.len());
    let (clock, zone) = (&t[..end], t[end..].trim());
    let mut parts = clock.split(':');
    let h = digits(parts.next()?)?;
    let mi = digits(parts.next()?)?;
    let sec = parts
        .next()
        .map(|s| digits(s.split(['.', ',']).next().unwrap_or("")))
        .unwrap_or(Some(0))?;
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let offset = match zone {
        "" => String::new(),
        "Z" | "z" | "GMT" | "UTC" | "UT" => "Z".to_owned(),
        z if z.len() >= 5 && (z.starts_with('+') || z.starts_with('-')) => {
            let body = z.get(1..)?.replace(':', "");
            let (oh, om) = (digits(body.get(..2)?)?, digits(body.get(2..4)?)?);
            if oh > 14 || om > 59 {
                return None;
            }
            format!("{}{oh:02}:{om:02}", z.get(..1)?)
        }
        _ => return None,
    };
    Some((format!("{h:02}:{mi:02}:{sec:02}"), offset))
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("gennaio", 1),
    ("janvier", 1),
    ("enero", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("febbraio", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("marzo", 3),
    ("mars", 3),
    ("mär", 3),
    ("april", 4),
    ("apr", 4),
    ("aprile", 4),
    ("avril", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("maggio", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("giugno", 6),
    ("juin", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("luglio", 7),
    ("juillet", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("agosto", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("settembre", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("ottobre", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("dicembre", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
];

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, m)| m)
}

/// Written dates: `27. November 2024`, `Wed, 27 Nov 2024 18:55:00 +0100`, `November 27, 2024`,
/// `27 de noviembre de 2024`.
fn written(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "de" | "del" | "um" | "at" | "alle" | "à" | "·" | "-" | "|"
                )
        })
        .collect();
    let mi = words.iter().position(|w| month(w).is_some())?;
    let m = month(words[mi])?;
    let num = |w: &str| digits(w.trim_end_matches('.'));
    let (d, y, after) = match (
        mi.checked_sub(1).and_then(|i| num(words[i])),
        words.get(mi + 1).and_then(|w| num(w)),
    ) {
        (Some(d), Some(y)) if d <= 31 && y >= 1000 => (d, y, mi + 2),
        (_, Some(d)) if d <= 31 => (d, words.get(mi + 2).and_then(|w| num(w))?, mi + 3),
        _ => return None,
    };
    if !valid(y, m, d) {
        return None;
    }
    let rest = words.get(after..).unwrap_or(&[]).join(" ");
    if let Some((clock, offset)) = (!rest.is_empty()).then(|| time_and_offset(&rest)).flatten() {
        return Some(format!("{y:04}-{m:02}-{d:02}T{clock}{offset}"));
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// `27.11.2024`, `27/11/2024`, `11/27/2024` (only when day-first is impossible).
fn numeric(s: &str) -> Option<String> {
    let date = s.split_whitespace().next()?;
    let sep = if date.contains('.') { '.' } else { '/' };
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, y] = parts[..] else { return None };
    let (a, b, y) = (digits(a)?, digits(b)?, digits(y)?);
    let (d, m) = if b > 12 && sep == '/' { (b, a) } else { (a, b) };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn formats() {
        let cases = [
            ("2024-11-27", "2024-11-27"),
            ("2024-11-27T18:55:00Z", "2024-11-27T18:55:00Z"),
            ("2024-11-27 18:55", "2024-11-27T18:55:00"),
            ("2024-11-27T18:55:00.123+0100", "2024-11-27T18:55:00+01:00"),
            (
                "Wed, 27 Nov 2024 18:55:00 +0100",
                "2024-11-27T18:55:00+01:00",
            ),
            ("27. November 2024", "2024-11-27"),
            ("27 novembre 2024", "2024-11-27"),
            ("November 27, 2024", "2024-11-27"),
            ("27 de noviembre de 2024", "2024-11-27"),
            ("19. März 2024", "2024-03-19"),
            ("27.11.2024", "2024-11-27"),
            ("11/27/2024", "2024-11-27"),
            ("03/04/2024", "2024-04-03"),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw).as_deref(), Some(want), "{raw}");
        }
    }

    /// Dates in other scripts once sliced a string inside a character and crashed the run.
    #[test]
    fn any_script_is_read_or_refused_never_a_crash() {
        for raw in [
            "12 мая 2024",
            "19 Μαΐ 2024",
            "19 июня 2024",
            "2024年5月12日",
            "١٢ مايو ٢٠٢٤",
        ] {
            assert_eq!(normalize(raw), None, "{raw}");
        }
        assert_eq!(normalize("12 May 2024 ¡").as_deref(), Some("2024-05-12"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any Unicode string: a well-formed ISO date or `None`, never a panic.
        #[test]
        fn never_panics(raw in "\\PC{0,40}") {
            if let Some(d) = normalize(&raw) {
                proptest::prop_assert!(d.len() >= 10 && d.is_ascii(), "{d}");
            }
        }

        /// Strings shaped like dates, with characters of other scripts mixed in.
        #[test]
        fn date_shaped_strings(raw in "[0-9]{1,4}[-./ ][0-9a-zа-яαβ]{1,6}[-./ ]?[0-9ΐй]{0,5}[T ]?[0-9:+ZΜ]{0,9}") {
            let _ = normalize(&raw);
        }
    }

    #[test]
    fn rejects_non_dates() {
        for raw in [
            "",
            "yesterday",
            "2024-02-30",
            "32.01.2024",
            "May the force",
            "2024-11-27X",
        ] {
            assert_eq!(normalize(raw), None, "{raw}");
        }
    }
}
