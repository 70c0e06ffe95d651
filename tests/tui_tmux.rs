//! The reader driven as a person would: the real binary in tmux, keys sent with `send-keys`,
//! the screen read with `capture-pane`. Open → entity finder → "rudenko" → Enter (the list
//! shows the two articles that mention him) → open the top related story → back → help →
//! quit, and the terminal is restored (no alternate screen, cursor shown, mouse released).
//!
//! Needs tmux (`.ci/run` installs it). Without tmux the test fails with a message saying so,
//! rather than passing unseen.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (install it: apt-get install tmux)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", text]);
    }

    /// Waits until the screen shows every one of `wanted`; panics with the screen if not.
    fn wait_for(&self, wanted: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if wanted.iter().all(|w| screen.contains(w)) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("waited for {wanted:?}; the screen shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

#[test]
fn open_find_filter_follow_back_help_quit() {
    assert!(
        Command::new("tmux").arg("-V").output().is_ok(),
        "tmux is needed for this test: apt-get install tmux"
    );
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = Tmux {
        socket: format!("dossier-test-{}", std::process::id()),
    };
    let shell = format!(
        "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME={home} XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data sh",
        home = home.path().display()
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        "-s",
        "t",
        &shell,
    ]);
    tmux.text(&format!("{} ; echo EXIT=$?", bin.display()));
    tmux.keys(&["Enter"]);

    // Open: the first frame, then the bundled corpus loaded.
    tmux.wait_for(&["Articles — 5", "000_b7278b78f013c97b", "Related"]);

    // Entity finder → "rudenko" → Enter: the list holds the two articles that mention him.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Find an entity"]);
    tmux.text("rudenko");
    tmux.wait_for(&["Andrei Rudenko", "1 found"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["entity: Andrei Rudenko — 2/5"]);
    let list: Vec<&str> = screen
        .lines()
        .map(|l| {
            l.get(..l.char_indices().nth(36).map_or(l.len(), |(i, _)| i))
                .unwrap_or(l)
        })
        .collect();
    let rows = list
        .iter()
        .filter(|l| l.contains(" DE ") || l.contains(" IT "))
        .count();
    assert_eq!(rows, 2, "two article rows:\n{screen}");
    assert!(
        !screen.contains("Russlands Verteidi"),
        "other articles are filtered out:\n{screen}"
    );

    // Open the top related story from the related panel, then go back.
    tmux.keys(&["Tab", "Tab", "Enter"]);
    tmux.wait_for(&["╭ 001_33dafe3a048d91ea"]);
    tmux.keys(&["BSpace"]);
    tmux.wait_for(&["╭ 000_b7278b78f013c97b"]);

    // Help shows the keys as configured; any key closes it.
    tmux.keys(&["?"]);
    tmux.wait_for(&["Help — any key closes", "find an entity"]);
    tmux.keys(&["Escape"]);
    let start = Instant::now();
    while tmux.screen().contains("Help — any key closes") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "help did not close"
        );
        std::thread::sleep(Duration::from_millis(100));
    }

    // Quit: the shell is back, the terminal restored.
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    let flags = tmux.run(&[
        "display",
        "-p",
        "-t",
        "t",
        "#{alternate_on} #{cursor_flag} #{mouse_any_flag}",
    ]);
    assert_eq!(
        flags.trim(),
        "0 1 0",
        "alternate screen left, cursor shown, mouse released"
    );

    // Read marks were saved atomically in the data directory.
    let state =
        std::fs::read_to_string(home.path().join("data/dossier/state.json")).expect("state saved");
    assert!(state.contains("001_33dafe3a048d91ea"), "{state}");
}
