//! `.json` (one object, or an array of them) and `.jsonl` (one object a line). Fields: `id`,
//! `title`, `body` | `text` | `content`, `date`, `url`, `lang`. Text fields may hold HTML; they go
//! through the same cleaner as everything else. A bad record or line is skipped and reported by
//! its position; the others load.

use serde_json::{Map, Value};

use super::{Draft, Parsed};
use crate::corpus::MAX_ARTICLE_BYTES;
use crate::corpus::clean::{clean, clean_inline};

/// A whole `.json` file: an object or an array of objects.
pub fn parse_document(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            for (n, item) in items.iter().enumerate() {
                push_record(&mut parsed, item, n + 1, &format!("record {}", n + 1));
            }
        }
        Ok(item @ Value::Object(_)) => push_record(&mut parsed, &item, 1, "record 1"),
        Ok(_) => parsed
            .problems
            .push("not a JSON object or array of objects; file skipped".into()),
        Err(e) => parsed.problems.push(format!(
            "malformed JSON at line {}, column {}: {}; file skipped",
            e.line(),
            e.column(),
            short(&e)
        )),
    }
    parsed
}

/// A `.jsonl` file: one object a line; blank lines are allowed.
pub fn parse_lines(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("line {}", n + 1);
        match serde_json::from_str::<Value>(line) {
            Ok(item) => push_record(&mut parsed, &item, n + 1, &place),
            Err(e) => parsed.problems.push(format!(
                "{place}: malformed JSON ({}); line skipped",
                short(&e)
            )),
        }
    }
    parsed
}

/// serde_json's message without its own " at line 1 column 7" tail.
fn short(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg,
    }
}

fn push_record(parsed: &mut Parsed, item: &Value, ordinal: usize, place: &str) {
    match record(item) {
        Ok(draft) => parsed.drafts.push(Draft { ordinal, ..draft }),
        Err(why) => parsed.problems.push(format!("{place}: {why}; skipped")),
    }
}

fn record(item: &Value) -> Result<Draft, String> {
    let Value::Object(obj) = item else {
        return Err("not a JSON object".into());
    };
    let raw_body = ["body", "text", "content"]
        .iter()
        .find_map(|k| string(obj, k).filter(|s| !s.trim().is_empty()));
    let title = string(obj, "title")
        .map(|t| clean_inline(&t))
        .unwrap_or_default();
    let Some(raw_body) = raw_body.or_else(|| (!title.is_empty()).then(String::new)) else {
        return Err("no title and no body, text or content".into());
    };
    if raw_body.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(format!(
            "text is {} bytes, over the 8 MiB limit for one article",
            raw_body.len()
        ));
    }
    let mut draft = Draft {
        id: match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        },
        ordinal: 0,
        anchor: None,
        title,
        site: string(obj, "site").or_else(|| string(obj, "source")),
        body: clean(&raw_body),
        date: string(obj, "date"),
        url: string(obj, "url"),
        lang: string(obj, "lang"),
    };
    if draft.title.is_empty() {
        // The first paragraph stands in for a missing title; the body keeps it.
        draft.title = draft
            .body
            .split("\n\n")
            .next()
            .unwrap_or_default()
            .to_owned();
    }
    if draft.title.is_empty() && draft.body.is_empty() {
        return Err("no text after cleaning".into());
    }
    Ok(draft)
}

fn string(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_and_array() {
        let one = parse_document(
            r#"{"id": "a1", "title": "T", "text": "<p>Body</p>", "date": "2024-03-19", "lang": "en"}"#,
        );
        assert_eq!(one.drafts.len(), 1);
        let d = &one.drafts[0];
        assert_eq!(
            (d.id.as_deref(), d.title.as_str(), d.body.as_str()),
            (Some("a1"), "T", "Body")
        );
        let many = parse_document(
            r#"[{"title": "A", "body": "x"}, {"title": "B", "content": "y"}, 3, {"url": "u"}]"#,
        );
        assert_eq!(many.drafts.len(), 2);
        assert_eq!(
            many.problems,
            vec![
                "record 3: not a JSON object; skipped",
                "record 4: no title and no body, text or content; skipped"
            ]
        );
    }

    #[test]
    fn malformed_document_names_the_line() {
        let p = parse_document("[\n{\"title\": \"A\",\n}\n]");
        assert!(p.drafts.is_empty());
        assert!(
            p.problems[0].starts_with("malformed JSON at line 3"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn jsonl_skips_bad_lines_only() {
        let p = parse_lines(
            "{\"id\": 7, \"title\": \"A\", \"body\": \"one\"}\n\n{broken\n{\"title\": \"C\", \"body\": \"three\"}\n",
        );
        assert_eq!(p.drafts.len(), 2);
        assert_eq!(p.drafts[0].id.as_deref(), Some("7"));
        assert_eq!(p.problems.len(), 1);
        assert!(
            p.problems[0].starts_with("line 3: malformed JSON"),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn missing_title_uses_first_paragraph() {
        let p = parse_lines("{\"body\": \"First para.\\n\\nSecond.\"}");
        assert_eq!(p.drafts[0].title, "First para.");
        assert_eq!(p.drafts[0].body, "First para.\n\nSecond.");
    }
}
