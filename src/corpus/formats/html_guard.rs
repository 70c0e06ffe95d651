//! Decides, in one linear pass, whether a page is safe to hand to content extraction.
//!
//! Readability-style extraction (dom_smoothie over html5ever) builds a tree and walks it
//! recursively: a page nested thousands of elements deep overflows a worker thread's stack, and
//! its cost grows with elements × depth. html5ever's serializer also rescans the rest of a text
//! node for every `&` (or NBSP-like byte) it escapes, so one long text full of `&` is quadratic.
//! Pages past these bounds are read with the tag-stripping cleaner instead (no text is lost, the
//! boilerplate is kept), and the reason is reported.

/// Deeper than this, a page is not an article layout but a fault or an attack: real news pages
/// nest 20–60 deep. At this depth extraction takes under a second for 100,000 elements.
pub const MAX_DEPTH: usize = 128;
/// More elements than any article page has (real ones: 1,000–20,000).
pub const MAX_ELEMENTS: usize = 100_000;
/// Bytes html5ever's serializer would rescan for escapes (about 0.2 s of memchr).
const MAX_ESCAPE_SCAN: u64 = 10_000_000_000;

/// Void elements: they never have content, whatever their tag says.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose end tag is commonly left out (the next one closes them): they do not deepen
/// the tree the way an unclosed `<div>` does.
const OPTIONAL_END: &[&str] = &["dd", "dt", "li", "option", "p", "td", "th", "tr"];
/// More attributes on one element than any page has; html5ever's duplicate check makes a
/// flood of them quadratic (200,000 attributes on one `<p>` took 27 s).
pub const MAX_ATTRIBUTES: usize = 1_000;

/// `None` when extraction is safe; otherwise why the page is read without it.
///
/// The tree is modelled as a browser builds it: `/>` closes only void elements (`<div/>` opens
/// a `<div>`), an end tag closes the nearest open element of its name and everything opened
/// after it, and a stray end tag (no such element open) closes nothing. Each element is pushed
/// and popped at most once, and each byte is looked at a bounded number of times: linear.
pub fn refuse_extraction(html: &str) -> Option<String> {
    let b = html.as_bytes();
    // The open elements (lower-cased names), and how many of each name are open.
    let mut open: Vec<Box<[u8]>> = Vec::new();
    let mut open_count: std::collections::HashMap<Box<[u8]>, usize> = Default::default();
    let (mut max_depth, mut elements, mut most_attributes) = (0usize, 0usize, 0usize);
    let mut escape_scan: u64 = 0;
    // Per text run (between tags): its length so far, and the escapes met in it.
    let (mut run_len, mut run_escapes) = (0u64, 0u64);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let closing = b.get(i + 1) == Some(&b'/');
                let start = i + 1 + usize::from(closing);
                let mut end = start;
                while end < b.len() && b[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                if end > start && b[start].is_ascii_alphabetic() {
                    escape_scan += run_len.saturating_mul(run_escapes) / 2;
                    (run_len, run_escapes) = (0, 0);
                    let name: Box<[u8]> = b[start..end].to_ascii_lowercase().into();
                    let tag = scan_tag(b, end);
                    most_attributes = most_attributes.max(tag.attributes);
                    if closing {
                        close(&mut open, &mut open_count, &name);
                    } else {
                        elements += 1;
                        let is = |list: &[&str]| list.iter().any(|n| n.as_bytes() == &*name);
                        if !is(VOID) && !is(OPTIONAL_END) {
                            *open_count.entry(name.clone()).or_default() += 1;
                            open.push(name);
                            max_depth = max_depth.max(open.len());
                        }
                    }
                    i = tag.end;
                    continue;
                }
                run_len += 1;
            }
            b'&' | 0xC2 => {
                run_escapes += 1;
                run_len += 1;
            }
            _ => run_len += 1,
        }
        i += 1;
    }
    escape_scan += run_len.saturating_mul(run_escapes) / 2;
    if most_attributes > MAX_ATTRIBUTES {
        Some(format!(
            "an element with {most_attributes} attributes (limit {MAX_ATTRIBUTES}); read without content extraction"
        ))
    } else if max_depth > MAX_DEPTH {
        Some(format!(
            "elements nested {max_depth} deep (limit {MAX_DEPTH}); read without content extraction"
        ))
    } else if elements > MAX_ELEMENTS {
        Some(format!(
            "{elements} elements (limit {MAX_ELEMENTS}); read without content extraction"
        ))
    } else if escape_scan > MAX_ESCAPE_SCAN {
        Some("a text run too long and full of & to extract in reasonable time; read without content extraction".into())
    } else {
        None
    }
}

/// Closes the nearest open `name` and everything opened after it; a stray end tag closes
/// nothing.
fn close(
    open: &mut Vec<Box<[u8]>>,
    open_count: &mut std::collections::HashMap<Box<[u8]>, usize>,
    name: &[u8],
) {
    if open_count.get(name).is_none_or(|&n| n == 0) {
        return;
    }
    while let Some(top) = open.pop() {
        let done = &*top == name;
        if let Some(n) = open_count.get_mut(&top) {
            *n -= 1;
        }
        if done {
            return;
        }
    }
}

/// The rest of a tag after its name: where it ends (past its `>`), and its attributes.
struct Tag {
    end: usize,
    attributes: usize,
}

/// Reads a tag's attributes as the tokenizer does: names separated by white space or `/`,
/// values quoted (a quoted value may hold `>`) or not; the tag ends at `>` or at the end of
/// the text.
fn scan_tag(b: &[u8], mut i: usize) -> Tag {
    let mut attributes = 0;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        match b.get(i) {
            None => return Tag { end: i, attributes },
            Some(b'>') => {
                return Tag {
                    end: i + 1,
                    attributes,
                };
            }
            Some(_) => {}
        }
        // An attribute name (the tokenizer takes `=` as a name's first character).
        attributes += 1;
        i += 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => {
                i += 1;
                i = b[i..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| i + p + 1);
            }
            _ => {
                while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass() {
        let page = "<html><head><meta charset=utf-8><title>T</title></head><body><div><p>One &amp; two<p>Three<br><img src=x /><ul><li>a<li>b</ul></div></body></html>";
        assert_eq!(refuse_extraction(page), None);
        // A long article of many paragraphs with the odd `&` is fine.
        let long = "<p>Smith &amp; Jones said so, at 20 °C.</p>".repeat(20_000);
        assert_eq!(refuse_extraction(&long), None);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = format!("{}x{}", "<b>".repeat(30_000), "</b>".repeat(30_000));
        assert!(refuse_extraction(&deep).unwrap().contains("30000 deep"));
        let ok = format!("{}x{}", "<div>".repeat(100), "</div>".repeat(100));
        assert_eq!(refuse_extraction(&ok), None);
    }

    #[test]
    fn too_many_elements_are_refused() {
        let many = "<span>x</span>".repeat(MAX_ELEMENTS + 1);
        assert!(refuse_extraction(&many).unwrap().contains("elements"));
    }

    /// `<div/>` is an open `<div>` to a browser (and to html5ever): 8,000 of them took 9.8 s
    /// to extract, 99,000 over ten minutes.
    #[test]
    fn self_closing_non_void_elements_nest() {
        let page = "<div/>".repeat(8_000);
        assert!(
            refuse_extraction(&page).unwrap().contains("8000 deep"),
            "{page:.30}"
        );
        let ul = "<ul/>".repeat(8_000);
        assert!(refuse_extraction(&ul).unwrap().contains("deep"));
        assert_eq!(refuse_extraction(&"<br/><img src=x/>".repeat(8_000)), None);
    }

    /// A stray end tag used to count as closing something: `<div></p>` ×8000 looked flat.
    #[test]
    fn stray_end_tags_close_nothing() {
        let page = "<div></p>".repeat(8_000);
        assert!(refuse_extraction(&page).unwrap().contains("deep"));
        let page = "<div><span></div>".repeat(8_000);
        assert_eq!(
            refuse_extraction(&page),
            None,
            "</div> closes the span inside it too"
        );
    }

    /// One `<p>` with 200,000 attributes took 27 s (400,000: 150 s).
    #[test]
    fn attribute_floods_are_refused() {
        let page = format!("<p {}>text</p>", "a ".repeat(200_000));
        assert!(
            refuse_extraction(&page)
                .unwrap()
                .contains("200000 attributes")
        );
        let quoted = r#"<a href="x>y" title='a b' data-x=1 hidden>link</a>"#;
        assert_eq!(refuse_extraction(quoted), None);
        assert_eq!(scan_tag(quoted.as_bytes(), 2).attributes, 4);
    }

    #[test]
    fn long_ampersand_runs_are_refused() {
        let amps = format!("<p>{}</p>", "&".repeat(2_000_000));
        assert!(refuse_extraction(&amps).unwrap().contains('&'));
    }
}
