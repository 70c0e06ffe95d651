//! The reader pane's text laid out for a width: title, a metadata line, the body wrapped with
//! textwrap, paragraphs kept. Computed when the article or the width changes, never while
//! drawing, and in time linear in the article: the layout keeps only where each line starts
//! and ends; the pieces of a line (plain text, mentions) are cut when the line is shown
//! ([`Layout::segs`]), so a 5 MB article costs its wrapping and nothing per mention per line.

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
    /// Byte offset of the text in its field (title or body; 0 on the metadata line).
    pub start: usize,
}

/// One screen line: byte range `start..end` of its field's text (title, metadata or body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    pub start: usize,
    pub end: usize,
}

/// The laid-out article and, per mention, the line it starts on.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    pub mention_line: Vec<usize>,
    /// The metadata line's text (source · language · date · URL), made for display.
    meta: String,
    /// Mention indexes of the title and of the body, each sorted by start.
    by_start: [Vec<usize>; 2],
}

pub fn layout(data: &Data, article: usize, width: usize) -> Layout {
    let a = &data.corpus.articles[article];
    let mentions = &data.entities.mentions[article];
    let width = width.max(10);
    let mut by_start = [vec![], vec![]];
    for (i, m) in mentions.iter().enumerate() {
        by_start[field_slot(m.field)].push(i);
    }
    for list in &mut by_start {
        list.sort_by_key(|&i| (mentions[i].start, mentions[i].end));
    }
    let mut meta = vec![
        crate::messages::visible(&a.source).into_owned(),
        a.lang.clone(),
    ];
    meta.extend(a.date.as_deref().map(crate::local_time::moment));
    meta.extend(a.url.clone());
    let mut out = Layout {
        lines: vec![],
        mention_line: vec![0; mentions.len()],
        meta: meta.join(" · "),
        by_start,
    };
    add_field(&mut out, &a.title, LineKind::Title, width);
    let meta = std::mem::take(&mut out.meta);
    add_field(&mut out, &meta, LineKind::Meta, width);
    out.meta = meta;
    out.lines.push(Line {
        kind: LineKind::Blank,
        start: 0,
        end: 0,
    });
    add_field(&mut out, &a.body, LineKind::Body, width);
    // Each mention's line: mentions and lines both in text order, one merge.
    for (slot, kind) in [(0, LineKind::Title), (1, LineKind::Body)] {
        let lines: Vec<usize> = (0..out.lines.len())
            .filter(|&l| out.lines[l].kind == kind)
            .collect();
        let mut l = 0;
        for &m in &out.by_start[slot] {
            let start = mentions[m].start;
            while l + 1 < lines.len() && out.lines[lines[l]].end <= start {
                l += 1;
            }
            if let Some(&line) = lines.get(l) {
                out.mention_line[m] = line;
            }
        }
    }
    out
}

fn field_slot(field: Field) -> usize {
    match field {
        Field::Title => 0,
        Field::Body => 1,
    }
}

/// Wraps `text` paragraph by paragraph into line ranges.
fn add_field(out: &mut Layout, text: &str, kind: LineKind, width: usize) {
    let mut para_start = 0;
    for (p, para) in text.split("\n\n").enumerate() {
        if p > 0 {
            out.lines.push(Line {
                kind: LineKind::Blank,
                start: 0,
                end: 0,
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
            out.lines.push(Line { kind, start, end });
        }
        para_start += para.len() + 2;
    }
}

impl Layout {
    /// The pieces of line `index`: plain text and mentions, in order. Cheap: a binary search
    /// for the first mention that reaches into the line.
    pub fn segs(&self, data: &Data, article: usize, index: usize) -> Vec<Seg> {
        let Some(line) = self.lines.get(index) else {
            return vec![];
        };
        let a = &data.corpus.articles[article];
        let (text, slot) = match line.kind {
            LineKind::Blank => return vec![],
            LineKind::Meta => {
                return vec![Seg {
                    text: self.meta[line.start..line.end].to_owned(),
                    mention: None,
                    start: 0,
                }];
            }
            LineKind::Title => (a.title.as_str(), Some(0)),
            LineKind::Body => (a.body.as_str(), Some(1)),
        };
        let (start, end) = (line.start, line.end);
        let mut segs = vec![];
        let mut pos = start;
        if let Some(slot) = slot {
            let mentions: &[Mention] = &data.entities.mentions[article];
            let order = &self.by_start[slot];
            // Mentions are short: any that reaches into the line starts at most one line back,
            // so the first candidate is found by its start.
            let first = order.partition_point(|&m| mentions[m].end <= start);
            for &idx in &order[first..] {
                let m = &mentions[idx];
                if m.start >= end {
                    break;
                }
                if m.end <= pos {
                    continue;
                }
                let (s, e) = (m.start.max(pos), m.end.min(end));
                if s > pos {
                    segs.push(Seg {
                        text: text[pos..s].to_owned(),
                        mention: None,
                        start: pos,
                    });
                }
                segs.push(Seg {
                    text: text[s..e].to_owned(),
                    mention: Some(idx),
                    start: s,
                });
                pos = e;
            }
        }
        if pos < end {
            segs.push(Seg {
                text: text[pos..end].to_owned(),
                mention: None,
                start: pos,
            });
        }
        segs
    }

    /// The line that holds byte `offset` of the title or the body.
    pub fn line_of(&self, field: Field, offset: usize) -> Option<usize> {
        let kind = match field {
            Field::Title => LineKind::Title,
            Field::Body => LineKind::Body,
        };
        self.lines
            .iter()
            .position(|l| l.kind == kind && l.start <= offset && offset < l.end.max(l.start + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Mention;

    fn bundled() -> Data {
        Data::build(crate::corpus::load_bundled(), &|_| {})
    }

    /// Each line's pieces are exactly its text, and each mention is whole on its line.
    #[test]
    fn pieces_cover_the_text_and_mentions_sit_on_their_lines() {
        let data = bundled();
        for a in 0..data.article_count() {
            for width in [12, 40, 77] {
                let lay = layout(&data, a, width);
                let article = &data.corpus.articles[a];
                for (i, line) in lay.lines.iter().enumerate() {
                    let joined: String = lay
                        .segs(&data, a, i)
                        .iter()
                        .map(|s| s.text.as_str())
                        .collect();
                    let want = match line.kind {
                        LineKind::Title => &article.title[line.start..line.end],
                        LineKind::Body => &article.body[line.start..line.end],
                        LineKind::Meta => &lay.meta[line.start..line.end],
                        LineKind::Blank => "",
                    };
                    assert_eq!(joined, want);
                }
                for (m, mention) in data.entities.mentions[a].iter().enumerate() {
                    let segs = lay.segs(&data, a, lay.mention_line[m]);
                    let first = segs
                        .iter()
                        .find(|s| s.mention == Some(m))
                        .expect("on its line");
                    let text = match mention.field {
                        Field::Title => &article.title,
                        Field::Body => &article.body,
                    };
                    assert!(text[mention.start..mention.end].starts_with(&first.text));
                }
            }
        }
    }

    /// A 1 MB article with 50,000 mentions froze the reader: the layout was lines × mentions.
    #[test]
    fn huge_article_with_many_mentions_lays_out_in_linear_time() {
        let mut data = bundled();
        let unit = "Rudenko sprach heute lange mit Journalisten. ";
        data.corpus.articles[0].body = unit.repeat(25_000);
        data.entities.mentions[0] = (0..25_000)
            .map(|i| Mention {
                entity: 0,
                field: Field::Body,
                start: i * unit.len(),
                end: i * unit.len() + "Rudenko".len(),
            })
            .collect();
        let t = std::time::Instant::now();
        let lay = layout(&data, 0, 60);
        let segs = lay.segs(&data, 0, lay.lines.len() - 1);
        assert!(t.elapsed().as_secs() < 3, "{:?}", t.elapsed());
        assert!(segs.iter().any(|s| s.mention.is_some()));
        assert_eq!(lay.mention_line[24_999], lay.lines.len() - 1);
    }
}
