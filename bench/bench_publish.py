"""Benchmarks for publishing: Jinja2 UI strings, JSON-LD and the preview site.

Prints per-call times and ratios against anchors measured in the same run:

* a template of 20 plain UI strings, rendered with ``diplolib.jinja`` (lookups
  through diplolib's catalogs, translations escaped) vs Jinja2's own i18n
  extension with ``install_gettext_translations(get_translations("az"), newstyle=True)``;
* a string with two parameters: diplolib's ``{name}`` formatting vs Jinja2's
  ``%(name)s`` newstyle formatting;
* ``to_jsonld`` of the seed article (with the library, so names are looked up)
  vs pydantic's ``model_dump(mode="json")`` of the same article;
* writing the whole preview site of the sample library (absolute time).

Run: ``python bench/bench_publish.py [--number N]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable

import jinja2
from _timing import interleaved

from diplolib import get_translations, load_sample_library, to_jsonld, use_language
from diplolib.jinja import create_environment
from diplolib.preview import build_preview

LABELS = [
    "Print",
    "Font size",
    "Line spacing",
    "Related articles",
    "Foreign press",
    "Main page",
    "You are here:",
    "Share",
    "Comments",
    "Tags",
] * 2


def pair(
    ours: Callable[[], object], anchor: Callable[[], object], number: int, repeat: int = 7
) -> tuple[float, float]:
    """Best time of one call of each side, in microseconds, timed in interleaved rounds."""
    best = interleaved({"ours": ours, "anchor": anchor}, number, repeat)
    return best["ours"] * 1e6, best["anchor"] * 1e6


def line(label: str, ours: float, anchor: float, anchor_label: str) -> None:
    print(
        f"{label:<40} {ours:9.1f} µs   {anchor_label:<36} {anchor:9.1f} µs   {ours / anchor:5.2f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=2_000, help="calls per timing run")
    number = parser.parse_args().number

    plain_source = " ".join(f"{{{{ _({label!r}) }}}}" for label in LABELS)
    ours_env = create_environment("az")
    anchor_env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    anchor_env.install_gettext_translations(get_translations("az"), newstyle=True)  # type: ignore[attr-defined]

    ours = ours_env.from_string(plain_source)
    anchor = anchor_env.from_string(plain_source)
    assert "Çap et" in ours.render()
    assert "Çap et" in anchor.render()
    line("20 UI strings, diplolib.jinja", *pair(ours.render, anchor.render, number),
         "Jinja2 i18n + babel Translations")  # fmt: skip

    ours = ours_env.from_string("{{ _('Page {page} of {pages}', page=p, pages=n) }}")
    anchor = anchor_env.from_string("{{ _('Page %(page)s of %(pages)s', page=p, pages=n) }}")
    line("a string with 2 parameters",
         *pair(lambda: ours.render(p=2, n=9), lambda: anchor.render(p=2, n=9), number),
         "Jinja2 newstyle %(name)s")  # fmt: skip

    library = load_sample_library()
    seed = library.get("kazakhstan-azerbaijan-strategic-partner")
    with use_language("az"):
        ours_us, dump_us = pair(
            lambda: to_jsonld(seed, library=library),
            lambda: seed.model_dump(mode="json"),
            number // 10,
        )
        line("to_jsonld(seed article, library)", ours_us, dump_us, "model_dump(mode='json')")
        print(f"{'':<40} goal: to_jsonld ≤ 50 µs: {'met' if ours_us <= 50 else 'NOT met'}")

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        files = build_preview(library, out)
        elapsed = time.perf_counter() - start
    print(f"preview of the sample library: {len(files)} files in {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
