"""Benchmarks for UI strings through gettext.

Prints per-call times and ratios against anchor implementations measured in
the same run:

* ``gettext("Print")`` with the language taken from ``use_language()`` vs the
  standard library's ``GNUTranslations.gettext`` on the same messages (goal
  ≤ 1.2×);
* ``pgettext`` vs babel's ``Translations.pgettext``;
* ``ngettext`` with a ``{n}`` placeholder vs stdlib ``ngettext`` + ``str.format``;
* resolving a lazy string (``str(lazy_gettext(...))``) vs a direct ``gettext``;
* first use of a catalog: reading and validating the ``.po`` in memory vs
  reading a compiled ``.mo`` (diplolib's checked reader and the stdlib's).

Both sides of each ratio are timed in interleaved rounds (best of 7 kept).

Run: ``python bench/bench_i18n.py [--number N]``.
"""

from __future__ import annotations

import argparse
import gettext as stdlib_gettext
import io
import timeit
from collections.abc import Callable

from _timing import interleaved
from babel.support import Translations

from diplolib import gettext, lazy_gettext, ngettext, pgettext, use_language
from diplolib._gettext.catalogs import build_catalog, compile_mo
from diplolib._gettext.mo import read_mo
from diplolib._gettext.po import parse_po
from diplolib._resources import locales_dir
from diplolib.i18n import get_chain, reload_catalogs


def pair(
    ours: str | Callable[[], object],
    anchor: str | Callable[[], object],
    number: int,
    repeat: int = 7,
    **names: object,
) -> tuple[float, float]:
    """Best time of one call of each side, in nanoseconds, timed interleaved.

    A statement string (with ``names`` as globals) avoids the lambda call's cost.
    """
    best = interleaved({"ours": ours, "anchor": anchor}, number, repeat, **names)
    return best["ours"] * 1e9, best["anchor"] * 1e9


def line(
    label: str, ours: float, anchor: float, anchor_label: str, goal: float | None = None
) -> None:
    ratio = ours / anchor
    verdict = ""
    if goal is not None:
        verdict = f"  (goal ≤ {goal}×: {'met' if ratio <= goal else 'NOT met'})"
    print(
        f"{label:<44} {ours:9.0f} ns   {anchor_label:<34} {anchor:9.0f} ns   {ratio:5.2f}×{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=200_000, help="calls per timing run")
    args = parser.parse_args()
    number = args.number

    po_path = locales_dir() / "az" / "LC_MESSAGES" / "diplolib.po"
    chain = get_chain("az")
    mo_bytes = compile_mo(
        chain.catalogs[:1], "az"
    )  # the az catalog alone, as `catalog compile` writes it
    std = stdlib_gettext.GNUTranslations(io.BytesIO(mo_bytes))
    babel_translations = Translations(io.BytesIO(mo_bytes), domain="diplolib")

    print(f"catalog: {po_path.name} (az), {len(chain.messages)} messages; {number} calls per run")
    print()
    with use_language("az"):
        ours, anchor = pair("f('Print')", "g('Print')", number, f=gettext, g=std.gettext)
        line(
            'gettext("Print"), language from context',
            ours,
            anchor,
            "stdlib GNUTranslations.gettext",
            1.2,
        )

        ours, anchor = pair(
            "f('Not in the catalog')", "g('Not in the catalog')", number, f=gettext, g=std.gettext
        )
        line("gettext, message not in the catalog", ours, anchor, "stdlib GNUTranslations.gettext")

        ours, anchor = pair(
            "f('article part', 'lead')",
            "g('article part', 'lead')",
            number,
            f=pgettext,
            g=babel_translations.pgettext,
        )
        line('pgettext("article part", "lead")', ours, anchor, "babel Translations.pgettext")

        ours, anchor = pair(
            lambda: ngettext("{n} comment", "{n} comments", 5),
            lambda: std.ngettext("{n} comment", "{n} comments", 5).format(n=5),
            number // 4,
        )
        line("ngettext with {n} (safe formatter)", ours, anchor, "stdlib ngettext + str.format")

        ours, anchor = pair(
            lambda: gettext("Page {page} of {pages}", page=2, pages=9),
            lambda: std.gettext("Page {page} of {pages}").format(page=2, pages=9),
            number // 4,
        )
        line("gettext with two parameters", ours, anchor, "stdlib gettext + str.format")

        lazy = lazy_gettext("Foreign press")
        ours, anchor = pair("str(lazy)", "f('Foreign press')", number, lazy=lazy, f=gettext)
        line("str(lazy_gettext(...))", ours, anchor, "diplolib gettext directly")

    print()
    data = po_path.read_bytes()
    loads = 200
    best = interleaved(
        {
            "po": lambda: build_catalog(parse_po(data, "az.po"), "az"),
            "mo": lambda: build_catalog(read_mo(mo_bytes, "az.mo"), "az"),
            "stdlib": lambda: stdlib_gettext.GNUTranslations(io.BytesIO(mo_bytes)),
        },
        loads,
        5,
    )
    ours, via_mo, stdlib_mo = (best[k] * 1e9 for k in ("po", "mo", "stdlib"))
    print(
        f"first use of the az catalog ({len(data)} bytes .po, {len(mo_bytes)} bytes .mo), parse + validate:"
    )
    line("  .po compiled in memory (diplolib)", ours, via_mo, ".mo read by diplolib (checked)")
    line("  .po compiled in memory (diplolib)", ours, stdlib_mo, ".mo read by stdlib (unchecked)")

    def first_use() -> None:
        reload_catalogs()
        gettext("Print", lang="az")

    cold = min(timeit.repeat(first_use, number=50, repeat=5)) / 50 * 1e9
    print(f"{'  reload + first gettext in az (both catalogs)':<44} {cold / 1000:9.0f} µs")
    reload_catalogs()


if __name__ == "__main__":
    main()
