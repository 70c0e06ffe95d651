//! A one-line prompt that edits like a shell line: the search and the entity finder type into
//! it. Characters go in at the cursor; ←/→ (Ctrl-b/Ctrl-f), Home/End (Ctrl-a/Ctrl-e) move;
//! Backspace and Delete remove a character; Ctrl-w the word before the cursor, Ctrl-u all
//! before it, Ctrl-k all after it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prompt {
    text: String,
    /// Byte offset of the cursor, always at a character boundary.
    cursor: usize,
}

impl Prompt {
    /// A prompt holding `text`, the cursor at its end.
    pub fn with(text: &str) -> Prompt {
        Prompt {
            text: text.to_owned(),
            cursor: text.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text before and after the cursor, for drawing.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Applies `key` if it is an edit: `Some(true)` when the text changed, `Some(false)` when
    /// only the cursor moved, `None` when the key is not for the prompt.
    pub fn edit(&mut self, key: &KeyEvent) -> Option<bool> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let before = self.text.clone();
        match key.code {
            KeyCode::Char(c) if !ctrl && !alt => {
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
            }
            KeyCode::Char('u') if ctrl => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => self.text.truncate(self.cursor),
            KeyCode::Char('w') if ctrl => {
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
                    i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
                });
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.text.len(),
            KeyCode::Char('b') if ctrl => self.cursor = self.prev(),
            KeyCode::Char('f') if ctrl => self.cursor = self.next(),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.len(),
            KeyCode::Left => self.cursor = self.prev(),
            KeyCode::Right => self.cursor = self.next(),
            KeyCode::Backspace => {
                let p = self.prev();
                self.text.replace_range(p..self.cursor, "");
                self.cursor = p;
            }
            KeyCode::Delete => {
                let n = self.next();
                self.text.replace_range(self.cursor..n, "");
            }
            _ => return None,
        }
        Some(self.text != before)
    }

    fn prev(&self) -> usize {
        self.text[..self.cursor]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next(&self) -> usize {
        self.text[self.cursor..]
            .chars()
            .next()
            .map_or(self.cursor, |c| self.cursor + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn press(p: &mut Prompt, code: KeyCode, modifiers: KeyModifiers) -> Option<bool> {
        p.edit(&KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    fn typed(p: &mut Prompt, s: &str) {
        for c in s.chars() {
            press(p, KeyCode::Char(c), KeyModifiers::NONE);
        }
    }

    #[test]
    fn edits_like_a_shell_line() {
        let mut p = Prompt::default();
        typed(&mut p, "andrei rüdenko");
        assert_eq!(
            press(&mut p, KeyCode::Char('w'), KeyModifiers::CONTROL),
            Some(true)
        );
        assert_eq!(p.text(), "andrei ");
        typed(&mut p, "rudenko");
        for _ in 0..7 {
            press(&mut p, KeyCode::Left, KeyModifiers::NONE);
        }
        typed(&mut p, "x");
        assert_eq!(p.split(), ("andrei x", "rudenko"));
        press(&mut p, KeyCode::Backspace, KeyModifiers::NONE);
        press(&mut p, KeyCode::Delete, KeyModifiers::NONE);
        assert_eq!(p.text(), "andrei udenko");
        assert_eq!(
            press(&mut p, KeyCode::Char('u'), KeyModifiers::CONTROL),
            Some(true)
        );
        assert_eq!(p.split(), ("", "udenko"));
        press(&mut p, KeyCode::End, KeyModifiers::NONE);
        press(&mut p, KeyCode::Left, KeyModifiers::NONE);
        press(&mut p, KeyCode::Char('k'), KeyModifiers::CONTROL);
        assert_eq!(p.text(), "udenk");
        assert_eq!(
            press(&mut p, KeyCode::Left, KeyModifiers::NONE),
            Some(false)
        );
        assert_eq!(press(&mut p, KeyCode::Enter, KeyModifiers::NONE), None);
        // Multi-byte characters move and delete whole.
        let mut q = Prompt::default();
        typed(&mut q, "pjö");
        press(&mut q, KeyCode::Left, KeyModifiers::NONE);
        press(&mut q, KeyCode::Delete, KeyModifiers::NONE);
        assert_eq!(q.text(), "pj");
    }
}
