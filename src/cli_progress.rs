//! Progress of `dossier index` and `dossier export` on a terminal: a bar per stage with its
//! count, rate and time left, read from [`crate::meter`]; a spinner for a stage that does not
//! count. Nothing at all on stderr when it is not a terminal (a pipe, a log, CI).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::analysis::Stage;

/// The bar, and the thread that moves it from the meter.
pub struct Progress {
    bar: ProgressBar,
    stop: Arc<AtomicBool>,
    ticker: Option<std::thread::JoinHandle<()>>,
}

fn counting() -> ProgressStyle {
    ProgressStyle::with_template("{msg} [{bar:30}] {human_pos}/{human_len} ({rate}, {eta} left)")
        .expect("a valid template")
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", s.per_sec());
            },
        )
        .progress_chars("=> ")
}

fn spinning() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} {elapsed}").expect("a valid template")
}

impl Progress {
    /// A bar on stderr, hidden unless stderr is a terminal.
    pub fn start() -> Progress {
        Progress::on(ProgressDrawTarget::stderr())
    }

    fn on(target: ProgressDrawTarget) -> Progress {
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(spinning());
        let stop = Arc::new(AtomicBool::new(false));
        let ticker = (!bar.is_hidden()).then(|| {
            let (bar, stop) = (bar.clone(), stop.clone());
            std::thread::spawn(move || {
                let mut counted = false;
                while !stop.load(Ordering::Relaxed) {
                    match crate::meter::now() {
                        Some((done, total)) => {
                            if !counted || bar.length() != Some(total as u64) {
                                bar.set_style(counting());
                                bar.set_length(total as u64);
                                counted = true;
                            }
                            bar.set_position(done as u64);
                        }
                        None => {
                            if counted {
                                bar.set_style(spinning());
                                counted = false;
                            }
                            bar.tick();
                        }
                    }
                    std::thread::sleep(Duration::from_millis(100));
                }
            })
        });
        Progress { bar, stop, ticker }
    }

    /// The analysis reached `stage`.
    pub fn stage(&self, stage: &Stage) {
        self.bar
            .set_message(stage.to_string().trim_end_matches('…').to_owned());
        self.bar.reset_elapsed();
    }

    /// Removes the bar (before the summary and the warnings are printed).
    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.ticker.take() {
            let _ = t.join();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Not a terminal: nothing is drawn and no thread runs.
    #[test]
    fn a_hidden_bar_draws_nothing() {
        let p = Progress::on(ProgressDrawTarget::hidden());
        assert!(p.ticker.is_none());
        p.stage(&Stage::Entities(10));
        p.finish();
    }
}
