//! Popups over the panes: the entity finder, the help overlay (the keymap as configured), and
//! the list of skipped files.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};

use super::View;
use super::truncate;
use crate::app::action::Action;
use crate::app::finder::Finder;

use crate::app::layout::centered;

fn frame_block<'a>(app: &View, title: &'a str) -> Block<'a> {
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(app.theme.style("popup.border"))
        .title(Span::styled(title, app.theme.style("pane.title")))
        .style(app.theme.style("popup"))
}

pub fn finder(frame: &mut Frame, app: &View, f: &Finder, area: Rect) {
    let r = centered(
        area,
        (area.width * 3 / 4).max(56),
        (area.height * 3 / 4).max(12),
    );
    frame.render_widget(Clear, r);
    let Some(data) = &app.data else { return };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(" › ", app.theme.style("status.key")),
            Span::styled(f.query.split().0.to_owned(), app.theme.style("popup")),
            Span::styled("▏", app.theme.style("status.key")),
            Span::styled(f.query.split().1.to_owned(), app.theme.style("popup")),
        ]),
        Line::styled(
            format!(
                " {} found{} · ↑↓ PgUp PgDn choose · Enter show its articles · Esc close",
                f.hits.len(),
                if f.hits.is_empty() {
                    String::new()
                } else {
                    format!(" ({}/{})", f.selected + 1, f.hits.len())
                }
            ),
            app.theme.style("text.dim"),
        ),
    ];
    let width = r.width.saturating_sub(2) as usize;
    // A window of the hits that always holds the selection.
    let rows = r.height.saturating_sub(4) as usize;
    let first = finder_window(f.selected, rows);
    for (i, hit) in f.hits.iter().enumerate().skip(first).take(rows) {
        let e = &data.entities.list[hit.entity];
        let kind = format!(" {:<13}", e.kind.as_str());
        // The count is what tells entities apart at a glance: it always shows, and the name
        // and the alias that matched are cut to leave it room. A match on the name itself is
        // marked there (the alias repeated the name).
        let articles: std::collections::HashSet<usize> = hit
            .entities()
            .iter()
            .flat_map(|&g| data.entities.list[g].articles.iter().copied())
            .collect();
        let count = format!("  {} art.", articles.len());
        let mut room = width.saturating_sub(kind.chars().count() + count.chars().count());
        let mut spans = vec![Span::styled(
            kind,
            app.theme.style(&format!("entity.{}", e.kind.as_str())),
        )];
        let marked = |text: &str, base: &str, room: &mut usize, spans: &mut Vec<Span<'static>>| {
            for (ci, c) in text.chars().enumerate() {
                let w = crate::app::layout::text_width(c.encode_utf8(&mut [0; 4]));
                if w > *room || (*room == w && ci + 1 < text.chars().count()) {
                    if *room > 0 {
                        spans.push(Span::styled("…", app.theme.style(base)));
                        *room -= 1;
                    }
                    return;
                }
                *room -= w;
                let style = if hit.matched.contains(&ci) {
                    app.theme.style("match")
                } else {
                    app.theme.style(base)
                };
                spans.push(Span::styled(c.to_string(), style));
            }
        };
        if !hit.group.is_empty() {
            // One row for a bare name left unresolved in each of its articles.
            marked(&e.name, "title", &mut room, &mut spans);
            let note = truncate(" — not resolved to one entity", room);
            room -= crate::app::layout::text_width(&note);
            spans.push(Span::styled(note, app.theme.style("text.dim")));
        } else if hit.alias == e.name {
            marked(&e.name, "title", &mut room, &mut spans);
        } else {
            let name = truncate(&e.name, room);
            room -= crate::app::layout::text_width(&name);
            spans.push(Span::styled(name, app.theme.style("title")));
            if room > 4 {
                spans.push(Span::styled("  ", app.theme.style("popup")));
                room -= 2;
                marked(&hit.alias, "text.dim", &mut room, &mut spans);
            }
        }
        spans.push(Span::raw(" ".repeat(room)));
        spans.push(Span::styled(count, app.theme.style("meta")));
        if i == f.selected {
            for span in &mut spans {
                span.style = app.theme.selected_over(span.style, "list.selected");
            }
        }
        let mut line = Line::from(spans);
        if i == f.selected {
            line = line.style(app.theme.style("list.selected"));
        }
        lines.push(line);
    }
    frame.render_widget(
        Paragraph::new(lines).block(frame_block(app, " Find an entity ")),
        r,
    );
}

/// The first hit shown when `rows` fit and `selected` must be among them.
pub fn finder_window(selected: usize, rows: usize) -> usize {
    (selected + 1).saturating_sub(rows.max(1))
}

pub fn help(frame: &mut Frame, app: &View, area: Rect) {
    let lines = help_lines(app);
    let r = crate::app::layout::help_rect(area, lines.len());
    frame.render_widget(Clear, r);
    scrolled(
        frame,
        app,
        r,
        lines,
        " Help — j/k PgUp/PgDn scroll · any other key closes ",
    );
}

/// The help text: every action with its keys as configured.
pub fn help_lines(app: &View) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        " Keys, as configured (remap them in the config file):",
        app.theme.style("text.dim"),
    )];
    let keys: Vec<String> = Action::ALL
        .iter()
        .map(|a| app.keymap.keys_for(*a).join(" "))
        .collect();
    // The key column as wide as its longest entry, and a gap.
    let column = keys
        .iter()
        .map(|k| crate::app::layout::text_width(k))
        .max()
        .unwrap_or(0)
        + 2;
    for (action, keys) in Action::ALL.iter().zip(keys) {
        let pad = column.saturating_sub(crate::app::layout::text_width(&keys));
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {keys}{}", " ".repeat(pad)),
                app.theme.style("status.key"),
            ),
            Span::styled(action.describe(), app.theme.style("popup")),
        ]));
    }
    // How each kind of name looks, in its own style: the theme's colours, or without colour
    // (NO_COLOR) people bold, places underlined, organisations italic, others bold italic.
    let mut legend = vec![Span::styled(" names: ", app.theme.style("text.dim"))];
    for (i, kind) in ["person", "place", "organization", "other"]
        .iter()
        .enumerate()
    {
        if i > 0 {
            legend.push(Span::styled(" · ", app.theme.style("text.dim")));
        }
        legend.push(Span::styled(
            *kind,
            app.theme.style(&format!("entity.{kind}")),
        ));
    }
    lines.push(Line::from(legend));
    for note in crate::app::update::HELP_NOTES {
        lines.push(Line::styled(*note, app.theme.style("text.dim")));
    }
    lines.push(Line::styled(
        " mouse: click selects rows and mentions; the wheel scrolls",
        app.theme.style("text.dim"),
    ));
    lines
}

/// `lines` in the popup `r` from the app's popup scroll, with "n more" where some are cut.
fn scrolled(frame: &mut Frame, app: &View, r: Rect, lines: Vec<Line<'static>>, title: &str) {
    let rows = r.height.saturating_sub(2) as usize;
    let scroll = app.popup_scroll.min(lines.len().saturating_sub(rows));
    let below = lines.len().saturating_sub(scroll + rows);
    let mut block = frame_block(app, title);
    if scroll > 0 {
        block = block.title_top(
            Line::styled(format!(" ↑ {scroll} more "), app.theme.style("text.dim")).right_aligned(),
        );
    }
    if below > 0 {
        block = block.title_bottom(
            Line::styled(format!(" ↓ {below} more "), app.theme.style("text.dim")).right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(block),
        r,
    );
}

/// The detail view of a related entry ([`crate::app::link::LinkDetail`]).
pub fn link(frame: &mut Frame, app: &View, area: Rect, detail: &crate::app::link::LinkDetail) {
    use crate::app::link::LineKind;
    let Some(data) = &app.data else { return };
    let r = crate::app::layout::skipped_rect(area);
    frame.render_widget(Clear, r);
    let width = r.width.saturating_sub(2) as usize;
    let lines = detail
        .lines(data, width)
        .into_iter()
        .map(|(kind, text)| {
            let scope = match kind {
                LineKind::Title => "title",
                LineKind::Meta => "text.dim",
                LineKind::Heading => "meta",
                LineKind::Text => "popup",
            };
            Line::styled(text, app.theme.style(scope))
        })
        .collect();
    scrolled(
        frame,
        app,
        r,
        lines,
        " Why linked — j/k PgUp/PgDn scroll · any other key closes ",
    );
}

pub fn skipped(frame: &mut Frame, app: &View, area: Rect) {
    let r = crate::app::layout::skipped_rect(area);
    frame.render_widget(Clear, r);
    let width = r.width.saturating_sub(2) as usize;
    let lines = skipped_lines(app, width);
    scrolled(
        frame,
        app,
        r,
        lines,
        " Skipped input — j/k PgUp/PgDn scroll · any other key closes ",
    );
}

/// Start-up warnings, then each skipped input: its source, then the reason, wrapped.
pub fn skipped_lines(app: &View, width: usize) -> Vec<Line<'static>> {
    use crate::app::skipped_text::SkippedLine;
    let skipped = app
        .data
        .as_ref()
        .map(|d| d.corpus.skipped.as_slice())
        .unwrap_or_default();
    crate::app::skipped_text::skipped_lines(&app.warnings, skipped, width)
        .into_iter()
        .map(|(kind, text)| {
            let style = match kind {
                SkippedLine::Warning => "warning",
                SkippedLine::Reason => "popup",
                SkippedLine::Nothing => "text.dim",
            };
            Line::styled(text, app.theme.style(style))
        })
        .collect()
}
