//! The reader pane's text laid out for a width: title, a metadata line, the body wrapped with
//! textwrap, paragraphs kept, each piece of text knowing which mention (if any) it belongs to.
//! Computed when the article or the width changes, never while drawing.

use super::data::Data;
use crate::nlp::{Field, Mention};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Body,
    Blank,
}

/// A run of text within a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    pub text: String,
    /// Index into the article's mentions.
    pub mention: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub segs: Vec<Seg>,
}

/// The laid-out article and, per mention, the line it starts on.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub mention_line: Vec<usize>,
}

pub fn layout(data: &Data, article: usize, width: usize) -> Layout {
    let a = &data.corpus.articles[article];
    let mentions = &data.entities.mentions[article];
    let width = width.max(10);
    let mut out = Layout {
        lines: vec![],
        mention_line: vec![0; mentions.len()],
    };
    add_field(
        &mut out,
        &a.title,
        Field::Title,
        mentions,
        width,
        LineKind::Title,
    );
    let mut meta = vec![a.source.clone(), a.lang.clone()];
    meta.extend(a.date.clone());
    meta.extend(a.url.clone());
    for line in textwrap::wrap(&meta.join(" · "), width) {
        out.lines.push(Line {
            kind: LineKind::Meta,
            segs: vec![Seg {
                text: line.into_owned(),
                mention: None,
            }],
        });
    }
    out.lines.push(Line {
        kind: LineKind::Blank,
        segs: vec![],
    });
    add_field(
        &mut out,
        &a.body,
        Field::Body,
        mentions,
        width,
        LineKind::Body,
    );
    out
}

/// Wraps `text` paragraph by paragraph and cuts each line at mention boundaries.
fn add_field(
    out: &mut Layout,
    text: &str,
    field: Field,
    mentions: &[Mention],
    width: usize,
    kind: LineKind,
) {
    let ms: Vec<(usize, &Mention)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.field == field)
        .collect();
    let mut para_start = 0;
    for (p, para) in text.split("\n\n").enumerate() {
        if p > 0 {
            out.lines.push(Line {
                kind: LineKind::Blank,
                segs: vec![],
            });
        }
        let mut search_from = 0;
        for line in textwrap::wrap(para, width) {
            // textwrap borrows lines from the paragraph: find each line's offset.
            let rel = match line {
                std::borrow::Cow::Borrowed(s) => s.as_ptr() as usize - para.as_ptr() as usize,
                std::borrow::Cow::Owned(ref s) => para[search_from..]
                    .find(s.trim_end())
                    .map_or(search_from, |i| search_from + i),
            };
            let start = para_start + rel;
            let end = (start + line.len()).min(para_start + para.len());
            search_from = rel + line.len();
            let line_no = out.lines.len();
            let mut segs = vec![];
            let mut pos = start;
            for &(idx, m) in ms.iter().filter(|(_, m)| m.start < end && m.end > start) {
                let (s, e) = (m.start.max(start), m.end.min(end));
                if s > pos {
                    segs.push(Seg {
                        text: text[pos..s].to_owned(),
                        mention: None,
                    });
                }
                if m.start >= start {
                    out.mention_line[idx] = line_no;
                }
                segs.push(Seg {
                    text: text[s..e].to_owned(),
                    mention: Some(idx),
                });
                pos = e;
            }
            if pos < end {
                segs.push(Seg {
                    text: text[pos..end].to_owned(),
                    mention: None,
                });
            }
            out.lines.push(Line { kind, segs });
        }
        para_start += para.len() + 2;
    }
}
