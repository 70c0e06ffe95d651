//! The second hostile-input probe's defects, through the real binary: a UTF-32 feed in a
//! folder, file names that are not UTF-8, two first `dossier index` runs at once, a read-only
//! and a full cache, input with nothing in it, text after a stray C1 control, and skipped
//! entries that quote terminal controls. Each test failed before its fix.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn article_file(dir: &Path, name: &str, title: &str) {
    write(
        dir,
        name,
        format!("{title}\n\nBerlin und Paris sprechen über die Lage in Europa.\n").as_bytes(),
    );
}

/// A UTF-32 feed panicked the XML parser and killed the export of the whole folder.
#[test]
fn a_utf32_feed_is_read_and_the_folder_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    article_file(dir.path(), "a.txt", "Erster Artikel");
    let feed = r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title><item><title>Kim trifft Schoigu</title><guid>g1</guid><description>Kim Jong Un empfing Sergei Schoigu in Pjöngjang.</description></item></channel></rss>"#;
    for (name, le) in [("le.rss", true), ("be.rss", false)] {
        let mut bytes = if le {
            vec![0xFF, 0xFE, 0, 0]
        } else {
            vec![0, 0, 0xFE, 0xFF]
        };
        for c in feed.chars() {
            let v = c as u32;
            bytes.extend(if le { v.to_le_bytes() } else { v.to_be_bytes() });
        }
        write(dir.path(), name, &bytes);
    }
    let (doc, stderr, _) = export(&[dir.path().as_os_str(), "--no-index".as_ref()]);
    let titles: Vec<&str> = articles(&doc)
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?} {stderr}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| **t == "Kim trifft Schoigu")
            .count(),
        2
    );
}

/// `a\xff.txt` and `a\xfe.txt` both became `a\u{FFFD}.txt`: `dossier index` failed on a
/// UNIQUE constraint on every later start, and with the index one file's text showed twice.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_keep_their_own_texts_with_an_index() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let cache = tmp.path().join("cache");
    for (byte, text) in [(0xFFu8, "Erstes Thema"), (0xFEu8, "Zweites Thema")] {
        let bytes = [b'a', byte, b'.', b't', b'x', b't'];
        std::fs::write(
            corpus.join(std::ffi::OsStr::from_bytes(&bytes)),
            format!("{text}\n\nDer Text von {text}.\n"),
        )
        .unwrap();
    }
    let run = |args: &[&str]| -> Output {
        bin()
            .args(args)
            .arg(&corpus)
            .env("DOSSIER_CACHE", &cache)
            .output()
            .unwrap()
    };
    for _ in 0..2 {
        let out = run(&["index"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for args in [&["export"][..], &["export", "--no-index"]] {
        let out = run(args);
        assert!(out.status.success());
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let mut seen: Vec<(String, String)> = articles(&doc)
            .iter()
            .map(|a| {
                (
                    a["source"]
                        .as_str()
                        .unwrap()
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .to_owned(),
                    a["title"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            [
                ("a\\xFE.txt".to_owned(), "Zweites Thema".to_owned()),
                ("a\\xFF.txt".to_owned(), "Erstes Thema".to_owned()),
            ],
            "{args:?}"
        );
    }
}

/// Two first `dossier index` runs at once took "database is locked" and "table meta already
/// exists" for corruption, and moved a good index aside; `.bad-*` files piled up.
#[test]
fn two_first_index_runs_at_once_both_succeed_and_move_nothing_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..30 {
        article_file(&corpus, &format!("{i}.txt"), &format!("Artikel {i}"));
    }
    for round in 0..6 {
        let cache = tmp.path().join(format!("cache{round}"));
        let start = || {
            bin()
                .arg("index")
                .arg(&corpus)
                .env("DOSSIER_CACHE", &cache)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                out.status.success() && stderr.is_empty(),
                "round {round}: {stderr}"
            );
            assert!(String::from_utf8_lossy(&out.stdout).starts_with("indexed 30 articles"));
        }
        let names: Vec<String> = std::fs::read_dir(&cache)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.contains(".bad-")), "{names:?}");
    }
}

/// Runs `script` (sh) in a user and mount namespace of its own, where it may mount: a
/// read-only bind mount, a small tmpfs. Nothing outside the test sees those mounts.
fn in_own_mounts(script: &str) -> Output {
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", script])
        .output()
        .expect("unshare (util-linux) runs");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("unshare: "),
        "this test needs user namespaces: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A good index on a read-only mount was "not a dossier index … cannot be moved aside", and
/// not read; `dossier index` there gave several lines. Now it is read as it is; a change that
/// cannot be written is one line.
#[cfg(target_os = "linux")]
#[test]
fn an_index_on_a_read_only_mount_is_read_and_one_line_says_it_was_not_updated() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for i in 0..5 {
        article_file(&corpus, &format!("{i}.txt"), &format!("Artikel {i}"));
    }
    let cache = tmp.path().join("cache");
    let out = bin()
        .arg("index")
        .arg(&corpus)
        .env("DOSSIER_CACHE", &cache)
        .output()
        .unwrap();
    assert!(out.status.success());
    let bin = env!("CARGO_BIN_EXE_dossier");
    let (c, k) = (corpus.display(), cache.display());
    let ro = format!("mount --bind -o ro {k} {k} && DOSSIER_CACHE={k} {bin}");
    // Unchanged: read from the index, nothing said.
    let out = in_own_mounts(&format!("{ro} export {c}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles(&doc).len(), 5);
    let out = in_own_mounts(&format!("{ro} index {c}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Changed: the analysis is complete, and one line says the index was not updated.
    article_file(&corpus, "new.txt", "Neuer Artikel");
    let out = in_own_mounts(&format!("{ro} export {c}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("read-only") && stderr.contains("not updated"),
        "{stderr}"
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(articles(&doc).len(), 6);
    let out = in_own_mounts(&format!("{ro} index {c}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let names: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".bad-")), "{names:?}");
}

/// A full cache gave four lines (the same warning three times, then the summary) and left the
/// failed write's log behind.
#[cfg(target_os = "linux")]
#[test]
fn a_full_cache_is_one_line_and_leaves_no_log_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    article_file(&corpus, "a.txt", "Artikel");
    // Text that does not compress: 3 MB of it cannot go into a 1 MB cache.
    let mut seed = 1u64;
    for i in 0..300 {
        let body: String = (0..10_000)
            .map(|_| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + (seed >> 59) as u8 % 26)
            })
            .collect();
        write(
            &corpus,
            &format!("big{i}.txt"),
            format!("Titel {i}\n\n{body}\n").as_bytes(),
        );
    }
    let bin = env!("CARGO_BIN_EXE_dossier");
    let cache = tmp.path().join("cache");
    std::fs::create_dir(&cache).unwrap();
    let (c, k) = (corpus.display(), cache.display());
    let out = in_own_mounts(&format!(
        "mount -t tmpfs -o size=1m tmpfs {k} && DOSSIER_CACHE={k} {bin} index {c}; echo status=$?; ls -l {k}"
    ));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("full"), "{stderr}");
    assert!(stdout.contains("status=1"), "{stdout}");
    // No write-ahead log of the failed write is left.
    let wal: u64 = stdout
        .lines()
        .filter(|l| l.ends_with("-wal"))
        .filter_map(|l| l.split_whitespace().nth(4)?.parse::<u64>().ok())
        .sum();
    assert_eq!(wal, 0, "{stdout}");
}

/// A `.jsonl` of only a byte-order mark, of `\v\f`, of Unicode spaces, and a `.json` of `[]`
/// gave no article and no `skipped` entry.
#[test]
fn input_with_nothing_in_it_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bom.jsonl", b"\xEF\xBB\xBF");
    write(dir.path(), "vf.jsonl", b"\x0b\x0c");
    write(
        dir.path(),
        "spaces.jsonl",
        "\u{a0}\u{2003}\u{3000}\n".as_bytes(),
    );
    write(dir.path(), "empty.json", b"[]");
    write(dir.path(), "empty.jsonl", b"\n\n");
    article_file(dir.path(), "a.txt", "Ein Artikel");
    let (doc, _, _) = export(&[dir.path().as_os_str(), "--no-index".as_ref()]);
    assert_eq!(articles(&doc).len(), 1);
    let reported: Vec<String> = skipped(&doc)
        .into_iter()
        .map(|(s, _)| s.rsplit('/').next().unwrap().to_owned())
        .collect();
    for name in [
        "bom.jsonl",
        "vf.jsonl",
        "spaces.jsonl",
        "empty.json",
        "empty.jsonl",
    ] {
        assert!(reported.iter().any(|r| r == name), "{name}: {reported:?}");
    }
}

/// Text after U+0090 or U+009D, or after `ESC P` / `ESC ]`, was dropped silently: mojibake
/// (UTF-8 read as Latin-1) is full of such bytes.
#[test]
fn text_after_a_stray_c1_control_is_kept_and_the_removal_is_told() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mojibake.txt",
        "Titel\n\nDer Text \u{c3}\u{90}ber die Grenze. Der zweite Satz bleibt.\n\nZweiter Absatz bleibt auch.\n"
            .as_bytes(),
    );
    write(
        dir.path(),
        "esc.txt",
        b"Titel zwei\n\nVorher \x1bP nachher bleibt. Und \x1b] das auch.\n",
    );
    let (doc, _, _) = export(&[dir.path().as_os_str(), "--no-index".as_ref()]);
    let body = |id: &str| article(&doc, id)["body"].as_str().unwrap().to_owned();
    assert!(
        body("mojibake").contains("Der zweite Satz bleibt."),
        "{}",
        body("mojibake")
    );
    assert!(body("mojibake").contains("Zweiter Absatz bleibt auch."));
    assert!(
        body("esc").contains("nachher bleibt") && body("esc").contains("das auch"),
        "{}",
        body("esc")
    );
    let told: Vec<(String, String)> = skipped(&doc);
    for name in ["mojibake.txt", "esc.txt"] {
        assert!(
            told.iter()
                .any(|(s, r)| s.ends_with(name) && r.contains("control sequence")),
            "{name}: {told:?}"
        );
    }
}

/// `skipped[].source` and `.reason` carried raw bidi, DEL and C1 characters to stdout.
#[test]
fn skipped_entries_quote_terminal_controls_as_json_escapes() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "evil\u{202e}txt.\u{7f}\u{85}.json",
        b"{ not json",
    );
    let out = bin()
        .args(["export", "--no-index"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        !stdout.contains('\u{202e}') && !stdout.contains('\u{7f}') && !stdout.contains('\u{85}'),
        "{stdout}"
    );
    assert!(
        stdout.contains(r"evil\u202etxt.\u007f\u0085.json"),
        "{stdout}"
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(
        skipped(&doc)
            .iter()
            .any(|(s, _)| s.ends_with("evil\u{202e}txt.\u{7f}\u{85}.json")),
        "the text is the same"
    );
}
