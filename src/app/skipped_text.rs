//! The skipped-input view's text (`w`), wrapped to its width: the reason of a skip ends by
//! saying what was kept ("…; the rest of the file was kept"), and a line cut at the popup's
//! edge lost exactly that part. Made here, in the app, so that scrolling counts the same
//! lines the popup draws.

use crate::corpus::Skipped;

/// What a line of the view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkippedLine {
    /// A start-up warning, or a skipped input's source.
    Warning,
    /// Why it was skipped, indented.
    Reason,
    /// The view has nothing to show.
    Nothing,
}

/// Start-up warnings, then each skipped input: its source, then its reason, indented; all
/// wrapped to `width` columns, nothing cut. File names and reasons can hold escape
/// sequences: shown, never sent to the terminal.
pub fn skipped_lines(
    warnings: &[String],
    skipped: &[Skipped],
    width: usize,
) -> Vec<(SkippedLine, String)> {
    let width = width.max(10);
    let wrap = |text: &str, indent: &str| -> Vec<String> {
        let opts = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(indent)
            .break_words(true);
        textwrap::wrap(&crate::messages::visible(text), opts)
            .into_iter()
            .map(|l| l.into_owned())
            .collect()
    };
    let mut out = vec![];
    for w in warnings {
        out.extend(wrap(w, "").into_iter().map(|l| (SkippedLine::Warning, l)));
    }
    for s in skipped {
        out.extend(
            wrap(&s.source, "")
                .into_iter()
                .map(|l| (SkippedLine::Warning, l)),
        );
        out.extend(
            wrap(&s.reason, "  ")
                .into_iter()
                .map(|l| (SkippedLine::Reason, l)),
        );
    }
    if out.is_empty() {
        out.push((SkippedLine::Nothing, "nothing was skipped".to_owned()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The part of a long reason that says what was kept is shown, on the next line.
    #[test]
    fn long_reasons_wrap_and_keep_their_end() {
        let s = Skipped {
            source: "feeds/news.rss".into(),
            reason: "broken feed (malformed feed: expected end tag at line 12); kept the 3 complete entries before the break".into(),
        };
        let lines = skipped_lines(&[], &[s], 40);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|(_, l)| l.chars().count() <= 40));
        let text: String = lines
            .iter()
            .map(|(_, l)| l.trim())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(text.ends_with("before the break"), "{text}");
        assert_eq!(lines[0], (SkippedLine::Warning, "feeds/news.rss".into()));
        assert!(
            lines[1..]
                .iter()
                .all(|(k, l)| *k == SkippedLine::Reason && l.starts_with("  "))
        );
    }
}
