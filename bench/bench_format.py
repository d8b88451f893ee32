"""Benchmarks for the formatters, as ratios against babel measured in the same run.

* ``format_date(d, "long", lang=...)`` vs ``babel.dates.format_date(d, "long", locale=...)``
  anchored on a ready ``Locale`` object (Babel's fastest normal use), and with a locale
  string for comparison, in both languages;
* ``format_number`` vs ``babel.numbers.format_decimal`` with a ``Locale`` object (an int
  and a float);

Both sides of a ratio are timed in interleaved rounds and the best round is kept.
* ``format_ordinal`` and ``format_name`` for scale (no anchor: babel has neither).

A ratio below 1 means diplolib is faster. Run: ``python bench/bench_format.py [--number N]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import timeit
from collections.abc import Callable

from _timing import interleaved
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

from diplolib import Person, format_date, format_name, format_number, format_ordinal


def best(func: Callable[[], object], number: int) -> float:
    """Best of five runs, in microseconds per call (rows with no anchor)."""
    func()  # warm caches
    return min(timeit.repeat(func, number=number, repeat=5)) / number * 1e6


def times(sides: dict[str, Callable[[], object]], number: int) -> dict[str, float]:
    """Microseconds per call of each side, best of 7 interleaved rounds."""
    return {name: t * 1e6 for name, t in interleaved(sides, number, 7).items()}


def row(label: str, ours: float, anchor: float | None, anchor_label: str = "") -> None:
    if anchor is None:
        print(f"{label:<44} {ours:8.2f} µs")
    else:
        print(
            f"{label:<44} {ours:8.2f} µs   {anchor_label:<30} {anchor:8.2f} µs   ratio {ours / anchor:5.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--number", type=int, default=20_000, help="calls per timing run")
    number = parser.parse_args().number
    day = dt.date(2017, 3, 2)
    print(f"{number} calls per run; ratios: best of 7 interleaved rounds\n")
    for lang, babel_code in (("az", "az"), ("en", "en_GB")):
        locale = Locale.parse(babel_code)
        t = times(
            {
                "ours": lambda lang=lang: format_date(day, "long", lang=lang),
                "object": lambda loc=locale: babel_format_date(day, "long", locale=loc),
                "name": lambda code=babel_code: babel_format_date(day, "long", locale=code),
            },
            number,
        )
        # The fair anchor: a ready Locale object is Babel's fastest normal use.
        row(f"format_date long {lang}", t["ours"], t["object"], "babel Locale object")
        row(f"format_date long {lang}", t["ours"], t["name"], f"babel locale={babel_code!r}")
    formal = best(lambda: format_date(day, "formal", lang="az"), number)
    row("format_date formal az (2 mart 2017-ci il)", formal, None)
    print()
    for lang, babel_code in (("az", "az"), ("en", "en")):
        locale = Locale.parse(babel_code)
        for value in (1234567, 12500.75):
            t = times(
                {
                    "ours": lambda v=value, lang=lang: format_number(v, lang=lang),
                    "babel": lambda v=value, loc=locale: format_decimal(v, locale=loc),
                },
                number,
            )
            row(f"format_number {value!r} {lang}", t["ours"], t["babel"], "babel Locale object")
    print()
    row("format_ordinal(2024) az", best(lambda: format_ordinal(2024, lang="az"), number), None)
    row("format_ordinal(2024) en", best(lambda: format_ordinal(2024, lang="en"), number), None)
    ilham = Person(
        id="ilham-aliyev",
        given={"en": "Ilham", "az": "İlham"},
        family={"en": "Aliyev", "az": "Əliyev"},
    )
    row("format_name full az", best(lambda: format_name(ilham, lang="az"), number), None)
    row(
        "format_name full az genitive",
        best(lambda: format_name(ilham, lang="az", case="genitive"), number),
        None,
    )


if __name__ == "__main__":
    main()
