#!/usr/bin/env python3
"""Build the hard short-case set for language detection: names plus one grammatical cue.

Usage (from the repository root, with diplolib installed)::

    python scripts/build_detect_hard_cases.py

Writes ``tests/data/detect_hard.tsv`` (``lang<TAB>part<TAB>text``). Short texts
dominated by names are where a character model goes wrong: "Hakan Fidan
Bakıda" is Azerbaijani by its case ending, whatever the Turkish names. Each
case here is a few names (people and places of many countries, in the
spelling of the text's language) and exactly one grammatical cue of the
language: a case ending on a name, a conjunction, a preposition or a verb.

Two parts, with disjoint name pools so that one says nothing about the other:

* ``tuned``: the cases the detector's name weight and cue strengths were
  chosen on (``diplolib._detect_evidence``);
* ``heldout``: never looked at while tuning; it also holds the name-heavy
  short lines of the corpora's test split (``tests/data/detect_eval.tsv``:
  at most six words, most of them capitalised), which the profile never
  trained on.

The hand-written parts (names, cue templates) are the project's own, MIT; the
lines taken from the corpora keep their licences (``tests/data/README.md``).
The output is deterministic.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from diplolib.az import inflect

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "detect_hard.tsv"

# People and places in each spelling, in two disjoint pools (tuned, heldout).
LATIN_PEOPLE = {
    "tuned": {
        "az": ["Hakan Fidan", "Mevlüt Çavuşoğlu", "Antoni Blinken", "Ceyhun Bayramov",
               "Kassım-Jomart Tokayev", "Emmanuel Makron", "Şavkat Mirziyoyev"],
        "tr": ["İlham Aliyev", "Ceyhun Bayramov", "Antony Blinken", "Kasım Cömert Tokayev",
               "Hakan Fidan", "Olaf Scholz", "Şevket Mirziyoyev"],
        "en": ["Hakan Fidan", "Ilham Aliyev", "Mevlüt Çavuşoğlu", "Jeyhun Bayramov",
               "Kassym-Jomart Tokayev", "Recep Tayyip Erdoğan", "Shavkat Mirziyoyev"],
    },
    "heldout": {
        "az": ["Recep Tayyip Ərdoğan", "Binali Yıldırım", "Yaşar Güler", "Cevdet Yılmaz",
               "Nursultan Nazarbayev", "Olaf Şolts", "Mixail Mişustin"],
        "tr": ["Mehriban Aliyeva", "Elmar Memmedyarov", "Nursultan Nazarbayev", "Josep Borrell",
               "Sadır Caparov", "Cevdet Yılmaz", "Yaşar Güler"],
        "en": ["Binali Yıldırım", "Elmar Mammadyarov", "Nursultan Nazarbayev", "Josep Borrell",
               "Yaşar Güler", "Mehriban Aliyeva", "Sadyr Japarov"],
    },
}  # fmt: skip
LATIN_PLACES = {
    "tuned": {
        "az": ["Bakı", "Ankara", "London", "Astana", "Brüssel", "Daşkənd"],
        "tr": ["Bakü", "Ankara", "Londra", "Astana", "Brüksel", "Taşkent"],
        "en": ["Baku", "Ankara", "London", "Astana", "Brussels", "Tashkent"],
    },
    "heldout": {
        "az": ["Gəncə", "İstanbul", "Paris", "Bişkek", "Tbilisi", "Berlin"],
        "tr": ["Gence", "İstanbul", "Paris", "Bişkek", "Tiflis", "Berlin"],
        "en": ["Ganja", "Istanbul", "Paris", "Bishkek", "Tbilisi", "Berlin"],
    },
}  # fmt: skip
CYRILLIC_PEOPLE = {
    "tuned": {
        "ru": ["Нұрсұлтан Назарбаев", "Қасым-Жомарт Тоқаев", "Ильхам Алиев", "Хакан Фидан",
               "Джейхун Байрамов", "Реджеп Тайип Эрдоган"],
        "kk": ["Владимир Путин", "Сергей Лавров", "Ильхам Алиев", "Хакан Фидан",
               "Джейхун Байрамов", "Михаил Мишустин"],
    },
    "heldout": {
        "ru": ["Мұрат Нұртілеу", "Әлихан Смайылов", "Мехрибан Алиева", "Шавкат Мирзиёев",
               "Бинали Йылдырым", "Олжас Бектенов"],
        "kk": ["Дмитрий Медведев", "Алексей Оверчук", "Мехрибан Алиева", "Шавкат Мирзиёев",
               "Эльмар Мамедъяров", "Мария Захарова"],
    },
}  # fmt: skip
# Russian: (nominative, "в" + prepositional, "в" + accusative); Kazakh: (nominative,
# locative, dative).
CYRILLIC_PLACES = {
    "tuned": {
        "ru": [("Баку", "в Баку", "в Баку"), ("Астана", "в Астане", "в Астану"),
               ("Анкара", "в Анкаре", "в Анкару"), ("Ташкент", "в Ташкенте", "в Ташкент")],
        "kk": [("Баку", "Бакуде", "Бакуге"), ("Мәскеу", "Мәскеуде", "Мәскеуге"),
               ("Анкара", "Анкарада", "Анкараға"), ("Ташкент", "Ташкентте", "Ташкентке")],
    },
    "heldout": {
        "ru": [("Алматы", "в Алматы", "в Алматы"), ("Бишкек", "в Бишкеке", "в Бишкек"),
               ("Тбилиси", "в Тбилиси", "в Тбилиси"), ("Стамбул", "в Стамбуле", "в Стамбул")],
        "kk": [("Алматы", "Алматыда", "Алматыға"), ("Бішкек", "Бішкекте", "Бішкекке"),
               ("Тбилиси", "Тбилисиде", "Тбилисиге"), ("Стамбұл", "Стамбұлда", "Стамбұлға")],
    },
}  # fmt: skip

_TR_BACK = frozenset("aıou")


def _turkish_case(place: str, case: str) -> str:
    """Turkish case ending after an apostrophe: Londra'da, Bakü'ye, Paris'ten."""
    low = place.replace("İ", "i").lower()
    vowel = next(c for c in reversed(low) if c in "aıoueiöü")
    back = vowel in _TR_BACK
    hard = low[-1] in "çfhkpsşt"
    ends_vowel = low[-1] in "aıoueiöü"
    if case == "locative":
        return f"{place}'{'t' if hard else 'd'}{'a' if back else 'e'}"
    if case == "ablative":
        return f"{place}'{'t' if hard else 'd'}{'a' if back else 'e'}n"
    return f"{place}'{'y' if ends_vowel else ''}{'a' if back else 'e'}"  # dative


def latin_cases(part: str) -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for lang in ("az", "tr", "en"):
        people = LATIN_PEOPLE[part][lang]
        places = LATIN_PLACES[part][lang]
        for index, person in enumerate(people):
            other = people[(index + 3) % len(people)]
            place = places[index % len(places)]
            if lang == "az":
                cues = [
                    f"{person} {inflect(place, 'locative')}",
                    f"{person} {inflect(place, 'dative')}",
                    f"{person} {inflect(place, 'ablative')}",
                    f"{person} və {other}",
                    f"{person} {other} ilə",
                ]
            elif lang == "tr":
                cues = [
                    f"{person} {_turkish_case(place, 'locative')}",
                    f"{person} {_turkish_case(place, 'dative')}",
                    f"{person} {_turkish_case(place, 'ablative')}",
                    f"{person} ve {other}",
                    f"{person} ile {other}",
                ]
            else:
                cues = [
                    f"{person} in {place}",
                    f"{person} to {place}",
                    f"{person} from {place}",
                    f"{person} and {other}",
                    f"{person} with {other}",
                ]
            cases.extend((lang, text) for text in cues)
    return cases


def cyrillic_cases(part: str) -> list[tuple[str, str]]:
    cases: list[tuple[str, str]] = []
    for lang in ("ru", "kk"):
        people = CYRILLIC_PEOPLE[part][lang]
        places = CYRILLIC_PLACES[part][lang]
        for index, person in enumerate(people):
            other = people[(index + 2) % len(people)]
            nominative, locative, directional = places[index % len(places)]
            if lang == "ru":
                cues = [
                    f"{person} посетил {nominative}",
                    f"{person} {locative}",
                    f"{person} прибыл {directional}",
                    f"{person} и {other}",
                ]
            else:
                cues = [
                    f"{person} {locative}",
                    f"{person} {directional}",
                    f"{person} {nominative} қаласында",
                    f"{person} және {other}",
                ]
            cases.extend((lang, text) for text in cues)
    return cases


_WORD_RE = re.compile(r"[^\W\d_]+")


def corpus_cases() -> list[tuple[str, str]]:
    """Short, name-heavy lines of the corpora's held-out test split."""
    found = []
    for line in (ROOT / "tests" / "data" / "detect_eval.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        lang, text = line.split("\t")[0], line.split("\t")[-1]
        words = _WORD_RE.findall(text)
        if lang not in ("az", "tr", "en", "ru", "kk") or not 2 <= len(words) <= 6:
            continue
        if lang == "az" and any("\u0400" <= c <= "\u04ff" for c in text):
            continue  # Azerbaijani in Cyrillic: not a case of names
        capitals = sum(w[0].isupper() for w in words[1:])
        if capitals * 2 >= len(words) - 1 and capitals:
            found.append((lang, text))
    return found


def main() -> int:
    rows = [(lang, "tuned", text) for lang, text in latin_cases("tuned") + cyrillic_cases("tuned")]
    held = latin_cases("heldout") + cyrillic_cases("heldout") + corpus_cases()
    rows += [(lang, "heldout", text) for lang, text in held]
    seen: set[str] = set()
    lines = [
        "# lang<TAB>part<TAB>text: short texts of names plus one grammatical cue, "
        "built by scripts/build_detect_hard_cases.py; 'tuned' chose the detector's weights, "
        "'heldout' never did"
    ]
    for lang, part, text in rows:
        if text in seen:
            continue
        seen.add(text)
        lines.append(f"{lang}\t{part}\t{text}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for lang, part, _ in rows:
        counts[f"{part}/{lang}"] = counts.get(f"{part}/{lang}", 0) + 1
    digest = hashlib.sha256(OUT.read_bytes()).hexdigest()[:12]
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines) - 1} cases {counts} sha256 {digest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
