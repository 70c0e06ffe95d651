//! The status line: key hints for the focused pane, or the search prompt, and messages
//! (loading progress, skipped files, what just happened).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::View;
use crate::app::action::Action;
use crate::app::{Pane, Popup};

pub fn draw(frame: &mut Frame, app: &View, area: Rect) {
    let mut spans: Vec<Span> = Vec::new();
    if let Popup::Search { query, .. } = &app.popup {
        spans.push(Span::styled(" search: ", app.theme.style("status.key")));
        let (head, tail) = query.split();
        spans.push(Span::styled(head.to_owned(), app.theme.style("status")));
        spans.push(Span::styled("▏", app.theme.style("status.key")));
        spans.push(Span::styled(tail.to_owned(), app.theme.style("status")));
        spans.push(Span::styled(
            "  Enter keep · Esc cancel",
            app.theme.style("status"),
        ));
    } else {
        if let Some(loading) = &app.loading {
            let meter = app
                .meter
                .as_ref()
                .map(|m| format!(" {m}"))
                .unwrap_or_default();
            spans.push(Span::styled(
                format!(" {loading}{meter} "),
                app.theme.style("status.message"),
            ));
        }
        if let Some(msg) = &app.message {
            // A long message is cut with an ellipsis, leaving room for a few key hints.
            let room = (area.width as usize * 2 / 3).max(20);
            spans.push(Span::styled(
                format!(" {} ", super::truncate(msg, room)),
                app.theme.style("status.message"),
            ));
        }
        let hints: &[(Action, &str)] = match app.focus {
            Pane::List => &[
                (Action::Activate, "open"),
                (Action::EntityFinder, "entities"),
                (Action::Search, "search"),
                (Action::FocusNext, "pane"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ],
            Pane::Reader => &[
                (Action::NextMention, "mention"),
                (Action::Activate, "filter"),
                (Action::NextOccurrence, "next occurrence"),
                (Action::Back, "back"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ],
            Pane::Card => &[
                (Action::Down, "article"),
                (Action::Activate, "open on the entity"),
                (Action::FocusNext, "pane"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ],
            Pane::Related => &[
                (Action::Activate, "open story"),
                (Action::Back, "back"),
                (Action::FocusNext, "pane"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ],
        };
        for (action, label) in hints {
            if let Some(key) = app.keymap.keys_for(*action).first() {
                spans.push(Span::styled(
                    format!(" {key}"),
                    app.theme.style("status.key"),
                ));
                spans.push(Span::styled(
                    format!(" {label} "),
                    app.theme.style("status"),
                ));
            }
        }
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(app.theme.style("status")),
        area,
    );
}
