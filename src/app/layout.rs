//! Where each pane goes for a terminal size. A pure function, used by drawing and by mouse
//! handling alike, so a click lands on what was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Lines each related story takes in its panel.
pub const RELATED_ITEM_HEIGHT: usize = 2;

/// The smallest terminal dossier draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// The panes' rectangles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub list: Rect,
    pub reader: Rect,
    pub related: Rect,
    pub card: Rect,
    pub status: Rect,
}

impl Areas {
    /// The rectangle of `pane`: one answer for drawing, mouse and scrolling.
    pub fn of(&self, pane: super::Pane) -> Rect {
        match pane {
            super::Pane::List => self.list,
            super::Pane::Reader => self.reader,
            super::Pane::Related => self.related,
            super::Pane::Card => self.card,
        }
    }
}

/// A popup of at most `width` × `height`, centred on the screen.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    use ratatui::layout::Flex;
    let [r] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(r);
    r
}

/// Where the help popup goes, for `lines` of content.
pub fn help_rect(screen: Rect, lines: usize) -> Rect {
    centered(screen, 90, lines as u16 + 2)
}

/// Where the skipped-input popup goes.
pub fn skipped_rect(screen: Rect) -> Rect {
    centered(
        screen,
        (screen.width * 4 / 5).max(50),
        (screen.height * 2 / 3).max(8),
    )
}

/// `None` when the terminal is too small. `zoom`: the reader takes the whole width and the
/// other panes none (drawn nowhere, clicked nowhere).
pub fn areas(size: Rect, zoom: bool) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(size);
    if zoom {
        return Some(Areas {
            reader: main,
            status,
            ..Areas::default()
        });
    }
    if size.width >= 110 {
        // Three columns: list, reader, related with the entity card beneath.
        let [list, reader, side] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(44),
            Constraint::Percentage(26),
        ])
        .areas(main);
        let card_h = (side.height / 3).clamp(6, 12);
        let [related, card] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(card_h)]).areas(side);
        Some(Areas {
            list,
            reader,
            related,
            card,
            status,
        })
    } else {
        // Narrow: the list on the left; the reader above related stories and the card.
        let [list, right] =
            Layout::horizontal([Constraint::Percentage(34), Constraint::Percentage(66)])
                .areas(main);
        let bottom_h = (right.height * 2 / 5).max(5);
        let [reader, bottom] =
            Layout::vertical([Constraint::Min(4), Constraint::Length(bottom_h)]).areas(right);
        let [related, card] =
            Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(bottom);
        Some(Areas {
            list,
            reader,
            related,
            card,
            status,
        })
    }
}

/// Display width of text, as ratatui measures it.
pub fn text_width(s: &str) -> usize {
    ratatui::text::Span::raw(s).width()
}

/// The inside of a bordered pane.
pub fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(areas(Rect::new(0, 0, 59, 40), false), None);
        assert_eq!(areas(Rect::new(0, 0, 80, 14), false), None);
        for (w, h) in [(60, 15), (120, 40), (200, 60)] {
            let a = areas(Rect::new(0, 0, w, h), false).unwrap();
            for r in [a.list, a.reader, a.related, a.card] {
                assert!(r.width >= 10 && r.height >= 3, "{w}x{h}: {r:?}");
            }
            assert_eq!(a.status.y, h - 1);
        }
    }
}
