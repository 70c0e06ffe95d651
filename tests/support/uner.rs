//! Turns a UNER `.iob2` file into a folder of articles and a gold document, the way
//! `shared/eval/ner_corpus.py iob2` does: a `# newdoc` starts an article, the first sentence is
//! its title, PER/LOC/ORG spans are the required entities (ids per document).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

const NO_SPACE_BEFORE: &[&str] = &[
    ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "»", "“", "”", "'", "’", "'s", "n't", "''",
];
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "„", "«", "‘", "``"];

fn detok(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut prev: Option<&str> = None;
    for &tok in tokens {
        let t = match tok {
            "``" => "“",
            "''" => "”",
            t => t,
        };
        let glued = NO_SPACE_BEFORE.contains(&t)
            || (t.starts_with('\'') && t.chars().count() <= 3)
            || prev.is_some_and(|p| NO_SPACE_AFTER.contains(&p));
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(t);
        prev = Some(tok);
    }
    out
}

/// Documents: lists of sentences: lists of (token, tag).
fn read(text: &str) -> Vec<Vec<Vec<(String, String)>>> {
    let mut docs = vec![];
    let mut doc: Vec<Vec<(String, String)>> = vec![];
    let mut sent = vec![];
    let mut newdoc = false;
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            newdoc = true;
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if !sent.is_empty() {
                if newdoc && !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
                newdoc = false;
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        sent.push((cols[1].to_owned(), cols[2].to_owned()));
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

fn spans(sent: &[(String, String)]) -> (String, Vec<(String, String)>) {
    let toks: Vec<&str> = sent.iter().map(|(t, _)| t.as_str()).collect();
    let mut found = vec![];
    let mut cur: Vec<&str> = vec![];
    let mut label = String::new();
    let end = ("".to_owned(), "O".to_owned());
    for (tok, tag) in sent.iter().chain(std::iter::once(&end)) {
        let (bio, lab) = tag.split_once('-').unwrap_or(("O", ""));
        if bio == "B" || bio == "O" || (bio == "I" && lab != label) {
            if !cur.is_empty() {
                found.push((detok(&cur), label.clone()));
            }
            cur = if bio == "O" {
                vec![]
            } else {
                vec![tok.as_str()]
            };
            label = if bio == "O" {
                String::new()
            } else {
                lab.to_owned()
            };
        } else {
            cur.push(tok);
        }
    }
    (detok(&toks), found)
}

fn slug_key(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').to_owned()
}

/// Writes `OUT/NNNN.txt` for each document and returns the gold document.
pub fn convert(iob2: &str, out: &Path, lang: &str) -> Value {
    let kind = |l: &str| match l {
        "PER" => Some("person"),
        "LOC" => Some("place"),
        "ORG" => Some("organization"),
        _ => None,
    };
    let mut entities = serde_json::Map::new();
    let mut documents = serde_json::Map::new();
    for (n, doc) in read(iob2).iter().enumerate() {
        let mut lines = vec![];
        let mut required: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for sent in doc {
            let (text, found) = spans(sent);
            lines.push(text);
            for (surface, label) in found {
                if let Some(k) = kind(&label) {
                    let eid = format!("{n:04}:{}", slug_key(&surface));
                    let forms = required.entry(eid.clone()).or_default();
                    if !forms.contains(&surface) {
                        forms.push(surface.clone());
                    }
                    entities.insert(eid, json!({"kind": k, "names": {lang: surface}}));
                }
            }
        }
        if required.is_empty() && lines.len() < 2 {
            continue;
        }
        let id = format!("{n:04}");
        let body = lines[1..].join("\n\n");
        std::fs::write(
            out.join(format!("{id}.txt")),
            format!("{}\n{body}\n", lines[0]),
        )
        .unwrap();
        documents.insert(
            id,
            json!({"lang": lang, "required": required, "optional": []}),
        );
    }
    json!({"entities": entities, "documents": documents})
}
