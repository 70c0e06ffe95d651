//! The terminal runtime: sets the terminal up and always restores it (on quit, on error, on
//! panic), loads the corpus in the background, reads input on its own thread, and feeds
//! everything to the app as messages through a tokio channel; it draws after each batch of
//! messages, never while holding anything the background work needs.

use std::io::{IsTerminal, Write, stdout};
use std::path::PathBuf;

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
}

/// Runs the reader; `Err` is a one-line message for stderr (exit status 2).
pub fn run(opts: Options) -> Result<(), String> {
    // Settings first: a bad config is reported even when there is no terminal.
    let config = crate::config::load()?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme_name = opts
        .theme
        .or(config.theme.clone())
        .unwrap_or_else(|| theme::DEFAULT.to_owned());
    let theme = Theme::load(&theme_name, config.themes_dir.as_deref(), no_color)?;
    if !stdout().is_terminal() {
        return Err("the reader needs a terminal; `dossier export` prints JSON".into());
    }
    let state_path = std::env::var_os("DOSSIER_STATE")
        .map(PathBuf::from)
        .or_else(crate::state::default_path);
    let (state, warning) = state_path
        .as_deref()
        .map(crate::state::load)
        .unwrap_or_default();
    let setup = Setup {
        keymap: Keymap::with_overrides(&config.keys),
        theme,
        open: opts.open.or_else(|| state.last.clone()),
        state,
        warnings: warning.into_iter().collect(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    let _guard = TerminalGuard::enter().map_err(|e| format!("cannot set up the terminal: {e}"))?;
    let result = runtime.block_on(event_loop(setup, opts.paths, state_path));
    drop(_guard);
    // The input thread may still be blocked reading: leave without waiting for it.
    runtime.shutdown_background();
    result
}

/// Restores the terminal when dropped, and on panic.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> std::io::Result<TerminalGuard> {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
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

async fn event_loop(
    setup: Setup,
    paths: Vec<PathBuf>,
    state_path: Option<PathBuf>,
) -> Result<(), String> {
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout())).map_err(|e| e.to_string())?;
    let (tx, mut rx) = mpsc::unbounded_channel::<Msg>();
    let mut app = App::new(setup);
    let size = terminal.size().map_err(|e| e.to_string())?;
    let _ = app.update(Msg::Resize(size.width, size.height));

    // Loading and analysis in the background; the first frame is drawn at once.
    let loader = tx.clone();
    tokio::task::spawn_blocking(move || {
        let what = if paths.is_empty() {
            "the bundled corpus".to_owned()
        } else {
            format!("{} path(s)", paths.len())
        };
        let _ = loader.send(Msg::Progress(format!("loading {what}…")));
        let corpus = if paths.is_empty() {
            crate::corpus::load_bundled()
        } else {
            crate::corpus::load_paths(&paths)
        };
        let data = Data::build(corpus, &|stage| {
            let _ = loader.send(Msg::Progress(stage.to_owned()));
        });
        let _ = loader.send(Msg::Loaded(Box::new(data)));
    });

    // Input on its own thread: crossterm's read blocks.
    let input = tx.clone();
    std::thread::spawn(move || {
        while let Ok(event) = crossterm::event::read() {
            let msg = match event {
                Event::Key(k) => Msg::Key(k),
                Event::Mouse(m) => Msg::Mouse(m),
                Event::Resize(w, h) => Msg::Resize(w, h),
                _ => continue,
            };
            if input.send(msg).is_err() {
                break;
            }
        }
    });

    // State is saved off the UI's path, one write at a time.
    let (save_tx, mut save_rx) = mpsc::unbounded_channel::<State>();
    let saver_path = state_path.clone();
    let saver = tokio::spawn(async move {
        while let Some(mut state) = save_rx.recv().await {
            // Only the newest of several queued snapshots matters.
            while let Ok(newer) = save_rx.try_recv() {
                state = newer;
            }
            if let Some(path) = saver_path.clone() {
                let _ =
                    tokio::task::spawn_blocking(move || crate::state::save(&path, &state)).await;
            }
        }
    });

    draw(&mut terminal, &app)?;
    while let Some(msg) = rx.recv().await {
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
                    tokio::task::spawn_blocking(move || open_in_browser(&url));
                }
                job @ (Effect::Search { .. } | Effect::Find { .. }) => {
                    // Searching a large corpus takes time: a worker does it, the UI goes on.
                    if let Some(data) = app.data.clone() {
                        let reply = tx.clone();
                        tokio::task::spawn_blocking(move || {
                            if let Some(msg) = crate::app::run_job(&data, &job) {
                                let _ = reply.send(msg);
                            }
                        });
                    }
                }
            }
        }
        if app.quit {
            break;
        }
        draw(&mut terminal, &app)?;
    }
    drop(save_tx);
    let _ = saver.await;
    Ok(())
}

fn draw(
    terminal: &mut Terminal<CrosstermBackend<std::io::Stdout>>,
    app: &App,
) -> Result<(), String> {
    terminal
        .draw(|f| crate::ui::draw(f, app))
        .map(|_| ())
        .map_err(|e| format!("cannot draw: {e}"))
}

fn open_in_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
