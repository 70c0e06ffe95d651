//! Hostile input, through the real binary: every case here once crashed, hung or lost
//! something. Large fixtures are generated in the test, never checked in.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Runs `dossier ARGS` with a deadline; returns (status code, stdout, stderr).
fn run_within(
    args: &[&std::ffi::OsStr],
    envs: &[(&str, &str)],
    secs: u64,
) -> (i32, Vec<u8>, String) {
    let mut cmd = bin();
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let child = cmd.spawn().expect("binary runs");
    let pid = child.id();
    // Output is read while it runs (a full pipe would block it); the deadline is on the whole.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let out = match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(out) => out.unwrap(),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("dossier {args:?} did not finish within {secs} s");
        }
    };
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

#[test]
fn dates_in_any_script_become_null_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "ru.jsonl",
        "{\"id\":\"ru\",\"title\":\"T\",\"body\":\"Body text here.\",\"date\":\"12 мая 2024\"}\n",
    );
    write(
        dir.path(),
        "el.md",
        "---\ntitle: Greek\ndate: 19 Μαΐ 2024\n---\nSome text of the article.\n",
    );
    write(
        dir.path(),
        "ru.html",
        "<html><head><meta property=\"article:published_time\" content=\"19 июня 2024\"><title>Page</title></head><body><p>Text of the page.</p></body></html>",
    );
    let (doc, _, _) = export(&[dir.path().as_os_str()]);
    assert_eq!(articles(&doc).len(), 3);
    for a in articles(&doc) {
        assert!(a["date"].is_null(), "{a}");
    }
}

#[test]
fn deeply_nested_html_is_read_without_extraction_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    // Two files, so that they are read on worker threads (smaller stacks than main).
    for name in ["a.html", "b.html"] {
        write(
            dir.path(),
            name,
            &format!(
                "<html><body>{}deep text{}</body></html>",
                "<b>".repeat(30_000),
                "</b>".repeat(30_000)
            ),
        );
    }
    write(
        dir.path(),
        "c.html",
        &format!(
            "<html><body>{}divs{}</body></html>",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        ),
    );
    let t = Instant::now();
    let (code, stdout, stderr) = run_within(
        &[std::ffi::OsStr::new("export"), dir.path().as_os_str()],
        &[],
        60,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(t.elapsed() < Duration::from_secs(30));
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(article(&doc, "a")["body"], "deep text");
    assert_eq!(article(&doc, "c")["body"], "divs");
    assert_eq!(
        stderr.matches("read without content extraction").count(),
        3,
        "{stderr}"
    );
}

#[test]
fn ampersand_flood_takes_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "amp.html",
        &format!("<html><body><p>{}</p></body></html>", "&".repeat(2_000_000)),
    );
    let (code, _, stderr) = run_within(
        &[std::ffi::OsStr::new("export"), dir.path().as_os_str()],
        &[],
        60,
    );
    assert_eq!(code, 0, "{stderr}");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_skipped_not_read() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "good.txt",
        "A title\nAnd a body that is long enough.",
    );
    let fifo = dir.path().join("x.txt");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/stdin", dir.path().join("stdin.txt")).unwrap();
    let (code, stdout, stderr) = run_within(
        &[std::ffi::OsStr::new("export"), dir.path().as_os_str()],
        &[],
        30,
    );
    assert_eq!(code, 0, "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(articles(&doc).len(), 1);
    let skipped = skipped(&doc);
    let reason = |f: &str| {
        skipped
            .iter()
            .find(|(s, _)| s.ends_with(f))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{f} not reported: {skipped:?}"))
    };
    assert!(reason("x.txt").contains("FIFO"), "{skipped:?}");
    assert!(reason("zero.txt").contains("device"), "{skipped:?}");
    assert!(
        reason("stdin.txt").contains("not a regular file")
            || reason("stdin.txt").contains("device")
            || reason("stdin.txt").contains("FIFO")
    );
    // A FIFO named on the command line is refused the same way.
    let (code, _, stderr) =
        run_within(&[std::ffi::OsStr::new("export"), fifo.as_os_str()], &[], 30);
    assert_eq!(code, 0);
    assert!(stderr.contains("FIFO"), "{stderr}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_write_error_is_one_line_and_status_1() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = bin()
        .args(["export"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("dossier: cannot write the export"),
        "{stderr}"
    );
}

#[test]
fn messages_quoting_input_carry_no_escape_sequences() {
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J";
    // A path that does not exist.
    let (code, _, stderr) =
        run_within(&[std::ffi::OsStr::new(&format!("nope{evil}.txt"))], &[], 10);
    assert_eq!(code, 2);
    assert!(
        !stderr.contains('\u{1b}') && stderr.contains("\\u{1b}"),
        "{stderr:?}"
    );
    // A config error naming a key, and a theme error.
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "[keys]\n\"{}\" = \"quit\"\n",
            evil.replace('\u{1b}', "\\u001b")
                .replace('\u{7}', "\\u0007")
        ),
    )
    .unwrap();
    let (code, _, stderr) = run_within(&[], &[("DOSSIER_CONFIG", config.to_str().unwrap())], 10);
    assert_eq!(code, 2);
    assert!(
        !stderr.contains('\u{1b}') && stderr.contains("\\u{1b}"),
        "{stderr:?}"
    );
    std::fs::write(&config, "").unwrap();
    let (code, _, stderr) = run_within(
        &[
            std::ffi::OsStr::new("--theme"),
            std::ffi::OsStr::new(&format!("x{evil}")),
        ],
        &[("DOSSIER_CONFIG", config.to_str().unwrap())],
        10,
    );
    assert_eq!(code, 2);
    assert!(
        !stderr.contains('\u{1b}') && stderr.contains("\\u{1b}"),
        "{stderr:?}"
    );
    // A file name with escapes: the export keeps the exact name, stderr shows it escaped.
    let name = format!("bad{evil}.csv");
    std::fs::write(dir.path().join(&name), "x").unwrap();
    let (code, stdout, stderr) = run_within(
        &[std::ffi::OsStr::new("export"), dir.path().as_os_str()],
        &[],
        10,
    );
    assert_eq!(code, 0);
    assert!(
        !stderr.contains('\u{1b}') && stderr.contains("\\u{1b}"),
        "{stderr:?}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert!(skipped(&doc).iter().any(|(s, _)| s.ends_with(&name)));
}

#[cfg(unix)]
#[test]
fn duplicates_through_symlinks_are_reported_and_labels_are_exact() {
    let dir = tempfile::tempdir().unwrap();
    let name = "soft\u{ad}hyphen\ttab.txt";
    write(dir.path(), name, "Title here\nBody of the article.");
    std::os::unix::fs::symlink(dir.path().join(name), dir.path().join("zlink.txt")).unwrap();
    let (doc, stderr, _) = export(&[dir.path().as_os_str()]);
    assert_eq!(articles(&doc).len(), 1);
    assert!(
        articles(&doc)[0]["source"]
            .as_str()
            .unwrap()
            .ends_with(name)
    );
    let skipped = skipped(&doc);
    assert!(
        skipped.iter().any(|(s, r)| s.ends_with("zlink.txt")
            && r.contains("the same file as")
            && r.contains("read once")),
        "{skipped:?} {stderr}"
    );
}

#[test]
fn untitled_html_takes_its_first_sentence() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "untitled.html",
        "<html><body><p>The council voted on Tuesday to close the bridge. Traffic will move to the ring road.</p></body></html>",
    );
    let (doc, _, _) = export(&[dir.path().as_os_str()]);
    assert_eq!(
        articles(&doc)[0]["title"],
        "The council voted on Tuesday to close the bridge."
    );
}
