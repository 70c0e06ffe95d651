//! `.md`: optional front matter (`title`, `date`, `url`, `lang`, between `---` lines, or TOML
//! between `+++`), else the first `#` heading is the title, else the first line. The Markdown is
//! rendered to plain paragraphs with pulldown-cmark, so links keep their text and lose their
//! targets, and emphasis marks, code fences and list bullets do not end up in the text.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::{Draft, Parsed};
use crate::corpus::clean::{clean, clean_inline};

pub fn parse(text: &str) -> Parsed {
    let (meta, rest) = front_matter(text);
    let mut draft = Draft::default();
    for (key, value) in meta {
        match key.as_str() {
            "title" => draft.title = clean_inline(&value),
            "date" | "published" | "pubdate" => draft.date = Some(value),
            "url" | "link" | "canonical" => draft.url = Some(value),
            "lang" | "language" => draft.lang = Some(value),
            _ => {}
        }
    }
    let (heading, body) = render(rest, draft.title.is_empty());
    if draft.title.is_empty() {
        draft.title = heading.unwrap_or_default();
    }
    draft.body = clean(&body);
    if draft.title.is_empty() {
        // No front matter title and no heading: the first paragraph is the title.
        if let Some((first, rest)) = draft.body.split_once("\n\n") {
            (draft.title, draft.body) = (first.to_owned(), rest.to_owned());
        } else {
            draft.title = std::mem::take(&mut draft.body);
        }
    }
    Parsed {
        drafts: vec![draft],
        problems: vec![],
    }
}

/// `key: value` pairs of a leading `---` (YAML-style) or `+++` (TOML-style) block, and the
/// text after it. Only flat scalar keys are read; anything else in the block is ignored.
fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let trimmed = text.trim_start_matches('\u{feff}');
    let fence = match trimmed.lines().next().map(str::trim_end) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return (vec![], text),
    };
    let after_open = &trimmed[trimmed.find('\n').map_or(trimmed.len(), |i| i + 1)..];
    let mut pairs = vec![];
    let mut offset = 0;
    for line in after_open.split_inclusive('\n') {
        offset += line.len();
        let l = line.trim_end();
        if l == fence || (fence == "---" && l == "...") {
            return (pairs, &after_open[offset..]);
        }
        let sep = if fence == "---" { ':' } else { '=' };
        if let Some((k, v)) = l.split_once(sep) {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            if !k.starts_with([' ', '\t']) && !v.is_empty() {
                pairs.push((k.trim().to_ascii_lowercase(), v.to_owned()));
            }
        }
    }
    // No closing fence: this was not front matter after all.
    (vec![], text)
}

/// Renders Markdown to HTML-ish text for the cleaner: blocks end in `<p>`, text is escaped so
/// that literal `<` survives cleaning. Takes out the first level-1 heading when `want_heading`.
fn render(md: &str, want_heading: bool) -> (Option<String>, String) {
    let mut out = String::with_capacity(md.len());
    let mut heading: Option<String> = None;
    let mut in_title = false;
    let mut title = String::new();
    for event in Parser::new(md) {
        let sink = if in_title { &mut title } else { &mut out };
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if want_heading && heading.is_none() => {
                in_title = true;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_title => {
                in_title = false;
                heading = Some(clean_inline(&std::mem::take(&mut title)));
            }
            Event::Text(t) | Event::Code(t) => {
                sink.push_str(&html_escape::encode_text(&t));
            }
            Event::Html(t) | Event::InlineHtml(t) => sink.push_str(&t),
            Event::SoftBreak => sink.push(' '),
            Event::HardBreak | Event::Rule => sink.push_str("<br>"),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => sink.push_str("<p>"),
            Event::End(TagEnd::TableCell) => sink.push(' '),
            _ => {}
        }
    }
    (heading, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_fields() {
        let md = "---\ntitle: \"Kim in Moskau\"\ndate: 2024-09-13\nurl: https://example.org/a\nlang: de\ntags:\n  - x\n---\n# Ignored heading\n\nText *here* and [a link](http://x).\n";
        let d = &parse(md).drafts[0];
        assert_eq!(d.title, "Kim in Moskau");
        assert_eq!(d.date.as_deref(), Some("2024-09-13"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.lang.as_deref(), Some("de"));
        assert_eq!(d.body, "Ignored heading\n\nText here and a link.");
    }

    #[test]
    fn first_heading_is_the_title() {
        let d = &parse("Intro line\n\n# The Title\n\n- one\n- two\n\n```\na < b\n```\n").drafts[0];
        assert_eq!(d.title, "The Title");
        assert_eq!(d.body, "Intro line\n\none\n\ntwo\n\na < b");
    }

    #[test]
    fn no_heading_first_paragraph() {
        let d = &parse("Just a line\n\nAnd more.").drafts[0];
        assert_eq!(
            (d.title.as_str(), d.body.as_str()),
            ("Just a line", "And more.")
        );
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let d = &parse("---\ntitle: x\nno end").drafts[0];
        assert!(
            d.body.contains("no end") || d.title.contains("no end"),
            "{d:?}"
        );
    }
}
