//! Reading through a list the way newsboat users do: the next or previous unread article
//! (into folded stories), and everything in the list marked read at once, with an undo.

use super::list::Row;
use super::{App, Effect};

impl App {
    /// Whether article `a` is unread.
    fn unread(&self, a: usize) -> bool {
        self.data
            .as_ref()
            .is_some_and(|d| !self.state.read.contains(&d.keys[a]))
    }

    /// Opens the next (previous) unread article after (before) the cursor, going round the
    /// list once; an unread member of a folded story unfolds it.
    pub(super) fn step_unread(&mut self, forward: bool) {
        let n = self.list.rows.len();
        if n == 0 {
            return;
        }
        let found = (1..=n)
            .map(|k| {
                if forward {
                    (self.list.sel + k) % n
                } else {
                    (self.list.sel + n - k % n) % n
                }
            })
            .find_map(|i| match &self.list.rows[i] {
                Row::Story {
                    members,
                    expanded: false,
                    ..
                } => {
                    let unread: Vec<usize> = members
                        .iter()
                        .copied()
                        .filter(|&m| self.unread(m))
                        .collect();
                    if forward {
                        unread.first().copied()
                    } else {
                        unread.last().copied()
                    }
                }
                // An unfolded story's members are rows of their own.
                Row::Story { .. } => None,
                Row::Article { article, .. } => Some(*article).filter(|&a| self.unread(a)),
            });
        match found {
            Some(a) => self.open(a, true),
            None => self.say("no unread article in the list", 5),
        }
    }

    /// Marks every article of the list as filtered now (folded story members too) read, and
    /// keeps what it marked for `undo`.
    pub(super) fn mark_all_read(&mut self) -> Vec<Effect> {
        let Some(data) = self.data.clone() else {
            return vec![];
        };
        let shown = self.list.view.apply(&data, &self.state, &self.list.visible);
        let marked: Vec<String> = shown
            .iter()
            .map(|&a| data.keys[a].clone())
            .filter(|k| !self.state.read.contains(k))
            .collect();
        if marked.is_empty() {
            self.say("every article in the list is read already", 5);
            return vec![];
        }
        let undo = self.keymap.keys_for(super::action::Action::Undo);
        self.say(
            format!(
                "marked {} read{}",
                plural(marked.len(), "article"),
                undo.first()
                    .map(|k| format!(" — {k} undoes"))
                    .unwrap_or_default()
            ),
            15,
        );
        self.state.read.extend(marked.iter().cloned());
        self.undo_marks = Some(marked);
        self.rebuild_after_marks();
        vec![Effect::SaveState(self.state.clone())]
    }

    /// Takes back the last `mark_all_read`.
    pub(super) fn undo_marks(&mut self) -> Vec<Effect> {
        let Some(marked) = self.undo_marks.take() else {
            self.say("nothing to undo", 5);
            return vec![];
        };
        for k in &marked {
            self.state.read.remove(k);
        }
        self.say(
            format!("{} unread again", plural(marked.len(), "article")),
            10,
        );
        self.rebuild_after_marks();
        vec![Effect::SaveState(self.state.clone())]
    }

    /// An unread-only view changes with the marks.
    fn rebuild_after_marks(&mut self) {
        if self.list.view.unread_only {
            self.refilter();
        }
    }
}

/// "1 article", "12 articles".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
