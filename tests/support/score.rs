//! A port of `shared/eval/score.py`: scores a `dossier export` document against a gold file,
//! with the same rules (surface forms per document, case-folded, quotes and punctuation around
//! them stripped; optional forms ignored; cross-document linking; related-story expectations).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const QUOTES: &str = "\"'“”„«»‚‘’`´()[]{}.,;:!?–—-";

/// The figures score.py prints.
#[derive(Debug, Default)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub mention_recall: f64,
    pub kind_accuracy: f64,
    pub link_f1: Option<f64>,
    pub related_hits: usize,
    pub related_total: usize,
    pub bad_offsets: usize,
    pub missing_docs: usize,
}

pub fn norm(s: &str) -> String {
    let s: String = s
        .nfc()
        .collect::<String>()
        .to_lowercase()
        .replace('ß', "ss");
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let stripped = folded.trim_matches(|c| QUOTES.contains(c)).trim();
    stripped.replace('’', "'")
}

fn str_of(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn field<'a>(article: &'a Value, m: &Value) -> &'a str {
    str_of(&article[m.get("in").and_then(Value::as_str).unwrap_or("body")])
}

pub fn score(gold: &Value, export: &Value) -> Scores {
    let articles: HashMap<&str, &Value> = export["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (str_of(&a["id"]), a))
        .collect();
    let kinds: HashMap<&str, &str> = export["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (str_of(&e["id"]), str_of(&e["kind"])))
        .collect();
    let gold_kinds: HashMap<&str, &str> = gold["entities"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str(), str_of(&v["kind"])))
        .collect();
    let mut s = Scores::default();
    let (mut tp_p, mut tp_g, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize, 0usize);
    let (mut occ_gold, mut occ_hit, mut kind_hit, mut kind_n) = (0usize, 0usize, 0usize, 0usize);
    let mut linked: BTreeMap<(String, String), String> = BTreeMap::new();
    let docs = gold["documents"].as_object().unwrap();
    for (doc, g) in docs {
        let required = g["required"].as_object().unwrap();
        let Some(art) = articles.get(doc.as_str()) else {
            s.missing_docs += 1;
            n_gold += required.len();
            continue;
        };
        let mentions = art["mentions"].as_array().unwrap();
        let mut pred: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut surfaces: HashMap<String, usize> = HashMap::new();
        for m in mentions {
            let text = field(art, m).as_bytes();
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            let piece = text
                .get(start..end)
                .and_then(|b| std::str::from_utf8(b).ok());
            if piece != Some(str_of(&m["surface"])) {
                s.bad_offsets += 1;
            }
            pred.entry(str_of(&m["entity"]))
                .or_default()
                .insert(norm(str_of(&m["surface"])));
            *surfaces.entry(norm(str_of(&m["surface"]))).or_default() += 1;
        }
        let gold_forms: BTreeMap<&str, BTreeSet<String>> = required
            .iter()
            .map(|(gid, forms)| {
                (
                    gid.as_str(),
                    forms
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|f| norm(str_of(f)))
                        .collect(),
                )
            })
            .collect();
        let optional: BTreeSet<String> = g
            .get("optional")
            .and_then(Value::as_array)
            .map_or_else(BTreeSet::new, |o| {
                o.iter().map(|f| norm(str_of(f))).collect()
            });
        let text = format!("{}\n{}", str_of(&art["title"]), str_of(&art["body"]));
        for (gid, forms) in required {
            let alts: Vec<&str> = forms.as_array().unwrap().iter().map(str_of).collect();
            let n = count_occurrences(&text, &alts);
            let got: usize = gold_forms[gid.as_str()]
                .iter()
                .map(|f| surfaces.get(f).copied().unwrap_or(0))
                .sum();
            occ_gold += n;
            occ_hit += n.min(got);
        }
        let mut matched: BTreeSet<&str> = BTreeSet::new();
        for (pid, forms) in &pred {
            let hits: Vec<&str> = gold_forms
                .iter()
                .filter(|(_, gf)| !gf.is_disjoint(forms))
                .map(|(g, _)| *g)
                .collect();
            if !hits.is_empty() {
                tp_p += 1;
                n_pred += 1;
                for gid in hits {
                    matched.insert(gid);
                    kind_n += 1;
                    kind_hit += usize::from(kinds.get(pid) == gold_kinds.get(gid));
                    let key = (doc.clone(), gid.to_owned());
                    let overlap = |p: &str| pred[p].intersection(&gold_forms[gid]).count();
                    let better = linked
                        .get(&key)
                        .is_none_or(|prev| overlap(pid) > overlap(prev));
                    if better {
                        linked.insert(key, (*pid).to_owned());
                    }
                }
            } else if forms.is_subset(&optional) {
                continue;
            } else {
                n_pred += 1;
            }
        }
        n_gold += gold_forms.len();
        tp_g += matched.len();
    }
    s.precision = if n_pred > 0 {
        tp_p as f64 / n_pred as f64
    } else {
        0.0
    };
    s.recall = if n_gold > 0 {
        tp_g as f64 / n_gold as f64
    } else {
        0.0
    };
    s.f1 = if s.precision + s.recall > 0.0 {
        2.0 * s.precision * s.recall / (s.precision + s.recall)
    } else {
        0.0
    };
    s.mention_recall = if occ_gold > 0 {
        occ_hit as f64 / occ_gold as f64
    } else {
        1.0
    };
    s.kind_accuracy = if kind_n > 0 {
        kind_hit as f64 / kind_n as f64
    } else {
        0.0
    };
    s.link_f1 = link_f1(docs, &linked);
    if let Some(rel) = gold.get("related").and_then(Value::as_object) {
        for (doc, want) in rel {
            let top = articles
                .get(doc.as_str())
                .and_then(|a| a["related"].as_array())
                .and_then(|r| r.first())
                .map(|r| str_of(&r["id"]));
            let ok = top.is_some_and(|t| {
                want["top1_any_of"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|w| str_of(w) == t)
            });
            s.related_hits += usize::from(ok);
            s.related_total += 1;
        }
    }
    s
}

fn link_f1(
    docs: &serde_json::Map<String, Value>,
    linked: &BTreeMap<(String, String), String>,
) -> Option<f64> {
    let mut docs_of: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (doc, g) in docs {
        for gid in g["required"].as_object().unwrap().keys() {
            docs_of.entry(gid.as_str()).or_default().push(doc.as_str());
        }
    }
    let mut gold_pairs = 0usize;
    let mut hit = 0usize;
    for (gid, ds) in &docs_of {
        for i in 0..ds.len() {
            for j in i + 1..ds.len() {
                gold_pairs += 1;
                let a = linked.get(&(ds[i].to_owned(), (*gid).to_owned()));
                let b = linked.get(&(ds[j].to_owned(), (*gid).to_owned()));
                hit += usize::from(a.is_some() && a == b);
            }
        }
    }
    if gold_pairs == 0 {
        return None;
    }
    let mut by_pid: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for ((doc, gid), pid) in linked {
        by_pid
            .entry(pid.as_str())
            .or_default()
            .push((doc.as_str(), gid.as_str()));
    }
    let (mut sys_pairs, mut sys_good) = (0usize, 0usize);
    for cells in by_pid.values() {
        for i in 0..cells.len() {
            for j in i + 1..cells.len() {
                if cells[i].0 != cells[j].0 {
                    sys_pairs += 1;
                    sys_good += usize::from(cells[i].1 == cells[j].1);
                }
            }
        }
    }
    let r = hit as f64 / gold_pairs as f64;
    let p = if sys_pairs > 0 {
        sys_good as f64 / sys_pairs as f64
    } else {
        1.0
    };
    Some(if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    })
}

/// Case-insensitive, non-overlapping occurrences of any of `alts` (longest first) with no word
/// character on either side, like score.py's regular expression.
fn count_occurrences(text: &str, alts: &[&str]) -> usize {
    let text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    let mut alts: Vec<Vec<char>> = alts
        .iter()
        .map(|a| a.chars().flat_map(char::to_lowercase).collect())
        .collect();
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    alts.dedup();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut count = 0;
    let mut i = 0;
    while i < text.len() {
        let before_ok = i == 0 || !word(text[i - 1]);
        let found = before_ok
            .then(|| {
                alts.iter().find(|a| {
                    !a.is_empty()
                        && text[i..].starts_with(a)
                        && text.get(i + a.len()).is_none_or(|&c| !word(c))
                })
            })
            .flatten();
        match found {
            Some(a) => {
                count += 1;
                i += a.len();
            }
            None => i += 1,
        }
    }
    count
}
