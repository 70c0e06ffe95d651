//! Pass three: the learned tagger ([`crate::nlp::tagger`]) reads every token with what the
//! lexicon and the rules said of it, and decides the names. Known names (the lexicon's) stay:
//! they carry identity across languages. Names the rules guessed stay only where the tagger
//! agrees; names the tagger finds that the rules missed are added.
//!
//! The features here are the tagger's whole view of a token; training
//! (`examples/train_ner.rs`) computes them with the same function, so they cannot drift.

use std::hash::{BuildHasher, Hasher};

use rustc_hash::FxBuildHasher;

use super::{Claims, Field};
use crate::nlp::Kind;
use crate::nlp::cues;
use crate::nlp::tagger::{self, Model, O};
use crate::nlp::token::Gap;

/// What the rules said of one token: outside any name, or inside one of a kind, known or
/// guessed, at its start or further in.
fn rule_tag(claims: &Claims, i: usize) -> u8 {
    let Some(id) = claims.owner(i) else {
        return 0;
    };
    let (Some(span), Some((first, _))) = (claims.get(id), claims.tokens(id)) else {
        return 0;
    };
    let begin = first == i;
    let kind = match span.kind {
        Kind::Person => 0,
        Kind::Place => 1,
        Kind::Organization => 2,
        Kind::Other => 3,
    };
    1 + kind * 4 + u8::from(begin) * 2 + u8::from(span.known.is_some())
}

fn gap_code(g: Gap) -> u8 {
    match g {
        Gap::Space => b's',
        Gap::Hyphen => b'h',
        Gap::Apostrophe => b'a',
        Gap::Break => b'b',
    }
}

fn mix(template: u8, parts: &[u64]) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write_u8(template);
    for p in parts {
        h.write_u64(*p);
    }
    h.finish()
}

fn bytes_id(b: &[u8]) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write(b);
    h.write_u8(0xff);
    h.finish()
}

/// [`shape`], hashed, without building the string.
fn shape_id(w: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if s != last {
            h.write_u32(s as u32);
            last = s;
        }
    }
    h.finish()
}

/// Stands for a position before the first or after the last token.
const EDGE: u64 = 0x9e37_79b9_7f4a_7c15;

/// The features of every token of the field. Words and shapes are hashed once per token;
/// each feature mixes those ids with its template number.
pub fn features(f: &Field, claims: &Claims) -> Vec<Vec<u64>> {
    let n = f.toks.len();
    let misc = f.misc.borrow();
    let rules: Vec<u8> = (0..n)
        .map(|i| if misc[i] { 17 } else { rule_tag(claims, i) })
        .collect();
    let lang = bytes_id(f.lang.as_bytes());
    let kinds_map = f.lex.word_kinds();
    // A lower-case word with no capitalised neighbour is outside any name: it gets no
    // features and the tagger keeps it outside (most words of any text; this is the speed).
    // In German every noun is capitalised: a known common noun that no rule took is left
    // outside too (the rules' own noun test), which keeps the tagger to the candidates.
    let cap: Vec<bool> = (0..n)
        .map(|k| {
            (f.toks[k].capitalized || f.toks[k].all_caps)
                && (f.lang != "de"
                    || !claims.is_free(k)
                    || f.toks[k].all_caps
                    || !f.lex.is_german_noun(f.word(k)))
        })
        .collect();
    let active = |k: usize| cap[k] || (k > 0 && cap[k - 1]) || (k + 1 < n && cap[k + 1]);
    let needed: Vec<bool> = (0..n)
        .map(|k| (k.saturating_sub(2)..(k + 3).min(n)).any(active))
        .collect();
    let words: Vec<u64> = (0..n)
        .map(|k| {
            if needed[k] {
                bytes_id(f.folded[k].as_bytes())
            } else {
                0
            }
        })
        .collect();
    let shapes: Vec<u64> = (0..n)
        .map(|k| if needed[k] { shape_id(f.word(k)) } else { 0 })
        .collect();
    let kinds: Vec<u8> = (0..n)
        .map(|k| {
            if needed[k] {
                kinds_map.get(f.folded[k].as_ref()).copied().unwrap_or(0)
            } else {
                0
            }
        })
        .collect();
    let at = |v: &[u64], k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            EDGE
        } else {
            v[k as usize]
        }
    };
    let rule_at = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            255
        } else {
            u64::from(rules[k as usize])
        }
    };
    let kind_at = |k: isize| -> u64 {
        if k < 0 || k as usize >= n {
            255
        } else {
            u64::from(kinds[k as usize])
        }
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        if !active(i) {
            out.push(Vec::new());
            continue;
        }
        let t = &f.toks[i];
        let k = i as isize;
        let w = f.folded[i].as_ref();
        let raw = f.word(i);
        let wid = words[i];
        let sh = shapes[i];
        let mut fs = Vec::with_capacity(36);
        fs.push(mix(0, &[]));
        fs.push(mix(1, &[wid]));
        fs.push(mix(2, &[lang, wid]));
        // Affixes: byte slices at character boundaries.
        for (tpl, len) in [(3u8, 2usize), (4, 3), (5, 4)] {
            if let Some((b, _)) = w.char_indices().rev().nth(len - 1).filter(|&(b, _)| b > 0) {
                fs.push(mix(tpl, &[lang, bytes_id(&w.as_bytes()[b..])]));
            }
        }
        for (tpl, len) in [(6u8, 2usize), (7, 3)] {
            if let Some((b, _)) = w.char_indices().nth(len) {
                fs.push(mix(tpl, &[bytes_id(&w.as_bytes()[..b])]));
            }
        }
        let nchars = w.chars().count();
        fs.push(mix(8, &[sh]));
        fs.push(mix(9, &[sh, nchars.min(8) as u64]));
        let flags = u64::from(t.capitalized)
            | u64::from(t.all_caps) << 1
            | u64::from(t.sentence_start) << 2
            | u64::from(t.after_paren) << 3
            | u64::from(f.headline) << 4;
        let flags3 = flags & 7;
        fs.push(mix(10, &[lang, flags]));
        fs.push(mix(11, &[at(&words, k - 1)]));
        fs.push(mix(12, &[at(&words, k + 1)]));
        fs.push(mix(13, &[at(&words, k - 2)]));
        fs.push(mix(14, &[at(&words, k + 2)]));
        fs.push(mix(15, &[at(&words, k - 1), wid]));
        fs.push(mix(16, &[wid, at(&words, k + 1)]));
        fs.push(mix(17, &[at(&shapes, k - 1), sh, at(&shapes, k + 1)]));
        fs.push(mix(18, &[at(&shapes, k - 1), sh]));
        fs.push(mix(19, &[sh, at(&shapes, k + 1)]));
        let prev_gap = if i > 0 {
            gap_code(f.toks[i - 1].gap)
        } else {
            b'^'
        };
        fs.push(mix(
            20,
            &[u64::from(prev_gap), u64::from(gap_code(t.gap)), sh],
        ));
        // What the word lists say.
        let lex = u64::from(f.lex.is_common(f.lang, raw))
            | u64::from(f.lex.is_common("en", raw)) << 1
            | u64::from(f.lex.is_first_name(raw)) << 2
            | u64::from(f.lang == "de" && f.lex.is_german_noun(raw)) << 3
            | u64::from(f.could_be_name(i)) << 4
            | u64::from(f.name_like(i)) << 5;
        fs.push(mix(21, &[lang, lex, flags3]));
        fs.push(mix(22, &[lex & 7]));
        fs.push(mix(23, &[lex >> 4, flags & 1]));
        let cue = u64::from(cues::is_org_head(w))
            | u64::from(cues::is_place_head(w)) << 1
            | u64::from(cues::is_demonym(w)) << 2
            | u64::from(cues::is_never_name(w)) << 3
            | u64::from(cues::is_misc_head(w)) << 4
            | u64::from(cues::is_name_particle(w)) << 5
            | u64::from(i > 0 && cues::is_person_trigger(&f.folded[i - 1])) << 6
            | u64::from(i + 1 < n && cues::is_org_head(&f.folded[i + 1])) << 7
            | u64::from(i + 1 < n && cues::is_place_head(&f.folded[i + 1])) << 8;
        fs.push(mix(24, &[cue]));
        fs.push(mix(25, &[cue, flags & 1]));
        // What the rules said, here and around.
        let r = rule_at(k);
        fs.push(mix(26, &[r]));
        fs.push(mix(27, &[rule_at(k - 1), r, rule_at(k + 1)]));
        fs.push(mix(28, &[lang, r, flags3]));
        fs.push(mix(29, &[r, sh]));
        fs.push(mix(30, &[r, wid]));
        // What the gazetteers say of the word and its neighbours.
        let g = kind_at(k);
        fs.push(mix(31, &[g, flags3]));
        fs.push(mix(32, &[kind_at(k - 1), g, kind_at(k + 1)]));
        fs.push(mix(33, &[g, r]));
        let first_name_before = u64::from(i > 0 && f.lex.is_first_name(f.word(i - 1)));
        fs.push(mix(34, &[first_name_before, flags & 1]));
        out.push(fs);
    }
    out
}

/// The tagger's names for the field, with the known ones kept: replaces `spans`' guessed
/// names by the tagger's.
pub fn decide(f: &Field, model: &Model, claims: &mut Claims) {
    let feats = features(f, claims);
    let scores = model.emissions(&feats);
    let labels = model.best_path(&scores);
    // How much the tagger prefers "outside" to beginning a name, per token.
    let doubt: Vec<f32> = scores
        .iter()
        .map(|s| {
            let name = (1..s.len())
                .step_by(2)
                .map(|y| s[y])
                .fold(f32::MIN, f32::max);
            s[O as usize] - name
        })
        .collect();
    apply(f, &labels, &doubt, model.keep, claims);
}

/// Merges tagger `labels` into the rules' names (see the module doc).
pub fn apply(f: &Field, labels: &[u8], doubt: &[f32], keep_below: f32, claims: &mut Claims) {
    let n = f.toks.len();
    // The tagger's names as token ranges.
    let mut names: Vec<(usize, usize, Kind)> = vec![];
    let mut i = 0;
    while i < n {
        let Some((kind, _)) = tagger::label_kind(labels[i]) else {
            i += 1;
            continue;
        };
        let mut j = i;
        while j + 1 < n
            && labels[j + 1] != O
            && matches!(tagger::label_kind(labels[j + 1]), Some((k, false)) if k == kind)
        {
            j += 1;
        }
        names.push((i, j, kind));
        i = j + 1;
    }
    let by_first: rustc_hash::FxHashMap<usize, (usize, Kind)> =
        names.iter().map(|&(s, e, k)| (s, (e, k))).collect();
    // Guessed names the tagger does not confirm go.
    for id in claims.ids() {
        let (Some(span), Some((a, b))) = (claims.get(id), claims.tokens(id)) else {
            continue;
        };
        if span.known.is_some() {
            continue;
        }
        let agreed = span.start == f.toks[a].start && span.end == f.toks[b].end;
        let confirmed = by_first
            .get(&a)
            .filter(|&&(e, _)| e == b && agreed)
            .map(|&(_, kind)| kind);
        // Where the tagger sees no name at all and doubts the rules' one only a little,
        // the rules' name stays.
        let untouched = (a..=b).all(|t| labels[t] == O);
        match confirmed.or((untouched && doubt[a] < keep_below).then_some(span.kind)) {
            Some(kind) => {
                let span = claims.get_mut(id).expect("live");
                if !span.kind_sure {
                    span.kind = kind;
                }
            }
            None => {
                claims.release(id);
            }
        }
    }
    // The tagger's names on free tokens are added. A person's name may take in a one-word
    // known place ("Giuseppe Sala" over the town of Sala), as the rules do for a given name
    // before one; other known names keep their identity.
    let misc = f.misc.borrow();
    for (s, e, kind) in names {
        if (s..=e).any(|t| misc[t]) {
            continue;
        }
        let swallowable = e > s
            && kind == Kind::Person
            && (s..=e).all(|t| {
                claims.owner(t).is_none_or(|id| {
                    claims.tokens(id) == Some((t, t))
                        && claims
                            .get(id)
                            .is_some_and(|sp| sp.known.is_some() && sp.kind == Kind::Place)
                })
            });
        if !claims.all_free(s, e) && !swallowable {
            continue;
        }
        claims.claim(s, e, f.unknown_name(s, e, kind, false));
    }
}

#[cfg(test)]
mod tests {
    use crate::nlp::lexicon;
    use crate::nlp::recognize::{recognize, recognize_with};

    /// The embedded model is there, and it is what finds names the rules cannot see.
    #[test]
    fn the_embedded_model_loads_and_is_used() {
        let model = crate::nlp::tagger::embedded().expect("assets/nlp/ner.model loads");
        assert!(model.features() > 10_000);
        let lex = lexicon::get();
        let text = "Il sindaco Giuseppe Sala ha incontrato ieri a Milano i rappresentanti della Fondazione Cariplo e di Intesa Sanpaolo.";
        let with: Vec<&str> = recognize(text, "it", false, lex)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        let without: Vec<&str> = recognize_with(text, "it", false, lex, None)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert!(
            with.contains(&"Giuseppe Sala"),
            "{with:?} / rules: {without:?}"
        );
        assert!(with.contains(&"Milano"), "{with:?}");
        assert_ne!(with, without, "the tagger changes the Italian result");
    }

    /// Events the rules set aside stay out: the tagger once made "Fredda" of "Guerra Fredda".
    #[test]
    fn events_set_aside_by_the_rules_stay_out() {
        let lex = lexicon::get();
        let text = "Dalla fine della Guerra Fredda la Russia cerca alleati.";
        let got: Vec<&str> = recognize(text, "it", false, lex)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert!(!got.iter().any(|s| s.contains("Fredda")), "{got:?}");
    }
}
