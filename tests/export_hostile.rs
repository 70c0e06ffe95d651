//! Bad input never crashes and never disappears silently: each problem is a warning on stderr
//! and an entry in `skipped`, and everything else still loads.

mod common;

use common::*;

fn reason_for<'a>(skipped: &'a [(String, String)], file: &str) -> Vec<&'a str> {
    skipped
        .iter()
        .filter(|(s, _)| s.ends_with(file))
        .map(|(_, r)| r.as_str())
        .collect()
}

#[test]
fn mixed_folder_loads_the_good_and_reports_the_bad() {
    let dir = fixture("mixed");
    let (doc, stderr, _) = export(&[dir.as_os_str()]);
    let ids: Vec<&str> = articles(&doc)
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["escapes", "good", "latin1", "partly-bad#1", "partly-bad#3"]
    );
    let skipped = skipped(&doc);
    let expect = [
        ("binary.txt", "binary file (NUL bytes); skipped"),
        ("blank.md", "empty file; skipped"),
        ("empty.txt", "empty file; skipped"),
        (
            "notes.csv",
            "not a format dossier reads (.txt .md .html .htm .json .jsonl .rss .atom .xml); skipped",
        ),
    ];
    for (file, reason) in expect {
        assert_eq!(reason_for(&skipped, file), [reason], "{file}");
    }
    let malformed = reason_for(&skipped, "malformed.json");
    assert!(
        malformed[0].starts_with("malformed JSON at line 3, column 13"),
        "{malformed:?}"
    );
    let jsonl = reason_for(&skipped, "partly-bad.jsonl");
    assert!(
        jsonl[0].starts_with("line 2: malformed JSON") && jsonl[0].ends_with("line skipped"),
        "{jsonl:?}"
    );
    let latin1 = reason_for(&skipped, "latin1.txt");
    assert!(
        latin1[0].contains("not valid UTF-8") && latin1[0].contains("Windows-1252"),
        "{latin1:?}"
    );
    assert!(
        !skipped.iter().any(|(s, _)| s.contains(".hidden")),
        "hidden files are passed over"
    );

    // Every skipped entry is also one warning line on stderr, naming the file.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), skipped.len(), "{stderr}");
    for (source, reason) in &skipped {
        assert!(
            lines.contains(&format!("dossier: warning: {source}: {reason}").as_str()),
            "{stderr}"
        );
    }

    let latin = article(&doc, "latin1");
    assert_eq!(latin["title"], "Grüße aus Köln");
    assert_eq!(
        latin["body"],
        "Der Bürgermeister sprach “offen” über die Stadt."
    );
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = fixture("mixed/escapes.txt");
    let (doc, _, out) = export(&[dir.as_os_str()]);
    let a = &articles(&doc)[0];
    assert_eq!(a["title"], "Hostile title");
    assert_eq!(a["body"], "Body with OSC, C1 CSI, bidi evil and a bell.");
    let raw = String::from_utf8(out.stdout).unwrap();
    for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
        assert!(!raw.contains(bad), "{bad:?} in the export");
    }
}

#[test]
fn nonexistent_path_is_one_line_and_status_2() {
    let out = bin().args(["export", "/no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dossier: /no/such/dir: no such file or directory\n"
    );
    assert!(out.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn symlink_loop_broken_link_and_oversized_file_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir(root.join("sub")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("dangling.txt")).unwrap();
    std::fs::write(root.join("ok.txt"), "Fine title\nFine body.").unwrap();
    let big = "Lorem ipsum dolor sit amet.\n".repeat(8 * 1024 * 1024 / 28 + 10);
    std::fs::write(root.join("huge.txt"), format!("Huge\n{big}")).unwrap();

    let (doc, _, _) = export(&[root.as_os_str()]);
    let ids: Vec<&str> = articles(&doc)
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ok"]);
    let skipped = skipped(&doc);
    assert!(
        reason_for(&skipped, "loop")[0].starts_with("symlink loop back to"),
        "{skipped:?}"
    );
    assert!(
        reason_for(&skipped, "dangling.txt")[0].starts_with("cannot read"),
        "{skipped:?}"
    );
    assert!(
        reason_for(&skipped, "huge.txt")[0].starts_with("larger than the 8 MiB limit"),
        "{skipped:?}"
    );
}
