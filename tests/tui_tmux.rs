//! The reader driven as a person would: the real binary in tmux, keys sent with `send-keys`,
//! the screen read with `capture-pane`. Open → entity finder → "rudenko" → Enter (the list
//! shows the two articles that mention him) → open the top related story → back → help →
//! quit, and the terminal is restored (no alternate screen, cursor shown, mouse released).
//!
//! Needs tmux (`.ci/run` installs it). Without tmux the test fails with a message saying so,
//! rather than passing unseen.

#[path = "support/uner.rs"]
mod uner;

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
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("walk", home.path());
    tmux.text(&format!("{} ; echo EXIT=$?", bin.display()));
    tmux.keys(&["Enter"]);

    // Open: the first frame, then the bundled corpus loaded.
    tmux.wait_for(&["Articles — 5", "000_b7278b78f013c97b", "Related"]);
    // No COLORTERM=truecolor here: the theme's colours are the 256-colour palette's.
    let styled = tmux.run(&["capture-pane", "-p", "-e", "-t", "t"]);
    assert!(
        styled.contains("38;5;") && !styled.contains("38;2;"),
        "256 colours, not 24-bit"
    );

    // The finder scrolls: End selects the last of all entities, and it is shown.
    // (The count is read before End: a screen caught between the two keys once made this
    // test fail on a slow machine.)
    tmux.keys(&["e"]);
    let screen = tmux.wait_for(&["Find an entity", "found ("]);
    let total = screen
        .split("found (")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .and_then(|c| c.split_once('/'))
        .map(|(_, total)| total.to_owned())
        .unwrap();
    tmux.keys(&["End"]);
    tmux.wait_for(&[&format!("found ({total}/{total})")]);
    tmux.keys(&["Escape"]);

    // Entity finder → "rudenko" → Enter: the list holds the two articles that mention him.
    tmux.keys(&["e"]);
    tmux.wait_for(&["Find an entity"]);
    tmux.text("rudenko");
    tmux.wait_for(&["Andrei Rudenko", "1 found"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["2/5 · entity: Andrei Rudenko"]);
    let list: Vec<&str> = screen
        .lines()
        .map(|l| {
            l.get(..l.char_indices().nth(36).map_or(l.len(), |(i, _)| i))
                .unwrap_or(l)
        })
        .collect();
    // The two tellings are one story, folded in the filtered list too: one row, both badges.
    let rows: Vec<&&str> = list
        .iter()
        .filter(|l| l.contains(" DE ") || l.contains(" IT "))
        .collect();
    assert_eq!(rows.len(), 1, "one story row:\n{screen}");
    assert!(
        rows[0].contains(" DE ") && rows[0].contains(" IT ") && rows[0].contains('▸'),
        "{screen}"
    );
    assert!(
        !screen.contains("Russlands Verteidi"),
        "other articles are filtered out:\n{screen}"
    );

    // Enter unfolds the story and opens its first article on Rudenko's first mention; Tab
    // goes to the reader: the entity card shows him, and the status line offers the
    // reader's keys.
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["▾ "]);
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["next occurrence"]);
    let screen = tmux.wait_for(&["Andrei Rudenko"]);
    let card_rows = screen
        .lines()
        .filter(|l| l.contains("Andrei Rudenko"))
        .count();
    assert!(
        card_rows >= 2,
        "the list title and the entity card name him:\n{screen}"
    );

    // Open the top related story from the related panel, then go back.
    tmux.keys(&["Tab", "Enter"]);
    tmux.wait_for(&["╭ 001_33dafe3a048d91ea"]);
    tmux.keys(&["BSpace"]);
    tmux.wait_for(&["╭ 000_b7278b78f013c97b"]);

    // Help shows the keys as configured; any key closes it.
    tmux.keys(&["?"]);
    tmux.wait_for(&["Help — j/k PgUp/PgDn scroll", "find an entity"]);
    tmux.keys(&["Escape"]);
    let start = Instant::now();
    while tmux.screen().contains("Help — j/k PgUp/PgDn scroll") {
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

/// A tmux session running `sh` with a fresh home; `dossier` is started by `start`.
fn session(name: &str, home: &std::path::Path) -> Tmux {
    session_sized(name, home, 120, 40)
}

fn session_sized(name: &str, home: &std::path::Path, width: u16, height: u16) -> Tmux {
    assert!(
        Command::new("tmux").arg("-V").output().is_ok(),
        "tmux is needed for this test: apt-get install tmux"
    );
    let tmux = Tmux {
        socket: format!("dossier-{name}-{}", std::process::id()),
    };
    let shell = format!(
        "env -i PATH=/usr/bin:/bin TERM=xterm-256color HOME={home} XDG_CONFIG_HOME={home}/config XDG_DATA_HOME={home}/data sh",
        home = home.display()
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-x",
        &width.to_string(),
        "-y",
        &height.to_string(),
        "-s",
        "t",
        &shell,
    ]);
    tmux
}

fn terminal_flags(tmux: &Tmux) -> String {
    tmux.run(&[
        "display",
        "-p",
        "-t",
        "t",
        "#{alternate_on} #{cursor_flag} #{mouse_any_flag}",
    ])
    .trim()
    .to_owned()
}

/// SIGTERM, SIGINT, SIGHUP and SIGQUIT once left raw mode, the alternate screen and mouse
/// reporting on. Each now restores the terminal, saves the state and exits with 128 + n.
#[test]
fn signals_restore_the_terminal_save_state_and_exit_128_plus_n() {
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("signals", home.path());
    let pid_file = home.path().join("pid");
    for (signal, code) in [("TERM", 143), ("INT", 130), ("HUP", 129), ("QUIT", 131)] {
        tmux.keys(&["clear", "Enter"]);
        tmux.text(&format!(
            "sh -c 'echo $$ > {pid}; exec {bin}'; echo EXIT=$?",
            pid = pid_file.display(),
            bin = bin.display()
        ));
        tmux.keys(&["Enter"]);
        tmux.wait_for(&["Articles — 5", "Related"]);
        // Open another article so there is state to save.
        tmux.keys(&["j", "Enter"]);
        std::thread::sleep(Duration::from_millis(300));
        let pid = std::fs::read_to_string(&pid_file).unwrap();
        Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.trim())
            .status()
            .unwrap();
        tmux.wait_for(&[&format!("EXIT={code}")]);
        assert_eq!(
            terminal_flags(&tmux),
            "0 1 0",
            "SIG{signal}: terminal restored"
        );
        let state = std::fs::read_to_string(home.path().join("data/dossier/state.json"))
            .expect("state saved on signal");
        assert!(state.contains("\"read\""), "{state}");
        std::fs::remove_file(home.path().join("data/dossier/state.json")).unwrap();
    }
}

/// A panic in the loader left a headless app running (exit 0 when finally quit).
#[test]
fn a_crash_in_the_background_ends_the_app_with_the_terminal_restored() {
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("crash", home.path());
    tmux.text(&format!(
        "DOSSIER_FAILPOINT=loader {} 2>{}/err; echo EXIT=$?",
        bin.display(),
        home.path().display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["EXIT=1"]);
    assert_eq!(terminal_flags(&tmux), "0 1 0");
    let err = std::fs::read_to_string(home.path().join("err")).unwrap();
    assert!(
        err.contains("failpoint: loader") && err.contains("the loader crashed"),
        "{err}"
    );
}

/// An unreadable state file was overwritten on the next save, and its warning was replaced by
/// loading's messages before anyone could read it.
#[test]
fn an_unreadable_state_file_is_moved_aside_and_the_warning_stays() {
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let data = home.path().join("data/dossier");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("state.json"), b"\x00\xffbookmarks\x80").unwrap();
    let tmux = session("state", home.path());
    tmux.text(&format!("{} ; echo EXIT=$?", bin.display()));
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Articles — 5", "moved aside"]);
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    let names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let aside = names
        .iter()
        .find(|n| n.starts_with("state.json.bad-"))
        .expect("moved aside");
    assert_eq!(
        std::fs::read(data.join(aside)).unwrap(),
        b"\x00\xffbookmarks\x80",
        "the old file is kept as it was"
    );
}

/// At 80×24 help is longer than the screen: it says so and scrolls to its end. Under
/// `NO_COLOR` the list cursor is reverse video (it was invisible).
#[test]
fn help_scrolls_at_80x24_and_the_cursor_shows_without_colour() {
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("small", home.path());
    tmux.run(&["resize-window", "-t", "t", "-x", "80", "-y", "24"]);
    tmux.text(&format!("NO_COLOR=1 {} ; echo EXIT=$?", bin.display()));
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Articles — 5"]);
    tmux.keys(&["?"]);
    tmux.wait_for(&["Help — j/k", "more"]);
    tmux.keys(&["G"]);
    tmux.wait_for(&["the wheel scrolls"]);
    tmux.keys(&["Escape"]);
    let start = Instant::now();
    while tmux.screen().contains("Help — j/k") {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "help did not close"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // The selected row (the first) is drawn in reverse video, and no colour is used.
    let styled = tmux.run(&["capture-pane", "-p", "-e", "-t", "t"]);
    let row = styled
        .lines()
        .find(|l| l.contains("Russland baut"))
        .expect("the first row");
    // tmux writes reverse video as SGR 7, alone or after a reset ("ESC[7m", "ESC[0;7m").
    assert!(
        row.contains("\u{1b}[7m") || row.contains(";7m"),
        "reverse video on the cursor row: {row:?}"
    );
    assert!(
        !styled.contains("\u{1b}[38;2"),
        "no true colour under NO_COLOR"
    );
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}

/// `--watch`: a feed written into the corpus while the reader is open shows up in the list
/// (unread), with a line saying what changed, and the open article stays open.
#[test]
fn watch_shows_new_files_while_the_reader_is_open() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["000_b7278b78f013c97b.txt", "001_33dafe3a048d91ea.txt"] {
        std::fs::copy(root.join("assets/corpus").join(name), corpus.join(name)).unwrap();
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("watch", home.path());
    tmux.text(&format!(
        "{} --watch {} ; echo EXIT=$?",
        bin.display(),
        corpus.display()
    ));
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["Articles — 2", "000_b7278b78f013c97b"]);
    std::fs::copy(
        root.join("tests/fixtures/feeds/news.rss"),
        corpus.join("news.rss"),
    )
    .unwrap();
    let screen = tmux.wait_for(&[
        "Articles — 4",
        "the corpus changed: 2 new, 0 changed, 0 gone",
        "Schoigu besuc",
    ]);
    // Still on the article it showed, and the new ones are unread (•).
    assert!(screen.contains("╭ 000_b7278b78f013c97b"), "{screen}");
    let row = screen
        .lines()
        .find(|l| l.contains("Schoigu besuc"))
        .unwrap();
    assert!(row.starts_with("│•"), "{row}");
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}

/// On an indexed corpus the reader starts from the index's preview: the list, the open
/// article's text (read from the index as it is shown), search and the finder all work while
/// the whole analysis is still being read (held back here); then it takes over in place.
#[test]
fn an_indexed_corpus_is_usable_before_the_whole_analysis_is_read() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("corpus");
    let cache = home.path().join("cache");
    std::fs::create_dir(&corpus).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for f in std::fs::read_dir(root.join("assets/corpus")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let indexed = Command::new(&bin)
        .arg("index")
        .arg(&corpus)
        .env("DOSSIER_CACHE", &cache)
        .output()
        .unwrap();
    assert!(indexed.status.success(), "{indexed:?}");
    let hold = home.path().join("hold");
    std::fs::write(&hold, "").unwrap();

    let tmux = session("preview", home.path());
    tmux.text(&format!(
        "DOSSIER_CACHE={} DOSSIER_FAILPOINT=hold-analysis DOSSIER_HOLD={} {} {} ; echo EXIT=$?",
        cache.display(),
        hold.display(),
        bin.display(),
        corpus.display()
    ));
    tmux.keys(&["Enter"]);
    // The list and the open article's text, from the index; the rest still being read.
    tmux.wait_for(&[
        "Articles — 5",
        "╭ 000_b7278b78f013c97b",
        "Gegengewicht zum Westen",
        "reading the whole analysis…",
    ]);
    // Search (the index's full-text table) and the finder (its entities) work already.
    tmux.keys(&["/"]);
    tmux.text("rudenko");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["· search: “rudenko”", "reading the whole analysis…"]);
    // (Escape and a key sent at once would read as Alt and that key.)
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["e"]);
    tmux.wait_for(&["Find an entity"]);
    tmux.text("rudenko");
    tmux.wait_for(&["Andrei Rudenko", "1 found", "reading the whole analysis…"]);

    // The whole analysis arrives: the finder stays open, the reader where it was.
    std::fs::remove_file(&hold).unwrap();
    let start = Instant::now();
    let screen = loop {
        let screen = tmux.screen();
        if !screen.contains("reading the whole analysis…") {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "still reading:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        screen.contains("Andrei Rudenko") && screen.contains("╭ 000_b7278b78f013c97b"),
        "{screen}"
    );
    assert!(!screen.contains("the corpus changed"), "{screen}");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}

/// Two readers open at once: each one's bookmarks and read marks survive the other's saves
/// and its quitting. (The saver's next base was the merged file, so the other reader's marks,
/// which this one never had, counted as its removals: when A quit, B's were gone.)
#[test]
fn two_readers_at_once_keep_each_others_marks() {
    let home = tempfile::tempdir().unwrap();
    let state_file = home.path().join("data/dossier/state.json");
    let marks = |field: &str| -> std::collections::BTreeSet<String> {
        std::fs::read(&state_file)
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| {
                v[field].as_array().map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_owned))
                        .collect()
                })
            })
            .unwrap_or_default()
    };
    let wait_until = |what: &str, ok: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !ok() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what}: {:?}",
                std::fs::read_to_string(&state_file)
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    };
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let a = session("marks-a", home.path());
    let b = session("marks-b", home.path());
    for t in [&a, &b] {
        t.text(&format!("{} ; echo EXIT=$?", bin.display()));
        t.keys(&["Enter"]);
        t.wait_for(&["Articles — 5", "Related"]);
    }
    // A bookmarks the top row; B bookmarks the last row and marks it read.
    a.keys(&["b"]);
    wait_until("A's bookmark", &|| !marks("bookmarks").is_empty());
    let by_a = marks("bookmarks");
    b.keys(&["G", "b"]);
    wait_until("B's bookmark beside A's", &|| {
        marks("bookmarks").len() > by_a.len()
    });
    b.keys(&["m"]);
    let by_b: std::collections::BTreeSet<String> =
        marks("bookmarks").difference(&by_a).cloned().collect();
    wait_until("B's read mark", &|| {
        marks("read").iter().any(|r| by_b.contains(r))
    });
    let all = marks("bookmarks");

    a.keys(&["q"]);
    a.wait_for(&["EXIT=0"]);
    assert_eq!(marks("bookmarks"), all, "A quitting kept B's bookmark");
    assert!(
        marks("read").iter().any(|r| by_b.contains(r)),
        "and B's read mark"
    );
    b.keys(&["q"]);
    b.wait_for(&["EXIT=0"]);
    assert_eq!(marks("bookmarks"), all, "B quitting kept A's bookmark");
    assert!(marks("read").iter().any(|r| by_b.contains(r)));
}

/// The related panel in a real terminal: the open article's story first, marked, then the
/// others by relatedness; `Tab Tab j i` opens the detail of the second entry, with every
/// shared entity, word and number and both scores; any key closes it.
#[test]
fn the_related_panel_orders_by_relatedness_and_i_explains_an_entry() {
    let home = tempfile::tempdir().unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session("related", home.path());
    tmux.text(&format!("{} ; echo EXIT=$?", bin.display()));
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["Articles — 5", "same story · IT"]);
    // The panel's figures after the story entry go down.
    let figures: Vec<f32> = screen
        .lines()
        .filter_map(|l| l.rsplit('│').nth(1))
        .filter_map(|cell| {
            let after_bar = cell.rsplit(['▰', '▱']).next()?;
            after_bar.split_whitespace().next()?.parse().ok()
        })
        .collect();
    assert!(figures.len() >= 3, "{figures:?}\n{screen}");
    assert!(
        figures[1..].windows(2).all(|w| w[0] >= w[1]),
        "{figures:?}\n{screen}"
    );
    tmux.keys(&["Tab", "Tab", "j", "i"]);
    let detail = tmux.wait_for(&["Why linked", "Shared entities (", "Shared numbers ("]);
    assert!(detail.contains("relatedness "), "{detail}");
    assert!(detail.contains("same-story probability"), "{detail}");
    assert!(detail.contains("dates: "), "{detail}");
    assert!(detail.contains("Shared words ("), "{detail}");
    tmux.keys(&["x"]);
    let closed = tmux.wait_for(&["Related"]);
    assert!(!closed.contains("Why linked"), "{closed}");
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
}

/// At 80×24 on the UNER German and English documents (717 articles): `e trump Enter` shows
/// story rows folded and the reader on the cursor's article; `Esc` keeps the cursor on it;
/// every row has a language badge; a fresh start followed by `q` writes no read mark.
#[test]
fn uner_at_80x24_filters_fold_stories_and_the_cursor_and_reader_agree() {
    let home = tempfile::tempdir().unwrap();
    let corpus = home.path().join("uner");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (file, lang) in [("de_pud-ud-test.iob2", "de"), ("en_pud-ud-test.iob2", "en")] {
        let sub = corpus.join(lang);
        std::fs::create_dir_all(&sub).unwrap();
        let text = std::fs::read_to_string(root.join("tests/fixtures/uner").join(file)).unwrap();
        uner::convert(&text, &sub, lang);
    }
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_dossier"));
    let tmux = session_sized("uner", home.path(), 80, 24);
    tmux.text(&format!(
        "{} --no-index {} ; echo EXIT=$?",
        bin.display(),
        corpus.display()
    ));
    tmux.keys(&["Enter"]);
    // The list comes first; the stories once the related stories are linked.
    tmux.wait_for(&["Articles — 717", "▸ "]);
    tmux.keys(&["e"]);
    tmux.wait_for(&["Find an entity"]);
    tmux.text("trump");
    tmux.wait_for(&["Donald Trump"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for(&["18/717 Donald Trump"]);
    // The list pane's rows (every one unread on a fresh start: `•`).
    let rows: Vec<String> = screen
        .lines()
        .skip(1)
        .take(22)
        .map(|l| l.chars().take(27).collect::<String>())
        .filter(|l| l.starts_with("│•"))
        .collect();
    assert!(rows.len() > 5, "{screen}");
    assert!(
        rows.iter().any(|r| r.contains('▸')),
        "story rows, folded:\n{screen}"
    );
    for r in &rows {
        assert!(
            r.contains(" DE") || r.contains(" EN"),
            "a language badge on every row: {r:?}\n{screen}"
        );
    }
    // The reader shows the cursor's row: the first, whose title heads the reader.
    let reader_title = screen.lines().nth(1).unwrap().split("││").nth(1).unwrap();
    let first_row = &rows[0];
    let start: String = first_row
        .trim_start_matches(['│', '•', '★', ' ', '▸'])
        .chars()
        .take(8)
        .collect();
    assert!(
        reader_title.contains(start.trim_end_matches('…')),
        "row {first_row:?}, reader {reader_title:?}\n{screen}"
    );
    // Down a row, then Esc: the whole list, the cursor still on that row's article.
    tmux.keys(&["j"]);
    std::thread::sleep(Duration::from_millis(300));
    let open = tmux.screen().lines().next().unwrap().to_owned();
    let id = open
        .split("╭ ")
        .nth(2)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .to_owned();
    tmux.keys(&["Escape"]);
    let screen = tmux.wait_for(&["Articles — 717"]);
    assert!(
        screen.contains(&format!("╭ {id} ")),
        "still on {id}:\n{screen}"
    );
    let position = screen.lines().nth(22).unwrap();
    assert!(
        !position.contains(" 1/"),
        "the cursor is not back on row 1: {position}"
    );
    tmux.keys(&["q"]);
    tmux.wait_for(&["EXIT=0"]);
    let state =
        std::fs::read_to_string(home.path().join("data/dossier/state.json")).unwrap_or_default();
    assert!(!state.contains("\"read\":[\""), "no read mark: {state}");
}
