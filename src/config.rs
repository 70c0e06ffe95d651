//! The config file: TOML in the platform config directory (`~/.config/dossier/config.toml` on
//! Linux), or wherever `DOSSIER_CONFIG` says. Every key is optional; an unknown key or a bad
//! value is a one-line error naming the file and the key, before anything else runs.
//!
//! ```toml
//! theme = "gruvbox"
//! languages = ["de", "en"]   # a story row's headline: the first of these it has
//! [keys]
//! "ctrl-q" = "quit"
//! "x" = "toggle_bookmark"
//! ```

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

use crate::app::action::Action;
use crate::app::keymap::Key;

/// The settings, checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub theme: Option<String>,
    pub keys: Vec<(Key, Action)>,
    /// Preferred languages, most wanted first (ISO 639-1 codes, lower case): which of a
    /// story's articles heads its row.
    pub languages: Vec<String>,
    /// Where user themes live (`<config dir>/themes`).
    pub themes_dir: Option<PathBuf>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    theme: Option<String>,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
}

/// The platform's config directory for dossier.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dossier").map(|d| d.config_dir().to_path_buf())
}

/// Loads the config: `DOSSIER_CONFIG` if set (it must exist), else the platform file if any.
pub fn load() -> Result<Config, String> {
    let dir = config_dir();
    let themes_dir = dir.as_ref().map(|d| d.join("themes"));
    let path = match std::env::var_os("DOSSIER_CONFIG") {
        Some(p) => Some(PathBuf::from(p)),
        None => dir.map(|d| d.join("config.toml")).filter(|p| p.exists()),
    };
    let Some(path) = path else {
        return Ok(Config {
            themes_dir,
            ..Config::default()
        });
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("{}: {}", path.display(), crate::corpus::io_reason(&e)))?;
    let mut config = parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    // Themes next to a config given by DOSSIER_CONFIG are found too.
    config.themes_dir = Some(
        path.parent()
            .map_or_else(|| PathBuf::from("themes"), |p| p.join("themes")),
    )
    .filter(|p| p.exists())
    .or(themes_dir);
    Ok(config)
}

/// Parses config text; the error names the key.
pub fn parse(text: &str) -> Result<Config, String> {
    let file: ConfigFile = toml::from_str(text).map_err(|e| describe_toml_error(&e, text))?;
    let mut keys = Vec::new();
    for (name, action) in &file.keys {
        let key = Key::parse(name).map_err(|e| format!("keys.\"{name}\": {e}"))?;
        let action: Action = Action::deserialize(serde::de::value::StrDeserializer::<
            serde::de::value::Error,
        >::new(action))
        .map_err(|_| {
            let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
            format!(
                "keys.\"{name}\": unknown action {action:?}; actions are {}",
                names.join(", ")
            )
        })?;
        keys.push((key, action));
    }
    let mut languages = Vec::new();
    for l in &file.languages {
        let code = l.trim().to_lowercase();
        if !(2..=3).contains(&code.len()) || !code.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(format!(
                "languages: {l:?} is not a language code (two or three letters: \"de\", \"en\")"
            ));
        }
        languages.push(code);
    }
    Ok(Config {
        theme: file.theme,
        keys,
        languages,
        themes_dir: None,
    })
}

/// A TOML error as one line: "line N: message".
pub fn describe_toml_error(e: &toml::de::Error, text: &str) -> String {
    let msg = e.message().lines().next().unwrap_or("invalid TOML").trim();
    match e.span() {
        Some(span) => format!(
            "line {}: {msg}",
            text[..span.start.min(text.len())].matches('\n').count() + 1
        ),
        None => msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_config() {
        let c = parse(
            "theme = \"light\"\n[keys]\n\"ctrl-q\" = \"quit\"\n\"x\" = \"toggle_bookmark\"\n",
        )
        .unwrap();
        assert_eq!(c.theme.as_deref(), Some("light"));
        assert_eq!(c.keys.len(), 2);
        assert!(parse("").unwrap().keys.is_empty());
        let c = parse("languages = [\"DE\", \"en\"]\n").unwrap();
        assert_eq!(c.languages, ["de", "en"]);
    }

    /// One fixture per error, asserting the message (as bottom does).
    #[test]
    fn invalid_configs_name_the_key() {
        let cases = [
            (
                "colour = \"red\"\n",
                "line 1: unknown field `colour`, expected one of `theme`, `languages`, `keys`",
            ),
            (
                "theme = 3\n",
                "line 1: invalid type: integer `3`, expected a string",
            ),
            (
                "[keys]\n\"hyper-x\" = \"quit\"\n",
                "keys.\"hyper-x\": unknown key \"hyper-x\"",
            ),
            (
                "[keys]\n\"x\" = \"explode\"\n",
                "keys.\"x\": unknown action \"explode\"; actions are focus_next, focus_prev,",
            ),
            (
                "theme = \n",
                "line 1: string values must be quoted, expected literal string",
            ),
            (
                "languages = [\"deutsch\"]\n",
                "languages: \"deutsch\" is not a language code (two or three letters: \"de\", \"en\")",
            ),
        ];
        for (text, want) in cases {
            let got = parse(text).unwrap_err();
            assert!(!got.contains('\n'), "one line: {got}");
            // The list of actions is long: its start is asserted, and that it is complete.
            if want.ends_with(',') {
                assert!(got.starts_with(want), "{got}");
                assert!(
                    got.ends_with("focus_card, show_skipped, help, quit"),
                    "{got}"
                );
            } else {
                assert_eq!(got, want, "{text:?}");
            }
        }
    }
}
