#!/usr/bin/env python3
"""How often each document's translation is found among its related stories: dossier's related
lists against a plain TF-IDF cosine baseline, on the UNER German and English test sets (the same
sentences in both languages).

usage:
  python3 ../shared/eval/ner_corpus.py iob2 ../shared/eval/ner/uner-pud/de_pud-ud-test.iob2 /tmp/uner-de --lang de
  python3 ../shared/eval/ner_corpus.py iob2 ../shared/eval/ner/uner-pud/en_pud-ud-test.iob2 /tmp/uner-en --lang en
  mkdir -p /tmp/uner-both/de /tmp/uner-both/en
  cp /tmp/uner-de/corpus/*.txt /tmp/uner-both/de/ && cp /tmp/uner-en/corpus/*.txt /tmp/uner-both/en/
  cargo run --release -- export /tmp/uner-both --related-limit 5 > both.json
  python3 scripts/translation_retrieval.py both.json
"""
import collections
import json
import math
import os
import re
import sys


def doc_of(article):
    path = article["source"]
    return os.path.splitext(os.path.basename(path))[0], os.path.basename(os.path.dirname(path))


def main(path):
    export = json.load(open(path, encoding="utf-8"))
    arts = export["articles"]
    key = {a["id"]: doc_of(a) for a in arts}
    other = lambda k: (k[0], "en" if k[1] == "de" else "de")
    n = len(arts)
    top1 = sum(1 for a in arts if a["related"][:1] and key[a["related"][0]["id"]] == other(key[a["id"]]))
    top5 = sum(1 for a in arts if other(key[a["id"]]) in [key[r["id"]] for r in a["related"][:5]])
    print(f"dossier:            top-1 {top1 / n:.3f}  top-5 {top5 / n:.3f}  ({n} documents)")

    tokens = {a["id"]: re.findall(r"\w+", (a["title"] + " " + a["body"]).lower()) for a in arts}
    df = collections.Counter(w for t in tokens.values() for w in set(t))
    vec = {}
    for k, t in tokens.items():
        c = collections.Counter(t)
        v = {w: (1 + math.log(m)) * math.log(1 + n / df[w]) for w, m in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vec[k] = {w: x / norm for w, x in v.items()}
    b1 = b5 = 0
    for k in vec:
        sims = sorted(((sum(x * vec[j].get(w, 0.0) for w, x in vec[k].items()), j) for j in vec if j != k), reverse=True)[:5]
        ranked = [key[j] for _, j in sims]
        b1 += ranked[:1] == [other(key[k])]
        b5 += other(key[k]) in ranked
    print(f"TF-IDF cosine:      top-1 {b1 / n:.3f}  top-5 {b5 / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
