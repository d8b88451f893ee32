"""Azerbaijani numbers: cardinals and ordinals in words, numeric ordinals, Roman numerals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplolib import az

# n | cardinal | ordinal in words | numeric ordinal, for every number from 1 to 100.
ONE_TO_HUNDRED = """
1 | bir | birinci | 1-ci
2 | iki | ikinci | 2-ci
3 | üç | üçüncü | 3-cü
4 | dörd | dördüncü | 4-cü
5 | beş | beşinci | 5-ci
6 | altı | altıncı | 6-cı
7 | yeddi | yeddinci | 7-ci
8 | səkkiz | səkkizinci | 8-ci
9 | doqquz | doqquzuncu | 9-cu
10 | on | onuncu | 10-cu
11 | on bir | on birinci | 11-ci
12 | on iki | on ikinci | 12-ci
13 | on üç | on üçüncü | 13-cü
14 | on dörd | on dördüncü | 14-cü
15 | on beş | on beşinci | 15-ci
16 | on altı | on altıncı | 16-cı
17 | on yeddi | on yeddinci | 17-ci
18 | on səkkiz | on səkkizinci | 18-ci
19 | on doqquz | on doqquzuncu | 19-cu
20 | iyirmi | iyirminci | 20-ci
21 | iyirmi bir | iyirmi birinci | 21-ci
22 | iyirmi iki | iyirmi ikinci | 22-ci
23 | iyirmi üç | iyirmi üçüncü | 23-cü
24 | iyirmi dörd | iyirmi dördüncü | 24-cü
25 | iyirmi beş | iyirmi beşinci | 25-ci
26 | iyirmi altı | iyirmi altıncı | 26-cı
27 | iyirmi yeddi | iyirmi yeddinci | 27-ci
28 | iyirmi səkkiz | iyirmi səkkizinci | 28-ci
29 | iyirmi doqquz | iyirmi doqquzuncu | 29-cu
30 | otuz | otuzuncu | 30-cu
31 | otuz bir | otuz birinci | 31-ci
32 | otuz iki | otuz ikinci | 32-ci
33 | otuz üç | otuz üçüncü | 33-cü
34 | otuz dörd | otuz dördüncü | 34-cü
35 | otuz beş | otuz beşinci | 35-ci
36 | otuz altı | otuz altıncı | 36-cı
37 | otuz yeddi | otuz yeddinci | 37-ci
38 | otuz səkkiz | otuz səkkizinci | 38-ci
39 | otuz doqquz | otuz doqquzuncu | 39-cu
40 | qırx | qırxıncı | 40-cı
41 | qırx bir | qırx birinci | 41-ci
42 | qırx iki | qırx ikinci | 42-ci
43 | qırx üç | qırx üçüncü | 43-cü
44 | qırx dörd | qırx dördüncü | 44-cü
45 | qırx beş | qırx beşinci | 45-ci
46 | qırx altı | qırx altıncı | 46-cı
47 | qırx yeddi | qırx yeddinci | 47-ci
48 | qırx səkkiz | qırx səkkizinci | 48-ci
49 | qırx doqquz | qırx doqquzuncu | 49-cu
50 | əlli | əllinci | 50-ci
51 | əlli bir | əlli birinci | 51-ci
52 | əlli iki | əlli ikinci | 52-ci
53 | əlli üç | əlli üçüncü | 53-cü
54 | əlli dörd | əlli dördüncü | 54-cü
55 | əlli beş | əlli beşinci | 55-ci
56 | əlli altı | əlli altıncı | 56-cı
57 | əlli yeddi | əlli yeddinci | 57-ci
58 | əlli səkkiz | əlli səkkizinci | 58-ci
59 | əlli doqquz | əlli doqquzuncu | 59-cu
60 | altmış | altmışıncı | 60-cı
61 | altmış bir | altmış birinci | 61-ci
62 | altmış iki | altmış ikinci | 62-ci
63 | altmış üç | altmış üçüncü | 63-cü
64 | altmış dörd | altmış dördüncü | 64-cü
65 | altmış beş | altmış beşinci | 65-ci
66 | altmış altı | altmış altıncı | 66-cı
67 | altmış yeddi | altmış yeddinci | 67-ci
68 | altmış səkkiz | altmış səkkizinci | 68-ci
69 | altmış doqquz | altmış doqquzuncu | 69-cu
70 | yetmiş | yetmişinci | 70-ci
71 | yetmiş bir | yetmiş birinci | 71-ci
72 | yetmiş iki | yetmiş ikinci | 72-ci
73 | yetmiş üç | yetmiş üçüncü | 73-cü
74 | yetmiş dörd | yetmiş dördüncü | 74-cü
75 | yetmiş beş | yetmiş beşinci | 75-ci
76 | yetmiş altı | yetmiş altıncı | 76-cı
77 | yetmiş yeddi | yetmiş yeddinci | 77-ci
78 | yetmiş səkkiz | yetmiş səkkizinci | 78-ci
79 | yetmiş doqquz | yetmiş doqquzuncu | 79-cu
80 | səksən | səksəninci | 80-ci
81 | səksən bir | səksən birinci | 81-ci
82 | səksən iki | səksən ikinci | 82-ci
83 | səksən üç | səksən üçüncü | 83-cü
84 | səksən dörd | səksən dördüncü | 84-cü
85 | səksən beş | səksən beşinci | 85-ci
86 | səksən altı | səksən altıncı | 86-cı
87 | səksən yeddi | səksən yeddinci | 87-ci
88 | səksən səkkiz | səksən səkkizinci | 88-ci
89 | səksən doqquz | səksən doqquzuncu | 89-cu
90 | doxsan | doxsanıncı | 90-cı
91 | doxsan bir | doxsan birinci | 91-ci
92 | doxsan iki | doxsan ikinci | 92-ci
93 | doxsan üç | doxsan üçüncü | 93-cü
94 | doxsan dörd | doxsan dördüncü | 94-cü
95 | doxsan beş | doxsan beşinci | 95-ci
96 | doxsan altı | doxsan altıncı | 96-cı
97 | doxsan yeddi | doxsan yeddinci | 97-ci
98 | doxsan səkkiz | doxsan səkkizinci | 98-ci
99 | doxsan doqquz | doxsan doqquzuncu | 99-cu
100 | yüz | yüzüncü | 100-cü
"""


def rows() -> list[tuple[int, str, str, str]]:
    out = []
    for line in ONE_TO_HUNDRED.strip().splitlines():
        n, cardinal, ordinal, numeral = (c.strip() for c in line.split("|"))
        out.append((int(n), cardinal, ordinal, numeral))
    return out


def test_table_covers_one_to_hundred() -> None:
    assert [r[0] for r in rows()] == list(range(1, 101))


@pytest.mark.parametrize(("n", "cardinal", "ordinal", "numeral"), rows())
def test_one_to_hundred(n: int, cardinal: str, ordinal: str, numeral: str) -> None:
    assert az.number_to_words(n) == cardinal
    assert az.ordinal_to_words(n) == ordinal
    assert az.ordinal_numeral(n) == numeral
    assert f"{n}-{az.ordinal_suffix(n)}" == numeral


@pytest.mark.parametrize(
    ("n", "cardinal", "ordinal", "suffix"),
    [
        (0, "sıfır", "sıfırıncı", "cı"),
        (101, "yüz bir", "yüz birinci", "ci"),
        (110, "yüz on", "yüz onuncu", "cu"),
        (200, "iki yüz", "iki yüzüncü", "cü"),
        (999, "doqquz yüz doxsan doqquz", "doqquz yüz doxsan doqquzuncu", "cu"),
        (1000, "min", "mininci", "ci"),
        (1001, "min bir", "min birinci", "ci"),
        (1918, "min doqquz yüz on səkkiz", "min doqquz yüz on səkkizinci", "ci"),
        (1991, "min doqquz yüz doxsan bir", "min doqquz yüz doxsan birinci", "ci"),
        (2000, "iki min", "iki mininci", "ci"),
        (2009, "iki min doqquz", "iki min doqquzuncu", "cu"),
        (2017, "iki min on yeddi", "iki min on yeddinci", "ci"),
        (2020, "iki min iyirmi", "iki min iyirminci", "ci"),
        (2024, "iki min iyirmi dörd", "iki min iyirmi dördüncü", "cü"),
        (2026, "iki min iyirmi altı", "iki min iyirmi altıncı", "cı"),
        (2030, "iki min otuz", "iki min otuzuncu", "cu"),
        (12_500, "on iki min beş yüz", "on iki min beş yüzüncü", "cü"),
        (100_000, "yüz min", "yüz mininci", "ci"),
        (101_000, "yüz bir min", "yüz bir mininci", "ci"),
        (1_000_000, "bir milyon", "bir milyonuncu", "cu"),
        (1_001_000, "bir milyon min", "bir milyon mininci", "ci"),
        (2_500_000, "iki milyon beş yüz min", "iki milyon beş yüz mininci", "ci"),
        (10**9, "bir milyard", "bir milyardıncı", "cı"),
        (3 * 10**9 + 40, "üç milyard qırx", "üç milyard qırxıncı", "cı"),
        (10**12, "bir trilyon", "bir trilyonuncu", "cu"),
        (10**15, "bir kvadrilyon", "bir kvadrilyonuncu", "cu"),
        (az.MAX_NUMBER, None, None, "cu"),
    ],
)
def test_big_numbers(n: int, cardinal: str | None, ordinal: str | None, suffix: str) -> None:
    if cardinal is not None:
        assert az.number_to_words(n) == cardinal
        assert az.ordinal_to_words(n) == ordinal
    assert az.ordinal_suffix(n) == suffix
    assert az.ordinal_numeral(n) == f"{n}-{suffix}"


def test_negative_cardinals_are_spelled() -> None:
    assert az.number_to_words(-15) == "mənfi on beş"
    assert az.number_to_words(-az.MAX_NUMBER).startswith("mənfi doqquz yüz")


@pytest.mark.parametrize(
    "func", [az.ordinal_suffix, az.ordinal_numeral, az.ordinal_to_words, az.number_to_words]
)
@pytest.mark.parametrize("n", [10**18, 10**20])
def test_too_big(func: object, n: int) -> None:
    with pytest.raises(ValueError, match=f"got {n}; accepted: integers from"):
        func(n)  # type: ignore[operator]


@pytest.mark.parametrize("func", [az.ordinal_suffix, az.ordinal_numeral, az.ordinal_to_words])
@pytest.mark.parametrize("n", [-1, -25])
def test_negative_ordinals(func: object, n: int) -> None:
    with pytest.raises(ValueError, match="accepted: integers from 0 to"):
        func(n)  # type: ignore[operator]


@pytest.mark.parametrize("func", [az.ordinal_suffix, az.number_to_words, az.to_roman])
@pytest.mark.parametrize("value", [True, 2.0, "5", None])
def test_non_int(func: object, value: object) -> None:
    with pytest.raises(TypeError, match="takes an int"):
        func(value)  # type: ignore[operator]


@given(st.integers(min_value=0, max_value=az.MAX_NUMBER))
def test_suffix_follows_the_last_spoken_word(n: int) -> None:
    last = az.number_to_words(n).split()[-1]
    vowel = next(c for c in reversed(last) if c in az.VOWELS)
    high = {
        "a": "ı",
        "ı": "ı",
        "o": "u",
        "u": "u",
        "e": "i",
        "ə": "i",
        "i": "i",
        "ö": "ü",
        "ü": "ü",
    }
    assert az.ordinal_suffix(n) == "c" + high[vowel]
    assert az.ordinal_to_words(n).startswith(az.number_to_words(n))


@pytest.mark.parametrize(
    ("n", "roman"),
    [
        (1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (19, "XIX"), (21, "XXI"), (40, "XL"),
        (49, "XLIX"), (90, "XC"), (400, "CD"), (944, "CMXLIV"), (1991, "MCMXCI"),
        (2024, "MMXXIV"), (3999, "MMMCMXCIX"),
    ],
)  # fmt: skip
def test_roman(n: int, roman: str) -> None:
    assert az.to_roman(n) == roman
    assert az.from_roman(roman) == n
    assert az.from_roman(roman.lower()) == n


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(n: int) -> None:
    assert az.from_roman(az.to_roman(n)) == n


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_range(n: int) -> None:
    with pytest.raises(ValueError, match="accepted: integers from 1 to 3999"):
        az.to_roman(n)


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "MMMM", "X I", "ABC"])
def test_bad_roman(text: str) -> None:
    with pytest.raises(ValueError, match="not a Roman numeral"):
        az.from_roman(text)


def test_from_roman_needs_str() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        az.from_roman(5)  # type: ignore[arg-type]
