"""Benchmarks for the content models and the content library.

Prints ratios against plain pydantic (same shape, plain ``dict[str, str]`` for
localized text) measured in the same run:

* validating an article from JSON, alone (loading a library only validates), and
  validating then dumping it back to JSON (dumping costs the same on both sides);
* loading a generated 10,000-article library from a folder (time, peak memory);
* ``import diplolib`` (and first use of the models) vs ``import pydantic, babel``.

Run: ``python bench/bench_models.py [--articles N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from _timing import interleaved, ratio_line
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from diplolib import Article, ContentLibrary, load_sample_library


class PlainSection(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    name: dict[str, str]


class PlainByline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    person: str
    role: dict[str, str] = Field(default_factory=dict)


class PlainDateline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    place: str
    date: dt.date


class PlainArticle(BaseModel):
    """The same shape as diplolib's Article, with no localisation logic."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    type: str = "article"
    id: str
    slug: dict[str, str]
    section: PlainSection
    title: dict[str, str]
    lead: dict[str, str] = Field(default_factory=dict)
    body: tuple[dict[str, str], ...] = ()
    authors: tuple[PlainByline, ...] = ()
    dateline: PlainDateline | None = None
    published: AwareDatetime
    original_language: str
    translations: dict[str, str] = Field(default_factory=dict)
    tags: tuple[dict[str, str], ...] = ()
    mentions: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    comment_count: int = 0


def bench_article(repeat: int) -> None:
    seed = load_sample_library().get("kazakhstan-azerbaijan-strategic-partner")
    raw = seed.model_dump_json(exclude_defaults=True)
    plain_raw = json.dumps({k: v for k, v in json.loads(raw).items() if k != "source"})
    print(f"seed article (9 paragraphs), best of {repeat} interleaved rounds of 300 calls")
    times = interleaved(
        {
            "ours": lambda: Article.model_validate_json(raw),
            "plain": lambda: PlainArticle.model_validate_json(plain_raw),
        },
        300,
        repeat,
    )
    print(
        ratio_line(
            "validate JSON (alone)", times["ours"], times["plain"], "plain pydantic", "≤ 1.5×"
        )
    )
    times = interleaved(
        {
            "ours": lambda: Article.model_validate_json(raw).model_dump_json(),
            "plain": lambda: PlainArticle.model_validate_json(plain_raw).model_dump_json(),
        },
        300,
        repeat,
    )
    print(ratio_line("validate + dump JSON", times["ours"], times["plain"], "plain pydantic"))


def make_library(folder: Path, count: int) -> None:
    sample = load_sample_library()
    seed = sample.get("kazakhstan-azerbaijan-strategic-partner")
    base = {"type": "article", **json.loads(seed.model_dump_json(exclude_defaults=True))}
    base["related"] = []
    sample.save(folder)
    (folder / "articles" / f"{seed.id}.json").unlink()
    out = folder / "articles"
    for i in range(count):
        doc = dict(base, id=f"article-{i}", slug={"en": f"article-{i}", "az": f"meqale-{i}"})
        (out / f"article-{i}.json").write_text(
            json.dumps(doc, ensure_ascii=False), encoding="utf-8"
        )
    for other in ("caspian-summit-baku-2010", "gabala-turkic-council-summit-2013"):
        (out / f"{other}.json").unlink()


def bench_library(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_library(folder, count)
        size = sum(p.stat().st_size for p in folder.rglob("*.json"))
        start = time.perf_counter()
        ContentLibrary.load(folder)
        cold = time.perf_counter() - start
        tracemalloc.start()
        start = time.perf_counter()
        lib = ContentLibrary.load(folder)
        warm = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        files = sorted((folder / "articles").glob("article-*.json"))
        start = time.perf_counter()
        for path in files:
            PlainArticle.model_validate_json(path.read_bytes())
        plain = time.perf_counter() - start
    print(f"library load: {count:,} articles, {size / 1e6:.1f} MB of JSON")
    print(f"  ContentLibrary.load      {cold:7.2f} s (first), {warm:.2f} s under tracemalloc")
    print(f"  plain pydantic, per file {plain:7.2f} s (no reference checks)")
    print(f"  ratio                    {cold / plain:7.2f}×")
    print(f"  peak traced memory       {peak / 2**20:7.1f} MiB for {len(lib):,} items")


def import_time(statement: str, runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import() -> None:
    bare = import_time("pass")
    anchor = import_time("import pydantic, babel") - bare
    ours = import_time("import diplolib") - bare
    used = import_time("import diplolib; diplolib.Article; diplolib.LocalizedText") - bare
    # `import pydantic` is lazy: BaseModel's machinery loads on first attribute access.
    model_anchor = import_time("from pydantic import BaseModel; import babel") - bare
    print("import cost (median of 7 fresh interpreters, interpreter start subtracted)")
    print(f"  import pydantic, babel                 {anchor * 1e3:7.1f} ms")
    print(f"  from pydantic import BaseModel; babel  {model_anchor * 1e3:7.1f} ms")
    print(f"  import diplolib                        {ours * 1e3:7.1f} ms  {ours / anchor:.2f}×")
    print(
        f"  diplolib + first model access          {used * 1e3:7.1f} ms  "
        f"{used / anchor:.2f}× vs pydantic,babel; {used / model_anchor:.2f}× vs BaseModel,babel"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=9, help="interleaved rounds (best kept)")
    parser.add_argument("--skip-library", action="store_true", help="only the article ratios")
    args = parser.parse_args()
    bench_article(args.repeat)
    if args.skip_library:
        return
    print()
    bench_library(args.articles)
    print()
    bench_import()


if __name__ == "__main__":
    main()
