#!/usr/bin/env python3
"""Fits the relatedness score (src/index/relatedness.rs) as a ridge regression of people's
ratings of real news pairs on what the two articles share, and reports k-fold cross-validated
Pearson r (all pairs and per language pair) beside a plain TF-IDF cosine over all words.

The ratings are SemEval-2022 Task 8's (shared/related-train: 1 = the same story … 4 =
unrelated); the score predicts 4 - overall, scaled to 0..1. Only the cross-validated figures
say how it ranks pairs it was not fitted on; the coefficients printed last are fitted on all.

usage (numpy needed: pip install numpy):
  cargo run --release --example relatedness_pairs -- ../shared/related-train/corpus \
      ../shared/related-train/pairs.tsv > rated.tsv
  python3 scripts/fit_relatedness.py rated.tsv ../shared/related-train/corpus \
      ../shared/related-train/pairs.tsv
"""
import csv
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rated_pairs import tfidf  # noqa: E402

FOLDS = 10
RIDGE = 1.0


def pearson(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    x, y = x - x.mean(), y - y.mean()
    d = math.sqrt((x * x).sum() * (y * y).sum())
    return float((x * y).sum() / d) if d else 0.0


def tfidf_baseline(rows, corpus):
    """Plain TF-IDF cosine over lower-cased words of the whole text: the task's baseline."""
    cos = tfidf(corpus)
    return [cos(r["a"], r["b"]) for r in rows]


# The model's terms: a feature, or "across*feature" (counted only for pairs in two languages).
# Chosen by forward selection on these pairs (each step the term that raised the
# cross-validated r most, until none did): the figures below are therefore a little optimistic.
MODEL = [
    "word_cosine",
    "number_cosine",
    "across*word_cosine",
    "across*cognate_cosine",
    "org_jaccard",
    "across*title_overlap",
    "entity_info",
    "place_jaccard",
    "across*number_cosine",
    "cognate_cosine",
    "entity_cosine",
    "entity_jaccard",
]
SEEDS = 5


def column(rows, term):
    if term.startswith("across*"):
        return [(1.0 - float(r["same_lang"])) * float(r[term[7:]]) for r in rows]
    return [float(r[term]) for r in rows]


def design(rows, terms):
    return np.column_stack([np.ones(len(rows))] + [column(rows, t) for t in terms])


def ridge(x, y, lam=RIDGE):
    reg = np.eye(x.shape[1]) * lam
    reg[0, 0] = 0.0
    return np.linalg.solve(x.T @ x + reg, x.T @ y)


def cross_validated(x, y, seed):
    fold = np.random.default_rng(seed).permutation(len(y)) % FOLDS
    pred = np.zeros(len(y))
    for k in range(FOLDS):
        w = ridge(x[fold != k], y[fold != k])
        pred[fold == k] = x[fold == k] @ w
    return pred


def main():
    rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
    y = np.array([(4.0 - float(r["overall"])) / 3.0 for r in rows])
    x = design(rows, MODEL)
    preds = [cross_validated(x, y, s) for s in range(SEEDS)]
    groups = {"all": np.ones(len(rows), bool)}
    if len(sys.argv) > 3:
        lang = {}
        for r in csv.DictReader(open(sys.argv[3]), delimiter="\t"):
            lang[(r["a"], r["b"])] = "-".join(sorted((r["lang_a"], r["lang_b"])))
        kinds = np.array([lang[(r["a"], r["b"])] for r in rows])
        for g in sorted(set(kinds)):
            groups[g] = kinds == g
    base = np.array(tfidf_baseline(rows, sys.argv[2])) if len(sys.argv) > 2 else None
    print(f"{len(rows)} pairs; {FOLDS}-fold cross-validated Pearson r, mean of {SEEDS} fold draws:")
    for g, m in groups.items():
        r = np.mean([pearson(p[m], y[m]) for p in preds])
        line = f"  {g:6} {m.sum():3} pairs  r {r:.3f}"
        if base is not None:
            line += f"  (TF-IDF cosine {pearson(base[m], y[m]):.3f})"
        print(line)
    w = ridge(x, y)
    print("coefficients (fitted on all pairs), as src/index/relatedness.rs holds them:")
    print(f"    pub const BIAS: f32 = {w[0]:.4f};")
    for t, v in zip(MODEL, w[1:]):
        name = t.replace("across*", "across_").upper()
        print(f"    pub const {name}: f32 = {v:.4f};")


if __name__ == "__main__":
    main()
