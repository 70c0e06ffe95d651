//! The detail view of a related entry: why the open article links to it, in full — both
//! scores, the two dates, every shared entity, word and number. The panel gives each entry one
//! line of reasons; this is the rest. Laid out here as plain lines (a kind and a text) so that
//! the popup's scrolling and its drawing agree on what there is.

use super::data::Data;
use crate::index::Link;
use crate::index::detail::{Shared, shared};

/// What the detail view shows of one link.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkDetail {
    pub from: usize,
    pub to: usize,
    pub score: f32,
    pub relatedness: f32,
    pub same_story: bool,
    pub shared: Shared,
}

/// How a line of the detail view is drawn; the UI asks the theme what each means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Meta,
    Heading,
    Text,
}

impl LinkDetail {
    /// The detail of `link`, an entry of article `from`'s related list.
    pub fn of(data: &Data, from: usize, link: &Link) -> LinkDetail {
        let to = link.article;
        let mut found = shared(&data.corpus.articles, &data.entities, from, to);
        // A preview holds the texts it has shown only: what the index said is kept.
        for &e in &link.shared {
            if !found.entities.contains(&e) {
                found.entities.push(e);
            }
        }
        for w in &link.words {
            // "ballistische ~ balistici" already holds "ballistische".
            let known = |x: &String| {
                x.split(" ~ ")
                    .any(|part| part.to_lowercase() == w.to_lowercase())
            };
            if !found.words.iter().any(known) {
                found.words.push(w.clone());
            }
        }
        LinkDetail {
            from,
            to,
            score: link.score,
            relatedness: link.relatedness,
            same_story: data.relations.story[from] == data.relations.story[to],
            shared: found,
        }
    }

    /// The lines of the view at `width` columns, long lists wrapped.
    pub fn lines(&self, data: &Data, width: usize) -> Vec<(LineKind, String)> {
        let width = width.max(20);
        let mut out = Vec::new();
        let arts = &data.corpus.articles;
        for a in [self.from, self.to] {
            let art = &arts[a];
            for l in textwrap::wrap(&art.title, width) {
                out.push((LineKind::Title, l.into_owned()));
            }
            let date = art
                .date
                .as_deref()
                .map_or_else(|| "no date".to_owned(), crate::local_time::moment);
            // File names can hold escape sequences: shown, never sent to the terminal.
            let source = crate::messages::visible(&art.source);
            let meta = format!("{} · {} · {}", art.lang.to_uppercase(), date, source);
            let opts = textwrap::Options::new(width)
                .initial_indent("  ")
                .subsequent_indent("  ");
            for l in textwrap::wrap(&meta, opts) {
                out.push((LineKind::Meta, l.into_owned()));
            }
        }
        let verdict = if self.same_story {
            "the same story"
        } else {
            "related"
        };
        out.push((LineKind::Text, String::new()));
        out.push((
            LineKind::Text,
            format!(
                "{verdict} · relatedness {:.2} · same-story probability {:.2}",
                self.relatedness, self.score
            ),
        ));
        let days = |a: usize| {
            arts[a]
                .date
                .as_deref()
                .and_then(crate::index::features::day_number)
        };
        let apart = match (days(self.from), days(self.to)) {
            (Some(x), Some(y)) => match (x - y).abs() {
                0 => "dates: the same day".to_owned(),
                1 => "dates: 1 day apart".to_owned(),
                d => format!("dates: {d} days apart"),
            },
            _ => "dates: not known for both".to_owned(),
        };
        out.push((LineKind::Text, apart));
        let names: Vec<String> = self
            .shared
            .entities
            .iter()
            .map(|&e| {
                let ent = &data.entities.list[e];
                format!("{} ({})", ent.name, ent.kind.as_str())
            })
            .collect();
        for (heading, items) in [
            ("Shared entities", &names),
            ("Shared words", &self.shared.words),
            ("Shared numbers", &self.shared.numbers),
        ] {
            out.push((LineKind::Text, String::new()));
            out.push((LineKind::Heading, format!("{heading} ({})", items.len())));
            if items.is_empty() {
                out.push((LineKind::Meta, "  none".to_owned()));
                continue;
            }
            let opts = textwrap::Options::new(width)
                .initial_indent("  ")
                .subsequent_indent("  ");
            for l in textwrap::wrap(&items.join(", "), opts) {
                out.push((LineKind::Text, l.into_owned()));
            }
        }
        out
    }
}
