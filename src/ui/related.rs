//! The related panel (the open article's own story first, marked "same story", then the most
//! related: language, relatedness bar, title, and beneath, the entities and words that explain
//! the link, rarest first; `i` shows all of it) and, beneath it, the card of the selected
//! mention's entity.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use super::{badge, pane_block, truncate};
use crate::app::Pane;
use crate::app::layout::{RELATED_ITEM_HEIGHT, inner};

/// "▰▰▰▱▱" for a score in [0, 1].
fn bar(score: f32, cells: usize) -> (String, String) {
    let full = ((score.clamp(0.0, 1.0) * cells as f32).round() as usize).min(cells);
    ("▰".repeat(full), "▱".repeat(cells - full))
}

pub fn draw(frame: &mut Frame, app: &View, area: Rect) {
    let block = pane_block(app, " Related ", Some(Pane::Related));
    let Some(data) = &app.data else {
        frame.render_widget(Paragraph::new("").block(block), area);
        return;
    };
    let related = app.related();
    let body = inner(area);
    let width = body.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    if related.is_empty() {
        let why = if app.reader.current.is_none() {
            "open an article to see related stories"
        } else if data.linking {
            "linking related stories… (the list, search and the finder work meanwhile)"
        } else {
            "no related story: it shares no entity, word or number with another article"
        };
        // Wrapped: a narrow panel cut it at "…word or num".
        for l in textwrap::wrap(why, (body.width as usize).max(10)) {
            lines.push(Line::styled(l.into_owned(), app.theme.style("text.dim")));
        }
    }
    let per_page = (body.height as usize / RELATED_ITEM_HEIGHT).max(1);
    for (i, link) in related
        .iter()
        .enumerate()
        .skip(app.related_offset())
        .take(per_page)
    {
        let art = &data.corpus.articles[link.article];
        let (full, empty) = bar(link.relatedness, 5);
        let mut head = vec![
            badge(app, &art.lang),
            Span::raw(" "),
            Span::styled(full, app.theme.style("score.bar")),
            Span::styled(empty, app.theme.style("score.empty")),
            Span::styled(
                format!(" {:.2} ", link.relatedness),
                app.theme.style("text.dim"),
            ),
        ];
        let used: usize = head.iter().map(Span::width).sum();
        head.push(Span::styled(
            truncate(&art.title, width.saturating_sub(used)),
            app.theme.style("title"),
        ));
        // Why: the shared entities, rarest first, then shared words; and whether it is the
        // same story (told in another language, or again).
        let mut why: Vec<&str> = link
            .shared
            .iter()
            .map(|&e| data.entities.list[e].name.as_str())
            .collect();
        if why.len() < 3 {
            why.extend(link.words.iter().map(String::as_str).take(3 - why.len()));
        }
        let current = app
            .reader
            .current
            .expect("related lists belong to the open article");
        let story = &data.relations.story;
        let same = if story[link.article] != story[current] {
            String::new()
        } else if art.lang != data.corpus.articles[current].lang {
            format!("same story · {} · ", art.lang.to_uppercase())
        } else {
            "same story · ".to_owned()
        };
        // "same story" stands out from the reasons: it is what the story rows fold.
        let same = truncate(&format!("  {same}"), width);
        let reasons = truncate(&why.join(", "), width.saturating_sub(same.chars().count()));
        let selected = i == app.related.sel && app.focus == Pane::Related;
        let mut tail = vec![
            Span::styled(same, app.theme.style("related.same")),
            Span::styled(reasons, app.theme.style("text.dim")),
        ];
        if selected {
            for span in head.iter_mut().chain(tail.iter_mut()) {
                span.style = app.theme.selected_over(span.style, "list.selected");
            }
        }
        let mut first = Line::from(head);
        let mut second = Line::from(tail);
        if selected {
            first = first.style(app.theme.style("list.selected"));
            second = second.style(app.theme.style("list.selected"));
        }
        lines.push(first);
        lines.push(second);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

pub fn draw_card(frame: &mut Frame, app: &View, area: Rect) {
    let block = pane_block(app, " Entity ", Some(Pane::Card));
    let (Some(data), Some(e)) = (&app.data, app.selected_entity()) else {
        let hint = if app.data.is_some() {
            "select a mention with ] and ["
        } else {
            ""
        };
        frame.render_widget(
            Paragraph::new(hint)
                .style(app.theme.style("text.dim"))
                .block(block),
            area,
        );
        return;
    };
    let ent = &data.entities.list[e];
    let n = ent.articles.len();
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                ent.name.clone(),
                app.theme.style(&format!("entity.{}", ent.kind.as_str())),
            ),
            Span::styled(
                format!("  {}", ent.kind.as_str()),
                app.theme.style("text.dim"),
            ),
        ]),
        Line::styled(
            format!("in {n} article{}", if n == 1 { "" } else { "s" }),
            app.theme.style("meta"),
        ),
    ];
    // Its written forms with their languages: "Rudenko DE IT · Andrej Rudenko DE".
    let forms: Vec<String> = data.forms[e]
        .iter()
        .map(|(form, langs)| format!("{form} {}", langs.join(" ").to_uppercase()))
        .collect();
    if !forms.is_empty() {
        lines.push(Line::styled(
            truncate(&forms.join(" · "), width),
            app.theme.style("text"),
        ));
    }
    // Mentions by month, where the articles have dates.
    let timeline = &data.timeline[e];
    if !timeline.is_empty() {
        let max = timeline.iter().map(|(_, c)| *c).max().unwrap_or(1).max(1);
        const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
        let room = width.saturating_sub(16).max(1);
        let bars: String = timeline
            .iter()
            .skip(timeline.len().saturating_sub(room))
            .map(|(_, c)| BARS[((c * 7) / max) as usize])
            .collect();
        let first = &timeline[timeline.len().saturating_sub(room)].0;
        let last = &timeline[timeline.len() - 1].0;
        lines.push(Line::from(vec![
            Span::styled(format!("{first} "), app.theme.style("text.dim")),
            Span::styled(bars, app.theme.style("score.bar")),
            Span::styled(format!(" {last}"), app.theme.style("text.dim")),
        ]));
    }
    // Its articles; Tab focuses them, Enter opens one on the entity.
    let header = lines.len();
    let rows = (area.height as usize).saturating_sub(2 + header);
    let sel = app.related.card_sel.min(n.saturating_sub(1));
    let first = crate::ui::popup::finder_window(sel, rows);
    for (i, &a) in ent.articles.iter().enumerate().skip(first).take(rows) {
        let art = &data.corpus.articles[a];
        let mut spans = vec![
            Span::styled(
                if Some(a) == app.reader.current {
                    "▸ "
                } else {
                    "  "
                },
                app.theme.style("text.dim"),
            ),
            Span::styled(
                truncate(&art.title, width.saturating_sub(2)),
                app.theme.style("text"),
            ),
        ];
        if i == sel && app.focus == Pane::Card {
            for span in &mut spans {
                span.style = app.theme.selected_over(span.style, "list.selected");
            }
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
