//! The terminal runtime: sets the terminal up and always restores it (on quit, on error, on
//! panic), loads the corpus in the background, reads input on its own thread, and feeds
//! everything to the app as messages through a tokio channel; it draws after each batch of
//! messages, never while holding anything the background work needs.

use std::io::{IsTerminal, Write, stdout};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use tokio::sync::mpsc;

use crate::app::data::Data;
use crate::app::keymap::Keymap;
use crate::app::{App, Effect, Msg, Setup};
use crate::state::State;
use crate::ui::theme::{self, Theme};

/// What `dossier [PATH...]` was asked for.
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub open: Option<String>,
    pub theme: Option<String>,
    /// Start from the persistent index of `paths` when there is one.
    pub use_index: bool,
    /// Follow changes to the files (`--watch`).
    pub watch: bool,
}

/// How the event loop ended.
enum Ending {
    Quit,
    /// A signal (SIGTERM, SIGINT, SIGHUP, SIGQUIT): exit status 128 + its number.
    Signal(i32),
    /// A background thread panicked, or the terminal could not be read or drawn on.
    Failed(String),
}

/// What the loop's side channels report, besides the app's own messages.
enum Control {
    Signal(i32),
    Failed(String),
}

/// Set by the panic hook: from then on nothing is drawn (the terminal is already restored).
static PANICKED: AtomicBool = AtomicBool::new(false);

/// Runs the reader and returns the exit status: 0 on quit, 2 for a bad config or no terminal,
/// 128 + N on signal N, 1 when something broke (a background panic, a lost terminal).
pub fn run(opts: Options) -> ExitCode {
    match prepare(opts) {
        Ok(start) => run_prepared(start),
        Err(e) => {
            crate::messages::error(&e);
            ExitCode::from(2)
        }
    }
}

struct Start {
    setup: Setup,
    /// Only drawing reads the theme; the app never sees it.
    theme: Theme,
    paths: Vec<PathBuf>,
    use_index: bool,
    watch: bool,
    save_to: Option<PathBuf>,
}

/// Settings, theme and state, checked before the terminal is touched.
fn prepare(opts: Options) -> Result<Start, String> {
    // Settings first: a bad config is reported even when there is no terminal.
    let config = crate::config::load()?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme_name = opts
        .theme
        .or(config.theme.clone())
        .unwrap_or_else(|| theme::DEFAULT.to_owned());
    let mut theme = Theme::load(&theme_name, config.themes_dir.as_deref(), no_color)?;
    if !theme::truecolor(std::env::var("COLORTERM").ok().as_deref()) {
        theme = theme.in_256_colours();
    }
    if !stdout().is_terminal() {
        return Err("the reader needs a terminal; `dossier export` prints JSON".into());
    }
    let state_path = std::env::var_os("DOSSIER_STATE")
        .map(PathBuf::from)
        .or_else(crate::state::default_path);
    let loaded = match state_path.as_deref() {
        Some(p) => crate::state::load(p),
        None => crate::state::Loaded {
            state: State::default(),
            save_to: None,
            warning: Some("no data directory: read marks will not be kept".into()),
        },
    };
    Ok(Start {
        theme,
        setup: Setup {
            keymap: Keymap::with_overrides(&config.keys),
            open: opts.open,
            corpus_key: crate::state::corpus_key(&opts.paths),
            state: loaded.state,
            warnings: loaded.warning.into_iter().collect(),
            languages: config.languages.clone(),
        },
        paths: opts.paths,
        use_index: opts.use_index,
        watch: opts.watch,
        save_to: loaded.save_to,
    })
}

fn run_prepared(start: Start) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            crate::messages::error(&format!("cannot start: {e}"));
            return ExitCode::from(1);
        }
    };
    let guard = match TerminalGuard::enter() {
        Ok(g) => g,
        Err(e) => {
            restore();
            crate::messages::error(&format!("cannot set up the terminal: {e}"));
            return ExitCode::from(2);
        }
    };
    let (ending, save_error) = runtime.block_on(event_loop(start));
    drop(guard);
    // The input thread may still be blocked reading: leave without waiting for it.
    runtime.shutdown_background();
    if let Some(e) = save_error {
        crate::messages::error(&e);
    }
    match ending {
        Ending::Quit => ExitCode::SUCCESS,
        Ending::Signal(n) => ExitCode::from(128 + n as u8),
        Ending::Failed(e) => {
            crate::messages::error(&e);
            ExitCode::from(1)
        }
    }
}

/// Restores the terminal when dropped, and on panic.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> std::io::Result<TerminalGuard> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICKED.store(true, Ordering::SeqCst);
            restore();
            hook(info);
        }));
        enable_raw_mode()?;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            crossterm::cursor::Hide
        )?;
        Ok(TerminalGuard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode off, mouse released, alternate screen left, cursor shown.
fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout().flush();
}

/// Runs `job` on the blocking pool; a panic in it ends the app (never a headless app).
fn spawn_watched(
    ctl: &mpsc::UnboundedSender<Control>,
    what: &'static str,
    job: impl FnOnce() + Send + 'static,
) {
    let handle = tokio::task::spawn_blocking(job);
    let ctl = ctl.clone();
    tokio::spawn(async move {
        if let Err(e) = handle.await
            && e.is_panic()
        {
            let _ = ctl.send(Control::Failed(format!(
                "the {what} crashed; see the message above"
            )));
        }
    });
}

/// A worker for jobs of which only the newest matters (a search, a find): they run one at a
/// time, and jobs queued while one runs are dropped for the last of them. Its answer comes
/// back as a message; a panic in it ends the app.
fn latest_only(
    ctl: &mpsc::UnboundedSender<Control>,
    reply: &mpsc::UnboundedSender<Msg>,
    what: &'static str,
) -> mpsc::UnboundedSender<(std::sync::Arc<Data>, Effect)> {
    let (tx, mut rx) = mpsc::unbounded_channel::<(std::sync::Arc<Data>, Effect)>();
    let (ctl, reply) = (ctl.clone(), reply.clone());
    tokio::spawn(async move {
        while let Some(mut job) = rx.recv().await {
            while let Ok(newer) = rx.try_recv() {
                job = newer;
            }
            let handle = tokio::task::spawn_blocking(move || crate::app::run_job(&job.0, &job.1));
            match handle.await {
                Ok(Some(msg)) => {
                    let _ = reply.send(msg);
                }
                Ok(None) => {}
                Err(e) if e.is_panic() => {
                    let _ = ctl.send(Control::Failed(format!(
                        "the {what} crashed; see the message above"
                    )));
                    break;
                }
                Err(_) => break,
            }
        }
    });
    tx
}

/// Forwards SIGTERM, SIGINT, SIGHUP and SIGQUIT to the loop, which then restores the
/// terminal, saves the state and exits with 128 + the signal's number.
fn watch_signals(ctl: &mpsc::UnboundedSender<Control>) {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        for (kind, n) in [
            (SignalKind::terminate(), 15),
            (SignalKind::interrupt(), 2),
            (SignalKind::hangup(), 1),
            (SignalKind::quit(), 3),
        ] {
            if let Ok(mut stream) = signal(kind) {
                let ctl = ctl.clone();
                tokio::spawn(async move {
                    if stream.recv().await.is_some() {
                        let _ = ctl.send(Control::Signal(n));
                    }
                });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = ctl;
}

async fn event_loop(start: Start) -> (Ending, Option<String>) {
    let Start {
        setup,
        theme,
        paths,
        use_index,
        watch,
        save_to,
    } = start;
    let mut terminal = match Terminal::new(CrosstermBackend::new(stdout())) {
        Ok(t) => t,
        Err(e) => {
            return (
                Ending::Failed(format!("cannot use the terminal: {e}")),
                None,
            );
        }
    };
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let (ctl_tx, mut ctl_rx) = mpsc::unbounded_channel::<Control>();
    watch_signals(&ctl_tx);
    let base = setup.state.clone();
    let mut app = App::new(setup);
    if let Ok(size) = terminal.size() {
        let _ = app.update(Msg::Resize(size.width, size.height));
    }

    // `reload` asks for the pipeline once more; one analysis at a time (a watched change and
    // a reload take turns), and requests that pile up while one runs are one.
    let (reload_tx, reload_rx) = std::sync::mpsc::channel::<()>();
    let analysing = std::sync::Arc::new(std::sync::Mutex::new(()));
    {
        let (reloader, paths, analysing) = (tx.clone(), paths.clone(), analysing.clone());
        spawn_watched(&ctl_tx, "reload", move || {
            while reload_rx.recv().is_ok() {
                while reload_rx.try_recv().is_ok() {}
                let _turn = analysing.lock().unwrap_or_else(|e| e.into_inner());
                let request = reader_request(&paths, use_index);
                let progress = |stage: crate::analysis::Stage| {
                    let _ = reloader.send(Msg::Progress(format!("reload: {stage}")));
                };
                let data = Data::from_analysis(crate::analysis::run(&request, &progress));
                if reloader.send(Msg::Refreshed(Box::new(data))).is_err() {
                    break;
                }
            }
        });
    }

    // Loading and analysis in the background; the first frame is drawn at once.
    let loader = tx.clone();
    let loading_turn = analysing.clone();
    spawn_watched(&ctl_tx, "loader", move || {
        let what = if paths.is_empty() {
            "the bundled corpus".to_owned()
        } else {
            format!("{} path(s)", paths.len())
        };
        let _ = loader.send(Msg::Progress(format!("loading {what}…")));
        // The watch is set up before the first analysis: a file written while it runs (and
        // while the list is already shown) is not missed, but read right after.
        let watching = watch.then(|| crate::watch::Watch::start(&paths));
        // A fault the integration tests inject (tests/tui_tmux.rs) to prove that a crash in
        // the background ends the app with the terminal restored and a failing status.
        if std::env::var_os("DOSSIER_FAILPOINT").is_some_and(|v| v == "loader") {
            panic!("failpoint: loader");
        }
        let request = reader_request(&paths, use_index);
        let progress = |stage: crate::analysis::Stage| {
            if stage != crate::analysis::Stage::Loading {
                let _ = loader.send(Msg::Progress(stage.to_string()));
            }
        };
        // From an index, the list, search and the finder first (the texts are read as they
        // are shown); the full analysis follows, brought up to date, and takes its place.
        let preview = if use_index {
            crate::analysis::preview(&paths)
        } else {
            None
        };
        let previewed = preview.is_some();
        if let Some((file, preview)) = preview {
            let _ = loader.send(Msg::Loaded(Box::new(Data::from_preview(file, preview))));
            let _ = loader.send(Msg::Progress("reading the whole analysis…".into()));
            // The integration tests hold the full analysis back while they use the preview
            // (tests/tui_tmux.rs): while the file DOSSIER_HOLD exists, at most a minute.
            if std::env::var_os("DOSSIER_FAILPOINT").is_some_and(|v| v == "hold-analysis")
                && let Some(hold) = std::env::var_os("DOSSIER_HOLD")
            {
                let start = std::time::Instant::now();
                while std::path::Path::new(&hold).exists()
                    && start.elapsed() < std::time::Duration::from_secs(60)
                {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
            }
        }
        let turn = loading_turn.lock().unwrap_or_else(|e| e.into_inner());
        // Without an index, the list, search and the finder as soon as the entities are
        // found, while the related stories are linked (the longest stage). It costs a copy of
        // the texts for that while: up to EARLY_VIEW_ARTICLES (a larger corpus is for an index,
        // whose preview comes first anyway).
        let early_sent = std::cell::Cell::new(false);
        let early = |corpus: &crate::corpus::Corpus, entities: &crate::nlp::Entities| {
            if !previewed && corpus.articles.len() <= EARLY_VIEW_ARTICLES {
                let _ = loader.send(Msg::Loaded(Box::new(Data::unlinked(corpus, entities))));
                early_sent.set(true);
            }
        };
        let data = Data::from_analysis(crate::analysis::run_with(&request, &progress, &early));
        drop(turn);
        let _ = loader.send(if previewed || early_sent.get() {
            Msg::Refreshed(Box::new(data))
        } else {
            Msg::Loaded(Box::new(data))
        });
        match watching {
            // The same pipeline again after each settled burst of changes (the index, when
            // there is one, reads only the files that changed).
            Some(Ok(watch)) => watch.run(
                || {
                    let _ = loader.send(Msg::Progress("files changed: updating…".into()));
                    let _turn = loading_turn.lock().unwrap_or_else(|e| e.into_inner());
                    let data = Data::from_analysis(crate::analysis::run(&request, &progress));
                    let _ = loader.send(Msg::Refreshed(Box::new(data)));
                },
                || !loader.is_closed(),
            ),
            Some(Err(why)) => {
                let _ = loader.send(Msg::Warning(why));
            }
            None => {}
        }
    });

    // While loading, how far the stage has come, four times a second.
    let metered = tx.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_millis(250));
        let mut last = None;
        loop {
            every.tick().await;
            // Only a change is news (and a frame to draw).
            let now = crate::meter::percent();
            if now != last {
                last.clone_from(&now);
                if metered.send(Msg::Meter(now)).is_err() {
                    break;
                }
            }
        }
    });

    // A tick a second: status messages expire.
    let ticker = tx.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(1));
        every.tick().await;
        loop {
            every.tick().await;
            if ticker.send(Msg::Tick).is_err() {
                break;
            }
        }
    });

    // Input on its own thread: crossterm's read blocks.
    let input = tx.clone();
    let input_ctl = ctl_tx.clone();
    std::thread::spawn(move || {
        loop {
            let msg = match crossterm::event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(e) => {
                    let _ =
                        input_ctl.send(Control::Failed(format!("cannot read the terminal: {e}")));
                    break;
                }
            };
            if input.send(msg).is_err() {
                break;
            }
        }
    });

    // State is saved off the UI's path, one write at a time, merged with what is on disk.
    let (save_tx, mut save_rx) = mpsc::unbounded_channel::<State>();
    let saver_reply = tx.clone();
    let saver = tokio::spawn(async move {
        let mut base = base;
        let mut last_error = None;
        while let Some(mut state) = save_rx.recv().await {
            // Only the newest of several queued snapshots matters.
            while let Ok(newer) = save_rx.try_recv() {
                state = newer;
            }
            let Some(path) = save_to.clone() else {
                continue;
            };
            let b = base.clone();
            let result = tokio::task::spawn_blocking(move || {
                crate::state::save(&path, &b, &state).map_err(|e| {
                    format!(
                        "cannot save the state to {}: {}",
                        path.display(),
                        crate::corpus::io_reason(&e)
                    )
                })
            })
            .await
            .unwrap_or_else(|_| Err("saving the state crashed".into()));
            match result {
                Ok(saved) => {
                    base = saved;
                    last_error = None;
                }
                Err(e) => {
                    let _ = saver_reply.send(Msg::SaveFailed(e.clone()));
                    last_error = Some(e);
                }
            }
        }
        last_error
    });

    let searcher = latest_only(&ctl_tx, &tx, "search");
    let finder = latest_only(&ctl_tx, &tx, "entity finder");
    let _ = draw(&mut terminal, &mut app, &theme);
    let ending = loop {
        let msg = tokio::select! {
            msg = rx.recv() => msg,
            ctl = ctl_rx.recv() => match ctl {
                Some(Control::Signal(n)) => break Ending::Signal(n),
                Some(Control::Failed(e)) => break Ending::Failed(e),
                None => continue,
            },
        };
        let Some(msg) = msg else { break Ending::Quit };
        let mut effects = app.update(msg);
        // Take whatever else is waiting before drawing again.
        while let Ok(more) = rx.try_recv() {
            effects.extend(app.update(more));
        }
        for effect in effects {
            match effect {
                Effect::SaveState(s) => {
                    let _ = save_tx.send(s);
                }
                Effect::OpenUrl(url) => {
                    let reply = tx.clone();
                    tokio::task::spawn_blocking(move || {
                        if let Err(why) = open_in_browser(&url) {
                            let _ = reply.send(Msg::OpenFailed(why));
                        }
                    });
                }
                Effect::Copy(text) => {
                    let mut out = stdout();
                    let _ = out.write_all(crate::clipboard::osc52(&text).as_bytes());
                    let _ = out.flush();
                }
                job @ (Effect::Search { .. } | Effect::Find { .. }) => {
                    // One search and one find at a time, the newest query only: typing fast
                    // (or a key flood) must not start a job per key.
                    if let Some(data) = app.data.clone() {
                        let worker = if matches!(job, Effect::Search { .. }) {
                            &searcher
                        } else {
                            &finder
                        };
                        let _ = worker.send((data, job));
                    }
                }
                Effect::Reload => {
                    let _ = reload_tx.send(());
                }
                job @ Effect::ReadText { .. } => {
                    // Reading from the index takes time: a worker does it, the UI goes on.
                    if let Some(data) = app.data.clone() {
                        let reply = tx.clone();
                        spawn_watched(&ctl_tx, "search", move || {
                            if let Some(msg) = crate::app::run_job(&data, &job) {
                                let _ = reply.send(msg);
                            }
                        });
                    }
                }
            }
        }
        if app.quit {
            break Ending::Quit;
        }
        if let Err(e) = draw(&mut terminal, &mut app, &theme) {
            break Ending::Failed(e);
        }
    };
    // Whatever ended the loop, the newest state is saved.
    let _ = save_tx.send(app.state.clone());
    drop(save_tx);
    let save_error = saver.await.unwrap_or(None);
    (ending, save_error)
}

/// Draws a frame. The app is laid out for the frame's own size first: resize events arrive
/// after the terminal has changed, and in a burst the last one seen is not the size now.
fn draw(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    app: &mut App,
    theme: &Theme,
) -> Result<(), String> {
    if PANICKED.load(Ordering::SeqCst) {
        return Ok(());
    }
    terminal
        .draw(|f| {
            let area = f.area();
            if area != app.size {
                // A resize yields no effects (it only lays out again).
                let _ = app.update(Msg::Resize(area.width, area.height));
            }
            crate::ui::draw(f, app, theme)
        })
        .map(|_| ())
        .map_err(|e| format!("cannot draw: {e}"))
}

/// What the reader asks of the pipeline: related lists of the panel's length, through the
/// index when there is one and it may.
fn reader_request(paths: &[PathBuf], use_index: bool) -> crate::analysis::Request<'_> {
    crate::analysis::Request {
        paths,
        related_limit: crate::app::data::PANEL_RELATED,
        index: if use_index {
            crate::analysis::IndexUse::IfPresent
        } else {
            crate::analysis::IndexUse::Off
        },
    }
}

/// The largest corpus whose articles the reader lists before its related stories are linked.
const EARLY_VIEW_ARTICLES: usize = 50_000;

/// Opens `url` with `$BROWSER` (a `:`-separated list, as in `man 7 environ`'s convention;
/// `%s` stands for the URL), else the platform's opener; `Err` says why none could start.
fn open_in_browser(url: &str) -> Result<(), String> {
    let fallback = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let browsers = std::env::var("BROWSER").unwrap_or_default();
    let candidates: Vec<&str> = browsers
        .split(':')
        .filter(|b| !b.trim().is_empty())
        .chain(std::iter::once(fallback))
        .collect();
    open_with(&candidates, url)
}

/// How long an opener is watched for a failure: one still running then is a browser that
/// stays open (a terminal or GUI browser), and has worked.
const OPENER_WATCH: std::time::Duration = std::time::Duration::from_secs(5);

/// Starts the first of `candidates` that can be started and does not fail on `url`: one
/// that exits with a failure status (`BROWSER=/bin/false`) is a failure, told, and the next
/// is tried.
fn open_with(candidates: &[&str], url: &str) -> Result<(), String> {
    let mut failed: Vec<String> = vec![];
    for cmd in candidates {
        let mut words = cmd.split_whitespace();
        let Some(program) = words.next() else {
            continue;
        };
        let mut args: Vec<String> = words.map(|w| w.replace("%s", url)).collect();
        if !cmd.contains("%s") {
            args.push(url.to_owned());
        }
        let started = std::process::Command::new(program)
            .args(&args)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        let Ok(mut child) = started else {
            continue;
        };
        let start = std::time::Instant::now();
        loop {
            match child.try_wait() {
                Ok(Some(status)) if status.success() => return Ok(()),
                Ok(Some(status)) => {
                    failed.push(format!("{program} failed ({status})"));
                    break;
                }
                Ok(None) if start.elapsed() < OPENER_WATCH => {
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                _ => {
                    // Still running: a browser that stays; reaped when it ends.
                    std::thread::spawn(move || child.wait());
                    return Ok(());
                }
            }
        }
    }
    if failed.is_empty() {
        Err(format!(
            "no browser could be started (tried {}; set $BROWSER)",
            candidates.join(", ")
        ))
    } else {
        Err(format!("{}; set $BROWSER", failed.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::open_with;

    /// `o` said "opening…" when no opener existed: now the failure is told.
    #[test]
    fn a_missing_browser_is_reported_and_the_next_one_tried() {
        let err = open_with(&["no-such-browser-dossier-test"], "https://x.example").unwrap_err();
        assert!(
            err.contains("no-such-browser-dossier-test") && err.contains("$BROWSER"),
            "{err}"
        );
        assert!(
            open_with(
                &["no-such-browser-dossier-test", "true %s"],
                "https://x.example"
            )
            .is_ok()
        );
    }

    /// `BROWSER=/bin/false`: `o` said "opening …" and nothing more. A failure status is a
    /// failure; the next opener is tried.
    #[test]
    fn a_browser_that_fails_is_told() {
        let err = open_with(&["false"], "https://x.example").unwrap_err();
        assert!(err.starts_with("false failed (exit status: 1)"), "{err}");
        assert!(open_with(&["false", "true"], "https://x.example").is_ok());
    }
}
