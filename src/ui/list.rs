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

/// The fewest cells a row's title keeps before the date, the count or the source are shown.
const MIN_TITLE: usize = 12;

/// The name of an article's source for the list: the publication's name when the input gave
/// one (a feed's title), else its file's name without the extension for a feed or a
/// collection ("spiegel" for `feeds/spiegel.rss`), else its folder's name.
pub fn source_name_of(a: &crate::corpus::Article) -> String {
    match &a.site {
        Some(site) => crate::messages::visible(site).into_owned(),
        None => source_name(&a.source),
    }
}

/// The name of a source path: see [`source_name_of`].
pub fn source_name(source: &str) -> String {
    let path = std::path::Path::new(source);
    let collection = crate::corpus::formats::Format::of(path).is_some_and(|f| f.is_collection());
    let name = if collection {
        path.file_stem()
    } else {
        path.parent().and_then(|p| p.file_name())
    };
    crate::messages::visible(&name.map(|n| n.to_string_lossy()).unwrap_or_default()).into_owned()
}

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
        let text = match (&app.loading, &app.meter) {
            (Some(l), Some(m)) => format!("{l} {m}"),
            (l, _) => l.clone().unwrap_or_default(),
        };
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
        // Designed for 80 columns first: the badges always stay (they tell rows apart),
        // the title is cut; then, as width allows, the date (from 100 columns), the entity
        // count and the source's name, each only while the title keeps MIN_TITLE cells.
        let langs: Vec<&str> = match row {
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
                langs
            }
            Row::Article { child, .. } => {
                if *child {
                    spans.push(Span::raw("  "));
                }
                vec![art.lang.as_str()]
            }
        };
        let mut tail: Vec<Span> = Vec::new();
        // Narrow panes take the badges without their padding; the narrowest, a story in
        // many languages as its first one and how many more ("DE+2").
        let compact = width < 40;
        let lead: usize = spans.iter().map(Span::width).sum();
        let mut langs = langs;
        let mut more = 0;
        if compact && width.saturating_sub(lead + 3 * langs.len()) < 8 && langs.len() > 1 {
            more = langs.len() - 1;
            langs.truncate(1);
        }
        for l in langs {
            tail.push(Span::raw(" "));
            tail.push(if compact {
                Span::styled(l.to_uppercase(), app.theme.style("badge"))
            } else {
                badge(app, l)
            });
        }
        if more > 0 {
            tail.push(Span::styled(format!("+{more}"), app.theme.style("badge")));
        }
        let fixed: usize = spans.iter().chain(tail.iter()).map(Span::width).sum();
        let mut room = width.saturating_sub(fixed);
        // Takes `text` if the title keeps MIN_TITLE cells with it.
        let mut offer = |text: String| {
            let w = crate::app::layout::text_width(&text);
            (room >= w + MIN_TITLE).then(|| {
                room -= w;
                text
            })
        };
        let date = art
            .date
            .as_deref()
            .filter(|_| width >= 30)
            .and_then(|d| offer(format!(" {}", crate::local_time::day(d))));
        let count = offer(format!(" {entity_count:>2}◆"));
        let source = Some(source_name_of(art))
            .filter(|s| width >= 50 && !s.is_empty())
            .and_then(|s| offer(format!(" {}", truncate(&s, 16))));
        // As they read: the source before the badges, the date and the count after.
        if let Some(s) = source {
            tail.insert(0, Span::styled(s, app.theme.style("text.dim")));
        }
        tail.extend(date.map(|d| Span::styled(d, app.theme.style("meta"))));
        tail.extend(count.map(|c| Span::styled(c, app.theme.style("text.dim"))));
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
        // A search with a part that cannot be read says which, wrapped to the pane.
        let problems = match &app.filter {
            crate::app::Filter::Search(q) => crate::index::query::Query::parse(q).problems,
            _ => vec![],
        };
        if problems.is_empty() {
            lines.push(Line::styled(
                "no article matches",
                app.theme.style("text.dim"),
            ));
        }
        for p in problems {
            for l in textwrap::wrap(&p, width.max(10)) {
                lines.push(Line::styled(l.into_owned(), app.theme.style("warning")));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
