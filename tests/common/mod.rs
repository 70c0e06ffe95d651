//! Helpers for the integration tests: run the real binary, read its export.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Runs `dossier export ARGS` and returns (export document, stderr, output).
pub fn export(args: &[&std::ffi::OsStr]) -> (Value, String, Output) {
    let out = bin()
        .arg("export")
        .args(args)
        .output()
        .expect("binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "export failed: {stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("export is JSON");
    (doc, stderr, out)
}

pub fn articles(doc: &Value) -> &Vec<Value> {
    doc["articles"].as_array().expect("articles array")
}

pub fn article<'a>(doc: &'a Value, id: &str) -> &'a Value {
    articles(doc)
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

pub fn skipped(doc: &Value) -> Vec<(String, String)> {
    doc["skipped"]
        .as_array()
        .expect("skipped array")
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap().to_owned(),
                s["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
