//! Keys to actions: the defaults, overridable from the config file with key names such as
//! `"ctrl-c"`, `"alt-left"`, `"shift-tab"`, `"pgdn"`, `"?"`, `"j"`.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, as the keymap knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn from_event(e: &KeyEvent) -> Key {
        // Shift is part of the character for printable keys ("G", "?"); keep it only for
        // named keys, and fold BackTab into shift-tab.
        let mut mods =
            e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match e.code {
            KeyCode::BackTab => {
                mods |= KeyModifiers::SHIFT;
                KeyCode::Tab
            }
            KeyCode::Char(c) => {
                mods -= KeyModifiers::SHIFT;
                KeyCode::Char(c)
            }
            c => c,
        };
        Key { code, mods }
    }

    /// Parses "ctrl-c", "alt-left", "shift-tab", "enter", "G", "?".
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (m, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            mods |= m;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "delete" | "del" => KeyCode::Delete,
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(format!("unknown key {s:?}")),
                }
            }
        };
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::SHIFT)
        {
            // "shift-g" is "G".
            mods -= KeyModifiers::SHIFT;
            return Ok(Key {
                code: KeyCode::Char(c.to_ascii_uppercase()),
                mods,
            });
        }
        Ok(Key { code, mods })
    }

    /// The key as the help overlay shows it.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        s.push_str(&match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        });
        s
    }
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
}

const DEFAULTS: &[(&str, Action)] = &[
    ("tab", Action::FocusNext),
    ("shift-tab", Action::FocusPrev),
    ("j", Action::Down),
    ("down", Action::Down),
    ("k", Action::Up),
    ("up", Action::Up),
    ("pgdn", Action::PageDown),
    ("space", Action::PageDown),
    ("pgup", Action::PageUp),
    ("g", Action::Top),
    ("home", Action::Top),
    ("G", Action::Bottom),
    ("end", Action::Bottom),
    ("enter", Action::Activate),
    ("]", Action::NextMention),
    ("[", Action::PrevMention),
    ("n", Action::NextOccurrence),
    ("N", Action::PrevOccurrence),
    ("backspace", Action::Back),
    // As in vim and helix; most terminals send Ctrl-i as Tab (focus next), so Alt-→ is the
    // forward key that always works.
    ("ctrl-o", Action::Back),
    ("ctrl-i", Action::Forward),
    ("J", Action::NextUnread),
    ("K", Action::PrevUnread),
    ("A", Action::MarkAllRead),
    ("U", Action::Undo),
    ("R", Action::Reload),
    ("z", Action::Zoom),
    ("1", Action::FocusList),
    ("2", Action::FocusReader),
    ("3", Action::FocusRelated),
    ("4", Action::FocusCard),
    ("alt-left", Action::Back),
    ("alt-right", Action::Forward),
    ("e", Action::EntityFinder),
    ("/", Action::Search),
    ("esc", Action::Escape),
    ("m", Action::ToggleRead),
    ("b", Action::ToggleBookmark),
    ("o", Action::OpenUrl),
    ("c", Action::CopyUrl),
    ("s", Action::Sort),
    ("u", Action::FilterUnread),
    ("*", Action::FilterBookmarked),
    ("L", Action::FilterLanguage),
    ("w", Action::ShowSkipped),
    ("i", Action::LinkDetail),
    ("?", Action::Help),
    ("f1", Action::Help),
    ("h", Action::FocusPrev),
    ("l", Action::FocusNext),
    ("ctrl-d", Action::PageDown),
    ("ctrl-u", Action::PageUp),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(k, a)| (Key::parse(k).expect("default keys parse"), *a))
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with `overrides` (key name → action) applied on top.
    pub fn with_overrides(overrides: &[(Key, Action)]) -> Keymap {
        let mut map = Keymap::default();
        for (k, a) in overrides {
            map.bindings.insert(*k, *a);
        }
        map
    }

    pub fn action(&self, key: &KeyEvent) -> Option<Action> {
        self.bindings.get(&Key::from_event(key)).copied()
    }

    /// The keys bound to `action`, as labels, in a stable order.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k.label())
            .collect();
        keys.sort_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn defaults_map_keys() {
        let k = Keymap::default();
        assert_eq!(
            k.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(&ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Left, KeyModifiers::ALT)),
            Some(Action::Back)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(&ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(k.action(&ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
        // newsboat's, lazygit's and helix's habits.
        for (code, mods, action) in [
            (KeyCode::Char('J'), KeyModifiers::SHIFT, Action::NextUnread),
            (KeyCode::Char('K'), KeyModifiers::SHIFT, Action::PrevUnread),
            (KeyCode::Char('A'), KeyModifiers::SHIFT, Action::MarkAllRead),
            (KeyCode::Char('U'), KeyModifiers::SHIFT, Action::Undo),
            (KeyCode::Char('R'), KeyModifiers::SHIFT, Action::Reload),
            (KeyCode::Char('z'), KeyModifiers::NONE, Action::Zoom),
            (KeyCode::Char('1'), KeyModifiers::NONE, Action::FocusList),
            (KeyCode::Char('4'), KeyModifiers::NONE, Action::FocusCard),
            (KeyCode::Char('o'), KeyModifiers::CONTROL, Action::Back),
            (KeyCode::Char('i'), KeyModifiers::CONTROL, Action::Forward),
        ] {
            assert_eq!(k.action(&ev(code, mods)), Some(action), "{code:?}");
        }
        // Every action has a default key.
        for &a in Action::ALL {
            assert!(!k.keys_for(a).is_empty(), "{a:?} has no key");
        }
    }

    #[test]
    fn parse_and_label() {
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "Ctrl-c");
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert_eq!(Key::parse("alt-left").unwrap().label(), "Alt-←");
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
        assert!(Key::parse("hyper-x").is_err());
    }

    #[test]
    fn overrides_apply() {
        let k = Keymap::with_overrides(&[(Key::parse("x").unwrap(), Action::Quit)]);
        assert_eq!(
            k.action(&ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::Quit)
        );
        assert_eq!(k.keys_for(Action::Quit), ["q", "x", "Ctrl-c"]);
    }
}
