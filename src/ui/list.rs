//! The list pane: one row per article (or per story, its languages as badges): unread marker,
//! bookmark, title, language, date, number of entities.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use super::{badge, pane_block, truncate};
use crate::app::Pane;
use crate::app::layout::inner;
use crate::app::list::Row;

pub fn draw(frame: &mut Frame, app: &View, area: Rect) {
    let mut block = pane_block(
        app,
        format!(
            " {} ",
            app.list_title(area.width.saturating_sub(4) as usize)
        ),
        Some(Pane::List),
    );
    if !app.list.rows.is_empty() {
        // Where the cursor is, as in every pager: "12/717".
        block = block.title_bottom(
            Line::styled(
                format!(" {}/{} ", app.list.sel + 1, app.list.rows.len()),
                app.theme.style("text.dim"),
            )
            .right_aligned(),
        );
    }
    let Some(data) = &app.data else {
        let text = app.loading.clone().unwrap_or_default();
        frame.render_widget(
            Paragraph::new(text)
                .style(app.theme.style("text.dim"))
                .block(block),
            area,
        );
        return;
    };
    let body = inner(area);
    let width = body.width as usize;
    let offset = app.list_offset();
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in app
        .list
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(body.height as usize)
    {
        let selected = i == app.list.sel;
        let a = row.article();
        let art = &data.corpus.articles[a];
        let mut spans: Vec<Span> = Vec::new();
        // A story row stands for all its members: unread while any is, bookmarked when any
        // is, and it counts the entities they name together.
        let (members, entity_count): (&[usize], usize) = match row {
            Row::Story {
                members, entities, ..
            } => (members, *entities),
            Row::Article { article, .. } => (std::slice::from_ref(article), data.entity_counts[a]),
        };
        let unread = members
            .iter()
            .any(|&m| !app.state.read.contains(&data.keys[m]));
        let bookmarked = members
            .iter()
            .any(|&m| app.state.bookmarks.contains(&data.keys[m]));
        spans.push(Span::styled(
            if unread { "•" } else { " " },
            app.theme.style("list.unread"),
        ));
        spans.push(Span::styled(
            if bookmarked { "★" } else { " " },
            app.theme.style("list.bookmark"),
        ));
        let mut tail: Vec<Span> = Vec::new();
        // Narrow panes (an 80-column terminal) are title first: the badges go too.
        let badges = width >= 34;
        match row {
            Row::Story {
                members, expanded, ..
            } => {
                spans.push(Span::raw(if *expanded { "▾ " } else { "▸ " }));
                // Each language once, in the order the story's articles have them.
                let mut langs: Vec<&str> = vec![];
                for &m in members {
                    let l = data.corpus.articles[m].lang.as_str();
                    if !langs.contains(&l) {
                        langs.push(l);
                    }
                }
                for l in langs.into_iter().filter(|_| badges) {
                    tail.push(Span::raw(" "));
                    tail.push(badge(app, l));
                }
            }
            Row::Article { child, .. } => {
                if *child {
                    spans.push(Span::raw("  "));
                }
                if badges {
                    tail.push(Span::raw(" "));
                    tail.push(badge(app, &art.lang));
                }
            }
        }
        // Narrow panes keep the title readable: date and entity count go first.
        if width >= 44
            && let Some(d) = &art.date
        {
            tail.push(Span::styled(
                format!(" {}", &d[..d.len().min(10)]),
                app.theme.style("meta"),
            ));
        }
        if width >= 34 {
            tail.push(Span::styled(
                format!(" {entity_count:>2}◆"),
                app.theme.style("text.dim"),
            ));
        }
        let used: usize = spans.iter().chain(tail.iter()).map(Span::width).sum();
        let title_w = width.saturating_sub(used);
        let title = truncate(&art.title, title_w);
        let pad = title_w.saturating_sub(crate::app::layout::text_width(&title));
        spans.push(Span::styled(
            title,
            app.theme.style(if unread { "title" } else { "text" }),
        ));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.extend(tail);
        if selected {
            for span in &mut spans {
                span.style = app.theme.selected_over(span.style, "list.selected");
            }
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(app.theme.style("list.selected"));
        }
        lines.push(line);
    }
    if app.list.rows.is_empty() {
        lines.push(Line::styled(
            "no article matches",
            app.theme.style("text.dim"),
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
