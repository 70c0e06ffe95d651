//! `.html`/`.htm`: main-content extraction with dom_smoothie (a port of Mozilla's
//! readability.js, the algorithm behind Firefox Reader View), then our cleaner for paragraphs.
//! Title, date, url and language come from the page's metadata (JSON-LD, `og:*`, `article:*`,
//! `<title>`, `<h1>`, `<html lang>`). Pages readability cannot make sense of fall back to the
//! text of the whole page, so no text is lost.

use dom_smoothie::{Config, Readability};

use super::html_guard::refuse_extraction;
use super::{Draft, Parsed};
use crate::corpus::clean::{clean, clean_inline};

pub fn parse(html: &str) -> Parsed {
    let refusal = refuse_extraction(html);
    let extracted = if refusal.is_some() {
        None
    } else {
        let cfg = Config {
            max_elements_to_parse: 0,
            ..Config::default()
        };
        Readability::new(html, None, Some(cfg))
            .ok()
            .and_then(|mut r| r.parse().ok())
    };
    let mut draft = match extracted {
        Some(a) => Draft {
            id: None,
            ordinal: 0,
            anchor: None,
            title: clean_inline(&a.title),
            // The page's own name for its publication (og:site_name and the like).
            site: a.site_name.as_deref().map(clean_inline),
            body: clean(&a.content),
            date: a.published_time,
            url: a.url,
            lang: a.lang,
        },
        None => Draft {
            body: clean(html),
            ..Draft::default()
        },
    };
    if draft.body.is_empty() {
        draft.body = clean(html);
    }
    if draft.url.is_none() {
        draft.url = meta_url(html);
    }
    if draft.title.is_empty() {
        draft.title = first_element_text(html, "title")
            .or_else(|| first_element_text(html, "h1"))
            .unwrap_or_default();
    }
    // Readability often repeats the headline as the first paragraph.
    if let Some(rest) = draft.body.strip_prefix(&draft.title)
        && (rest.is_empty() || rest.starts_with("\n\n"))
    {
        draft.body = rest.trim_start_matches('\n').to_owned();
    }
    Parsed {
        drafts: vec![draft],
        problems: refusal.into_iter().collect(),
    }
}

/// The page's own address: `og:url`, else `<link rel="canonical">`.
fn meta_url(html: &str) -> Option<String> {
    let tags: Vec<&str> = html
        .split('<')
        .filter(|t| t.starts_with("meta") || t.starts_with("link"))
        .map(|t| t.split('>').next().unwrap_or(t))
        .collect();
    let find = |key: &str, want: &str, value: &str| {
        tags.iter()
            .find(|t| attr(t, key).is_some_and(|v| v.eq_ignore_ascii_case(want)))
            .and_then(|t| attr(t, value))
    };
    find("property", "og:url", "content")
        .or_else(|| find("rel", "canonical", "href"))
        .filter(|u| !u.is_empty())
}

/// The value of attribute `name` in the inside of a tag (`meta property="og:url" content="…"`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        return Some(html_escape::decode_html_entities(value).trim().to_owned());
    }
    None
}

/// Text of the first `<name>` element, found by a plain scan (used when extraction failed).
fn first_element_text(html: &str, name: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find(&format!("<{name}"))?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{name}"))?;
    let text = clean_inline(&html[start..end]);
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Kim meets Shoigu | Daily News</title>
<meta property="og:title" content="Kim meets Shoigu in Pyongyang">
<meta property="article:published_time" content="2023-07-27T10:00:00+09:00">
<meta property="og:url" content="https://news.example/kim-shoigu">
<script>var x = "<p>not text</p>";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kim meets Shoigu in Pyongyang</h1>
<p>North Korean leader Kim Jong Un showed Russian defence minister Sergei Shoigu his newest missiles at an arms exhibition in Pyongyang on Wednesday, state media reported.</p>
<p>The visit marked the 70th anniversary of the end of the Korean War, which North Korea celebrates as a victory, and came as Moscow seeks ammunition for its war.</p>
<p>Analysts said the visit signalled a deepening of military ties between the two countries &amp; their leaders.</p>
</article><footer>Copyright 2024</footer></body></html>"#;

    #[test]
    fn extracts_main_content_and_metadata() {
        let d = &parse(PAGE).drafts[0];
        assert_eq!(d.title, "Kim meets Shoigu in Pyongyang");
        assert_eq!(d.date.as_deref(), Some("2023-07-27T10:00:00+09:00"));
        assert_eq!(d.url.as_deref(), Some("https://news.example/kim-shoigu"));
        assert_eq!(d.lang.as_deref(), Some("en"));
        assert!(
            d.body.starts_with("North Korean leader Kim Jong Un"),
            "{}",
            d.body
        );
        assert_eq!(d.body.split("\n\n").count(), 3, "{}", d.body);
        assert!(d.body.contains("countries & their"));
        assert!(
            !d.body.contains("Home")
                && !d.body.contains("not text")
                && !d.body.contains("Copyright")
        );
    }

    /// 30,000 nested `<b>` overflowed a worker thread's stack and aborted the process.
    #[test]
    fn deep_nesting_falls_back_to_the_cleaner_on_a_small_stack() {
        let page = format!(
            "<html><head><title>Deep</title></head><body>{}hello world{}</body></html>",
            "<b>".repeat(30_000),
            "</b>".repeat(30_000)
        );
        let parsed = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || parse(&page))
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(parsed.drafts[0].title, "Deep");
        assert_eq!(parsed.drafts[0].body, "hello world");
        assert!(parsed.problems[0].contains("read without content extraction"));
    }

    /// 2 MB of `&` took 15–30 s inside html5ever's serializer.
    #[test]
    fn ampersand_flood_is_linear() {
        let page = format!("<html><body><p>{}</p></body></html>", "&".repeat(2_000_000));
        let t = std::time::Instant::now();
        let parsed = parse(&page);
        assert_eq!(parsed.drafts[0].body.len(), 2_000_000);
        assert!(t.elapsed().as_secs() < 10, "{:?}", t.elapsed());
    }

    #[test]
    fn fragment_without_metadata_falls_back() {
        let d = &parse("<h1>Only a heading</h1><p>Short.</p>").drafts[0];
        assert_eq!(d.title, "Only a heading");
        assert!(d.body.contains("Short."), "{d:?}");
    }
}
