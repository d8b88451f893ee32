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
import timeit

import jinja2

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


def per_call(func: object, number: int, repeat: int = 5) -> float:
    """Best time of one call, in microseconds."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number * 1e6  # type: ignore[arg-type]


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
    line(
        "20 UI strings, diplolib.jinja",
        per_call(ours.render, number),
        per_call(anchor.render, number),
        "Jinja2 i18n + babel Translations",
    )

    ours = ours_env.from_string("{{ _('Page {page} of {pages}', page=p, pages=n) }}")
    anchor = anchor_env.from_string("{{ _('Page %(page)s of %(pages)s', page=p, pages=n) }}")
    line(
        "a string with 2 parameters",
        per_call(lambda: ours.render(p=2, n=9), number),
        per_call(lambda: anchor.render(p=2, n=9), number),
        "Jinja2 newstyle %(name)s",
    )

    library = load_sample_library()
    seed = library.get("kazakhstan-azerbaijan-strategic-partner")
    with use_language("az"):
        line(
            "to_jsonld(seed article, library)",
            per_call(lambda: to_jsonld(seed, library=library), number // 10),
            per_call(lambda: seed.model_dump(mode="json"), number // 10),
            "model_dump(mode='json')",
        )

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        files = build_preview(library, out)
        elapsed = time.perf_counter() - start
    print(f"preview of the sample library: {len(files)} files in {elapsed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
