#!/usr/bin/env python3
"""Scores an export against people's ratings of news pairs (SemEval-2022 Task 8, as in
shared/related-train): Pearson r between a pair's score in the export and 4 - overall, over all
pairs and per language pair, beside a plain TF-IDF cosine of the same texts. A pair that is in
neither article's related list scores 0 (the export says nothing relates them).

This is the end-to-end figure of the release binary; with the coefficients fitted on the same
pairs it is an in-sample figure. The cross-validated one is scripts/fit_relatedness.py's.

usage:
  cargo run --release -- export ../shared/related-train/corpus --no-index > rt.json
  python3 scripts/rated_pairs.py rt.json ../shared/related-train/pairs.tsv \
      ../shared/related-train/corpus [--field relatedness|score]
"""
import csv
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def tfidf(corpus):
    docs = {}
    for name in os.listdir(corpus):
        if name.endswith(".txt"):
            text = open(os.path.join(corpus, name), encoding="utf-8").read().lower()
            docs[name[:-4]] = Counter(re.findall(r"\w+", text))
    df = Counter(w for c in docs.values() for w in c)
    n = len(docs)
    vec = {}
    for k, c in docs.items():
        v = {w: (1 + math.log(tf)) * math.log(n / df[w]) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[k] = {w: x / norm for w, x in v.items()}
    return lambda a, b: sum(x * vec[b].get(w, 0.0) for w, x in vec[a].items())


def main():
    export, pairs, corpus = sys.argv[1:4]
    field = sys.argv[sys.argv.index("--field") + 1] if "--field" in sys.argv else "relatedness"
    arts = json.load(open(export))["articles"]
    stem = {a["id"]: os.path.splitext(os.path.basename(a["source"]))[0] for a in arts}
    score = {}
    for a in arts:
        for r in a["related"]:
            key = frozenset((stem[a["id"]], stem[r["id"]]))
            score[key] = max(score.get(key, 0.0), r[field])
    rows = list(csv.DictReader(open(pairs), delimiter="\t"))
    cos = tfidf(corpus)
    groups = defaultdict(lambda: ([], [], []))
    covered = 0
    for r in rows:
        key = frozenset((r["a"], r["b"]))
        covered += key in score
        g = "-".join(sorted((r["lang_a"], r["lang_b"])))
        for name in ("all", g):
            ours, base, gold = groups[name]
            ours.append(score.get(key, 0.0))
            base.append(cos(r["a"], r["b"]))
            gold.append(4.0 - float(r["overall"]))
    print(f"{len(rows)} pairs, {covered} with a score ({field})")
    for name in ["all"] + sorted(k for k in groups if k != "all"):
        ours, base, gold = groups[name]
        print(f"  {name:6} n={len(gold):3}  dossier r {pearson(ours, gold):.3f}  TF-IDF r {pearson(base, gold):.3f}")


if __name__ == "__main__":
    main()
