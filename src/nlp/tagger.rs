//! A learned sequence tagger for names: an averaged structured perceptron over BIO labels
//! (Collins 2002), first-order Viterbi decoding with the BIO constraint. It sees rich,
//! hashed features of each token (made in `recognize::tagged`), including what the lexicon and
//! the rules say of it, and decides where names start and end and what kind they are.
//!
//! The model is trained by `cargo run --release --example train_ner` from the open data in
//! `shared/ner-train` and embedded from `assets/nlp/ner.model`. Here: the model's file
//! format, decoding, and training (used by the example and by tests).

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::Kind;

/// O, then B and I for person, place, organisation.
pub const LABELS: usize = 7;
pub const O: u8 = 0;

/// The label's kind and whether it begins a name (`None` for O).
pub fn label_kind(label: u8) -> Option<(Kind, bool)> {
    let kind = match label.div_ceil(2) {
        1 => Kind::Person,
        2 => Kind::Place,
        3 => Kind::Organization,
        _ => return None,
    };
    Some((kind, label % 2 == 1))
}

/// The label for a kind, beginning a name or inside one.
pub fn label_of(kind: Kind, begin: bool) -> u8 {
    let base = match kind {
        Kind::Person => 1,
        Kind::Place => 3,
        Kind::Organization => 5,
        Kind::Other => return O,
    };
    if begin { base } else { base + 1 }
}

/// The scores of a token without features: outside, whatever else.
const INACTIVE: [f32; LABELS] = {
    let mut s = [f32::NEG_INFINITY; LABELS];
    s[O as usize] = 0.0;
    s
};

/// I-X only after B-X or I-X.
fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == O || cur % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p != O && p.div_ceil(2) == cur.div_ceil(2))
}

/// Weights: one row of [`LABELS`] per feature, and label transitions (row [`LABELS`] is the
/// start of a sequence).
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Feature → its weights, quantised to 16 bits (times `scale`): one memory access each.
    rows: FxHashMap<u64, [i16; LABELS]>,
    scale: f32,
    trans: [[f32; LABELS]; LABELS + 1],
    /// Added to the score of beginning a name: trades precision for recall, chosen on the
    /// dev splits when training.
    pub bias: f32,
    /// A name the rules found stays, though the tagger would not begin one there, while the
    /// tagger prefers "outside" by less than this (chosen on the dev splits too).
    pub keep: f32,
}

const MAGIC: &[u8; 8] = b"DSNER03\n";

impl Model {
    /// Reads the file format written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, String> {
        let body = b.strip_prefix(MAGIC).ok_or("not a dossier NER model")?;
        let mut pos = 0;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let s = body.get(pos..pos + n).ok_or("model file cut short")?;
            pos += n;
            Ok(s)
        };
        let mut model = Model {
            bias: f32::from_le_bytes(take(4)?.try_into().expect("4 bytes")),
            keep: f32::from_le_bytes(take(4)?.try_into().expect("4 bytes")),
            ..Model::default()
        };
        for row in model.trans.iter_mut() {
            for w in row.iter_mut() {
                *w = f32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
            }
        }
        let n = u32::from_le_bytes(take(4)?.try_into().expect("4 bytes")) as usize;
        model.scale = f32::from_le_bytes(take(4)?.try_into().expect("4 bytes"));
        model.rows.reserve(n);
        for _ in 0..n {
            let key = u64::from_le_bytes(take(8)?.try_into().expect("8 bytes"));
            let mut row = [0i16; LABELS];
            for w in row.iter_mut() {
                *w = i16::from_le_bytes(take(2)?.try_into().expect("2 bytes"));
            }
            model.rows.insert(key, row);
        }
        Ok(model)
    }

    /// The file format: header, bias, margin, transitions, then the quantised rows by key.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(self.bias.to_le_bytes());
        out.extend(self.keep.to_le_bytes());
        for row in &self.trans {
            for w in row {
                out.extend(w.to_le_bytes());
            }
        }
        let mut keys: Vec<(&u64, &[i16; LABELS])> = self.rows.iter().collect();
        keys.sort();
        out.extend((keys.len() as u32).to_le_bytes());
        out.extend(self.scale.to_le_bytes());
        for (key, row) in keys {
            out.extend(key.to_le_bytes());
            for w in row {
                out.extend(w.to_le_bytes());
            }
        }
        out
    }

    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// The best label sequence for tokens with these features.
    pub fn decode(&self, feats: &[Vec<u64>]) -> Vec<u8> {
        self.best_path(&self.emissions(feats))
    }

    /// The best label sequence for these per-token scores.
    pub fn best_path(&self, scores: &[[f32; LABELS]]) -> Vec<u8> {
        viterbi(scores, &self.trans)
    }

    /// Each token's score for each label, before transitions.
    pub fn emissions(&self, feats: &[Vec<u64>]) -> Vec<[f32; LABELS]> {
        feats
            .iter()
            .map(|fs| {
                if fs.is_empty() {
                    return INACTIVE;
                }
                let mut sum = [0i32; LABELS];
                for f in fs {
                    if let Some(row) = self.rows.get(f) {
                        for (a, &w) in sum.iter_mut().zip(row) {
                            *a += i32::from(w);
                        }
                    }
                }
                let mut s = [0f32; LABELS];
                for y in 0..LABELS {
                    s[y] = sum[y] as f32 * self.scale;
                    if y % 2 == 1 {
                        s[y] += self.bias;
                    }
                }
                s
            })
            .collect()
    }
}

fn viterbi(scores: &[[f32; LABELS]], trans: &[[f32; LABELS]; LABELS + 1]) -> Vec<u8> {
    let n = scores.len();
    if n == 0 {
        return vec![];
    }
    let mut best = vec![[f32::NEG_INFINITY; LABELS]; n];
    let mut back = vec![[0u8; LABELS]; n];
    for y in 0..LABELS {
        if allowed(None, y as u8) {
            best[0][y] = scores[0][y] + trans[LABELS][y];
        }
    }
    for t in 1..n {
        for y in 0..LABELS {
            let mut arg = 0;
            let mut top = f32::NEG_INFINITY;
            for p in 0..LABELS {
                if best[t - 1][p] == f32::NEG_INFINITY || !allowed(Some(p as u8), y as u8) {
                    continue;
                }
                let s = best[t - 1][p] + trans[p][y];
                if s > top {
                    top = s;
                    arg = p;
                }
            }
            best[t][y] = top + scores[t][y];
            back[t][y] = arg as u8;
        }
    }
    let mut y = (0..LABELS)
        .max_by(|&a, &b| best[n - 1][a].total_cmp(&best[n - 1][b]))
        .unwrap_or(0);
    let mut out = vec![0u8; n];
    for t in (0..n).rev() {
        out[t] = y as u8;
        y = back[t][y] as usize;
    }
    out
}

/// The embedded model, read once; `None` if the assets hold none (then the rules decide).
pub fn embedded() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let bytes = include_bytes!("../../assets/nlp/ner.model");
            Model::from_bytes(bytes).ok()
        })
        .as_ref()
}

/// One training sentence: features per token, gold labels, and how much it counts.
pub struct Example {
    pub feats: Vec<Vec<u64>>,
    pub gold: Vec<u8>,
    pub weight: f32,
}

/// Averaged structured perceptron training.
#[derive(Default)]
pub struct Trainer {
    w: FxHashMap<u64, [f32; LABELS]>,
    u: FxHashMap<u64, [f32; LABELS]>,
    trans: [[f32; LABELS]; LABELS + 1],
    trans_u: [[f32; LABELS]; LABELS + 1],
    c: f32,
}

impl Trainer {
    fn scores(&self, feats: &[Vec<u64>]) -> Vec<[f32; LABELS]> {
        feats
            .iter()
            .map(|fs| {
                if fs.is_empty() {
                    return INACTIVE;
                }
                let mut s = [0f32; LABELS];
                for f in fs {
                    if let Some(row) = self.w.get(f) {
                        for (a, w) in s.iter_mut().zip(row) {
                            *a += w;
                        }
                    }
                }
                s
            })
            .collect()
    }

    /// One pass over `examples` in the given order.
    pub fn epoch(&mut self, examples: &[Example], order: &[usize]) -> usize {
        let mut mistakes = 0;
        for &k in order {
            let ex = &examples[k];
            self.c += 1.0;
            let pred = viterbi(&self.scores(&ex.feats), &self.trans);
            if pred == ex.gold {
                continue;
            }
            mistakes += 1;
            let (c, d) = (self.c, ex.weight);
            for t in 0..pred.len() {
                let (g, p) = (ex.gold[t] as usize, pred[t] as usize);
                let (gp, pp) = if t == 0 {
                    (LABELS, LABELS)
                } else {
                    (ex.gold[t - 1] as usize, pred[t - 1] as usize)
                };
                if g != p || gp != pp {
                    self.trans[gp][g] += d;
                    self.trans_u[gp][g] += c * d;
                    self.trans[pp][p] -= d;
                    self.trans_u[pp][p] -= c * d;
                }
                if g == p {
                    continue;
                }
                for f in &ex.feats[t] {
                    let w = self.w.entry(*f).or_default();
                    w[g] += d;
                    w[p] -= d;
                    let u = self.u.entry(*f).or_default();
                    u[g] += c * d;
                    u[p] -= c * d;
                }
            }
        }
        mistakes
    }

    /// The averaged weights, quantised; features whose every weight is below `prune` are left
    /// out.
    pub fn finish(&self, prune: f32) -> Model {
        let c = self.c.max(1.0);
        let mut kept: Vec<(u64, [f32; LABELS])> = vec![];
        for (f, w) in &self.w {
            let u = self.u.get(f).copied().unwrap_or_default();
            let mut row = [0f32; LABELS];
            for y in 0..LABELS {
                row[y] = w[y] - u[y] / c;
            }
            if row.iter().all(|x| x.abs() < prune) {
                continue;
            }
            kept.push((*f, row));
        }
        let max = kept
            .iter()
            .flat_map(|(_, r)| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(1e-6);
        let mut model = Model {
            scale: max / 32767.0,
            ..Model::default()
        };
        for (f, row) in kept {
            model
                .rows
                .insert(f, row.map(|w| (w / model.scale).round() as i16));
        }
        for p in 0..=LABELS {
            for y in 0..LABELS {
                model.trans[p][y] = self.trans[p][y] - self.trans_u[p][y] / c;
            }
        }
        model
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(words: &[&str], gold: &[u8]) -> Example {
        Example {
            feats: words
                .iter()
                .map(|w| vec![rustc_hash::FxBuildHasher.hash_one(w), 1])
                .collect(),
            gold: gold.to_vec(),
            weight: 1.0,
        }
    }

    use std::hash::BuildHasher;

    #[test]
    fn learns_a_toy_language_and_round_trips() {
        let b_per = label_of(Kind::Person, true);
        let i_per = label_of(Kind::Person, false);
        let b_loc = label_of(Kind::Place, true);
        let data = vec![
            ex(
                &["mr", "anna", "smith", "went", "to", "rome"],
                &[O, b_per, i_per, O, O, b_loc],
            ),
            ex(
                &["anna", "smith", "left", "rome"],
                &[b_per, i_per, O, b_loc],
            ),
            ex(
                &["to", "rome", "went", "mr", "anna"],
                &[O, b_loc, O, O, b_per],
            ),
        ];
        let mut t = Trainer::default();
        let order: Vec<usize> = (0..data.len()).collect();
        for _ in 0..10 {
            t.epoch(&data, &order);
        }
        let model = t.finish(0.0);
        for e in &data {
            assert_eq!(model.decode(&e.feats), e.gold);
        }
        let again = Model::from_bytes(&model.to_bytes()).unwrap();
        for e in &data {
            assert_eq!(again.decode(&e.feats), e.gold);
        }
        assert!(Model::from_bytes(b"junk").is_err());
    }

    #[test]
    fn decoding_respects_bio() {
        let i_loc = label_of(Kind::Place, false);
        let mut scores = vec![[0f32; LABELS]; 2];
        scores[0][i_loc as usize] = 5.0;
        scores[1][i_loc as usize] = 5.0;
        let trans = [[0f32; LABELS]; LABELS + 1];
        let path = viterbi(&scores, &trans);
        assert_ne!(path[0], i_loc, "a name cannot start inside");
        assert_eq!(
            label_kind(label_of(Kind::Organization, true)),
            Some((Kind::Organization, true))
        );
        assert_eq!(label_kind(O), None);
    }
}
