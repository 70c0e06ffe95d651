#!/usr/bin/env python3
"""The five related-story figures of issue #10 on a parallel corpus (the UNER German and English
test sets: the same documents in both languages), and a plain TF-IDF cosine baseline.

usage:
  python3 ../shared/eval/ner_corpus.py iob2 ../shared/eval/ner/uner-pud/de_pud-ud-test.iob2 /tmp/uner-de --lang de
  python3 ../shared/eval/ner_corpus.py iob2 ../shared/eval/ner/uner-pud/en_pud-ud-test.iob2 /tmp/uner-en --lang en
  mkdir -p /tmp/uner-both/de /tmp/uner-both/en
  cp /tmp/uner-de/corpus/*.txt /tmp/uner-both/de/ && cp /tmp/uner-en/corpus/*.txt /tmp/uner-both/en/
  cargo run --release -- export /tmp/uner-both > both.json
  python3 scripts/translation_retrieval.py both.json [--baseline]

Figures (a document is `NNNN` in `de/` or `en/`; its translation is the same name in the other):
  top-1        share of articles whose first related article is their translation
  top-5        share with the translation among the first five
  folded       share of translation pairs that carry the same story id
  purity       share of story rows of 2+ articles that hold one document only
  empty why    share of related entries that name no shared entity and no shared word
  false ≥ 0.5  related entries in the other language, not the translation, scoring at least 0.5
tests/quality.rs computes the same figures with the same definitions.
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


def figures(arts):
    key = {a["id"]: doc_of(a) for a in arts}
    other = lambda k: (k[0], "en" if k[1] == "de" else "de")
    by_key = {key[a["id"]]: a for a in arts}
    n = len(arts)
    top1 = sum(1 for a in arts if a["related"][:1] and key[a["related"][0]["id"]] == other(key[a["id"]]))
    top5 = sum(1 for a in arts if other(key[a["id"]]) in [key[r["id"]] for r in a["related"][:5]])
    pairs = [(k, other(k)) for k in by_key if k[1] == "de" and other(k) in by_key]
    folded = sum(1 for x, y in pairs if by_key[x]["story"] == by_key[y]["story"])
    rows = collections.defaultdict(set)
    for a in arts:
        rows[a["story"]].add(key[a["id"]])
    multi = [r for r in rows.values() if len(r) > 1]
    pure = sum(1 for r in multi if len({d for d, _ in r}) == 1)
    entries = [(a, r) for a in arts for r in a["related"]]
    empty = sum(1 for _, r in entries if not r["shared"] and not r.get("words"))
    false_hi = sum(
        1
        for a, r in entries
        if key[r["id"]][1] != key[a["id"]][1] and key[r["id"]] != other(key[a["id"]]) and r["score"] >= 0.5
    )
    return {
        "top-1": top1 / n,
        "top-5": top5 / n,
        "folded": folded / max(len(pairs), 1),
        "purity": pure / max(len(multi), 1),
        "empty why": empty / max(len(entries), 1),
        "false >= 0.5": false_hi,
        "rows 2+": len(multi),
        "entries": len(entries),
    }


def baseline(arts):
    key = {a["id"]: doc_of(a) for a in arts}
    other = lambda k: (k[0], "en" if k[1] == "de" else "de")
    n = len(arts)
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
    print(f"TF-IDF cosine:  top-1 {b1 / n:.3f}  top-5 {b5 / n:.3f}")


def main(argv):
    arts = json.load(open(argv[0], encoding="utf-8"))["articles"]
    f = figures(arts)
    print(f"dossier ({len(arts)} articles, {f['entries']} related entries, {f['rows 2+']} story rows of 2+):")
    for k in ["top-1", "top-5", "folded", "purity", "empty why"]:
        print(f"  {k:<12} {f[k]:.3f}")
    print(f"  {'false >= 0.5':<12} {f['false >= 0.5']}")
    if "--baseline" in argv:
        baseline(arts)


if __name__ == "__main__":
    main(sys.argv[1:])
