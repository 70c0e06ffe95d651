//! dossier: a terminal reader for a corpus of news articles, with the people, places and
//! organisations in them and the related stories across languages.
//!
//! Data flows one way: files → [`corpus`] (load, clean) → nlp (entities, linking) → index
//! (related stories, search) → app state → ui; [`analysis`] is the one pipeline up to the
//! index. This crate is the library; `main.rs` only calls [`run`].

pub mod analysis;
pub(crate) mod app;
pub(crate) mod cli;
pub(crate) mod cli_progress;
pub(crate) mod clipboard;
pub(crate) mod config;
pub mod corpus;
pub(crate) mod export;
pub mod index;
pub(crate) mod local_time;
pub(crate) mod messages;
pub mod meter;
pub mod nlp;
pub mod parallel;
pub mod timing;

/// What the benchmarks measure of the reader (the rest of the app is the crate's own).
pub mod bench {
    pub use crate::app::data::Data;
    pub use crate::app::reader::layout;
}
pub(crate) mod state;
pub mod store;
pub(crate) mod tui;
pub(crate) mod ui;
pub(crate) mod watch;

use std::io::Write;
use std::process::ExitCode;

use cli::Command;

/// Runs dossier with `args` (without the program name) and returns the exit status.
pub fn run(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    let command = match cli::parse(args) {
        Ok(c) => c,
        Err(e) => {
            messages::error(&e.to_string());
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => println!("{}", cli::USAGE),
        Command::Version => println!("dossier {}", env!("CARGO_PKG_VERSION")),
        Command::Export {
            paths,
            related_limit,
            use_index,
        } => {
            let bar = cli_progress::Progress::start();
            let analysis = analysis::run(
                &analysis::Request {
                    paths: &paths,
                    related_limit,
                    index: if use_index {
                        analysis::IndexUse::IfPresent
                    } else {
                        analysis::IndexUse::Off
                    },
                },
                &|stage| bar.stage(&stage),
            );
            bar.finish();
            for s in &analysis.corpus.skipped {
                messages::warning(&s.source, &s.reason);
            }
            let doc = timing::phase("export document", || {
                export::Document::new(&analysis.corpus, &analysis.entities, &analysis.relations)
                    .with_marks(&analysis.corpus, &state::peek())
            });
            let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
            match timing::phase("export write", || {
                doc.write_to(&mut out)
                    .and_then(|()| writeln!(out))
                    .and_then(|()| out.flush())
            }) {
                Ok(()) => {}
                // A closed pipe (`| head`) is not an error worth a message.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                Err(e) => {
                    messages::error(&format!(
                        "cannot write the export: {}",
                        corpus::io_reason(&e)
                    ));
                    return ExitCode::from(1);
                }
            }
        }
        Command::Index { paths } => return make_index(&paths),
        Command::Read {
            paths,
            open,
            theme,
            use_index,
            watch,
        } => {
            return tui::run(tui::Options {
                paths,
                open,
                theme,
                use_index,
                watch,
            });
        }
    }
    ExitCode::SUCCESS
}

/// `dossier index`: makes or updates the index, prints one summary line. When another
/// process updated the index meanwhile (its update stands), the index is checked again.
fn make_index(paths: &[std::path::PathBuf]) -> ExitCode {
    // An index that is current is said so from what it stores, without reading its texts.
    if let Some(dir) = store::location::cache_dir()
        && let Some((summary, skipped)) =
            analysis::indexed::current(paths, &store::location::index_file(&dir, paths))
    {
        for s in &skipped {
            messages::warning(&s.source, &s.reason);
        }
        println!("indexed {summary}");
        return ExitCode::SUCCESS;
    }
    for attempt in 1..=3 {
        let bar = cli_progress::Progress::start();
        let a = analysis::run(
            &analysis::Request {
                paths,
                related_limit: index::KEPT_RELATED,
                index: analysis::IndexUse::Make,
            },
            &|stage| bar.stage(&stage),
        );
        bar.finish();
        // An index that cannot be opened or written (read-only, a full disk) is said once,
        // as the error; an update that lost to another process's is tried again.
        let failed = a.index.as_ref().and_then(|s| s.failed.clone());
        let index_source = a.index.as_ref().map(|s| s.index.display().to_string());
        for s in &a.corpus.skipped {
            let is_failure = failed.as_deref().is_some_and(|f| f.ends_with(&s.reason))
                && index_source.as_deref() == Some(s.source.as_str());
            if !is_failure {
                messages::warning(&s.source, &s.reason);
            }
        }
        match a.index {
            Some(summary) if summary.saved => {
                println!("indexed {summary}");
                return ExitCode::SUCCESS;
            }
            Some(summary) if summary.failed.is_some() || attempt == 3 => {
                let why = summary.failed.as_deref().map_or_else(
                    || format!("the index was not saved: {summary}"),
                    |f| f.replace("working without the index", "the index was not saved"),
                );
                messages::error(&why);
                break;
            }
            Some(_) => {}
            None => break,
        }
    }
    ExitCode::from(1)
}
