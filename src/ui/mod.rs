//! Drawing: the app's state onto a ratatui frame. Nothing here changes state or does I/O;
//! every colour comes from the theme, asked by meaning.

mod list;
mod popup;
mod reader;
mod related;
mod status;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_list;
#[cfg(test)]
mod tests_wrap;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Pane, Popup};

/// Draws the whole screen.
/// What drawing reads: the app's state, and the theme (which only drawing knows of). Derefs
/// to the app, so a widget reads `app.focus` and `app.theme` alike.
pub struct View<'a> {
    pub app: &'a App,
    pub theme: &'a theme::Theme,
}

impl std::ops::Deref for View<'_> {
    type Target = App;
    fn deref(&self) -> &App {
        self.app
    }
}

/// Draws the whole screen from `app`, in `theme`.
pub fn draw(frame: &mut Frame, app: &App, theme: &theme::Theme) {
    draw_view(frame, &View { app, theme });
}

fn draw_view(frame: &mut Frame, app: &View) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.theme.style("text")), area);
    // The frame's own area, never the size of the last resize event: during a burst of
    // resizes the two differ, and a pane laid out for the other size wrote outside the buffer.
    let Some(areas) = crate::app::layout::areas(area, app.zoom) else {
        too_small(frame, app, area);
        return;
    };
    // Zoomed, the reader alone has room.
    if !app.zoom {
        list::draw(frame, app, areas.list);
        related::draw(frame, app, areas.related);
        related::draw_card(frame, app, areas.card);
    }
    reader::draw(frame, app, areas.reader);
    status::draw(frame, app, areas.status);
    match &app.popup {
        Popup::Finder(f) => popup::finder(frame, app, f, area),
        Popup::Help => popup::help(frame, app, area),
        Popup::Skipped => popup::skipped(frame, app, area),
        Popup::Link(detail) => popup::link(frame, app, area, detail),
        Popup::Search { .. } | Popup::None => {}
    }
}

fn too_small(frame: &mut Frame, app: &View, area: Rect) {
    let text = format!(
        "terminal too small: {}×{}, dossier needs {MIN_WIDTH}×{MIN_HEIGHT}",
        area.width, area.height
    );
    let y = area.height / 2;
    let r = Rect {
        x: area.x,
        y: area.y + y,
        width: area.width,
        height: 1.min(area.height),
    };
    frame.render_widget(
        Paragraph::new(text)
            .style(app.theme.style("warning"))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        r,
    );
}

/// A pane's frame: rounded border, title, focus shown by the border's style.
pub fn pane_block<'a>(app: &View, title: impl Into<Line<'a>>, pane: Option<Pane>) -> Block<'a> {
    let focused = pane.is_some_and(|p| p == app.focus) && matches!(app.popup, Popup::None);
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(
            app.theme
                .style(if focused { "border.focused" } else { "border" }),
        )
        .title(title.into().style(app.theme.style("pane.title")))
}

/// A language badge: " DE ".
pub fn badge(app: &View, lang: &str) -> ratatui::text::Span<'static> {
    ratatui::text::Span::styled(
        format!(" {} ", lang.to_uppercase()),
        app.theme.style("badge"),
    )
}

/// Article text as cells can hold it: a flag is two regional-indicator characters that
/// terminals draw as one double-width glyph, which cell-by-cell drawing splits into halves;
/// they are shown as their letters instead ("🇩🇪" → "DE"), one cell each, as measured.
pub fn cell_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let is_ri = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
    if !text.chars().any(is_ri) {
        return std::borrow::Cow::Borrowed(text);
    }
    // Flags side by side ran together ("🇨🇳🇷🇺" read "CNRU"): in a run of flags every other
    // one is in lower case ("CNru"), which tells them apart in the same cells.
    let mut in_run = 0usize;
    text.chars()
        .map(|c| {
            if is_ri(c) {
                let letter = char::from(b'A' + (c as u32 - 0x1F1E6) as u8);
                let flag = in_run / 2;
                in_run += 1;
                if flag % 2 == 1 {
                    letter.to_ascii_lowercase()
                } else {
                    letter
                }
            } else {
                in_run = 0;
                c
            }
        })
        .collect()
}

/// Cuts `text` to `width` columns, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    let text = &*cell_safe(text);
    if crate::app::layout::text_width(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = crate::app::layout::text_width(c.encode_utf8(&mut [0u8; 4]));
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The style for a mention of an entity of `kind`, emphasised when selected.
pub fn mention_style(app: &View, kind: crate::nlp::Kind, selected: bool) -> Style {
    if selected {
        app.theme.style("entity.selected")
    } else {
        app.theme.style(&format!("entity.{}", kind.as_str()))
    }
}
