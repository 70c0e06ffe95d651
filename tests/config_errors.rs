//! One fixture per config error (as bottom does): `tests/fixtures/config/NAME.toml` with the
//! message it must produce in `NAME.expected`. Each is one line on stderr naming the file, and
//! exit status 2, before any terminal is touched.

mod common;

use common::*;

#[test]
fn each_invalid_config_is_one_line_naming_file_and_key() {
    let dir = fixture("config");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let want = std::fs::read_to_string(path.with_extension("expected")).unwrap();
        let home = tempfile::tempdir().unwrap();
        let out = bin()
            .env("DOSSIER_CONFIG", &path)
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let reason = want.trim_end();
        let expected = if reason.starts_with("unknown theme") {
            // Theme errors name the theme, not a position in the file.
            format!("dossier: {reason}\n")
        } else {
            format!("dossier: {}: {reason}\n", path.display())
        };
        assert_eq!(stderr, expected, "{}", path.display());
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 7);
}

#[test]
fn missing_config_named_by_the_environment_is_an_error() {
    let out = bin()
        .env("DOSSIER_CONFIG", "/no/such/config.toml")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dossier: /no/such/config.toml: No such file or directory\n"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_reader_without_a_terminal_says_so() {
    let home = tempfile::tempdir().unwrap();
    let out = bin()
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("DOSSIER_CONFIG")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "dossier: the reader needs a terminal; `dossier export` prints JSON\n"
    );
    assert_eq!(out.status.code(), Some(2));
}
