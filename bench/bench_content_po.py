"""Benchmark: content export to PO and import back, on a generated 10,000-article library.

Anchors, measured in the same run on the same entries:

* export (``export_po`` building the catalog, then saving it) vs polib's own
  ``POFile.save`` of the finished catalog — the cost of writing the file at all;
* import (``import_po``: strict parse, every check including language
  detection, applying all translations) vs ``polib.pofile`` reading the file;
* import into a content folder (also rewriting every changed file atomically).

Times are the best of ``--repeat`` rounds, each round timing both sides of a
ratio in turn; peak traced memory (tracemalloc) comes from one separate call.

Run: ``python bench/bench_content_po.py [--articles N] [--repeat N] [--distinct]``.

The articles are copies of the sample article; ``--distinct`` numbers their
texts so that none repeats (see ``make_library``).
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polib

from diplolib import (
    Article,
    ContentLibrary,
    LocalizedText,
    export_po,
    import_po,
    load_sample_library,
)


def make_library(count: int, *, distinct: bool = False) -> ContentLibrary:
    """``count`` copies of the sample article; with ``distinct``, no two texts are equal.

    The copies repeat the seed's 16 texts, so whatever the import does once per
    distinct text (language detection) costs almost nothing after the first
    article. ``distinct`` numbers every title and paragraph (``"17. ..."``), as
    an archive of different articles would have them.
    """
    sample = load_sample_library()
    seed = sample.get("kazakhstan-azerbaijan-strategic-partner", Article)
    others = [i for i in sample if not isinstance(i, Article)]

    def numbered(text: LocalizedText, n: int) -> LocalizedText:
        return LocalizedText({lang: f"{n}. {value}" for lang, value in text})

    articles = []
    for i in range(count):
        update: dict[str, Any] = {
            "id": f"article-{i}",
            "slug": {"en": f"article-{i}", "az": f"meqale-{i}"},
            "related": (),
        }
        if distinct:
            update["title"] = numbered(seed.title, i)
            update["lead"] = numbered(seed.lead, i)
            update["body"] = tuple(numbered(p, i) for p in seed.body)
        articles.append(seed.model_copy(update=update))
    return ContentLibrary([*others, *articles])


def traced(func: Callable[[], Any]) -> tuple[float, Any]:
    """Peak traced MiB of one call, and its result."""
    gc.collect()
    tracemalloc.start()
    result = func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20, result


def interleaved(sides: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Best seconds of one call of each side; each round times every side once, in turn."""
    best = dict.fromkeys(sides, float("inf"))
    names = list(sides)
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()
            start = time.perf_counter()
            sides[name]()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def row(name: str, seconds: float, mib: float | None, entries: int) -> None:
    per = seconds / entries * 1e6 if entries else 0.0
    memory = f"  peak {mib:7.1f} MiB" if mib is not None else ""
    print(f"  {name:<34} {seconds:7.2f} s  {per:6.1f} µs/entry{memory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (best kept)")
    parser.add_argument(
        "--distinct",
        action="store_true",
        help="number every title and paragraph, so that no two texts are the same",
    )
    args = parser.parse_args()

    library = make_library(args.articles, distinct=args.distinct)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        po_path = folder / "az.po"

        def ours_export() -> polib.POFile:
            po = export_po(library, "en", "az")
            po.save(str(po_path))
            return po

        export_mib, po = traced(ours_export)
        entries = len(po)
        save_mib, _ = traced(lambda: po.save(str(po_path)))
        size = po_path.stat().st_size
        best = interleaved(
            {"export": ours_export, "save": lambda: po.save(str(po_path))}, args.repeat
        )
        export_s, save_s = best["export"], best["save"]

        import_mib, report = traced(lambda: import_po(library, po_path))
        assert report.ok, report.summary()
        read_mib, _ = traced(lambda: polib.pofile(str(po_path)))
        best = interleaved(
            {
                "import": lambda: import_po(library, po_path),
                "polib": lambda: polib.pofile(str(po_path)),
            },
            args.repeat,
        )
        import_s, read_s = best["import"], best["polib"]

        content = folder / "content"
        library.save(content)
        start = time.perf_counter()
        written = import_po(content, po_path)
        folder_s = time.perf_counter() - start
        assert written.committed

    texts = "distinct texts" if args.distinct else "the same 16 texts in each"
    print(
        f"content PO: {args.articles:,} articles ({texts}), {entries:,} entries, "
        f"{size / 1e6:.1f} MB of PO"
    )
    print("export")
    row("export_po + save", export_s, export_mib, entries)
    row("polib POFile.save (anchor)", save_s, save_mib, entries)
    print(f"  ratio {export_s / save_s:.2f}× time, {export_mib / save_mib:.2f}× memory")
    print("import (in memory)")
    row("import_po", import_s, import_mib, entries)
    row("polib.pofile (anchor)", read_s, read_mib, entries)
    print(f"  ratio {import_s / read_s:.2f}× time (goal ≤ 2×), {import_mib / read_mib:.2f}× memory")
    print("import into a folder")
    row(f"import_po, {len(written.changed_files):,} files", folder_s, None, entries)


if __name__ == "__main__":
    main()
