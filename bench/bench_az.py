"""Benchmarks for diplolib.az: casing vs str methods, sort_key vs ICU, romanize and slugify throughput.

Run: python bench/bench_az.py [--quick]

Ratios compare against anchors measured in the same run (str.upper/lower, PyICU's
Azerbaijani collator when installed), so figures from different machines are comparable.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import timeit
from collections.abc import Callable

from _timing import interleaved

from diplolib import az, slugify

GIVEN = [
    "Heydər",
    "İlham",
    "Mehriban",
    "Leyla",
    "Arzu",
    "Elmar",
    "Ceyhun",
    "Hikmət",
    "Əli",
    "Sahibə",
    "Nizami",
    "Üzeyir",
    "Məmməd",
    "Səməd",
    "Fikrət",
    "Qara",
    "Rəşid",
    "Cəlil",
    "Həsən",
    "Fətəli",
    "Nəriman",
    "Hüseyn",
    "Xurşidbanu",
    "Elçin",
    "Mikayıl",
    "Zərifə",
    "Aygün",
    "Vaqif",
    "Gülnarə",
    "Şahin",
    "Çingiz",
    "Ilqar",
    "Ağa",
    "Oqtay",
    "Ülviyyə",
    "Söhrab",
    "Xədicə",
    "Qənirə",
]
FAMILY = [
    "Əliyev",
    "Məmmədyarov",
    "Bayramov",
    "Hacıyev",
    "Əsədov",
    "Qafarova",
    "Gəncəvi",
    "Hacıbəyli",
    "Rəsulzadə",
    "Vurğun",
    "Əmirov",
    "Qarayev",
    "Behbudov",
    "Məmmədquluzadə",
    "Zərdabi",
    "Xoyski",
    "Nərimanov",
    "Cavid",
    "Natəvan",
    "Əmirbəyov",
    "Cabbarov",
    "Həsənova",
    "Quliyev",
    "Şükürov",
    "Çələbi",
    "Ağayev",
    "Xəlilov",
    "İsmayılov",
    "Qasımov",
    "Ələkbərov",
]
SENTENCE = (
    "Azərbaycan Respublikasının Prezidenti İlham Əliyev Xarici İşlər Nazirliyində "
    "Şuşa, Xankəndi və Qəbələ şəhərlərində keçiriləcək beynəlxalq tədbirlər barədə çıxış edib. "
)


def names(count: int) -> list[str]:
    rng = random.Random(2024)
    pool = [f"{g} {f}" for g, f in itertools.product(GIVEN, FAMILY)]
    return [rng.choice(pool) for _ in range(count)]


def best(func: Callable[[], object], number: int, repeat: int) -> float:
    """Best time per call, in seconds (for rows with no anchor)."""
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def pair(
    ours: Callable[[], object], anchor: Callable[[], object], number: int, repeat: int
) -> tuple[float, float]:
    """Best time per call of each side, in seconds, timed in interleaved rounds."""
    times = interleaved({"ours": ours, "anchor": anchor}, number, repeat)
    return times["ours"], times["anchor"]


def row(label: str, seconds: float, anchor: float | None = None, unit: str = "call") -> None:
    ratio = f"{seconds / anchor:6.2f}x" if anchor else "      "
    print(f"  {label:<46} {seconds * 1e6:10.1f} µs/{unit}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7

    text = SENTENCE * 20
    print(f"casing, {len(text)} characters of Azerbaijani prose (ratio vs str method)")
    ours, base = pair(lambda: az.upper(text), lambda: text.upper(), 2000, repeat)
    row("str.upper", base)
    row("az.upper", ours, base)
    ours, base = pair(lambda: az.lower(text), lambda: text.lower(), 2000, repeat)
    row("str.lower", base)
    row("az.lower", ours, base)
    ours, base = pair(lambda: az.title(text), lambda: text.title(), 200, repeat)
    row("str.title", base)
    row("az.title", ours, base)

    people = names(10_000)
    print("\nsorting 10,000 names (ratio vs PyICU's az collator)")
    anchor = None
    try:
        import icu  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        print("  PyICU not installed (pip install pyicu-wheels): no ICU anchor")
    else:
        collator = icu.Collator.createInstance(icu.Locale("az"))
        times = interleaved(
            {
                "icu": lambda: sorted(people, key=collator.getSortKey),
                "ours": lambda: sorted(people, key=az.sort_key),
                "code point": lambda: sorted(people),
            },
            3,
            repeat,
        )
        anchor = times["icu"]
        row("sorted(key=icu Collator.getSortKey)", anchor, unit="sort")
        ours = sorted(people, key=az.sort_key)
        theirs = sorted(people, key=collator.getSortKey)
        print(f"  same order as ICU: {ours == theirs}")
    if anchor is None:
        times = interleaved(
            {"ours": lambda: sorted(people, key=az.sort_key), "code point": lambda: sorted(people)},
            3,
            repeat,
        )
    row("sorted(key=az.sort_key)", times["ours"], anchor, unit="sort")
    row("sorted() by code point (wrong order)", times["code point"], anchor, unit="sort")

    print("\nromanize and slugify, 10,000 names")
    for label, func in [
        ("az.romanize", lambda: [az.romanize(n) for n in people]),
        (
            "az.romanize(use_gazetteer=False)",
            lambda: [az.romanize(n, use_gazetteer=False) for n in people],
        ),
        ("slugify(lang='az')", lambda: [slugify(n, lang="az") for n in people]),
        ("slugify(lang='en')", lambda: [slugify(n, lang="en") for n in people]),
        ("az.inflect(genitive)", lambda: [az.inflect(n, "genitive") for n in people]),
    ]:
        seconds = best(func, 1, repeat)
        per_second = len(people) / seconds
        print(f"  {label:<46} {seconds * 1e3:8.1f} ms  {per_second:>10,.0f} names/s")

    sample = [az.romanize(n) for n in people[:5]]
    print(f"\n  sample: {sample}")
    print(f"  median name length: {statistics.median(len(n) for n in people):.0f} characters")


if __name__ == "__main__":
    main()
