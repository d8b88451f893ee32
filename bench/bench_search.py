"""Search quality and analyzer speed: diplolib.search against the anchors, same run.

Quality, on the held-out part of ``bench/search_eval/eval.json`` (``--split dev`` while
developing; see ``bench/search_eval/README.md``):

* **group recall**: share of word-form groups whose forms all give one token;
* **must-not separation**: share of pairs (derivation, other words) that give two tokens;
* **romanised names found**: share of (English spelling, Azerbaijani form) pairs that match;
* **queries answered**: share of queries whose relevant snippet is in the top 3.

Anchors: **unicode61** (SQLite FTS5's default tokenizer, run in SQLite itself: no stemming),
**Snowball Turkish** on Azerbaijani text (``snowballstemmer``, words split at non-letters,
Azerbaijani lower case), and **PostgreSQL simple** (lower case, no stemming; emulated: the
default parser's hyphenated words are kept whole, as ``simple`` indexes them, beside
their parts). A token for a text is its first token; for names and queries a match is a
shared token (diplolib also matches name keys).

Speed: analyzer throughput in MB/s of UTF-8 text: diplolib's Azerbaijani analyzer on the
Azerbaijani corpus, beside Snowball's English stemmer (pure-Python ``snowballstemmer`` and
PyStemmer's C build) on the English corpus, and diplolib's English analyzer. Each repeat
runs every side once, interleaved, with a fresh analyzer (cold caches); the best of
``--repeat`` repeats is kept. Names at index time versus at query time: build time, query
time and names found.

Usage: ``python bench/bench_search.py --corpora DIR [--split heldout|dev] [--repeat 3]``
where DIR holds ``az.txt`` and ``en.txt`` (one sentence a line).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import statistics
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from diplolib import az
from diplolib.models import Article
from diplolib.search import Analyzer, Index, _name_keys, name_keys

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[^\W_]+")
HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+|[^\W_]+")

Tokenize = Callable[[str], list[str]]


# -- anchors ------------------------------------------------------------------------------


class Unicode61:
    """SQLite FTS5's unicode61 tokenizer, asked through an fts5vocab table."""

    def __init__(self) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61')")
        self.db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        self.cache: dict[str, list[str]] = {}

    def __call__(self, text: str) -> list[str]:
        found = self.cache.get(text)
        if found is None:
            self.db.execute("DELETE FROM t")
            self.db.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (text,))
            rows = self.db.execute("SELECT term FROM v ORDER BY offset").fetchall()
            found = self.cache[text] = [row[0] for row in rows]
        return found


def pg_simple(text: str) -> list[str]:
    """PostgreSQL's ``simple`` configuration, emulated: lower case, whole hyphenated words
    and their parts, no stemming."""
    out: list[str] = []
    for match in HYPHENATED.finditer(text):
        word = match.group().lower()
        if "-" in word:
            out.append(word)
            out.extend(word.split("-"))
        else:
            out.append(word)
    return out


def snowball_turkish() -> Tokenize:
    import snowballstemmer

    stemmer = snowballstemmer.stemmer("turkish")

    def tokenize(text: str) -> list[str]:
        return [stemmer.stemWord(az.lower(w)) for w in WORD.findall(text)]

    return tokenize


def diplolib_az(analyzer: Analyzer) -> Tokenize:
    return lambda text: analyzer.analyze(text, "az")


# -- quality --------------------------------------------------------------------------------


def first(tokenize: Tokenize, text: str) -> str | None:
    tokens = tokenize(text)
    return tokens[0] if tokens else None


def group_recall(tokenize: Tokenize, groups: Sequence[dict[str, Any]]) -> tuple[float, list[Any]]:
    misses = []
    for group in groups:
        tokens = {first(tokenize, form) for form in group["forms"]}
        if len(tokens) != 1:
            misses.append((group["lemma"], sorted(map(str, tokens))))
    return 1 - len(misses) / len(groups), misses


def separation(tokenize: Tokenize, pairs: Sequence[dict[str, Any]]) -> tuple[float, list[Any]]:
    merged = [
        p["pair"] for p in pairs if first(tokenize, p["pair"][0]) == first(tokenize, p["pair"][1])
    ]
    return 1 - len(merged) / len(pairs), merged


def names_found(
    tokenize: Tokenize, names: Sequence[dict[str, str]], keys: bool
) -> tuple[float, list[Any]]:
    missed = []
    for entry in names:
        one, other = entry["en"], entry["az"]
        hit = first(tokenize, one) == first(tokenize, other)
        if keys and not hit:
            hit = bool(set(name_keys(one)) & set(name_keys(other)))
        if not hit:
            missed.append((one, other))
    return 1 - len(missed) / len(names), missed


class MiniBM25:
    """BM25 over one field with every query word required: the anchors' ranking."""

    def __init__(self, docs: dict[str, str], tokenize: Tokenize) -> None:
        self.tokenize = tokenize
        self.docs = {key: tokenize(text) for key, text in docs.items()}
        self.average = statistics.mean(len(t) for t in self.docs.values())

    def search(self, query: str, limit: int = 3) -> list[str]:
        words = self.tokenize(query)
        scores: dict[str, float] = {}
        for key, tokens in self.docs.items():
            score = 0.0
            for word in words:
                tf = tokens.count(word)
                if not tf:
                    break
                df = sum(1 for t in self.docs.values() if word in t)
                idf = math.log(1 + (len(self.docs) - df + 0.5) / (df + 0.5))
                norm = 1 - 0.75 + 0.75 * len(tokens) / self.average
                score += idf * tf * 2.2 / (tf + 1.2 * norm)
            else:
                if words:
                    scores[key] = score
        return [k for k, _ in sorted(scores.items(), key=lambda kv: -kv[1])[:limit]]


def snippet_articles(snippets: dict[str, dict[str, str]]) -> list[Article]:
    return [
        Article.model_validate(
            {
                "id": key,
                "slug": dict.fromkeys(texts, key),
                "section": {"id": "news", "name": {"en": "News", "az": "Xəbərlər"}},
                "title": dict.fromkeys(texts, key),
                "body": [texts],
                "published": "2020-01-01T00:00:00Z",
                "original_language": "az",
            }
        )
        for key, texts in snippets.items()
    ]


def queries_answered_diplolib(
    index: Index, queries: Sequence[dict[str, Any]]
) -> tuple[float, list[Any]]:
    missed = []
    for q in queries:
        found = [h.item.id for h in index.search(q["query"], lang=q["lang"], limit=3)]
        if not set(q["relevant"]) & set(found):
            missed.append(q["query"])
    return 1 - len(missed) / len(queries), missed


def queries_answered_anchor(
    tokenize: Tokenize, snippets: dict[str, dict[str, str]], queries: Sequence[dict[str, Any]]
) -> tuple[float, list[Any]]:
    missed = []
    by_lang: dict[str, MiniBM25] = {}
    for lang in ("az", "en"):
        by_lang[lang] = MiniBM25({k: v[lang] for k, v in snippets.items()}, tokenize)
    for q in queries:
        found = by_lang[q["lang"]].search(q["query"])
        if not set(q["relevant"]) & set(found):
            missed.append(q["query"])
    return 1 - len(missed) / len(queries), missed


# -- speed ------------------------------------------------------------------------------------


def throughput(corpora: Path, repeat: int) -> dict[str, float]:
    import snowballstemmer
    from snowballstemmer.english_stemmer import EnglishStemmer

    az_text = (corpora / "az.txt").read_text(encoding="utf-8")
    en_text = (corpora / "en.txt").read_text(encoding="utf-8")
    az_mb = len(az_text.encode()) / 1e6
    en_mb = len(en_text.encode()) / 1e6

    def ours_az() -> None:
        Analyzer().analyze(az_text, "az")

    warm = Analyzer()
    warm.analyze(az_text, "az")

    def ours_az_warm() -> None:
        warm.analyze(az_text, "az")

    def ours_en() -> None:
        Analyzer().analyze(en_text, "en")

    def snowball_python() -> None:
        stem = EnglishStemmer().stemWord
        [stem(w.lower()) for w in WORD.findall(en_text)]

    def snowball_c() -> None:
        stem = snowballstemmer.stemmer("english").stemWord  # PyStemmer when installed
        [stem(w.lower()) for w in WORD.findall(en_text)]

    sides: dict[str, tuple[Callable[[], None], float]] = {
        "diplolib az analyzer, az corpus": (ours_az, az_mb),
        "diplolib az analyzer, az corpus, stems cached": (ours_az_warm, az_mb),
        "diplolib en analyzer, en corpus": (ours_en, en_mb),
        "snowballstemmer (pure Python) English, en corpus": (snowball_python, en_mb),
        "PyStemmer (C) English, en corpus": (snowball_c, en_mb),
    }
    best = dict.fromkeys(sides, math.inf)
    for _ in range(repeat):
        for name, (run, _) in sides.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return {name: sides[name][1] / best[name] for name in sides}


def names_placement(
    snippets: dict[str, dict[str, str]], names_queries: Sequence[dict[str, Any]], repeat: int
) -> dict[str, dict[str, float]]:
    articles = snippet_articles(snippets)
    out: dict[str, dict[str, float]] = {}
    results: dict[str, dict[str, list[float]]] = {"index": {}, "query": {}}
    found: dict[str, float] = {}
    for _ in range(repeat):
        for mode in ("index", "query"):
            _name_keys.cache_clear()  # each side pays for its own name keys
            started = time.perf_counter()
            index = Index(articles, names=mode)  # type: ignore[arg-type]
            build = time.perf_counter() - started
            times = []
            hits = 0
            for q in names_queries:
                started = time.perf_counter()
                got = index.search(q["query"], lang=q["lang"], limit=3)
                times.append(time.perf_counter() - started)
                hits += bool({h.item.id for h in got} & set(q["relevant"]))
            cell = results[mode]
            cell.setdefault("build", []).append(build)
            cell.setdefault("first", []).append(times[0])
            cell.setdefault("median", []).append(statistics.median(times))
            found[mode] = hits / len(names_queries)
    for mode, cell in results.items():
        out[mode] = {key: min(values) for key, values in cell.items()} | {"found": found[mode]}
    return out


# -- report -----------------------------------------------------------------------------------


def split(items: Iterable[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    return [item for item in items if item["split"] == which]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True)
    parser.add_argument("--split", choices=["heldout", "dev"], default="heldout")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list what each side got wrong")
    args = parser.parse_args(argv)

    data = json.loads((HERE / "search_eval" / "eval.json").read_text(encoding="utf-8"))
    groups = split(data["groups"], args.split)
    pairs = split(data["must_not"], args.split)
    names = split(data["names"], args.split)
    queries = split(data["queries"], args.split)
    snippets = data["snippets"]
    print(
        f"split {args.split}: {len(groups)} groups, {len(pairs)} must-not pairs, "
        f"{len(names)} name pairs, {len(queries)} queries over {len(snippets)} snippets"
    )

    analyzer = Analyzer()
    sides: dict[str, Tokenize] = {
        "diplolib": diplolib_az(analyzer),
        "unicode61 (FTS5, no stemming)": Unicode61(),
        "Snowball Turkish": snowball_turkish(),
        "PostgreSQL simple": pg_simple,
    }
    index = Index(snippet_articles(snippets))
    header = f"{'':32} {'groups':>8} {'must-not':>9} {'names':>7} {'queries':>8}"
    print(header)
    for name, tokenize in sides.items():
        recall, group_misses = group_recall(tokenize, groups)
        sep, merged = separation(tokenize, pairs)
        named, name_misses = names_found(tokenize, names, keys=name == "diplolib")
        if name == "diplolib":
            answered, query_misses = queries_answered_diplolib(index, queries)
        else:
            answered, query_misses = queries_answered_anchor(
                unicode_nfc(tokenize), snippets, queries
            )
        print(f"{name:32} {recall:8.1%} {sep:9.1%} {named:7.1%} {answered:8.1%}")
        if args.misses and name == "diplolib":
            print("  groups missed:", group_misses)
            print("  pairs merged:", merged)
            print("  names missed:", name_misses)
            print("  queries missed:", query_misses)
    print("goals: groups ≥ 95 %, must-not ≥ 98 %, names ≥ 95 %")

    print(f"\nanalyzer throughput, best of {args.repeat}, interleaved:")
    for name, rate in throughput(args.corpora, args.repeat).items():
        print(f"  {name:52} {rate:6.2f} MB/s")
    print("goal: diplolib az ≥ 1 MB/s")

    name_queries = [q for q in data["queries"] if q["split"] == args.split]
    print(f"\nname keys at index time vs at query time ({len(name_queries)} queries):")
    for mode, cell in names_placement(snippets, name_queries, args.repeat).items():
        print(
            f"  names={mode:6} build {cell['build'] * 1e3:7.1f} ms   first query "
            f"{cell['first'] * 1e3:6.2f} ms   median query {cell['median'] * 1e3:6.2f} ms   "
            f"relevant in top 3 {cell['found']:.1%}"
        )
    return 0


def unicode_nfc(tokenize: Tokenize) -> Tokenize:
    return lambda text: tokenize(unicodedata.normalize("NFC", text))


if __name__ == "__main__":
    raise SystemExit(main())
