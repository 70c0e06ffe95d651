//! The reader pane: the laid-out article, each mention in the style of its entity's kind, the
//! selected mention emphasised.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{mention_style, pane_block};
use crate::app::layout::inner;
use crate::app::reader::LineKind;
use crate::app::{App, Pane};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(data), Some(a)) = (&app.data, app.current) else {
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
        .lines
        .iter()
        .enumerate()
        .skip(app.reader_scroll)
        .take(body.height as usize)
        .map(|(index, line)| {
            let base = app.theme.style(match line.kind {
                LineKind::Title => "title",
                LineKind::Meta => "meta",
                LineKind::Body | LineKind::Blank => "text",
            });
            Line::from(
                app.reader
                    .segs(data, a, index)
                    .into_iter()
                    .map(|seg| match seg.mention {
                        Some(m) => {
                            let kind = data.entities.list[mentions[m].entity].kind;
                            Span::styled(
                                seg.text,
                                base.patch(mention_style(
                                    app,
                                    kind,
                                    app.selected_mention == Some(m),
                                )),
                            )
                        }
                        None => Span::styled(seg.text, base),
                    })
                    .collect::<Vec<_>>(),
            )
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
    let total = app.reader.lines.len();
    if total > body.height as usize {
        let mut state = ScrollbarState::new(total.saturating_sub(body.height as usize))
            .position(app.reader_scroll);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight).style(app.theme.style("border")),
            area,
            &mut state,
        );
    }
}
