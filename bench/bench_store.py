"""Benchmark of the SQL content store against loading the same content as a folder.

Generates a content folder (``--articles`` articles, default 100,000, plus one
entity per 20 articles and one event per 50), then for SQLite and PostgreSQL:

* the store import time (``import_folder``, one transaction);
* in a fresh process: ``open_store`` time, and p50/p99 of ``by_slug``, the
  latest-20 page, a deep keyset page, ``related_articles`` and ``timeline``
  over random arguments; full-text ``search`` (a rare word, a name, a word in
  about a third of the articles, a phrase of two such words, the two words
  unquoted); the process's peak RSS;

beside ``ContentLibrary.load`` of the folder (time, peak RSS, and the same
queries in memory; search through a ``diplolib.search.Index`` whose build time is
shown as "index s"). The store's import time includes building its search index. Each query side runs ``--repeat`` rounds over the same
arguments and keeps the round with the best p50. PostgreSQL is a throwaway
server started for the run (as the tests do) unless ``--postgres URL`` is given.

Run: ``python bench/bench_store.py [--articles N] [--backends sqlite,postgres,folder]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

WORDS_EN = ["baku", "caspian", "summit", "ambassador", "cooperation", "partner", "energy", "forum"]
WORDS_AZ = ["bakı", "xəzər", "sammit", "səfir", "əməkdaşlıq", "tərəfdaş", "enerji", "forum"]


# -- content ---------------------------------------------------------------------


def entity_ids(articles: int) -> tuple[list[str], list[str], list[str]]:
    """The ids of the places, organisations and people generated beside ``articles`` articles."""
    n_entities = max(10, articles // 20)
    places = [f"place-{i}" for i in range(max(3, n_entities // 4))]
    orgs = [f"org-{i}" for i in range(max(3, n_entities // 4))]
    people = [f"person-{i}" for i in range(max(4, n_entities - len(places) - len(orgs)))]
    return places, orgs, people


def generate(folder: Path, articles: int, seed: int = 13) -> None:
    """Write a valid content folder of ``articles`` articles and their entities and events."""
    rng = random.Random(seed)
    for sub in ("articles", "events", "people", "organizations", "places"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    places, orgs, people = entity_ids(articles)

    def write(sub: str, doc: dict[str, Any]) -> None:
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        (folder / sub / f"{doc['id']}.json").write_text(text, encoding="utf-8")

    for i, pid in enumerate(places):
        doc: dict[str, Any] = {
            "type": "place",
            "id": pid,
            "name": {"en": f"Town {i}", "az": f"Şəhər {i}"},
        }
        doc["kind"] = "country" if i == 0 else "city"
        if i:
            doc["country"] = places[0]
        write("places", doc)
    for i, oid in enumerate(orgs):
        write("organizations", {"type": "organization", "id": oid, "name": {"en": f"Union {i}"}})
    for i, pid in enumerate(people):
        write(
            "people",
            {
                "type": "person",
                "id": pid,
                "given": {"en": f"Name{i}", "az": f"Ad{i}"},
                "family": {"en": f"Family{i}", "az": f"Soyad{i}"},
            },
        )
    entities = places + orgs + people
    events = [f"event-{i}" for i in range(max(5, articles // 50))]
    for i, eid in enumerate(events):
        doc = {
            "type": "event",
            "id": eid,
            "name": {"en": f"Meeting {i}", "az": f"Görüş {i}"},
            "start": f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "place": rng.choice(places),
            "participants": [{"entity": e} for e in rng.sample(entities, 3)],
        }
        write("events", doc)
    start = dt.datetime(2005, 1, 1, tzinfo=dt.UTC)
    for i in range(articles):
        aid = f"article-{i:06d}"
        words = rng.sample(range(len(WORDS_EN)), 3)
        published = start + dt.timedelta(minutes=rng.randint(0, 20 * 365 * 24 * 60))
        doc = {
            "type": "article",
            "id": aid,
            "slug": {"en": f"{aid}-{WORDS_EN[words[0]]}", "az": f"{aid}-{WORDS_EN[words[1]]}"},
            "section": {"id": rng.choice(["news", "opinion", "interview"]), "name": {"en": "News"}},
            "title": {
                "en": " ".join(WORDS_EN[w] for w in words).capitalize() + f" {i}",
                "az": " ".join(WORDS_AZ[w] for w in words).capitalize() + f" {i}",
            },
            "lead": {"en": "A lead paragraph of the story.", "az": "Xəbərin giriş abzası."},
            "body": [
                {"en": f"Paragraph {p} of the story.", "az": f"Xəbərin {p}-ci abzası."}
                for p in range(4)
            ],
            "published": published.isoformat(),
            "original_language": "en",
            "mentions": rng.sample(entities, 4),
            "events": rng.sample(events, 1),
            "tags": [{"en": WORDS_EN[words[2]], "az": WORDS_AZ[words[2]]}],
        }
        write("articles", doc)


# -- PostgreSQL ------------------------------------------------------------------


def postgres_bindir() -> Path | None:
    """The folder of PostgreSQL's ``initdb`` and ``pg_ctl`` (Debian's versioned folders first,
    then ``PATH``), or None when PostgreSQL is not installed."""
    import glob

    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    return Path(pg_ctl).resolve().parent if initdb and pg_ctl else None


def start_postgres(root: Path) -> tuple[str, list[str]]:
    """Start a throwaway server in ``root``; returns its URL and the command that stops it."""
    import pwd

    bindir = postgres_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL's initdb and pg_ctl are not installed")
    prefix: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        user = "postgres"
        info = pwd.getpwnam(user)
        os.chown(root, info.pw_uid, info.pw_gid)
        prefix = ["runuser", "-u", user, "--"]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    data = root / "data"
    subprocess.run(
        [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
         "-E", "UTF8", "--locale=C", "--no-sync"],
        check=True, capture_output=True,
    )  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB"
    subprocess.run(
        [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"),
         "-w", "start"],
        check=True, capture_output=True,
    )  # fmt: skip
    stop = [*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop


# -- measuring (run in a fresh process per side) -----------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(
    side: str, target: str, articles: int, samples: int, repeat: int, seed: int
) -> dict[str, Any]:
    """Open the content (store URL or folder) and time the queries; runs in a child process."""
    from diplolib import ContentLibrary
    from diplolib.reader import ArticleCursor
    from diplolib.store import open_store

    result: dict[str, Any] = {"side": side}
    if side == "folder":
        from diplolib.search import Index

        began = time.perf_counter()
        reader: Any = ContentLibrary.load(target)
        result["open_s"] = time.perf_counter() - began
        began = time.perf_counter()
        searcher: Any = Index(reader)
        result["index_s"] = time.perf_counter() - began
    else:
        opens = []
        for _ in range(5):
            began = time.perf_counter()
            store = open_store(target)
            opens.append(time.perf_counter() - began)
            store.close()
        result["open_s"] = min(opens)
        reader = open_store(target)
        searcher = reader
    # Arguments come from the generator's naming, not from reading the whole content,
    # so the peak RSS is that of opening and querying.
    rng = random.Random(seed)
    article_ids = [f"article-{rng.randrange(articles):06d}" for _ in range(samples)]
    arts = [reader.get(a) for a in article_ids[: min(samples, 200)]]
    slugs = [(a.slug["az"], "az") for a in arts]
    entities = [e for ids in entity_ids(articles) for e in ids]
    sampled_entities = [rng.choice(entities) for _ in range(samples)]
    middle = arts[0]
    cursor = ArticleCursor.of(middle)

    def time_each(call: Any, args: list[Any]) -> list[float]:
        times = []
        for arg in args:
            began = time.perf_counter()
            call(arg)
            times.append(time.perf_counter() - began)
        return times

    queries: dict[str, tuple[Any, list[Any]]] = {
        "by_slug": (lambda a: reader.by_slug(*a), slugs * max(1, samples // len(slugs))),
        "latest_20": (lambda _: list(reader.articles(limit=20)), list(range(min(samples, 300)))),
        "page_20_deep": (
            lambda _: list(reader.articles(after=cursor, limit=20)),
            list(range(min(samples, 300))),
        ),
        "related_articles": (reader.related_articles, article_ids),
        "timeline": (reader.timeline, sampled_entities),
        "search_rare": (
            lambda q: searcher.search(q, lang="az", limit=20),
            [str(rng.randrange(articles)) for _ in range(min(samples, 200))],
        ),
        "search_name": (
            lambda q: searcher.search(q, limit=20),
            [f"Family{rng.randrange(len(entities) // 2)}" for _ in range(min(samples, 200))],
        ),
        "search_common": (
            lambda q: searcher.search(q, lang="az", limit=20),
            [rng.choice(WORDS_AZ) for _ in range(min(samples, 10))],
        ),
        "search_phrase": (
            lambda q: searcher.search(q, lang="az", limit=20),
            [f'"{" ".join(rng.sample(WORDS_AZ, 2))}"' for _ in range(min(samples, 10))],
        ),
        "search_words": (
            lambda q: searcher.search(q, lang="az", limit=20),
            [" ".join(rng.sample(WORDS_AZ, 2)) for _ in range(min(samples, 10))],
        ),
    }
    for name, (call, args) in queries.items():
        best: list[float] | None = None
        for _ in range(repeat):
            times = time_each(call, args)
            if best is None or statistics.median(times) < statistics.median(best):
                best = times
        assert best is not None
        result[name] = {
            "p50_ms": 1000 * statistics.median(best),
            "p99_ms": 1000 * percentile(best, 0.99),
        }
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def peak_rss_mib() -> float:
    """This process's peak RSS. VmHWM starts afresh at exec; ru_maxrss can carry the peak of
    the parent that forked the process (the generator, holding far more memory)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(side: str, target: str, articles: int, samples: int, repeat: int) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            side,
            target,
            str(articles),
            str(samples),
            str(repeat),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def import_into(url: str, folder: Path) -> tuple[float, float]:
    """Import ``folder`` into a new store in a child process; returns (seconds, peak RSS MiB)."""
    code = (
        "import json, resource, sys, time\n"
        "from diplolib.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "began = time.perf_counter()\n"
        "store.import_folder(sys.argv[2])\n"
        "took = time.perf_counter() - began\n"
        "store.close()\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
        "rss = int(hwm[0].split()[1]) / 1024 if hwm else "
        "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps([took, rss]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, url, str(folder)], check=True, capture_output=True, text=True
    )
    took, rss = json.loads(out.stdout)
    return float(took), float(rss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgres,folder")
    parser.add_argument(
        "--postgres", metavar="URL", help="use this server instead of a throwaway one"
    )
    parser.add_argument("--samples", type=int, default=2000, help="query arguments per round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per query (best p50 kept)")
    parser.add_argument("--measure", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        side, target, articles, samples, repeat = args.measure
        print(json.dumps(measure(side, target, int(articles), int(samples), int(repeat), 7)))
        return
    backends = args.backends.split(",")
    work = Path(tempfile.mkdtemp(prefix="diplolib-bench-store-"))
    stop: list[str] | None = None
    cleanup = [work]
    try:
        folder = work / "content"
        began = time.perf_counter()
        generate(folder, args.articles)
        files = sum(1 for _ in folder.rglob("*.json"))
        print(
            f"{args.articles} articles, {files} files generated in {time.perf_counter() - began:.1f} s"
        )
        rows: list[dict[str, Any]] = []
        for side in backends:
            if side == "folder":
                rows.append(child("folder", str(folder), args.articles, args.samples, args.repeat))
                continue
            if side == "sqlite":
                url = str(work / "content.db")
            else:
                if args.postgres:
                    url = args.postgres
                else:
                    pg = Path(tempfile.mkdtemp(prefix="diplolib-bench-pg-"))
                    cleanup.append(pg)
                    url, stop = start_postgres(pg)
            took, rss = import_into(url, folder)
            row = child(side, url, args.articles, args.samples, args.repeat)
            row["import_s"], row["import_rss_mib"] = took, rss
            rows.append(row)
        print()
        print(f"{'':10} {'import s':>9} {'open ms':>9} {'by_slug p50/p99':>16} {'latest-20':>14} "
              f"{'deep page':>14} {'related':>14} {'timeline':>14} {'RSS MiB':>8}")  # fmt: skip
        for row in rows:

            def q(name: str, row: dict[str, Any] = row) -> str:
                return f"{row[name]['p50_ms']:.2f}/{row[name]['p99_ms']:.2f}"

            imported = f"{row['import_s']:.1f}" if "import_s" in row else "-"
            opened = f"{1000 * row['open_s']:.1f}"
            print(
                f"{row['side']:10} {imported:>9} {opened:>9} {q('by_slug'):>16} {q('latest_20'):>14} "
                f"{q('page_20_deep'):>14} {q('related_articles'):>14} {q('timeline'):>14} "
                f"{row['peak_rss_mib']:>8.0f}"
            )
        print(f"\n{'search':10} {'index s':>9} {'rare word':>16} {'name':>16} {'common word':>16} "
              f"{'phrase':>16} {'two words':>16}")  # fmt: skip
        for row in rows:

            def q2(name: str, row: dict[str, Any] = row) -> str:
                return f"{row[name]['p50_ms']:.2f}/{row[name]['p99_ms']:.2f}"

            built = f"{row['index_s']:.1f}" if "index_s" in row else "(import)"
            print(
                f"{row['side']:10} {built:>9} {q2('search_rare'):>16} {q2('search_name'):>16} "
                f"{q2('search_common'):>16} {q2('search_phrase'):>16} {q2('search_words'):>16}"
            )
        print("\nfolder: 'open' is ContentLibrary.load; times in ms as p50/p99 unless noted.")
    finally:
        if stop is not None:
            subprocess.run(stop, check=False, capture_output=True)
        for folder_ in cleanup:
            shutil.rmtree(folder_, ignore_errors=True)


if __name__ == "__main__":
    main()
