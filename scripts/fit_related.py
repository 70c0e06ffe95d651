#!/usr/bin/env python3
"""Fits the related-story score (src/index/related.rs: `probability`) as a logistic regression
of a pair's evidence on "same story", and prints the coefficients and a calibration table.

Same-story pairs come from the UNER German and English test documents (shared/eval/ner/uner-pud):
a document and its translation, and the two halves of one document in either language (the
same story told in different sentences, also within one language). Every other pair that
shares anything is a different story. It is the shared set that the issue says to tune on; the
five figures are measured on the whole documents, not the halves.

usage (numpy needed: pip install numpy):
  python3 scripts/fit_related.py halves /tmp/uner-both /tmp/uner-halves     # writes the halves
  cargo run --release --example pair_evidence -- /tmp/uner-both > both.tsv
  cargo run --release --example pair_evidence -- /tmp/uner-halves > halves.tsv
  python3 scripts/fit_related.py fit both.tsv halves.tsv
"""
import csv
import glob
import math
import os
import sys

NAMES = [
    "bias",
    "same language",
    "entity cosine",
    "entity info",
    "term cosine, same language",
    "term cosine, across",
    "term info, across",
    "number cosine",
    "cognate cosine, across",
]


def key(path):
    return os.path.basename(path)[:-4], os.path.basename(os.path.dirname(path))


def same_story(a, b):
    (da, _), (db, _) = key(a), key(b)
    return da.split("-")[0] == db.split("-")[0]


def features(r):
    e, i, t, ti, c, n = (float(r[k]) for k in ("entities", "info", "terms", "term_info", "cognates", "numbers"))
    s = int(r["same_lang"])
    # Summed rarity is a log-likelihood ratio of sorts (sharing a name n articles carry says
    # about ln n): it enters as it is, not squashed.
    # Capped: long articles on one topic share many common names and words, and no amount of
    # that makes them one story.
    li, lt = min(max(i, 0.0), 12.0), min(max(ti, 0.0), 15.0)
    t = min(t, 0.4)
    # The rarity of shared words within one language is left out: long articles in one
    # language always share enough words to reach the cap.
    return [1.0, s, e, li, t * s, t * (1 - s), lt * (1 - s), n, c * (1 - s)]


def fit(paths):
    import numpy as np

    rows = [r for p in paths for r in csv.DictReader(open(p), delimiter="\t")]
    x = np.array([features(r) for r in rows])
    y = labels = np.array([1.0 if same_story(r["a"], r["b"]) else 0.0 for r in rows])
    w = np.zeros(x.shape[1])
    reg = np.eye(len(w)) * 1e-2
    reg[0, 0] = 0.0
    for _ in range(50):  # Newton's method
        p = 1 / (1 + np.exp(-x @ w))
        h = x.T @ (x * (p * (1 - p))[:, None]) + reg
        w -= np.linalg.solve(h, x.T @ (p - y) + reg @ w)
    for n, v in zip(NAMES, w):
        print(f"{n:24} {v:8.3f}")
    p = 1 / (1 + np.exp(-x @ w))
    print(f"{len(y)} pairs, {int(y.sum())} same story")
    # On the whole documents (the first file): the translation at the top, and other-language
    # pairs that are not translations scoring 0.5 or more.
    both = [r for r in csv.DictReader(open(paths[0]), delimiter="\t")]
    pb = 1 / (1 + np.exp(-np.array([features(r) for r in both]) @ w))
    best = {}
    false_hi = 0
    for r, q in zip(both, pb):
        a, b = key(r["a"]), key(r["b"])
        for x, z in ((a, b), (b, a)):
            if q > best.get(x, (-1, None))[0]:
                best[x] = (q, z)
        false_hi += 2 * int(a[1] != b[1] and a[0] != b[0] and q >= 0.5)
    top1 = sum(1 for x, (_, z) in best.items() if z == (x[0], "en" if x[1] == "de" else "de"))
    print(f"whole documents: translation on top {top1}/{len(best)}, other-language >= 0.5: {false_hi}")
    for lo in np.arange(0, 1, 0.1):
        m = (p >= lo) & (p < lo + 0.1)
        if m.sum():
            print(f"  predicted [{lo:.1f}, {lo + 0.1:.1f}): {m.sum():6d} pairs, {labels[m].mean():.3f} same story")


def halves(src, dst):
    for lang in ("de", "en"):
        os.makedirs(os.path.join(dst, lang), exist_ok=True)
        for path in glob.glob(os.path.join(src, lang, "*.txt")):
            lines = [l for l in open(path, encoding="utf-8").read().split("\n") if l.strip()]
            if len(lines) < 4:
                continue
            h = len(lines) // 2
            name = os.path.basename(path)[:-4]
            for part, chunk in (("a", lines[:h]), ("b", lines[h:])):
                with open(os.path.join(dst, lang, f"{name}-{part}.txt"), "w", encoding="utf-8") as f:
                    f.write("\n\n".join(chunk) + "\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["halves"]:
        halves(sys.argv[2], sys.argv[3])
    else:
        fit(sys.argv[2:])
