//! Moving around: the cursor of each pane, scrolling, and stepping from mention to mention
//! (on into the next article that mentions the same entity).

use super::layout::{RELATED_ITEM_HEIGHT, inner};
use super::{App, Pane};

impl App {
    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let Some(a) = self.areas() else { return 1 };
        (inner(a.of(pane)).height as usize).max(1)
    }

    pub(super) fn page(&self) -> usize {
        let h = self.pane_height(self.focus);
        if self.focus == Pane::Related {
            (h / RELATED_ITEM_HEIGHT).max(1)
        } else {
            h.saturating_sub(1).max(1)
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        let clamp = |v: usize, d: isize, len: usize| {
            (v as isize)
                .saturating_add(d)
                .clamp(0, len.saturating_sub(1) as isize) as usize
        };
        match self.focus {
            Pane::List => {
                self.list.sel = clamp(self.list.sel, delta, self.list.rows.len());
                self.preview_selected();
            }
            Pane::Reader => {
                let max = self.max_reader_scroll();
                self.reader.scroll = clamp(self.reader.scroll, delta, max + 1);
            }
            Pane::Related => {
                self.related.sel = clamp(self.related.sel, delta, self.related().len())
            }
            Pane::Card => {
                let n = self.card_articles().len();
                self.related.card_sel = clamp(self.related.card_sel, delta, n);
            }
        }
    }

    pub(super) fn step_mention(&mut self, dir: isize) {
        let Some(n) = self
            .data
            .as_ref()
            .zip(self.reader.current)
            .map(|(d, a)| d.entities.mentions[a].len())
        else {
            return;
        };
        if n == 0 {
            return;
        }
        // From what is on screen: a selected mention scrolled out of view (or none) is no
        // place to step from, the view is (`g Space Space ]` went back to paragraph 1).
        let lines = &self.reader.layout.mention_line;
        let (top, h) = (self.reader.scroll, self.pane_height(Pane::Reader));
        let in_view = |m: usize| lines.get(m).is_some_and(|&l| l >= top && l < top + h);
        self.reader.mention = Some(match self.reader.mention.filter(|&m| in_view(m)) {
            Some(m) => ((m as isize + dir).rem_euclid(n as isize)) as usize,
            None if dir > 0 => (0..n)
                .find(|&m| lines.get(m).is_some_and(|&l| l >= top))
                .unwrap_or(0),
            None => (0..n)
                .rev()
                .find(|&m| lines.get(m).is_some_and(|&l| l < top + h))
                .unwrap_or(n - 1),
        });
        self.show_selected_mention();
    }

    /// The next (or previous) mention of the selected entity, into the next article that
    /// mentions it when this one has no more.
    /// With no mention selected, the entity the list is filtered by is the one followed.
    pub(super) fn step_occurrence(&mut self, forward: bool) {
        let filtered = match self.filter {
            super::Filter::Entity(e) => Some(e),
            _ => None,
        };
        let (Some(e), Some(a)) = (self.selected_entity().or(filtered), self.reader.current) else {
            self.say("select a mention first: ] and [", 5);
            return;
        };
        let data = self.data.as_ref().expect("loaded");
        let ms = &data.entities.mentions[a];
        let here: Vec<usize> = (0..ms.len()).filter(|&i| ms[i].entity == e).collect();
        let m = self
            .reader
            .mention
            .filter(|&m| ms.get(m).is_some_and(|x| x.entity == e));
        let next = match (m, forward) {
            (Some(m), true) => here.iter().find(|&&i| i > m),
            (Some(m), false) => here.iter().rev().find(|&&i| i < m),
            (None, true) => here.first(),
            (None, false) => here.last(),
        };
        if let Some(&i) = next {
            self.reader.mention = Some(i);
            self.show_selected_mention();
            return;
        }
        let arts = &data.entities.list[e].articles;
        if arts.len() < 2 {
            let text = format!("{} is in no other article", data.entities.list[e].name);
            self.say(text, 5);
            return;
        }
        let pos = arts.iter().position(|&x| x == a).unwrap_or(0);
        let other = if forward {
            arts[(pos + 1) % arts.len()]
        } else {
            arts[(pos + arts.len() - 1) % arts.len()]
        };
        let other_ms = &data.entities.mentions[other];
        let pick = if forward {
            other_ms.iter().position(|x| x.entity == e)
        } else {
            other_ms.iter().rposition(|x| x.entity == e)
        };
        self.open(other, true);
        self.reader.mention = pick;
        self.show_selected_mention();
    }

    pub(super) fn show_selected_mention(&mut self) {
        let Some(m) = self.reader.mention else {
            return;
        };
        let line = self.reader.layout.mention_line.get(m).copied().unwrap_or(0);
        self.scroll_to_line(line);
    }

    /// Selects the first mention of entity `e` in the open article, if it has one, and
    /// scrolls to it.
    pub(super) fn select_first_mention(&mut self, e: usize) {
        let (Some(data), Some(a)) = (&self.data, self.reader.current) else {
            return;
        };
        let first = data.entities.mentions[a].iter().position(|m| m.entity == e);
        if first.is_some() {
            self.reader.mention = first;
            self.show_selected_mention();
        }
    }

    /// Brings reader line `line` into view (a third down the pane) if it is not in view.
    pub(super) fn scroll_to_line(&mut self, line: usize) {
        let h = self.pane_height(Pane::Reader);
        if line < self.reader.scroll || line >= self.reader.scroll + h {
            self.reader.scroll = line.saturating_sub(h / 3);
        }
    }

    /// The furthest the reader scrolls: its last line at the bottom of the pane.
    pub(super) fn max_reader_scroll(&self) -> usize {
        self.reader
            .layout
            .lines
            .len()
            .saturating_sub(self.pane_height(Pane::Reader))
    }

    /// The list's first visible row, as drawn: the selection kept in view.
    pub fn list_offset(&self) -> usize {
        let h = self.pane_height(Pane::List);
        self.list.sel.saturating_sub(h.saturating_sub(1))
    }

    pub fn related_offset(&self) -> usize {
        let per_page = (self.pane_height(Pane::Related) / RELATED_ITEM_HEIGHT).max(1);
        self.related.sel.saturating_sub(per_page - 1)
    }
}
