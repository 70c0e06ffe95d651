//! Loading: sources → decoded text → drafts → articles with unique ids, languages and ISO dates.
//! Files are read and parsed on all cores; the result does not depend on how they were shared.

use std::path::PathBuf;

use super::formats::{Draft, Format};
use super::ids::{IdSet, base_id};
use super::walk::{self, Source};
use super::{Article, Corpus, Skipped, bundled, date, decode, lang};

/// Loads the files and directories in `paths`.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let (sources, skipped) = crate::timing::phase("  find files", || walk::expand(paths));
    let mut corpus = load_sources(&sources);
    corpus.skipped.splice(0..0, skipped);
    corpus
}

/// Loads the corpus embedded in the binary.
pub fn load_bundled() -> Corpus {
    load_sources(&bundled::sources())
}

/// What one file gave: its articles, each with the id it asks for before ids are made unique
/// across the corpus (its *base id*), and the problems met. A persistent index keeps this per
/// file, so that an unchanged file need not be read again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileResult {
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

/// Loads `sources` in order; each problem becomes a [`Skipped`] entry.
pub fn load_sources(sources: &[Source]) -> Corpus {
    crate::meter::begin(sources.len());
    let results = crate::timing::phase("  read files", || {
        crate::parallel::map(sources, |s| {
            let r = read_source(s);
            crate::meter::tick();
            r
        })
    });
    crate::timing::phase("  assemble", || {
        assemble(sources.iter().map(|s| s.label.as_str()).zip(results))
    })
}

/// The corpus of files read in order, (label, what it gave) each: ids made unique in that
/// order, problems as [`Skipped`] entries.
pub fn assemble<'a>(files: impl IntoIterator<Item = (&'a str, FileResult)>) -> Corpus {
    let mut corpus = Corpus::default();
    let mut ids = IdSet::default();
    for (label, result) in files {
        for reason in result.problems {
            corpus.skipped.push(Skipped {
                source: label.to_owned(),
                reason,
            });
        }
        for mut article in result.articles {
            article.id = ids.unique(std::mem::take(&mut article.id));
            corpus.articles.push(article);
        }
    }
    corpus
}

/// Reads, parses and cleans one source; its articles carry their base ids.
pub fn read_source(source: &Source) -> FileResult {
    let decoded = match decode::read(source) {
        Ok(d) => d,
        Err(reason) => {
            return FileResult {
                articles: vec![],
                problems: vec![reason],
            };
        }
    };
    let format = source.format.unwrap_or(Format::Text);
    // The cleaner counts, on this thread, the terminal controls it removes from the file.
    let _ = super::sanitize::take_removed();
    let parsed = format.parse(&decoded.text);
    let removed = super::sanitize::take_removed();
    let mut problems: Vec<String> = decoded.warning.into_iter().collect();
    problems.extend(parsed.problems);
    if removed > 0 {
        problems.push(format!(
            "{removed} terminal control sequence(s) removed from the text; the text around them kept"
        ));
    }
    let (drafts, empty): (Vec<Draft>, Vec<Draft>) = parsed
        .drafts
        .into_iter()
        .partition(|d| !d.title.is_empty() || !d.body.is_empty());
    if !empty.is_empty() && drafts.is_empty() {
        problems.push("no text left after cleaning; skipped".into());
    }
    // A `[]`, a feed or a JSON Lines file of nothing: never silently no article.
    if drafts.is_empty() && problems.is_empty() {
        problems.push("no article in the file; skipped".into());
    }
    let is_collection = source.format.is_some_and(Format::is_collection);
    // Finished here, on the worker thread: language detection is the costly part.
    let articles = drafts
        .into_iter()
        .map(|d| {
            let record = d.anchor.clone().unwrap_or_else(|| d.ordinal.to_string());
            let id = base_id(&source.label, d.id.as_deref(), &record, is_collection);
            finish(id, &source.label, d)
        })
        .collect();
    FileResult { articles, problems }
}

fn finish(id: String, source: &str, draft: Draft) -> Article {
    let lang = draft
        .lang
        .as_deref()
        .and_then(lang::from_tag)
        .unwrap_or_else(|| lang::detect(&format!("{}\n{}", draft.title, draft.body)));
    let title = if draft.title.is_empty() {
        title_from_body(&draft.body)
    } else {
        draft.title
    };
    Article {
        id,
        source: source.to_owned(),
        title,
        lang,
        date: draft.date.as_deref().and_then(date::normalize),
        // An address is not prose: controls and spaces go, nothing is decoded or stripped
        // (`&amp;` in a URL was already decoded once, where the HTML attribute was read).
        url: draft
            .url
            .map(|u| super::sanitize::sanitize(u.trim()).replace(char::is_whitespace, ""))
            .filter(|u| !u.is_empty()),
        // A name, on one line: controls go, runs of white space are one space.
        site: draft
            .site
            .map(|s| {
                super::sanitize::sanitize(&s)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|s| !s.is_empty()),
        body: draft.body,
    }
}

/// A title for an article that has none: its first sentence, cut at a word near 80 characters.
fn title_from_body(body: &str) -> String {
    const MAX: usize = 80;
    let first = body.split("\n\n").next().unwrap_or("");
    let sentence_end = first
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && first[i + 1..].starts_with(' ') && i > 20)
        .map_or(first.len(), |(i, c)| i + c.len_utf8());
    let sentence = &first[..sentence_end];
    if sentence.chars().count() <= MAX {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(MAX).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > MAX / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untitled_articles_take_their_first_sentence() {
        assert_eq!(
            title_from_body("The minister resigned on Monday. More followed.\n\nNext."),
            "The minister resigned on Monday."
        );
        let long = "word ".repeat(40);
        let t = title_from_body(&long);
        assert!(t.ends_with('…') && t.chars().count() <= 81, "{t}");
        assert_eq!(title_from_body(""), "");
    }

    #[test]
    fn urls_are_not_run_through_the_text_cleaner() {
        let draft = Draft {
            title: "t".into(),
            body: "b".into(),
            url: Some(" https://x.example/a?b=1&amp;c=<2>\u{1b}[31m ".into()),
            ..Draft::default()
        };
        let a = finish(String::new(), "s", draft);
        assert_eq!(a.url.as_deref(), Some("https://x.example/a?b=1&amp;c=<2>"));
    }
}
