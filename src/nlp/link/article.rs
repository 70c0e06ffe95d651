//! Linking within one article: lexicon entities by id, unknown names by their words, and lone
//! words and acronyms joined to the nearest full name they shorten ("Rudenko", "ISW").

use rustc_hash::FxHashMap as HashMap;

use crate::corpus::Article;
use crate::nlp::fold::skeleton;
use crate::nlp::lexicon::Lexicon;
use crate::nlp::recognize::Span;
use crate::nlp::{Field, Kind};

/// An entity within one article, as linking across articles reads it: compact, since a
/// corpus holds millions (at 100k articles, the word-list form held 0.8 GB more).
#[derive(Debug)]
pub struct Local {
    pub known: Option<u32>,
    /// Words of its longest form.
    pub words: usize,
    pub kind_votes: [u32; 4],
    pub sure_votes: [u32; 4],
    /// (field, start, end) of each mention; the text is the article's.
    pub mentions: Vec<(Field, u32, u32)>,
    /// Transliteration-blind form of its words for unknown names, joined by [`SKEL_SEP`]
    /// (empty for lexicon entities).
    pub skel: Box<str>,
    /// Order of its first mention in the article.
    pub first: u32,
}

/// Between the words of [`Local::skel`]: a character no word holds.
pub const SKEL_SEP: char = '\u{1f}';

impl Local {
    pub fn kind(&self) -> Kind {
        kind_of(&self.kind_votes, &self.sure_votes)
    }
}

/// The kind by the sure votes when there are any, else by all.
pub fn kind_of(kind_votes: &[u32; 4], sure_votes: &[u32; 4]) -> Kind {
    let votes = if sure_votes.iter().any(|&v| v > 0) {
        sure_votes
    } else {
        kind_votes
    };
    let best = (0..4).max_by_key(|&k| (votes[k], 3 - k)).unwrap_or(3);
    Kind::ALL[best]
}

/// A [`Local`] as the article is read: the words of its longest form, every mention's order.
#[derive(Debug)]
struct Building {
    known: Option<u32>,
    /// Folded words of its longest form.
    words: Vec<String>,
    kind_votes: [u32; 4],
    sure_votes: [u32; 4],
    mentions: Vec<(Field, u32, u32)>,
    /// Order of each mention, for "nearest" decisions.
    positions: Vec<usize>,
}

impl Building {
    fn new(span: &Span) -> Building {
        Building {
            known: span.known,
            words: span.words.clone(),
            kind_votes: [0; 4],
            sure_votes: [0; 4],
            mentions: vec![],
            positions: vec![],
        }
    }

    fn add(&mut self, span: &Span, field: Field, pos: usize) {
        self.kind_votes[span.kind as usize] += 1;
        if span.kind_sure {
            self.sure_votes[span.kind as usize] += 1;
        }
        if span.words.len() > self.words.len() {
            self.words = span.words.clone();
        }
        self.mentions
            .push((field, span.start as u32, span.end as u32));
        self.positions.push(pos);
    }

    fn kind(&self) -> Kind {
        kind_of(&self.kind_votes, &self.sure_votes)
    }

    fn done(self) -> Local {
        let skel = if self.known.is_none() {
            let mut skel = String::new();
            for (i, w) in self.words.iter().enumerate() {
                if i > 0 {
                    skel.push(SKEL_SEP);
                }
                skel.push_str(&skeleton(w));
            }
            skel.into_boxed_str()
        } else {
            Box::default()
        };
        Local {
            known: self.known,
            words: self.words.len(),
            kind_votes: self.kind_votes,
            sure_votes: self.sure_votes,
            mentions: self.mentions,
            skel,
            first: self.positions.first().map_or(0, |&p| p as u32),
        }
    }
}

/// The entities of one article: lexicon entities by id, unknown names by their words, lone
/// words and acronyms joined to the full name they shorten.
pub fn link_article(article: &Article, title: &[Span], body: &[Span], lex: &Lexicon) -> Vec<Local> {
    let mut locals: Vec<Building> = Vec::new();
    let mut by_known: HashMap<u32, usize> = HashMap::default();
    let mut by_words: HashMap<Vec<String>, usize> = HashMap::default();
    let mut singles: Vec<(usize, &Span, Field, &str)> = Vec::new();
    let spans = title
        .iter()
        .map(|s| (s, Field::Title, article.title.as_str()))
        .chain(body.iter().map(|s| (s, Field::Body, article.body.as_str())));
    for (pos, (span, field, text)) in spans.enumerate() {
        let surface = &text[span.start..span.end];
        // A person the lexicon knows under another spelling is that person.
        let known = span.known.or_else(|| {
            (span.kind == Kind::Person || span.words.len() > 1)
                .then(|| {
                    lex.person_by_skeleton(&crate::nlp::lexicon::skeleton_key(
                        &span.words.join(" "),
                    ))
                })
                .flatten()
        });
        let idx = if let Some(k) = known {
            let i = *by_known.entry(k).or_insert_with(|| push(&mut locals, span));
            locals[i].known = Some(k);
            i
        } else if span.words.len() == 1 {
            singles.push((pos, span, field, surface));
            continue;
        } else {
            *by_words
                .entry(span.words.clone())
                .or_insert_with(|| push(&mut locals, span))
        };
        if locals[idx].known.is_some() && span.words.len() > locals[idx].words.len() {
            locals[idx].words = span.words.clone();
        }
        locals[idx].add(span, field, pos);
    }
    // Lone words: the nearest full name they shorten, else an entity of their own.
    let mut by_single: HashMap<String, usize> = HashMap::default();
    for (pos, span, field, surface) in singles {
        let word = &span.words[0];
        let acronym = surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
            && surface.chars().count() >= 2;
        let target = nearest(&locals, pos, |l| {
            let person = l.kind() == Kind::Person
                || l.known.is_some_and(|k| lex.known(k).kind == Kind::Person);
            (person
                && l.words.len() > 1
                && (l.words.first() == Some(word) || l.words.last() == Some(word)))
                || (acronym && l.words.len() > 1 && initials(&l.words) == *word)
        });
        let idx = match target {
            Some(t) => t,
            None => *by_single
                .entry(word.clone())
                .or_insert_with(|| push(&mut locals, span)),
        };
        locals[idx].add(span, field, pos);
    }
    locals.into_iter().map(Building::done).collect()
}

fn push(locals: &mut Vec<Building>, span: &Span) -> usize {
    locals.push(Building::new(span));
    locals.len() - 1
}

/// The local entity matching `pred` whose mention is nearest before `pos`, else nearest after.
fn nearest(locals: &[Building], pos: usize, pred: impl Fn(&Building) -> bool) -> Option<usize> {
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for (i, l) in locals.iter().enumerate().filter(|(_, l)| pred(l)) {
        for &p in &l.positions {
            if p < pos && before.is_none_or(|(bp, _)| p > bp) {
                before = Some((p, i));
            }
            if p > pos && after.is_none_or(|(ap, _)| p < ap) {
                after = Some((p, i));
            }
        }
    }
    before.or(after).map(|(_, i)| i)
}

/// "institute for the study of war" → "isw": initials of the content words.
pub fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !crate::nlp::cues::is_connector(w))
        .filter_map(|w| w.chars().next())
        .collect()
}
