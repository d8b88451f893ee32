"""Search quality, analyzer speed and store search speed: diplolib.search against anchors.

Quality, on the held-out part of ``bench/search_eval/eval.json`` (``--split dev`` while
developing; see ``bench/search_eval/README.md``):

* **group recall**: share of word-form groups whose forms all give one token;
* **must-not separation**: share of pairs (derivation, other words) that give two tokens;
* **romanised names found**: share of (English spelling, Azerbaijani form) pairs that match;
* **queries answered**: share of queries whose relevant snippet is in the top 3.

Anchors: **unicode61** (SQLite FTS5's default tokenizer, run in SQLite itself: no stemming),
**Snowball Turkish** on Azerbaijani text (``snowballstemmer``, words split at non-letters,
Azerbaijani lower case), and **PostgreSQL simple** (lower case, no stemming), run in a real
server: the lexemes of ``to_tsvector('simple', text)`` in the order of their positions, all
texts sent in a few batched queries, in a database whose ``LC_CTYPE`` is ``C.UTF-8`` (the
throwaway server's own ``C`` would leave non-ASCII capitals alone). The server is
``--postgres URL`` or a throwaway one started as ``bench_store.py`` starts it; only when
PostgreSQL is not installed is ``simple`` emulated (the default parser's hyphenated words
kept whole beside their parts), and the report says so. A token for a text is its first
token; for names and queries a match is a shared token (diplolib also matches name keys).

Speed: analyzer throughput in MB/s of UTF-8 text: diplolib's Azerbaijani analyzer on the
Azerbaijani corpus, beside Snowball's English stemmer (pure-Python ``snowballstemmer`` and
PyStemmer's C build) on the English corpus, and diplolib's English analyzer. Each repeat
runs every side once, interleaved, with a fresh analyzer (cold caches); the best of
``--repeat`` repeats is kept. Names at index time versus at query time: build time, query
time and names found.

Store search (``--store-articles N``, default 2,000; 0 leaves it out; the issue's figure is
100,000): a content folder made by ``bench_store.py``'s generator is imported into a SQLite
store and a PostgreSQL one (the same server as the anchor; ``--store-backends``). Reported:
the import time (search index included) and ``reindex()`` time per backend, then p50/p99
of ``store.search(..., limit=10)`` per backend for a rare word, a name in English spelling
(``Shahar 12`` for the place ``Şəhər 12``), a word in about a third of the articles, a
two-word phrase, two such words unquoted, a prefix query and the evaluation queries of
``--split``. Every repeat asks
every query of both backends, alternating which goes first; each backend keeps its repeat
with the best p50. Each query's top 10 are then compared between the backends as
score-grouped sets (hits of equal score form one group; the group cut by the 10th place
must have the same members when the 40 hits fetched show all of it, else the same size)
and the mismatches are counted.

Usage: ``python bench/bench_search.py --corpora DIR [--split heldout|dev] [--repeat 3]
[--store-articles N] [--postgres URL]`` where DIR holds ``az.txt`` and ``en.txt`` (one
sentence a line).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bench_store import WORDS_AZ, entity_ids, generate, percentile, postgres_bindir, start_postgres

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


class Postgres:
    """The run's PostgreSQL server: ``--postgres URL``, or a throwaway one started on first use
    with ``bench_store.start_postgres`` and stopped by :meth:`close`. ``missing`` says why
    there is none."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self.given = url is not None
        self.missing = ""
        self.stop: list[str] | None = None
        self.root: Path | None = None

    def start(self) -> str | None:
        """The server's SQLAlchemy URL, or None (with ``missing`` set) when there is none."""
        if self.url is None and not self.missing:
            try:
                import psycopg  # noqa: F401
            except ImportError:
                self.missing = "psycopg is not installed (pip install 'diplolib[postgres]')"
                return None
            if postgres_bindir() is None:
                self.missing = "PostgreSQL is not installed (no initdb and pg_ctl found)"
                return None
            self.root = Path(tempfile.mkdtemp(prefix="diplolib-bench-search-pg-"))
            self.url, self.stop = start_postgres(self.root)
        return self.url

    def conninfo(self, database: str | None = None) -> str:
        """A libpq URL for psycopg: the server's, or another database on it."""
        from sqlalchemy.engine import make_url

        assert self.url is not None
        url = make_url(self.url).set(drivername="postgresql")
        if database is not None:
            url = url.set(database=database)
        return url.render_as_string(hide_password=False)

    def anchor_database(self) -> str:
        """A libpq URL of a database for the ``simple`` anchor: on a throwaway server a new
        UTF-8 database with a UTF-8 ``LC_CTYPE`` (so capitals such as Ə and İ are lowered, as
        on a production server); a given server's database as it is."""
        if self.given:
            return self.conninfo()
        import psycopg

        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            conn.execute(
                "CREATE DATABASE bench_simple TEMPLATE template0 ENCODING 'UTF8' "
                "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
            )
        return self.conninfo("bench_simple")

    def close(self) -> None:
        if self.stop is not None:
            subprocess.run(self.stop, check=False, capture_output=True)
            self.stop = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None


class PostgresSimple:
    """PostgreSQL's ``simple`` configuration, asked of a real server: the lexemes of
    ``to_tsvector('simple', text)`` in the order of their positions. :meth:`prepare` sends
    texts in batches of ``BATCH``; a text not prepared costs a round trip of its own."""

    BATCH = 5000
    QUERY = (
        "SELECT t.n, v.lexeme, v.positions"
        " FROM unnest(%s::text[]) WITH ORDINALITY AS t(body, n),"
        " LATERAL unnest(to_tsvector('simple', t.body)) AS v"
    )

    def __init__(self, conninfo: str) -> None:
        import psycopg

        self.conn = psycopg.connect(conninfo, autocommit=True)
        settings = self.conn.execute(
            "SELECT current_setting('server_version'), current_setting('lc_ctype')"
        ).fetchone()
        assert settings is not None
        self.version, self.ctype = settings
        self.cache: dict[str, list[str]] = {}
        self.calls = 0

    def prepare(self, texts: Iterable[str]) -> None:
        todo = list(dict.fromkeys(text for text in texts if text not in self.cache))
        for start in range(0, len(todo), self.BATCH):
            chunk = todo[start : start + self.BATCH]
            found: list[list[tuple[int, str]]] = [[] for _ in chunk]
            self.calls += 1
            for n, lexeme, positions in self.conn.execute(self.QUERY, (chunk,)):
                found[n - 1].extend((position, lexeme) for position in positions)
            for text, lexemes in zip(chunk, found, strict=True):
                self.cache[text] = [lexeme for _, lexeme in sorted(lexemes)]

    def __call__(self, text: str) -> list[str]:
        if text not in self.cache:
            self.prepare([text])
        return self.cache[text]

    def close(self) -> None:
        self.conn.close()


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

    try:
        import Stemmer  # noqa: F401  (PyStemmer: snowballstemmer then runs its C code)

        c_label = "PyStemmer (C) English, en corpus"
    except ImportError:
        c_label = "snowballstemmer English, en corpus (PyStemmer not installed: pure Python)"
    sides: dict[str, tuple[Callable[[], None], float]] = {
        "diplolib az analyzer, az corpus": (ours_az, az_mb),
        "diplolib az analyzer, az corpus, stems cached": (ours_az_warm, az_mb),
        "diplolib en analyzer, en corpus": (ours_en, en_mb),
        "snowballstemmer (pure Python) English, en corpus": (snowball_python, en_mb),
        c_label: (snowball_c, en_mb),
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


# -- store search -------------------------------------------------------------------------------

Query = tuple[str, str]  # (query, reader's language)


def store_queries(
    articles: int, samples: int, evaluation: Sequence[dict[str, Any]], seed: int = 11
) -> dict[str, list[Query]]:
    """The query classes over ``bench_store.generate``'s content, from its naming: article
    ``i``'s title ends in ``i``, place ``k`` is ``Şəhər k``, titles take three of WORDS_AZ."""
    rng = random.Random(seed)
    places = len(entity_ids(articles)[0])
    few = max(3, samples // 10)  # classes that read a large share of the articles
    return {
        "rare word": [(str(rng.randrange(4, articles)), "az") for _ in range(samples)],
        "name, English spelling": [
            # from 4: every article's body says "1-ci", "2-ci", "3-cü"
            (f"Shahar {rng.randrange(min(4, places - 1), places)}", "az")
            for _ in range(samples)
        ],
        "common word": [(rng.choice(WORDS_AZ), "az") for _ in range(few)],
        "two-word phrase": [
            ('"{}"'.format(" ".join(rng.sample(WORDS_AZ, 2))), "az") for _ in range(few)
        ],
        "two common words": [(" ".join(rng.sample(WORDS_AZ, 2)), "az") for _ in range(few)],
        "prefix": [
            (f"{word[: len(word) // 2 + 1]}*", "az") for word in rng.sample(WORDS_AZ, min(few, 8))
        ],
        "evaluation queries": [(q["query"], q["lang"]) for q in evaluation],
    }


def tie_groups(hits: Sequence[Any]) -> list[set[str]]:
    """Ids of consecutive hits with the same score (to 1e-9), best first."""
    groups: list[set[str]] = []
    last: float | None = None
    for hit in hits:
        if last is None or not math.isclose(hit.score, last, rel_tol=1e-9, abs_tol=1e-12):
            groups.append(set())
        groups[-1].add(hit.item.id)
        last = hit.score
    return groups


def same_top(one: Sequence[Any], other: Sequence[Any], k: int, fetched: int) -> bool:
    """Whether two backends' hits (``fetched`` asked of each) have the same top ``k``, ties
    aside: the same tie groups in the same order, and for the group cut by place ``k`` the
    same members when both ends of it were seen, the same size of its part in the top ``k``
    otherwise."""

    def head(hits: Sequence[Any]) -> tuple[list[set[str]], bool]:
        out: list[set[str]] = []
        seen = 0
        for group in tie_groups(hits):
            if seen >= k:
                break
            out.append(group)
            seen += len(group)
        # the last group may go on past what was fetched
        whole = len(hits) < fetched or seen < len(hits)
        return out, whole

    (a, a_whole), (b, b_whole) = head(one), head(other)
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    if not a:
        return True
    if a_whole and b_whole:
        return a[-1] == b[-1]
    room = k - sum(len(group) for group in a[:-1])
    return min(room, len(a[-1])) == min(room, len(b[-1]))


def time_queries(
    stores: dict[str, Any], classes: dict[str, list[Query]], repeat: int, k: int
) -> dict[tuple[str, str], list[float]]:
    """Seconds per query of each (class, backend): every repeat asks each query of every
    backend in turn, the first one alternating; each keeps its repeat with the best p50."""
    best: dict[tuple[str, str], list[float]] = {}
    order = list(stores)
    for round_ in range(repeat):
        for label, queries in classes.items():
            times: dict[str, list[float]] = {name: [] for name in stores}
            turn = order[round_ % len(order) :] + order[: round_ % len(order)]
            for query, lang in queries:
                for name in turn:
                    began = time.perf_counter()
                    stores[name].search(query, lang=lang, limit=k)
                    times[name].append(time.perf_counter() - began)
                turn.reverse()
            for name, taken in times.items():
                kept = best.get((label, name))
                if kept is None or statistics.median(taken) < statistics.median(kept):
                    best[label, name] = taken
    return best


def store_section(
    args: argparse.Namespace, evaluation: Sequence[dict[str, Any]], postgres: Postgres
) -> None:
    from diplolib.store import ContentStore, open_store

    articles = args.store_articles
    work = Path(tempfile.mkdtemp(prefix="diplolib-bench-search-"))
    stores: dict[str, ContentStore] = {}
    try:
        folder = work / "content"
        began = time.perf_counter()
        generate(folder, articles)
        files = sum(1 for _ in folder.rglob("*.json"))
        print(
            f"\nstore search: {articles} generated articles, {files} items "
            f"(generated in {time.perf_counter() - began:.1f} s)"
        )
        targets: dict[str, str] = {}
        wanted = args.store_backends.split(",")
        if "sqlite" in wanted:
            targets["SQLite"] = str(work / "content.db")
        if "postgres" in wanted:
            url = postgres.start()
            if url is None:
                print(f"  PostgreSQL left out: {postgres.missing}")
            else:
                targets["PostgreSQL"] = url
        print(f"  {'':12} {'import s':>9} {'reindex s':>10}   (import includes the search index)")
        for name, target in targets.items():
            store = stores[name] = open_store(target)
            began = time.perf_counter()
            store.import_folder(folder)
            imported = time.perf_counter() - began
            began = time.perf_counter()
            store.reindex()
            reindexed = time.perf_counter() - began
            print(f"  {name:12} {imported:9.1f} {reindexed:10.1f}")

        classes = store_queries(articles, args.store_samples, evaluation)
        k, fetched = 10, 40
        best = time_queries(stores, classes, args.repeat, k)
        compared = len(stores) == 2
        print(
            f"\n  store.search(limit={k}), ms p50/p99, best of {args.repeat} interleaved"
            + (f"; top-{k} mismatches between the backends, ties aside" if compared else "")
        )
        print(
            f"  {'':30}"
            + "".join(f" {name:>18}" for name in stores)
            + (f" {'mismatches':>11}" if compared else "")
        )
        total = differ = 0
        for label, queries in classes.items():
            cells = []
            for name in stores:
                taken = best[label, name]
                cells.append(
                    f"{1e3 * statistics.median(taken):.2f}/{1e3 * percentile(taken, 0.99):.2f}"
                )
            row = f"  {label + f' ({len(queries)})':30}" + "".join(f" {c:>18}" for c in cells)
            if compared:
                one, other = stores.values()
                mismatched = [
                    query
                    for query, lang in dict.fromkeys(queries)
                    if not same_top(
                        one.search(query, lang=lang, limit=fetched),
                        other.search(query, lang=lang, limit=fetched),
                        k,
                        fetched,
                    )
                ]
                total += len(dict.fromkeys(queries))
                differ += len(mismatched)
                row += f" {f'{len(mismatched)} of {len(dict.fromkeys(queries))}':>11}"
                if args.misses and mismatched:
                    row += f"  {mismatched[:5]}"
            print(row)
        if compared:
            print(f"  top-{k} mismatches: {differ} of {total} distinct queries")
    finally:
        for store in stores.values():
            store.close()
        shutil.rmtree(work, ignore_errors=True)


# -- report -----------------------------------------------------------------------------------


def split(items: Iterable[dict[str, Any]], which: str) -> list[dict[str, Any]]:
    return [item for item in items if item["split"] == which]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, required=True)
    parser.add_argument("--split", choices=["heldout", "dev"], default="heldout")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--misses", action="store_true", help="list what each side got wrong")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server (an empty database) instead of a throwaway one",
    )
    parser.add_argument(
        "--store-articles",
        type=int,
        default=2000,
        metavar="N",
        help="generated articles for the store section (0: leave it out; the goal is at 100000)",
    )
    parser.add_argument(
        "--store-backends", default="sqlite,postgres", help="stores to measure (sqlite,postgres)"
    )
    parser.add_argument(
        "--store-samples",
        type=int,
        default=50,
        metavar="K",
        help="queries per class (a tenth of it, at least 3, for the classes that read many items)",
    )
    args = parser.parse_args(argv)
    postgres = Postgres(args.postgres)
    try:
        return report(args, postgres)
    finally:
        postgres.close()


def report(args: argparse.Namespace, postgres: Postgres) -> int:

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
    }
    simple: PostgresSimple | None = None
    if postgres.start() is None:
        sides["PostgreSQL simple (emulated)"] = pg_simple
        print(f"PostgreSQL simple is emulated: {postgres.missing}")
    else:
        simple = PostgresSimple(postgres.anchor_database())
        nfc = [unicodedata.normalize("NFC", text) for text in anchor_texts(data, args.split)]
        began = time.perf_counter()
        simple.prepare(nfc)
        print(
            f"PostgreSQL simple: PostgreSQL {simple.version}, lc_ctype {simple.ctype}, "
            f"{len(simple.cache)} texts in {simple.calls} queries, "
            f"{time.perf_counter() - began:.2f} s"
        )
        if simple.ctype in ("C", "POSIX"):
            print("  (a C ctype lowers ASCII letters only: Ə, Ü, İ … stay capitals)")
        sides["PostgreSQL simple"] = simple
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
    if simple is not None:
        simple.close()

    if args.store_articles > 0:
        store_section(args, queries, postgres)
    return 0


def anchor_texts(data: dict[str, Any], which: str) -> list[str]:
    """Every text an anchor tokenizes for the quality figures of the ``which`` part."""
    texts = [form for group in split(data["groups"], which) for form in group["forms"]]
    texts += [word for pair in split(data["must_not"], which) for word in pair["pair"]]
    texts += [entry[lang] for entry in split(data["names"], which) for lang in ("en", "az")]
    texts += [text for texts_ in data["snippets"].values() for text in texts_.values()]
    texts += [query["query"] for query in split(data["queries"], which)]
    return texts


def unicode_nfc(tokenize: Tokenize) -> Tokenize:
    return lambda text: tokenize(unicodedata.normalize("NFC", text))


if __name__ == "__main__":
    raise SystemExit(main())
