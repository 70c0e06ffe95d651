//! Trains the name tagger (`src/nlp/tagger.rs`) from the open NER data in `shared/ner-train`
//! and writes `assets/nlp/ner.model`; prints the dev F1 of the whole recogniser (lexicon,
//! rules and the new model together) per language.
//!
//! ```sh
//! cargo run --release --example train_ner                 # ../shared/ner-train, 15 epochs
//! cargo run --release --example train_ner -- DIR EPOCHS   # elsewhere / another count
//! NER_EVAL_ONLY=1 NER_ERRORS=de cargo run --release --example train_ner  # dev F1 of the
//!                                                  # embedded model, German errors listed
//! ```
//!
//! Data, per language (PER/LOC/ORG; MISC, OTH, products and works are not our entities and
//! count as outside; `-deriv`/`-part` forms too):
//! - de: GermEval 2014 dev (gold; its last 400 sentences are the German dev split), Europarl
//!   (gold), Europeana newspapers (gold over noisy OCR, weight 0.5), MultiCoNER I+II (silver and
//!   lower-cased: re-cased — German nouns from the lexicon's noun list, names and sentence
//!   starts capitalised — weight 0.3);
//! - en: UNER English-EWT train (gold; its dev file is the English dev split), WikiGold,
//!   WNUT-17 (weight 0.5), Europarl, MultiCoNER I+II (re-cased, weight 0.3);
//! - it: Europarl (gold; its last 150 sentences are the Italian dev split), MultiCoNER II
//!   Italian dev (re-cased, weight 0.5).
//!
//! Training is deterministic: same data, same model.

use std::path::{Path, PathBuf};

use dossier::nlp::Kind;
use dossier::nlp::lexicon::{self, Lexicon};
use dossier::nlp::recognize::{recognize_with, tagger_view, uses_tagger};
use dossier::nlp::tagger::{self, Example, Model, O, Trainer};

/// One sentence: tokens and their tags, mapped to "PER"/"LOC"/"ORG" spans as BIO.
struct Sentence {
    tokens: Vec<String>,
    tags: Vec<(u8, Option<Kind>)>, // (0 = O, 1 = B, 2 = I), kind
}

fn map_kind(label: &str) -> Option<Kind> {
    let l = label.to_ascii_lowercase();
    if l.ends_with("deriv") || l.ends_with("part") {
        return None;
    }
    Some(match l.as_str() {
        "per" | "person" | "artist" | "athlete" | "politician" | "scientist" | "otherper"
        | "cleric" | "sportsmanager" => Kind::Person,
        "loc" | "location" | "humansettlement" | "otherloc" | "facility" | "station" => Kind::Place,
        "org"
        | "corporation"
        | "group"
        | "grp"
        | "corp"
        | "musicalgrp"
        | "publiccorp"
        | "privatecorp"
        | "aerospacemanufacturer"
        | "sportsgrp"
        | "carmanufacturer"
        | "techcorp" => Kind::Organization,
        _ => return None,
    })
}

/// Reads a token-per-line file: `tok_col`/`tag_col` (negative: from the end), blank lines
/// between sentences; IOB1 is turned into IOB2.
fn read_conll(path: &Path, tok_col: isize, tag_col: isize, max_len: usize) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = vec![];
    let mut cur = Sentence {
        tokens: vec![],
        tags: vec![],
    };
    let flush = |cur: &mut Sentence, out: &mut Vec<Sentence>| {
        if !cur.tokens.is_empty() {
            out.push(std::mem::replace(
                cur,
                Sentence {
                    tokens: vec![],
                    tags: vec![],
                },
            ));
        }
    };
    for line in text.lines() {
        if line.starts_with("# ") || line.starts_with("#\t") || line.starts_with("-DOCSTART-") {
            continue;
        }
        let cols: Vec<&str> = line.split(['\t', ' ']).filter(|c| !c.is_empty()).collect();
        if cols.len() < 2 {
            flush(&mut cur, &mut out);
            continue;
        }
        let at = |c: isize| {
            if c < 0 {
                cols.get((cols.len() as isize + c) as usize)
            } else {
                cols.get(c as usize)
            }
        };
        let (Some(tok), Some(tag)) = (at(tok_col), at(tag_col)) else {
            continue;
        };
        let (bio, kind) = match tag.split_once('-') {
            Some((b, k)) => match map_kind(k) {
                Some(kind) => (if b == "B" { 1 } else { 2 }, Some(kind)),
                None => (0, None),
            },
            None => (0, None),
        };
        // IOB1: an I that follows no name of its kind begins one.
        let bio = match (bio, cur.tags.last()) {
            (2, Some(&(p, pk))) if p != 0 && pk == kind => 2,
            (2, _) => 1,
            (b, _) => b,
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push((bio, kind));
        // Files without sentence breaks (Europeana) are cut after sentence-final tokens.
        if cur.tokens.len() >= max_len && matches!(*tok, "." | "!" | "?") {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Lower-cased data made to look like text: German nouns, names and sentence starts get their
/// capitals back (English and Italian: names and sentence starts).
fn recase(sents: &mut [Sentence], lang: &str, lex: &Lexicon) {
    for s in sents {
        for i in 0..s.tokens.len() {
            let t = &s.tokens[i];
            let cap = {
                let mut c = t.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            };
            let particle = matches!(
                t.as_str(),
                "von"
                    | "der"
                    | "de"
                    | "di"
                    | "van"
                    | "of"
                    | "the"
                    | "and"
                    | "und"
                    | "da"
                    | "del"
                    | "la"
            );
            let in_name = s.tags[i].0 != 0 && !particle;
            let noun = lang == "de" && lex.is_german_noun(&cap) && !lex.is_common("de", t);
            if i == 0 || in_name || noun {
                s.tokens[i] = cap;
            }
        }
    }
}

const NO_SPACE_BEFORE: &[&str] = &[
    ".", ",", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "”", "“",
];

/// The sentence as text, and each token's byte range in it.
fn detok(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut ranges = vec![];
    for (i, t) in tokens.iter().enumerate() {
        let glued = NO_SPACE_BEFORE.contains(&t.as_str())
            || (i > 0 && matches!(tokens[i - 1].as_str(), "(" | "[" | "„"));
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(t);
        ranges.push((start, text.len()));
    }
    (text, ranges)
}

/// Our tokens' gold labels, from the data's tokens by position.
fn project(
    ours: &[(usize, usize)],
    theirs: &[(usize, usize)],
    tags: &[(u8, Option<Kind>)],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(ours.len());
    let mut j = 0;
    let mut last_source: Option<usize> = None;
    for &(s, _) in ours {
        while j + 1 < theirs.len() && theirs[j].1 <= s {
            j += 1;
        }
        let (bio, kind) = tags.get(j).copied().unwrap_or((0, None));
        let label = match kind {
            Some(k) if bio != 0 => {
                let begin = bio == 1 && last_source != Some(j);
                tagger::label_of(k, begin)
            }
            _ => O,
        };
        last_source = Some(j);
        out.push(label);
    }
    // A name cut by our tokenizer's breaks still begins properly.
    for i in 0..out.len() {
        if out[i] != O
            && out[i] % 2 == 0
            && (i == 0 || out[i - 1] == O || out[i - 1].div_ceil(2) != out[i].div_ceil(2))
        {
            out[i] -= 1;
        }
    }
    out
}

fn examples(sents: &[Sentence], lang: &str, weight: f32, lex: &Lexicon) -> Vec<Example> {
    sents
        .iter()
        .filter_map(|s| {
            let (text, theirs) = detok(&s.tokens);
            let (ours, feats) = tagger_view(&text, lang, lex);
            if ours.is_empty() {
                return None;
            }
            let mut gold = project(&ours, &theirs, &s.tags);
            // Tokens the tagger does not look at (no features) are outside for it.
            for (g, fs) in gold.iter_mut().zip(&feats) {
                if fs.is_empty() {
                    *g = O;
                }
            }
            Some(Example {
                feats,
                gold,
                weight,
            })
        })
        .collect()
}

/// Span-level F1 of the whole recogniser (known names, rules and `model`) on `sents`.
fn dev_f1(sents: &[Sentence], lang: &str, lex: &Lexicon, model: Option<&Model>) -> (f64, f64, f64) {
    let (mut tp, mut npred, mut ngold) = (0usize, 0usize, 0usize);
    for s in sents {
        let (text, theirs) = detok(&s.tokens);
        let mut gold = vec![];
        let mut i = 0;
        while i < s.tags.len() {
            if s.tags[i].0 == 1 {
                let mut j = i;
                while j + 1 < s.tags.len() && s.tags[j + 1].0 == 2 {
                    j += 1;
                }
                gold.push((theirs[i].0, theirs[j].1));
                i = j + 1;
            } else {
                i += 1;
            }
        }
        let pred: Vec<(usize, usize)> = recognize_with(&text, lang, false, lex, model)
            .into_iter()
            .filter(|sp| sp.kind != Kind::Other)
            .map(|sp| (sp.start, sp.end))
            .collect();
        if std::env::var("NER_ERRORS").is_ok_and(|l| l == lang) && model.is_some() {
            for p in pred.iter().filter(|p| !gold.contains(p)) {
                println!("FP {lang} {:?} | {text}", &text[p.0..p.1]);
            }
            for g in gold.iter().filter(|g| !pred.contains(g)) {
                println!("FN {lang} {:?} | {text}", &text[g.0..g.1]);
            }
        }
        ngold += gold.len();
        npred += pred.len();
        tp += pred.iter().filter(|p| gold.contains(p)).count();
    }
    let p = tp as f64 / npred.max(1) as f64;
    let r = tp as f64 / ngold.max(1) as f64;
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(
        args.first()
            .cloned()
            .unwrap_or_else(|| "../shared/ner-train".into()),
    );
    let epochs: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(15);
    let lex = lexicon::get();
    let f = |rel: &str| root.join(rel);

    // German.
    let mut germeval = read_conll(&f("germeval2014/NER-de-dev.tsv"), 1, 2, usize::MAX);
    let de_dev = germeval.split_off(germeval.len() - 400);
    let mut de_silver = read_conll(&f("multiconer1-de/de_train.conll"), 0, -1, usize::MAX);
    for rel in [
        "multiconer1-de/de_dev.conll",
        "multiconer2-de/de-train.conll",
        "multiconer2-de/de-dev.conll",
    ] {
        de_silver.extend(read_conll(&f(rel), 0, -1, usize::MAX));
    }
    recase(&mut de_silver, "de", lex);
    let mut europeana = vec![];
    for part in ["lft", "onb", "sbb"] {
        europeana.extend(read_conll(
            &f(&format!("europeana-ner-de/enp_DE.{part}.bio")),
            0,
            -1,
            25,
        ));
    }
    // English.
    let uner_en = read_conll(
        &f("uner-en-ewt/en_ewt-ud-train.iob2.v2022-12-02.OTH-to-O"),
        1,
        2,
        usize::MAX,
    );
    let en_dev = read_conll(&f("uner-en-ewt/en_ewt-ud-dev.iob2"), 1, 2, usize::MAX);
    let wikigold = read_conll(&f("wikigold-en/wikigold.conll.txt"), 0, -1, usize::MAX);
    let wnut = read_conll(&f("wnut17/wnut17train.conll"), 0, -1, usize::MAX);
    let mut en_silver = read_conll(&f("multiconer1-en/en_train.conll"), 0, -1, usize::MAX);
    for rel in [
        "multiconer1-en/en_dev.conll",
        "multiconer2-en/en-train10.conll",
        "multiconer2-en/en-train90.conll",
        "multiconer2-en/en-dev.conll",
    ] {
        en_silver.extend(read_conll(&f(rel), 0, -1, usize::MAX));
    }
    recase(&mut en_silver, "en", lex);
    // Italian.
    let mut europarl_it = read_conll(
        &f("europarl-ner-ixa/it-europarl.test.conll02"),
        0,
        -1,
        usize::MAX,
    );
    let it_dev = europarl_it.split_off(europarl_it.len() - 150);
    let mut it_silver = read_conll(&f("multiconer2-it/it-dev.conll"), 0, -1, usize::MAX);
    recase(&mut it_silver, "it", lex);

    let europarl_de = read_conll(
        &f("europarl-ner-ixa/de-europarl.test.conll02"),
        0,
        -1,
        usize::MAX,
    );
    let europarl_en = read_conll(
        &f("europarl-ner-ixa/en-europarl.test.conll02"),
        0,
        -1,
        usize::MAX,
    );
    let silver: f32 = std::env::var("NER_SILVER")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.3);
    let sets: Vec<(&str, &str, Vec<Sentence>, f32)> = vec![
        ("de", "germeval", germeval, 1.0),
        ("de", "europarl", europarl_de, 1.0),
        ("de", "europeana", europeana, 0.5),
        ("de", "multiconer", de_silver, silver),
        ("en", "uner-ewt", uner_en, 1.0),
        ("en", "wikigold", wikigold, 1.0),
        ("en", "wnut17", wnut, 0.5),
        ("en", "europarl", europarl_en, 1.0),
        ("en", "multiconer", en_silver, silver),
        ("it", "europarl", europarl_it, 1.0),
        ("it", "multiconer", it_silver, 0.5),
    ];

    // NER_SKIP="de:multiconer en:wnut17" leaves sets out (for experiments).
    let skip = std::env::var("NER_SKIP").unwrap_or_default();
    let mut data = vec![];
    for (lang, name, sents, weight) in &sets {
        if skip
            .split_whitespace()
            .any(|s| s == format!("{lang}:{name}"))
        {
            eprintln!("{lang} {name}: left out");
            continue;
        }
        let ex = examples(sents, lang, *weight, lex);
        eprintln!("{lang} {name}: {} sentences (weight {weight})", ex.len());
        data.extend(ex);
    }
    let devs: [(&str, &[Sentence]); 3] = [("de", &de_dev), ("en", &en_dev), ("it", &it_dev)];
    for (lang, dev) in devs {
        let (p, r, f1) = dev_f1(dev, lang, lex, None);
        eprintln!("dev {lang} without the tagger: P {p:.3} R {r:.3} F1 {f1:.3}");
    }

    // NER_EVAL_ONLY=1: the embedded model on the dev splits, no training (NER_ERRORS=de lists
    // the German dev split's false positives and misses).
    if std::env::var("NER_EVAL_ONLY").is_ok() {
        let model = tagger::embedded();
        for (lang, dev) in devs {
            let (p, r, f1) = dev_f1(dev, lang, lex, model);
            println!("dev {lang}: P {p:.3} R {r:.3} F1 {f1:.3}");
        }
        return;
    }
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    for epoch in 0..epochs {
        // Deterministic shuffle (xorshift).
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let mistakes = trainer.epoch(&data, &order);
        eprintln!("epoch {}: {mistakes} sentences wrong", epoch + 1);
    }
    let prune: f32 = std::env::var("NER_PRUNE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2.0);
    let mut model = trainer.finish(prune);
    // The bias towards names that serves the three dev splits best (mean F1).
    let mut best = (f64::MIN, 0.0, 0.0);
    for bias in [0.0f32, 10.0, 20.0, 30.0] {
        for keep in [0.0f32, 10.0, 20.0, 40.0, 80.0] {
            model.bias = bias;
            model.keep = keep;
            let used: Vec<f64> = devs
                .iter()
                .filter(|(lang, _)| uses_tagger(lang))
                .map(|(lang, dev)| dev_f1(dev, lang, lex, Some(&model)).2)
                .collect();
            let mean = used.iter().sum::<f64>() / used.len() as f64;
            eprintln!("bias {bias} keep {keep}: mean dev F1 {mean:.3}");
            if mean > best.0 {
                best = (mean, bias, keep);
            }
        }
    }
    (model.bias, model.keep) = (best.1, best.2);
    for (lang, dev) in devs {
        let (p, r, f1) = dev_f1(dev, lang, lex, Some(&model));
        println!("dev {lang}: P {p:.3} R {r:.3} F1 {f1:.3}");
    }
    let bytes = model.to_bytes();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/nlp/ner.model");
    std::fs::write(&out, &bytes).unwrap();
    println!(
        "wrote {} ({} features, {:.1} MB)",
        out.display(),
        model.features(),
        bytes.len() as f64 / 1e6
    );
}
