//! The reader pane: the laid-out article, each mention in the style of its entity's kind, the
//! selected mention emphasised.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::View;
use super::{mention_style, pane_block};
use crate::app::Pane;
use crate::app::layout::inner;
use crate::app::reader::{LineKind, Seg};
use crate::nlp::Field;

pub fn draw(frame: &mut Frame, app: &View, area: Rect) {
    let (Some(data), Some(a)) = (&app.data, app.reader.current) else {
        let msg = if app.data.is_some() {
            "no article open"
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(app.theme.style("text.dim"))
                .block(pane_block(app, " Reader ", Some(Pane::Reader))),
            area,
        );
        return;
    };
    let mentions = &data.entities.mentions[a];
    let body = inner(area);
    // Only the visible lines are cut into pieces.
    let lines: Vec<Line> = app
        .reader
        .layout
        .lines
        .iter()
        .enumerate()
        .skip(app.reader.scroll)
        .take(body.height as usize)
        .map(|(index, line)| {
            let base = app.theme.style(match line.kind {
                LineKind::Title => "title",
                LineKind::Meta => "meta",
                LineKind::Body | LineKind::Blank => "text",
            });
            let field = match line.kind {
                LineKind::Title => Some(Field::Title),
                LineKind::Body => Some(Field::Body),
                _ => None,
            };
            let mut spans: Vec<Span> = vec![];
            for seg in app.reader.layout.segs(data, a, index) {
                let style = match seg.mention {
                    Some(m) => {
                        let kind = data.entities.list[mentions[m].entity].kind;
                        base.patch(mention_style(app, kind, app.reader.mention == Some(m)))
                    }
                    None => base,
                };
                match field {
                    Some(f) if !app.reader.matches.is_empty() => {
                        with_matches(app, f, seg, style, &mut spans)
                    }
                    _ => spans.push(Span::styled(
                        super::cell_safe(&seg.text).into_owned(),
                        style,
                    )),
                }
            }
            Line::from(spans)
        })
        .collect();
    let art = &data.corpus.articles[a];
    let title = format!(
        " {} ",
        super::truncate(&art.id, (area.width as usize).saturating_sub(4))
    );
    frame.render_widget(
        Paragraph::new(lines).block(pane_block(app, title, Some(Pane::Reader))),
        area,
    );
    let total = app.reader.layout.lines.len();
    if total > body.height as usize {
        let mut state = ScrollbarState::new(total.saturating_sub(body.height as usize))
            .position(app.reader.scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(app.theme.style("border")),
            area,
            &mut state,
        );
    }
}

/// `seg` as spans, the search's matches in it highlighted (the one `n` went to most).
fn with_matches(app: &View, field: Field, seg: Seg, style: Style, out: &mut Vec<Span<'static>>) {
    let (start, end) = (seg.start, seg.start + seg.text.len());
    let mut pos = start;
    for (i, m) in app.reader.matches.iter().enumerate() {
        if m.field != field || m.end <= pos || m.start >= end {
            continue;
        }
        let (s, e) = (m.start.max(pos), m.end.min(end));
        if s > pos {
            out.push(Span::styled(
                super::cell_safe(&seg.text[pos - start..s - start]).into_owned(),
                style,
            ));
        }
        let scope = if app.reader.current_match == Some(i) {
            "list.selected"
        } else {
            "match"
        };
        out.push(Span::styled(
            super::cell_safe(&seg.text[s - start..e - start]).into_owned(),
            app.theme.selected_over(style, scope),
        ));
        pos = e;
    }
    if pos < end {
        out.push(Span::styled(
            super::cell_safe(&seg.text[pos - start..]).into_owned(),
            style,
        ));
    }
}
