//! What an article is made of, for comparing it with others: a vector of its entities
//! (weighted by how often it names them and how rare they are in the corpus — an entity in
//! every article explains nothing), of its content words outside the names (everyday words
//! weighing less), of their cognate skeletons (what two languages' words can share without a
//! dictionary), and of the numbers it cites (which survive translation: "19 marzo" and
//! "19. März").

use rustc_hash::{FxHashMap, FxHashSet};

use super::sparse::Sparse;
use crate::corpus::Article;
use crate::nlp::fold::fold_into;
use crate::nlp::{Entities, Field, Kind};

/// Per article: entity, term, cognate and number vectors, and its date as a day number.
pub struct Features {
    pub entities: Vec<Sparse>,
    pub terms: Vec<Sparse>,
    pub numbers: Vec<Sparse>,
    pub days: Vec<Option<i64>>,
    /// Articles mentioning each entity.
    pub entity_df: Vec<u32>,
    /// Per entity, its inverse document frequency (nats): what sharing it tells.
    pub entity_idf: Vec<f32>,
    /// Per content word (its key in `terms`), its inverse document frequency.
    pub term_idf: Vec<f32>,
    /// Cognate skeletons of the longer content words ([`cognate_key`]): what two languages'
    /// words can share without a dictionary ("Präsident"/"president", "Technologie"/"technology").
    pub cognates: Vec<Sparse>,
    pub cognate_idf: Vec<f32>,
    /// The cognate vectors' [`STRONGEST`] heaviest keys, for the relatedness of a pair in one
    /// language (across languages the whole vector is read for the same-story evidence).
    pub strong_cognates: Vec<Sparse>,
    /// Every word of the article but function words, names and numbers included, folded
    /// (case, accents), its [`STRONGEST`] heaviest kept: the plain TF-IDF view of a text,
    /// which the relatedness score reads beside the others ([`super::relatedness`]): across
    /// languages it is where a name one side recognised and the other wrote as a word
    /// ("Dult") still meets.
    pub words: Vec<Sparse>,
    /// Each entity's kind, by entity index.
    pub kinds: Vec<Kind>,
    /// Each article's language as a number ([`Features::same_lang`]): compared for every
    /// candidate pair, where comparing the codes' strings cost a tenth of the scoring.
    pub langs: Vec<u16>,
    /// The number of "und" (language not known) in `langs`, if any article has it.
    pub und: Option<u16>,
    /// Each article's title as a sorted set of hashed keys (seven-letter stems of its words
    /// of four letters or more, and their cognate keys), for [`super::relatedness`].
    pub titles: Vec<Vec<u64>>,
    /// A word as first seen for each term and cognate key, to show why two articles meet.
    pub term_words: Vec<String>,
    pub cognate_words: Vec<String>,
    /// Per term and cognate key, the languages (bits of [`lang_bit`]) in which its word is an
    /// everyday word: asked for every reason of every link, looked up once per key here.
    pub term_everyday: Vec<u8>,
    pub cognate_everyday: Vec<u8>,
    /// Per cognate key, the term key written with the same word ([`NO_TERM`] for none,
    /// [`MANY_TERMS`] should several be): a reason is not given twice.
    pub cognate_term: Vec<u32>,
}

/// [`Features::cognate_term`] of a cognate whose word is no term's.
pub const NO_TERM: u32 = u32::MAX;
/// [`Features::cognate_term`] of a cognate whose word is several terms' (their words are
/// compared).
pub const MANY_TERMS: u32 = u32::MAX - 1;

/// The languages with a list of everyday words, each a bit of [`Features::term_everyday`].
const EVERYDAY_LANGS: [&str; 3] = ["en", "de", "it"];

/// `lang`'s bit in [`Features::term_everyday`] (none for a language without a list).
pub fn lang_bit(lang: &str) -> u8 {
    EVERYDAY_LANGS
        .iter()
        .position(|&l| l == lang)
        .map_or(0, |i| 1 << i)
}

/// Per word, the languages in which it is an everyday word ([`lang_bit`]).
fn everyday(words: &[String]) -> Vec<u8> {
    let lex = crate::nlp::lexicon::get();
    crate::parallel::map(words, |w| {
        EVERYDAY_LANGS
            .iter()
            .filter(|l| lex.is_frequent(l, w))
            .fold(0, |bits, l| bits | lang_bit(l))
    })
}

/// Per cognate word, the term written the same ([`Features::cognate_term`]).
fn cognate_terms(term_words: &[String], cognate_words: &[String]) -> Vec<u32> {
    let mut term_of: FxHashMap<&str, u32> = FxHashMap::default();
    for (t, w) in term_words.iter().enumerate() {
        term_of
            .entry(w)
            .and_modify(|was| *was = MANY_TERMS)
            .or_insert(t as u32);
    }
    cognate_words
        .iter()
        .map(|w| term_of.get(w.as_str()).copied().unwrap_or(NO_TERM))
        .collect()
}

/// A title's words as hashed keys, sorted, each once: seven-letter stems of the words of four
/// letters or more (folded), and their cognate keys, so that "Präsidentenwahl" meets
/// "Präsident" and "presidential" across languages.
pub fn title_keys(title: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let hash = |tag: u8, s: &str| {
        let mut h = rustc_hash::FxHasher::default();
        (tag, s).hash(&mut h);
        h.finish()
    };
    let mut keys = Vec::new();
    for w in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
    {
        let folded = crate::nlp::fold::fold_word(w);
        let stem: String = folded.chars().take(7).collect();
        keys.push(hash(0, &stem));
        if let Some(k) = cognate_key(&folded) {
            keys.push(hash(1, &k));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Keys kept of the vectors that only [`super::relatedness`] reads: the heaviest (rarest, most
/// repeated) carry its cosines; the rest cost a long merge for every candidate pair.
pub const STRONGEST: usize = 64;

/// Inverse document frequency: rare keys weigh more.
fn idf(n: usize, df: usize) -> f32 {
    (1.0 + n as f32 / df.max(1) as f32).ln()
}

impl Features {
    pub fn build(articles: &[Article], entities: &Entities) -> Features {
        let n = articles.len();
        // Entities: mention counts, a title mention counting double.
        let counts: Vec<FxHashMap<u32, f32>> = entities
            .mentions
            .iter()
            .map(|ms| {
                let mut c = FxHashMap::default();
                for m in ms {
                    *c.entry(m.entity as u32).or_insert(0.0) +=
                        if m.field == Field::Title { 2.0 } else { 1.0 };
                }
                c
            })
            .collect();
        let entity_df: Vec<u32> = entities
            .list
            .iter()
            .map(|e| e.articles.len() as u32)
            .collect();
        let entity_vecs = counts
            .iter()
            .map(|c| {
                Sparse::normalized(
                    c.iter()
                        .map(|(&e, &tf)| {
                            // A name of unknown kind is a weaker clue than a person, place or organisation.
                            let kind = if entities.list[e as usize].kind == Kind::Other {
                                0.5
                            } else {
                                1.0
                            };
                            (
                                e,
                                (1.0 + tf.ln()) * idf(n, entity_df[e as usize] as usize) * kind,
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        let Words {
            terms,
            term_idf,
            numbers,
            cognates,
            cognate_idf,
            all,
            term_words,
            cognate_words,
        } = crate::timing::phase("  words", || words(articles, &entities.mentions));
        let entity_idf = entity_df.iter().map(|&df| idf(n, df as usize)).collect();
        let mut codes: FxHashMap<&str, u16> = FxHashMap::default();
        let langs: Vec<u16> = articles
            .iter()
            .map(|a| {
                let next = codes.len() as u16;
                *codes.entry(a.lang.as_str()).or_insert(next)
            })
            .collect();
        let und = codes.get("und").copied();
        let strong_cognates = crate::parallel::map(&cognates, |v| v.strongest(STRONGEST));
        Features {
            entities: entity_vecs,
            terms,
            numbers,
            days: articles
                .iter()
                .map(|a| a.date.as_deref().and_then(day_number))
                .collect(),
            entity_df,
            entity_idf,
            term_idf,
            cognates,
            cognate_idf,
            strong_cognates,
            words: all,
            kinds: entities.list.iter().map(|e| e.kind).collect(),
            langs,
            und,
            titles: crate::parallel::map(articles, |a| title_keys(&a.title)),
            term_everyday: everyday(&term_words),
            cognate_everyday: everyday(&cognate_words),
            cognate_term: cognate_terms(&term_words, &cognate_words),
            term_words,
            cognate_words,
        }
    }

    /// Whether articles `a` and `b` are known to be in one language.
    pub fn same_lang(&self, a: usize, b: usize) -> bool {
        self.langs[a] == self.langs[b] && Some(self.langs[a]) != self.und
    }
}

/// Term and number vectors of every article. Words inside entity mentions are left to the
/// entity vector: counted twice, one shared name would weigh like a shared story.
struct Words {
    terms: Vec<Sparse>,
    term_idf: Vec<f32>,
    numbers: Vec<Sparse>,
    cognates: Vec<Sparse>,
    cognate_idf: Vec<f32>,
    all: Vec<Sparse>,
    term_words: Vec<String>,
    cognate_words: Vec<String>,
}

/// One article's distinct keys of one kind, in the order first met: the key, the word as first
/// written, how often it occurs, and whether only as an everyday word.
pub(super) type Bag<'t> = Vec<(String, &'t str, f32, bool)>;

/// One article's bag of one kind as it is filled: where each key is is found by the key's
/// hash, so that counting a word again allocates nothing (most of an article's words are
/// met once, and then only the bag's own copy of the key is made).
#[derive(Default)]
struct Counter<'t> {
    bag: Bag<'t>,
    at: hashbrown::HashTable<u32>,
}

impl<'t> Counter<'t> {
    /// Adds one occurrence of `key` (written `part`).
    fn add(&mut self, key: &str, part: &'t str, frequent: bool) {
        let hash = word_hash(key);
        let bag = &mut self.bag;
        let i = match self.at.find(hash, |&i| bag[i as usize].0 == key) {
            Some(&i) => i as usize,
            None => {
                bag.push((key.to_owned(), part, 0.0, true));
                self.at.insert_unique(hash, bag.len() as u32 - 1, |&i| {
                    word_hash(&bag[i as usize].0)
                });
                bag.len() - 1
            }
        };
        bag[i].2 += 1.0;
        bag[i].3 &= frequent;
    }
}

/// An article's content words outside its names: stems, cognate keys and numbers.
pub(super) fn bags<'t>(
    a: &'t Article,
    ms: &[crate::nlp::Mention],
) -> ([Bag<'t>; 3], Vec<(u64, f32)>) {
    let stop = stop_hashes();
    let frequent = frequent_hashes(&a.lang);
    let (mut terms, mut cognates, mut numbers) = <[Counter; 3]>::default().into();
    // Every word as a 64-bit hash of its folded form: the only bag no reason is read from,
    // and the largest, so neither strings nor a map per article.
    let mut all: Vec<u64> = vec![];
    // A word's parts ("1.500", "z.B.") and, in `pool`, each folded.
    let mut parts: Vec<(&'t str, bool, u64)> = Vec::new();
    let mut pool: Vec<String> = Vec::new();
    for (field, text) in [
        (Field::Title, a.title.as_str()),
        (Field::Body, a.body.as_str()),
    ] {
        let mut names: Vec<(usize, usize)> = ms
            .iter()
            .filter(|m| m.field == field)
            .map(|m| (m.start, m.end))
            .collect();
        names.sort_unstable();
        let mut next_name = 0;
        for word in text
            .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == ','))
            .filter(|w| !w.is_empty())
        {
            let at = word.as_ptr() as usize - text.as_ptr() as usize;
            // Each part folded once, for every bag.
            parts.clear();
            for part in word.split(['.', ',']).filter(|p| !p.is_empty()) {
                if pool.len() == parts.len() {
                    pool.push(String::new());
                }
                let folded = &mut pool[parts.len()];
                folded.clear();
                fold_into(part, folded);
                // Function words are in every text: they only lengthen the vectors.
                let hash = word_hash(folded);
                let is_stop = stop.contains(&hash);
                parts.push((part, is_stop, hash));
                if is_stop {
                    continue;
                }
                all.push(hash);
            }
            while next_name < names.len() && names[next_name].1 <= at {
                next_name += 1;
            }
            if names
                .get(next_name)
                .is_some_and(|&(s, e)| s < at + word.len() && at < e)
            {
                continue;
            }
            let word = word.trim_matches(['.', ',']);
            if word.chars().any(|c| c.is_ascii_digit()) {
                let digits: String = word.chars().filter(char::is_ascii_digit).collect();
                if digits.len() >= 2
                    && digits.len() == word.chars().filter(|c| c.is_alphanumeric()).count()
                {
                    numbers.add(&digits, word, false);
                }
                continue;
            }
            for (i, &(part, is_stop, hash)) in parts.iter().enumerate() {
                if is_stop || part.chars().count() < 4 {
                    continue;
                }
                let folded = &pool[i];
                // A word of everyday frequency says less about a story than its rarity in
                // a small corpus suggests: "Zusammenarbeit" in two articles on Russia.
                let frequent = frequent.is_some_and(|set| set.contains(&hash));
                if let Some(code) = cognate_code(folded) {
                    cognates.add(cognate_str(&code), part, frequent);
                }
                // A seven-letter prefix is a crude but language-blind stem
                // (Koalition/Koalitionen, relazione/relazioni).
                let stem = folded
                    .char_indices()
                    .nth(7)
                    .map_or(folded.as_str(), |(end, _)| &folded[..end]);
                terms.add(stem, part, frequent);
            }
        }
    }
    all.sort_unstable();
    let mut counted: Vec<(u64, f32)> = Vec::new();
    for h in all {
        match counted.last_mut() {
            Some(last) if last.0 == h => last.1 += 1.0,
            _ => counted.push((h, 1.0)),
        }
    }
    ([terms.bag, cognates.bag, numbers.bag], counted)
}

/// A folded word's key in the all-words bag.
fn word_hash(folded: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    folded.hash(&mut h);
    h.finish()
}

/// Articles whose words are found at once (on all cores) before their keys are numbered.
const WORDS_CHUNK: usize = 4096;

/// Numbers the keys of `bag` in `ids` (in the order first met over the corpus, as written
/// first in `words`), giving the article's counts.
fn number(bag: Bag<'_>, ids: &mut FxHashMap<String, u32>, words: &mut Vec<String>) -> Counts {
    bag.into_iter()
        .map(|(key, part, tf, frequent)| {
            let next = ids.len() as u32;
            let id = *ids.entry(key).or_insert_with(|| {
                words.push(part.to_lowercase());
                next
            });
            (id, (tf, frequent))
        })
        .collect()
}

/// The function words of every language, folded: never content. Built once (the detail
/// view asks for them at each `i`).
fn stop_words() -> &'static FxHashSet<String> {
    static STOP: std::sync::OnceLock<FxHashSet<String>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| {
        crate::corpus::lang::FUNCTION_WORDS
            .iter()
            .flat_map(|(_, w)| w.iter().map(|w| crate::nlp::fold::fold_word(w)))
            .collect()
    })
}

/// The everyday words of `lang` ([`crate::nlp::lexicon::Lexicon::is_frequent_folded`]) by
/// their [`word_hash`], which [`bags`] computes for every word anyway.
fn frequent_hashes(lang: &str) -> Option<&'static FxHashSet<u64>> {
    static SETS: std::sync::OnceLock<Vec<(&'static str, FxHashSet<u64>)>> =
        std::sync::OnceLock::new();
    let sets = SETS.get_or_init(|| {
        let lex = crate::nlp::lexicon::get();
        EVERYDAY_LANGS
            .iter()
            .filter_map(|&l| {
                let words = lex.frequent_folded_words(l)?;
                Some((l, words.iter().map(|w| word_hash(w)).collect()))
            })
            .collect()
    });
    sets.iter().find(|(l, _)| *l == lang).map(|(_, set)| set)
}

/// [`stop_words`] by their [`word_hash`], which [`bags`] computes for every word anyway.
fn stop_hashes() -> &'static FxHashSet<u64> {
    static STOP: std::sync::OnceLock<FxHashSet<u64>> = std::sync::OnceLock::new();
    STOP.get_or_init(|| stop_words().iter().map(|w| word_hash(w)).collect())
}

/// Every article's keys numbered over the corpus, in the order first met.
#[derive(Default)]
struct Numbered {
    term_ids: FxHashMap<String, u32>,
    number_ids: FxHashMap<String, u32>,
    cognate_ids: FxHashMap<String, u32>,
    all_ids: FxHashMap<u64, u32>,
    term_counts: Vec<Counts>,
    cognate_counts: Vec<Counts>,
    number_counts: Vec<Counts>,
    all_counts: Vec<Counts>,
    term_words: Vec<String>,
    cognate_words: Vec<String>,
    number_words: Vec<String>,
}

impl Numbered {
    /// Numbers the keys of the next article's bags.
    fn add(&mut self, ([terms, cognates, numbers], all): ([Bag<'_>; 3], Vec<(u64, f32)>)) {
        let all_ids = &mut self.all_ids;
        self.all_counts.push(
            all.into_iter()
                .map(|(h, tf)| {
                    let next = all_ids.len() as u32;
                    (*all_ids.entry(h).or_insert(next), (tf, false))
                })
                .collect(),
        );
        self.term_counts
            .push(number(terms, &mut self.term_ids, &mut self.term_words));
        self.cognate_counts.push(number(
            cognates,
            &mut self.cognate_ids,
            &mut self.cognate_words,
        ));
        self.number_counts.push(number(
            numbers,
            &mut self.number_ids,
            &mut self.number_words,
        ));
    }
}

fn words(articles: &[Article], mentions: &[Vec<crate::nlp::Mention>]) -> Words {
    let ids: Vec<usize> = (0..articles.len()).collect();
    // Numbering is in corpus order, on one thread: it takes each chunk's bags while the
    // next chunk's are found on all cores, instead of leaving a core idle in between.
    let (chunks, numbering) = std::sync::mpsc::sync_channel(1);
    let Numbered {
        term_ids,
        number_ids,
        cognate_ids,
        all_ids,
        term_counts,
        cognate_counts,
        number_counts,
        all_counts,
        term_words,
        cognate_words,
        number_words: _,
    } = std::thread::scope(|scope| {
        let numberer = scope.spawn(move || {
            let mut numbered = Numbered {
                term_counts: Vec::with_capacity(articles.len()),
                cognate_counts: Vec::with_capacity(articles.len()),
                number_counts: Vec::with_capacity(articles.len()),
                all_counts: Vec::with_capacity(articles.len()),
                ..Numbered::default()
            };
            for found in numbering {
                for article in found {
                    numbered.add(article);
                }
            }
            numbered
        });
        for chunk in ids.chunks(WORDS_CHUNK) {
            let found = crate::parallel::map(chunk, |&a| bags(&articles[a], &mentions[a]));
            if chunks.send(found).is_err() {
                break;
            }
        }
        drop(chunks);
        numberer.join().expect("numbering words panicked")
    });
    // Each kind's counts go as soon as its vectors are made: at 100k articles they are
    // gigabytes (the all-words vectors, of which only the strongest keys are kept, most).
    let (all, _) = weigh(&all_counts, all_ids.len(), |v| v.strongest(STRONGEST));
    drop(all_counts);
    let (terms, term_idf) = weigh(&term_counts, term_ids.len(), |v| v);
    drop(term_counts);
    let (cognates, cognate_idf) = weigh(&cognate_counts, cognate_ids.len(), |v| v);
    drop(cognate_counts);
    Words {
        terms,
        term_idf,
        all,
        numbers: weigh(&number_counts, number_ids.len(), |v| v).0,
        cognates,
        cognate_idf,
        term_words,
        cognate_words,
    }
}

/// The consonant skeleton of a folded word of six letters or more, its first four consonants:
/// spellings that differ between German, English and Italian meet ("prasident" and
/// "president" → "prsd", "technologie" and "technology" → "tknl"). Within one language this
/// is too coarse to say anything; across languages, weighted by rarity, it finds cognates and
/// loan words. (Three consonants of four-letter words find more translations by themselves,
/// but in the whole score they bring as much noise: the same 0.90 top-1 on UNER, with three
/// times the candidate pairs.)
pub fn cognate_key(folded: &str) -> Option<String> {
    cognate_code(folded).map(|code| cognate_str(&code).to_owned())
}

/// Consonants in a cognate key.
const COGNATE_LEN: usize = 4;

/// [`cognate_key`] on the stack: its ASCII consonants.
fn cognate_code(folded: &str) -> Option<[u8; COGNATE_LEN]> {
    if folded.len() < 6 || !folded.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let b = folded.as_bytes();
    let mut out = [0u8; COGNATE_LEN];
    let mut len = 0;
    let mut i = 0;
    while i < b.len() && len < COGNATE_LEN {
        let rest = &b[i..];
        let (c, used) = if rest.starts_with(b"sch") {
            (b's', 3)
        } else if rest.starts_with(b"ch") {
            (b'k', 2)
        } else if rest.starts_with(b"ph") {
            (b'f', 2)
        } else {
            let c = match rest[0] {
                b'c' | b'q' => b'k',
                b'z' => b's',
                b'w' => b'v',
                b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'h' => 0,
                c => c,
            };
            (c, 1)
        };
        if c != 0 && (len == 0 || out[len - 1] != c) {
            out[len] = c;
            len += 1;
        }
        i += used;
    }
    (len == COGNATE_LEN).then_some(out)
}

/// A [`cognate_code`] as the string it is.
fn cognate_str(code: &[u8; COGNATE_LEN]) -> &str {
    std::str::from_utf8(code).expect("a cognate key is ASCII consonants")
}

/// Per key of one article: how often it occurs, and whether only as a frequent word.
type Counts = Vec<(u32, (f32, bool))>;

/// How much a key that occurs only as a frequent word of the language weighs.
const FREQUENT_WEIGHT: f32 = 0.3;

/// (1 + ln tf) · idf, normalised, each vector as `keep` leaves it; and each key's idf.
fn weigh(
    counts: &[Counts],
    keys: usize,
    keep: impl Fn(Sparse) -> Sparse + Sync,
) -> (Vec<Sparse>, Vec<f32>) {
    let mut df = vec![0usize; keys];
    for c in counts {
        for &(k, _) in c {
            df[k as usize] += 1;
        }
    }
    let n = counts.len();
    let idfs: Vec<f32> = df.iter().map(|&d| idf(n, d)).collect();
    let vectors = crate::parallel::map(counts, |c| {
        keep(Sparse::normalized(
            c.iter()
                .map(|&(k, (tf, frequent))| {
                    let w = if frequent { FREQUENT_WEIGHT } else { 1.0 };
                    (k, (1.0 + tf.ln()) * idfs[k as usize] * w)
                })
                .collect(),
        ))
    });
    (vectors, idfs)
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`).
pub fn day_number(date: &str) -> Option<i64> {
    let (y, m, d): (i64, i64, i64) = (
        date.get(..4)?.parse().ok()?,
        date.get(5..7)?.parse().ok()?,
        date.get(8..10)?.parse().ok()?,
    );
    // Days from civil, after Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_meet_across_languages() {
        assert_eq!(cognate_key("prasident"), cognate_key("president"));
        assert_eq!(cognate_key("technologie"), cognate_key("technology"));
        assert_eq!(cognate_key("demokraten"), cognate_key("democrats"));
        assert_ne!(cognate_key("regierung"), cognate_key("government"));
        assert_eq!(cognate_key("kurz"), None, "short words say too little");
    }

    /// A cognate's word that is one term's word points at that term; one that is several
    /// terms' (never made by `words`, whose words are their keys' first) says so.
    #[test]
    fn cognates_know_the_term_written_the_same() {
        let terms = ["president", "technology", "rat", "rat"].map(String::from);
        let cognates = ["president", "prasident", "rat"].map(String::from);
        assert_eq!(cognate_terms(&terms, &cognates), [0, NO_TERM, MANY_TERMS]);
        assert_eq!(lang_bit("en") | lang_bit("it"), 0b101);
        assert_eq!(lang_bit("fr"), 0);
        let bits = everyday(&["the".to_owned(), "und".to_owned(), "xqzw".to_owned()]);
        assert_eq!(bits[0] & lang_bit("en"), lang_bit("en"));
        assert_eq!(bits[1] & lang_bit("de"), lang_bit("de"));
        assert_eq!(bits[2], 0);
    }

    fn article(lang: &str, title: &str, body: &str) -> Article {
        Article {
            id: title.to_owned(),
            source: String::new(),
            title: title.to_owned(),
            lang: lang.to_owned(),
            date: None,
            url: None,
            site: None,
            body: body.to_owned(),
        }
    }

    /// A word met again is counted on its first entry; keys keep the order first met, and
    /// each kind has its own bag (the counting table is looked up by hash and compared).
    #[test]
    fn bags_count_each_key_where_first_met() {
        let a = article(
            "de",
            "Koalitionen",
            "Die Koalition und die Präsidentin, 1989: die Koalitionen der Präsidenten. 1989",
        );
        let ([terms, cognates, numbers], all) = bags(&a, &[]);
        let terms: Vec<(&str, &str, f32)> = terms.iter().map(|t| (&*t.0, t.1, t.2)).collect();
        assert_eq!(
            terms,
            [
                ("koaliti", "Koalitionen", 3.0),
                ("praside", "Präsidentin", 2.0)
            ]
        );
        let cognates: Vec<(&str, f32)> = cognates.iter().map(|c| (&*c.0, c.2)).collect();
        assert_eq!(cognates, [("kltn", 3.0), ("prsd", 2.0)]);
        assert_eq!(numbers.len(), 1);
        assert_eq!((numbers[0].0.as_str(), numbers[0].2), ("1989", 2.0));
        // Function words ("die", "und", "der") are in no bag; the rest once per folded word.
        let stop = stop_hashes();
        assert!(all.iter().all(|(h, _)| !stop.contains(h)));
        assert_eq!(all.iter().map(|(_, n)| n).sum::<f32>(), 7.0);
    }

    /// The everyday words by hash are the lexicon's everyday words.
    #[test]
    fn everyday_words_by_hash_are_the_lexicons() {
        let lex = crate::nlp::lexicon::get();
        for (lang, word) in [
            ("de", "zusammenarbeit"),
            ("de", "militarische"),
            ("de", "telefongesprach"),
            ("en", "government"),
            ("it", "governo"),
            ("it", "pjongjang"),
        ] {
            let hashed = frequent_hashes(lang).is_some_and(|s| s.contains(&word_hash(word)));
            assert_eq!(hashed, lex.is_frequent_folded(lang, word), "{lang} {word}");
        }
        assert!(frequent_hashes("fr").is_none());
    }

    /// Articles of unknown language are not in one language with each other.
    #[test]
    fn languages_are_numbered_and_unknown_is_no_language() {
        let articles = [
            article("de", "a", "x"),
            article("en", "b", "y"),
            article("de", "c", "z"),
            article("und", "d", "w"),
            article("und", "e", "v"),
        ];
        let entities = crate::nlp::Entities {
            list: vec![],
            mentions: vec![vec![]; articles.len()],
        };
        let f = Features::build(&articles, &entities);
        assert!(f.same_lang(0, 2));
        assert!(!f.same_lang(0, 1));
        assert!(!f.same_lang(3, 4));
        assert_eq!(f.langs[3], f.langs[4]);
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-19T10:00:00Z"), Some(19_801));
        assert_eq!(
            day_number("2024-03-20").unwrap() - day_number("2024-02-28").unwrap(),
            21
        );
        assert_eq!(day_number("soon"), None);
    }
}
