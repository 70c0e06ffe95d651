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

/// Elements that never have content, and elements whose end tag is commonly left out: neither
/// deepens the tree the way an unclosed `<div>` does.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
];

/// `None` when extraction is safe; otherwise why the page is read without it.
pub fn refuse_extraction(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let (mut depth, mut max_depth, mut elements) = (0usize, 0usize, 0usize);
    let mut escape_scan: u64 = 0;
    // Per text run (between tags): its length so far, and the escapes met in it.
    let (mut run_len, mut run_escapes) = (0u64, 0u64);
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                escape_scan += run_len.saturating_mul(run_escapes) / 2;
                (run_len, run_escapes) = (0, 0);
                let closing = b.get(i + 1) == Some(&b'/');
                let start = i + 1 + usize::from(closing);
                let mut end = start;
                while end < b.len() && b[end].is_ascii_alphanumeric() {
                    end += 1;
                }
                if end > start && b[start].is_ascii_alphabetic() {
                    let name = &html[start..end];
                    let gt = b[end..].iter().position(|&c| c == b'>' || c == b'<');
                    let self_closing = gt.is_some_and(|g| g > 0 && b[end + g - 1] == b'/');
                    if closing {
                        depth = depth.saturating_sub(1);
                    } else {
                        elements += 1;
                        let nests = !NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name));
                        if !self_closing && nests {
                            depth += 1;
                            max_depth = max_depth.max(depth);
                        }
                    }
                    i = end;
                    continue;
                }
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
    if max_depth > MAX_DEPTH {
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

    #[test]
    fn long_ampersand_runs_are_refused() {
        let amps = format!("<p>{}</p>", "&".repeat(2_000_000));
        assert!(refuse_extraction(&amps).unwrap().contains('&'));
    }
}
