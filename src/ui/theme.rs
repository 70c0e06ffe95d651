//! Themes: styles looked up by meaning, with fallback along the dots (`entity.person` →
//! `entity` → `text`), as helix does. Widgets ask the theme what a thing means and never pick
//! colours themselves. Built-in themes (`themes/*.toml`) are embedded; a user's theme files in
//! the config directory's `themes/` add to or override them. `NO_COLOR` keeps only modifiers.

use std::collections::HashMap;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// The built-in themes, embedded from `themes/`.
pub const BUILTIN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
    ("gruvbox", include_str!("../../themes/gruvbox.toml")),
];

pub const DEFAULT: &str = "dark";

/// A resolved theme: scope → style.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    styles: HashMap<String, Style>,
    no_color: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[allow(dead_code)]
    name: Option<String>,
    /// A theme to start from: its styles, then this file's on top.
    inherits: Option<String>,
    #[serde(default)]
    styles: HashMap<String, StyleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl Theme {
    /// The style of `scope`, falling back along the dots, then to `text`.
    pub fn style(&self, scope: &str) -> Style {
        let mut s = scope;
        loop {
            if let Some(style) = self.styles.get(s) {
                return self.strip(scope, *style);
            }
            match s.rfind('.') {
                Some(i) => s = &s[..i],
                None => break,
            }
        }
        self.styles
            .get("text")
            .map(|st| self.strip(scope, *st))
            .unwrap_or_default()
    }

    /// The theme for a terminal without 24-bit colour: every RGB colour becomes the nearest
    /// of the xterm 256-colour palette (the themes are written in hex).
    pub fn in_256_colours(mut self) -> Theme {
        for style in self.styles.values_mut() {
            style.fg = style.fg.map(to_256);
            style.bg = style.bg.map(to_256);
        }
        self
    }

    /// The style of selected text drawn over `base`: the selection's colours win over the
    /// span's own (a coloured span on the selection bar must stay readable).
    pub fn selected_over(&self, base: Style, scope: &str) -> Style {
        base.patch(self.style(scope))
    }

    /// Without colours, what colour told must still show: a cursor or selection is reverse
    /// video, the selected mention reverse and bold, the focused pane's border bold.
    fn strip(&self, scope: &str, style: Style) -> Style {
        if !self.no_color {
            return style;
        }
        let plain = Style {
            fg: None,
            bg: None,
            ..style
        };
        // Each kind of name its own attribute, whatever the theme's modifiers (which were
        // chosen beside colours: places had none, people and organisations were both bold).
        let only = |m: Modifier| Style {
            add_modifier: m,
            sub_modifier: Modifier::empty(),
            ..plain
        };
        match scope {
            "entity.selected" => plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            s if s.ends_with(".selected") => plain.add_modifier(Modifier::REVERSED),
            "border.focused" => plain.add_modifier(Modifier::BOLD),
            "match" => only(Modifier::REVERSED),
            s if s.starts_with("entity.person") => only(Modifier::BOLD),
            s if s.starts_with("entity.place") => only(Modifier::UNDERLINED),
            s if s.starts_with("entity.organization") => only(Modifier::ITALIC),
            s if s.starts_with("entity.other") || s == "entity" => {
                only(Modifier::BOLD | Modifier::ITALIC)
            }
            _ => plain,
        }
    }

    /// Parses a theme file's text; the error names the key at fault.
    pub fn parse(name: &str, text: &str, no_color: bool) -> Result<Theme, String> {
        Theme::parse_in(name, text, no_color, None, 0)
    }

    /// [`Theme::parse`], with `user_dir` to find a theme named by `inherits` (a user theme
    /// named like a built-in one that inherits from that name gets the built-in).
    fn parse_in(
        name: &str,
        text: &str,
        no_color: bool,
        user_dir: Option<&Path>,
        depth: usize,
    ) -> Result<Theme, String> {
        let file: ThemeFile =
            toml::from_str(text).map_err(|e| crate::config::describe_toml_error(&e, text))?;
        let mut styles = match &file.inherits {
            Some(_) if depth >= 8 => {
                return Err("inherits: more than 8 themes deep (a cycle?)".into());
            }
            Some(base) => {
                let dir = if base == name { None } else { user_dir };
                Theme::load_in(base, dir, no_color, depth + 1)
                    .map_err(|e| format!("inherits: {e}"))?
                    .styles
            }
            None => HashMap::new(),
        };
        for (scope, spec) in file.styles {
            if !is_known_scope(&scope) {
                return Err(format!(
                    "styles.\"{scope}\": unknown style (known: {})",
                    KNOWN_SCOPES.join(", ")
                ));
            }
            let mut style = Style::new();
            if let Some(fg) = &spec.fg {
                style = style.fg(parse_color(fg)
                    .ok_or_else(|| format!("styles.\"{scope}\".fg: unknown colour {fg:?}"))?);
            }
            if let Some(bg) = &spec.bg {
                style = style.bg(parse_color(bg)
                    .ok_or_else(|| format!("styles.\"{scope}\".bg: unknown colour {bg:?}"))?);
            }
            for m in &spec.modifiers {
                style = style.add_modifier(parse_modifier(m).ok_or_else(|| {
                    format!("styles.\"{scope}\".modifiers: unknown modifier {m:?}")
                })?);
            }
            styles.insert(scope, style);
        }
        Ok(Theme { styles, no_color })
    }

    /// Theme `name`: a user theme file from `user_dir` first, else a built-in.
    pub fn load(name: &str, user_dir: Option<&Path>, no_color: bool) -> Result<Theme, String> {
        Theme::load_in(name, user_dir, no_color, 0)
    }

    fn load_in(
        name: &str,
        user_dir: Option<&Path>,
        no_color: bool,
        depth: usize,
    ) -> Result<Theme, String> {
        if let Some(dir) = user_dir {
            let path = dir.join(format!("{name}.toml"));
            if let Ok(text) = std::fs::read_to_string(&path) {
                return Theme::parse_in(name, &text, no_color, Some(dir), depth)
                    .map_err(|e| format!("{}: {e}", path.display()));
            }
        }
        let (_, text) = BUILTIN.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
            format!(
                "unknown theme {name:?} (built in: {}; or a file {name}.toml in the themes folder)",
                names.join(", ")
            )
        })?;
        Theme::parse(name, text, no_color).map_err(|e| format!("built-in theme {name}: {e}"))
    }
}

/// Every style a theme can set; a misspelled one in a theme file is an error, not silence.
pub const KNOWN_SCOPES: &[&str] = &[
    "badge",
    "border",
    "border.focused",
    "entity",
    "entity.organization",
    "entity.other",
    "entity.person",
    "entity.place",
    "entity.selected",
    "list.bookmark",
    "list.selected",
    "list.unread",
    "match",
    "meta",
    "pane.title",
    "popup",
    "popup.border",
    "related.same",
    "score.bar",
    "score.empty",
    "status",
    "status.key",
    "status.message",
    "text",
    "text.dim",
    "title",
    "warning",
];

fn is_known_scope(scope: &str) -> bool {
    KNOWN_SCOPES.contains(&scope)
}

fn parse_color(s: &str) -> Option<Color> {
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() == 6 {
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return None;
    }
    Some(match s.to_ascii_lowercase().as_str() {
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        "reset" => Color::Reset,
        _ => return None,
    })
}

fn parse_modifier(s: &str) -> Option<Modifier> {
    Some(match s {
        "bold" => Modifier::BOLD,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "dim" => Modifier::DIM,
        "crossed_out" => Modifier::CROSSED_OUT,
        _ => return None,
    })
}

/// Whether the terminal says it shows 24-bit colour (`COLORTERM=truecolor` or `24bit`).
pub fn truecolor(colorterm: Option<&str>) -> bool {
    matches!(colorterm, Some("truecolor" | "24bit"))
}

/// The nearest xterm-256 colour to an RGB one: the 6×6×6 cube or the grey ramp, whichever is
/// closer. Other colours (named, indexed) stay.
fn to_256(c: Color) -> Color {
    let Color::Rgb(r, g, b) = c else { return c };
    const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];
    let nearest_level = |v: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0)
    };
    let (ri, gi, bi) = (nearest_level(r), nearest_level(g), nearest_level(b));
    let cube = (LEVELS[ri], LEVELS[gi], LEVELS[bi]);
    let grey_i = ((i32::from(r) + i32::from(g) + i32::from(b)) / 3 - 8).clamp(0, 230) / 10;
    let grey_v = (8 + 10 * grey_i) as u8;
    let dist = |(x, y, z): (u8, u8, u8)| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(x, r) + d(y, g) + d(z, b)
    };
    if dist((grey_v, grey_v, grey_v)) < dist(cube) {
        Color::Indexed(232 + grey_i as u8)
    } else {
        Color::Indexed(16 + 36 * ri as u8 + 6 * gi as u8 + bi as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without COLORTERM=truecolor the themes' hex colours went out as 24-bit sequences.
    #[test]
    fn hex_colours_map_to_the_256_palette() {
        assert_eq!(to_256(Color::Rgb(0, 0, 0)), Color::Indexed(16));
        assert_eq!(to_256(Color::Rgb(255, 255, 255)), Color::Indexed(231));
        assert_eq!(to_256(Color::Rgb(255, 0, 0)), Color::Indexed(196));
        assert_eq!(to_256(Color::Rgb(128, 128, 128)), Color::Indexed(244));
        assert_eq!(to_256(Color::Yellow), Color::Yellow);
        let t = Theme::load("dark", None, false).unwrap().in_256_colours();
        assert!(matches!(
            t.style("list.selected").bg,
            Some(Color::Indexed(_))
        ));
        assert!(truecolor(Some("truecolor")) && !truecolor(None) && !truecolor(Some("yes")));
    }

    #[test]
    fn builtins_parse_and_fall_back_along_dots() {
        for (name, _) in BUILTIN {
            let t = Theme::load(name, None, false).unwrap();
            assert_ne!(
                t.style("entity.person"),
                t.style("entity.place"),
                "{name}: kinds look different"
            );
            assert_eq!(t.style("entity.person.extra"), t.style("entity.person"));
            assert_eq!(t.style("nothing.here"), t.style("text"));
        }
    }

    #[test]
    fn no_color_keeps_modifiers_only() {
        let t = Theme::load("dark", None, true).unwrap();
        let s = t.style("entity.person");
        assert_eq!((s.fg, s.bg), (None, None));
        assert!(s.add_modifier.contains(Modifier::BOLD));
    }

    /// `NO_COLOR` gave places no attribute at all, and persons and organisations were both
    /// bold: each kind has its own, in every built-in theme.
    #[test]
    fn no_color_tells_each_kind_apart() {
        for name in ["dark", "light", "gruvbox", "high-contrast"] {
            let t = Theme::load(name, None, true).unwrap();
            let kinds: Vec<Modifier> = ["person", "place", "organization", "other"]
                .iter()
                .map(|k| t.style(&format!("entity.{k}")).add_modifier)
                .collect();
            assert!(kinds.iter().all(|m| !m.is_empty()), "{name}: {kinds:?}");
            for (i, a) in kinds.iter().enumerate() {
                for b in &kinds[i + 1..] {
                    assert_ne!(a, b, "{name}: two kinds look alike");
                }
            }
            assert_ne!(t.style("match").add_modifier, kinds[1], "{name}");
        }
    }

    #[test]
    fn errors_name_the_key() {
        let err = Theme::parse(
            "x",
            "[styles]\n\"text\" = { fg = \"chartreuse-ish\" }\n",
            false,
        )
        .unwrap_err();
        assert_eq!(err, "styles.\"text\".fg: unknown colour \"chartreuse-ish\"");
        let err =
            Theme::parse("x", "[styles]\n\"text\" = { colour = \"red\" }\n", false).unwrap_err();
        assert!(err.contains("colour"), "{err}");
        assert!(
            Theme::load("nope", None, false)
                .unwrap_err()
                .starts_with("unknown theme \"nope\"")
        );
    }

    /// A misspelled style name was silently ignored.
    #[test]
    fn misspelled_styles_are_errors() {
        let err = Theme::parse(
            "x",
            "[styles]\n\"entty.person\" = { fg = \"red\" }\n",
            false,
        )
        .unwrap_err();
        assert!(
            err.starts_with("styles.\"entty.person\": unknown style (known: badge,"),
            "{err}"
        );
    }

    /// User themes start from a base theme and change only what they name.
    #[test]
    fn user_themes_inherit_from_a_base() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("mine.toml"),
            "inherits = \"gruvbox\"\n[styles]\n\"title\" = { fg = \"red\" }\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("dark.toml"),
            "inherits = \"dark\"\n[styles]\n\"text\" = { fg = \"blue\" }\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("a.toml"), "inherits = \"b\"\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "inherits = \"a\"\n").unwrap();
        let gruvbox = Theme::load("gruvbox", None, false).unwrap();
        let mine = Theme::load("mine", Some(dir.path()), false).unwrap();
        assert_eq!(mine.style("title").fg, Some(Color::Red));
        assert_eq!(mine.style("list.selected"), gruvbox.style("list.selected"));
        let dark = Theme::load("dark", Some(dir.path()), false).unwrap();
        assert_eq!(dark.style("text").fg, Some(Color::Blue));
        assert!(
            dark.style("list.selected").bg.is_some(),
            "the rest of the built-in dark"
        );
        let err = Theme::load("a", Some(dir.path()), false).unwrap_err();
        assert!(err.contains("cycle"), "{err}");
    }

    #[test]
    fn user_theme_overrides_builtin() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("dark.toml"),
            "[styles]\n\"text\" = { fg = \"red\" }\n",
        )
        .unwrap();
        let t = Theme::load("dark", Some(dir.path()), false).unwrap();
        assert_eq!(t.style("text").fg, Some(Color::Red));
    }
}
