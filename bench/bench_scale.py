"""Scaling benchmark: per-item cost of the library and the preview at archive sizes.

Generates content folders of 1k, 5k and 20k articles (``--sizes``) from the
sample library's documents, with entities and events growing with the archive
(one person per 10 articles, one organisation and one place per 40, one event
per 10) plus three "hub" entities that nearly every article mentions. For each
size it prints:

* ``load``: :meth:`ContentLibrary.load` of the folder, per document (best of
  ``--load-repeat`` rounds, each loading every size; a loaded library is freed
  outside the timing);
* ``related``, ``timeline``, ``foreign_press(limit=5)``, unknown ``get()``,
  ``articles_mentioning``: per call, averaged over a fixed sample of ids;
* ``foreign_press()``: per returned article (it returns all of them);
* ``preview``: :func:`build_preview` of the whole library, per article
  (one run; the slowest step, so only ``--preview-sizes`` get it).

Queries are timed as the best of ``--repeat`` passes; the sizes of one query
are interleaved on every pass (each pass times every size), so a noisy
neighbour slows all sizes alike. The last column is the cost at the largest
size over the cost at the smallest: a flat (linear-time) operation stays
near 1, a quadratic one grows with the size ratio.

Run: ``python bench/bench_scale.py [--sizes 1000,5000,20000] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from diplolib import ContentLibrary
from diplolib._resources import data_dir
from diplolib.errors import UnknownReferenceError
from diplolib.preview import build_preview

HUBS = ("azerbaijan", "kazakhstan", "ilham-aliyev")


def _read(kind: str, name: str) -> dict[str, Any]:
    path = data_dir() / "sample" / kind / f"{name}.json"
    return dict(json.loads(path.read_text(encoding="utf-8")))


def generate(root: Path, n: int, seed: int = 11) -> None:
    """Write a content folder of ``n`` articles (and proportional entities and events)."""
    rng = random.Random(seed)
    sample = data_dir() / "sample"
    shutil.copytree(sample, root, dirs_exist_ok=True)
    people, orgs, places = [], [], []
    person = _read("people", "beybit-isabayev")
    for i in range(max(1, n // 10)):
        doc = dict(person, id=f"person-{i:05d}")
        doc["given"] = {"en": f"Beybit {i}", "az": f"Beybit {i}"}
        _write(root / "people", doc)
        people.append(doc["id"])
    org = _read("organizations", "cis")
    for i in range(max(1, n // 40)):
        doc = dict(org, id=f"org-{i:05d}")
        doc["abbreviation"] = {"en": f"CIS{i}", "az": f"MDB{i}"}
        _write(root / "organizations", doc)
        orgs.append(doc["id"])
    place = _read("places", "gabala")
    for i in range(max(1, n // 40)):
        doc = dict(place, id=f"place-{i:05d}")
        doc["name"] = {"en": f"Gabala {i}", "az": f"Qəbələ {i}"}
        _write(root / "places", doc)
        places.append(doc["id"])
    event = _read("events", "gabala-summit-2013")
    start = date(1995, 1, 1)
    for i in range(max(1, n // 10)):
        doc = dict(event, id=f"event-{i:05d}", place=rng.choice(places))
        doc["start"] = (start + timedelta(days=rng.randrange(9000))).isoformat()
        doc.pop("end", None)
        doc["participants"] = [{"entity": e} for e in rng.sample(people, min(3, len(people)))]
        _write(root / "events", doc)
    seed_article = _read("articles", "kazakhstan-azerbaijan-strategic-partner")
    press = _read("articles", "washington-post-trump-2018")
    entities = people + orgs + places
    base = datetime(2000, 1, 1, 9, tzinfo=timezone(timedelta(hours=4)))
    for i in range(n):
        template = press if i % 10 == 0 else seed_article
        doc = dict(template, id=f"article-{i:05d}")
        doc["slug"] = {lang: f"{slug}-{i}" for lang, slug in template["slug"].items()}
        published = base + timedelta(hours=rng.randrange(24 * 9000))
        doc["published"] = published.isoformat()
        doc.pop("updated", None)
        doc["mentions"] = [*HUBS[: rng.randrange(1, 4)], *rng.sample(entities, 4)]
        doc.pop("related", None)
        doc.pop("events", None)
        if "source" in doc:
            doc["source"] = dict(doc["source"], published=published.date().isoformat())
        _write(root / "articles", doc)


def _write(folder: Path, doc: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    (folder / f"{doc['id']}.json").write_text(text, encoding="utf-8")


def _best(func: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def _sample_ids(lib: ContentLibrary, kind: str, k: int) -> list[str]:
    rng = random.Random(5)
    ids = sorted(i.id for i in lib if i.type == kind)
    return rng.sample(ids, min(k, len(ids)))


def _unknown(lib: ContentLibrary, ids: list[str]) -> None:
    for item_id in ids:
        try:
            lib.get(item_id)
        except UnknownReferenceError:
            pass
        else:  # pragma: no cover - the bench ids are all unknown
            raise AssertionError(item_id)


def queries(lib: ContentLibrary, calls: int) -> dict[str, tuple[Callable[[], object], int]]:
    """Each query as (one pass over a sample of ids, the number of units it covers)."""
    articles = _sample_ids(lib, "article", calls)
    entities = _sample_ids(lib, "person", calls // 2) + _sample_ids(lib, "place", calls // 2)
    # misspelt ids, the way a 404 handler would pass them on
    unknown = [typo for a in articles if (typo := a[:3] + a[4:]) not in lib]
    press_count = len(lib.foreign_press())
    return {
        "related_articles": (lambda: [lib.related_articles(a) for a in articles], len(articles)),
        "timeline": (lambda: [lib.timeline(e) for e in entities], len(entities)),
        "articles_mentioning": (
            lambda: [lib.articles_mentioning(e) for e in entities],
            len(entities),
        ),
        "foreign_press(limit=5)": (
            lambda: [lib.foreign_press(limit=5) for _ in range(calls)],
            calls,
        ),
        "foreign_press() per item": (lambda: lib.foreign_press(), press_count),
        "get(unknown id)": (lambda: _unknown(lib, unknown), len(unknown)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,5000,20000", help="article counts")
    parser.add_argument(
        "--preview-sizes", default=None, help="sizes to preview (default: all; '' for none)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="passes per query (best kept)")
    parser.add_argument("--load-repeat", type=int, default=2, help="loads per size (best kept)")
    parser.add_argument("--calls", type=int, default=200, help="ids per query pass")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    preview_sizes = sizes
    if args.preview_sizes is not None:
        preview_sizes = [int(s) for s in args.preview_sizes.split(",") if s.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="diplolib-scale-"))
    try:
        rows: dict[str, dict[int, float]] = {}
        libs: dict[int, ContentLibrary] = {}
        files: dict[int, int] = {}
        for n in sizes:
            generate(tmp / str(n), n)
            files[n] = sum(1 for _ in (tmp / str(n)).rglob("*.json"))
            print(f"generated {n} articles ({files[n]} documents)", flush=True)
        ContentLibrary.load(tmp / str(sizes[0]))  # warm-up (imports, schema build)
        load_row = rows.setdefault("load (per document)", {})
        for _ in range(args.load_repeat):  # every round loads every size
            for n in sizes:
                libs.pop(n, None)  # the previous copy is freed outside the timing
                gc.collect()
                start = time.perf_counter()
                libs[n] = ContentLibrary.load(tmp / str(n))
                took = (time.perf_counter() - start) / files[n]
                load_row[n] = min(load_row.get(n, float("inf")), took)
        # Queries: every pass times every size, so noise hits all sizes alike.
        suites = {n: queries(libs[n], args.calls) for n in sizes}
        for _ in range(args.repeat):
            for name in suites[sizes[0]]:
                for n in sizes:
                    func, units = suites[n][name]
                    gc.collect()
                    took = _best(func, 1) / units
                    row = rows.setdefault(name, {})
                    row[n] = min(row.get(n, float("inf")), took)
        for n in preview_sizes:
            out = tmp / f"site-{n}"
            gc.collect()
            t0 = time.perf_counter()
            build_preview(libs[n], out)
            took = time.perf_counter() - t0
            articles = sum(1 for i in libs[n] if i.type == "article")
            rows.setdefault("preview (per article)", {})[n] = took / articles
            print(f"preview of {n} articles: {took:.1f} s", flush=True)
            shutil.rmtree(out)
        _report(rows, sizes)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _report(rows: dict[str, dict[int, float]], sizes: list[int]) -> None:
    print()
    header = "".join(f"{n:>12,}" for n in sizes)
    print(f"{'per-item cost (µs)':<28}{header}   largest/smallest")
    for name, row in rows.items():
        cells = "".join(f"{row[n] * 1e6:12.1f}" if n in row else f"{'-':>12}" for n in sizes)
        present = [n for n in sizes if n in row]
        growth = row[present[-1]] / row[present[0]] if len(present) > 1 else float("nan")
        print(f"{name:<28}{cells}   {growth:6.2f}×")


if __name__ == "__main__":
    main()
