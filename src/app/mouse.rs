//! The mouse: a click selects the row or mention under it (and focuses its pane), the wheel
//! scrolls the pane under the pointer.

use crossterm::event::{MouseButton, MouseEventKind};
use ratatui::layout::Position;

use super::layout::{RELATED_ITEM_HEIGHT, inner};
use super::{App, Pane, Popup};

impl App {
    pub(super) fn on_mouse(&mut self, m: crossterm::event::MouseEvent) {
        let Some(areas) = self.areas() else { return };
        if !matches!(self.popup, Popup::None) || self.data.is_none() {
            return;
        }
        let pos = Position::new(m.column, m.row);
        let pane = [Pane::List, Pane::Reader, Pane::Related, Pane::Card]
            .into_iter()
            .find(|&p| areas.of(p).contains(pos));
        let Some(pane) = pane else { return };
        match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let before = self.focus;
                self.focus = pane;
                self.move_by(if m.kind == MouseEventKind::ScrollDown {
                    3
                } else {
                    -3
                });
                self.focus = before;
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = pane;
                let r = inner(areas.of(pane));
                if !r.contains(pos) {
                    return;
                }
                let row = (m.row - r.y) as usize;
                match pane {
                    Pane::List => {
                        let i = self.list_offset() + row;
                        if i < self.list.rows.len() {
                            self.list.sel = i;
                            self.activate();
                            self.focus = Pane::List;
                        }
                    }
                    // The card's rows are not all articles; a click focuses it.
                    Pane::Card => {}
                    Pane::Related => {
                        let i = self.related_offset() + row / RELATED_ITEM_HEIGHT;
                        if i < self.related().len() {
                            self.related.sel = i;
                        }
                    }
                    Pane::Reader => {
                        let (Some(data), Some(a)) = (&self.data, self.reader.current) else {
                            return;
                        };
                        let segs = self.reader.layout.segs(data, a, self.reader.scroll + row);
                        let mut col = 0usize;
                        let x = (m.column - r.x) as usize;
                        for seg in &segs {
                            let w = super::layout::text_width(&seg.text);
                            if x < col + w {
                                if seg.mention.is_some() {
                                    self.reader.mention = seg.mention;
                                }
                                break;
                            }
                            col += w;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
