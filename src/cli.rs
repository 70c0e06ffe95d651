//! Command-line arguments, turned into a validated [`Command`] before anything runs: paths that
//! do not exist and malformed options are errors here, with one line and exit status 2.

use std::ffi::OsString;
use std::path::PathBuf;

pub const USAGE: &str = "\
dossier — read a corpus of news articles with their people, places and organisations

usage:
  dossier [PATH...]                           open the reader (no PATH: the bundled corpus)
  dossier export [PATH...] [--related-limit N] print the corpus as one JSON document
  dossier index PATH...                       analyse once into a persistent index (then the
                                              reader and export start from it, updating it)

PATH is a file or a directory (read recursively): .txt .md .html .htm .json .jsonl
  .rss .atom .xml (RSS or Atom feeds: an article per item)

options:
  --open ID           start the reader on article ID
  --theme NAME        colour theme: dark, light, high-contrast, gruvbox, or a user theme
  --related-limit N   related stories per article in the export (default 10)
  --no-index          analyse afresh in memory, ignoring (and not updating) an index
  --watch             the reader follows the files: new and changed ones appear in the list
  -h, --help          this help
  -V, --version       the version";

/// What to do, fully checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Open the reader on `paths` (empty: the bundled corpus).
    Read {
        paths: Vec<PathBuf>,
        open: Option<String>,
        theme: Option<String>,
        use_index: bool,
        watch: bool,
    },
    /// Print the export document.
    Export {
        paths: Vec<PathBuf>,
        related_limit: usize,
        use_index: bool,
    },
    /// Make or update the persistent index of `paths` (never empty).
    Index {
        paths: Vec<PathBuf>,
    },
    Help,
    Version,
}

/// A usage error, printed as `dossier: {0}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError(pub String);

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub const DEFAULT_RELATED_LIMIT: usize = 10;

/// Parses and validates the arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut export = false;
    let mut index = false;
    let mut no_index = false;
    let mut watch = false;
    let mut paths = vec![];
    let mut related_limit = None;
    let mut open = None;
    let mut theme = None;
    let err = |e: lexopt::Error| CliError(e.to_string());
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("related-limit") => {
                let value = parser.value().map_err(err)?;
                let n = value
                    .to_str()
                    .and_then(|v| v.parse::<usize>().ok())
                    .ok_or_else(|| {
                        CliError(format!("--related-limit: {value:?} is not a whole number"))
                    })?;
                related_limit = Some(n);
            }
            Long("open") => {
                open = Some(parser.value().map_err(err)?.to_string_lossy().into_owned())
            }
            Long("theme") => {
                theme = Some(parser.value().map_err(err)?.to_string_lossy().into_owned())
            }
            Long("no-index") => no_index = true,
            Long("watch") => watch = true,
            Value(v) if !export && !index && paths.is_empty() && v == "export" => export = true,
            Value(v) if !export && !index && paths.is_empty() && v == "index" => index = true,
            Value(v) => paths.push(PathBuf::from(v)),
            _ => {
                return Err(CliError(format!(
                    "{}; see dossier --help",
                    arg.unexpected()
                )));
            }
        }
    }
    for path in &paths {
        if std::fs::metadata(path).is_err() && std::fs::symlink_metadata(path).is_err() {
            return Err(CliError(format!(
                "{}: no such file or directory",
                path.display()
            )));
        }
    }
    if watch && (export || index) {
        return Err(CliError("--watch goes with the reader".into()));
    }
    if watch && paths.is_empty() {
        return Err(CliError(
            "--watch needs a PATH (the bundled corpus never changes)".into(),
        ));
    }
    if index {
        if open.is_some() || theme.is_some() || related_limit.is_some() || no_index {
            return Err(CliError(
                "index takes paths only (--open, --theme, --related-limit and --no-index go with the reader or export)".into(),
            ));
        }
        if paths.is_empty() {
            return Err(CliError(
                "index needs a PATH (the bundled corpus is analysed as it opens)".into(),
            ));
        }
        return Ok(Command::Index { paths });
    }
    if export {
        if open.is_some() || theme.is_some() {
            return Err(CliError(
                "--open and --theme go with the reader, not with export".into(),
            ));
        }
        Ok(Command::Export {
            paths,
            related_limit: related_limit.unwrap_or(DEFAULT_RELATED_LIMIT),
            use_index: !no_index,
        })
    } else if related_limit.is_some() {
        Err(CliError("--related-limit only goes with export".into()))
    } else {
        Ok(Command::Read {
            paths,
            open,
            theme,
            use_index: !no_index,
            watch,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Result<Command, CliError> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn commands() {
        assert_eq!(
            parse_str(&[]),
            Ok(Command::Read {
                paths: vec![],
                open: None,
                theme: None,
                use_index: true,
                watch: false
            })
        );
        assert_eq!(
            parse_str(&["--open", "001_x", "--theme", "light"]),
            Ok(Command::Read {
                paths: vec![],
                open: Some("001_x".into()),
                theme: Some("light".into()),
                use_index: true,
                watch: false
            })
        );
        assert_eq!(
            parse_str(&["export"]),
            Ok(Command::Export {
                paths: vec![],
                related_limit: 10,
                use_index: true
            })
        );
        assert_eq!(
            parse_str(&["export", "src", "--related-limit", "3000", "--no-index"]),
            Ok(Command::Export {
                paths: vec!["src".into()],
                related_limit: 3000,
                use_index: false
            })
        );
        assert_eq!(
            parse_str(&["index", "src", "assets"]),
            Ok(Command::Index {
                paths: vec!["src".into(), "assets".into()]
            })
        );
        assert_eq!(parse_str(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn errors_are_one_line() {
        let cases = [
            (
                vec!["no/such/path"],
                "no/such/path: no such file or directory",
            ),
            (
                vec!["export", "--related-limit", "x"],
                "--related-limit: \"x\" is not a whole number",
            ),
            (
                vec!["--related-limit", "3"],
                "--related-limit only goes with export",
            ),
            (
                vec!["--watch"],
                "--watch needs a PATH (the bundled corpus never changes)",
            ),
            (
                vec!["export", "src", "--watch"],
                "--watch goes with the reader",
            ),
            (
                vec!["index"],
                "index needs a PATH (the bundled corpus is analysed as it opens)",
            ),
            (
                vec!["index", "src", "--no-index"],
                "index takes paths only (--open, --theme, --related-limit and --no-index go with the reader or export)",
            ),
        ];
        for (args, want) in cases {
            assert_eq!(parse_str(&args), Err(CliError(want.into())));
        }
        assert!(parse_str(&["--bogus"]).unwrap_err().0.contains("--bogus"));
    }
}
