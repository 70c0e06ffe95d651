//! One text field as the recogniser sees it: tokens, folded words, and the questions asked of
//! a word (could it be a name? is it an ordinary word here?).

use std::borrow::Cow;

use super::Span;
use crate::nlp::Kind;
use crate::nlp::cues;
use crate::nlp::lexicon::{Lexicon, is_acronym};
use crate::nlp::token::{Gap, Token};
use crate::nlp::words;

/// Everything known about one field while recognising.
pub struct Field<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub lex: &'a Lexicon,
    pub toks: Vec<Token>,
    /// Folded words; borrowed from the text where folding changes nothing (most words).
    pub folded: Vec<Cow<'a, str>>,
    /// Headline capitalisation (English or Italian Title Case): every word looks like a name.
    pub headline: bool,
    /// `name_like` per token once computed (0 = not yet, 1 = no, 2 = yes): it is asked
    /// several times of the same word while runs are built.
    pub name_like_memo: std::cell::RefCell<Vec<u8>>,
    /// Tokens of events and works the rules set aside ("Guerra Fredda", "Davis Cup"): no
    /// later pass makes a name of them.
    pub misc: std::cell::RefCell<Vec<bool>>,
}

/// `word` with its first letter upper case ("region" → "Region").
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// English or Italian Title Case: most longer words capitalised.
pub fn looks_like_headline(text: &str, toks: &[Token]) -> bool {
    let long: Vec<&Token> = toks
        .iter()
        .filter(|t| t.text(text).chars().count() >= 4)
        .collect();
    long.len() >= 3 && long.iter().filter(|t| t.capitalized).count() * 10 >= long.len() * 7
}

impl<'a> Field<'a> {
    /// Tokenises and folds `text` for the passes.
    pub fn new(text: &'a str, lang: &'a str, is_title: bool, lex: &'a Lexicon) -> Field<'a> {
        let toks = crate::nlp::token::tokenize(text);
        let folded: Vec<Cow<str>> = toks
            .iter()
            .map(|t| {
                let w = t.text(text);
                if w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                {
                    Cow::Borrowed(w)
                } else if w.contains('.') {
                    // "U.S." folds as the lexicon's keys do: "u s".
                    Cow::Owned(crate::nlp::fold::key_of(w))
                } else {
                    Cow::Owned(crate::nlp::fold::fold_word(w))
                }
            })
            .collect();
        let headline = is_title && lang != "de" && looks_like_headline(text, &toks);
        let n = toks.len();
        Field {
            name_like_memo: std::cell::RefCell::new(vec![0u8; n]),
            misc: std::cell::RefCell::new(vec![false; n]),
            text,
            lang,
            lex,
            toks,
            folded,
            headline,
        }
    }
}

impl Field<'_> {
    pub fn word(&self, i: usize) -> &str {
        self.toks[i].text(self.text)
    }

    /// Tokens `i` and `i + 1` may belong to one name.
    pub fn joined(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && self.toks[i].gap != Gap::Break
    }

    /// Capitalised because it is a name, as far as the word itself tells.
    pub fn name_like(&self, i: usize) -> bool {
        match self.name_like_memo.borrow()[i] {
            1 => return false,
            2 => return true,
            _ => {}
        }
        let answer = self.name_like_uncached(i);
        self.name_like_memo.borrow_mut()[i] = if answer { 2 } else { 1 };
        answer
    }

    fn name_like_uncached(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.word(i);
        if !self.could_be_name(i) {
            return false;
        }
        if t.all_caps && is_acronym(w) {
            return true;
        }
        if w.chars().count() == 1 {
            // An initial: "H Street", "J. Smith".
            return t.capitalized && self.next_is_plain_name(i);
        }
        let at_start = t.sentence_start || self.headline;
        let german_noun =
            self.lang == "de" && (self.lex.is_german_noun(w) || self.is_german_compound(w));
        if self.lex.is_first_name(w)
            && (self.next_is_plain_name(i) || !(german_noun || at_start && self.common_here(w)))
        {
            return true;
        }
        if german_noun || (at_start && self.common_here(w)) {
            return false;
        }
        // Short capitalised English words mid-sentence are mostly headings and emphasis.
        !(self.lang == "en" && w.chars().count() <= 3 && self.lex.is_common("en", w))
    }

    /// The word's shape and the closed lists allow a name here.
    pub fn could_be_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let f = &self.folded[i];
        let shape = t.all_caps || (t.capitalized && !t.has_digit);
        // "Didn't", "Can't": a verb with its negation cut off at the apostrophe.
        let negated = t.gap == Gap::Apostrophe && self.folded.get(i + 1).is_some_and(|n| n == "t");
        // "ATMs", "MPs": the plural of an acronym is a common noun.
        let w = self.word(i);
        let acronym_plural = w.len() >= 3
            && w.ends_with('s')
            && w[..w.len() - 1].bytes().all(|b| b.is_ascii_uppercase());
        shape
            && !negated
            && !acronym_plural
            && !cues::is_never_name(f)
            && !cues::is_person_trigger(f)
            && !(self.lang != "de"
                && (cues::is_demonym(f) || t.capitalized && self.lex.is_place_demonym(f))
                && !(self.lex.is_first_name(w) && self.next_is_plain_name(i)))
    }

    /// The next word, joined by a space, is capitalised and clearly not an ordinary word.
    pub fn next_is_plain_name(&self, i: usize) -> bool {
        if !self.joined(i) || self.toks[i].gap != Gap::Space {
            return false;
        }
        let j = i + 1;
        let w = self.word(j);
        self.could_be_name(j)
            && !(self.lang == "de" && self.lex.is_german_noun(w))
            && !self.common_here(w)
    }

    /// An ordinary word of the article's language, or an English one (boilerplate, quotes).
    pub fn common_here(&self, w: &str) -> bool {
        self.lex.is_common(self.lang, w) || self.lex.is_common("en", w)
    }

    /// A German compound whose last part is a noun: "Medienbereich", "Rüstungsschau". Place
    /// names built like that (-burg, -berg, -dorf, -stadt …) are left to be names.
    pub fn is_german_compound(&self, w: &str) -> bool {
        if w.len() < 8 || !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if words::ends_with_any(words::GERMAN_NOUN_ENDINGS, w) {
            return true;
        }
        let chars: Vec<(usize, char)> = w.char_indices().collect();
        let mut cap = String::with_capacity(w.len());
        for &(b, c) in chars.iter().skip(3) {
            let rest = &w[b..];
            let rest_len = rest.chars().count();
            if rest_len < 3 {
                break;
            }
            cap.clear();
            cap.extend(c.to_uppercase());
            cap.push_str(&rest[c.len_utf8()..]);
            if !self.lex.is_german_noun(&cap) || words::has(words::GERMAN_PLACE_PARTS, &cap) {
                continue;
            }
            // A long last part is enough; a short one ("Rat", "Kien") needs a noun before it
            // too, or "Thrakien" would be a compound.
            let head = &w[..b];
            let head_is_noun = self.lex.is_german_noun(head)
                || ["s", "n", "en", "es"].iter().any(|l| {
                    head.strip_suffix(l)
                        .is_some_and(|h| self.lex.is_german_noun(h))
                });
            if rest_len >= 5 || head_is_noun {
                return true;
            }
        }
        false
    }

    /// A name the lexicon does not know, over tokens `first..=last`.
    pub fn unknown_name(&self, first: usize, last: usize, kind: Kind, kind_sure: bool) -> Span {
        Span {
            start: self.toks[first].start,
            end: self.toks[last].end,
            known: None,
            kind,
            kind_sure,
            words: self.folded[first..=last]
                .iter()
                .map(|w| w.to_string())
                .collect(),
        }
    }

    /// An ordinary word that happens to be capitalised here ("White", "Capitol").
    pub fn weak(&self, i: usize) -> bool {
        let w = self.word(i);
        !self.toks[i].all_caps
            && !self.lex.is_first_name(w)
            && (self.lex.is_common(self.lang, w)
                || self.lang != "en" && self.lex.is_common("en", w))
    }
}
